"""A rotation script as a user writes one, typed with the names chpass exports (mypy --strict
runs over py-tests: test_python_api.py): every name the stubs show exists at run time."""

from __future__ import annotations

from pathlib import Path

import chpass
from chpass import Context, FileUpdate, GenerateOptions, HashSpec, Strength


def rotate(clouds: Path, cloud: str, username: str) -> tuple[str, FileUpdate]:
    """A new password that the cloud's policy accepts, written into clouds.yaml."""
    context: Context = {"username": username}
    options: GenerateOptions = {"mode": "passphrase", "words": 6}
    policy = chpass.Policy.preset("keystone")
    made = chpass.generate(policy, options, context)
    report = chpass.validate(made.password, policy, context)
    assert report["ok"], report["violations"]
    return made.password, chpass.update_cloud_file(clouds, cloud, made.password, backup=False)


def test_the_typed_rotation_script_runs(tmp_path: Path) -> None:
    clouds = tmp_path / "clouds.yaml"
    clouds.write_text("clouds:\n  prod:\n    auth:\n      username: jack\n      password: old\n")
    password, update = rotate(clouds, "prod", "jack")
    assert update["status"] == "updated" and password in clouds.read_text()
    spec: HashSpec = {"algorithm": "bcrypt", "cost": 4}
    assert chpass.verify(password, chpass.hash(password, spec))
    estimate: Strength = chpass.strength(password)
    assert estimate["score"] in range(5)


def test_every_name_the_stubs_export_is_importable_at_run_time() -> None:
    for name in chpass.__all__:
        assert hasattr(chpass, name), name
    from chpass.types import Context as FromTypes

    assert FromTypes is chpass.Context

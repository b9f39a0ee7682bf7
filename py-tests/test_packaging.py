"""The pip package as a user gets it: the abi3 wheel and the sdist, each installed into a fresh
virtualenv, then imported and used there; and every public name documented."""

from typing import Any, Dict
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import chpass
from conftest import ROOT

SMOKE = (
    "import chpass; "
    "assert [v['code'] for v in chpass.validate('password', chpass.Policy.preset('nist-800-63b'))['violations']] == ['too_short', 'common_password']; "
    "h = chpass.hash('pw', {'algorithm': 'bcrypt', 'cost': 4}); assert chpass.verify('pw', h); "
    "assert issubclass(chpass.MalformedHashError, ValueError); "
    "print(chpass.__version__)"
)


def fresh_venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(path)
    return path / "bin" / "python"


def pip(python: Path, *args: str, env: Dict[str, Any] | None = None) -> None:
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args],
                   check=True, env=env, capture_output=True, text=True)


def test_the_wheel_installs_offline_in_a_fresh_venv(tmp_path: Path) -> None:
    wheels = sorted((ROOT / "target" / "wheels").glob("chpass-*-abi3-*.whl"))
    assert wheels, "scripts/build.sh builds the wheel"
    python = fresh_venv(tmp_path / "venv")
    pip(python, "--no-index", str(wheels[-1]))
    out = subprocess.run([str(python), "-c", SMOKE], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == chpass.__version__


def test_the_sdist_builds_and_installs_in_a_fresh_venv(tmp_path: Path) -> None:
    maturin = Path(sys.executable).with_name("maturin")
    subprocess.run([str(maturin), "sdist", "-m", str(ROOT / "bindings-python" / "Cargo.toml"), "-o", str(tmp_path)],
                   check=True, capture_output=True)
    sdist = next(tmp_path.glob("chpass-*.tar.gz"))
    python = fresh_venv(tmp_path / "venv")
    # maturin comes from PyPI (build isolation); compiled dependencies are reused from target/.
    # The sdist's files all carry one fixed mtime, older than any build, so cargo would take the
    # last run's chpass crates as fresh: they are cleaned, and only third-party crates reused
    # (not the vendored ones, whose patches change with the tree).
    target = ROOT / "target" / "sdist-check"
    crates = ("chpass", "chpass-regex", "chpass-cli", "chpass-strength", "chpass-python", "argon2-rust")
    ours = [arg for crate in crates for arg in ("-p", crate)]
    subprocess.run(["cargo", "clean", "--release", "--target-dir", str(target), *ours],
                   cwd=ROOT, check=True, capture_output=True)
    env = {**os.environ, "CARGO_TARGET_DIR": str(target)}
    try:
        pip(python, str(sdist), env=env)
    except subprocess.CalledProcessError as e:
        pytest.fail(e.stdout + e.stderr)
    out = subprocess.run([str(python), "-c", SMOKE], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_every_public_name_is_documented() -> None:
    def alias(thing: object) -> bool:
        # a Literal or Union type alias: its docstring is the string after it in the generated
        # module (pdoc shows it); at run time such an alias has no __doc__ of its own
        return type(thing).__module__ == "typing" and not isinstance(thing, type)

    undocumented = [
        name for name in chpass.__all__
        if callable(getattr(chpass, name)) and not alias(getattr(chpass, name))
        and not (getattr(chpass, name).__doc__ or "").strip()
    ]
    assert undocumented == []
    assert "policy" in (chpass.validate.__doc__ or "")

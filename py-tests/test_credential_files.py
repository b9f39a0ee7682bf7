"""clouds.yaml / secure.yaml and RC files after a change: a YAML parser and sh read back exactly
the new password, and every other byte of the file stays as it was."""

from __future__ import annotations

from typing import Any, List

import os
import stat
import subprocess
from pathlib import Path

import pytest
import yaml

import chpass

NASTY = [
    "simple", "it's", 'say "hi"', "$HOME", "a#b", "a #b", "with space", " leading", "trailing ",
    "back\\slash", "new\nline", "tab\there", "ünïcödé-😀", "key: value", "-dash", "true", "123",
    "0x1F", "1:20", "null", "'quoted'", "`tick`", "a'b\"c$d`e\\f", "%percent", "@at", "*star",
    "&amp", "!bang", "[list]", "{map}", "~", "", "2001-12-14", ".inf", "1_000",
]

CLOUDS = """\
# my clouds
clouds:
  devstack:
    auth:
      auth_url: http://127.0.0.1/identity   # the local one
      username: jack
      password: old-plain # keep me
      project_name: demo
    region_name: RegionOne
  prod:
    auth:
      username: 'jack'
      password: 'old single'
    interface: public
  staging:
    auth: {username: jack, password: flow}
  other:
    auth:
      password: "old \\"double\\""
"""


def changed_lines(before: str, after: str) -> List[Any]:
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b)
    return [i for i, (x, y) in enumerate(zip(a, b)) if x != y]


@pytest.mark.parametrize("password", NASTY)
@pytest.mark.parametrize("cloud", ["devstack", "prod", "other"])
def test_yaml_reads_back_exactly_the_new_password(cloud: str, password: str) -> None:
    new = chpass.set_cloud_password(CLOUDS, cloud, password)
    assert new is not None
    assert yaml.safe_load(new)["clouds"][cloud]["auth"]["password"] == password
    lines = changed_lines(CLOUDS, new)
    assert len(lines) == 1
    old_line, new_line = CLOUDS.splitlines()[lines[0]], new.splitlines()[lines[0]]
    assert new_line.startswith(old_line[: old_line.index("password:") + len("password: ")])
    if "# keep me" in old_line:
        assert new_line.endswith(" # keep me")
    # the other clouds are untouched
    for other in ("devstack", "prod", "other"):
        if other != cloud:
            assert yaml.safe_load(new)["clouds"][other] == yaml.safe_load(CLOUDS)["clouds"][other]


def test_quoting_style_is_kept_where_it_can_be() -> None:
    assert "password: new-plain # keep me" in str(chpass.set_cloud_password(CLOUDS, "devstack", "new-plain"))
    assert "password: 'new'" in str(chpass.set_cloud_password(CLOUDS, "prod", "new"))
    assert 'password: "new"' in str(chpass.set_cloud_password(CLOUDS, "other", "new"))


def test_unknown_cloud_and_unsupported_layouts() -> None:
    assert chpass.set_cloud_password(CLOUDS, "nope", "x") is None
    with pytest.raises(chpass.CredentialFileError) as info:
        chpass.set_cloud_password(CLOUDS, "staging", "x")
    assert info.value.code == "file_error" and isinstance(info.value, OSError)
    with pytest.raises(chpass.CredentialFileError):
        chpass.set_cloud_password("clouds:\n  a:\n    auth:\n      password: |\n        x\n", "a", "y")


RC = """\
#!/usr/bin/env bash
export OS_AUTH_URL=http://127.0.0.1/identity
export OS_USERNAME="jack"
export OS_PASSWORD='old secret'   # from the dashboard
export OS_PROJECT_NAME=demo
"""


def sh_reads(tmp_path: Path, text: str) -> bytes:
    rc = tmp_path / "openrc"
    rc.write_text(text)
    return subprocess.run(["sh", "-c", '. ./openrc; printf %s "$OS_PASSWORD"'], cwd=tmp_path,
                          capture_output=True, check=True).stdout


@pytest.mark.parametrize("password", [p for p in NASTY])
@pytest.mark.parametrize("style", ["single", "double", "plain"])
def test_sh_reads_back_exactly_the_new_password(tmp_path: Path, style: str, password: str) -> None:
    rc = {"single": RC, "double": RC.replace("'old secret'", '"old secret"'),
          "plain": RC.replace("'old secret'", "old-secret")}[style]
    new = chpass.set_rc_password(rc, password)
    assert new is not None
    assert sh_reads(tmp_path, new) == password.encode()
    assert len(changed_lines(rc, new) if "\n" not in password else [0]) == 1
    assert new.endswith("export OS_PROJECT_NAME=demo\n")


def test_a_prompting_rc_file_is_left_alone(tmp_path: Path) -> None:
    horizon = 'echo "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "\n' \
              "read -sr OS_PASSWORD_INPUT\nexport OS_PASSWORD=$OS_PASSWORD_INPUT\n"
    assert chpass.set_rc_password(horizon, "x") is None
    path = tmp_path / "openrc"
    path.write_text(horizon)
    with pytest.raises(chpass.PasswordPromptedError) as raised:
        chpass.update_rc_file(path, "x")
    assert raised.value.code == "password_prompted" and raised.value.params == {"path": str(path)}
    assert isinstance(raised.value, chpass.CredentialFileError)
    assert path.read_text() == horizon


def test_a_file_with_nothing_to_change_is_an_error_and_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clouds = tmp_path / "clouds.yaml"
    clouds.write_text(CLOUDS)
    before = clouds.read_text()
    with pytest.raises(chpass.PasswordNotFoundError) as raised:
        chpass.update_cloud_file(clouds, "nosuch", "x")
    assert raised.value.code == "password_not_found"
    assert raised.value.params == {"path": str(clouds), "cloud": "nosuch"}
    rc = tmp_path / "openrc"
    rc.write_text("export OS_USERNAME=jack\n")
    with pytest.raises(chpass.PasswordNotFoundError):
        chpass.update_rc_file(rc, "x")
    monkeypatch.setenv("OS_CLIENT_CONFIG_FILE", str(clouds))
    monkeypatch.setenv("OS_CLIENT_SECURE_FILE", str(tmp_path / "absent.yaml"))
    with pytest.raises(chpass.PasswordNotFoundError) as raised:
        chpass.update_cloud_password("nosuch", "x")
    assert raised.value.params == {"path": None, "cloud": "nosuch"}
    assert clouds.read_text() == before and rc.read_text() == "export OS_USERNAME=jack\n"


def test_a_computed_rc_password_is_refused() -> None:
    with pytest.raises(chpass.CredentialFileError):
        chpass.set_rc_password('export OS_PASSWORD="$(pass show openstack)"\n', "x")


def test_update_cloud_file_is_atomic_keeps_mode_and_backup(tmp_path: Path) -> None:
    path = tmp_path / "clouds.yaml"
    path.write_text(CLOUDS)
    path.chmod(0o600)
    update = chpass.update_cloud_file(path, "devstack", "n3w secret")
    assert update["status"] == "updated" and update["warning"] is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert update["backup"] is not None
    assert Path(update["backup"]).read_text() == CLOUDS
    assert stat.S_IMODE(Path(update["backup"]).stat().st_mode) == 0o600
    assert yaml.safe_load(path.read_text())["clouds"]["devstack"]["auth"]["password"] == "n3w secret"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_world_readable_file_gets_a_warning_and_no_backup_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "clouds.yaml"
    path.write_text(CLOUDS)
    path.chmod(0o644)
    update = chpass.update_cloud_file(path, "prod", "x", backup=False)
    assert "readable" in str(update["warning"]) and update["backup"] is None
    assert not (tmp_path / "clouds.yaml.bak").exists()


def test_a_symlinked_file_stays_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.yaml"
    target.write_text(CLOUDS)
    link = tmp_path / "clouds.yaml"
    link.symlink_to(target)
    chpass.update_cloud_file(link, "prod", "via link", backup=False)
    assert link.is_symlink()
    assert yaml.safe_load(target.read_text())["clouds"]["prod"]["auth"]["password"] == "via link"


def test_missing_files_are_file_errors(tmp_path: Path) -> None:
    with pytest.raises(chpass.CredentialFileError) as info:
        chpass.update_cloud_file(tmp_path / "nope" / "clouds.yaml", "a", "b")
    assert "nope" in info.value.params["path"]


def test_every_file_that_holds_the_password_is_updated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secure = tmp_path / "secure.yaml"
    secure.write_text("clouds:\n  devstack:\n    auth:\n      password: in-secure\n")
    clouds = tmp_path / "clouds.yaml"
    clouds.write_text(CLOUDS)
    monkeypatch.setenv("OS_CLIENT_SECURE_FILE", str(secure))
    monkeypatch.setenv("OS_CLIENT_CONFIG_FILE", str(clouds))
    # secure.yaml's wins for openstacksdk; clouds.yaml's shadowed copy changes too, so no old
    # password is left to resurface when secure.yaml goes
    updates = chpass.update_cloud_password("devstack", "n3w", backup=False)
    assert [u["status"] for u in updates] == ["updated", "updated"]
    assert yaml.safe_load(secure.read_text())["clouds"]["devstack"]["auth"]["password"] == "n3w"
    assert yaml.safe_load(clouds.read_text())["clouds"]["devstack"]["auth"]["password"] == "n3w"
    # a file without the cloud's password is left as it was
    before = secure.read_text()
    updates = chpass.update_cloud_password("prod", "n3w", backup=False)
    assert [u["status"] for u in updates] == ["no_password", "updated"]
    assert secure.read_text() == before

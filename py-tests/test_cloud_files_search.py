"""chpass writes the new password to the clouds.yaml / secure.yaml that openstacksdk (the
`openstack` command's config loader) reads, whatever the environment says: the current
directory, $XDG_CONFIG_HOME, ~/.config, $SNAP_REAL_HOME, $XDG_CONFIG_DIRS, and the
OS_CLIENT_CONFIG_FILE / OS_CLIENT_SECURE_FILE overrides, present or pointing nowhere.
The password may sit in auth, beside it (openstacksdk reads it there too), or both, in either
file. Each layout runs in a fresh process (both read the environment once), chpass first, then
openstacksdk, which must read the new password; chpass must have changed only files
openstacksdk read, and left no old password in them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

from conftest import environ_without

NEW = "n3w-Passw0rd"

PROBE = """
import json, sys
import chpass
from openstack.config import loader
updates = chpass.update_cloud_password("c", sys.argv[1], backup=False)
config = loader.OpenStackConfig()
print(json.dumps({
    "updated": [u["path"] for u in updates if u["status"] == "updated"],
    "sdk_files": [config.config_filename, config.secure_config_filename],
    "sdk_password": config.get_one("c").auth.get("password"),
}))
"""

# where each layout puts a clouds.yaml (c) or a secure.yaml (s), relative to the scratch root,
# the environment, with {root} standing for it, and where the password sits in each file
# ("auth", "beside" auth, or "both"; auth when not said)
LAYOUTS: List[Dict[str, Any]] = [
    {"files": {"cwd": "c", "home/.config/openstack": "c"}, "env": {}},
    {"files": {"home/.config/openstack": "c"}, "env": {}},
    {"files": {"xdg/openstack": "c", "home/.config/openstack": "c"}, "env": {"XDG_CONFIG_HOME": "{root}/xdg"}},
    {"files": {"home/.config/openstack": "c"}, "env": {"XDG_CONFIG_HOME": "xdg"}},  # relative: ignored
    {"files": {"real/.config/openstack": "c", "site/openstack": "c"}, "env": {"SNAP_REAL_HOME": "{root}/real"}},
    {"files": {"site/openstack": "c"}, "env": {"XDG_CONFIG_DIRS": "{root}/site"}},
    {"files": {"site/openstack": "c"}, "env": {"XDG_CONFIG_DIRS": "rel:{root}/site"}},
    {"files": {"home/.config/openstack": "c", "other": "c"}, "env": {"OS_CLIENT_CONFIG_FILE": "{root}/other/clouds.yaml"}},
    {"files": {"home/.config/openstack": "c"}, "env": {"OS_CLIENT_CONFIG_FILE": "{root}/missing/clouds.yaml"}},
    {"files": {"cwd": "c", "home/.config/openstack": "s"}, "env": {}},
    {"files": {"cwd": "cs", "xdg/openstack": "s"}, "env": {"XDG_CONFIG_HOME": "{root}/xdg"}},
    {"files": {"cwd": "c", "other": "s"}, "env": {"OS_CLIENT_SECURE_FILE": "{root}/missing/secure.yaml"}},
    {"files": {"cwd": "c"}, "env": {}, "password": {"c": "beside"}},
    {"files": {"cwd": "c"}, "env": {}, "password": {"c": "both"}},
    {"files": {"cwd": "cs"}, "env": {}, "password": {"c": "auth", "s": "beside"}},
    {"files": {"cwd": "cs"}, "env": {}, "password": {"c": "beside", "s": "both"}},
]


def write_cloud(path: Path, password: str, where: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    login = "" if path.stem == "secure" else "      auth_url: http://127.0.0.1:5000/v3\n      username: u\n"
    beside = f"    password: '{password}-beside'\n" if where in ("beside", "both") else ""
    inner = f"      password: '{password}'\n" if where in ("auth", "both") else ""
    auth = f"    auth:\n{login}{inner}" if login or inner else ""  # an empty auth would be null
    path.write_text(f"clouds:\n  c:\n{beside}{auth}")


@pytest.mark.parametrize("layout", LAYOUTS, ids=[json.dumps([layout["env"], layout.get("password", "")]) for layout in LAYOUTS])
def test_chpass_updates_the_files_openstacksdk_reads(tmp_path: Path, layout: Dict[str, Any]) -> None:
    (tmp_path / "cwd").mkdir()
    for place, kinds in layout["files"].items():
        for kind in kinds:
            name = "clouds.yaml" if kind == "c" else "secure.yaml"
            where = layout.get("password", {}).get(kind, "auth")
            write_cloud(tmp_path / place / name, f"old-{place}-{kind}", where)
    env = environ_without("OS_", "XDG_CONFIG", "SNAP_REAL_HOME")
    env["HOME"] = str(tmp_path / "home")
    env.update({k: v.format(root=tmp_path) for k, v in layout["env"].items()})
    run = subprocess.run([sys.executable, "-c", PROBE, NEW], cwd=tmp_path / "cwd", env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout)
    assert seen["sdk_password"] == NEW, seen
    read = {os.path.realpath(tmp_path / "cwd" / f) for f in seen["sdk_files"] if f}
    assert seen["updated"], seen
    assert {os.path.realpath(f) for f in seen["updated"]} <= read, seen
    for path in read:
        assert "old-" not in Path(path).read_text(), (path, seen)

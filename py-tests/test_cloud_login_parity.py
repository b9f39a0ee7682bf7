"""`chpass set --os-cloud` logs in as the user the `openstack` command would: for generated
clouds.yaml entries (keys spelt with `-` or `_`, written in `auth` or beside it, user names and
ids, every way of naming a domain, with and without a project), keystoneauth (through
openstacksdk's config loader) and chpass each send their password login to a recording server
on 127.0.0.1, and the `user` objects must be equal. Where keystoneauth would send a user name
with no domain, which Keystone refuses, chpass names one (the domain scope's, else `default`),
as its README says."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

from conftest import environ_without
from recording_server import Recorded, RecordingServer

# every keystoneauth login this loop makes goes to the recording server: one process for all
KEYSTONEAUTH = """
import json, sys
from openstack.config import loader
for path in sys.argv[1:]:
    try:
        loader.OpenStackConfig(config_files=[path], secure_files=[]).get_one("c").get_session().get_token()
    except Exception:
        pass  # the server answers 401
"""

# the same for clouds made of OS_* variables: argv[1] is a JSON list of environments
KEYSTONEAUTH_ENV = """
import json, os, sys
from openstack.config import loader
for env in json.loads(sys.argv[1]):
    for key in [k for k in os.environ if k.startswith("OS_")]:
        del os.environ[key]
    os.environ.update(env)
    try:
        loader.OpenStackConfig(config_files=[], secure_files=[]).get_one().get_session().get_token()
    except Exception:
        pass
"""

DOMAIN_KEYS = ["user_domain_id", "user_domain_name", "default_domain_id", "default_domain_name",
               "domain_id", "domain_name", "project_name", "tenant_name", "project_id"]


def spelt(rng: random.Random, key: str) -> str:
    return key.replace("_", "-") if rng.random() < 0.3 else key


def random_cloud(rng: random.Random, url: str) -> Dict[str, Dict[str, str]]:
    auth: Dict[str, str] = {}
    beside: Dict[str, str] = {}

    def put(key: str, value: str) -> None:
        (beside if rng.random() < 0.3 else auth)[spelt(rng, key)] = value

    put("auth_url", url + rng.choice(["/v3", "/v3/", ""]))
    user = rng.choice(["username", "username", "user_name", "user_id", "both"])
    if user in ("username", "user_name", "both"):
        put("username" if user == "both" else user, "alice")
    if user in ("user_id", "both"):
        put("user_id", "uid-a1")
    for key in DOMAIN_KEYS:
        if rng.random() < 0.25:
            put(key, key.replace("_", "-").upper())
    if rng.random() < 0.1:  # the same key in both places: which one wins depends on the key
        key = rng.choice(DOMAIN_KEYS + ["username"])
        auth[key], beside[key] = "IN-AUTH", "BESIDE"
    put("password", "pw")
    return {"auth": auth, "beside": beside}


def clouds_yaml(cloud: Dict[str, Dict[str, str]]) -> str:
    lines = ["clouds:", "  c:"]
    lines += [f"    {key}: '{value}'" for key, value in cloud["beside"].items()]
    if cloud["auth"]:
        lines.append("    auth:")
        lines += [f"      {key}: '{value}'" for key, value in cloud["auth"].items()]
    return "\n".join(lines) + "\n"


def login_users(requests: List[Recorded]) -> List[Any]:
    return [r.json()["auth"]["identity"]["password"]["user"] for r in requests if r.method == "POST"]


def answer(url: Callable[[], str]) -> Callable[[Recorded], Tuple[int, Dict[str, str], str]]:
    def reply(request: Recorded) -> Tuple[int, Dict[str, str], str]:
        if request.method == "GET":  # keystoneauth's version discovery
            version = {"id": "v3.14", "status": "stable", "links": [{"rel": "self", "href": url() + "/v3/"}]}
            return 200, {}, json.dumps({"version": version})
        return 401, {}, json.dumps({"error": {"code": 401, "title": "Unauthorized", "message": "no"}})
    return reply


def chpass_would_name_a_domain(theirs: Any, cloud: Dict[str, Dict[str, str]]) -> Any:
    """keystoneauth's user object, with the domain chpass adds where keystoneauth names none."""
    if "name" not in theirs or "domain" in theirs:
        return theirs
    # the domain scope as openstacksdk reads it: the value beside auth wins (_fix_backwards_auth)
    values = {key.replace("-", "_"): value for place in ("auth", "beside") for key, value in cloud[place].items()}
    domain = ({"id": values["domain_id"]} if "domain_id" in values else
              {"name": values["domain_name"]} if "domain_name" in values else {"id": "default"})
    return {**theirs, "domain": domain}


def random_env(rng: random.Random, url: str) -> Dict[str, str]:
    env = {"OS_AUTH_URL": url + rng.choice(["/v3", ""]), "OS_PASSWORD": "pw"}
    user = rng.choice(["USERNAME", "USERNAME", "USER_NAME", "USER_ID"])
    env["OS_" + user] = "uid-a1" if user == "USER_ID" else "alice"
    for key in DOMAIN_KEYS:
        if rng.random() < 0.25:
            env["OS_" + key.upper()] = key.replace("_", "-").upper()
    return env


def chpass_login(server: RecordingServer, env: Dict[str, str]) -> Tuple[List[Any], str]:
    server.requests.clear()
    run = subprocess.run([sys.executable, "-m", "chpass", "set"],
                         input="pw\nN3w-passw0rd-123\nN3w-passw0rd-123\n", env=env,
                         capture_output=True, text=True, timeout=60)
    return login_users(server.requests), run.stderr[-200:]


def test_chpass_logs_in_as_keystoneauth_would_from_os_variables(tmp_path: Path) -> None:
    """The same for a sourced RC file's variables (no OS_CLOUD): openstacksdk makes a cloud of
    them, which chpass must read alike."""
    rng = random.Random(20261125)
    server = RecordingServer()
    server.answer = answer(lambda: server.url)
    with server:
        envs = [random_env(rng, server.url) for _ in range(40)]
        subprocess.run([sys.executable, "-c", KEYSTONEAUTH_ENV, json.dumps(envs)], check=True, timeout=300,
                       env=environ_without(), cwd=tmp_path)
        theirs = login_users(server.requests)
        assert len(theirs) == len(envs)
        wrong = []
        for env, their_user in zip(envs, theirs):
            cloud = {"auth": {}, "beside": {k[3:].lower(): v for k, v in env.items()}}
            expected = chpass_would_name_a_domain(their_user, cloud)
            ours, stderr = chpass_login(server, {**environ_without(), **env})
            if ours != [expected]:
                wrong.append((env, expected, ours, stderr))
    assert wrong == [], f"{len(wrong)} of {len(envs)} differ, first: {wrong[:4]}"


def test_chpass_logs_in_as_keystoneauth_would(tmp_path: Path) -> None:
    rng = random.Random(20261124)
    server = RecordingServer()
    server.answer = answer(lambda: server.url)
    with server:
        clouds = [random_cloud(rng, server.url) for _ in range(60)]
        paths = []
        for i, cloud in enumerate(clouds):
            paths.append(tmp_path / f"clouds-{i}.yaml")
            paths[-1].write_text(clouds_yaml(cloud))
        subprocess.run([sys.executable, "-c", KEYSTONEAUTH, *map(str, paths)], check=True, timeout=300,
                       env=environ_without())
        theirs = login_users(server.requests)
        assert len(theirs) == len(clouds)
        wrong = []
        for cloud, path, their_user in zip(clouds, paths, theirs):
            env = {**environ_without(), "OS_CLOUD": "c", "OS_CLIENT_CONFIG_FILE": str(path),
                   "OS_CLIENT_SECURE_FILE": str(tmp_path / "none.yaml")}
            ours, stderr = chpass_login(server, env)
            expected = chpass_would_name_a_domain(their_user, cloud)
            if ours != [expected]:
                wrong.append((clouds_yaml(cloud).replace(server.url, "URL"), expected, ours, stderr))
    assert wrong == [], f"{len(wrong)} of {len(clouds)} differ, first: {wrong[:4]}"

"""The main job's Keystone part: start a real Keystone on 127.0.0.1, then drive the `chpass`
command as a person would (check, a refused password, a change, a login with the new password)
and show the updated clouds.yaml as a diff. The server is stopped at the end.

    .venv/bin/python examples/keystone-flow/run.py target/release/chpass
"""

import difflib
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHPASS = str(pathlib.Path(sys.argv[1]).resolve()) if len(sys.argv) > 1 else str(ROOT / "target/release/chpass")
OLD, NEW = "0ld-Passw0rd", "correct horse battery 42"


def step(title: str) -> None:
    print(f"\n\033[1m-- {title}\033[0m", flush=True)


def chpass(*args: str, stdin: str, env: dict, cwd: pathlib.Path) -> int:
    shown = " ".join(["chpass", *args])
    print(f"$ {shown}   (stdin: {stdin.count(chr(10))} line(s), not shown)", flush=True)
    run = subprocess.run([CHPASS, *args], input=stdin, text=True, env=env, cwd=cwd, capture_output=True)
    sys.stdout.write(run.stdout)
    sys.stdout.write(run.stderr)
    print(f"(exit {run.returncode})")
    return run.returncode


def api(url: str, path: str, body: dict, token: str = "") -> tuple:
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "X-Auth-Token": token})
    with urllib.request.urlopen(req, timeout=30) as res:
        return res.headers.get("X-Subject-Token"), json.loads(res.read() or b"{}")


def login(url: str, user: str, password: str) -> bool:
    try:
        api(url, "/v3/auth/tokens", {"auth": {"identity": {"methods": ["password"], "password": {
            "user": {"name": user, "domain": {"id": "default"}, "password": password}}}}})
        return True
    except urllib.error.HTTPError:
        return False


def main() -> None:
    server = subprocess.Popen([str(ROOT / ".venv-keystone/bin/python"), str(ROOT / "tests-support/keystone_server.py")],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    # the demo's files hold its passwords: removed when the job ends
    scratch = tempfile.TemporaryDirectory(prefix="chpass-main-")
    try:
        line = server.stdout.readline() if server.stdout else ""
        if not line.startswith("READY "):
            sys.exit(f"Keystone did not start: {line!r}")
        _, url, admin_password, _ = line.split()
        print(f"Keystone is up at {url} (SQLite, fernet tokens; password_regex from its [security_compliance])")
        admin, _ = api(url, "/v3/auth/tokens", {"auth": {"identity": {"methods": ["password"], "password": {
            "user": {"name": "admin", "domain": {"id": "default"}, "password": admin_password}}},
            "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}})
        api(url, "/v3/users", {"user": {"name": "demo", "domain_id": "default", "password": OLD}}, admin)

        work = pathlib.Path(scratch.name)
        clouds = work / "clouds.yaml"
        clouds.write_text(
            "# written by hand, long ago\n"
            "clouds:\n"
            "  devstack:\n"
            "    auth:\n"
            f"      auth_url: {url}/v3\n"
            "      username: demo\n"
            f"      password: '{OLD}'  # keep me secret\n"
            "      user_domain_id: default\n"
            "    region_name: RegionOne\n"
        )
        clouds.chmod(0o600)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
        env.update(HOME=str(work), OS_CLIENT_CONFIG_FILE=str(clouds))

        step("1. check a candidate against the keystone preset")
        chpass("check", "--policy", "keystone", stdin=f"{NEW}\n", env=env, cwd=work)
        step("2. a password the server's policy refuses is refused before anything is sent")
        assert chpass("set", "--os-cloud", "devstack", stdin=f"{OLD}\nonlyletters\nonlyletters\n", env=env, cwd=work) == 1
        step("3. the change, and the local files")
        assert chpass("set", "--os-cloud", "devstack", "--update-files", stdin=f"{OLD}\n{NEW}\n{NEW}\n", env=env, cwd=work) == 0
        step("4. log in with the new password (and not with the old one)")
        new_ok, old_ok = login(url, "demo", NEW), login(url, "demo", OLD)
        print(f"new password: {'accepted' if new_ok else 'REFUSED'}; old password: {'ACCEPTED' if old_ok else 'refused'}")
        assert new_ok and not old_ok
        step("5. clouds.yaml, before and after")
        before = (work / "clouds.yaml.bak").read_text().splitlines(keepends=True)
        after = clouds.read_text().splitlines(keepends=True)
        sys.stdout.writelines(difflib.unified_diff(before, after, "clouds.yaml.bak", "clouds.yaml"))
    finally:
        scratch.cleanup()
        server.terminate()
        server.wait(timeout=30)
        print("\nKeystone stopped.")


if __name__ == "__main__":
    main()

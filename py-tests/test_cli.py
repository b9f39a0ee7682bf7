"""The chpass command from Python: `python -m chpass` and the console script run the Rust
entry point (not a reimplementation)."""

from typing import Any, Dict
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import chpass
from conftest import Keystone, environ_without


def run(*args: str, stdin: str = "") -> "subprocess.CompletedProcess[str]":
    return subprocess.run([sys.executable, "-m", "chpass", *args], input=stdin, capture_output=True, text=True)


def test_python_m_chpass_check() -> None:
    ok = run("check", "--policy", "nist-800-63b", stdin="correct horse battery\n")
    assert (ok.returncode, ok.stdout) == (0, "ok: the password meets the policy\n")
    refused = run("check", "--policy", "elasticsearch", "--json", stdin="abc\n")
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["violations"][0]["code"] == "too_short"
    bad = run("check", "--policy", "nope")
    assert bad.returncode == 2 and "[invalid_argument]" in bad.stderr


def test_an_argument_that_is_not_utf8_is_a_usage_error() -> None:
    # Python hands such an argument over surrogate-escaped; it reaches the Rust command as the
    # original bytes, which clap refuses by name instead of reading a U+FFFD
    out = subprocess.run([sys.executable.encode(), b"-m", b"chpass", b"verify", b"--hash", b"$2b$04$\xff"],
                         input=b"pw\n", capture_output=True)
    assert out.returncode == 2, out.stderr
    assert b"invalid UTF-8" in out.stderr and b"Traceback" not in out.stderr


def test_an_os_variable_that_is_not_utf8_is_named_not_taken_as_unset() -> None:
    # read by the Rust command as bytes: before, OS_USERNAME counted as unset ("no username")
    env = {b"PATH": os.environb.get(b"PATH", b""), b"OS_AUTH_URL": b"http://127.0.0.1:9/identity",
           b"OS_USERNAME": b"b\xf6b"}
    out = subprocess.run([sys.executable, "-m", "chpass", "set"], input=b"a\nb\nb\n",
                         capture_output=True, env=env)
    assert out.returncode == 2, out.stderr
    assert b"OS_USERNAME is not valid UTF-8" in out.stderr and b"Traceback" not in out.stderr


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("chpass")
    assert script.exists() or shutil.which("chpass")
    out = subprocess.run([str(script), "check", "--policy", "elasticsearch"], input="abcdef\n",
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


# ---- chpass set against the real Keystone (conftest starts it), peers check the result ----

import stat  # noqa: E402

import yaml  # noqa: E402
from keystoneauth1 import exceptions as ks_exceptions  # noqa: E402
from keystoneauth1 import session as ks_session  # noqa: E402
from keystoneauth1.identity import v3 as ks_v3  # noqa: E402


def keystone_login(url: str, username: str, password: str) -> str:
    """Logs in with keystoneauth1 (the official client library), not with chpass."""
    auth = ks_v3.Password(auth_url=url + "/v3", username=username, password=password, user_domain_id="default")
    return str(ks_session.Session(auth=auth).get_token())


def cli_env(home: Path, **extra: str) -> Dict[str, Any]:
    env = environ_without()
    env.update(HOME=str(home), **extra)
    return env


def test_set_with_clouds_yaml_updates_only_the_password(keystone: Keystone, tmp_path: Path) -> None:
    keystone.create_user("cli-cloud", "0ld-Passw0rd")
    clouds = tmp_path / "clouds.yaml"
    original = (
        "# my clouds\n"
        "clouds:\n"
        "  devstack:\n"
        "    auth:\n"
        f"      auth_url: {keystone.url}/v3\n"
        "      username: cli-cloud\n"
        "      password: '0ld-Passw0rd'   # rotated by chpass\n"
        "      user_domain_id: default\n"
        "    region_name: RegionOne\n"
    )
    clouds.write_text(original)
    clouds.chmod(0o600)
    env = cli_env(tmp_path, OS_CLIENT_CONFIG_FILE=str(clouds))
    def set_(stdin: str, *args: str) -> "subprocess.CompletedProcess[str]":
        return subprocess.run([sys.executable, "-m", "chpass", "set", "--os-cloud", "devstack", *args],
                              input=stdin, capture_output=True, text=True, env=env, cwd=tmp_path)

    # the server's own policy (its [security_compliance] regex), checked before sending
    refused = set_("0ld-Passw0rd\nlettersonly\nlettersonly\n")
    assert refused.returncode == 1, refused.stderr
    assert "Passwords must have at least 7 characters, one letter and one digit" in refused.stdout

    # the login is made with the current password: its refusal is a wrong current password
    wrong = set_("not-the-password1\nN3w-pass-word\nN3w-pass-word\n")
    assert wrong.returncode == 3 and "[invalid_current_password]" in wrong.stderr, wrong.stderr

    done = set_("0ld-Passw0rd\nN3w pass #1 'q'\nN3w pass #1 'q'\n", "--update-files", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result["changed"] and result["relogin"]
    assert [f["status"] for f in result["files"]] == ["updated"]

    assert keystone_login(keystone.url, "cli-cloud", "N3w pass #1 'q'")
    try:
        keystone_login(keystone.url, "cli-cloud", "0ld-Passw0rd")
        raise AssertionError("the old password still works")
    except ks_exceptions.Unauthorized:
        pass
    new_text = clouds.read_text()
    changed = [(a, b) for a, b in zip(original.splitlines(), new_text.splitlines()) if a != b]
    assert len(changed) == 1 and changed[0][1].endswith("# rotated by chpass"), changed
    assert yaml.safe_load(new_text)["clouds"]["devstack"]["auth"]["password"] == "N3w pass #1 'q'"
    assert stat.S_IMODE(clouds.stat().st_mode) == 0o600
    assert (tmp_path / "clouds.yaml.bak").read_text() == original


def test_set_with_os_variables_updates_the_rc_file(keystone: Keystone, tmp_path: Path) -> None:
    keystone.create_user("cli-rc", "0ld-Passw0rd")
    openrc = tmp_path / "openrc"
    openrc.write_text(f"export OS_AUTH_URL={keystone.url}/v3\nexport OS_USERNAME=cli-rc\nexport OS_PASSWORD=0ld-Passw0rd\n")
    env = cli_env(tmp_path, OS_AUTH_URL=keystone.url + "/v3", OS_USERNAME="cli-rc", OS_USER_DOMAIN_ID="default")
    new = 'N3w $HOME "pass" `x`'
    done = subprocess.run([sys.executable, "-m", "chpass", "set", "--update-files", "--rc-file", str(openrc), "--no-backup"],
                          input=f"0ld-Passw0rd\n{new}\n{new}\n", capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"{openrc}: updated" in done.stdout
    read_back = subprocess.run(["sh", "-c", '. ./openrc; printf %s "$OS_PASSWORD"'], cwd=tmp_path,
                               capture_output=True, text=True, env={"PATH": os.environ["PATH"]})
    assert read_back.stdout == new
    assert keystone_login(keystone.url, "cli-rc", new)
    assert not (tmp_path / "openrc.bak").exists()


def test_generate_hash_verify_from_python() -> None:
    made = run("generate", "--policy", "keystone", "--json")
    password = json.loads(made.stdout)["password"]
    hashed = run("hash", "--format", "bcrypt", "--cost", "4", stdin=password + "\n")
    assert hashed.returncode == 0 and chpass.verify(password, hashed.stdout.strip())
    assert run("verify", "--hash", hashed.stdout.strip(), stdin=password + "\n").returncode == 0
    assert run("verify", "--hash", hashed.stdout.strip(), stdin=password + "x\n").returncode == 1


# ---- chpass set to Elasticsearch and OpenSearch: the official clients' requests, and exit codes ----

from recording_server import Answer, Recorded, RecordingServer  # noqa: E402


def cli_set(*args: str, stdin: str) -> "subprocess.CompletedProcess[str]":
    return subprocess.run([sys.executable, "-m", "chpass", "set", *args], input=stdin, capture_output=True,
                          text=True, env=environ_without())


def test_set_elasticsearch_sends_what_elasticsearch_py_sends() -> None:
    from elasticsearch import Elasticsearch

    answer = lambda r: (200, {"X-Elastic-Product": "Elasticsearch"}, "{}")  # noqa: E731
    with RecordingServer(answer) as server:
        Elasticsearch(server.url, basic_auth=("elastic", "0ld-Passw0rd")).security.change_password(
            password="correct horse battery")
        done = cli_set("--elasticsearch", server.url, "--user", "elastic",
                       stdin="0ld-Passw0rd\ncorrect horse battery\ncorrect horse battery\n")
        assert done.returncode == 0, done.stderr
        assert done.stdout == f"password changed for elastic at {server.url}\n"
        theirs, ours = server.requests
        assert (ours.method, ours.path, ours.json()) == (theirs.method, theirs.path, theirs.json())
        assert ours.headers["authorization"] == theirs.headers["authorization"]


def test_set_opensearch_wrong_current_password_exits_3() -> None:
    def answer(r: Recorded) -> Answer:
        return 400, {}, json.dumps({"status": "BAD_REQUEST", "message": "Could not validate your current password."})

    with RecordingServer(answer) as server:
        done = cli_set("--opensearch", server.url, "--user", "jack", "--json",
                       stdin="wrong\ncorrect horse battery staple\ncorrect horse battery staple\n")
        assert done.returncode == 3
        error = json.loads(done.stdout)["error"]
        assert error["code"] == "invalid_current_password" and error["kind"] == "server"
        assert len(server.requests) == 1 and server.requests[0].json()["current_password"] == "wrong"


def test_set_refuses_a_weak_password_for_opensearch_before_sending() -> None:
    with RecordingServer() as server:
        done = cli_set("--opensearch", server.url, "--user", "jack", stdin="old\njack2024!\njack2024!\n")
        assert done.returncode == 1
        assert "weak_password" in done.stdout and "similar_to_username" in done.stdout
        assert server.requests == []


def test_set_dry_run_refuses_what_the_real_run_refuses_before_sending() -> None:
    with RecordingServer() as server:
        # plain http:// to a host that is not loopback: refused before anything is sent
        far = cli_set("--elasticsearch", "http://es.example:9200", "--user", "jack", "--dry-run",
                      stdin="0ld-Passw0rd\ncorrect horse battery\ncorrect horse battery\n")
        assert far.returncode == 4 and "[insecure_http]" in far.stderr, far.stderr
        # the same password again: nothing to change, and servers with a history refuse it
        for dry in (["--dry-run"], []):
            same = cli_set("--elasticsearch", server.url, "--user", "jack", *dry,
                           stdin="correct horse battery\ncorrect horse battery\ncorrect horse battery\n")
            assert same.returncode == 1 and "same_as_current" in same.stdout, same.stdout + same.stderr
        assert server.requests == []


def test_hash_and_verify_share_their_work_limits() -> None:
    # a cost verify would refuse is refused before the password is read, and can be raised
    over = run("hash", "--format", "bcrypt", "--cost", "17", stdin="pw\n")
    assert over.returncode == 2 and "[work_limit_exceeded]" in over.stderr, over.stderr
    over = run("hash", "--format", "os:bcrypt", "--setting", "bcrypt.rounds=17", stdin="pw\n")
    assert over.returncode == 2 and "[work_limit_exceeded]" in over.stderr, over.stderr
    low = run("hash", "--format", "bcrypt", "--cost", "5", "--limits", '{"bcrypt_max_cost": 4}', stdin="pw\n")
    assert low.returncode == 2 and "bcrypt_max_cost" in low.stderr
    made = run("hash", "--format", "bcrypt", "--cost", "5", stdin="pw\n").stdout.strip()
    assert run("verify", "--hash", made, stdin="pw\n").returncode == 0
    refused = run("verify", "--hash", made, "--limits", '{"bcrypt_max_cost": 4}', stdin="pw\n")
    assert refused.returncode == 2 and "[work_limit_exceeded]" in refused.stderr


def test_the_library_holds_hash_to_the_limits_of_verify() -> None:
    import pytest

    with pytest.raises(chpass.WorkLimitExceededError):
        chpass.hash("pw", {"algorithm": "bcrypt", "cost": 17})
    with pytest.raises(chpass.WorkLimitExceededError):
        chpass.opensearch_hash("pw", {"algorithm": "bcrypt", "bcrypt.rounds": 17})
    made = chpass.hash("pw", {"algorithm": "bcrypt", "cost": 5}, {"bcrypt_max_cost": 5})
    assert chpass.verify("pw", made, {"bcrypt_max_cost": 5})


def test_verify_as_opensearch_checks() -> None:
    # password4j's $2a$ of a non-ASCII password (see test_password4j.py for the library itself)
    made = chpass.opensearch_hash("pässwörd", {"algorithm": "bcrypt", "bcrypt.minor": "A", "bcrypt.rounds": 4})
    assert run("verify", "--hash", made, "--opensearch", stdin="pässwörd\n").returncode == 0
    assert run("verify", "--hash", made, stdin="pässwörd\n").returncode == 1


def test_a_slow_hash_shows_its_progress_on_a_terminal() -> None:
    import pty
    import select
    import time

    pid, fd = pty.fork()
    if pid == 0:  # the child: chpass on a terminal
        os.execv(sys.executable, [sys.executable, "-m", "chpass", "hash", "--format", "bcrypt", "--cost", "16"])
    out = b""
    answered = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
            # on a terminal the password is asked twice
            if answered < out.count(b"Password:"):
                os.write(fd, b"pw\n")
                answered += 1
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
    text = out.decode()
    assert answered == 2, text
    assert "hashing… 1 s" in text, text
    assert "pw" not in text.split("Password:")[1].splitlines()[0], "the password was echoed"
    made = text.strip().splitlines()[-1].split("\r")[-1].replace("\x1b[2K", "").strip()
    assert made.startswith("$2b$16$") and chpass.verify("pw", made)

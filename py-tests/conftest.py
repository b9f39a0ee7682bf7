import contextlib
import json
import os
import pathlib
import subprocess
import urllib.request
from typing import Any, Dict, Iterator, List

import pytest

import chpass

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "core" / "tests" / "vectors"


def load_vectors(name: str) -> List[Any]:
    cases: List[Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))["cases"]
    return cases


def environ_without(*prefixes: str) -> Dict[str, str]:
    """This process's environment without the variables named with these prefixes (by
    default the OS_* ones), for a child that must not see the caller's cloud."""
    return {k: v for k, v in os.environ.items() if not k.startswith(prefixes or ("OS_",))}


def password_of(case: Dict[str, Any]) -> str:
    """The case's password as Python text; lone surrogates survive (Python strs hold them)."""
    if "password_utf16" in case:
        units = case["password_utf16"]
        raw = b"".join(u.to_bytes(2, "little") for u in units)
        return raw.decode("utf-16-le", "surrogatepass")
    if "password_repeat" in case:
        return str(case["password_repeat"]["text"] * case["password_repeat"]["count"])
    return str(case["password"])


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


# ---- a real Keystone, started once per test session and stopped after it ----

KEYSTONE_PY = ROOT / ".venv-keystone" / "bin" / "python"


def codes_of(report: chpass.Report) -> List[chpass.ViolationCode]:
    """The codes of a report's violations, in order."""
    return [violation["code"] for violation in report["violations"]]


def token_of(outcome: chpass.Outcome) -> chpass.TokenOutcome:
    """An outcome narrowed by its tag, as a typed script narrows it."""
    assert outcome["outcome"] == "token", outcome
    return outcome


class Keystone:
    def __init__(self, url: str, admin_password: str, conf: str) -> None:
        self.url, self.admin_password, self.conf = url, admin_password, conf
        self.client = chpass.Client()
        self.admin = token_of(self.client.execute({
            "operation": "keystone.issue_token", "base_url": url,
            "user": {"name": "admin", "domain": {"id": "default"}}, "password": admin_password,
            "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}))

    def create_user(self, name: str, password: str) -> str:
        """Admin API call that chpass does not offer (it is not part of a password change)."""
        body = json.dumps({"user": {"name": name, "domain_id": "default", "password": password}}).encode()
        req = urllib.request.Request(self.url + "/v3/users", data=body, method="POST", headers={
            "X-Auth-Token": self.admin["token"], "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as res:
            return str(json.loads(res.read())["user"]["id"])

    def login(self, user_id: str, password: str) -> chpass.TokenOutcome:
        return token_of(self.client.execute({"operation": "keystone.issue_token", "base_url": self.url,
                                             "user": {"id": user_id}, "password": password}))

    def change(self, user_id: str, old: str, new: str) -> Dict[str, Any]:
        return {"operation": "keystone.change_password", "base_url": self.url, "user_id": user_id,
                "original_password": old, "password": new}


@pytest.fixture(scope="session")
def keystone() -> Iterator[Keystone]:
    with running_keystone() as server:
        yield server


@contextlib.contextmanager
def running_keystone(*options: str) -> Iterator[Keystone]:
    """A real Keystone with these extra `SECTION.KEY=VALUE` options, stopped on the way out."""
    assert KEYSTONE_PY.exists(), "scripts/bootstrap.sh installs Keystone into .venv-keystone"
    proc = subprocess.Popen([str(KEYSTONE_PY), str(ROOT / "tests-support/keystone_server.py"), *options],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert line.startswith("READY "), f"Keystone did not start: {line!r}"
        _, url, admin_password, conf = line.split()
        yield Keystone(url, admin_password, conf)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()  # then fail below, rather than leave it running
            proc.wait()
    assert proc.returncode == 0, f"Keystone did not stop on SIGTERM ({proc.returncode})"
    # its database and keys live there: stopping the server must remove them
    assert not pathlib.Path(conf).parent.exists(), "Keystone left its work directory behind"

"""Keystone's password length, against real Keystones: the `keystone` preset (read from the
server's own keystone.conf) gives the server's verdict for both `strict_password_check` values
and a bcrypt and a non-bcrypt `password_hash_algorithm`, and a `truncated_by_server` notice
exactly where the server silently keeps only part of the password."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional

import pytest

import chpass
from conftest import Keystone, codes_of, running_keystone


def policy_of(keystone: Keystone) -> chpass.Policy:
    with open(keystone.conf, encoding="utf-8") as conf:
        return chpass.Policy.from_keystone_conf(conf.read())


def server_verdict(keystone: Keystone, name: str, password: str) -> Optional[str]:
    """None when Keystone takes the password, else the violation code it answers with."""
    uid = keystone.create_user(name, "Start-123")
    try:
        keystone.client.execute(keystone.change(uid, "Start-123", password))
        return None
    except chpass.ServerRejectedPasswordError as err:
        return str(err.params["violation_code"])


def notices(report: chpass.Report) -> List[Dict[str, Any]]:
    return [{"code": n["code"], **n["params"]} for n in report["notices"]]


# every password passes the test Keystone's regex (7 characters, a letter and a digit)
def of_bytes(n: int, tail: str = "a") -> str:
    return "a1" + tail * (n - 2)


def test_bcrypt_without_strict_check_truncates_to_72_bytes(keystone: Keystone) -> None:
    policy = policy_of(keystone)
    for n in (72, 73, 100, 4097):
        assert server_verdict(keystone, f"trunc{n}", of_bytes(n)) is None
        report = policy.validate(of_bytes(n))
        assert report["ok"]
        assert notices(report) == ([] if n <= 72 else [
            {"code": "truncated_by_server", "used": 72, "actual": n, "unit": "utf8_bytes"}])
    # what the notice warns of: another password with the same first 72 bytes logs in
    uid = keystone.create_user("twin", "Start-123")
    keystone.client.execute(keystone.change(uid, "Start-123", of_bytes(100, "x")))
    assert keystone.login(uid, of_bytes(72, "x") + "something else")["outcome"] == "token"


@pytest.fixture(scope="module")
def strict() -> Iterator[Keystone]:
    with running_keystone("DEFAULT.strict_password_check=true") as server:
        yield server


def test_bcrypt_with_strict_check_refuses_over_72_bytes(strict: Keystone) -> None:
    policy = policy_of(strict)
    for n, password in ((72, of_bytes(72)), (73, of_bytes(73)), (92, "a1" + "€" * 30)):
        server = server_verdict(strict, f"strict{n}", password)
        report = policy.validate(password)
        assert codes_of(report) == ([] if server is None else [server]), (n, server)
        assert notices(report) == []
    first = policy.validate(of_bytes(73))["violations"][0]
    assert first["code"] == "too_long"
    assert first["params"] == {"max": 72, "actual": 73, "unit": "utf8_bytes"}


@pytest.mark.parametrize("strict_check", ["true", "false"])
def test_another_algorithm_uses_max_password_length(strict_check: str) -> None:
    with running_keystone(f"DEFAULT.strict_password_check={strict_check}",
                          "identity.password_hash_algorithm=pbkdf2_sha512",
                          "identity.max_password_length=100") as server:
        policy = policy_of(server)
        for n in (100, 101):
            verdict = server_verdict(server, f"pbkdf2{n}", of_bytes(n))
            report = policy.validate(of_bytes(n))
            assert codes_of(report) == ([] if verdict is None else [verdict]), (n, verdict)
            truncated = strict_check == "false" and n > 100
            assert notices(report) == ([{"code": "truncated_by_server", "used": 100, "actual": n,
                                         "unit": "utf8_bytes"}] if truncated else [])
        if strict_check == "false":
            uid = server.create_user("twin", "Start-123")
            server.client.execute(server.change(uid, "Start-123", of_bytes(101, "x")))
            assert server.login(uid, of_bytes(100, "x") + "y")["outcome"] == "token"

"""The whole flow against a real Keystone (from PyPI, SQLite, fernet) started on 127.0.0.1 by
this module and stopped after it. A missing server is a failure, not a skip."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import urllib.request
from typing import Any, Dict, Iterator

import pytest

import chpass
from conftest import ROOT, Keystone, load_vectors, token_of

PARITY = json.loads((ROOT / "core/tests/vectors/keystone-parity.json").read_text(encoding="utf-8"))


def test_change_then_new_password_works_and_old_fails(keystone: Keystone) -> None:
    uid = keystone.create_user("alice", "Start-123")
    outcome = keystone.client.change_password(keystone.change(uid, "Start-123", "Better-456"))
    # the flow logs in again (Keystone revoked the old tokens) and hands over the new token
    assert outcome["outcome"] == "token" and outcome["user_id"] == uid and outcome["token"]
    assert_token_works(keystone, outcome["token"])
    assert keystone.login(uid, "Better-456")["outcome"] == "token"
    with pytest.raises(chpass.AuthenticationFailedError):
        keystone.login(uid, "Start-123")


def assert_token_works(keystone: Keystone, token: str) -> None:
    """Keystone revokes by the second: a token from the change's second would be refused here."""
    read = keystone.client.execute({"operation": "keystone.get_password_policy", "base_url": keystone.url, "token": token})
    assert read["outcome"] == "policy"


def test_wrong_current_password(keystone: Keystone) -> None:
    uid = keystone.create_user("bob", "Start-123")
    with pytest.raises(chpass.InvalidCurrentPasswordError) as info:
        keystone.client.change_password(keystone.change(uid, "not-it-1", "Better-456"))
    assert info.value.params["status"] == 401


def test_regex_refusal_by_the_server_and_before_sending(keystone: Keystone) -> None:
    uid = keystone.create_user("carol", "Start-123")
    with pytest.raises(chpass.ServerRejectedPasswordError) as info:
        keystone.client.execute(keystone.change(uid, "Start-123", "abcdefgh"))
    assert info.value.params["server_message"] == (
        "The password does not match the requirements: " + PARITY["password_regex_description"] + ".")
    assert info.value.params["violation_code"] == "pattern_mismatch"
    # the client-side policy, read from the same server and from the same keystone.conf
    token = keystone.login(uid, "Start-123")["token"]
    read = keystone.client.execute({"operation": "keystone.get_password_policy", "base_url": keystone.url, "token": token})
    assert read["outcome"] == "policy"
    from_server = chpass.Policy(read["policy"])
    with open(keystone.conf, encoding="utf-8") as conf:
        from_conf = chpass.Policy.from_keystone_conf(conf.read())
    assert from_server == from_conf
    with pytest.raises(chpass.PolicyViolationError) as refused:
        keystone.client.change_password(keystone.change(uid, "Start-123", "abcdefgh"), from_server)
    assert refused.value.params["report"]["violations"][0]["code"] == "pattern_mismatch"
    assert refused.value.params["report"]["violations"][0]["message"] == PARITY["password_regex_description"]


def test_client_policy_and_server_agree_on_every_password(keystone: Keystone) -> None:
    policy = chpass.Policy.preset("keystone", password_regex=PARITY["password_regex"],
                                  password_regex_description=PARITY["password_regex_description"])
    disagreements = []
    for i, password in enumerate(PARITY["passwords"]):
        uid = keystone.create_user(f"parity{i}", "Start-123")
        try:
            keystone.client.execute(keystone.change(uid, "Start-123", password))
            server_ok = True
        except chpass.ServerRejectedPasswordError as err:
            assert err.params["violation_code"] == "pattern_mismatch"
            server_ok = False
        client_ok = policy.validate(password)["ok"]
        if client_ok != server_ok:
            disagreements.append((password, client_ok, server_ok))
    assert len(PARITY["passwords"]) >= 50
    assert disagreements == []


def test_reusing_a_recent_password(keystone: Keystone) -> None:
    uid = keystone.create_user("dave", "Start-123")
    keystone.client.execute(keystone.change(uid, "Start-123", "Second-456"))
    with pytest.raises(chpass.ServerRejectedPasswordError) as info:
        keystone.client.execute(keystone.change(uid, "Second-456", "Start-123"))
    assert info.value.params["violation_code"] == "password_reused"


def login_by_name(keystone: Keystone, name: str, password: str) -> Dict[str, Any]:
    return {"operation": "keystone.issue_token", "base_url": keystone.url,
            "user": {"name": name, "domain": {"id": "default"}}, "password": password}


def test_the_keystone_flow_from_the_current_password_alone(keystone: Keystone) -> None:
    uid = keystone.create_user("frank", "Start-123")
    # by name: the flow learns the user's id from the login
    outcome = keystone.client.change_keystone_password(login_by_name(keystone, "frank", "Start-123"), "Better-456")
    assert outcome["outcome"] == "token" and outcome["user_id"] == uid and outcome["token"]
    assert_token_works(keystone, outcome["token"])
    assert keystone.login(uid, "Better-456")["outcome"] == "token"
    with pytest.raises(chpass.AuthenticationFailedError):
        keystone.login(uid, "Start-123")


def test_the_keystone_flow_checks_against_the_servers_own_policy(keystone: Keystone) -> None:
    uid = keystone.create_user("grace", "Start-123")
    login = login_by_name(keystone, "grace", "Start-123")
    found = keystone.client.keystone_policy(login)
    with open(keystone.conf, encoding="utf-8") as conf:
        assert found["source"] == "server" and found["policy"] == chpass.Policy.from_keystone_conf(conf.read())
    # refused here, by the server's regex read with the login's token: nothing was sent
    with pytest.raises(chpass.PolicyViolationError) as refused:
        keystone.client.change_keystone_password(login, "abcdefgh")
    assert [v["code"] for v in refused.value.params["report"]["violations"]] == ["pattern_mismatch"]
    assert keystone.login(uid, "Start-123")["outcome"] == "token"
    # the context's user name and current password default to the login's
    own = chpass.Policy({"context_words": True, "differ_from_current": True})
    for new, code in [("grace-1234", "contains_context_word"), ("Start-123", "same_as_current")]:
        with pytest.raises(chpass.PolicyViolationError) as refused:
            keystone.client.change_keystone_password(login, new, own)
        assert [v["code"] for v in refused.value.params["report"]["violations"]] == [code]
    # a policy of the caller's replaces the server's here: sent, so the server has the last word
    with pytest.raises(chpass.ServerRejectedPasswordError):
        keystone.client.change_keystone_password(login, "abcdefgh", own)
    outcome = keystone.client.change_keystone_password(login, "Better-456", own)
    assert outcome["outcome"] == "token" and keystone.login(uid, "Better-456")["outcome"] == "token"


def test_the_keystone_flow_with_a_wrong_current_password(keystone: Keystone) -> None:
    keystone.create_user("heidi", "Start-123")
    # the flow logs in with the current password: its refusal means that password is wrong,
    # as Keystone's change call itself would say (and as the README promises the command does)
    with pytest.raises(chpass.InvalidCurrentPasswordError) as wrong:
        keystone.client.change_keystone_password(login_by_name(keystone, "heidi", "not-it-1"), "Better-456")
    assert wrong.value.params["status"] == 401
    with pytest.raises(chpass.InvalidArgumentError) as info:
        keystone.client.change_keystone_password(keystone.change("x", "a", "b"), "Better-456")
    assert info.value.params["argument"] == "login"


def test_ec2_credentials_create_list_delete(keystone: Keystone) -> None:
    admin = keystone.admin
    project = token_of(keystone.client.execute({
        "operation": "keystone.issue_token", "base_url": keystone.url,
        "user": {"id": admin["user_id"]}, "password": keystone.admin_password,
        "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}))
    base = {"base_url": keystone.url, "token": project["token"], "user_id": admin["user_id"]}
    req = urllib.request.Request(keystone.url + "/v3/auth/tokens", headers={
        "X-Auth-Token": project["token"], "X-Subject-Token": project["token"]})
    with urllib.request.urlopen(req, timeout=30) as res:
        project_id = json.loads(res.read())["token"]["project"]["id"]
    created = keystone.client.execute({**base, "operation": "keystone.create_ec2_credential", "project_id": project_id})
    assert created["outcome"] == "ec2_credential" and created["project_id"] == project_id and created["secret"]
    listed = keystone.client.execute({**base, "operation": "keystone.list_ec2_credentials"})
    assert listed["outcome"] == "ec2_credentials"
    assert created["access"] in [c["access"] for c in listed["credentials"]]
    deleted = keystone.client.execute({**base, "operation": "keystone.delete_ec2_credential", "access": created["access"]})
    assert deleted == {"outcome": "deleted"}
    with pytest.raises(chpass.NotFoundError):
        keystone.client.execute({**base, "operation": "keystone.delete_ec2_credential", "access": created["access"]})


def test_asyncio_client(keystone: Keystone) -> None:
    uid = keystone.create_user("erin", "Start-123")

    async def main() -> chpass.Outcome:
        client = chpass.AsyncClient()
        # the event loop keeps running while the change is in flight
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.001)

        ticker = asyncio.create_task(tick())
        outcome = await client.change_password(keystone.change(uid, "Start-123", "Better-456"))
        ticker.cancel()
        assert ticks > 0
        found = await client.keystone_policy(login_by_name(keystone, "erin", "Better-456"))
        assert found["source"] == "server"
        return await client.change_keystone_password(login_by_name(keystone, "erin", "Better-456"), "Third-789")

    assert asyncio.run(main())["outcome"] == "token"


def test_plain_http_to_a_non_loopback_host_is_refused() -> None:
    with pytest.raises(chpass.InsecureHttpError):
        chpass.Client().execute({"operation": "keystone.change_password", "base_url": "http://cloud.example",
                                 "user_id": "u", "original_password": "a", "password": "b"})

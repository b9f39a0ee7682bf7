"""The requests chpass builds equal what the official clients send for the same call:
elasticsearch-py, opensearch-py, keystoneauth1 and python-keystoneclient (the library behind
`openstack user password set`), each talking to a recording server on 127.0.0.1."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

import json
import urllib.error
import urllib.request
from urllib.parse import unquote
from datetime import datetime, timedelta, timezone

import pytest

import chpass
from recording_server import Answer, Recorded, RecordingServer

# Headers each client adds of its own: user agents, client metadata, transport details.
# chpass sends Accept and Content-Type application/json (the clients' vendor media types
# and the X-Elastic-Client-Meta header carry client versions chpass does not have).
TRANSPORT_HEADERS = {"host", "user-agent", "accept-encoding", "connection", "content-length",
                     "x-elastic-client-meta", "x-opaque-id", "accept", "content-type"}


def carry(request: Mapping[str, Any]) -> None:
    """Sends a chpass request with urllib (any HTTP client would do)."""
    data = request["body"].encode() if request["body"] is not None else None
    req = urllib.request.Request(request["url"], data=data, method=request["method"])
    for name, value in request["headers"]:
        req.add_header(name, value)
    try:
        urllib.request.urlopen(req, timeout=10).read()
    except urllib.error.HTTPError:
        pass


def same_call(theirs: Recorded, ours: Recorded) -> None:
    assert ours.method == theirs.method
    assert ours.path == theirs.path
    assert sorted(ours.query.split("&")) == sorted(theirs.query.split("&"))
    assert ours.json() == theirs.json()
    # credentials travel identically
    for name in ("authorization", "x-auth-token"):
        assert ours.headers.get(name) == theirs.headers.get(name), name
    extra = set(ours.headers) - set(theirs.headers) - TRANSPORT_HEADERS
    assert extra == set(), f"chpass sends headers the client does not: {extra}"


AWKWARD = ["jack", "jack nich", "a/b", "ü", "%", "o'neil+1"]


# ---------- Elasticsearch ----------

def es_answer(r: Recorded) -> Answer:
    return 200, {"X-Elastic-Product": "Elasticsearch"}, "{}"


@pytest.mark.parametrize("username", AWKWARD + [None])
def test_elasticsearch_change_password(username: Optional[str]) -> None:
    from elasticsearch import Elasticsearch

    with RecordingServer(es_answer) as server:
        client = Elasticsearch(server.url, basic_auth=("elastic", "changeme"))
        kwargs: Dict[str, Any] = {"password": "n3w-Passw0rd", "refresh": "wait_for"}
        if username is not None:
            kwargs["username"] = username
        client.security.change_password(**kwargs)
        op = {"operation": "elasticsearch.change_password", "base_url": server.url,
              "password": "n3w-Passw0rd", "refresh": "wait_for",
              "auth": {"basic": {"username": "elastic", "password": "changeme"}}}
        if username is not None:
            op["username"] = username
        carry(chpass.build_request(op))
        theirs, ours = server.requests
        same_call(theirs, ours)


def test_elasticsearch_password_hash() -> None:
    from elasticsearch import Elasticsearch

    h = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
    with RecordingServer(es_answer) as server:
        Elasticsearch(server.url, api_key="VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==").security.change_password(
            username="jack", password_hash=h)
        carry(chpass.build_request({
            "operation": "elasticsearch.change_password", "base_url": server.url, "username": "jack",
            "password_hash": h,
            "auth": {"api_key": {"encoded": "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="}}}))
        same_call(*server.requests)


# ---------- OpenSearch ----------

def os_answer(r: Recorded) -> Answer:
    return 200, {}, json.dumps({"status": "OK", "message": "'jack' updated."})


def test_opensearch_change_own_password() -> None:
    from opensearchpy import OpenSearch

    with RecordingServer(os_answer) as server:
        client = OpenSearch(hosts=[server.url], http_auth=("jack", "0ld-Passw0rd!"))
        client.security.change_password(body={"current_password": "0ld-Passw0rd!", "password": "N3w-Passw0rd!"})
        carry(chpass.build_request({
            "operation": "opensearch.change_own_password", "base_url": server.url,
            "current_password": "0ld-Passw0rd!", "password": "N3w-Passw0rd!",
            "auth": {"basic": {"username": "jack", "password": "0ld-Passw0rd!"}}}))
        same_call(*server.requests)


@pytest.mark.parametrize("username", AWKWARD)
def test_opensearch_admin_patch(username: str) -> None:
    from opensearchpy import OpenSearch

    with RecordingServer(os_answer) as server:
        client = OpenSearch(hosts=[server.url], http_auth=("admin", "admin"))
        client.security.patch_user(
            username=username, body=[{"op": "add", "path": "/password", "value": "N3w-Passw0rd!"}])
        carry(chpass.build_request({
            "operation": "opensearch.set_password", "base_url": server.url, "username": username,
            "password": "N3w-Passw0rd!", "auth": {"basic": {"username": "admin", "password": "admin"}}}))
        same_call(*server.requests)


# ---------- names URL parsers rewrite, and names the clients spell differently ----------

@pytest.mark.parametrize("username", [".", "..", ""])
def test_dot_and_empty_names_reach_another_user_so_chpass_refuses_them(username: str) -> None:
    """elasticsearch-py sends `/_security/user/./_password` as it builds it, but a URL parser
    (requests', urllib3's, fetch's, reqwest's) removes the dot segment: carried by any of them
    the call changes the caller's own password (`..`: another endpoint). For the empty name
    elasticsearch-py sends the caller's own path. chpass refuses all three before sending."""
    import requests
    from elasticsearch import Elasticsearch

    with RecordingServer(es_answer) as server:
        client = Elasticsearch(server.url, basic_auth=("elastic", "changeme"))
        try:
            client.security.change_password(username=username, password="n3w-Passw0rd")
        except ValueError:  # a client version that refuses the empty name itself
            pass
        literal = f"/_security/user/{username}/_password"
        if username:
            requests.put(server.url + literal, json={"password": "n3w-Passw0rd"}, timeout=10)
            assert server.requests[-1].path != literal, "requests kept the dot segment"
        else:
            assert server.requests[0].path == "/_security/user/_password"
        op = {"operation": "elasticsearch.change_password", "base_url": server.url,
              "username": username, "password": "n3w-Passw0rd"}
        with pytest.raises(chpass.InvalidArgumentError) as info:
            chpass.build_request(op)
        assert info.value.params["path"] == "username"
        sent = len(server.requests)
        with pytest.raises(chpass.InvalidArgumentError):
            chpass.Client().execute(op)
        assert len(server.requests) == sent


@pytest.mark.parametrize("username", ["*", ",", "a,b*", "%2e", "%2e%2e"])
def test_names_spelled_differently_reach_the_same_user(username: str) -> None:
    """elasticsearch-py leaves `,` and `*` bare where chpass encodes them; the server decodes
    both to the same name. A literal `%2e` stays a name: its `%` is encoded."""
    from elasticsearch import Elasticsearch

    with RecordingServer(es_answer) as server:
        Elasticsearch(server.url, basic_auth=("elastic", "changeme")).security.change_password(
            username=username, password="n3w-Passw0rd")
        carry(chpass.build_request({"operation": "elasticsearch.change_password", "base_url": server.url,
                                    "username": username, "password": "n3w-Passw0rd"}))
        theirs, ours = server.requests
        assert unquote(ours.path) == unquote(theirs.path) == f"/_security/user/{username}/_password"


@pytest.mark.parametrize("scheme", ["HTTP", "Http"])
def test_a_scheme_in_any_case_is_the_same_base_url(scheme: str) -> None:
    from elasticsearch import Elasticsearch

    with RecordingServer(es_answer) as server:
        base = server.url.replace("http", scheme, 1)
        Elasticsearch(base, basic_auth=("elastic", "changeme")).security.change_password(
            username="jack", password="n3w-Passw0rd")
        request = chpass.build_request({"operation": "elasticsearch.change_password", "base_url": base,
                                        "username": "jack", "password": "n3w-Passw0rd"})
        assert request["url"].startswith("http://")
        carry(request)
        theirs, ours = server.requests
        assert (ours.method, ours.path) == (theirs.method, theirs.path)


@pytest.mark.parametrize("base", ["http://:9200", "http://127.0.0.1:", "http://127.0.0.1:99999",
                                  "http://127.0.0.1\\@evil.example", "http://user:Pw-in-url@127.0.0.1:9",
                                  "http://[fe80::1%25eth0]:9200", "http://127.0.0.1:9/?x"])
def test_base_urls_parsers_read_differently_are_refused(base: str) -> None:
    op = {"operation": "elasticsearch.change_password", "base_url": base, "password": "n3w-Passw0rd"}
    with pytest.raises(chpass.InvalidArgumentError) as info:
        chpass.build_request(op)
    assert info.value.params["path"] == "base_url"
    assert "Pw-in-url" not in str(info.value)
    with pytest.raises(chpass.InvalidArgumentError):  # never outcome_unknown: nothing was sent
        chpass.Client().execute(op)


# ---------- Keystone ----------

USER_ID = "423f19a4ac1e4f48bbb4180756e6eb6c"
TOKEN = "gAAAAABfake-token"


def keystone_answer(r: Recorded) -> Answer:
    if r.path.endswith("/v3/auth/tokens") and r.method == "POST":
        expires = (datetime.now(timezone.utc) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000000Z")
        body = {"token": {"methods": ["password"], "expires_at": expires, "issued_at": expires,
                          "user": {"id": USER_ID, "name": "jack", "domain": {"id": "default", "name": "Default"}},
                          "project": {"id": "p1", "name": "demo", "domain": {"id": "default", "name": "Default"}},
                          "catalog": []}}
        return 201, {"X-Subject-Token": TOKEN}, json.dumps(body)
    if r.path.endswith("/credentials/OS-EC2") and r.method == "POST":
        return 201, {}, json.dumps({"credential": {"user_id": USER_ID, "tenant_id": "p1", "access": "ak", "secret": "sk", "trust_id": None}})
    if r.path.endswith("/credentials/OS-EC2"):
        return 200, {}, json.dumps({"credentials": []})
    return 204, {}, ""


def keystone_session(url: str) -> Any:
    from keystoneauth1 import session
    from keystoneauth1.identity import v3

    auth = v3.Password(auth_url=url + "/v3", username="jack", user_domain_name="Default",
                       password="0ld-secret", project_name="demo", project_domain_id="default")
    return session.Session(auth=auth)


def test_keystone_token_request_matches_keystoneauth1() -> None:
    with RecordingServer(keystone_answer) as server:
        keystone_session(server.url).get_token()
        carry(chpass.build_request({
            "operation": "keystone.issue_token", "base_url": server.url,
            "user": {"name": "jack", "domain": {"name": "Default"}}, "password": "0ld-secret",
            "scope": {"project": {"name": "demo", "domain": {"id": "default"}}}}))
        same_call(*server.requests)


def keystone_client(url: str) -> Any:
    from keystoneclient.v3 import client  # type: ignore[import-untyped]

    return client.Client(session=keystone_session(url), endpoint_override=url + "/v3")


def test_keystone_change_password_matches_keystoneclient() -> None:
    with RecordingServer(keystone_answer) as server:
        keystone_client(server.url).users.update_password("0ld-secret", "n3w-secret")
        theirs = server.requests[-1]
        carry(chpass.build_request({
            "operation": "keystone.change_password", "base_url": server.url, "user_id": USER_ID,
            "original_password": "0ld-secret", "password": "n3w-secret"}))
        ours = server.requests[-1]
        assert theirs.headers.get("x-auth-token") == TOKEN
        # the server needs no token for this call (SERVER-FACTS); chpass sends none
        theirs.headers.pop("x-auth-token")
        same_call(theirs, ours)


def test_keystone_ec2_calls_match_keystoneclient() -> None:
    with RecordingServer(keystone_answer) as server:
        ks = keystone_client(server.url)
        base = {"base_url": server.url, "token": TOKEN, "user_id": USER_ID}
        calls: List[Tuple[Callable[[], Any], Dict[str, Any]]] = [
            (lambda: ks.ec2.create(USER_ID, "p1"), {"operation": "keystone.create_ec2_credential", "project_id": "p1"}),
            (lambda: ks.ec2.list(USER_ID), {"operation": "keystone.list_ec2_credentials"}),
            (lambda: ks.ec2.delete(USER_ID, "ak"), {"operation": "keystone.delete_ec2_credential", "access": "ak"}),
        ]
        for theirs_call, op in calls:
            theirs_call()
            theirs = server.requests[-1]
            carry(chpass.build_request({**base, **op}))
            same_call(theirs, server.requests[-1])


# ---------- Pwned Passwords ----------

def test_pwned_range_sends_only_the_prefix() -> None:
    """A recording server on 127.0.0.1 as the mirror: nothing but five hex digits leaves."""
    import hashlib

    digest = hashlib.sha1(b"n3w-Passw0rd").hexdigest().upper()
    def answer(r: Recorded) -> Answer:
        return 200, {}, f"0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n{digest[5:]}:7\r\n"

    with RecordingServer(answer) as server:
        client = chpass.Client(pwned_passwords_url=server.url)
        outcome = client.execute({"operation": "pwned_passwords.range", "base_url": server.url, "password": "n3w-Passw0rd"})
        assert outcome == {"outcome": "breach_count", "count": 7}
        policy = chpass.Policy({"breached_check": True})
        with pytest.raises(chpass.PolicyViolationError) as info:
            client.change_password({"operation": "elasticsearch.change_password", "base_url": "http://127.0.0.1:9",
                                    "password": "n3w-Passw0rd", "auth": {"basic": {"username": "e", "password": "x"}}}, policy)
        assert info.value.params["report"]["violations"][0] == {
            "code": "breached_password", "message": "Appears 7 times in known data breaches.", "params": {"count": 7}}
        for request in server.requests:
            assert request.path == f"/range/{digest[:5]}" and request.body == b""
            assert request.headers["add-padding"] == "true"
            assert digest[5:] not in str(request.headers) and "n3w" not in str(request.headers)

"""chpass.http: an operation sent with the client a script already has (requests.Session,
httpx.Client, httpx.AsyncClient) against a real Keystone, and the answer interpreted by chpass."""

from __future__ import annotations

import asyncio
import http.server
import threading
from typing import Any, Dict, Iterator

import httpx
import pytest
import requests

import chpass
import chpass.http
from conftest import Keystone


def login(keystone: Keystone, user_id: str, password: str) -> Dict[str, Any]:
    return {"operation": "keystone.issue_token", "base_url": keystone.url, "user": {"id": user_id}, "password": password}


def test_requests_session_changes_the_password_and_types_a_wrong_one(keystone: Keystone) -> None:
    user = keystone.create_user("adapter-requests", "0ld-Passw0rd!")
    with requests.Session() as session:
        assert chpass.http.send(session, keystone.change(user, "0ld-Passw0rd!", "N3w-Passw0rd!")) == {"outcome": "password_changed"}
        with pytest.raises(chpass.InvalidCurrentPasswordError):
            chpass.http.send(session, keystone.change(user, "0ld-Passw0rd!", "An0ther-Passw0rd!"))
        assert chpass.http.send(session, login(keystone, user, "N3w-Passw0rd!"))["outcome"] == "token"


def test_httpx_client_and_async_client(keystone: Keystone) -> None:
    user = keystone.create_user("adapter-httpx", "0ld-Passw0rd!")
    with httpx.Client() as client:
        assert chpass.http.send(client, keystone.change(user, "0ld-Passw0rd!", "N3w-Passw0rd!")) == {"outcome": "password_changed"}

    async def change_back() -> chpass.Outcome:
        async with httpx.AsyncClient() as client:
            return await chpass.http.send_async(client, keystone.change(user, "N3w-Passw0rd!", "Th1rd-Passw0rd!"))

    assert asyncio.run(change_back()) == {"outcome": "password_changed"}
    assert keystone.login(user, "Th1rd-Passw0rd!")["outcome"] == "token"


class Redirecting(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
        self.send_response(307)
        self.send_header("Location", "http://127.0.0.2:9/elsewhere")
        self.send_header("Set-Cookie", "a=1")
        self.send_header("Set-Cookie", "b=2")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def redirecting() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), Redirecting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("make", [requests.Session, httpx.Client])
def test_a_redirect_is_never_followed(redirecting: str, make: Any) -> None:
    op = {"operation": "keystone.change_password", "base_url": redirecting, "user_id": "u",
          "original_password": "old", "password": "new-secret"}
    with make() as client, pytest.raises(chpass.UnexpectedResponseError) as raised:
        chpass.http.send(client, op)
    assert raised.value.params["status"] == 307


def test_as_response_keeps_every_header_line_httpx_keeps(redirecting: str) -> None:
    with httpx.Client() as client:
        answer = chpass.http.as_response(client.post(redirecting + "/v3/users/u/password"))
    assert answer["status"] == 307
    headers = answer["headers"]
    assert isinstance(headers, list)  # pairs, every line kept
    assert [v for k, v in headers if k.lower() == "set-cookie"] == ["a=1", "b=2"]

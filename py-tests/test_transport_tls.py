"""TLS is verified by default; an extra CA makes a private server trusted. The server is a
local HTTPS server with a certificate made for the test by the openssl command."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Iterator, Tuple

import pytest

import chpass


class Elasticsearch(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def https_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[str, str]]:
    openssl = shutil.which("openssl")
    assert openssl, "the openssl command makes the test certificate"
    d: Path = tmp_path_factory.mktemp("tls")

    def run(*args: str) -> None:
        subprocess.run([openssl, *args], check=True, capture_output=True, cwd=d)

    # a private CA, and a server certificate it signs (a CA certificate cannot be one)
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=chpass test CA",
        "-keyout", "ca-key.pem", "-out", "ca.pem")
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "key.pem", "-out", "server.csr")
    (d / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
        "-days", "1", "-extfile", "ext.cnf", "-out", "cert.pem")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Elasticsearch)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(d / "cert.pem", d / "key.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", (d / "ca.pem").read_text()
    finally:
        server.shutdown()


def change(url: str) -> Dict[str, Any]:
    return {"operation": "elasticsearch.change_password", "base_url": url, "username": "jack",
            "password": "n3w-Passw0rd"}


def test_an_untrusted_certificate_is_a_tls_error(https_server: Tuple[str, str]) -> None:
    url, _ = https_server
    with pytest.raises(chpass.TlsError) as info:
        chpass.Client(timeout_ms=5000).execute(change(url))
    assert info.value.code == "tls" and info.value.kind == "transport"
    assert "n3w-Passw0rd" not in str(info.value)


def test_an_extra_ca_makes_it_trusted(https_server: Tuple[str, str]) -> None:
    url, cert = https_server
    outcome = chpass.Client(timeout_ms=5000, extra_ca_pem=cert).execute(change(url))
    assert outcome == {"outcome": "password_changed"}


def test_a_bad_extra_ca_is_an_invalid_argument() -> None:
    with pytest.raises(chpass.InvalidArgumentError):
        chpass.Client(extra_ca_pem="not a certificate")


def test_unknown_client_options_are_refused() -> None:
    with pytest.raises(chpass.InvalidArgumentError):
        chpass.Client(timeout=5)  # type: ignore[call-arg]

"""A small HTTP server on 127.0.0.1 that records every request and answers from a table."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import urlsplit


@dataclass
class Recorded:
    method: str
    path: str  # raw, as sent (percent-encoding kept)
    query: str
    headers: Dict[str, str]  # names lowercased
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


Answer = Tuple[int, Dict[str, str], str]


@dataclass
class RecordingServer:
    answer: Callable[[Recorded], Answer] = lambda r: (200, {}, "{}")
    requests: List[Recorded] = field(default_factory=list)
    _server: Optional[ThreadingHTTPServer] = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}"

    def __enter__(self) -> "RecordingServer":
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                split = urlsplit(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                recorded = Recorded(self.command, split.path, split.query, headers, self.rfile.read(length))
                recorder.requests.append(recorded)
                status, headers, body = recorder.answer(recorded)
                data = body.encode()
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_PATCH = do_DELETE = do_HEAD = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()



"""Send an operation with the HTTP client a script already has.

``send(session, operation)`` builds the request (``build_request``), sends it with a
``requests.Session`` or an ``httpx.Client``, and returns the outcome (``interpret_response``),
or raises the typed error the answer means; ``send_async`` does the same with an
``httpx.AsyncClient``. ``as_response`` turns a ``requests`` or ``httpx`` response into the dict
``interpret_response`` reads. Redirects are never followed: a redirected change would carry the
passwords elsewhere. Neither library is a dependency of chpass; pass your own client.

    >>> import requests, chpass.http
    >>> outcome = chpass.http.send(requests.Session(), operation)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Protocol, Tuple

from ._chpass import build_request, interpret_response
from ._shapes import HttpResponse, Outcome

__all__ = ["send", "send_async", "as_response"]


class Response(Protocol):
    """What ``requests.Response`` and ``httpx.Response`` have in common."""

    @property
    def status_code(self) -> int: ...
    @property
    def headers(self) -> Any: ...
    @property
    def content(self) -> bytes: ...


def as_response(response: Response) -> HttpResponse:
    """``{status, headers, body}`` from a requests or httpx response: every header line (httpx
    keeps repeated ones apart; requests has already joined them), the body as text."""
    headers = response.headers
    pairs: List[Tuple[str, str]] = (
        list(headers.multi_items()) if hasattr(headers, "multi_items") else list(headers.items())
    )
    return {
        "status": response.status_code,
        "headers": [[name, value] for name, value in pairs],
        "body": response.content.decode("utf-8", errors="replace"),
    }


def _arguments(operation: Mapping[str, Any], client: object, timeout: float) -> Tuple[str, str, Dict[str, Any]]:
    request = build_request(operation)
    headers = {name: value for name, value in request["headers"]}
    body = request["body"].encode("utf-8") if request["body"] is not None else None
    if type(client).__module__.startswith("httpx"):
        options: Dict[str, Any] = {"headers": headers, "content": body, "timeout": timeout, "follow_redirects": False}
    else:
        options = {"headers": headers, "data": body, "timeout": timeout, "allow_redirects": False}
    return request["method"], request["url"], options


def send(client: Any, operation: Mapping[str, Any], *, timeout: float = 30.0) -> Outcome:
    """Sends ``operation`` with a ``requests.Session`` or an ``httpx.Client``; the outcome, or
    the typed error the answer means (``InvalidCurrentPasswordError``, …). Errors of the client
    itself (connection, timeout) are its own."""
    method, url, options = _arguments(operation, client, timeout)
    return interpret_response(operation, as_response(client.request(method, url, **options)))


async def send_async(client: Any, operation: Mapping[str, Any], *, timeout: float = 30.0) -> Outcome:
    """``send`` with an ``httpx.AsyncClient``."""
    method, url, options = _arguments(operation, client, timeout)
    return interpret_response(operation, as_response(await client.request(method, url, **options)))

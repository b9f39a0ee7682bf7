"""The root of every chpass exception (the rest are generated: ``_errors.py``)."""

from __future__ import annotations

from typing import Any, Dict


class ChpassError(Exception):
    """Root of every chpass exception."""

    code: str
    kind: str
    params: Dict[str, Any]
    #: Whether trying again later may succeed (core decides: only ``server_unavailable``).
    retryable: bool

    def __init__(
        self, message: str, *, code: str, kind: str, params: Dict[str, Any], retryable: bool = False
    ) -> None:
        super().__init__(message)
        self.code = code
        self.kind = kind
        self.params = params
        self.retryable = retryable

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"

"""Exceptions raised by chpass.

Every exception is a ``ChpassError`` with a stable ``code`` (identical in Rust, JavaScript
and Python), an English message and ``params``. Configuration mistakes also subclass
``ValueError`` so code that already catches ``ValueError`` keeps working.
"""

from __future__ import annotations

from typing import Any, Dict


class ChpassError(Exception):
    """Root of every chpass exception."""

    code: str
    kind: str
    params: Dict[str, Any]

    def __init__(self, message: str, *, code: str, kind: str, params: Dict[str, Any]) -> None:
        super().__init__(message)
        self.code = code
        self.kind = kind
        self.params = params

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r})"


class ConfigurationError(ChpassError, ValueError):
    """A policy, an argument or a hash that chpass cannot use."""


class InvalidPolicyError(ConfigurationError):
    """``invalid_policy``: a policy, preset option or keystone.conf cannot be loaded;
    ``params['path']`` names the key."""


class InvalidArgumentError(ConfigurationError):
    """``invalid_argument``: an argument cannot be used (for example a password with a lone
    surrogate, which is not Unicode)."""


_BY_CODE = {
    "invalid_policy": InvalidPolicyError,
    "invalid_argument": InvalidArgumentError,
}
_BY_KIND = {
    "configuration": ConfigurationError,
}


def _from_core(code: str, kind: str, message: str, params: Dict[str, Any]) -> ChpassError:
    """Called by the extension: the class for a core error code."""
    cls = _BY_CODE.get(code) or _BY_KIND.get(kind, ChpassError)
    return cls(message, code=code, kind=kind, params=params)

"""Exceptions raised by chpass.

Every exception is a ``ChpassError`` with a stable ``code`` (identical in Rust, JavaScript
and Python), a ``kind``, an English message and ``params``. Configuration mistakes also
subclass ``ValueError`` so code that already catches ``ValueError`` keeps working.
"""

from __future__ import annotations

from typing import Any, Dict, Type


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


class ConfigurationError(ChpassError, ValueError):
    """A policy, an argument or a hash that chpass cannot use."""


class InvalidPolicyError(ConfigurationError):
    """``invalid_policy``: ``params['path']`` names the offending key."""


class InvalidArgumentError(ConfigurationError):
    """``invalid_argument``: for example a password with a lone surrogate, or an operation
    with an unknown key."""


class ServerError(ChpassError):
    """The server answered with an error; ``params`` has ``status`` and, when it sent one,
    ``server_message``."""


class InvalidCurrentPasswordError(ServerError):
    """``invalid_current_password``: the current password is wrong."""


class AuthenticationFailedError(ServerError):
    """``authentication_failed``: the credentials used to authenticate were refused."""


class AccountLockedError(ServerError):
    """``account_locked``."""


class AccountDisabledError(ServerError):
    """``account_disabled``."""


class PasswordExpiredError(ServerError):
    """``password_expired``: Keystone; change the password before logging in."""


class ServerRejectedPasswordError(ServerError):
    """``server_rejected_password``: ``params['violation_code']`` is the client-side code
    that predicts the refusal, when known."""


class ForbiddenError(ServerError):
    """``forbidden``."""


class NotFoundError(ServerError):
    """``not_found``."""


class ConflictError(ServerError):
    """``conflict``."""


class MethodNotAllowedError(ServerError):
    """``method_not_allowed``."""


class PayloadTooLargeError(ServerError):
    """``payload_too_large``."""


class UnsupportedMediaTypeError(ServerError):
    """``unsupported_media_type``."""


class ServerUnavailableError(ServerError):
    """``server_unavailable``: retry later; ``params['retry_after']`` in seconds when given."""


class BadRequestError(ServerError):
    """``bad_request``."""


class ProtocolError(ChpassError):
    """The server's answer could not be understood."""


class UnexpectedResponseError(ProtocolError):
    """``unexpected_response``: ``params`` has ``status`` and a redacted ``excerpt``."""


class TransportError(ChpassError):
    """The request got no (complete) answer."""


class NetworkError(TransportError, ConnectionError):
    """``network``: could not connect; nothing reached the server."""


class RequestTimeoutError(TransportError, TimeoutError):
    """``timeout``: no answer in time to a request that changes nothing."""


class TlsError(TransportError):
    """``tls``: the TLS handshake failed (certificate, protocol)."""


class InsecureHttpError(TransportError):
    """``insecure_http``: plain http:// to a host that is not loopback."""


class OutcomeUnknownError(TransportError):
    """``outcome_unknown``: the change may have reached the server, but no answer came
    back; the password may or may not have changed. Never retried automatically."""


class PolicyViolationError(ChpassError):
    """``policy_violation``: the new password breaks the policy; nothing was sent.
    ``params['report']`` is the report as a dict."""


class CredentialFileError(ChpassError, OSError):
    """``file_error``: a credential file could not be read, understood or written; it was
    left as it was. ``params['path']`` names it."""


class MalformedHashError(ConfigurationError):
    """``malformed_hash``: the string is no hash chpass knows; the message says what is wrong."""


class PasswordTooLongForBcryptError(ConfigurationError):
    """``password_too_long_for_bcrypt``: over 72 UTF-8 bytes (``params['actual']``); bcrypt
    would silently ignore the rest, so chpass refuses, as pyca/bcrypt 5 does."""


class WorkLimitExceededError(ConfigurationError):
    """``work_limit_exceeded``: the hash would cost more than the work limits allow;
    ``params`` has ``limit_name``, ``value`` and ``limit``. Raise that limit to accept it."""


class RandomUnavailableError(ChpassError, OSError):
    """``random_unavailable``: the OS random number generator failed."""


_BY_CODE: Dict[str, Type[ChpassError]] = {
    "invalid_policy": InvalidPolicyError,
    "invalid_argument": InvalidArgumentError,
    "invalid_current_password": InvalidCurrentPasswordError,
    "authentication_failed": AuthenticationFailedError,
    "account_locked": AccountLockedError,
    "account_disabled": AccountDisabledError,
    "password_expired": PasswordExpiredError,
    "server_rejected_password": ServerRejectedPasswordError,
    "forbidden": ForbiddenError,
    "not_found": NotFoundError,
    "conflict": ConflictError,
    "method_not_allowed": MethodNotAllowedError,
    "payload_too_large": PayloadTooLargeError,
    "unsupported_media_type": UnsupportedMediaTypeError,
    "server_unavailable": ServerUnavailableError,
    "bad_request": BadRequestError,
    "unexpected_response": UnexpectedResponseError,
    "network": NetworkError,
    "timeout": RequestTimeoutError,
    "tls": TlsError,
    "insecure_http": InsecureHttpError,
    "outcome_unknown": OutcomeUnknownError,
    "policy_violation": PolicyViolationError,
    "file_error": CredentialFileError,
    "malformed_hash": MalformedHashError,
    "password_too_long_for_bcrypt": PasswordTooLongForBcryptError,
    "work_limit_exceeded": WorkLimitExceededError,
    "random_unavailable": RandomUnavailableError,
    # only the npm package (dictionaries and word list downloaded on demand) can raise these
    "strength_dictionaries_not_loaded": ConfigurationError,
    "word_list_not_loaded": ConfigurationError,
    "not_ready": ConfigurationError,
}
_BY_KIND: Dict[str, Type[ChpassError]] = {
    "configuration": ConfigurationError,
    "server": ServerError,
    "protocol": ProtocolError,
    "transport": TransportError,
    "policy": PolicyViolationError,
    "file": CredentialFileError,
    "system": RandomUnavailableError,
}


def _from_core(code: str, kind: str, message: str, params: Dict[str, Any], retryable: bool) -> ChpassError:
    """Called by the extension: the class for a core error code."""
    cls = _BY_CODE.get(code) or _BY_KIND.get(kind, ChpassError)
    return cls(message, code=code, kind=kind, params=params, retryable=retryable)

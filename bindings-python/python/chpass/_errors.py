"""Exceptions raised by chpass.

Generated from core/src/error_types.rs by `cargo run -p chpass --features schema --example binding_tables`: do not edit.

Every exception is a ``ChpassError`` with a stable ``code`` (identical in Rust, JavaScript
and Python), a ``kind``, an English message and ``params``. Configuration mistakes also
subclass ``ValueError``, transport and file errors the builtin they are.
"""

from __future__ import annotations

from typing import Any, Dict, Type

from ._chpass_error import ChpassError


class ConfigurationError(ChpassError, ValueError):
    """A policy, an argument or a hash that chpass cannot use."""


class ServerError(ChpassError):
    """The server answered with an error; ``params`` has ``status`` and, when it sent one, ``server_message``."""


class ProtocolError(ChpassError):
    """The server's answer could not be understood."""


class CredentialFileError(ChpassError, OSError):
    """A credential file could not be read, understood, written, or holds nothing to change; it was left as it was."""


class TransportError(ChpassError):
    """The request got no (complete) answer."""


class InvalidPolicyError(ConfigurationError):
    """``invalid_policy``: A policy, preset option or keystone.conf cannot be loaded; ``params.path`` names the key."""


class InvalidArgumentError(ConfigurationError):
    """``invalid_argument``: An argument cannot be used: a password with a lone surrogate (``reason`` ``lone_surrogate``, ``index``), an operation with an unknown key; inside an object ``path`` says where (``auth.basic.password``)."""


class InvalidCurrentPasswordError(ServerError):
    """``invalid_current_password``: The current password is wrong (also when the Keystone flow's login with it is refused)."""


class AuthenticationFailedError(ServerError):
    """``authentication_failed``: The credentials used to authenticate were refused."""


class AccountLockedError(ServerError):
    """``account_locked``: Keystone: the account is locked after failed logins."""


class AccountDisabledError(ServerError):
    """``account_disabled``: Keystone: the account is disabled."""


class PasswordExpiredError(ServerError):
    """``password_expired``: Keystone: the password has expired; change it before logging in."""


class ServerRejectedPasswordError(ServerError):
    """``server_rejected_password``: The server refused the new password; ``violation_code`` is the client-side code that predicts it, when known."""


class ForbiddenError(ServerError):
    """``forbidden``: 403: the credentials may not do this."""


class NotFoundError(ServerError):
    """``not_found``: 404: no such user or endpoint."""


class ConflictError(ServerError):
    """``conflict``: 409."""


class MethodNotAllowedError(ServerError):
    """``method_not_allowed``: 405."""


class PayloadTooLargeError(ServerError):
    """``payload_too_large``: 413."""


class UnsupportedMediaTypeError(ServerError):
    """``unsupported_media_type``: 415."""


class ServerUnavailableError(ServerError):
    """``server_unavailable``: 503 or 429: try again later (``retryable``); ``retry_after`` in seconds from ``Retry-After``."""


class BadRequestError(ServerError):
    """``bad_request``: 400."""


class UnexpectedResponseError(ProtocolError):
    """``unexpected_response``: Any other status, or a body that is not what the endpoint documents; ``excerpt`` is redacted."""


class NetworkError(TransportError, ConnectionError):
    """``network``: Could not connect; nothing reached the server."""


class RequestTimeoutError(TransportError, TimeoutError):
    """``timeout``: No answer in time (connecting, or to a request that changes nothing)."""


class TlsError(TransportError):
    """``tls``: The certificate or the TLS handshake failed."""


class InsecureHttpError(TransportError):
    """``insecure_http``: Plain ``http://`` to a host that is not loopback, without ``allow_insecure_http``."""


class OutcomeUnknownError(TransportError):
    """``outcome_unknown``: A change may have reached the server but no answer came back: the password may or may not have changed; never retried."""


class PolicyViolationError(ChpassError):
    """``policy_violation``: The new password breaks the policy; nothing was sent; ``report`` is the report."""


class PasswordNotFoundError(CredentialFileError):
    """``password_not_found``: The file holds no password for that cloud (``update_cloud_password``: none of the files openstacksdk reads does), or an RC file no ``OS_PASSWORD``; nothing was written."""


class PasswordPromptedError(CredentialFileError):
    """``password_prompted``: The RC file asks for the password when sourced instead of storing it: there is none to change; it was left as it is."""


class MalformedHashError(ConfigurationError):
    """``malformed_hash``: Not a hash chpass knows; the message says what is wrong."""


class PasswordTooLongForBcryptError(ConfigurationError):
    """``password_too_long_for_bcrypt``: Over 72 UTF-8 bytes: bcrypt would ignore the rest, so chpass refuses."""


class WorkLimitExceededError(ConfigurationError):
    """``work_limit_exceeded``: The hash would cost more than the work limits allow; raise ``limit_name`` to accept it."""


class RandomUnavailableError(ChpassError, OSError):
    """``random_unavailable``: The platform's random number generator failed."""


class NotReadyError(ConfigurationError):
    """``not_ready``: npm: an entry point's function before its ``await ready()``; ``entry`` names it."""


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
    "password_not_found": PasswordNotFoundError,
    "password_prompted": PasswordPromptedError,
    "malformed_hash": MalformedHashError,
    "password_too_long_for_bcrypt": PasswordTooLongForBcryptError,
    "work_limit_exceeded": WorkLimitExceededError,
    "random_unavailable": RandomUnavailableError,
    "strength_dictionaries_not_loaded": ConfigurationError,
    "word_list_not_loaded": ConfigurationError,
    "not_ready": NotReadyError,
    "locale_not_loaded": ConfigurationError,
}
_BY_KIND: Dict[str, Type[ChpassError]] = {
    "configuration": ConfigurationError,
    "server": ServerError,
    "protocol": ProtocolError,
    "file": CredentialFileError,
    "transport": TransportError,
}


def _from_core(code: str, kind: str, message: str, params: Dict[str, Any], retryable: bool) -> ChpassError:
    """Called by the extension: the class for a core error code."""
    cls = _BY_CODE.get(code) or _BY_KIND.get(kind, ChpassError)
    return cls(message, code=code, kind=kind, params=params, retryable=retryable)

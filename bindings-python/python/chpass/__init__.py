"""chpass: check, hash and change passwords for Keystone, Elasticsearch and OpenSearch.

>>> import chpass
>>> chpass.validate("password", chpass.Policy.preset("nist-800-63b")).codes
['too_short', 'common_password']
"""

from __future__ import annotations

from ._chpass import (
    ERROR_CODES,
    Policy,
    Report,
    Violation,
    __version__,
    build_request,
    dump_request,
    interpret_response,
    preset_info,
    validate,
)
from ._errors import (
    AccountDisabledError,
    AccountLockedError,
    AuthenticationFailedError,
    BadRequestError,
    ChpassError,
    ConfigurationError,
    ConflictError,
    ForbiddenError,
    InvalidArgumentError,
    InvalidCurrentPasswordError,
    InvalidPolicyError,
    MethodNotAllowedError,
    NotFoundError,
    PasswordExpiredError,
    PayloadTooLargeError,
    ProtocolError,
    ServerError,
    ServerRejectedPasswordError,
    ServerUnavailableError,
    UnexpectedResponseError,
    UnsupportedMediaTypeError,
)

#: The presets, each a dict with ``name``, ``summary``, ``source`` and ``options``.
presets = tuple(preset_info())

__all__ = [
    "ERROR_CODES",
    "AccountDisabledError",
    "AccountLockedError",
    "AuthenticationFailedError",
    "BadRequestError",
    "ChpassError",
    "ConfigurationError",
    "ConflictError",
    "ForbiddenError",
    "InvalidArgumentError",
    "InvalidCurrentPasswordError",
    "InvalidPolicyError",
    "MethodNotAllowedError",
    "NotFoundError",
    "PasswordExpiredError",
    "PayloadTooLargeError",
    "Policy",
    "ProtocolError",
    "Report",
    "ServerError",
    "ServerRejectedPasswordError",
    "ServerUnavailableError",
    "UnexpectedResponseError",
    "UnsupportedMediaTypeError",
    "Violation",
    "__version__",
    "build_request",
    "dump_request",
    "interpret_response",
    "preset_info",
    "presets",
    "validate",
]

"""chpass: check, hash and change passwords for Keystone, Elasticsearch and OpenSearch.

>>> import chpass
>>> report = chpass.validate("password", chpass.Policy.preset("nist-800-63b"))
>>> report["ok"], [violation["code"] for violation in report["violations"]]
(False, ['too_short', 'common_password'])
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Callable, Dict, Mapping, Optional, TypeVar, Union

from ._chpass import (
    ERROR_CODES,
    LOCALES,
    Client,
    Generated,
    Policy,
    __version__,
    build_request,
    dump_request,
    elasticsearch_password_hash,
    generate,
    hash,
    interpret_response,
    needs_rehash,
    opensearch_hash,
    preset_info,
    set_cloud_password,
    set_rc_password,
    strength,
    update_cloud_file,
    update_cloud_password,
    update_rc_file,
    validate,
    verify,
    verify_opensearch,
)
from ._chpass_error import ChpassError
from . import _codes
from ._codes import *  # noqa: F403 (the codes, and the violations and notices narrowed by code: _codes.__all__)
from ._codes import Locale, NoticeCode, PresetName, ViolationCode
from . import _shapes
from ._shapes import *  # noqa: F403 (the generated argument and operation types: _shapes.__all__)
from .types import (
    Context,
    Outcome,
    PresetInfo,
    HashSpec,
    WorkLimits,
    GenerateOptions,
    HttpRequest,
    KeystonePolicy,
    FileUpdate,
    StrengthMatch,
    Strength,
)
from ._errors import (
    AccountDisabledError,
    AccountLockedError,
    AuthenticationFailedError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    CredentialFileError,
    ForbiddenError,
    InvalidArgumentError,
    InvalidCurrentPasswordError,
    InsecureHttpError,
    InvalidPolicyError,
    MalformedHashError,
    PasswordTooLongForBcryptError,
    RandomUnavailableError,
    WorkLimitExceededError,
    MethodNotAllowedError,
    NetworkError,
    NotFoundError,
    NotReadyError,
    OutcomeUnknownError,
    PasswordNotFoundError,
    PasswordPromptedError,
    PasswordExpiredError,
    PayloadTooLargeError,
    PolicyViolationError,
    ProtocolError,
    RequestTimeoutError,
    ServerError,
    ServerRejectedPasswordError,
    ServerUnavailableError,
    TlsError,
    TransportError,
    UnexpectedResponseError,
    UnsupportedMediaTypeError,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

_T = TypeVar("_T")


class AsyncClient:
    """The calls of ``Client`` for asyncio. Each runs in the loop's executor while the
    extension waits with the GIL released, so the event loop keeps running."""

    def __init__(self, **options: Unpack[ClientOptions]) -> None:
        self._client = Client(**options)

    async def _run(self, fn: Callable[..., _T], *args: Any) -> _T:
        import asyncio  # here, not at the top: it alone would triple `import chpass`'s time

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, functools.partial(fn, *args))

    async def execute(self, operation: Mapping[str, Any]) -> Outcome:
        """Builds, sends and interprets one operation."""
        return await self._run(self._client.execute, operation)

    async def change_password(
        self,
        operation: Mapping[str, Any],
        policy: Optional[Union[Policy, Mapping[str, Any]]] = None,
        context: Optional[Mapping[str, Any]] = None,
    ) -> Outcome:
        """The whole change, as ``Client.change_password``."""
        return await self._run(self._client.change_password, operation, policy, context)

    async def keystone_policy(self, login: Mapping[str, Any]) -> KeystonePolicy:
        """Keystone's own policy as the logged-in user sees it, as ``Client.keystone_policy``."""
        return await self._run(self._client.keystone_policy, login)

    async def change_keystone_password(
        self,
        login: Mapping[str, Any],
        new_password: str,
        policy: Optional[Union[Policy, Mapping[str, Any]]] = None,
        context: Optional[Mapping[str, Any]] = None,
    ) -> Outcome:
        """The whole Keystone change, as ``Client.change_keystone_password``."""
        return await self._run(self._client.change_keystone_password, login, new_password, policy, context)


#: The presets, each a dict with ``name``, ``summary``, ``source`` and ``options``.
presets = tuple(preset_info())

__all__ = [
    "ViolationCode",
    "NoticeCode",
    "PresetName",
    "Locale",
    "PresetInfo",
    "HashSpec",
    "HttpRequest",
    "KeystonePolicy",
    "FileUpdate",
    "StrengthMatch",
    "Strength",
    "ERROR_CODES",
    "LOCALES",
    "AsyncClient",
    "Client",
    "InsecureHttpError",
    "NetworkError",
    "OutcomeUnknownError",
    "PolicyViolationError",
    "RequestTimeoutError",
    "NotReadyError",
    "PasswordNotFoundError",
    "PasswordPromptedError",
    "TlsError",
    "TransportError",
    "AccountDisabledError",
    "AccountLockedError",
    "AuthenticationFailedError",
    "BadRequestError",
    "ChpassError",
    "ConfigurationError",
    "ConflictError",
    "CredentialFileError",
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
    "ServerError",
    "ServerRejectedPasswordError",
    "ServerUnavailableError",
    "UnexpectedResponseError",
    "UnsupportedMediaTypeError",
    "__version__",
    "build_request",
    "dump_request",
    "interpret_response",
    "preset_info",
    "presets",
    "set_cloud_password",
    "set_rc_password",
    "update_cloud_file",
    "update_cloud_password",
    "update_rc_file",
    "validate",
    "Generated",
    "MalformedHashError",
    "PasswordTooLongForBcryptError",
    "RandomUnavailableError",
    "WorkLimitExceededError",
    "elasticsearch_password_hash",
    "generate",
    "strength",
    "hash",
    "needs_rehash",
    "opensearch_hash",
    "verify",
    "verify_opensearch",
]
__all__ += _shapes.__all__
__all__ += _codes.__all__

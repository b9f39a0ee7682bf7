"""The operations chpass builds requests for, as TypedDicts that exist at run time.

Generated from the operations' Rust types (core/src/backend/) by `cargo run -p chpass --features schema --example binding_tables`: do not edit.
"""

from typing import Any, List, Literal, Optional, TypedDict, Union

__all__ = [
    "Operation",
    "ElasticsearchChangePassword",
    "OpenSearchChangeOwnPassword",
    "OpenSearchSetPassword",
    "KeystoneChangePassword",
    "KeystoneIssueToken",
    "KeystoneGetPasswordPolicy",
    "KeystoneCreateEc2Credential",
    "KeystoneListEc2Credentials",
    "KeystoneDeleteEc2Credential",
    "KeystoneV2ChangeOwnPassword",
    "KeystoneV2SetPassword",
    "KeystoneV2UpdateEc2Credentials",
    "PwnedPasswordsRange",
    "Refresh",
    "Auth",
    "Reference",
    "NameOrId",
    "Scope",
]


Refresh = Union[Literal["true"], Literal["false"], Literal["wait_for"]]
"""When the change becomes visible to searches (Elasticsearch's ``refresh`` parameter)."""


class BasicAuthBasic(TypedDict):
    username: str
    """The user name."""
    password: str
    """Its password."""


class BasicAuth(TypedDict):
    """``Authorization: Basic base64(username:password)``."""

    basic: BasicAuthBasic


class ApiKeyAuthApiKey(TypedDict):
    encoded: str
    """The base64 of ``id:api_key``, as Elasticsearch's create-API-key call returns it."""


class ApiKeyAuth(TypedDict):
    """``Authorization: ApiKey <encoded>``, the base64 of ``id:api_key`` that Elasticsearch returns."""

    api_key: ApiKeyAuthApiKey


class BearerAuthBearer(TypedDict):
    token: str
    """The token."""


class BearerAuth(TypedDict):
    """``Authorization: Bearer <token>``."""

    bearer: BearerAuthBearer


Auth = Union[BasicAuth, ApiKeyAuth, BearerAuth]
"""How a request authenticates, sent as the ``Authorization`` header."""


class _ElasticsearchChangePasswordRequired(TypedDict):
    operation: Literal["elasticsearch.change_password"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""


class ElasticsearchChangePassword(_ElasticsearchChangePasswordRequired, total=False):
    """``PUT /_security/user/{username}/_password`` (or ``/_security/user/_password`` for the caller), as elasticsearch-py and elasticsearch-js send it; success is ``200 {}``."""

    username: Optional[str]
    """Whose password; none means the authenticated caller's own."""
    password: Optional[str]
    """Exactly one of ``password`` and ``password_hash``."""
    password_hash: Optional[str]
    """A hash in a format Elasticsearch accepts (bcrypt cost 4–14, ``{PBKDF2}``, ``{PBKDF2_STRETCH}``), instead of ``password``."""
    refresh: Optional[Refresh]
    """The ``refresh`` query parameter."""
    auth: Optional[Auth]
    """How the caller authenticates; none sends no ``Authorization``."""


class _OpenSearchChangeOwnPasswordRequired(TypedDict):
    operation: Literal["opensearch.change_own_password"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    current_password: str
    """The caller's current password."""


class OpenSearchChangeOwnPassword(_OpenSearchChangeOwnPasswordRequired, total=False):
    """``PUT /_plugins/_security/api/account`` with the current and the new password (or hash)."""

    password: Optional[str]
    """Exactly one of ``password`` and ``hash``."""
    hash: Optional[str]
    """A hash in the cluster's configured format (``opensearch_hash``), instead of ``password``."""
    legacy_path: bool
    """Use the deprecated ``/_opendistro/_security`` path (old clusters)."""
    auth: Optional[Auth]
    """How the caller authenticates; none sends no ``Authorization``."""
    validation_error_message: Optional[str]
    """The cluster's ``password_validation_error_message``, to recognise a regex refusal."""


class _OpenSearchSetPasswordRequired(TypedDict):
    operation: Literal["opensearch.set_password"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    username: str
    """The internal user whose password is set."""


class OpenSearchSetPassword(_OpenSearchSetPasswordRequired, total=False):
    """An administrator sets another internal user's password: ``PATCH …/internalusers/{name}`` with ``[{"op": "add", "path": "/password", "value": …}]``. A ``PUT`` would replace the whole user and drop its roles."""

    password: Optional[str]
    """The new password; exactly one of ``password`` and ``hash``."""
    hash: Optional[str]
    """A hash in the cluster's configured format (``opensearch_hash``), instead of ``password``."""
    legacy_path: bool
    """Use the deprecated ``/_opendistro/_security`` path (old clusters)."""
    auth: Optional[Auth]
    """How the administrator authenticates."""
    validation_error_message: Optional[str]
    """The cluster's ``password_validation_error_message``, to recognise a regex refusal."""


class KeystoneChangePassword(TypedDict):
    """``POST /v3/users/{user_id}/password``; success is ``204`` and revokes the user's tokens."""

    operation: Literal["keystone.change_password"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    user_id: str
    """Whose password (Keystone addresses users by id)."""
    original_password: str
    """The current password: Keystone authenticates the change with it, no token needed."""
    password: str
    """The new password."""


class NameOrId(TypedDict, total=False):
    """A domain, by id or by name."""

    id: Optional[str]
    """The domain's id (``default`` for the default domain)."""
    name: Optional[str]
    """The domain's name (``Default`` for the default domain)."""


class Reference(TypedDict, total=False):
    """A user or a project: by id, or by name within a domain (Keystone's own shape for both)."""

    id: Optional[str]
    """By id (then no name or domain is needed)."""
    name: Optional[str]
    """By name, within ``domain``."""
    domain: Optional[NameOrId]
    """The domain of a name."""


class ProjectScope(TypedDict):
    """A token for a project."""

    project: Reference


class DomainScope(TypedDict):
    """A token for a domain."""

    domain: NameOrId


Scope = Union[ProjectScope, DomainScope]
"""What the token is for; none gives an unscoped token."""


class _KeystoneIssueTokenRequired(TypedDict):
    operation: Literal["keystone.issue_token"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    user: Reference
    """Who logs in."""
    password: str
    """Their password."""


class KeystoneIssueToken(_KeystoneIssueTokenRequired, total=False):
    """``POST /v3/auth/tokens`` with the password method; the token comes back in ``X-Subject-Token``."""

    scope: Optional[Scope]
    """What the token is for; none gives an unscoped token."""


class _KeystoneGetPasswordPolicyRequired(TypedDict):
    operation: Literal["keystone.get_password_policy"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    token: str
    """A token of the caller, sent as ``X-Auth-Token``."""


class KeystoneGetPasswordPolicy(_KeystoneGetPasswordPolicyRequired, total=False):
    """``GET /v3/domains/{domain_id}/config/security_compliance`` (any valid token): the policy Keystone enforces, as a ``keystone`` preset."""

    domain_id: str
    """The domain whose configuration is read (``default`` when not given)."""


class KeystoneCreateEc2Credential(TypedDict):
    """``POST /v3/users/{user_id}/credentials/OS-EC2`` with ``{"tenant_id": project_id}`` → ``201``."""

    operation: Literal["keystone.create_ec2_credential"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    token: str
    """A token of the caller, sent as ``X-Auth-Token``."""
    user_id: str
    """Whose credential."""
    project_id: str
    """The project the credential is for."""


class KeystoneListEc2Credentials(TypedDict):
    """``GET /v3/users/{user_id}/credentials/OS-EC2`` → ``200 {"credentials": […]}``."""

    operation: Literal["keystone.list_ec2_credentials"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    token: str
    """A token of the caller, sent as ``X-Auth-Token``."""
    user_id: str
    """Whose credentials."""


class KeystoneDeleteEc2Credential(TypedDict):
    """``DELETE /v3/users/{user_id}/credentials/OS-EC2/{access}`` → ``204``."""

    operation: Literal["keystone.delete_ec2_credential"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    token: str
    """A token of the caller, sent as ``X-Auth-Token``."""
    user_id: str
    """Whose credential."""
    access: str
    """The access key of the credential to delete."""


class KeystoneV2ChangeOwnPassword(TypedDict):
    """OS-KSCRUD: ``PATCH /v2.0/OS-KSCRUD/users/{user_id}`` → ``200`` with a new token."""

    operation: Literal["keystone_v2.change_own_password"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    token: str
    """A token of the caller, sent as ``X-Auth-Token``."""
    user_id: str
    """Whose password."""
    original_password: str
    """The current password."""
    password: str
    """The new password."""


class KeystoneV2SetPassword(TypedDict):
    """OS-KSADM: ``PUT /v2.0/users/{user_id}/OS-KSADM/password`` (administrators)."""

    operation: Literal["keystone_v2.set_password"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    token: str
    """An administrator's token, sent as ``X-Auth-Token``."""
    user_id: str
    """Whose password."""
    password: str
    """The new password."""


class KeystoneV2UpdateEc2Credentials(TypedDict):
    """The EC2 credentials update as the v2.0 API reference documents it: ``POST /v2.0/users/{userId}/OS-KSADM/credentials/OS-KSEC2:ec2Credentials`` with an administrator's token. Documented answers: 200, 400, 401, 403, 404, 405, 409, 413, 415, 503."""

    operation: Literal["keystone_v2.update_ec2_credentials"]
    base_url: str
    """The server's base URL (``https://host:port``, with any path prefix); the endpoint's path is appended."""
    token: str
    """An administrator's token, sent as ``X-Auth-Token``."""
    user_id: str
    """Whose credentials."""
    username: str
    """The user name the body names."""
    secret: str
    """The EC2 secret."""
    signature: str
    """The EC2 signature."""


class _PwnedPasswordsRangeRequired(TypedDict):
    operation: Literal["pwned_passwords.range"]
    password: str
    """The password whose SHA-1 prefix is asked about; only its first five hex digits leave the machine."""


class PwnedPasswordsRange(_PwnedPasswordsRangeRequired, total=False):
    """``GET {base_url}/range/{first five hex digits of SHA-1, upper case}``."""

    base_url: str
    """A self-hosted mirror, or the public service by default."""


Operation = Union[
    ElasticsearchChangePassword,
    OpenSearchChangeOwnPassword,
    OpenSearchSetPassword,
    KeystoneChangePassword,
    KeystoneIssueToken,
    KeystoneGetPasswordPolicy,
    KeystoneCreateEc2Credential,
    KeystoneListEc2Credentials,
    KeystoneDeleteEc2Credential,
    KeystoneV2ChangeOwnPassword,
    KeystoneV2SetPassword,
    KeystoneV2UpdateEc2Credentials,
    PwnedPasswordsRange,
]
"""Every request chpass can build, tagged by ``operation``."""

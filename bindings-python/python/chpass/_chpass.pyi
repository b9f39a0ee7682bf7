import os
from typing import Any, Dict, Iterator, List, Literal, Mapping, Optional, Tuple, TypedDict, Union, final, overload

from typing_extensions import Unpack

from ._codes import Locale, PresetName, ViolationCode
from ._shapes import ClientOptions, KeystonePresetOptions, NistPresetOptions, OpenSearchPresetOptions
from .types import Report, Context, PresetInfo, HashSpec, WorkLimits, GenerateOptions, HttpRequest, HttpResponse, KeystonePolicy, FileUpdate, Outcome, StrengthMatch, Strength, StrengthResult

__version__: str
__all__ = ["Policy", "Client", "validate", "preset_info", "build_request", "interpret_response", "dump_request", "set_cloud_password", "set_rc_password", "update_cloud_file", "update_rc_file", "update_cloud_password", "cli_main", "Generated", "hash", "verify", "verify_opensearch", "needs_rehash", "elasticsearch_password_hash", "opensearch_hash", "generate", "strength", "ERROR_CODES", "LOCALES", "__version__"]
ERROR_CODES: List[str]
LOCALES: List[Locale]
"""The languages of the messages (BCP 47 tags; ``locale`` in a context and in ``strength``)."""

@final
class Policy:
    """A checked password policy. Build it from a dict, JSON, a preset or a keystone.conf."""

    def __new__(cls, spec: Mapping[str, Any]) -> Policy: ...
    @staticmethod
    def from_json(json: str) -> Policy: ...
    # generated: Policy.preset, one overload a preset (binding_tables)
    @overload
    @staticmethod
    def preset(name: Literal["nist-800-63b"], **options: Unpack[NistPresetOptions]) -> Policy: ...
    @overload
    @staticmethod
    def preset(name: Literal["owasp-asvs-5-l1"]) -> Policy: ...
    @overload
    @staticmethod
    def preset(name: Literal["owasp-asvs-5-l2"]) -> Policy: ...
    @overload
    @staticmethod
    def preset(name: Literal["elasticsearch"]) -> Policy: ...
    @overload
    @staticmethod
    def preset(name: Literal["opensearch"], **options: Unpack[OpenSearchPresetOptions]) -> Policy: ...
    @overload
    @staticmethod
    def preset(name: Literal["keystone"], **options: Unpack[KeystonePresetOptions]) -> Policy: ...
    # /generated
    @staticmethod
    def from_keystone_conf(text: str) -> Policy: ...
    def validate(self, password: str, context: Optional[Context] = None) -> Report: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

def validate(
    password: str,
    policy: Union[Policy, Mapping[str, Any]],
    context: Optional[Context] = None,
) -> Report: ...
def preset_info() -> List[PresetInfo]: ...

def hash(password: str, spec: Optional[HashSpec] = None, limits: Optional[WorkLimits] = None) -> str:
    """Hashes ``password``; argon2id with OWASP's parameters by default. Releases the GIL."""

def verify(password: str, hash: str, limits: Optional[WorkLimits] = None) -> bool:
    """Whether ``password`` matches ``hash`` (argon2, bcrypt, Elasticsearch or password4j
    PBKDF2). Releases the GIL."""

def verify_opensearch(password: str, hash: str, limits: Optional[WorkLimits] = None) -> bool:
    """Whether OpenSearch would accept ``password`` for ``hash``, checked as its password4j
    checks it (differs from ``verify`` only for ``$2a$`` with non-ASCII passwords and for
    argon2 below 8 KiB per lane). Releases the GIL."""

def needs_rehash(hash: str, spec: Optional[HashSpec] = None) -> bool:
    """Whether ``hash`` uses another algorithm or weaker parameters than ``spec``."""

def elasticsearch_password_hash(password: str, algorithm: str = "bcrypt") -> str:
    """A ``password_hash`` as Elasticsearch makes it for ``algorithm``."""

def opensearch_hash(
    password: str,
    settings: Optional[Mapping[str, Union[str, int]]] = None,
    limits: Optional[WorkLimits] = None,
) -> str:
    """The string password4j would build under these OpenSearch settings."""

@final
class Generated:
    """A generated password; its repr never shows the password."""

    @property
    def password(self) -> str: ...
    @property
    def entropy_bits(self) -> float: ...

def generate(
    policy: Union[Policy, Mapping[str, Any]],
    options: Optional[GenerateOptions] = None,
    context: Optional[Context] = None,
) -> Generated:
    """A random password that ``validate(..., policy, context)`` accepts."""

@final
class Client:
    """Sends operations over HTTP; every call releases the GIL while it waits."""

    def __new__(cls, **options: Unpack[ClientOptions]) -> Client: ...
    def execute(self, operation: Mapping[str, Any]) -> Outcome: ...
    def change_password(
        self,
        operation: Mapping[str, Any],
        policy: Optional[Union[Policy, Mapping[str, Any]]] = None,
        context: Optional[Context] = None,
    ) -> Outcome: ...
    def keystone_policy(self, login: Mapping[str, Any]) -> KeystonePolicy:
        """Logs in with ``login`` (a keystone.issue_token operation) and reads the server's
        [security_compliance]; the keystone preset when the token may not read it."""
    def change_keystone_password(
        self,
        login: Mapping[str, Any],
        new_password: str,
        policy: Optional[Union[Policy, Mapping[str, Any]]] = None,
        context: Optional[Context] = None,
    ) -> Outcome:
        """The whole Keystone change from the current password alone: log in, check against
        ``policy`` or else the server's own, change, log in again."""

def build_request(operation: Mapping[str, Any]) -> HttpRequest:
    """The request for an operation (see the README's operations table)."""

def interpret_response(operation: Mapping[str, Any], response: Union[HttpResponse, Mapping[str, Any]]) -> Outcome:
    """The outcome of a response ({status, headers, body}), or raises the typed error."""

def dump_request(operation: Mapping[str, Any]) -> str:
    """The request as text, every secret shown as [REDACTED]."""

def set_cloud_password(text: str, cloud: str, password: str) -> Optional[str]:
    """The new clouds.yaml text, or None when it holds no password for the cloud
    (clouds.<cloud>.auth.password, or a password beside auth, which openstacksdk also reads)."""

def set_rc_password(text: str, password: str) -> Optional[str]:
    """The new RC file text, or None when it holds no OS_PASSWORD or prompts for it."""

def update_cloud_file(path: Union[str, "os.PathLike[str]"], cloud: str, password: str, backup: bool = True) -> FileUpdate:
    """Updates the cloud's password in one file, atomically (see set_cloud_password).

    Raises PasswordNotFoundError when the file holds no password for the cloud."""

def update_rc_file(path: Union[str, "os.PathLike[str]"], password: str, backup: bool = True) -> FileUpdate:
    """Updates OS_PASSWORD in an RC file, atomically.

    Raises PasswordPromptedError for a file that asks for the password when sourced, and
    PasswordNotFoundError for one without OS_PASSWORD; both are left alone."""

def update_cloud_password(cloud: str, password: str, backup: bool = True) -> List[FileUpdate]:
    """Updates the password of `cloud` in each secure.yaml / clouds.yaml that holds it.

    Raises PasswordNotFoundError when none does; nothing is written then."""

def cli_main(args: List[str]) -> int:
    """The `chpass` command (its Rust entry point) with these arguments; returns the exit code."""


def strength(password: str, user_inputs: Optional[List[str]] = None, reference_year: Optional[int] = None,
             *, locale: Optional[str] = None) -> Strength:
    """zxcvbn 4.4.2's estimate: score 0-4, guesses and the match sequence; the feedback in
    ``locale``'s language (English by default). Releases the GIL."""

"""The JSON-shaped arguments, results and operations, as TypedDicts that exist at run time.

Generated from the Rust types of the arguments, results and operations by `cargo run -p chpass --features schema --example binding_tables`: do not edit.
"""

from __future__ import annotations

from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

from ._codes import Notice, PresetName, Violation, ViolationCode

__all__ = [
    "PolicySpec",
    "Context",
    "GenerateOptions",
    "WorkLimits",
    "ClientOptions",
    "Report",
    "StrengthResult",
    "PresetInfo",
    "HttpRequest",
    "HttpResponse",
    "Outcome",
    "Strength",
    "FileUpdate",
    "NistPresetOptions",
    "NoPresetOptions",
    "OpenSearchPresetOptions",
    "KeystonePresetOptions",
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
    "HashSpec",
    "Argon2idHashSpec",
    "Argon2iHashSpec",
    "Argon2dHashSpec",
    "BcryptHashSpec",
    "ElasticsearchPbkdf2HashSpec",
    "ElasticsearchPbkdf2StretchHashSpec",
    "Password4jPbkdf2HashSpec",
    "LengthLimit",
    "LengthUnit",
    "PatternSpec",
    "Dialect",
    "CharacterClasses",
    "BlocklistSpec",
    "Normalization",
    "StrengthSpec",
    "BreachedOnError",
    "Mode",
    "ResponseHeaders",
    "PasswordChangedOutcome",
    "TokenOutcome",
    "PolicyOutcome",
    "Ec2Credential",
    "Ec2CredentialOutcome",
    "Ec2CredentialsOutcome",
    "DeletedOutcome",
    "UpdatedOutcome",
    "BreachCountOutcome",
    "StrengthMatch",
    "Pattern",
    "CrackTimes",
    "Feedback",
    "Advice",
    "FileStatus",
    "OpenSearchStrength",
    "Refresh",
    "Auth",
    "BasicAuth",
    "BasicAuthBasic",
    "ApiKeyAuth",
    "ApiKeyAuthApiKey",
    "BearerAuth",
    "BearerAuthBearer",
    "Reference",
    "NameOrId",
    "Scope",
    "ProjectScope",
    "DomainScope",
    "BcryptVariant",
    "Hmac",
]


LengthUnit = Union[Literal["code_points"], Literal["utf16_units"], Literal["utf8_bytes"]]
"""The unit a length is counted in. The three give three answers for "😀😀😀": 3, 6 and 12."""


class LengthLimit(TypedDict):
    """A length limit and the unit it counts in."""

    value: int
    """The limit."""
    unit: LengthUnit
    """What it counts: code points, UTF-16 units or UTF-8 bytes."""


Dialect = Union[Literal["python_re_match"], Literal["java_matches"], Literal["search"]]
"""How a regex is applied, and in whose syntax."""


class _PatternSpecRequired(TypedDict):
    regex: str
    """The regex, in the dialect's syntax (at most 64 KiB)."""
    dialect: Dialect
    """Whose syntax and matching."""


class PatternSpec(_PatternSpecRequired, total=False):
    """A regex rule: the password must match it."""

    description: Optional[str]
    """Shown as the violation's message, like the servers do."""


class CharacterClasses(TypedDict, total=False):
    """Minimum counts per class (0 = no rule), and how many of the four classes must appear. Classes follow Unicode: lowercase and uppercase letters, numeric characters, and everything else that is not a letter or a number (space, punctuation, emoji) as a symbol."""

    lowercase: int
    """At least this many lowercase letters."""
    uppercase: int
    """At least this many uppercase letters."""
    digit: int
    """At least this many digits (Unicode numeric characters)."""
    symbol: int
    """At least this many symbols (anything not a letter or a number)."""
    min_classes: int
    """At least this many of the four classes, 0–4."""


class BlocklistSpec(TypedDict, total=False):
    """Passwords refused outright: the common ones, your own words, or breached ones offline."""

    common: bool
    """The built-in list of the 3,000 most common passwords."""
    words: List[str]
    """Your own words (product names, last year's passwords, …)."""
    sha1: List[str]
    """Breached passwords offline: SHA-1 digests in hex (any case), e.g. the lines of a Pwned Passwords download with the counts cut off. Matched exactly (not case-folded)."""


Normalization = Union[Literal["none"], Literal["nfkc"]]
"""What the password is normalized to before every check."""


class _StrengthSpecRequired(TypedDict):
    min_score: int
    """The lowest accepted zxcvbn score, 0–4."""


class StrengthSpec(_StrengthSpecRequired, total=False):
    """A zxcvbn score rule: OpenSearch's rules 4 and 5."""

    reject_similar_to_username: bool
    """Also reject a dictionary match against the user name (OpenSearch's rule 5)."""


BreachedOnError = Union[Literal["fail"], Literal["warn"]]
"""What a change does when the breach service cannot be asked."""


class PolicySpec(TypedDict, total=False):
    """Every rule is off unless the spec turns it on; ``{}`` is a policy that accepts anything."""

    min_length: Optional[LengthLimit]
    """Shortest accepted password, in a unit the policy names."""
    max_length: Optional[LengthLimit]
    """Longest accepted password, in a unit the policy names."""
    truncated_after: Optional[LengthLimit]
    """The server keeps only this much of a longer password (Keystone without ``strict_password_check``): not a refusal, but a ``truncated_by_server`` notice, since any password sharing that start will log in too."""
    forbid_control_characters: bool
    """Reject Unicode control characters (NUL, escape, newline, …), which no one types."""
    pattern: Optional[PatternSpec]
    """A regular expression, in a server's dialect and anchoring."""
    character_classes: Optional[CharacterClasses]
    """Composition rules. NIST and ASVS forbid them; some servers still ask for them."""
    context_words: bool
    """Reject passwords containing a context word (user name, email local part, service, …)."""
    differ_from_current: bool
    """Reject a new password equal to the current one."""
    blocklist: Optional[BlocklistSpec]
    """Reject common and listed passwords, case-insensitively."""
    normalization: Normalization
    """Unicode normalization before every check; none by default, as on every server."""
    strength: Optional[StrengthSpec]
    """A zxcvbn score rule (OpenSearch's ``password_score_based_validation_strength``), evaluated by the ``strength`` feature (on by default) with the user name as zxcvbn's user input; without the feature it is listed in ``Report::not_evaluated``, never taken as a pass."""
    breached_check: bool
    """A breached-password check (ASVS 6.2.12) against Pwned Passwords. It needs the network, so ``validate`` lists it in ``not_evaluated``; ``Client.change_password`` runs it before sending."""
    breached_on_error: BreachedOnError
    """When the breach service cannot be reached: ``fail`` (the default: nothing is sent) or ``warn`` (the change goes ahead unchecked)."""


class Context(TypedDict, total=False):
    """What the validator knows about the user: the words a password must not contain, the current password, and the language of the messages. In JSON-shaped data an object with these keys, all optional."""

    username: Optional[str]
    """The user name: a context word, and zxcvbn's user input for a strength rule."""
    email: Optional[str]
    """Only the local part (before the last ``@``) is used as a context word."""
    service: Optional[str]
    """The service or organization name."""
    words: List[str]
    """Other words the password must not contain (at least three characters each)."""
    current_password: Optional[str]
    """The current password, for ``differ_from_current``."""
    locale: Optional[str]
    """The language of the report's messages (English by default). In JSON-shaped data a BCP 47 or POSIX tag, ``"locale": "de-DE"``, read by ``Locale::resolve``."""


Mode = Union[Literal["characters"], Literal["passphrase"]]
"""What a generated password is made of."""


class GenerateOptions(TypedDict, total=False):
    """How to generate; in JSON-shaped data an object with these keys, all optional."""

    mode: Mode
    """Characters or a passphrase."""
    length: Optional[int]
    """Characters: 20, or the policy's minimum if larger, or its maximum if smaller."""
    alphabet: Optional[str]
    """Characters to draw from (each counted once); Elasticsearch's 76 by default."""
    words: Optional[int]
    """Passphrase: 6 words, or more if the policy's minimum length needs them."""
    separator: str
    """Passphrase: what goes between words."""


class WorkLimits(TypedDict, total=False):
    """Defaults allow every server default and OWASP recommendation with room to spare, and cap one verification at roughly a second and 256 MiB. Raise a field to accept costlier hashes."""

    argon2_max_memory_kib: int
    """256 MiB; OpenSearch's default is 64 MiB, OWASP's 19 MiB."""
    argon2_max_iterations: int
    """Argon2 passes; 16 by default."""
    argon2_max_parallelism: int
    """Argon2 lanes; 16 by default."""
    bcrypt_max_cost: int
    """Cost 16 is 64 times cost 10 (about 4 s); Elasticsearch stops at 14."""
    pbkdf2_max_iterations: int
    """Elasticsearch's largest is 1,000,000; OWASP's PBKDF2-HMAC-SHA1 is 1,300,000."""


class ClientOptions(TypedDict, total=False):
    """How a ``Transport`` (the bindings' ``Client``) connects, waits and retries; every key is optional."""

    connect_timeout_ms: int
    """Time to establish a connection (native only; fetch has no such knob). Default 10 s."""
    timeout_ms: int
    """Time for the whole exchange. Default 30 s."""
    allow_insecure_http: bool
    """Allow plain ``http://`` to hosts that are not loopback. Off: passwords travel in bodies."""
    extra_ca_pem: Optional[str]
    """An extra trusted CA, PEM (native only; browsers and Node use their own store)."""
    insecure_skip_tls_verify: bool
    """Accept any certificate: for a test cloud only, as ``openstack --insecure`` (native only; refused on wasm32, where the JS host decides)."""
    max_retries: int
    """How many times a ``503`` is retried. Default 2."""
    max_retry_after_s: int
    """A ``Retry-After`` longer than this is not waited for. Default 30 s."""
    pwned_passwords_url: Optional[str]
    """Where the breached-password check asks: a self-hosted Pwned Passwords mirror, or ``https://api.pwnedpasswords.com`` by default."""


class Report(TypedDict):
    """Every violation in the documented order, and the rules that could not be evaluated."""

    ok: bool
    """No evaluated rule failed; see ``not_evaluated`` for the rules that were not run."""
    violations: List[Violation]
    """Every broken rule, in the documented order."""
    notices: List[Notice]
    """What the server will do that is not a refusal (Keystone keeps only ``params.used`` bytes)."""
    not_evaluated: List[ViolationCode]
    """The codes of rules the policy asks for that this build cannot evaluate: not a pass."""
    strength: Optional[StrengthResult]
    """zxcvbn's score and log10(guesses) when the policy has a strength rule, else null."""


class StrengthResult(TypedDict):
    """What a strength rule measured: zxcvbn's score and log10 of its guesses."""

    score: Literal[0, 1, 2, 3, 4]
    """zxcvbn's score, 0–4."""
    guesses_log10: float
    """log10 of zxcvbn's guesses."""


class PresetInfo(TypedDict):
    """What a preset is and where its rules come from."""

    name: PresetName
    """The name ``Policy::preset`` takes (``nist-800-63b``, ``keystone``, …)."""
    summary: str
    """What it enforces, in a sentence."""
    source: str
    """Where the rules come from (a standard's section, a server's source)."""
    options: List[str]
    """The option keys it takes."""


class HttpRequest(TypedDict):
    """A request to send: what the sans-IO builders return and a transport sends as it is."""

    method: str
    """``GET``, ``POST``, ``PUT``, ``PATCH`` or ``DELETE``."""
    url: str
    """The whole URL, path segments percent-encoded."""
    headers: List[List[str]]
    """Header names and values, in order (secrets in ``Authorization`` and ``X-Auth-Token``)."""
    body: Optional[str]
    """UTF-8 JSON; wiped from memory on drop (it may hold passwords)."""


ResponseHeaders = Union[List[List[str]], Dict[str, str]]
"""``[[name, value], …]`` or ``{name: value}``."""


class _HttpResponseRequired(TypedDict):
    status: int
    """The HTTP status."""


class HttpResponse(_HttpResponseRequired, total=False):
    """The server's answer, as a transport received it, for the operation's ``interpret``."""

    headers: ResponseHeaders
    """``[[name, value], …]`` or ``{name: value}`` (what fetch and requests hand out)."""
    body: str
    """The body as text (one over ``MAX_RESPONSE_BODY`` bytes is an ``unexpected_response``)."""


class PasswordChangedOutcome(TypedDict):
    """The password changed (or was set)."""

    outcome: Literal["password_changed"]


class _TokenOutcomeRequired(TypedDict):
    outcome: Literal["token"]
    token: str
    """The token, in clear: the caller asked for it."""


class TokenOutcome(_TokenOutcomeRequired, total=False):
    """A token; Keystone revokes every older token of the user when the password changes."""

    user_id: Optional[str]
    """The user the token is for (Keystone's ``token.user.id``)."""
    expires_at: Optional[str]
    """When the token expires, as the server wrote it (ISO 8601)."""


class PolicyOutcome(TypedDict):
    """The server's password policy, ready for ``Policy::new``."""

    outcome: Literal["policy"]
    policy: PolicySpec
    """The rules, as a policy spec."""


class Ec2Credential(TypedDict):
    """An EC2 credential; ``secret`` is given in clear to the caller (it asked for it)."""

    access: str
    """The access key (public)."""
    secret: str
    """The secret key."""
    project_id: Optional[str]
    """The project it is for (Keystone's ``tenant_id``)."""
    user_id: Optional[str]
    """The user it belongs to."""
    trust_id: Optional[str]
    """The trust it was made under, if any."""


class Ec2CredentialOutcome(Ec2Credential):
    """A new EC2 credential."""

    outcome: Literal["ec2_credential"]


class Ec2CredentialsOutcome(TypedDict):
    """A user's EC2 credentials."""

    outcome: Literal["ec2_credentials"]
    credentials: List[Ec2Credential]
    """The credentials, as the server listed them."""


class DeletedOutcome(TypedDict):
    """The credential was deleted."""

    outcome: Literal["deleted"]


class UpdatedOutcome(TypedDict):
    """The credentials were updated (Keystone v2.0)."""

    outcome: Literal["updated"]


class BreachCountOutcome(TypedDict):
    """Pwned Passwords: how many breaches the password appears in (0: none)."""

    outcome: Literal["breach_count"]
    count: int
    """The count of breaches."""


Outcome = Union[PasswordChangedOutcome, TokenOutcome, PolicyOutcome, Ec2CredentialOutcome, Ec2CredentialsOutcome, DeletedOutcome, UpdatedOutcome, BreachCountOutcome]
"""What a successful answer means."""


Pattern = Union[Literal["dictionary"], Literal["spatial"], Literal["repeat"], Literal["sequence"], Literal["regex"], Literal["date"], Literal["bruteforce"]]
"""zxcvbn's name for the kind of a match (its ``pattern``)."""


class _StrengthMatchRequired(TypedDict):
    pattern: Pattern
    """What kind of match it is."""
    i: int
    """The first UTF-16 unit of the match."""
    j: int
    """The last UTF-16 unit of the match (inclusive, as zxcvbn's ``j``)."""
    guesses: float
    """The guesses zxcvbn estimates for this match alone."""


class StrengthMatch(_StrengthMatchRequired, total=False):
    """One match of the sequence: its pattern, where it lies and what it costs."""

    dictionary_name: Literal["passwords", "english_wikipedia", "female_names", "surnames", "us_tv_and_film", "male_names", "user_inputs"]
    """For a dictionary match, zxcvbn's list: ``passwords``, ``english_wikipedia``, ``female_names``, ``surnames``, ``us_tv_and_film``, ``male_names`` or ``user_inputs``."""


class CrackTimes(TypedDict):
    """Seconds to crack at zxcvbn's four attack speeds, and how zxcvbn says them."""

    online_throttling_100_per_hour: float
    """An online attack throttled to 100 guesses an hour."""
    online_no_throttling_10_per_second: float
    """An online attack with no throttling, 10 guesses a second."""
    offline_slow_hashing_1e4_per_second: float
    """An offline attack on a slow hash (bcrypt, argon2…), 10⁴ guesses a second."""
    offline_fast_hashing_1e10_per_second: float
    """An offline attack on a fast hash, 10¹⁰ guesses a second."""


class Advice(TypedDict):
    """A warning or suggestion of zxcvbn's feedback."""

    code: str
    """A stable name for it (``top10_common_password``, ``add_another_word``, …), to translate by."""
    message: str
    """zxcvbn's English sentence."""


class Feedback(TypedDict):
    """zxcvbn's feedback: what is weak about the password and how to make it stronger."""

    warning: Optional[Advice]
    """zxcvbn's warning, or ``None`` where it gives the empty string."""
    suggestions: List[Advice]
    """zxcvbn's suggestions, in its order."""


class Strength(TypedDict):
    """The estimate, with the match sequence zxcvbn found (positions in UTF-16 units, no tokens: they are pieces of the password)."""

    score: Literal[0, 1, 2, 3, 4]
    """0 (too guessable) to 4 (very unguessable)."""
    guesses: float
    """zxcvbn's estimate of the guesses an attacker needs."""
    guesses_log10: float
    """log10 of ``guesses``."""
    sequence: List[StrengthMatch]
    """The matches of the most guessable sequence, in order, covering the password."""
    crack_times_seconds: CrackTimes
    """Seconds to crack at zxcvbn's four attack speeds."""
    feedback: Feedback
    """zxcvbn's warning and suggestions, each with a stable code."""


FileStatus = Union[Literal["updated"], Literal["no_password"], Literal["prompts"]]
"""What happened to one file."""


class FileUpdate(TypedDict):
    """What happened to one file."""

    path: str
    """The file."""
    status: FileStatus
    """What happened to it."""
    backup: Optional[str]
    """The copy of the old file (``<path>.bak``), when one was made."""
    warning: Optional[str]
    """Set when the file is readable by its group or by others."""


class NistPresetOptions(TypedDict, total=False):
    """The options of the ``nist-800-63b`` preset."""

    mfa: bool
    """The password is one factor of several: the minimum drops from 15 to 8."""


class NoPresetOptions(TypedDict, total=False):
    """The options of a preset that takes none: an empty object (or null)."""

    pass


OpenSearchStrength = Union[Literal["fair"], Literal["good"], Literal["strong"], Literal["very_strong"]]
"""``plugins.security.restapi.password_score_based_validation_strength``."""


class OpenSearchPresetOptions(TypedDict, total=False):
    """The ``plugins.security.restapi.*`` settings that shape password validation."""

    password_min_length: Optional[int]
    """Off unless set (the plugin's default is -1)."""
    password_validation_regex: Optional[str]
    """The cluster's regex, in Java syntax; empty or none is no regex rule."""
    password_validation_error_message: Optional[str]
    """The message of a regex refusal (the plugin's default when none)."""
    password_score_based_validation_strength: OpenSearchStrength
    """The minimum zxcvbn score (``strong`` by default)."""


class KeystonePresetOptions(TypedDict, total=False):
    """Keystone's ``[security_compliance]``, ``[identity]`` and ``[DEFAULT]`` password options."""

    password_regex: Optional[str]
    """``[security_compliance] password_regex``; none or empty is no regex rule."""
    password_regex_description: Optional[str]
    """``[security_compliance] password_regex_description``, the message of a regex refusal."""
    max_password_length: Optional[int]
    """``[identity] max_password_length``, in UTF-8 bytes: 1 to 4096, 4096 when not set."""
    password_hash_algorithm: Literal["bcrypt", "bcrypt_sha256", "scrypt", "pbkdf2_sha512"]
    """``[identity] password_hash_algorithm``: ``bcrypt`` (the default), ``bcrypt_sha256``, ``scrypt`` or ``pbkdf2_sha512``."""
    strict_password_check: bool
    """``[DEFAULT] strict_password_check``: refuse (403) rather than truncate a password over the length Keystone uses. Off by default."""


Refresh = Union[Literal["true"], Literal["false"], Literal["wait_for"]]
"""When the change becomes visible to searches (Elasticsearch's ``refresh`` parameter)."""


class BasicAuthBasic(TypedDict):
    """``Authorization: Basic base64(username:password)``."""

    username: str
    """The user name."""
    password: str
    """Its password."""


class BasicAuth(TypedDict):
    """``Authorization: Basic base64(username:password)``."""

    basic: BasicAuthBasic


class ApiKeyAuthApiKey(TypedDict):
    """``Authorization: ApiKey <encoded>``, the base64 of ``id:api_key`` that Elasticsearch returns."""

    encoded: str
    """The base64 of ``id:api_key``, as Elasticsearch's create-API-key call returns it."""


class ApiKeyAuth(TypedDict):
    """``Authorization: ApiKey <encoded>``, the base64 of ``id:api_key`` that Elasticsearch returns."""

    api_key: ApiKeyAuthApiKey


class BearerAuthBearer(TypedDict):
    """``Authorization: Bearer <token>``."""

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


class _Argon2idHashSpecRequired(TypedDict):
    algorithm: Literal["argon2id"]


class Argon2idHashSpec(_Argon2idHashSpecRequired, total=False):
    """OWASP's argon2id parameters by default: 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte tag."""

    memory_kib: int
    """Memory, in KiB (at least 8 per lane)."""
    iterations: int
    """Passes over the memory."""
    parallelism: int
    """Lanes."""
    salt_length: int
    """Bytes of random salt."""
    hash_length: int
    """Bytes of the hash."""
    version: int
    """19 (0x13, current) or 16 (0x10, the original)."""
    salt: Optional[str]
    """A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG."""


class _Argon2iHashSpecRequired(TypedDict):
    algorithm: Literal["argon2i"]


class Argon2iHashSpec(_Argon2iHashSpecRequired, total=False):
    """OWASP's argon2id parameters by default: 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte tag."""

    memory_kib: int
    """Memory, in KiB (at least 8 per lane)."""
    iterations: int
    """Passes over the memory."""
    parallelism: int
    """Lanes."""
    salt_length: int
    """Bytes of random salt."""
    hash_length: int
    """Bytes of the hash."""
    version: int
    """19 (0x13, current) or 16 (0x10, the original)."""
    salt: Optional[str]
    """A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG."""


class _Argon2dHashSpecRequired(TypedDict):
    algorithm: Literal["argon2d"]


class Argon2dHashSpec(_Argon2dHashSpecRequired, total=False):
    """OWASP's argon2id parameters by default: 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte tag."""

    memory_kib: int
    """Memory, in KiB (at least 8 per lane)."""
    iterations: int
    """Passes over the memory."""
    parallelism: int
    """Lanes."""
    salt_length: int
    """Bytes of random salt."""
    hash_length: int
    """Bytes of the hash."""
    version: int
    """19 (0x13, current) or 16 (0x10, the original)."""
    salt: Optional[str]
    """A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG."""


BcryptVariant = Union[Literal["2a"], Literal["2b"], Literal["2y"]]
"""The prefix: ``2b`` is current; ``2a`` is what Elasticsearch writes, ``2y`` what PHP and OpenSearch write. All three hash the same way for passwords this version accepts."""


class _BcryptHashSpecRequired(TypedDict):
    algorithm: Literal["bcrypt"]


class BcryptHashSpec(_BcryptHashSpecRequired, total=False):
    """bcrypt's parameters."""

    cost: int
    """log2 of the rounds, 4–31; 12 by default (pyca/bcrypt's and OpenSearch's default)."""
    variant: BcryptVariant
    """The prefix written: ``2b`` by default."""
    salt: Optional[str]
    """A fixed 16-byte salt, for reproducible vectors only."""


class _ElasticsearchPbkdf2HashSpecRequired(TypedDict):
    algorithm: Literal["elasticsearch_pbkdf2"]


class ElasticsearchPbkdf2HashSpec(_ElasticsearchPbkdf2HashSpecRequired, total=False):
    """Elasticsearch's own choices by default: 10,000 iterations, 32-byte salt, 256-bit key."""

    iterations: int
    """One of 1000, 10000, 50000, 100000, 500000, 1000000."""
    salt_length: int
    """Bytes of random salt."""
    key_length: int
    """A positive multiple of 16 bytes."""
    salt: Optional[str]
    """A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG."""


class _ElasticsearchPbkdf2StretchHashSpecRequired(TypedDict):
    algorithm: Literal["elasticsearch_pbkdf2_stretch"]


class ElasticsearchPbkdf2StretchHashSpec(_ElasticsearchPbkdf2StretchHashSpecRequired, total=False):
    """Elasticsearch's own choices by default: 10,000 iterations, 32-byte salt, 256-bit key."""

    iterations: int
    """One of 1000, 10000, 50000, 100000, 500000, 1000000."""
    salt_length: int
    """Bytes of random salt."""
    key_length: int
    """A positive multiple of 16 bytes."""
    salt: Optional[str]
    """A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG."""


Hmac = Union[Literal["sha1"], Literal["sha224"], Literal["sha256"], Literal["sha384"], Literal["sha512"]]
"""The hash function of PBKDF2's HMAC (password4j's choices)."""


class _Password4jPbkdf2HashSpecRequired(TypedDict):
    algorithm: Literal["password4j_pbkdf2"]


class Password4jPbkdf2HashSpec(_Password4jPbkdf2HashSpecRequired, total=False):
    """OpenSearch's defaults: HMAC-SHA256, 600,000 iterations, 256 bits, 128-character salt."""

    hmac: Hmac
    """The HMAC's hash function."""
    iterations: int
    """Iterations."""
    key_bits: int
    """The key length in bits, 8 or more; as in password4j, a length that is not whole bytes makes ``key_bits / 8`` bytes and is written as given."""
    salt_length: int
    """A random salt is printable ASCII, which every password4j version reads alike (it kept salts as Java Strings before 1.7.0, bytes since); any non-empty ``salt`` may be given."""
    salt: Optional[str]
    """A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG."""


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

HashSpec = Union[
    Argon2idHashSpec,
    Argon2iHashSpec,
    Argon2dHashSpec,
    BcryptHashSpec,
    ElasticsearchPbkdf2HashSpec,
    ElasticsearchPbkdf2StretchHashSpec,
    Password4jPbkdf2HashSpec,
]
"""How to hash: the algorithm and its parameters, tagged by ``algorithm``."""

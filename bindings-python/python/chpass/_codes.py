"""The codes and names chpass uses, as ``Literal`` types, and the violations and notices
of a report, as TypedDicts narrowed by ``code``; all exist at run time.

Generated from core/src/policy/violation_types.rs, the presets and the languages by `cargo run -p chpass --features schema --example binding_tables`: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Optional, TypedDict, Union

__all__ = [
    "ViolationCode",
    "NoticeCode",
    "PresetName",
    "Locale",
    "Violation",
    "TooShortViolation",
    "TooLongViolation",
    "ControlCharacterViolation",
    "PatternMismatchViolation",
    "PolicyRegexLimitViolation",
    "WeakPasswordViolation",
    "SimilarToUsernameViolation",
    "MissingLowercaseViolation",
    "MissingUppercaseViolation",
    "MissingDigitViolation",
    "MissingSymbolViolation",
    "TooFewCharacterClassesViolation",
    "ContainsContextWordViolation",
    "SameAsCurrentViolation",
    "CommonPasswordViolation",
    "BlocklistedViolation",
    "BreachedPasswordViolation",
    "Notice",
    "TruncatedByServerNotice",
    "TooShortViolationParams",
    "TooLongViolationParams",
    "ControlCharacterViolationParams",
    "PatternMismatchViolationParams",
    "PolicyRegexLimitViolationParams",
    "WeakPasswordViolationParams",
    "SimilarToUsernameViolationParams",
    "MissingLowercaseViolationParams",
    "MissingUppercaseViolationParams",
    "MissingDigitViolationParams",
    "MissingSymbolViolationParams",
    "TooFewCharacterClassesViolationParams",
    "ContainsContextWordViolationParams",
    "SameAsCurrentViolationParams",
    "CommonPasswordViolationParams",
    "BlocklistedViolationParams",
    "BreachedPasswordViolationParams",
    "TruncatedByServerNoticeParams",
]

if TYPE_CHECKING:
    from ._shapes import LengthUnit

ViolationCode = Literal[
    "too_short",
    "too_long",
    "control_character",
    "pattern_mismatch",
    "policy_regex_limit",
    "weak_password",
    "similar_to_username",
    "missing_lowercase",
    "missing_uppercase",
    "missing_digit",
    "missing_symbol",
    "too_few_character_classes",
    "contains_context_word",
    "same_as_current",
    "common_password",
    "blocklisted",
    "breached_password",
]
"""A violation's ``code``, in the order a report lists them."""

NoticeCode = Literal[
    "truncated_by_server",
]
"""A notice's ``code``."""

PresetName = Literal[
    "nist-800-63b",
    "owasp-asvs-5-l1",
    "owasp-asvs-5-l2",
    "elasticsearch",
    "opensearch",
    "keystone",
]
"""The names ``Policy.preset`` takes."""

Locale = Literal[
    "en",
    "de",
    "es",
    "fr",
    "it",
    "ja",
    "nl",
    "pl",
    "pt-BR",
    "zh-CN",
]
"""The languages with a message catalog (``chpass.LOCALES``)."""


class TooShortViolationParams(TypedDict):
    """The figures of a ``too_short`` message."""

    min: int
    """The least the rule asks for."""

    actual: int
    """What the password has, in the same terms."""

    unit: LengthUnit
    """What the lengths count: code points, UTF-16 units or UTF-8 bytes."""


class TooShortViolation(TypedDict):
    """``too_short``: shorter than the minimum."""

    code: Literal["too_short"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: TooShortViolationParams
    """The figures the message is made of."""


class TooLongViolationParams(TypedDict):
    """The figures of a ``too_long`` message."""

    max: int
    """The most that is allowed."""

    actual: int
    """What the password has, in the same terms."""

    unit: LengthUnit
    """What the lengths count: code points, UTF-16 units or UTF-8 bytes."""


class TooLongViolation(TypedDict):
    """``too_long``: longer than the maximum (or than 1 MiB)."""

    code: Literal["too_long"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: TooLongViolationParams
    """The figures the message is made of."""


class ControlCharacterViolationParams(TypedDict):
    """The figures of a ``control_character`` message."""

    position: int
    """Where, in code points from 0."""

    code_point: str
    """The character, as ``U+0007``."""


class ControlCharacterViolation(TypedDict):
    """``control_character``: a Unicode control character (NUL, tab, newline, …): ``position`` in code points from 0, ``code_point`` as ``U+0007``."""

    code: Literal["control_character"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: ControlCharacterViolationParams
    """The figures the message is made of."""


class PatternMismatchViolationParams(TypedDict):
    """The figures of a ``pattern_mismatch`` message."""

    description: Optional[str]
    """The policy's description of its regex, if it has one."""


class PatternMismatchViolation(TypedDict):
    """``pattern_mismatch``: the policy's regex does not match; the message is the description when given."""

    code: Literal["pattern_mismatch"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: PatternMismatchViolationParams
    """The figures the message is made of."""


class PolicyRegexLimitViolationParams(TypedDict):
    """The figures of a ``policy_regex_limit`` message."""

    limit: int
    """The limit that was reached."""


class PolicyRegexLimitViolation(TypedDict):
    """``policy_regex_limit``: the regex ran out of steps (``limit``: 1,000,000, or 64 per character): counted as a failure."""

    code: Literal["policy_regex_limit"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: PolicyRegexLimitViolationParams
    """The figures the message is made of."""


class WeakPasswordViolationParams(TypedDict):
    """The figures of a ``weak_password`` message."""

    min: int
    """The least the rule asks for."""

    actual: int
    """What the password has, in the same terms."""


class WeakPasswordViolation(TypedDict):
    """``weak_password``: the zxcvbn score is below the minimum (OpenSearch: "Weak password")."""

    code: Literal["weak_password"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: WeakPasswordViolationParams
    """The figures the message is made of."""


class SimilarToUsernameViolationParams(TypedDict):
    """The figures of a ``similar_to_username`` message."""


class SimilarToUsernameViolation(TypedDict):
    """``similar_to_username``: zxcvbn matched the user name (OpenSearch: "Password is similar to user name")."""

    code: Literal["similar_to_username"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: SimilarToUsernameViolationParams
    """The figures the message is made of."""


class MissingLowercaseViolationParams(TypedDict):
    """The figures of a ``missing_lowercase`` message."""

    min: int
    """The least the rule asks for."""

    actual: int
    """What the password has, in the same terms."""


class MissingLowercaseViolation(TypedDict):
    """``missing_lowercase``: too few lowercase letters."""

    code: Literal["missing_lowercase"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: MissingLowercaseViolationParams
    """The figures the message is made of."""


class MissingUppercaseViolationParams(TypedDict):
    """The figures of a ``missing_uppercase`` message."""

    min: int
    """The least the rule asks for."""

    actual: int
    """What the password has, in the same terms."""


class MissingUppercaseViolation(TypedDict):
    """``missing_uppercase``: too few uppercase letters."""

    code: Literal["missing_uppercase"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: MissingUppercaseViolationParams
    """The figures the message is made of."""


class MissingDigitViolationParams(TypedDict):
    """The figures of a ``missing_digit`` message."""

    min: int
    """The least the rule asks for."""

    actual: int
    """What the password has, in the same terms."""


class MissingDigitViolation(TypedDict):
    """``missing_digit``: too few digits."""

    code: Literal["missing_digit"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: MissingDigitViolationParams
    """The figures the message is made of."""


class MissingSymbolViolationParams(TypedDict):
    """The figures of a ``missing_symbol`` message."""

    min: int
    """The least the rule asks for."""

    actual: int
    """What the password has, in the same terms."""


class MissingSymbolViolation(TypedDict):
    """``missing_symbol``: too few symbols."""

    code: Literal["missing_symbol"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: MissingSymbolViolationParams
    """The figures the message is made of."""


class TooFewCharacterClassesViolationParams(TypedDict):
    """The figures of a ``too_few_character_classes`` message."""

    min: int
    """The least the rule asks for."""

    actual: int
    """What the password has, in the same terms."""


class TooFewCharacterClassesViolation(TypedDict):
    """``too_few_character_classes``: too few of the four classes."""

    code: Literal["too_few_character_classes"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: TooFewCharacterClassesViolationParams
    """The figures the message is made of."""


class ContainsContextWordViolationParams(TypedDict):
    """The figures of a ``contains_context_word`` message."""

    word: str
    """The context word found."""


class ContainsContextWordViolation(TypedDict):
    """``contains_context_word``: contains the user name, email local part, service or a listed word."""

    code: Literal["contains_context_word"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: ContainsContextWordViolationParams
    """The figures the message is made of."""


class SameAsCurrentViolationParams(TypedDict):
    """The figures of a ``same_as_current`` message."""


class SameAsCurrentViolation(TypedDict):
    """``same_as_current``: equals the current password."""

    code: Literal["same_as_current"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: SameAsCurrentViolationParams
    """The figures the message is made of."""


class CommonPasswordViolationParams(TypedDict):
    """The figures of a ``common_password`` message."""


class CommonPasswordViolation(TypedDict):
    """``common_password``: one of the 3,000 most common passwords."""

    code: Literal["common_password"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: CommonPasswordViolationParams
    """The figures the message is made of."""


class BlocklistedViolationParams(TypedDict):
    """The figures of a ``blocklisted`` message."""


class BlocklistedViolation(TypedDict):
    """``blocklisted``: on the policy's own list."""

    code: Literal["blocklisted"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: BlocklistedViolationParams
    """The figures the message is made of."""


class BreachedPasswordViolationParams(TypedDict):
    """The figures of a ``breached_password`` message."""

    count: Optional[int]
    """How many breaches list it (``null``: a local list matched)."""


class BreachedPasswordViolation(TypedDict):
    """``breached_password``: in known breaches (Pwned Passwords' count, or ``null`` from ``blocklist.sha1``)."""

    code: Literal["breached_password"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: BreachedPasswordViolationParams
    """The figures the message is made of."""


Violation = Union[
    TooShortViolation,
    TooLongViolation,
    ControlCharacterViolation,
    PatternMismatchViolation,
    PolicyRegexLimitViolation,
    WeakPasswordViolation,
    SimilarToUsernameViolation,
    MissingLowercaseViolation,
    MissingUppercaseViolation,
    MissingDigitViolation,
    MissingSymbolViolation,
    TooFewCharacterClassesViolation,
    ContainsContextWordViolation,
    SameAsCurrentViolation,
    CommonPasswordViolation,
    BlocklistedViolation,
    BreachedPasswordViolation,
]
"""One broken rule; ``params`` is narrowed by ``code``."""


class TruncatedByServerNoticeParams(TypedDict):
    """The figures of a ``truncated_by_server`` message."""

    used: int
    """How much of the password the server keeps, in ``unit``."""

    actual: int
    """What the password has, in the same terms."""

    unit: LengthUnit
    """What the lengths count: code points, UTF-16 units or UTF-8 bytes."""


class TruncatedByServerNotice(TypedDict):
    """``truncated_by_server``: the server keeps only the first ``used`` units (Keystone without ``strict_password_check``), so any password that starts the same logs in."""

    code: Literal["truncated_by_server"]
    """Stable across versions and languages: what to branch or translate on."""

    message: str
    """In the context's ``locale`` (English by default); render your own from ``code`` and ``params``."""

    params: TruncatedByServerNoticeParams
    """The figures the message is made of."""


Notice = Union[
    TruncatedByServerNotice,
]
"""What the server will do with an accepted password that is not a refusal."""

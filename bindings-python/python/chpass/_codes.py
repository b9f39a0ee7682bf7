"""The codes and names chpass uses, as ``Literal`` types that exist at run time.

Generated from core/src/policy/violation_types.rs, the presets and the languages by `cargo run -p chpass --features schema --example binding_tables`: do not edit.
"""

from typing import Literal

__all__ = ["ViolationCode", "NoticeCode", "PresetName", "Locale"]

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

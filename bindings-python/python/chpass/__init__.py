"""chpass: check, hash and change passwords for Keystone, Elasticsearch and OpenSearch.

>>> import chpass
>>> chpass.validate("password", chpass.Policy.preset("nist-800-63b")).codes
['too_short', 'common_password']
"""

from __future__ import annotations

from ._chpass import ERROR_CODES, Policy, Report, Violation, __version__, preset_info, validate
from ._errors import (
    ChpassError,
    ConfigurationError,
    InvalidArgumentError,
    InvalidPolicyError,
)

#: The presets, each a dict with ``name``, ``summary``, ``source`` and ``options``.
presets = tuple(preset_info())

__all__ = [
    "ERROR_CODES",
    "ChpassError",
    "ConfigurationError",
    "InvalidArgumentError",
    "InvalidPolicyError",
    "Policy",
    "Report",
    "Violation",
    "__version__",
    "preset_info",
    "presets",
    "validate",
]

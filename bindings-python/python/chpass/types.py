"""The shapes of chpass's plain-dict results, as TypedDicts that exist at run time (the
arguments' are generated from core, in ``_shapes``): ``from chpass import Context`` works in a
script as it does for mypy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Literal, Optional, TypedDict

from ._codes import PresetName
from ._shapes import Context as Context, GenerateOptions as GenerateOptions, HashSpec as HashSpec, WorkLimits as WorkLimits

if TYPE_CHECKING:
    from ._chpass import Policy


class PresetInfo(TypedDict):
    """A preset: its name, what it enforces, where it comes from, and the options it takes."""

    name: PresetName
    summary: str
    source: str
    options: List[str]


class HttpRequest(TypedDict):
    """A built request: method, URL, header pairs and body, ready for any HTTP client."""

    method: str
    url: str
    headers: List[List[str]]
    body: Optional[str]


class KeystonePolicy(TypedDict):
    """Keystone's own policy, read with a token (``source`` ``server``), or the ``keystone`` preset."""

    policy: Policy
    source: Literal["server", "preset"]


class FileUpdate(TypedDict):
    """What happened to one credential file."""

    path: str
    #: "updated"; in update_cloud_password's list also "no_password" (this file holds none,
    #: another did)
    status: Literal["updated", "no_password"]
    backup: Optional[str]
    warning: Optional[str]


class StrengthMatch(TypedDict, total=False):
    """One match of zxcvbn's sequence; positions in UTF-16 units, never the token."""

    pattern: str
    i: int
    j: int
    guesses: float
    dictionary_name: str


class Strength(TypedDict):
    """zxcvbn 4.4.2's estimate: score 0-4, guesses, the match sequence, crack times and feedback."""

    score: int
    guesses: float
    guesses_log10: float
    sequence: List[StrengthMatch]
    crack_times_seconds: Dict[str, float]
    feedback: Dict[str, Any]

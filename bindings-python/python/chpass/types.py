"""The shapes of chpass's plain-dict arguments and results, as TypedDicts that exist at run
time (most are generated from core, in ``_shapes``): ``from chpass import Context`` works in a
script as it does for mypy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypedDict

from ._shapes import (
    Context as Context,
    Ec2Credential as Ec2Credential,
    FileUpdate as FileUpdate,
    GenerateOptions as GenerateOptions,
    HashSpec as HashSpec,
    HttpRequest as HttpRequest,
    HttpResponse as HttpResponse,
    Outcome as Outcome,
    PresetInfo as PresetInfo,
    Report as Report,
    Strength as Strength,
    StrengthMatch as StrengthMatch,
    StrengthResult as StrengthResult,
    WorkLimits as WorkLimits,
)

if TYPE_CHECKING:
    from ._chpass import Policy


class KeystonePolicy(TypedDict):
    """Keystone's own policy, read with a token (``source`` ``server``), or the ``keystone`` preset."""

    policy: Policy
    source: Literal["server", "preset"]

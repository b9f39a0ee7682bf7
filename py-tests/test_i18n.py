"""Messages in the user's language through the Python binding and the command:
core/tests/vectors/i18n.json (which Rust and the npm package run too), the locale option of
validate and strength, and the command under LANG."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, cast

import pytest

import chpass

DOC = json.loads((Path(__file__).parent.parent / "core" / "tests" / "vectors" / "i18n.json").read_text(encoding="utf-8"))


def policy_of(case: Dict[str, Any]) -> chpass.Policy:
    spec = case["policy"]
    return chpass.Policy.preset(cast(chpass.PresetName, spec)) if isinstance(spec, str) else chpass.Policy(spec)


@pytest.mark.parametrize("case", DOC["validate"], ids=[c["name"] for c in DOC["validate"]])
def test_validate_vectors(case: Dict[str, Any]) -> None:
    context: chpass.Context = dict(case.get("context") or {})  # type: ignore[assignment]
    if case["locale"] is not None:
        context["locale"] = case["locale"]
    report = chpass.validate(case["password"], policy_of(case), context)
    assert [v["message"] for v in report["violations"]] == case["messages"]


@pytest.mark.parametrize("case", DOC["strength"], ids=[c["name"] for c in DOC["strength"]])
def test_strength_vectors(case: Dict[str, Any]) -> None:
    feedback = chpass.strength(case["password"], [], 2024, locale=case["locale"])["feedback"]
    warning = feedback["warning"]
    assert (warning["message"] if warning else None) == case["warning"]
    assert [s["message"] for s in feedback["suggestions"]] == case["suggestions"]


def test_locales_and_errors() -> None:
    assert chpass.LOCALES[0] == "en" and "pt-BR" in chpass.LOCALES and len(chpass.LOCALES) == 10
    with pytest.raises(chpass.InvalidArgumentError) as info:
        chpass.validate("x", chpass.Policy.preset("nist-800-63b"), {"locale": 7})  # type: ignore[arg-type]
    assert info.value.params["path"] == "locale"
    # natively every catalog is compiled in: locale_not_loaded is the npm package's alone
    assert chpass.validate("x", chpass.Policy.preset("nist-800-63b"), {"locale": "ja"})["violations"]


def run(lang: str, *args: str, stdin: str) -> "subprocess.CompletedProcess[str]":
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["LANG"] = lang
    return subprocess.run([sys.executable, "-m", "chpass", *args], input=stdin, capture_output=True,
                          text=True, env=env)


def test_the_command_speaks_lang() -> None:
    # the same messages as validate(..., {"locale": "de"}), from the same catalog
    report = chpass.validate("kurz", chpass.Policy.preset("nist-800-63b"), {"locale": "de"})
    expected = [v["message"] for v in report["violations"]]
    out = run("de_DE.UTF-8", "check", stdin="kurz\n")
    assert out.returncode == 1
    assert out.stdout.splitlines() == [f"too_short: {expected[0]}"]
    assert run("de_DE.UTF-8", "check", stdin="correct horse battery staple\n").stdout.strip() == \
        "ok: das Passwort erfüllt die Richtlinie"
    # LC_MESSAGES before LANG; an error's sentence in the language, the details as written
    env_ja = run("ja_JP.UTF-8", "verify", "--hash", "nope", stdin="x\n")
    assert env_ja.returncode == 2
    assert env_ja.stderr.startswith("chpass: chpass が扱えるハッシュではありません。 (malformed hash: ")
    assert env_ja.stderr.rstrip().endswith("[malformed_hash]")
    # --json keeps the codes and translates the messages
    report = json.loads(run("pl_PL.UTF-8", "--json", "check", "--policy", "owasp-asvs-5-l1", stdin="abc\n").stdout)
    assert report["violations"][0] == {"code": "too_short", "message": "Musi mieć co najmniej 8 znaków.",
                                       "params": {"min": 8, "actual": 3, "unit": "code_points"}}
    # no catalog, or the C locale: English
    for lang in ("sv_SE.UTF-8", "C.UTF-8", "C"):
        assert run(lang, "check", stdin="kurz\n").stdout.startswith("too_short: Must be at least 15 characters long.")

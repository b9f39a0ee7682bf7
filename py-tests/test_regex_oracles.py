"""The regex vectors agree with the engines the servers run: CPython's re.match (Keystone)
and java.util.regex full matches (OpenSearch). Neither engine was written here."""

from typing import Any, List, Optional, Tuple
import base64
import pathlib
import re
import shutil
import subprocess
import warnings

from conftest import load_vectors, password_of

CASES = load_vectors("policy.json")
ORACLE = pathlib.Path(__file__).parent / "oracles" / "JavaRegexOracle.java"


def regex_cases(dialect: str) -> List[Any]:
    """(name, regex, password, expected_match) for every case that runs a regex of `dialect`."""
    out = []
    for case in CASES:
        if "expected_codes" not in case or "policy_regex_limit" in case["expected_codes"]:
            continue
        regex = None
        if case.get("policy", {}).get("pattern", {}).get("dialect") == dialect:
            regex = case["policy"]["pattern"]["regex"]
        options = case.get("options", {})
        if dialect == "python_re_match" and case.get("preset") == "keystone":
            regex = options.get("password_regex")
        if dialect == "java_matches" and case.get("preset") == "opensearch":
            regex = options.get("password_validation_regex") or None
        if regex is not None:
            expected = "pattern_mismatch" not in case["expected_codes"]
            out.append((case["name"], regex, password_of(case), expected))
    return out


def test_python_dialect_agrees_with_cpython_re() -> None:
    cases = regex_cases("python_re_match")
    assert len(cases) >= 30
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # "[[]" is a literal bracket, as the vector says
        wrong = [name for name, regex, pw, ok in cases if (re.match(regex, pw) is not None) != ok]
    assert wrong == []


def encode(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode()


def java_verdicts(pairs: List[Tuple[str, str]]) -> List[Optional[bool]]:
    """java.util.regex's answer for each (regex, password), as OpenSearch compiles it; None
    where Java refuses the pattern."""
    java = shutil.which("java")
    assert java, "a JDK is part of the test setup (scripts/bootstrap.sh installs it)"
    lines = "".join(f"{encode(regex)} {encode(password)}\n" for regex, password in pairs)
    out = subprocess.run(
        [java, str(ORACLE)], input=lines, capture_output=True, text=True, check=True, timeout=600
    ).stdout.split()
    assert len(out) == len(pairs)
    return [None if got == "error" else got == "true" for got in out]


def test_java_dialect_agrees_with_java_util_regex() -> None:
    cases = regex_cases("java_matches")
    assert len(cases) >= 25
    got = java_verdicts([(regex, pw) for _, regex, pw, _ in cases])
    wrong = [name for (name, _, _, ok), theirs in zip(cases, got) if theirs != ok]
    assert wrong == []

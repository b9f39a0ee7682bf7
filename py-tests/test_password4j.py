"""OpenSearch hashes against password4j itself (../shared/oracles/password4j-1.8.4, the
library the security plugin checks internal users' hashes with), both ways: every hash
`opensearch_hash` makes is accepted by password4j's check, and every hash password4j makes is
accepted by `verify_opensearch`; bcrypt for every minor, PBKDF2 for every HMAC and odd key
lengths, argon2 for every type and version (below 8 KiB per lane too); ASCII and non-ASCII passwords."""

from __future__ import annotations

import base64
import pathlib
import shutil
import subprocess
from typing import Dict, List, Tuple

import pytest

import chpass

HERE = pathlib.Path(__file__).parent
SOURCES = HERE.parent.parent / "shared" / "oracles" / "password4j-1.8.4" / "src"
ORACLE = HERE / "oracles" / "Password4jOracle.java"
SLF4J = pathlib.Path("/usr/share/java/slf4j-api.jar")
SLF4J_NOP = pathlib.Path("/usr/share/java/slf4j-nop.jar")
BUILD = HERE.parent / ".work" / "password4j"

PASSWORDS = ["correct horse", "pässwörd", "日本語のパスワード", "😀 emoji", "x" * 71, "ä" + "a" * 70]


def wrong(password: str) -> str:
    """Another password of the same length (bcrypt reads 72 bytes at most)."""
    return password[:-1] + "!"


@pytest.fixture(scope="module")
def password4j() -> pathlib.Path:
    """password4j 1.8.4 and the oracle, compiled once with the JDK the suites install."""
    assert shutil.which("javac"), "a JDK is part of the test setup (scripts/bootstrap.sh installs it)"
    assert SOURCES.is_dir(), f"password4j's sources are missing: {SOURCES}"
    assert SLF4J.is_file(), "libslf4j-java is part of the test setup (scripts/bootstrap.sh)"
    stamp = BUILD / "Password4jOracle.class"
    if not stamp.exists() or stamp.stat().st_mtime < ORACLE.stat().st_mtime:
        BUILD.mkdir(parents=True, exist_ok=True)
        sources = [str(p) for p in SOURCES.rglob("*.java")] + [str(ORACLE)]
        subprocess.run(["javac", "-nowarn", "-d", str(BUILD), "-cp", str(SLF4J), *sources],
                       check=True, capture_output=True, timeout=600)
    return BUILD


def run(build: pathlib.Path, lines: List[Tuple[str, str, Dict[str, str], str, str]]) -> List[str]:
    """One oracle run: (hash|check, algorithm, settings, password, hash) -> its answers."""
    def b64(text: str) -> str:
        return base64.b64encode(text.encode("utf-8")).decode()

    text = "".join(
        "\t".join([op, algorithm, ",".join(f"{k}={v}" for k, v in settings.items()), b64(pw), b64(h)]) + "\n"
        for op, algorithm, settings, pw, h in lines)
    classpath = ":".join([str(build), str(SLF4J), str(SLF4J_NOP) if SLF4J_NOP.exists() else ""])
    out = subprocess.run(["java", "-cp", classpath, "Password4jOracle"], input=text,
                         capture_output=True, text=True, check=True, timeout=600).stdout.splitlines()
    assert len(out) == len(lines), out
    return out


# (algorithm, password4j settings, the same as chpass's plugins.security.password.hashing.*)
CONFIGS = [
    ("bcrypt", {"minor": "A", "rounds": "4"}, {"algorithm": "bcrypt", "bcrypt.minor": "A", "bcrypt.rounds": 4}),
    ("bcrypt", {"minor": "B", "rounds": "4"}, {"algorithm": "bcrypt", "bcrypt.minor": "B", "bcrypt.rounds": 4}),
    ("bcrypt", {"minor": "Y", "rounds": "5"}, {"algorithm": "bcrypt", "bcrypt.minor": "Y", "bcrypt.rounds": 5}),
] + [
    ("pbkdf2", {"function": f, "iterations": "1000", "length": str(n)},
     {"algorithm": "pbkdf2", "pbkdf2.function": f, "pbkdf2.iterations": 1000, "pbkdf2.length": n})
    for f, n in [("SHA1", 160), ("SHA224", 224), ("SHA256", 256), ("SHA384", 100), ("SHA512", 9000)]
] + [
    ("argon2", {"type": t, "version": v, "memory": m, "iterations": "2", "parallelism": p, "length": n},
     {"algorithm": "argon2", "argon2.type": f"argon2{t}", "argon2.version": int(v), "argon2.memory": int(m),
      "argon2.iterations": 2, "argon2.parallelism": int(p), "argon2.length": int(n)})
    # the last three have less than 8 KiB per lane, which password4j computes and standard Argon2 refuses
    for t, v, m, p, n in [("id", "19", "64", "1", "32"), ("i", "16", "32", "2", "16"), ("d", "19", "16", "2", "64"),
                          ("id", "19", "4", "1", "32"), ("i", "16", "9", "2", "16"), ("d", "19", "1", "3", "32")]
]


@pytest.mark.parametrize(("algorithm", "theirs", "ours"), CONFIGS,
                         ids=[f"{a}-{'-'.join(t.values())}" for a, t, _ in CONFIGS])
def test_both_directions(password4j: pathlib.Path, algorithm: str, theirs: Dict[str, str],
                         ours: Dict[str, object]) -> None:
    made = [chpass.opensearch_hash(pw, ours) for pw in PASSWORDS]  # type: ignore[arg-type]
    lines = [("check", algorithm, theirs, pw, h) for pw, h in zip(PASSWORDS, made)]
    lines += [("check", algorithm, theirs, wrong(pw), h) for pw, h in zip(PASSWORDS, made)]
    lines += [("hash", algorithm, theirs, pw, "") for pw in PASSWORDS]
    answers = run(password4j, lines)
    n = len(PASSWORDS)
    assert answers[:n] == ["true"] * n, "password4j refuses a hash chpass made"
    assert answers[n:2 * n] == ["false"] * n
    for pw, theirs_hash in zip(PASSWORDS, answers[2 * n:]):
        assert not theirs_hash.startswith("error"), theirs_hash
        assert chpass.verify_opensearch(pw, theirs_hash), f"{algorithm}: {theirs_hash}"
        assert not chpass.verify_opensearch(wrong(pw), theirs_hash)


def test_password4j_2a_is_not_standard_bcrypt_for_non_ascii(password4j: pathlib.Path) -> None:
    # what SERVER-FACTS measured: a standard $2a$ hash of a non-ASCII password is refused by
    # OpenSearch, and password4j's own is refused by standard bcrypt; ASCII agrees
    import bcrypt

    settings = {"minor": "A", "rounds": "4"}
    standard = {pw: bcrypt.hashpw(pw.encode(), bcrypt.gensalt(4, prefix=b"2a")).decode() for pw in PASSWORDS}
    answers = run(password4j, [("check", "bcrypt", settings, pw, h) for pw, h in standard.items()])
    for (pw, h), answer in zip(standard.items(), answers):
        assert answer == ("true" if pw.isascii() else "false"), pw
        assert chpass.verify(pw, h)
        assert chpass.verify_opensearch(pw, h) == pw.isascii()
    theirs = run(password4j, [("hash", "bcrypt", settings, pw, "") for pw in PASSWORDS])
    for pw, h in zip(PASSWORDS, theirs):
        assert bcrypt.checkpw(pw.encode(), h.encode()) == pw.isascii()
        assert chpass.verify(pw, h) == pw.isascii()
        assert chpass.verify_opensearch(pw, h)


def test_argon2_below_8_kib_per_lane_is_password4j_only(password4j: pathlib.Path) -> None:
    # the C reference (argon2-cffi) refuses such a cost: chpass.verify says malformed_hash,
    # verify_opensearch checks it as OpenSearch does
    import argon2

    theirs = run(password4j, [("hash", "argon2", {"type": "id", "version": "19", "memory": "4", "iterations": "2",
                                                  "parallelism": "1", "length": "32"}, "pässwörd", "")])[0]
    assert theirs.startswith("$argon2id$v=19$m=4,t=2,p=1$"), theirs
    with pytest.raises(argon2.exceptions.VerificationError):
        argon2.PasswordHasher().verify(theirs, "pässwörd")
    with pytest.raises(chpass.MalformedHashError, match="8 KiB per lane"):
        chpass.verify("pässwörd", theirs)
    assert chpass.verify_opensearch("pässwörd", theirs)

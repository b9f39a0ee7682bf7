"""How chpass reads keystone.conf against the real oslo.config, on many generated files: the
layouts people write, with a few lines disturbed (section names in other cases, continuation
lines, quotes, comments, `$` templates, odd whitespace and line ends). Where oslo.config reads
a password_regex, chpass must read the same text (and its description); where oslo.config
refuses the file or the value, so must chpass. Every disagreement is listed."""

from __future__ import annotations

import random
import re
import warnings
from pathlib import Path
from typing import List, Optional, Tuple

from oslo_config import cfg

import chpass

# None: the file or the value is refused; else (regex, description), "" read as no rule
Verdict = Optional[Tuple[Optional[str], Optional[str]]]

SECTIONS = [
    "[security_compliance]", "[security_compliance]", "[security_compliance]", "[Security_Compliance]",
    "[SECURITY_COMPLIANCE]", "[DEFAULT]", "[identity]", "[security_compliance ]", "[ security_compliance]",
    "[security-compliance]", "[]", "[security_compliance", "[security_compliance] # c", "[[security_compliance]]",
]
KEYS = [
    "password_regex", "password_regex", "password_regex", "password_regex_description",
    "password_regex_description", "Password_Regex", "password-regex", "password_regex_descriptio", "lockout_duration",
]
SEPARATORS = ["=", " = ", "= ", " =", ":", ": ", " : ", "==", ":=", "=:", "\t=\t"]
VALUE_PARTS = ["^", "$", ".", "*", "a", "Z", "7", r"\d", "{7,}", "(?=.*[a-z])", "[a-z]", " ", "é", "\t"]
# each part of a value is one of these one time in six
ODD_PARTS = [
    "#", ";", ":", "=", "'", '"', "$$", r"\$", "$x", "${x}", "${", "${1}", "$1", "$.", "$_", "$K",
    "\u212a", "\u00a0", "\x0c", "\x1c", "\x1f", "\x85", "\u2028", "\u3000", "(", "\\",
]
FILLER = ["", "# a comment", "; a comment", "#", "other = 1", "debug: true", "   ", "\t", "\x0c"]
CONTINUATIONS = ["  more", "\tmore", "  # not a comment here", "  $$", " \x0c", "\x0c x"]
LINE_ENDS = ["\n"] * 40 + ["\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028"]


def random_value(rng: random.Random) -> str:
    value = "".join(rng.choice(ODD_PARTS if rng.random() < 1 / 6 else VALUE_PARTS)
                    for _ in range(rng.randint(0, 7)))
    quote = rng.choice(["", "", "", "'", '"'])
    return quote + value + quote


def random_conf(rng: random.Random) -> str:
    lines: List[str] = []
    if rng.random() < 0.1:
        lines.append(rng.choice(KEYS) + " = " + random_value(rng))
    for _ in range(rng.randint(1, 3)):
        lines.append(rng.choice(SECTIONS) if rng.random() < 0.2 else "[security_compliance]")
        for _ in range(rng.randint(0, 4)):
            roll = rng.random()
            if roll < 0.6:
                lines.append(rng.choice(["", "", " ", "\t"]) * (rng.random() < 0.1)
                             + rng.choice(KEYS) + rng.choice(SEPARATORS) + random_value(rng))
                for _ in range(rng.choice([0, 0, 0, 1, 2])):
                    lines.append(rng.choice(CONTINUATIONS))
            else:
                lines.append(rng.choice(FILLER))
    text = ""
    for line in lines:
        trailing = rng.choice([""] * 8 + [" ", "\t", "\x0c", "\x1c", "\u00a0"])
        text += line + trailing + rng.choice(LINE_ENDS)
    return text


def oslo_verdict(path: Path, text: str) -> Verdict:
    path.write_bytes(text.encode("utf-8"))
    conf = cfg.ConfigOpts()
    conf.register_opts([cfg.StrOpt("password_regex"), cfg.StrOpt("password_regex_description")],
                       group="security_compliance")
    try:
        conf(args=[], default_config_files=[str(path)])
        regex = conf.security_compliance.password_regex
        description = conf.security_compliance.password_regex_description
    except cfg.Error:
        return None
    if not regex:
        return (None, None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # FutureWarning on "[[", which is still valid
            re.compile(regex)
    except re.error:
        return None  # Keystone would fail on every password; chpass refuses the policy
    return (regex, description)


def chpass_verdict(text: str) -> Verdict:
    try:
        pattern = chpass.Policy.from_keystone_conf(text).to_dict().get("pattern")
    except chpass.InvalidPolicyError:
        return None
    return (pattern["regex"], pattern.get("description")) if pattern else (None, None)


def test_generated_confs_read_as_oslo_config_reads_them(tmp_path: Path) -> None:
    rng = random.Random(20261124)
    path = tmp_path / "keystone.conf"
    wrong = []
    outcomes = {"regex": 0, "none": 0, "refused": 0}
    for _ in range(3000):
        text = random_conf(rng)
        theirs, ours = oslo_verdict(path, text), chpass_verdict(text)
        outcomes["refused" if theirs is None else "regex" if theirs[0] else "none"] += 1
        if ours != theirs:
            wrong.append((text, ours, theirs))
    # the generator must exercise every outcome, not only refusals
    assert min(outcomes.values()) > 300, outcomes
    assert wrong == [], f"{len(wrong)} disagreements, first: {wrong[:8]}"

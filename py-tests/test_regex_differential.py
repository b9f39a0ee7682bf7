"""chpass's regex engine against the servers' own engines on many patterns and passwords:
CPython's re.match (Keystone) and java.util.regex compiled as "^" + regex + "$" (OpenSearch).
Neither engine was written here; every disagreement is listed."""

import random
import re
import warnings
from typing import List, Optional, Tuple

import chpass
from conftest import codes_of
from test_regex_oracles import java_verdicts

PASSWORDS = [
    "", "a", "ab", "abc", "abcd", "aaa", "aaab", "abcdefg", "abcdefg1", "Password1!", "P@ssw0rd-longer",
    "password", "PASSWORD", "Abcdefghij1!", "1234567890123", "pass word 12", "abc\n", "x\n", "\nx", "a\r\n",
    "abc\u2028", "straße", "STRASSE", "Straße", "ÄÖÜäöü", "ﬃ", "K", "\u212a", "ſ", "١٢٣", "²³", "Ⅻ", "日本語1",
    "😀😀😀😀😀😀😀😀", "a😀b", "\u00a0\u2003", "\t", "a" * 12, "xyzw" * 8, "aaaaaaab", "a-]", "abcbcd",
    "abcd123", "a.b", "axb", "a.bc", "[x]", "a{2}", "a$", "$", "_", "é", "e\u0301", "\u093e", "Ⓐ", "ǅ",
    "q1w2e3r4", "Zz9!Zz9!", "abcabc", "123abc123", "no-digits-here", "ALLCAPS123", "tab\there", "x" * 101,
]

PYTHON = [
    r"^(?=.*\d)(?=.*[a-zA-Z]).{7,}$", r"^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^\w\s]).{12,}$",
    r"^[\w!@#$%^&*]{8,64}$", r"(?i)^(?!.*password).*$", r"^(?!.*(.)\1\1)", r"^\S{8,}\Z",
    "(?x) ^ (?=.*\\d) # a digit\n .{8,} $", r"^(?:(?=.*[a-z])(?=.*[A-Z])|(?=.*\d)(?=.*\W)).{10,}$",
    r"^(?P<first>.)(?!(?P=first)).*$", r"^.{8,}(?<!123)$", r"^[^\s]+$", r"\d{2,}", r"^.*[0-9].*$",
    r"^[a-z]*?\d", r"^(a+)+$", r"^(?>a+)b", r"^a++b", r"^\w+?\d+?$", r"(?s)^.+$", r"(?m)^\d+$", r"(?m)x$",
    r"^[\u00C0-\u017F]+$", r"^\x41+", r"^[ä-ü]+$", r"(?i)^ß", r"(?i)^straße$", r"(?i)^k$", r"(?i)^s+$",
    r"^[^\W\d_]+$", r"^\d+$", r"^\s*$", r"(?a)^\w+$", r"(?a)^\d+$", r"^a{2,3}?b", r"^(ab|a)(c|bcd)$",
    r"^[]a]+$", r"^[-a]+$", r"^[a-]+$", r"^a{,3}$", r"^a{3,}$", r"^a{x}$", r"^a{,}$", r"^\w+$", r"^\W+$",
    r"\b\w+\b", r"^\B", r"^(a|ab)(c|bcd)(d*)$", r"^(?:a|b)*c", r"^(a*)*$", r"^(a*)+b", r"^(?:)+$",
    r"^.$", r"^..$", r"^.{3}$", r"(?i)^[A-Z]+$", r"(?i)^[^a-z]+$", r"^[\d\s]+$", r"^[^\d\s]+$",
    r"^(\w)\w*\1$", r"^(?:(a)|b)\1$", r"^(?=(a+))a*b\1", r"^(?<=a)b", r"^.*(?<=\d)$", r"^.*(?<!\d)$",
    r"^[\w.-]+$", r"^\.+", r"^\$", r"^a$", r"a\Z", r"^[\n]+", r"^\0", r"^\x7f?[ -~]+$", r"^[[]", r"^[&~|]+$",
    r"^\N{DIGIT ONE}", r"^\p{L}", r"^a{2}{3}", r"^(?i:A)b$", r"^(?-i:a)", r"(?i)^(?-i:a)B$", r"^a|b",
    r"^(?#comment)a", r"^\U0001F600+$", r"^[\U0001F600-\U0001F64F]+$", r"^\u00e9$", r"^\101$", r"^[\101]$",
    r"^(?:a{1,3}){2}$", r"^(a)|b", r"(", r")", r"[a", r"a**", r"^*", r"\q", r"(?P<x>a)(?P<x>b)", r"\1(a)",
    r"(a\1)", r"[b-a]", r"^(?<=a+)b", r"^(?<=a|bc)d", r"x{2,1}", r"(?i", r"a(?i)b",
]

JAVA = [
    "(?=.*[A-Z])(?=.*[^a-zA-Z\\d])(?=.*[0-9])(?=.*[a-z]).{8,}", "(?=.*\\d)(?=.*[a-zA-Z]).{7,}",
    "[a-z&&[^aeiou]]+", "[a-c[x-z]]+", "\\p{Lu}\\p{Ll}+\\d*", "\\p{L}+", "\\p{IsAlphabetic}+",
    "\\p{javaLowerCase}+", "\\p{IsLu}+", "\\p{gc=Nd}+", "\\pL+", "(?i)straße", "(?iu)straße", "(?i)STRASSE",
    "(?iu)k", "(?i)k", "\\Qa.b\\E.*", "\\Qa.b", "(\\w)\\1.*", "(?<n>.).*\\k<n>", ".*(?<!123)", "(?>a+)b",
    "a++b", "[^\\s]{8,}", "\\S+", ".+", "(?s).+", "\\h+", "\\v", "\\R", "(?x) [a-z]+ \\d # c", "\\x{1F600}+",
    "[\\x{1F600}-\\x{1F64F}]+", "\\P{L}+", "\\p{Punct}+", "\\p{Alnum}{8,}", "(?i)[a-z]+", "(ab|a)(c|bcd)",
    "a{2,3}", "\\w+", "\\d+", "\\s*", ".*\\d$", "^.*$", ".*$", "(?m).*$", "abc\\n", "x\\n?", "a\\r\\n",
    "abc\u2028", "abc\\Z", "abc\\z", "[\\w-]+", "\\p{Lower}+\\p{Digit}", "[\\p{L}&&[^\\p{Lu}]]+",
    "[^a-z]+", "[^[a-z]]+", "(?i)[^a-z]+", "\\0141+", "\\u0061+", "\\cI", "a|ab", "(a|ab)(c|bcd)(d*)",
    "(a*)*", "(a*)+b", ".{8,}(?<!123)", "(?<=a)b.*", "[\\Q]\\E]+", "\\p{InGreek}", "\\p{IsLatin}+",
    "(?U)\\w+", "a{x}", "{2}", "*a", "a**", "(", "[a", "[b-a]", "\\q", "(?<=a+)b", "abc\\", "\\", ".{101}",
    "(?d).+", "(?i)(?-i:a)B", "(?i:A)b", "\\x41+", "\\t", "\\e", "\\p{Space}+", "[a-z]*[0-9]+[a-z]*",
]


# Refused by chpass with invalid_policy although the server accepts them: named characters,
# Unicode blocks and scripts, Java's UNICODE_CHARACTER_CLASS, unbounded lookbehinds.
UNSUPPORTED = {r"^\N{DIGIT ONE}", "\\p{InGreek}", "\\p{IsLatin}+", "(?U)\\w+", "(?<=a+)b"}


def chpass_verdict(regex: str, dialect: str, password: str, limit_is: Optional[bool] = None) -> Optional[bool]:
    """True / False, or None when chpass refuses the pattern; running out of steps is an
    error unless the caller says what it counts as."""
    try:
        policy = chpass.Policy({"pattern": {"regex": regex, "dialect": dialect}})
    except chpass.InvalidPolicyError:
        return None
    codes = codes_of(policy.validate(password))
    if "policy_regex_limit" in codes and limit_is is not None:
        return limit_is
    assert "policy_regex_limit" not in codes, (regex, password)
    return "pattern_mismatch" not in codes


def python_verdict(regex: str, password: str) -> Optional[bool]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compiled = re.compile(regex)
        except re.error:
            return None
    return compiled.match(password) is not None


def test_python_dialect_agrees_with_cpython_on_every_pair() -> None:
    wrong: List[Tuple[str, str, Optional[bool], Optional[bool]]] = []
    for regex in PYTHON:
        for password in PASSWORDS:
            ours, theirs = chpass_verdict(regex, "python_re_match", password), python_verdict(regex, password)
            if ours != theirs and not (regex in UNSUPPORTED and ours is None):
                wrong.append((regex, password, ours, theirs))
    assert len(PYTHON) * len(PASSWORDS) > 5000
    assert wrong == [], f"{len(wrong)} disagreements, first: {wrong[:20]}"


def test_java_dialect_agrees_with_java_util_regex_on_every_pair() -> None:
    pairs = [(regex, password) for regex in JAVA for password in PASSWORDS]
    wrong = []
    for (regex, password), theirs in zip(pairs, java_verdicts(pairs)):
        ours = chpass_verdict(regex, "java_matches", password)
        if ours != theirs and not (regex in UNSUPPORTED and ours is None):
            wrong.append((regex, password, ours, theirs))
    assert len(pairs) > 5000
    assert wrong == [], f"{len(wrong)} disagreements, first: {wrong[:20]}"


ATOMS = ["a", "b", "ab", ".", r"\d", r"\w", r"\s", r"\W", "[a-c]", "[^a]", "[ab]", r"\b", "^", "$", r"\Z",
         r"\A", "(?i:A)", "é", "É", "1", "_", "-", r"\.", "[.]", "ß", "K", r"\1"]
QUANTIFIERS = ["", "", "", "*", "+", "?", "{2}", "{1,3}", "{,2}", "{2,}", "*?", "+?", "??", "*+", "++", "{1,2}?"]
GROUPS = ["(", "(?:", "(?=", "(?!", "(?>", "(?<=", "(?<!"]


def random_pattern(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.15 and depth < 3:
            group = rng.choice(GROUPS)
            fixed_width = ["a", "ab", r"\d", "[ab]", "a|b", "(?:ab|cd)"]
            body = rng.choice(fixed_width) if "<" in group else random_pattern(rng, depth + 1)
            atom = group + body + ")"
        elif roll < 0.22 and depth < 3:
            atom = "(?:" + random_pattern(rng, depth + 1) + "|" + random_pattern(rng, depth + 1) + ")"
        else:
            atom = rng.choice(ATOMS)
        bare_anchor = atom in ("^", "$", r"\b", r"\Z", r"\A")
        parts.append(atom + ("" if bare_anchor else rng.choice(QUANTIFIERS)))
    return "".join(parts)


def test_random_patterns_agree_with_cpython() -> None:
    """3,000 random patterns (groups, lookarounds, atomic groups, possessive and lazy
    quantifiers, backreferences, case folding) × 12 random passwords. Running out of steps
    is only allowed where CPython says no (it is a failure either way: both engines
    backtrack, and such patterns are exponential in both)."""
    rng = random.Random(20261123)
    wrong = []
    for _ in range(3000):
        regex = rng.choice(["", "(?i)"]) + random_pattern(rng)
        for _ in range(12):
            password = "".join(rng.choice("aabbc1_ .-éÉßsSK\nÅ") for _ in range(rng.randint(0, 8)))
            theirs = python_verdict(regex, password)
            ours = chpass_verdict(regex, "python_re_match", password, limit_is=False)
            if ours != theirs:
                wrong.append((regex, password, ours, theirs))
    assert wrong == [], f"{len(wrong)} disagreements, first: {wrong[:10]}"


def test_random_patterns_agree_with_java() -> None:
    """The same random patterns (also `(?iu)`) against java.util.regex, 2,000 × 6 passwords.
    `\\b` is left out: the JDK here (17) reads it with Unicode letters, OpenSearch's JDK (21+)
    and chpass with `\\w`'s ASCII ones (JDK-8264160)."""
    rng = random.Random(20261124)
    pairs: List[Tuple[str, str]] = []
    while len(pairs) < 12000:
        regex = rng.choice(["", "(?i)", "(?iu)"]) + random_pattern(rng)
        if "\\b" in regex:
            continue
        for _ in range(6):
            password = "".join(rng.choice("aabbc1_ .-éÉßsSK\nÅ\r") for _ in range(rng.randint(0, 8)))
            pairs.append((regex, password))
    wrong = []
    for (regex, password), theirs in zip(pairs, java_verdicts(pairs)):
        ours = chpass_verdict(regex, "java_matches", password, limit_is=False)
        if ours != theirs:
            wrong.append((regex, password, ours, theirs))
    assert wrong == [], f"{len(wrong)} disagreements, first: {wrong[:10]}"


def test_unicode_classes_agree_with_cpython_on_every_code_point() -> None:
    """`\\d \\w \\s \\W` for each of the 1,111,998 code points that are not surrogates: pins
    chpass's general-category table (Unicode 14, stored as byte streams) to CPython 3.11's."""
    points = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000]
    for regex in (r"^\d$", r"^\w$", r"^\s$", r"^\W$"):
        policy = chpass.Policy({"pattern": {"regex": regex, "dialect": "python_re_match"}})
        compiled = re.compile(regex)
        wrong = [hex(ord(c)) for c in points
                 if ("pattern_mismatch" not in codes_of(policy.validate(c))) != (compiled.match(c) is not None)]
        assert wrong == [], f"{regex}: {len(wrong)} disagreements, first: {wrong[:20]}"


# Where case-insensitive matching is known to differ from CPython's (README, "Patterns"): chpass
# knows the lowercase of four letters new in Unicode 16, which CPython 3.11 (Unicode 14) does not.
FOLD_DIFFERENCES = {r"(?i)^\w$": [0xA7CB, 0xA7D2, 0xA7D4, 0xA7DC]}


def test_case_folding_differs_from_cpython_only_where_documented() -> None:
    """Every BMP code point under `(?i)`, against literals and ranges of several scripts, and under
    `(?ai)`, where CPython folds ASCII letters only (K, ſ, ı and İ stay apart from k, s and i)."""
    points = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000]
    for regex in (r"(?i)^[a-z]$", r"(?i)^k$", r"(?i)^s$", r"(?i)^σ$", r"(?i)^[à-þ]$", r"(?i)^[α-ω]$",
                  r"(?i)^[а-я]$", r"(?i)^\w$", r"(?ai)^[a-z]$", r"(?ai)^k$", r"(?ai)^\w$"):
        policy = chpass.Policy({"pattern": {"regex": regex, "dialect": "python_re_match"}})
        compiled = re.compile(regex)
        wrong = [ord(c) for c in points
                 if ("pattern_mismatch" not in codes_of(policy.validate(c))) != (compiled.match(c) is not None)]
        assert wrong == FOLD_DIFFERENCES.get(regex, []), f"{regex}: {[hex(cp) for cp in wrong]}"


def test_java_case_folding_agrees_on_every_bmp_code_point() -> None:
    """Literals, ranges, ASCII classes, intersections and `\\Q…\\E` under `(?iu)` and ASCII `(?i)`
    against java.util.regex: İ folds to i, and classes such as `\\w` test the char unfolded."""
    points = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000]
    for regex in ("(?iu)[a-z]", "(?iu)i", "(?iu)k", "(?iu)σ", "(?iu)[а-я]", "(?i)[a-z]", "(?iu)[^a-z]",
                  "(?iu)\\w", "(?iu)\\p{Alpha}", "(?i)\\p{Lower}", "(?iu)[a-z&&d-f]", "(?iu)[\\Qabc\\E]"):
        policy = chpass.Policy({"pattern": {"regex": regex, "dialect": "java_matches"}})
        theirs = java_verdicts([(regex, c) for c in points])
        wrong = [hex(ord(c)) for c, java in zip(points, theirs)
                 if ("pattern_mismatch" not in codes_of(policy.validate(c))) != java]
        assert wrong == [], f"{regex}: {wrong[:20]}"


def test_java_case_properties_under_ignore_case_are_any_cased_letter() -> None:
    """Under `(?i)` Java reads `\\p{Lu}`, `\\p{Ll}` and `\\p{javaLowerCase}` as any cased letter, as
    chpass does: over the BMP they differ from Java exactly where the unfolded `\\p{LC}` and
    `\\p{IsLowercase}|\\p{IsUppercase}` do, at letters that Java's older Unicode lacks."""
    points = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000]

    def differences(regex: str) -> List[int]:
        policy = chpass.Policy({"pattern": {"regex": regex, "dialect": "java_matches"}})
        theirs = java_verdicts([(regex, c) for c in points])
        return [ord(c) for c, java in zip(points, theirs)
                if ("pattern_mismatch" not in codes_of(policy.validate(c))) != java]

    cased_categories = differences("\\p{LC}")
    assert differences("(?i)\\p{Lu}") == differences("(?iu)\\p{Ll}") == cased_categories
    cased = differences("[\\p{IsLowercase}\\p{IsUppercase}\\p{Lt}]")
    assert differences("(?i)\\p{javaLowerCase}") == differences("(?iu)\\p{IsUppercase}") == cased

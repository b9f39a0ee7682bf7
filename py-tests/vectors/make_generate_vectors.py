"""Writes core/tests/vectors/generate.json. `entropy_bits` is log2 of an exact integer count,
made here by a dynamic programme over positions (not chpass's algorithm).

    .venv/bin/python py-tests/vectors/make_generate_vectors.py
"""

import json
import math
import pathlib
from functools import lru_cache

OUT = pathlib.Path(__file__).resolve().parents[2] / "core" / "tests" / "vectors" / "generate.json"
ES = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ~!@#$%^&*-_=+?"


def sizes(alphabet):
    out = [0] * 5
    for c in set(alphabet):
        if c.islower():
            out[0] += 1
        elif c.isupper():
            out[1] += 1
        elif c.isdigit():
            out[2] += 1
        elif not c.isalpha():
            out[3] += 1
        else:
            out[4] += 1
    return out


def count(alphabet, length, mins=(0, 0, 0, 0), min_classes=0):
    s = sizes(alphabet)

    @lru_cache(maxsize=None)
    def go(left, seen):  # seen: per class, min(count, max(min, 1))
        if left == 0:
            ok = all(seen[i] >= mins[i] for i in range(4))
            return int(ok and sum(1 for i in range(4) if seen[i] > 0) >= min_classes)
        total = s[4] * go(left - 1, seen)
        for i in range(4):
            if s[i]:
                cap = max(mins[i], 1)
                nxt = list(seen)
                nxt[i] = min(cap, nxt[i] + 1)
                total += s[i] * go(left - 1, tuple(nxt))
        return total

    return go(length, (0, 0, 0, 0))


def bits(n):
    return round(math.log2(n), 9)


def classes(lower=0, upper=0, digit=0, symbol=0, min_classes=0):
    return {"character_classes": {"lowercase": lower, "uppercase": upper, "digit": digit,
                                  "symbol": symbol, "min_classes": min_classes}}


cases = [
    {"name": "default: 20 of Elasticsearch's 76 characters", "policy": {}, "options": {},
     "length": 20, "entropy_bits": bits(76 ** 20)},
    {"name": "preset minimum above 20", "preset": "nist-800-63b", "options": {}, "length": 20,
     "entropy_bits": bits(76 ** 20)},
    {"name": "min_length 30 in UTF-8 bytes", "policy": {"min_length": {"value": 30, "unit": "utf8_bytes"}},
     "options": {}, "length": 30, "entropy_bits": bits(76 ** 30)},
    {"name": "max_length 12", "policy": {"max_length": {"value": 12, "unit": "utf16_units"}},
     "options": {}, "length": 12, "entropy_bits": bits(76 ** 12)},
    {"name": "one of each class, length 8", "policy": classes(1, 1, 1, 1), "options": {"length": 8},
     "length": 8, "entropy_bits": bits(count(ES, 8, (1, 1, 1, 1)))},
    {"name": "three digits and two symbols, length 10", "policy": classes(digit=3, symbol=2),
     "options": {"length": 10}, "length": 10, "entropy_bits": bits(count(ES, 10, (0, 0, 3, 2)))},
    {"name": "three of four classes, length 6", "policy": classes(min_classes=3),
     "options": {"length": 6}, "length": 6, "entropy_bits": bits(count(ES, 6, min_classes=3))},
    {"name": "custom alphabet with a class-less letter", "policy": classes(lower=2),
     "options": {"length": 7, "alphabet": "abcXYZ7!日"}, "length": 7,
     "entropy_bits": bits(count("abcXYZ7!日", 7, (2, 0, 0, 0)))},
    {"name": "wide alphabet under a UTF-8 maximum", "policy": {"max_length": {"value": 40, "unit": "utf8_bytes"}},
     "options": {"alphabet": "aé😀"}, "length": 10, "entropy_bits": bits(3 ** 10)},
    {"name": "passphrase, 6 words", "policy": {}, "options": {"mode": "passphrase"}, "words": 6,
     "entropy_bits": bits(7776 ** 6)},
    {"name": "passphrase, minimum 40 characters needs 11 words (3 letters + 1 separator each)",
     "policy": {"min_length": {"value": 40, "unit": "code_points"}}, "options": {"mode": "passphrase"},
     "words": 11, "entropy_bits": bits(7776 ** 11)},
    {"name": "passphrase, 4 words with spaces", "policy": {}, "options": {"mode": "passphrase", "words": 4, "separator": " "},
     "words": 4, "entropy_bits": bits(7776 ** 4)},
    {"name": "alphabet without the required digit", "policy": classes(digit=1),
     "options": {"alphabet": "abcdef"}, "error": "invalid_argument"},
    {"name": "length under the minimum", "policy": {"min_length": {"value": 15, "unit": "code_points"}},
     "options": {"length": 10}, "error": "invalid_argument"},
    {"name": "passphrase where digits are required", "policy": classes(digit=1),
     "options": {"mode": "passphrase"}, "error": "invalid_argument"},
    {"name": "one-character alphabet", "policy": {}, "options": {"alphabet": "aaaa"}, "error": "invalid_argument"},
    {"name": "control character in the alphabet", "policy": {}, "options": {"alphabet": "ab\n"}, "error": "invalid_argument"},
    {"name": "length 0", "policy": {}, "options": {"length": 0}, "error": "invalid_argument"},
    {"name": "unknown option", "policy": {}, "options": {"size": 10}, "error": "invalid_argument"},
]

doc = {
    "description": "generate() vectors read by the Rust, JavaScript and Python tests: the password "
                   "length (code points) or word count and entropy_bits (to 1e-6), or an error code. "
                   "Made by py-tests/vectors/make_generate_vectors.py with exact integer counts.",
    "cases": cases,
}
OUT.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
print(f"wrote {OUT}: {len(cases)} cases")

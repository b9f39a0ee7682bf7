"""Writes regex/tests/vectors/{cpython,java}.json: the verdicts of CPython's re.match and of
java.util.regex (compiled as OpenSearch compiles it, "^" + regex + "$") on the patterns and
passwords of py-tests/test_regex_differential.py and on random patterns from a fixed seed, so
that `cargo test -p chpass-regex` checks the engine against both without either installed.

    .venv/bin/python regex/tests/make_vectors.py
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "py-tests"))

from test_regex_differential import JAVA, PASSWORDS, PYTHON, UNSUPPORTED, python_verdict, random_pattern  # noqa: E402
from test_regex_oracles import java_verdicts  # noqa: E402

SEED = 20261205
RANDOM_PATTERNS = 1000
PASSWORDS_EACH = 6


def random_pairs(rng: random.Random, flags: List[str], alphabet: str, word_boundary: bool) -> List[Tuple[str, str]]:
    pairs = []
    while len(pairs) < RANDOM_PATTERNS * PASSWORDS_EACH:
        regex = rng.choice(flags) + random_pattern(rng)
        if "\\b" in regex and not word_boundary:
            continue
        for _ in range(PASSWORDS_EACH):
            pairs.append((regex, "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))))
    return pairs


def write(name: str, engine: str, cases: List[Tuple[str, str, Optional[bool]]]) -> None:
    doc = {
        "description": f"{engine}'s verdict (true, false, or null where it refuses the pattern) on each "
        "(pattern, text). Made by regex/tests/make_vectors.py; patterns chpass refuses on purpose "
        "are listed in `unsupported`.",
        "seed": SEED,
        "unsupported": sorted(UNSUPPORTED),
        "cases": [list(case) for case in cases],
    }
    path = ROOT / "regex" / "tests" / "vectors" / f"{name}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(cases)} cases")


def main() -> None:
    rng = random.Random(SEED)
    python_pairs = [(r, p) for r in PYTHON for p in PASSWORDS]
    python_pairs += random_pairs(rng, ["", "(?i)"], "aabbc1_ .-éÉßsSK\nÅ", word_boundary=True)
    write("cpython", f"CPython {sys.version.split()[0]} re.match", [(r, p, python_verdict(r, p)) for r, p in python_pairs])
    java_pairs = [(r, p) for r in JAVA for p in PASSWORDS]
    java_pairs += random_pairs(rng, ["", "(?i)", "(?iu)"], "aabbc1_ .-éÉßsSK\nÅ\r", word_boundary=False)
    # (no \b: JDK 17 reads it with Unicode letters, OpenSearch's JDK 21 with \w's, JDK-8264160)
    verdicts = java_verdicts(java_pairs)
    write("java", "java.util.regex (Pattern.compile(\"^\" + regex + \"$\").matcher(text).matches())",
          [(r, p, v) for (r, p), v in zip(java_pairs, verdicts)])


if __name__ == "__main__":
    main()

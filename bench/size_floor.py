"""How small zxcvbn's dictionaries can get, against what the strength-meter target leaves.

The estimator needs each list in rank order: a word's rank is its guess count, so storing fewer
words or coarser ranks would change zxcvbn's scores. This measures the text that loadStrength()
downloads (bindings-wasm/pkg/strength-data.js, built by scripts/build.sh) under stronger coders
than a browser's gzip, and under a layout made for compression (each list sorted and
front-coded, plus the permutation back to rank order, whose information content is
log2(n!) bits whatever the coder). The target (issue 30) is the bytes of the same page built
with zxcvbn 4.4.2; the budget is that minus the rest of chpass's strength page, both measured
by bench/web.mjs (bench/results/web.json).

    .venv/bin/python bench/size_floor.py   ->  bench/results/size-floor.json
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHPASS_PAGE = "strength meter (chpass/strength)"
ZXCVBN_PAGE = "strength meter (zxcvbn 4.4.2)"


def dictionaries() -> dict[str, list[str]]:
    """The lists in rank order: the text of strength-data.js, read by importing it in Node."""
    module = ROOT / "bindings-wasm/pkg/lib/strength-data.js"
    script = f"import({json.dumps(module.as_uri())}).then((m) => process.stdout.write(m.default))"
    text = subprocess.run(["node", "-e", script], capture_output=True, check=True).stdout.decode()
    lists: dict[str, list[str]] = {}
    for section in text.split("# ")[1:]:
        name, _, body = section.partition("\n")
        lists[name] = body.splitlines()
    return lists


def front_coded(words: list[str]) -> bytes:
    """Sorted, each word as (length of the prefix shared with the previous one, the rest)."""
    out, previous = bytearray(), b""
    for word in sorted(w.encode() for w in words):
        shared = 0
        while shared < min(len(word), len(previous), 255) and word[shared] == previous[shared]:
            shared += 1
        out += bytes([shared]) + word[shared:] + b"\n"
        previous = word
    return bytes(out)


def permutation(words: list[str]) -> bytes:
    """Each word's rank, in sorted order: the map back to rank order, as 3-byte integers."""
    ranks = {w: i for i, w in enumerate(words)}
    return b"".join(ranks[w].to_bytes(3, "little") for w in sorted(words))


def main() -> int:
    lists = dictionaries()
    text = "".join(f"# {name}\n" + "\n".join(words) + "\n" for name, words in lists.items()).encode()
    pages = json.loads((ROOT / "bench/results/web.json").read_text())["pages"]
    target = pages[ZXCVBN_PAGE]["gzip"]
    files = pages[CHPASS_PAGE]["files"]
    rest = sum(f["gzip"] for name, f in files.items() if "strength-data" not in name)
    budget = target - rest

    sorted_text = b"".join(front_coded(words) for words in lists.values())
    ranks = b"".join(permutation(words) for words in lists.values())
    rank_bound = sum(math.lgamma(len(words) + 1) / math.log(2) for words in lists.values()) / 8
    coded = {
        "rank order, gzip -9": len(gzip.compress(text, 9, mtime=0)),
        "rank order, bzip2 -9": len(bz2.compress(text, 9)),
        "rank order, xz -9e": len(lzma.compress(text, preset=9 | lzma.PRESET_EXTREME)),
        "sorted front-coded + ranks, gzip -9": len(gzip.compress(sorted_text, 9, mtime=0))
        + len(gzip.compress(ranks, 9, mtime=0)),
        "sorted front-coded (xz -9e) + ranks at log2(n!) bits": len(
            lzma.compress(sorted_text, preset=9 | lzma.PRESET_EXTREME)
        )
        + math.ceil(rank_bound),
    }
    floor = min(coded.values())
    result = {
        "benchmark": "zxcvbn's dictionaries against the 'strength page <= zxcvbn 4.4.2's page' target",
        "text_bytes": len(text),
        "words": {name: len(words) for name, words in lists.items()},
        "coded_bytes": coded,
        "rank_permutation_bound_bytes": math.ceil(rank_bound),
        "budget": {
            "target_gzip_zxcvbn_page": target,
            "rest_of_the_chpass_page_gzip": rest,
            "left_for_dictionaries": budget,
        },
        "smallest_dictionaries": floor,
        "fits": floor <= budget,
    }
    out = ROOT / "bench/results/size-floor.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

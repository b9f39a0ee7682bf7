"""`import chpass` time (issue 8: target <= 20 ms), from CPython's own -X importtime, best of 15
fresh interpreters, next to `import json` measured the same way. Writes bench/results/import.json."""

import json
import pathlib
import re
import subprocess
import sys


def cumulative_ms(module: str) -> float:
    run = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                         capture_output=True, text=True, check=True)
    # "import time: self [us] | cumulative | imported package": the top-level line is the last one
    lines = [l for l in run.stderr.splitlines() if re.search(rf"\|\s*{re.escape(module)}$", l)]
    return int(lines[-1].split("|")[1]) / 1000


result = {
    "benchmark": "import time (ms, cumulative, best of 15 fresh interpreters, python -X importtime)",
    "chpass_ms": min(cumulative_ms("chpass") for _ in range(15)),
    "json_ms_for_reference": min(cumulative_ms("json") for _ in range(15)),
    "target_ms": 20,
}
result["meets_target"] = result["chpass_ms"] <= result["target_ms"]
out = pathlib.Path(__file__).resolve().parent / "results" / "import.json"
out.write_text(json.dumps(result, indent=2) + "\n")
print(json.dumps(result, indent=2))

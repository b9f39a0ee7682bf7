#!/usr/bin/env bash
# Benchmark of issue 2: validate() for a 16-character password against nist-800-63b, native,
# Node (wasm) and Python, with password-validator in the same run. Writes
# bench/results/validate.json and prints it. Run scripts/build.sh first.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
rust=$(cargo run -q --release -p chpass --example bench_validate)
node=$(node bench/validate.mjs)
python=$("$PY" bench/validate.py)
python3 - "$rust" "$node" "$python" <<'PY'
import json, platform, sys, datetime, os
rust, node, py = (json.loads(a) for a in sys.argv[1:])
targets = {"native": 2_000_000, "node": 1_000_000, "python": 500_000}
got = {"native": rust["passing_per_s"], "node": node["chpass_passing_per_s"], "python": py["passing_per_s"]}
result = {
    "benchmark": "validate('correct-horse-42', nist-800-63b): validations per second, best of 5 rounds",
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": f"{platform.machine()}, {os.cpu_count()} cores",
    "native": rust, "node": node, "python": py,
    "targets": {k: {"target": targets[k], "measured": got[k], "ratio_to_target": round(got[k] / targets[k], 2)} for k in targets},
    "peer_ratios_same_run": {
        "chpass_node / password_validator_min_only": round(node["chpass_passing_per_s"] / node["password_validator_min_only_per_s"], 2),
        "chpass_node / password_validator_with_3000_list": round(node["chpass_passing_per_s"] / node["password_validator_with_3000_list_per_s"], 2),
    },
    "note": "password-validator has no built-in blocklist; 'min_only' checks less than chpass, "
            "'with_3000_list' uses its oneOf() over the same 3,000 words (a linear scan). A reference, not a like for like.",
}
json.dump(result, open("bench/results/validate.json", "w"), indent=2)
print(json.dumps(result, indent=2))
PY

#!/usr/bin/env bash
# Benchmark of issue 3: argon2id (m=19456 t=2 p=1), bcrypt cost 10 and PBKDF2-HMAC-SHA512
# (10,000 iterations) in Rust, Python and Node, each against its peers in the same run.
# Writes bench/results/hash.json and prints it. Run scripts/build.sh first.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
rust=$(cargo run -q --release -p chpass --example bench_hash)
python=$("$PY" bench/hash.py)
node=$(node bench/hash.mjs)
python3 - "$rust" "$python" "$node" <<'PY'
import json, platform, sys, datetime, os
rust, py, node = (json.loads(a) for a in sys.argv[1:])
a = rust["argon2id_m19456_t2_p1_ms"]
rust["argon2_engines_ratio"] = round(a["chpass_argon2_rust"] / a["rustcrypto_argon2"], 3)
def verdict(entry):
    entry["meets_target"] = entry["ratio"] <= entry["target_ratio"]
    return entry
result = {
    "benchmark": "milliseconds per hash (medians of rounds that alternate chpass and the peer hash by hash); ratio = chpass / peer, lower is better",
    "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "machine": f"{platform.machine()}, {os.cpu_count()} cores",
    "rust": rust,
    "python": {k: verdict(v) if "ratio" in v else v for k, v in py.items()},
    "node": {k: verdict(v) for k, v in node.items()},
}
json.dump(result, open("bench/results/hash.json", "w"), indent=2)
print(json.dumps(result, indent=2))
PY

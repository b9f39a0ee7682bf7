#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [OUT.json] [TARGET...]: runs every cargo-fuzz target (fuzz/), or
# the ones named, for SECONDS each (default 60) with the pinned nightly, seeded from the shared
# vectors, and writes each target's executions and findings to OUT (default
# bench/results/fuzz.json; targets not run keep their entry). With FUZZ_RUNS=N each target runs
# N executions instead (`FUZZ_RUNS=10000000 scripts/fuzz.sh 0 bench/results/fuzz.json verify`).
# FUZZ_SANITIZER=none runs without AddressSanitizer, about 4x faster: for targets whose code under
# test is safe Rust (chpass and chpass-regex forbid `unsafe`), where ASan has nothing to find that
# a panic or a timeout would not show. The sanitizer is recorded with each target's result.
# A finding (a crash input in fuzz/artifacts/<target>/) fails the script; turn it into a
# regression test. scripts/test.sh runs it for a few seconds per target.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
seconds=${1:-60}
out=${2:-bench/results/fuzz.json}
shift $(($# < 2 ? $# : 2))
runs=${FUZZ_RUNS:-}
sanitizer=${FUZZ_SANITIZER:-address}
limit=(-max_total_time="$seconds")
[ -z "$runs" ] || limit=(-runs="$runs")
work="$ROOT/.work/fuzz"
mkdir -p "$work"
fuzz() { local command=$1; shift; cargo "+$WASM_TOOLCHAIN" fuzz "$command" --fuzz-dir fuzz "$@"; }

if [ -n "$runs" ]; then step "fuzz targets, $runs executions each"; else step "fuzz targets, $seconds s each"; fi
"$PY" - "$work/seeds" <<'PY'
# seed corpora from the vectors, so the runs start from real inputs
import json, pathlib, sys
root, seeds = pathlib.Path("."), pathlib.Path(sys.argv[1])
def put(target, items):
    d = seeds / target
    d.mkdir(parents=True, exist_ok=True)
    for i, item in enumerate(items):
        (d / f"{i:05}").write_bytes(item if isinstance(item, bytes) else item.encode())
regex = json.loads((root / "regex/tests/vectors/cpython.json").read_text())["cases"]
put("regex", [b"\x00" + f"{p}\0{t}".encode() for p, t, _ in regex[::40]])
hashes = json.loads((root / "core/tests/vectors/hash.json").read_text())
strings = sorted({v for case in hashes.get("cases", []) for k, v in case.items() if isinstance(v, str) and v.startswith(("$", "{"))})
put("verify", [f"password\n{s}" for s in strings])
requests = json.loads((root / "core/tests/vectors/requests.json").read_text())["cases"]
put("json_arguments", [json.dumps(c["operation"]) for c in requests if "operation" in c])
policies = json.loads((root / "core/tests/vectors/policy.json").read_text())["cases"]
put("policies", [json.dumps(c["policy"]) for c in policies if "policy" in c])
put("credential_files", ["clouds:\n  prod:\n    auth:\n      username: jack\n      password: old\n",
                         "export OS_USERNAME=jack\nexport OS_PASSWORD='old secret'\n"])
put("responses", [b"\x90\x01\x01" + b'{"error": {"code": 401, "message": "x"}}', b"\xc8\x00\x01{}"])
PY

status=0
results=()
for target in ${@:-$(fuzz list)}; do
  log="$work/$target.log"
  mkdir -p "$work/corpus/$target"
  if ! fuzz run --sanitizer "$sanitizer" "$target" "$work/corpus/$target" "$work/seeds/$target" -- \
      "${limit[@]}" -max_len=4096 -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    status=1
  fi
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)
  findings=$( (find "fuzz/artifacts/$target" -type f 2>/dev/null || true) | wc -l)
  echo "$target: ${execs:-0} executions, $findings findings"
  results+=("$target ${execs:-0} $findings $sanitizer")
done
printf '%s\n' "${results[@]}" | "$PY" -c '
import json, pathlib, sys, datetime
rows = [line.split() for line in sys.stdin if line.strip()]
out, seconds, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
doc = json.loads(out.read_text()) if out.exists() else {}
doc["benchmark"] = "cargo-fuzz (libFuzzer; AddressSanitizer unless the entry says otherwise) per target: executions and findings in one run"
doc.pop("seconds_per_target", None)
doc.pop("date", None)
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
targets = doc.setdefault("targets", {})
for t, e, f, sanitizer in rows:
    targets[t] = {"executions": int(e), "findings": int(f), "date": now, "sanitizer": sanitizer,
                  **({"runs_asked": int(runs)} if runs else {"seconds": seconds})}
doc["targets"] = dict(sorted(targets.items()))
out.write_text(json.dumps(doc, indent=2) + "\n")
' "$out" "$seconds" "$runs"
exit $status

"""The main job's Python third: same samples, same lines as core/examples/demo.rs."""

import json
import pathlib
import sys

import chpass

path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("samples.json"))
samples = json.loads(path.read_text(encoding="utf-8"))
for name, options in samples["presets"]:
    policy = chpass.Policy.preset(name, **options)
    label = name + ("+mfa" if "mfa" in options else "")
    for password in samples["passwords"]:
        report = policy.validate(password, samples["context"])
        verdict = "ok" if report["ok"] else ",".join(v["code"] for v in report["violations"])
        quoted = json.dumps(password, ensure_ascii=False)
        print(f"{label}\t{verdict}\t{quoted}")

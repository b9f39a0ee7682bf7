"""validate() throughput from Python through the binding. Prints JSON."""

import json
import time

import chpass


def rate(fn, password: str) -> int:
    best = 0.0
    for _ in range(5):
        n = 200_000
        start = time.perf_counter()
        for _ in range(n):
            fn(password)
        best = max(best, n / (time.perf_counter() - start))
    return round(best)


nist = chpass.Policy.preset("nist-800-63b")
print(json.dumps({
    "passing_per_s": rate(nist.validate, "correct-horse-42"),
    "failing_per_s": rate(nist.validate, "password"),
}))

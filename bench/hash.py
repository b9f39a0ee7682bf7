"""Hashing in Python: chpass against argon2-cffi, pyca/bcrypt and hashlib in the same run,
and two threads against one (the GIL is released). Prints JSON for bench/hash.sh."""

import hashlib
import importlib.metadata
import json
import os
import statistics
import threading
import time

import argon2
import bcrypt

import chpass

PW = "correct horse battery staple"
ARGON2 = {"algorithm": "argon2id", "memory_kib": 19456, "iterations": 2, "parallelism": 1}


def timed(fn):
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def pair(ours, theirs, rounds):
    """One hash each in turn, the order swapped every round, after one warm-up each: both
    sides see the same moments of a noisy machine. Medians, and their ratio."""
    ours(), theirs()
    a, b = [], []
    for i in range(rounds):
        for fn, times in ((ours, a), (theirs, b))[:: 1 if i % 2 else -1]:
            times.append(timed(fn))
    a, b = statistics.median(a), statistics.median(b)
    return {"chpass_ms": round(a, 3), "peer_ms": round(b, 3), "ratio": round(a / b, 3)}


salt = os.urandom(16)
ARGON2_PEER = "argon2-cffi " + importlib.metadata.version("argon2-cffi")
BCRYPT_PEER = "pyca/bcrypt " + importlib.metadata.version("bcrypt")


def chpass_argon2(memory_kib=19456):
    spec = dict(ARGON2, memory_kib=memory_kib)
    return lambda: chpass.hash(PW, spec)


def cffi_argon2(memory_kib=19456):
    return lambda: argon2.low_level.hash_secret(PW.encode(), salt, 2, memory_kib, 1, 32, argon2.Type.ID)


def chpass_bcrypt():
    chpass.hash(PW, {"algorithm": "bcrypt", "cost": 10})


def pyca_bcrypt():
    bcrypt.hashpw(PW.encode(), bcrypt.gensalt(10))


result = {
    "argon2id_m19456_t2_p1": {"peer": ARGON2_PEER, **pair(chpass_argon2(), cffi_argon2(), 27), "target_ratio": 0.5},
    "bcrypt_cost10": {"peer": BCRYPT_PEER, **pair(chpass_bcrypt, pyca_bcrypt, 21), "target_ratio": 1.0},
    "pbkdf2_sha512_10000": {
        "peer": "hashlib (OpenSSL)",
        **pair(lambda: chpass.hash(PW, {"algorithm": "elasticsearch_pbkdf2", "iterations": 10000}),
               lambda: hashlib.pbkdf2_hmac("sha512", PW.encode(), salt, 10000, 32), 45),
        "target_ratio": 1.2,
    },
}


class TwoThreads:
    """Two long-lived threads, both warm: argon2 keeps each thread's arena, so a fresh thread
    would also pay for allocating and faulting in its 19 MiB, which a warm one-thread run does not."""

    def __init__(self):
        self.go = [threading.Semaphore(0), threading.Semaphore(0)]
        self.done = threading.Semaphore(0)
        self.fn = None
        for go in self.go:
            threading.Thread(target=self._serve, args=(go,), daemon=True).start()

    def _serve(self, go):
        while True:
            go.acquire()
            self.fn()
            self.done.release()

    def run(self, fn, threads):
        """Milliseconds for `fn` to run once on each of `threads` threads at the same time."""
        self.fn = fn
        start = time.perf_counter()
        for go in self.go[:threads]:
            go.release()
        for _ in range(threads):
            self.done.acquire()
        return (time.perf_counter() - start) * 1000


def threads_ratio(work):
    """Time per hash on two threads at once over time per hash on one, on the same two warm
    threads. Each thread hashes in batches of about 400 ms, so waking the threads is noise."""
    pool = TwoThreads()
    repeat = max(1, round(400 / timed(work)))
    batch = lambda: [work() for _ in range(repeat)]
    pool.run(batch, 2)  # both threads warm
    median = lambda threads: min(statistics.median(pool.run(batch, threads) for _ in range(5)) for _ in range(3)) / repeat
    one, two = median(1), median(2)
    return {"one_hash_ms": round(one, 3), "two_hashes_on_two_threads_ms": round(two, 3),
            "time_per_hash_ratio": round(two / 2 / one, 3)}


def gil(ours, peer_name, theirs):
    """chpass's two-thread ratio next to a peer's that also releases the GIL, on the same threads."""
    return {**threads_ratio(ours), "peer": peer_name, "peer_time_per_hash_ratio": threads_ratio(theirs)["time_per_hash_ratio"]}


result["gil"] = {
    "bcrypt_cost10": gil(chpass_bcrypt, BCRYPT_PEER, pyca_bcrypt),
    "argon2id_m19456_t2_p1": gil(chpass_argon2(), ARGON2_PEER, cffi_argon2()),
    # the control: two 4 MiB arenas share the L3 cache, two 19 MiB ones (38 MiB) do not
    "argon2id_m4096_t2_p1": gil(chpass_argon2(4096), ARGON2_PEER, cffi_argon2(4096)),
    "note": "time per hash with two threads / with one thread, both on the same two warm threads: "
            "0.5 means the two hashes ran fully in parallel (the GIL is released). Above 0.5 at "
            "m=19456 and not at m=4096 is the two arenas outgrowing the shared cache, not the GIL, "
            "whose cost per call does not depend on m",
}
print(json.dumps(result))

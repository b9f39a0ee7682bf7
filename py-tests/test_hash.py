"""Hashing and generation through the Python binding: the shared vectors, and interop with
peers nobody here wrote (argon2-cffi, pyca/bcrypt, hashlib)."""

import base64
import hashlib
import json
import re
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Literal

import argon2
import bcrypt
import pytest

import chpass
from conftest import VECTORS

if TYPE_CHECKING:
    from chpass import Context

DOC = json.loads((VECTORS / "hash.json").read_text(encoding="utf-8"))
GENERATE = json.loads((VECTORS / "generate.json").read_text(encoding="utf-8"))["cases"]
PASSWORD = "Pa55-word"


def ids(cases: List[Dict[str, Any]], key: str = "name") -> List[str]:
    return [str(c.get(key)) for c in cases]


@pytest.mark.parametrize("case", DOC["hash"], ids=ids(DOC["hash"]))
def test_fixed_salt_hash_is_the_peers_string(case: Dict[str, Any]) -> None:
    made = chpass.hash(case["password"], case["spec"])
    assert made == case["hash"]
    assert chpass.verify(case["password"], made)
    assert not chpass.needs_rehash(made, case["spec"])


@pytest.mark.parametrize("case", DOC["spec_errors"], ids=ids(DOC["spec_errors"]))
def test_spec_error_names_its_key(case: Dict[str, Any]) -> None:
    with pytest.raises(chpass.ChpassError) as info:
        chpass.hash(PASSWORD, case["spec"])
    assert (info.value.code, info.value.params["path"]) == (case["error"], case["path"])


@pytest.mark.parametrize("case", DOC["verify"], ids=ids(DOC["verify"]))
def test_verify(case: Dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(chpass.ChpassError) as info:
            chpass.verify(case["password"], case["hash"])
        assert info.value.code == case["error"]
        assert isinstance(info.value, ValueError)
    else:
        assert chpass.verify(case["password"], case["hash"]) is case["result"]


@pytest.mark.parametrize("case", DOC["needs_rehash"], ids=ids(DOC["needs_rehash"], "hash"))
def test_needs_rehash(case: Dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(chpass.MalformedHashError):
            chpass.needs_rehash(case["hash"], case["spec"])
    else:
        assert chpass.needs_rehash(case["hash"], case["spec"]) is case["result"]


def check_shape(case: Dict[str, Any], make: Callable[[], str],
                verify: Callable[[str, str], bool] = chpass.verify) -> None:
    if "error" in case:
        with pytest.raises(chpass.ChpassError) as info:
            make()
        assert info.value.code == case["error"]
        return
    made = make()
    assert re.fullmatch(case["pattern"].strip("^$"), made), made
    assert verify(PASSWORD, made)


@pytest.mark.parametrize("case", DOC["elasticsearch"], ids=ids(DOC["elasticsearch"], "algorithm"))
def test_elasticsearch_password_hash(case: Dict[str, Any]) -> None:
    check_shape(case, lambda: chpass.elasticsearch_password_hash(PASSWORD, case["algorithm"]))


@pytest.mark.parametrize("case", DOC["opensearch"], ids=[json.dumps(c["settings"]) for c in DOC["opensearch"]])
def test_opensearch_hash(case: Dict[str, Any]) -> None:
    check_shape(case, lambda: chpass.opensearch_hash(PASSWORD, case["settings"]), chpass.verify_opensearch)


# ---- interop: both directions, random salts ----

PASSWORDS = ["correct horse battery staple", "", "пароль😀", "a\x00b", "é" * 36, "x" * 72]


def wrong(password: str) -> str:
    """Another password of the same UTF-8 length (bcrypt refuses anything over 72 bytes)."""
    return "!" + password[1:] if password[:1] not in ("", "!") else "?" + password[1:] if password else "!"


@pytest.mark.parametrize("password", PASSWORDS)
def test_argon2_cffi_verifies_ours_and_we_verify_theirs(password: str) -> None:
    ours = chpass.hash(password, {"algorithm": "argon2id", "memory_kib": 1024, "iterations": 2})
    assert argon2.PasswordHasher().verify(ours, password)
    for kind in (argon2.Type.ID, argon2.Type.I, argon2.Type.D):
        theirs = argon2.PasswordHasher(time_cost=2, memory_cost=1024, parallelism=2, type=kind).hash(password)
        assert chpass.verify(password, theirs)
        assert not chpass.verify(wrong(password), theirs)
    # argon2-cffi's own defaults (RFC 9106 low-memory: m=65536, t=3, p=4)
    assert chpass.verify(password, argon2.PasswordHasher().hash(password))


@pytest.mark.parametrize("password", PASSWORDS)
@pytest.mark.parametrize("variant", ["2a", "2b", "2y"])
def test_pyca_bcrypt_verifies_ours_and_we_verify_theirs(password: str, variant: Literal["2a", "2b", "2y"]) -> None:
    ours = chpass.hash(password, {"algorithm": "bcrypt", "cost": 4, "variant": variant})
    assert ours.startswith(f"${variant}$04$")
    assert bcrypt.checkpw(password.encode(), ours.encode())
    theirs = bcrypt.hashpw(password.encode(), bcrypt.gensalt(4, prefix=b"2a" if variant == "2a" else b"2b")).decode()
    assert chpass.verify(password, theirs)
    assert not chpass.verify(wrong(password), theirs)


def test_bcrypt_refuses_what_pyca_bcrypt_refuses() -> None:
    long = "é" * 37  # 74 bytes
    with pytest.raises(ValueError):
        bcrypt.hashpw(long.encode(), bcrypt.gensalt(4))
    with pytest.raises(chpass.PasswordTooLongForBcryptError) as info:
        chpass.hash(long, {"algorithm": "bcrypt", "cost": 4})
    assert info.value.params == {"max": 72, "actual": 74}
    assert long not in str(info.value)


@pytest.mark.parametrize("password", PASSWORDS)
def test_elasticsearch_pbkdf2_follows_the_format_rules(password: str) -> None:
    for stretch in (False, True):
        made = chpass.elasticsearch_password_hash(password or "x", "pbkdf2_stretch_1000" if stretch else "pbkdf2_1000")
        prefix, rest = made.split("}", 1)
        iterations, salt_b64, key_b64 = rest.split("$")
        assert prefix + "}" == ("{PBKDF2_STRETCH}" if stretch else "{PBKDF2}")
        salt, key = base64.b64decode(salt_b64, validate=True), base64.b64decode(key_b64, validate=True)
        assert (len(salt), len(key), iterations) == (32, 32, "1000")
        data = (password or "x").encode()
        if stretch:
            data = hashlib.sha512(data).hexdigest().encode()
        assert hashlib.pbkdf2_hmac("sha512", data, salt, 1000, 32) == key


def test_opensearch_pbkdf2_is_password4js_string() -> None:
    made = chpass.opensearch_hash(PASSWORD, {"algorithm": "pbkdf2", "pbkdf2.iterations": 1000})
    _, code, params, salt, key = made.split("$")
    salt_bytes = base64.b64decode(salt, validate=True)
    assert code == "3" and int(params) == (1000 << 32) | 256
    assert len(salt_bytes) == 128 and all(0x21 <= b <= 0x7E for b in salt_bytes)
    assert base64.b64decode(key) == hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), salt_bytes, 1000, 32)


def test_opensearch_argon2_is_verified_by_argon2_cffi() -> None:
    made = chpass.opensearch_hash(PASSWORD, {"algorithm": "argon2", "argon2.memory": 1024, "argon2.iterations": 1})
    assert argon2.PasswordHasher().verify(made, PASSWORD)
    salt = made.split("$")[4]
    assert all(0x21 <= b <= 0x7E for b in base64.b64decode(salt + "=="))


def test_surrogates_and_secrets() -> None:
    with pytest.raises(chpass.InvalidArgumentError):
        chpass.hash("\udc80")
    with pytest.raises(chpass.InvalidArgumentError):
        chpass.verify(b"\xff".decode("utf-8", "surrogateescape"), DOC["hash"][0]["hash"])
    with pytest.raises(chpass.InvalidArgumentError):
        chpass.hash("x" * (1 << 20 + 1))
    made = chpass.generate({})
    assert made.password not in repr(made) and "REDACTED" in repr(made)


def test_work_limits_can_be_raised() -> None:
    hostile = "$argon2id$v=19$m=64,t=20,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
    with pytest.raises(chpass.WorkLimitExceededError) as info:
        chpass.verify("x", hostile)
    assert info.value.params["limit_name"] == "argon2_max_iterations"
    assert chpass.verify("x", hostile, {"argon2_max_iterations": 20}) is False


def test_hashing_releases_the_gil() -> None:
    """While one thread hashes, another Python thread keeps running (no wall-clock assert:
    the counter only has to move; bench/hash.py measures the two-thread speed-up)."""
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    spec = {"algorithm": "argon2id", "memory_kib": 65536, "iterations": 3}
    counter = threading.Thread(target=count)
    counter.start()
    try:
        before = ticks
        chpass.hash(PASSWORD, spec)  # type: ignore[arg-type]
        during = ticks - before
    finally:
        done.set()
        counter.join()
    assert during > 10, during


# ---- generation ----


def policy_of(case: Dict[str, Any]) -> chpass.Policy:
    return chpass.Policy.preset(case["preset"]) if "preset" in case else chpass.Policy(case["policy"])


@pytest.mark.parametrize("case", GENERATE, ids=ids(GENERATE))
def test_generate_vectors(case: Dict[str, Any]) -> None:
    policy = policy_of(case)
    if "error" in case:
        with pytest.raises(chpass.InvalidArgumentError):
            chpass.generate(policy, case["options"])
        return
    made = chpass.generate(policy, case["options"])
    assert made.entropy_bits == pytest.approx(case["entropy_bits"], abs=1e-6)
    if "length" in case:
        assert len(made.password) == case["length"]
    assert chpass.validate(made.password, policy)["ok"]


@pytest.mark.parametrize("preset", [p["name"] for p in chpass.presets])
def test_generated_passwords_pass_every_preset(preset: chpass.PresetName) -> None:
    policy = chpass.Policy.preset(preset)
    context: Context = {"username": "alice", "email": "alice@example.com"}
    for mode in ("characters", "passphrase"):
        for _ in range(1000):
            made = chpass.generate(policy, {"mode": mode}, context)
            assert chpass.validate(made.password, policy, context)["ok"]

"""Writes core/tests/vectors/hash.json from peers nobody here wrote: every expected string is
made by argon2-cffi, pyca/bcrypt or hashlib, never by chpass.

    .venv/bin/python py-tests/vectors/make_hash_vectors.py
"""

import base64
import hashlib
import json
import pathlib

import bcrypt
from argon2.low_level import Type, hash_secret

OUT = pathlib.Path(__file__).resolve().parents[2] / "core" / "tests" / "vectors" / "hash.json"
B64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
STD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def bcrypt_salt_bytes(salt22: str) -> bytes:
    std = salt22.translate(str.maketrans(BCRYPT_ALPHABET, STD_ALPHABET))
    return base64.b64decode(std + "==")[:16]


def argon2_case(name, password, variant, m, t, p, salt, hash_len=32, version=19):
    kind = {"argon2id": Type.ID, "argon2i": Type.I, "argon2d": Type.D}[variant]
    expected = hash_secret(password.encode(), salt, t, m, p, hash_len, kind, version).decode()
    spec = {"algorithm": variant, "memory_kib": m, "iterations": t, "parallelism": p,
            "salt_length": len(salt), "hash_length": hash_len, "version": version, "salt": B64(salt)}
    return {"name": name, "password": password, "spec": spec, "hash": expected, "peer": "argon2-cffi"}


def bcrypt_case(name, password, variant, cost, salt22):
    expected = bcrypt.hashpw(password.encode(), f"${variant}${cost:02}${salt22}".encode()).decode()
    spec = {"algorithm": "bcrypt", "cost": cost, "variant": variant, "salt": B64(bcrypt_salt_bytes(salt22))}
    return {"name": name, "password": password, "spec": spec, "hash": expected, "peer": "pyca/bcrypt"}


def es_case(name, password, iterations, salt, key_length=32, stretch=False):
    data = hashlib.sha512(password.encode()).hexdigest().encode() if stretch else password.encode()
    key = hashlib.pbkdf2_hmac("sha512", data, salt, iterations, key_length)
    prefix = "{PBKDF2_STRETCH}" if stretch else "{PBKDF2}"
    algorithm = "elasticsearch_pbkdf2_stretch" if stretch else "elasticsearch_pbkdf2"
    spec = {"algorithm": algorithm, "iterations": iterations, "salt_length": len(salt),
            "key_length": key_length, "salt": B64(salt)}
    return {"name": name, "password": password, "spec": spec,
            "hash": f"{prefix}{iterations}${B64(salt)}${B64(key)}", "peer": "hashlib"}


def p4j_case(name, password, hmac, iterations, key_bits, salt: str):
    code = {"sha1": 1, "sha224": 2, "sha256": 3, "sha384": 4, "sha512": 5}[hmac]
    key = hashlib.pbkdf2_hmac(hmac, password.encode(), salt.encode(), iterations, key_bits // 8)
    params = (iterations << 32) | key_bits
    spec = {"algorithm": "password4j_pbkdf2", "hmac": hmac, "iterations": iterations,
            "key_bits": key_bits, "salt_length": len(salt), "salt": B64(salt.encode())}
    return {"name": name, "password": password, "spec": spec,
            "hash": f"${code}${params}${B64(salt.encode())}${B64(key)}", "peer": "hashlib"}


SALT16 = bytes(range(16))
SALT32 = bytes(range(100, 132))
PRINTABLE32 = "k#9Z!q~Lr2@V^m8sQ+x=Cw?d*Fh&Nt%y"
PRINTABLE128 = (PRINTABLE32 * 4)[::-1]

hashes = [
    argon2_case("argon2id, OWASP parameters", "correct horse battery staple", "argon2id", 19456, 2, 1, SALT16),
    argon2_case("argon2id, empty password", "", "argon2id", 64, 1, 1, SALT16),
    argon2_case("argon2id, 4 lanes, non-ASCII password", "пароль😀", "argon2id", 64, 1, 4, SALT16),
    argon2_case("argon2id, NUL inside the password", "a\u0000b", "argon2id", 64, 1, 1, SALT16),
    argon2_case("argon2i, 2 lanes, 16-byte tag", "password", "argon2i", 256, 2, 2, SALT16, hash_len=16),
    argon2_case("argon2d, version 16", "password", "argon2d", 128, 3, 1, SALT16, version=16),
    argon2_case("argon2id, version 16", "password", "argon2id", 64, 2, 1, SALT32, version=16),
    argon2_case("argon2id as OpenSearch makes it (printable 32-byte salt)", "OpenSearch-Pa55",
                "argon2id", 65536, 3, 1, PRINTABLE32.encode()),
    bcrypt_case("OpenBSD vector U*U", "U*U", "2a", 5, "CCCCCCCCCCCCCCCCCCCCC."),
    bcrypt_case("OpenBSD vector U*U*", "U*U*", "2a", 5, "CCCCCCCCCCCCCCCCCCCCC."),
    bcrypt_case("OpenBSD vector U*U*U", "U*U*U", "2a", 5, "XXXXXXXXXXXXXXXXXXXXXO"),
    bcrypt_case("OpenBSD vector, empty password", "", "2a", 5, "CCCCCCCCCCCCCCCCCCCCC."),
    bcrypt_case("OpenBSD vector, 72 bytes",
                "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                "2a", 5, "abcdefghijklmnopqrstuu"),
    bcrypt_case("$2b$, cost 4", "correct horse battery staple", "2b", 4, "abcdefghijklmnopqrstuu"),
    bcrypt_case("$2y$ (OpenSearch), cost 4", "OpenSearch-Pa55", "2y", 4, "123456789012345678901u"),
    bcrypt_case("cost 10", "password", "2b", 10, "EeEeEeEeEeEeEeEeEeEeEe"),
    bcrypt_case("non-ASCII, 72 bytes exactly", "é" * 36, "2b", 4, "abcdefghijklmnopqrstuu"),
    bcrypt_case("NUL inside the password", "a\u0000b", "2b", 4, "abcdefghijklmnopqrstuu"),
    es_case("{PBKDF2}, 1000 iterations", "elastic-Pa55", 1000, SALT32),
    es_case("{PBKDF2}, 10000 iterations (pbkdf2)", "correct horse battery staple", 10000, SALT32),
    es_case("{PBKDF2}, 512-bit key, 8-byte salt", "password", 1000, SALT16[:8], key_length=64),
    es_case("{PBKDF2_STRETCH}, 1000 iterations", "elastic-Pa55", 1000, SALT32, stretch=True),
    es_case("{PBKDF2_STRETCH}, non-ASCII", "пароль😀", 10000, SALT32, stretch=True),
    p4j_case("password4j, SHA256 600000 (OpenSearch default)", "OpenSearch-Pa55", "sha256", 600000, 256, PRINTABLE128),
    p4j_case("password4j, SHA1", "password", "sha1", 1000, 160, PRINTABLE32),
    p4j_case("password4j, SHA224", "password", "sha224", 1000, 224, PRINTABLE32),
    p4j_case("password4j, SHA384", "password", "sha384", 1000, 384, PRINTABLE32),
    p4j_case("password4j, SHA512, 512 bits", "пароль😀", "sha512", 10000, 512, PRINTABLE32),
]

by_name = {c["name"]: c["hash"] for c in hashes}
owasp = by_name["argon2id, OWASP parameters"]
cost10 = by_name["cost 10"]
es = by_name["{PBKDF2}, 10000 iterations (pbkdf2)"]
p4j = by_name["password4j, SHA256 600000 (OpenSearch default)"]

verify = [
    {"name": "wrong password (argon2)", "password": "Correct horse battery staple", "hash": owasp, "result": False},
    {"name": "wrong password (bcrypt)", "password": "Password", "hash": cost10, "result": False},
    {"name": "wrong password (ES PBKDF2)", "password": "correct horse battery stapl", "hash": es, "result": False},
    {"name": "wrong password (password4j)", "password": "OpenSearch-Pa56", "hash": p4j, "result": False},
    {"name": "bcrypt, 73 bytes", "password": "a" * 73, "hash": cost10, "error": "password_too_long_for_bcrypt"},
    {"name": "argon2 with 4 GiB", "password": "x",
     "hash": "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
     "error": "work_limit_exceeded"},
    {"name": "argon2 with 100 passes", "password": "x",
     "hash": "$argon2id$v=19$m=64,t=100,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
     "error": "work_limit_exceeded"},
    {"name": "bcrypt cost 31", "password": "x", "hash": "$2b$31$" + cost10[7:], "error": "work_limit_exceeded"},
    {"name": "10^9 Elasticsearch PBKDF2 iterations: not a count Elasticsearch accepts", "password": "x",
     "hash": "{PBKDF2}1000000000" + es[es.index("$"):], "error": "malformed_hash",
     "error_contains": "unknown hash function [pbkdf2_1000000000]"},
    {"name": "10^9 password4j iterations", "password": "x",
     "hash": "$3$" + str((1000000000 << 32) | 256) + p4j[p4j.index("$", 4):], "error": "work_limit_exceeded"},
    {"name": "empty string", "password": "x", "hash": "", "error": "malformed_hash"},
    {"name": "plain text", "password": "x", "hash": "password", "error": "malformed_hash"},
    {"name": "unknown argon2 type", "password": "x", "hash": owasp.replace("argon2id", "argon2x"), "error": "malformed_hash"},
    {"name": "argon2 version 17", "password": "x", "hash": owasp.replace("v=19", "v=17"), "error": "malformed_hash"},
    {"name": "argon2 parameters in node-argon2's order (m,p,t)", "password": "correct horse battery staple",
     "hash": owasp.replace("m=19456,t=2,p=1", "m=19456,p=1,t=2"), "result": True},
    {"name": "argon2 parameter given twice", "password": "x", "hash": owasp.replace("t=2,p=1", "t=2,t=2"), "error": "malformed_hash"},
    {"name": "argon2 with associated data", "password": "x", "hash": owasp.replace("p=1", "p=1,data=YWJj"), "error": "malformed_hash"},
    {"name": "argon2 salt not Base64", "password": "x", "hash": owasp[:owasp.rindex("$") - 4] + "!!!!" + owasp[owasp.rindex("$"):], "error": "malformed_hash"},
    {"name": "argon2 truncated", "password": "x", "hash": owasp[:owasp.rindex("$")], "error": "malformed_hash"},
    {"name": "bcrypt truncated", "password": "x", "hash": cost10[:59], "error": "malformed_hash"},
    {"name": "bcrypt $2x$", "password": "x", "hash": "$2x$" + cost10[4:], "error": "malformed_hash"},
    {"name": "bcrypt cost 03", "password": "x", "hash": "$2b$03$" + cost10[7:], "error": "malformed_hash"},
    {"name": "bcrypt cost 32", "password": "x", "hash": "$2b$32$" + cost10[7:], "error": "malformed_hash"},
    {"name": "bcrypt with a space", "password": "x", "hash": cost10[:20] + " " + cost10[21:], "error": "malformed_hash"},
    {"name": "ES PBKDF2 without key", "password": "x", "hash": es[:es.rindex("$")], "error": "malformed_hash"},
    {"name": "ES PBKDF2 iterations not a number", "password": "x", "hash": es.replace("10000", "1e4", 1), "error": "malformed_hash"},
    {"name": "password4j unknown HMAC 6", "password": "x", "hash": "$6" + p4j[2:], "error": "malformed_hash"},
    {"name": "password4j key length mismatch", "password": "x", "hash": p4j.replace(str((600000 << 32) | 256), str((600000 << 32) | 128)), "error": "malformed_hash"},
    {"name": "over 4096 bytes", "password": "x", "hash": "$argon2id$" + "A" * 5000, "error": "malformed_hash"},
    {"name": "Elasticsearch PBKDF2 with 20000 iterations is refused as Elasticsearch refuses it", "password": "x",
     "hash": "{PBKDF2}20000$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
     "error": "malformed_hash", "error_contains": "unknown hash function [pbkdf2_20000]"},
    {"name": "Elasticsearch PBKDF2_STRETCH with 20000 iterations", "password": "x",
     "hash": "{PBKDF2_STRETCH}20000$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
     "error": "malformed_hash", "error_contains": "iterations"},
    {"name": "Elasticsearch PBKDF2 with a 4-byte salt", "password": "x",
     "hash": "{PBKDF2}1000$AAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
     "error": "malformed_hash", "error_contains": "at least 8 bytes"},
    {"name": "Elasticsearch PBKDF2 with a 120-bit key", "password": "x",
     "hash": "{PBKDF2}1000$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=$AAAAAAAAAAAAAAAAAAAA",
     "error": "malformed_hash", "error_contains": "128 bits"},
    {"name": "bcrypt's original $2$ format is named as bcrypt", "password": "x",
     "hash": "$2$04$abcdefghijklmnopqrstuuVQxqXm3XRhU1ygxeVwLxyZUaUNc2Olm",
     "error": "malformed_hash", "error_contains": "bcrypt: the original $2$ format"},
    # password4j computes argon2 below 8 KiB per lane (see verify_opensearch); standard Argon2
    # refuses it, as the C reference and argon2-cffi do
    {"name": "argon2 with 4 KiB is not standard Argon2", "password": "x",
     "hash": "$argon2id$v=19$m=4,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
     "error": "malformed_hash", "error_contains": "at least 8 KiB per lane"},
    {"name": "argon2 with 0 KiB", "password": "x",
     "hash": "$argon2id$v=19$m=0,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
     "error": "malformed_hash"},
]

needs_rehash = [
    {"hash": owasp, "spec": {"algorithm": "argon2id"}, "result": False},
    {"hash": owasp, "spec": {"algorithm": "argon2id", "memory_kib": 65536}, "result": True},
    {"hash": owasp, "spec": {"algorithm": "argon2id", "iterations": 3}, "result": True},
    {"hash": owasp, "spec": {"algorithm": "argon2id", "parallelism": 4}, "result": False},
    {"hash": owasp, "spec": {"algorithm": "argon2i"}, "result": True},
    {"hash": by_name["argon2id, version 16"], "spec": {"algorithm": "argon2id", "memory_kib": 64, "iterations": 1}, "result": True},
    {"hash": owasp, "spec": {"algorithm": "bcrypt"}, "result": True},
    {"hash": cost10, "spec": {"algorithm": "bcrypt", "cost": 10}, "result": False},
    {"hash": cost10, "spec": {"algorithm": "bcrypt", "cost": 12}, "result": True},
    {"hash": cost10, "spec": {"algorithm": "bcrypt", "cost": 4}, "result": False},
    {"hash": es, "spec": {"algorithm": "elasticsearch_pbkdf2"}, "result": False},
    {"hash": es, "spec": {"algorithm": "elasticsearch_pbkdf2", "iterations": 50000}, "result": True},
    {"hash": es, "spec": {"algorithm": "elasticsearch_pbkdf2_stretch"}, "result": True},
    {"hash": p4j, "spec": {"algorithm": "password4j_pbkdf2"}, "result": False},
    {"hash": p4j, "spec": {"algorithm": "password4j_pbkdf2", "hmac": "sha512"}, "result": True},
    {"hash": "$2b$04$abc", "spec": {"algorithm": "bcrypt"}, "error": "malformed_hash"},
]

BCRYPT_RE = "[./A-Za-z0-9]{53}"
B64_RE = "[A-Za-z0-9+/]+={0,2}"
elasticsearch = [
    {"algorithm": "bcrypt", "pattern": f"^\\$2a\\$10\\${BCRYPT_RE}$"},
    {"algorithm": "bcrypt4", "pattern": f"^\\$2a\\$04\\${BCRYPT_RE}$"},
    {"algorithm": "BCRYPT14", "pattern": f"^\\$2a\\$14\\${BCRYPT_RE}$", "slow": True},
    {"algorithm": "pbkdf2", "pattern": "^\\{PBKDF2\\}10000\\$[A-Za-z0-9+/]{43}=\\$[A-Za-z0-9+/]{43}=$"},
    {"algorithm": "pbkdf2_1000", "pattern": "^\\{PBKDF2\\}1000\\$[A-Za-z0-9+/]{43}=\\$[A-Za-z0-9+/]{43}=$"},
    {"algorithm": "pbkdf2_stretch", "pattern": "^\\{PBKDF2_STRETCH\\}10000\\$[A-Za-z0-9+/]{43}=\\$[A-Za-z0-9+/]{43}=$"},
    {"algorithm": "pbkdf2_stretch_1000", "pattern": "^\\{PBKDF2_STRETCH\\}1000\\$[A-Za-z0-9+/]{43}=\\$[A-Za-z0-9+/]{43}=$"},
    {"algorithm": "bcrypt3", "error": "invalid_argument"},
    {"algorithm": "bcrypt15", "error": "invalid_argument"},
    {"algorithm": "pbkdf2_20000", "error": "invalid_argument"},
    {"algorithm": "pbkdf2_stretch_2000", "error": "invalid_argument"},
    {"algorithm": "ssha256", "error": "invalid_argument"},
    {"algorithm": "noop", "error": "invalid_argument"},
    # Java lower-cases U+212A (Kelvin sign) to k, so Elasticsearch reads this name as pbkdf2_stretch_1000
    {"algorithm": "PB\u212aDF2_STRETCH_1000", "pattern": "^\\{PBKDF2_STRETCH\\}1000\\$[A-Za-z0-9+/]{43}=\\$[A-Za-z0-9+/]{43}=$"},
]

opensearch = [
    {"settings": {}, "pattern": f"^\\$2y\\$12\\${BCRYPT_RE}$", "slow": True},
    {"settings": None, "pattern": f"^\\$2y\\$12\\${BCRYPT_RE}$", "slow": True},
    {"settings": {"plugins.security.password.hashing.algorithm": "BCrypt", "plugins.security.password.hashing.bcrypt.rounds": 4,
                  "plugins.security.password.hashing.bcrypt.minor": "a"}, "pattern": f"^\\$2a\\$04\\${BCRYPT_RE}$"},
    {"settings": {"algorithm": "bcrypt", "bcrypt.rounds": "5", "bcrypt.minor": "B"}, "pattern": f"^\\$2b\\$05\\${BCRYPT_RE}$"},
    {"settings": {"algorithm": "pbkdf2", "pbkdf2.iterations": 1000}, "pattern": f"^\\$3\\${(1000 << 32) | 256}\\$[A-Za-z0-9+/]{{171}}=\\$[A-Za-z0-9+/]{{43}}=$"},
    {"settings": {"algorithm": "pbkdf2", "pbkdf2.function": "sha512", "pbkdf2.iterations": 1000, "pbkdf2.length": 512},
     "pattern": f"^\\$5\\${(1000 << 32) | 512}\\$[A-Za-z0-9+/]{{171}}=\\$[A-Za-z0-9+/]{{86}}==$"},
    {"settings": {"algorithm": "argon2", "argon2.memory": 64, "argon2.iterations": 1},
     "pattern": "^\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{43}\\$[A-Za-z0-9+/]{43}$"},
    {"settings": {"algorithm": "argon2", "argon2.memory": 64, "argon2.iterations": 1, "argon2.type": "ARGON2I",
                  "argon2.version": 16, "argon2.length": 16},
     "pattern": "^\\$argon2i\\$v=16\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{43}\\$[A-Za-z0-9+/]{22}$"},
    # below 8 KiB per lane: password4j's own argon2, which OpenSearch accepts (checked by
    # verify_opensearch; py-tests/test_password4j.py checks it with password4j itself)
    {"settings": {"algorithm": "argon2", "argon2.memory": 4, "argon2.iterations": 1},
     "pattern": "^\\$argon2id\\$v=19\\$m=4,t=1,p=1\\$[A-Za-z0-9+/]{43}\\$[A-Za-z0-9+/]{43}$"},
    {"settings": {"algorithm": "argon2", "argon2.memory": 9, "argon2.parallelism": 2, "argon2.iterations": 1,
                  "argon2.type": "argon2d"},
     "pattern": "^\\$argon2d\\$v=19\\$m=9,t=1,p=2\\$[A-Za-z0-9+/]{43}\\$[A-Za-z0-9+/]{43}$"},
    {"settings": {"algorithm": "argon2", "argon2.memory": 0}, "error": "invalid_argument"},
    {"settings": {"algorithm": "scrypt"}, "error": "invalid_argument"},
    {"settings": {"algorithm": "bcrypt", "bcrypt.rounds": 32}, "error": "invalid_argument"},
    {"settings": {"algorithm": "bcrypt", "bcrypt.minor": "X"}, "error": "invalid_argument"},
    {"settings": {"algorithm": "pbkdf2", "pbkdf2.function": "MD5"}, "error": "invalid_argument"},
    {"settings": {"algorithm": "pbkdf2", "pbkdf2.iterations": 0}, "error": "invalid_argument"},
    {"settings": {"algorithm": "argon2", "argon2.version": 18}, "error": "invalid_argument"},
    {"settings": {"algorithm": "argon2", "argon2.type": "argon2x"}, "error": "invalid_argument"},
    {"settings": {"hashing.algorithm": "bcrypt"}, "error": "invalid_argument"},
]

# a spec chpass cannot read: invalid_argument, params.path naming the key
spec_errors = [
    {"name": "no algorithm", "spec": {"memory_kib": 19456}, "error": "invalid_argument", "path": "."},
    {"name": "unknown algorithm", "spec": {"algorithm": "scrypt"}, "error": "invalid_argument", "path": "algorithm"},
    {"name": "algorithm is not text", "spec": {"algorithm": 1}, "error": "invalid_argument", "path": "algorithm"},
    {"name": "not an object", "spec": "argon2id", "error": "invalid_argument", "path": "."},
    {"name": "argon2: memory is text", "spec": {"algorithm": "argon2id", "memory_kib": "19456"}, "error": "invalid_argument", "path": "memory_kib"},
    {"name": "argon2: negative iterations", "spec": {"algorithm": "argon2id", "iterations": -2}, "error": "invalid_argument", "path": "iterations"},
    {"name": "bcrypt: unknown key", "spec": {"algorithm": "bcrypt", "rounds": 10}, "error": "invalid_argument", "path": "rounds"},
    {"name": "bcrypt: unknown variant", "spec": {"algorithm": "bcrypt", "variant": "2x"}, "error": "invalid_argument", "path": "variant"},
    {"name": "salt is not Base64", "spec": {"algorithm": "argon2id", "salt": "not base64!"}, "error": "invalid_argument", "path": "salt"},
    {"name": "password4j: unknown hmac", "spec": {"algorithm": "password4j_pbkdf2", "hmac": "md5"}, "error": "invalid_argument", "path": "hmac"},
]

doc = {
    "description": "Hashing vectors read by the Rust, JavaScript and Python tests. Every expected "
                   "string in `hash` was made by the peer named in `peer` (see "
                   "py-tests/vectors/make_hash_vectors.py); salts are standard Base64. `verify`: "
                   "result or error code with the default work limits. `elasticsearch` and "
                   "`opensearch`: random salts, so the shape is checked by `pattern`, then the hash "
                   "must verify with the password `Pa55-word`. spec_errors: a spec that cannot be "
                   "read is invalid_argument with params.path naming the key.",
    "hash": hashes,
    "verify": verify,
    "needs_rehash": needs_rehash,
    "elasticsearch": elasticsearch,
    "opensearch": opensearch,
    "spec_errors": spec_errors,
}
OUT.write_text(json.dumps(doc, indent=1, ensure_ascii=False))
print(f"wrote {OUT}: {len(hashes)} hashes, {len(verify)} verify, {len(needs_rehash)} needs_rehash")

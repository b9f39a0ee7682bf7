"""keystone.conf vectors read by the real oslo.config with Keystone's own option definitions,
then checked with CPython's re.match and Keystone's length rule
(`password_hashing.verify_length_and_trunc_password`), exactly as Keystone would: the verdicts
must equal the vectors'."""

import re
from typing import List
from pathlib import Path

from oslo_config import cfg

from conftest import load_vectors, password_of

CASES = [c for c in load_vectors("policy.json") if "keystone_conf" in c]


def read_with_oslo(tmp_path: Path, text: str) -> cfg.ConfigOpts:
    path = tmp_path / "keystone.conf"
    path.write_text(text, encoding="utf-8")
    conf = cfg.ConfigOpts()
    conf.register_opts(
        [cfg.StrOpt("password_regex"), cfg.StrOpt("password_regex_description")],
        group="security_compliance",
    )
    # as keystone/conf/identity.py and keystone/conf/default.py define them
    conf.register_opts(
        [cfg.IntOpt("max_password_length", default=4096, max=4096),
         cfg.StrOpt("password_hash_algorithm", default="bcrypt",
                    choices=["bcrypt", "bcrypt_sha256", "scrypt", "pbkdf2_sha512"])],
        group="identity",
    )
    conf.register_opt(cfg.BoolOpt("strict_password_check", default=False))
    conf(args=[], default_config_files=[str(path)])
    return conf


def keystone_codes(conf: cfg.ConfigOpts, password: str) -> List[str]:
    """Keystone's refusals, in chpass's order: the length it uses (72 bytes under bcrypt),
    refused only with strict_password_check; then the regex."""
    codes: List[str] = []
    max_length = conf.identity.max_password_length
    if conf.identity.password_hash_algorithm == "bcrypt" and max_length > 72:
        max_length = 72
    if conf.strict_password_check and len(password.encode("utf-8")) > max_length:
        codes.append("too_long")
    regex = conf.security_compliance.password_regex
    if regex is not None and re.match(regex, password) is None:
        codes.append("pattern_mismatch")
    return codes


def test_oslo_config_reads_what_chpass_reads(tmp_path: Path) -> None:
    assert len(CASES) >= 8
    for case in CASES:
        if "expected_error" in case:
            # chpass refuses what oslo.config cannot read as a plain value
            try:
                conf = read_with_oslo(tmp_path, case["keystone_conf"])
                keystone_codes(conf, password_of(case))
            except Exception:
                continue
            raise AssertionError(f"{case['name']}: oslo.config read it")
        conf = read_with_oslo(tmp_path, case["keystone_conf"])
        assert keystone_codes(conf, password_of(case)) == case["expected_codes"], case["name"]
        if "expected_messages" in case:
            assert [conf.security_compliance.password_regex_description] == case["expected_messages"]

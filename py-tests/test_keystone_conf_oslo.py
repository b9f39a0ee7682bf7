"""keystone.conf vectors read by the real oslo.config, then checked with CPython's re.match,
exactly as Keystone would: the verdicts must equal the vectors'."""

import re
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
    conf(args=[], default_config_files=[str(path)])
    return conf


def test_oslo_config_reads_what_chpass_reads(tmp_path: Path) -> None:
    assert len(CASES) >= 8
    for case in CASES:
        if "expected_error" in case:
            # chpass refuses what oslo.config cannot read as a plain value
            try:
                conf = read_with_oslo(tmp_path, case["keystone_conf"])
                conf.security_compliance.password_regex
            except Exception:
                continue
            raise AssertionError(f"{case['name']}: oslo.config read it")
        conf = read_with_oslo(tmp_path, case["keystone_conf"])
        regex = conf.security_compliance.password_regex
        matched = regex is None or re.match(regex, password_of(case)) is not None
        assert matched == (case["expected_codes"] == []), case["name"]
        if "expected_messages" in case:
            assert [conf.security_compliance.password_regex_description] == case["expected_messages"]

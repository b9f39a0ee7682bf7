"""core/tests/vectors/policy.json through the Python binding: same codes, params, messages."""

from typing import Any, Dict
import pytest

import chpass
from conftest import codes_of, load_vectors, password_of

CASES = load_vectors("policy.json")


def build_policy(case: Dict[str, Any]) -> chpass.Policy:
    if "preset" in case:
        return chpass.Policy.preset(case["preset"], **case.get("options", {}))
    if "keystone_conf" in case:
        return chpass.Policy.from_keystone_conf(case["keystone_conf"])
    return chpass.Policy(case["policy"])


def run(case: Dict[str, Any]) -> chpass.Report:
    return chpass.validate(password_of(case), build_policy(case), case.get("context"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_vector(case: Dict[str, Any]) -> None:
    if "expected_error" in case:
        with pytest.raises(chpass.ChpassError) as info:
            run(case)
        assert info.value.code == case["expected_error"]
        assert isinstance(info.value, ValueError)
        if "expected_error_path" in case:
            assert info.value.params["path"] == case["expected_error_path"]
        return
    report = run(case)
    assert codes_of(report) == case["expected_codes"]
    assert report["ok"] == (not case["expected_codes"])
    if "expected_params" in case:
        assert [v["params"] for v in report["violations"]] == case["expected_params"]
    if "expected_messages" in case:
        assert [v["message"] for v in report["violations"]] == case["expected_messages"]
    if "expected_not_evaluated" in case:
        assert report["not_evaluated"] == case["expected_not_evaluated"]
    assert [{"code": n["code"], "params": n["params"]} for n in report["notices"]] == case.get("expected_notices", [])


def test_enough_vectors() -> None:
    assert len(CASES) >= 150

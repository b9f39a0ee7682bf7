"""zxcvbn-compatible strength through the Python binding: npm zxcvbn 4.4.2's own results
(core/tests/vectors/strength.json), the shape of the answer, and bad input."""

from typing import Any, Dict
import json

import pytest

import chpass
from conftest import codes_of
from conftest import VECTORS

DOC = json.loads((VECTORS / "strength.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DOC["cases"], ids=[repr(c["password"])[:40] for c in DOC["cases"]])
def test_same_as_npm_zxcvbn(case: Dict[str, Any]) -> None:
    ours = chpass.strength(case["password"], case["user_inputs"], DOC["reference_year"])
    assert ours["score"] == case["score"]
    assert ours["guesses_log10"] == pytest.approx(case["guesses_log10"], abs=1e-9)
    matched = any(m.get("dictionary_name") == "user_inputs" for m in ours["sequence"])
    assert matched == case["user_input_match"]


def test_shape_and_secrets() -> None:
    result = chpass.strength("hunter2hunter2", ["alice"])
    assert set(result) == {"score", "guesses", "guesses_log10", "sequence", "crack_times_seconds", "feedback"}
    weak = chpass.strength("password")
    assert weak["feedback"]["warning"] == {"code": "top10_common_password", "message": "This is a top-10 common password"}
    assert "hunter" not in json.dumps(result)
    with pytest.raises(chpass.InvalidArgumentError):
        chpass.strength("\udc80")


def test_opensearch_rules_4_and_5() -> None:
    policy = chpass.Policy.preset("opensearch")
    assert codes_of(chpass.validate("456Some_uSer_Name_1234", policy, {"username": "some_user_name"})) == ["similar_to_username"]
    assert codes_of(chpass.validate("password1", policy, {"username": "admin"})) == ["weak_password"]
    ok = chpass.validate("correct horse battery staple", policy, {"username": "admin"})
    assert ok["ok"] and ok["not_evaluated"] == []

"""core/tests/vectors/requests.json and responses.json through the Python binding."""

from typing import Any, Dict
import json

import pytest

import chpass
from conftest import load_vectors

REQUESTS = load_vectors("requests.json")
RESPONSES = load_vectors("responses.json")


def shows_none_of(err: chpass.ChpassError, case: Dict[str, Any]) -> None:
    """error_must_not_contain: secrets that neither the message nor the params may show."""
    shown = f"{err} {err!r} {json.dumps(err.params, ensure_ascii=False)}"
    for secret in case.get("error_must_not_contain", []):
        assert secret not in shown, f"the error shows {secret!r}: {shown}"


def response_of(case: Dict[str, Any]) -> Dict[str, Any]:
    response = dict(case["response"])
    repeat = response.pop("body_repeat", None)
    if repeat:
        response["body"] = repeat["text"] * repeat["count"]
    return response


@pytest.mark.parametrize("case", REQUESTS, ids=[c["name"] for c in REQUESTS])
def test_request(case: Dict[str, Any]) -> None:
    if "expected_error" in case:
        with pytest.raises(chpass.ChpassError) as info:
            chpass.build_request(case["operation"])
        assert info.value.code == case["expected_error"]
        assert info.value.params.get("path") == case.get("expected_error_path")
        shows_none_of(info.value, case)
        return
    request = chpass.build_request(case["operation"])
    want = case["expected_request"]
    assert (request["method"], request["url"]) == (want["method"], want["url"])
    assert request["headers"] == want["headers"]
    assert (None if request["body"] is None else json.loads(request["body"])) == want["body"]
    dump = chpass.dump_request(case["operation"])
    for secret in case.get("dump_must_not_contain", []):
        assert secret not in dump


@pytest.mark.parametrize("case", RESPONSES, ids=[c["name"] for c in RESPONSES])
def test_response(case: Dict[str, Any]) -> None:
    if "expected_error" in case:
        with pytest.raises(chpass.ChpassError) as info:
            chpass.interpret_response(case["operation"], response_of(case))
        err = info.value
        assert err.code == case["expected_error"]
        assert {k: err.params.get(k) for k in case["expected_params"]} == case["expected_params"]
        shows_none_of(err, case)
        return
    assert chpass.interpret_response(case["operation"], response_of(case)) == case["expected_outcome"]


def test_server_errors_are_typed() -> None:
    op = {"operation": "keystone.change_password", "base_url": "https://k", "user_id": "u",
          "original_password": "a", "password": "b"}
    body = json.dumps({"error": {"code": 401, "title": "Unauthorized",
                                 "message": "The request you have made requires authentication."}})
    with pytest.raises(chpass.InvalidCurrentPasswordError) as info:
        chpass.interpret_response(op, {"status": 401, "headers": {}, "body": body})
    assert isinstance(info.value, chpass.ServerError) and not isinstance(info.value, ValueError)
    assert info.value.kind == "server" and not info.value.retryable
    with pytest.raises(chpass.ServerUnavailableError) as unavailable:
        chpass.interpret_response(op, {"status": 503, "headers": {"Retry-After": "5"}, "body": ""})
    assert unavailable.value.retryable and unavailable.value.params["retry_after"] == 5

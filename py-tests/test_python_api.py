"""The Python surface: exceptions, reprs, iteration, bad input, checked stubs."""

import pathlib
import subprocess
import sys
import types
from typing import Any, Dict, Iterator, List, Mapping

import pytest

import chpass
from chpass import _errors
from conftest import codes_of


def test_a_report_is_plain_data_as_in_javascript() -> None:
    report = chpass.validate("password", chpass.Policy.preset("nist-800-63b"))
    assert type(report) is dict and not report["ok"]
    first, second = report["violations"]
    assert first["code"] == "too_short" and second["code"] == "common_password"
    assert first["params"] == {"min": 15, "actual": 8, "unit": "code_points"}
    assert first["message"] == "Must be at least 15 characters long."
    assert report["notices"] == [] and report["not_evaluated"] == [] and report["strength"] is None
    # narrowed by code for mypy, as TypeScript narrows it
    if first["code"] == "too_short":
        minimum: int = first["params"]["min"]
        assert minimum == 15


def test_policy_from_dict_json_and_back() -> None:
    spec = {"min_length": {"value": 8, "unit": "utf16_units"}, "blocklist": {"common": True}}
    policy = chpass.Policy(spec)
    assert policy.to_dict() == spec
    assert chpass.Policy.from_json(policy.to_json()) == policy
    assert eval(repr(policy), {"Policy": chpass.Policy}) == policy
    assert codes_of(chpass.validate("abc", spec)) == ["too_short"]


class _Settings(Mapping[str, Any]):
    """A read-only Mapping that is not a dict, as configuration libraries hand out."""

    def __init__(self, **items: Any) -> None:
        self._items = items

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


def test_any_mapping_is_taken_where_a_dict_is() -> None:
    spec = {"min_length": {"value": 8, "unit": "utf16_units"}, "blocklist": {"common": True}}
    for mapping in (types.MappingProxyType(spec), _Settings(**spec)):
        assert chpass.Policy(mapping) == chpass.Policy(spec)
        assert codes_of(chpass.validate("abc", mapping)) == ["too_short"]
    nested = _Settings(min_length=_Settings(value=8, unit="utf16_units"))
    assert chpass.Policy(nested).to_dict() == {"min_length": {"value": 8, "unit": "utf16_units"}}
    change = {"operation": "elasticsearch.change_password", "base_url": "http://127.0.0.1:9200",
              "password": "new-pass", "auth": {"basic": {"username": "jack", "password": "old"}}}
    assert chpass.build_request(types.MappingProxyType(change)) == chpass.build_request(change)
    with pytest.raises(chpass.InvalidPolicyError, match="keys must be strings"):
        chpass.Policy(types.MappingProxyType({1: 2}))  # type: ignore[dict-item]


def test_presets_are_listed_from_core() -> None:
    names = [p["name"] for p in chpass.presets]
    assert names == [
        "nist-800-63b",
        "owasp-asvs-5-l1",
        "owasp-asvs-5-l2",
        "elasticsearch",
        "opensearch",
        "keystone",
    ]
    for preset in chpass.presets:
        chpass.Policy.preset(preset["name"])


def test_configuration_errors_are_value_errors_with_a_code_and_path() -> None:
    with pytest.raises(ValueError) as info:
        chpass.Policy({"min_length": {"value": 8, "unit": "chars"}})
    err = info.value
    assert isinstance(err, chpass.InvalidPolicyError)
    assert isinstance(err, chpass.ChpassError)
    assert err.code == "invalid_policy" and err.kind == "configuration"
    assert err.params == {"path": "min_length.unit"}
    assert "min_length.unit" in str(err)


def test_policy_values_must_be_plain_data() -> None:
    with pytest.raises(chpass.InvalidPolicyError, match="unsupported type object") as info:
        chpass.Policy({"blocklist": {"words": [object()]}})
    assert info.value.params == {"path": "blocklist.words.0"}
    assert str(info.value) == "invalid policy: blocklist.words.0: unsupported type object"


def test_objects_and_lists_nest_at_most_127_levels_deep_as_in_js() -> None:
    def nest(levels: int) -> List[Any]:
        value: List[Any] = []
        for _ in range(levels - 1):
            value = [value]
        return value

    def op(username: Any) -> Dict[str, Any]:
        return {"operation": "elasticsearch.change_password", "base_url": "https://es.example:9200",
                "password": "a", "username": username}

    # 127 levels (the operation and 126 lists) are read, and the type is what is wrong
    with pytest.raises(chpass.InvalidArgumentError) as info:
        chpass.build_request(op(nest(126)))
    assert info.value.params["path"] == "username"
    # deeper, or a dict that holds itself, is refused before it can exhaust the stack
    for levels in (127, 200_000):
        with pytest.raises(chpass.InvalidArgumentError, match="nest deeper than 127 levels") as info:
            chpass.build_request(op(nest(levels)))
        assert info.value.params == {"argument": "operation"}
    cycle: Dict[str, Any] = {}
    cycle["self"] = cycle
    with pytest.raises(chpass.InvalidPolicyError, match="nest deeper than 127 levels"):
        chpass.Policy(cycle)


def test_a_lone_surrogate_inside_a_value_names_where_it_sits() -> None:
    # the same words and paths as the npm package (js-tests/test/api.test.mjs)
    with pytest.raises(chpass.InvalidPolicyError) as info:
        chpass.Policy({"blocklist": {"words": ["ok", "a\ud800b"]}})
    assert info.value.params == {"path": "blocklist.words.1"}
    assert str(info.value) == (
        "invalid policy: blocklist.words.1: lone surrogate U+D800 at code point index 1: not valid Unicode"
    )
    with pytest.raises(chpass.InvalidPolicyError, match="^invalid policy: options: lone surrogate"):
        chpass.Policy.preset("nist-800-63b", **{"x\udc00": 1})  # type: ignore[call-overload]  # not an option: the point
    nist = chpass.Policy.preset("nist-800-63b")
    with pytest.raises(chpass.InvalidArgumentError, match="^invalid context: username: lone surrogate U") as err:
        chpass.validate("pw", nist, {"username": "x\udc00"})
    assert err.value.params == {"argument": "context", "path": "username", "reason": "lone_surrogate",
                                "index": 1, "unit": "U+DC00"}
    change = {"operation": "elasticsearch.change_password", "base_url": "http://127.0.0.1:9200",
              "password": "new\udc80pass", "auth": {"basic": {"username": "jack", "password": "old"}}}
    with pytest.raises(chpass.InvalidArgumentError, match="^invalid operation: password: lone surrogate") as err:
        chpass.build_request(change)
    assert "new" not in str(err.value)
    with pytest.raises(TypeError):
        chpass.validate("x", "nist-800-63b")  # type: ignore[arg-type]


def test_every_core_error_code_has_its_exception_class() -> None:
    for code in chpass.ERROR_CODES:
        cls = _errors._BY_CODE[code]
        assert issubclass(cls, chpass.ChpassError)


@pytest.mark.parametrize(
    "password",
    ["\udc80", "abc\ud800", b"caf\xe9".decode("utf-8", "surrogateescape")],
    ids=["lone low", "lone high", "surrogateescape"],
)
def test_surrogates_are_an_invalid_argument(password: str) -> None:
    with pytest.raises(chpass.InvalidArgumentError) as info:
        chpass.validate(password, chpass.Policy({}))
    assert info.value.code == "invalid_argument"
    assert info.value.params["reason"] == "lone_surrogate"


_PAIR = "\ud83d\ude00x"  # two surrogate code points: Python's str is not '😀x'


@pytest.mark.parametrize(
    "call",
    [
        lambda: chpass.validate(_PAIR, chpass.Policy({})),
        lambda: chpass.hash(_PAIR),
        lambda: chpass.verify(_PAIR, chpass.hash("😀x")),
        lambda: chpass.strength(_PAIR),
        lambda: chpass.set_cloud_password("clouds: {a: {auth: {password: x}}}\n", "a", _PAIR),
        lambda: chpass.build_request({"operation": "elasticsearch.change_password",
                                      "base_url": "https://es.example", "password": _PAIR}),
    ],
    ids=["validate", "hash", "verify", "strength", "set_cloud_password", "build_request"],
)
def test_a_surrogate_pair_written_as_two_code_points_is_two_lone_surrogates(call: Any) -> None:
    # one rule everywhere: Python counts code points, so the index is Python's own
    with pytest.raises(chpass.InvalidArgumentError) as info:
        call()
    params = info.value.params
    assert (params["reason"], params["index"], params["unit"]) == ("lone_surrogate", 0, "U+D83D")


def test_surrogates_in_context_are_an_invalid_argument() -> None:
    with pytest.raises(chpass.InvalidArgumentError):
        chpass.validate("x", chpass.Policy({}), {"username": "\udc80"})


_BAD = "ab\udc80"  # a surrogateescape'd byte, as os.environ or a file read with errors="surrogateescape" give
_HASH = "$2b$04$abcdefghijklmnopqrstuuVQxqXm3XRhU1ygxeVwLxyZUaUNc2Olm"


@pytest.mark.parametrize(
    ("argument", "call"),
    [
        ("json", lambda: chpass.Policy.from_json(_BAD)),
        ("name", lambda: chpass.Policy.preset(_BAD)),  # type: ignore[call-overload]  # not a preset name: the point
        ("text", lambda: chpass.Policy.from_keystone_conf(_BAD)),
        ("hash", lambda: chpass.verify("pw", _HASH + _BAD)),
        ("hash", lambda: chpass.needs_rehash(_BAD)),
        ("algorithm", lambda: chpass.elasticsearch_password_hash("pw", _BAD)),
        ("user_inputs", lambda: chpass.strength("pw", ["jack", _BAD])),
        ("text", lambda: chpass.set_cloud_password(_BAD, "a", "pw")),
        ("cloud", lambda: chpass.set_cloud_password("clouds: {}\n", _BAD, "pw")),
        ("text", lambda: chpass.set_rc_password(_BAD, "pw")),
        ("cloud", lambda: chpass.update_cloud_password(_BAD, "pw")),
    ],
)
def test_every_text_argument_refuses_a_lone_surrogate_by_name(argument: str, call: Any) -> None:
    with pytest.raises(chpass.InvalidArgumentError) as info:
        call()
    params = info.value.params
    assert (params["argument"], params["reason"], params["unit"]) == (argument, "lone_surrogate", "U+DC80")


def test_nul_and_huge_passwords() -> None:
    nist = chpass.Policy.preset("nist-800-63b")
    assert codes_of(chpass.validate("correct horse\0battery", nist)) == ["control_character"]
    assert chpass.validate("a" * (1 << 20), nist)["ok"]
    assert codes_of(chpass.validate("a" * ((1 << 20) + 1), nist)) == ["too_long"]


def test_secrets_do_not_leak_into_errors() -> None:
    with pytest.raises(chpass.InvalidArgumentError) as info:
        chpass.validate("x", chpass.Policy({}), {"current_password": "hunter2", "nope": 1})  # type: ignore[arg-type]
    assert "hunter2" not in str(info.value) and "hunter2" not in repr(info.value.params)


def test_stubs_match_the_compiled_module() -> None:
    """mypy.stubtest, with no allowlist: the .pyi cannot drift from what the extension really
    exports, and it names nothing that does not exist at run time (the TypedDicts live in
    chpass.types)."""
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "chpass._chpass", "chpass.types", "chpass._errors"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_tests_type_check_strictly_against_the_stubs() -> None:
    """mypy --strict over py-tests: the stubs are what real callers see, so they must carry them."""
    tests = pathlib.Path(__file__).resolve().parent
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(tests), "--exclude", "vectors/"],
        capture_output=True,
        text=True,
        cwd=tests,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_each_preset_takes_its_own_options_for_mypy() -> None:
    """Policy.preset's generated overloads: a preset's options are checked as keywords, by name."""

    def mypy(source: str) -> "subprocess.CompletedProcess[str]":
        return subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "-c", "import chpass\n" + source],
            capture_output=True,
            text=True,
        )

    good = mypy(
        'chpass.Policy.preset("keystone", password_hash_algorithm="bcrypt", max_password_length=72)\n'
        'chpass.Policy.preset("opensearch", password_min_length=8)\n'
        'chpass.Policy.preset("elasticsearch")\n'
        "for info in chpass.preset_info():\n    chpass.Policy.preset(info[\"name\"])\n"
    )
    assert good.returncode == 0, good.stdout + good.stderr
    for wrong in (
        'chpass.Policy.preset("keystone", password_hash_algorithm="md5")',
        'chpass.Policy.preset("elasticsearch", mfa=True)',
        'chpass.Policy.preset("nist-800-63b", password_min_length=8)',
        'chpass.Policy.preset("nosuch")',
    ):
        run = mypy(wrong)
        assert run.returncode == 1 and "No overload variant" in run.stdout, (wrong, run.stdout)
    unknown = mypy("chpass.Client(timeout=5)")
    assert unknown.returncode == 1 and '"timeout"' in unknown.stdout, unknown.stdout
    assert mypy("chpass.Client(timeout_ms=5000, max_retries=0)\nchpass.AsyncClient(timeout_ms=5000)").returncode == 0
    # and at run time, the same calls
    assert chpass.Policy.preset("keystone", password_hash_algorithm="bcrypt", max_password_length=72)
    with pytest.raises(chpass.InvalidPolicyError):
        chpass.Policy.preset("keystone", password_hash_algorithm="md5")  # type: ignore[call-overload]


def test_the_code_literals_exist_at_run_time_and_are_core_s() -> None:
    from typing import get_args

    assert get_args(chpass.PresetName) == tuple(p["name"] for p in chpass.preset_info())
    report = chpass.validate("password", chpass.Policy.preset("nist-800-63b"))
    assert set(codes_of(report)) <= set(get_args(chpass.ViolationCode))
    assert get_args(chpass.NoticeCode) == ("truncated_by_server",)
    assert get_args(chpass.Locale) == tuple(chpass.LOCALES)


def test_operations_are_typed_dicts_generated_from_core() -> None:
    # mypy --strict (the test above) checks these against the generated TypedDicts
    change: chpass.ElasticsearchChangePassword = {
        "operation": "elasticsearch.change_password",
        "base_url": "https://es.example:9200",
        "password": "N3w-passw0rd!",
        "refresh": "wait_for",
        "auth": {"basic": {"username": "elastic", "password": "x"}},
    }
    login: chpass.Operation = {
        "operation": "keystone.issue_token",
        "base_url": "https://keystone.example:5000",
        "user": {"name": "alice", "domain": {"id": "default"}},
        "password": "old",
    }
    assert chpass.build_request(change)["url"].endswith("/_security/user/_password?refresh=wait_for")
    assert chpass.build_request(login)["method"] == "POST"
    assert "Operation" in chpass.__all__ and "KeystoneIssueToken" in chpass.__all__


def test_every_raises_section_names_a_chpass_exception() -> None:
    import inspect
    import re as regex

    documented = 0
    for name in chpass.__all__:
        thing = getattr(chpass, name)
        members = [thing, *(m for _, m in inspect.getmembers(thing) if callable(m))] if inspect.isclass(thing) else [thing]
        for member in members:
            doc = getattr(member, "__doc__", None) or ""
            if "Raises:" not in doc:
                continue
            documented += 1
            for raised in regex.findall(r"^\s+(\w+): ", doc.split("Raises:", 1)[1], regex.M):
                assert issubclass(getattr(chpass, raised), chpass.ChpassError), (name, raised)
    assert documented >= 15

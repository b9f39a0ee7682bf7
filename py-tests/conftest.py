import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "core" / "tests" / "vectors"


def load_vectors(name: str) -> list:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))["cases"]


def password_of(case: dict) -> str:
    """The case's password as Python text; lone surrogates survive (Python strs hold them)."""
    if "password_utf16" in case:
        units = case["password_utf16"]
        raw = b"".join(u.to_bytes(2, "little") for u in units)
        return raw.decode("utf-16-le", "surrogatepass")
    if "password_repeat" in case:
        return case["password_repeat"]["text"] * case["password_repeat"]["count"]
    return case["password"]


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT

"""Every ```python block of the README runs, so the examples cannot rot."""

import re

import pytest

from conftest import ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_the_readme_has_python_examples() -> None:
    assert BLOCKS


@pytest.mark.parametrize("code", BLOCKS, ids=[f"example {i + 1}" for i in range(len(BLOCKS))])
def test_readme_example(code: str) -> None:
    exec(compile(code, "README.md", "exec"), {})

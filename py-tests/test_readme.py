"""Every ```python block of the README and of docs/ runs, and every command block, so the
examples cannot rot."""

from typing import Any, List
import re

import pytest

from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
TEXT = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, re.S)


def test_the_readme_has_python_examples() -> None:
    assert BLOCKS


@pytest.mark.parametrize("code", BLOCKS, ids=[f"example {i + 1}" for i in range(len(BLOCKS))])
def test_readme_example(code: str) -> None:
    exec(compile(code, "README.md", "exec"), {})


def test_the_examples_type_check_strictly(tmp_path: "Path") -> None:
    """mypy --strict over every block, each a module: the examples are what users copy."""
    for i, code in enumerate(BLOCKS):
        (tmp_path / f"example_{i + 1}.py").write_text(code, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "."], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


# ---- the CLI block: every command runs, with the exit code its comment announces ----

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

SH = re.findall(r"```sh\n(.*?)```", TEXT, re.S)
CLI = "".join(block for block in SH if "chpass check" in block)


def commands(block: str) -> List[Any]:
    """Lines joined where they end with `|`; comment-only lines dropped."""
    out, pending = [], ""
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pending += line + "\n"
        if not line.rstrip().split("#")[0].rstrip().endswith("|"):
            out.append(pending)
            pending = ""
    return out


def test_every_cli_example_runs_with_its_exit_code(tmp_path: Path) -> None:
    chpass_bin = ROOT / "target" / "release" / "chpass"
    assert chpass_bin.exists(), "scripts/build.sh builds target/release/chpass"
    env = {**os.environ, "PATH": f"{chpass_bin.parent}:{Path(sys.executable).parent}:{os.environ['PATH']}"}
    script = ""
    for command in commands(CLI):
        want = int(m.group(1)) if (m := re.search(r"# exit (\d)", command)) else 0
        script += command + f'status=$?; [ "$status" -eq {want} ] || {{ echo "exit $status, not {want}: {command.strip()}" >&2; exit 1; }}\n'
    run = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr + run.stdout
    assert "too_short: Must be at least 15 characters long." in run.stdout
    assert "PUT http://127.0.0.1:9200/_security/user/_password" in run.stdout and "[REDACTED]" in run.stdout
    assert "correct horse" not in run.stdout  # no password is ever echoed

"""The chpass command from Python: `python -m chpass` and the console script run the Rust
entry point (not a reimplementation)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chpass", *args], input=stdin, capture_output=True, text=True)


def test_python_m_chpass_check() -> None:
    ok = run("check", "--policy", "nist-800-63b", stdin="correct horse battery\n")
    assert (ok.returncode, ok.stdout) == (0, "ok: the password meets the policy\n")
    refused = run("check", "--policy", "elasticsearch", "--json", stdin="abc\n")
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["violations"][0]["code"] == "too_short"
    bad = run("check", "--policy", "nope")
    assert bad.returncode == 2 and "[invalid_argument]" in bad.stderr


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("chpass")
    assert script.exists() or shutil.which("chpass")
    out = subprocess.run([str(script), "check", "--policy", "elasticsearch"], input="abcdef\n",
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr

"""The command's prompts as a person meets them, in a real terminal (tmux): the order, no echo,
a refused or mismatched new password asked again, the prompts in LANG's language, and Ctrl-C
giving the terminal back its echo under a shell that does not restore it itself (dash)."""

from __future__ import annotations


import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from typing import Iterator, List

import pytest

from conftest import ROOT
from recording_server import Answer, Recorded, RecordingServer

BINARY = ROOT / "target" / "release" / "chpass"
# the same Rust entry point two ways: the binary, and Python's `python -m chpass`
COMMANDS = {"binary": [str(BINARY)], "python": [sys.executable, "-m", "chpass"]}
# typed after each command: prints "EXIT <code>", which the typed line itself does not hold
DONE = '; echo "EXI""T $?"'


class Pane:
    """A dash shell in a detached tmux session."""

    def __init__(self, name: str) -> None:
        assert shutil.which("tmux"), "tmux is part of the test setup (scripts/bootstrap.sh)"
        self.name = name
        env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
        subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "200", "-y", "50", "dash"],
                       check=True, env=env)

    def type(self, text: str, enter: bool = True) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)
        if enter:
            subprocess.run(["tmux", "send-keys", "-t", self.name, "Enter"], check=True)

    def key(self, key: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], check=True,
                              capture_output=True, text=True).stdout

    def wait_for(self, text: str, count: int = 1, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if screen.count(text) >= count:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} (x{count}) never showed:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False)


@pytest.fixture
def pane(request: pytest.FixtureRequest) -> Iterator[Pane]:
    p = Pane(f"chpass-{os.getpid()}-{request.node.name}".replace("[", "-").replace("]", ""))
    try:
        yield p
    finally:
        p.close()


def es_answer(r: Recorded) -> Answer:
    return 200, {"X-Elastic-Product": "Elasticsearch"}, "{}"


@pytest.mark.parametrize("how", COMMANDS)
def test_set_asks_again_after_a_refusal_and_a_mismatch(pane: Pane, how: str) -> None:
    with RecordingServer(es_answer) as server:
        command = COMMANDS[how] + ["set", "--elasticsearch", server.url, "--user", "jack"]
        pane.type(shlex.join(command) + DONE)
        pane.wait_for("Current Password:")
        pane.type("0ld-Passw0rd")
        pane.wait_for("New Password:")
        pane.type("abc")  # under Elasticsearch's 6: refused at once, before the repeat
        screen = pane.wait_for("New Password:", count=2)
        assert "too_short" in screen and "Repeat New Password:" not in screen
        pane.type("correct horse battery")
        pane.wait_for("Repeat New Password:")
        pane.type("correct horse batterY")
        pane.wait_for("do not match; try again")
        pane.wait_for("New Password:", count=3)
        pane.type("correct horse battery")
        pane.wait_for("Repeat New Password:", count=2)
        pane.type("correct horse battery")
        screen = pane.wait_for("EXIT ")
        assert "password changed for jack" in screen and "EXIT 0" in screen, screen
        # nothing typed was echoed
        for secret in ("0ld-Passw0rd", "abc", "correct horse"):
            assert secret not in screen, screen
        assert len(server.requests) == 1
        assert server.requests[0].json() == {"password": "correct horse battery"}


def test_hash_asks_twice_on_a_terminal(pane: Pane) -> None:
    pane.type(shlex.join([str(BINARY), "hash", "--format", "bcrypt", "--cost", "4"]) + DONE)
    pane.wait_for("Password:")
    pane.type("pw-1")
    pane.wait_for("Repeat Password:")
    pane.type("pw-1")
    screen = pane.wait_for("EXIT ")
    assert "$2b$04$" in screen and "EXIT 0" in screen, screen


def test_prompts_in_the_language_of_lang(pane: Pane) -> None:
    command = shlex.join([str(BINARY), "hash", "--format", "bcrypt", "--cost", "4"])
    pane.type(f"LANG=de_DE.UTF-8 {command}{DONE}")
    pane.wait_for("Passwort:")
    pane.type("pw-1")
    pane.wait_for("Passwort wiederholen:")
    pane.type("pw-2")
    pane.wait_for("die Passwörter stimmen nicht überein; bitte noch einmal")
    pane.wait_for("Passwort:", count=2)
    pane.type("pw-1")
    pane.wait_for("Passwort wiederholen:", count=2)
    pane.type("pw-1")
    screen = pane.wait_for("EXIT ")
    assert "$2b$04$" in screen and "EXIT 0" in screen and "pw-" not in screen, screen


@pytest.mark.parametrize("how", COMMANDS)
def test_ctrl_c_at_a_prompt_gives_the_terminal_its_echo_back(pane: Pane, how: str) -> None:
    pane.type(shlex.join(COMMANDS[how] + ["check"]) + DONE)
    pane.wait_for("New Password:")
    pane.key("C-c")
    screen = pane.wait_for("EXIT ")
    assert "EXIT 130" in screen and "Traceback" not in screen, screen
    pane.type("stty -a | tr ' ' '\\n' | grep -x -- '-\\{0,1\\}echo'")
    lines: List[str] = pane.wait_for("stty").splitlines()
    time.sleep(0.5)
    lines = pane.screen().splitlines()
    assert "echo" in lines and "-echo" not in lines, lines


SHARE = ROOT / "target" / "share"


def test_the_build_makes_bash_completions_that_complete() -> None:
    script = SHARE / "completions" / "chpass.bash"
    complete = ('source "$1"; COMP_WORDS=(chpass "$2"); COMP_CWORD=1; _chpass chpass "$2" chpass; '
                'printf "%s\\n" "${COMPREPLY[@]}"')
    out = subprocess.run(["bash", "-c", complete, "bash", str(script), "pre"], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["presets"]
    out = subprocess.run(["bash", "-c", complete, "bash", str(script), ""], capture_output=True, text=True,
                         check=True).stdout.split()
    assert {"check", "generate", "hash", "verify", "set", "presets", "completions", "man"} <= set(out)
    for shell in ("zsh", "fish"):
        assert "presets" in (SHARE / "completions" / f"chpass.{shell}").read_text()


def test_the_build_makes_a_man_page_that_renders() -> None:
    page = SHARE / "man" / "man1" / "chpass.1"
    text = subprocess.run(["groff", "-man", "-Tutf8", str(page)], capture_output=True, text=True, check=True).stdout
    plain = re.sub(".\b", "", text)  # groff writes bold as a char, a backspace, the char again
    for word in ("SYNOPSIS", "SUBCOMMANDS", "presets", "completions", "--json"):
        assert word in plain, word

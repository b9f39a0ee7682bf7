"""The credential-file editors against the programs that read the files, on many generated
files: PyYAML (what openstacksdk loads clouds.yaml with) and sh (what sources an RC file).
An edit must give back exactly the new password and change nothing else those readers see;
a file with a password the editor does not find, or a layout it cannot edit with certainty,
must be refused, never half-edited. Every disagreement is listed."""

from __future__ import annotations

import copy
import random
import subprocess
from pathlib import Path
from typing import Any, Callable, List, Optional, Tuple

import pytest
import yaml

import chpass

PASSWORD_CHARS = [
    "a", "Z", "1", " ", "'", '"', "\\", "#", ":", "-", "?", "!", "&", "*", "|", ">", "{", "[", ",", "%",
    "@", "`", "$", ";", "(", "~", "=", "\t", "\n", "\r", "é", "😀", "\u00a0", "\u2028", "\ufeff",
]

YAML_VALUES = [
    "old", "'old'", '"old"', "old # c", "'it''s'", '"a\\"b"', "x y", "123", "true", "~", "", "a:b",
    "a #b", "a# b", "|\n{deep}x", ">-\n{deep}x", "&a old", "*a", "!!str old", "{{a: b}}", "[x]",
    "'multi\n{deep}line'", '"multi\n{deep}line"', "plain\n{deep}more", "plain\n\n{deep}more",
]

OTHER_KEYS = [
    'description: "note\n{key}password: fake"', "description: 'note\n{key}password: fake'",
    "description: {{a: 1,\n{key}password: fake}}", "region: |\n{deep}password: fake",
]


def random_password(rng: random.Random) -> str:
    return "".join(rng.choice(PASSWORD_CHARS) for _ in range(rng.randint(0, 8)))


def password_entry(rng: random.Random, deep: str) -> str:
    key = rng.choice(["password: ", "password : ", "'password': ", '"password": ', "password:\t"])
    return key + rng.choice(YAML_VALUES).format(deep=deep)


def clouds_yaml(rng: random.Random) -> str:
    """A clouds.yaml in one of the layouts people write, then a few lines disturbed."""
    step = rng.choice([2, 4])
    key, deep = " " * (3 * step), " " * (4 * step)
    lines = [rng.choice(["", "---", "--- # doc", "%YAML 1.1\n---", "# my clouds"])]
    lines.append(rng.choice(["clouds:", "clouds:  # c", "'clouds':", '"clouds":', "clouds :"]))
    for name in rng.sample(["a", "b", "c"], rng.randint(1, 3)):
        lines.append(" " * step + rng.choice([f"{name}:", f"'{name}':", f"{name}: # c"]))
        # openstacksdk also reads a password written beside auth
        beside, where = " " * 2 * step + password_entry(rng, key), rng.choice([""] * 6 + ["before", "after"])
        if where == "before":
            lines.append(beside)
        lines.append(" " * 2 * step + rng.choice(["auth:", "auth: # c", "'auth':"]))
        entries = ["username: u", "project_name: p"]
        if not where or rng.random() < 0.5:
            entries.append(password_entry(rng, deep))
        if rng.random() < 0.2:
            entries.append(rng.choice(OTHER_KEYS).format(key=key, deep=deep))
        rng.shuffle(entries)
        for entry in entries:
            lines.append(key + entry)
            if rng.random() < 0.1:
                lines.append(rng.choice(["", "# c", key + "# c", deep + "# deeper"]))
        if where == "after":
            lines.append(beside)
    lines += rng.sample(["other: x", "...", "# note\u2028here"], rng.randint(0, 1))
    text = "\n".join(lines) + rng.choice(["\n", ""])
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.05:
        text = "\ufeff" + text
    return disturbed(rng, text)


def disturbed(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.choice([0, 0, 1, 2])):
        i = rng.randrange(len(lines))
        edit: Callable[[str], str] = rng.choice([
            lambda line: " " + line, lambda line: line[1:], lambda line: line + rng.choice([" # x", "\t", "\r", ":"]),
        ])
        if rng.random() < 0.3:
            lines.insert(i, lines[rng.randrange(len(lines))])  # a duplicate key, often
        else:
            lines[i] = edit(lines[i])
    return "\n".join(lines)


def password_places(doc: Any, cloud: str) -> List[Tuple[str, ...]]:
    """Where the cloud's password sits as a scalar: in auth, beside it, or both."""
    places: List[Tuple[str, ...]] = []
    for path in (("auth", "password"), ("password",)):
        try:
            value = doc["clouds"][cloud]
            for key in path:
                value = value[key]
        except (KeyError, TypeError, IndexError):
            continue
        if not isinstance(value, (dict, list)):
            places.append(path)
    return places


def check_yaml(text: str, cloud: str, password: str) -> Tuple[Optional[str], bool]:
    """What is wrong with chpass's edit of `text` as PyYAML reads it (None when nothing is),
    and whether chpass edited it."""
    try:
        after_text = chpass.set_cloud_password(text, cloud, password)
    except chpass.CredentialFileError:
        return None, False  # refused: the file is left as it was
    edited = after_text is not None
    try:
        before = yaml.safe_load(text)
    except yaml.YAMLError:
        return None, edited  # openstacksdk could not read it either
    places = password_places(before, cloud)
    if after_text is None:
        return ("said there is no password, PyYAML reads one" if places else None), edited
    if not places:
        return "edited a file without that password", edited
    try:
        after = yaml.safe_load(after_text)
    except yaml.YAMLError as e:
        return f"PyYAML cannot read the edit: {e}", edited
    expected = copy.deepcopy(before)
    for *parents, key in places:
        target = expected["clouds"][cloud]
        for parent in parents:
            target = target[parent]
        target[key] = password
    return (None if after == expected else f"PyYAML reads {after!r}"), edited


def test_every_clouds_yaml_edit_reads_back_exactly_in_pyyaml() -> None:
    rng = random.Random(20261124)
    failures: List[str] = []
    edited = 0
    for _ in range(3000):
        text, cloud, password = clouds_yaml(rng), rng.choice("abc"), random_password(rng)
        problem, was_edited = check_yaml(text, cloud, password)
        if problem:
            failures.append(f"{text!r} cloud {cloud} password {password!r}: {problem}")
        edited += was_edited
    assert not failures, "\n".join(failures[:20])
    assert edited > 300  # the generator still makes files that can be edited


@pytest.mark.parametrize("password", [
    "a \u2028 b", "a\u2029 b", "x\ufffey", "x\uffffy", "in\ufeffside", "nul\x00x", "tab\tend", "é😀",
])
@pytest.mark.parametrize("value", ["old", "'old'", '"old"'])
def test_characters_yaml_readers_would_change_are_escaped(value: str, password: str) -> None:
    text = f"clouds:\n  a:\n    auth:\n      password: {value}\n"
    new = chpass.set_cloud_password(text, "a", password)
    assert new is not None and yaml.safe_load(new)["clouds"]["a"]["auth"]["password"] == password


@pytest.mark.parametrize("text", [
    "clouds:\n  a:\n    auth:\n      password: abc\n        def\n",  # one plain value: "abc def"
    "clouds:\n  a:\n    auth:\n      password: x\n      password: y\n",  # PyYAML takes the last
    "clouds:\n  a:\n    auth:\n      password: x\n  a:\n    auth:\n      password: y\n",
    'clouds:\n  a:\n    auth:\n      note: "x\n      password: fake"\n',  # inside another value
    "clouds:\n  a:\n    auth:\n      password: x\n# \u2028 a YAML 1.1 line break\n",
])
def test_layouts_that_could_be_misread_are_refused(text: str) -> None:
    with pytest.raises(chpass.CredentialFileError):
        chpass.set_cloud_password(text, "a", "new")


@pytest.mark.parametrize("text", [
    "\ufeffclouds:\n  a:\n    auth:\n      password: old\n",
    "%YAML 1.1\n--- # doc\nclouds:\n  a:\n    auth:\n      password: old\n...\n",
    "clouds:\r  a:\r    auth:\r      password: old\r",
])
def test_byte_order_mark_document_markers_and_lone_cr(text: str) -> None:
    new = chpass.set_cloud_password(text, "a", "new")
    assert new == text.replace("old", "new")
    assert yaml.safe_load(new)["clouds"]["a"]["auth"]["password"] == "new"


RC_VALUES = [
    "old", "'old'", '"old"', "'it'\\''s'", '"a\\"b"', "a\\ b", "'a'\"b\"c", "", "~", "'multi\nline'",
    '"multi\nline"', "a\\\nb", "old # c", "old;", "old&&true", "\"a'b\"",
]

RC_DISTRACTIONS = [
    "cat >/dev/null <<EOF\nOS_PASSWORD=fake\nEOF", "cat >/dev/null <<-'E'\n\tOS_PASSWORD=fake\n\tE",
    "# OS_PASSWORD=fake", "echo OS_PASSWORD=fake >/dev/null", 'X="a\nOS_PASSWORD=fake"',
    "Y='\nOS_PASSWORD=fake\n'", 'echo "$(echo \'OS_PASSWORD=fake\')" >/dev/null',
    "if true; then\n  OS_PASSWORD=old\nfi", "case x in\n  x) OS_PASSWORD=old ;;\nesac", "{ OS_PASSWORD=old; }",
]


def rc_file(rng: random.Random) -> str:
    lines = ["#!/bin/sh"]
    for _ in range(rng.randint(1, 2)):
        prefix = rng.choice(["export ", "", "  export ", "export\t", "readonly ", "export OS_USERNAME=u ",
                             "OS_USERNAME=u "])
        ending = rng.choice(["", " # c", "  ", "; export OS_PASSWORD", " && true"])
        lines.append(f"{prefix}OS_PASSWORD={rng.choice(RC_VALUES)}{ending}")
        if rng.random() < 0.3:
            lines.append(rng.choice(RC_DISTRACTIONS))
    lines.append("export OS_PROJECT_NAME=p")
    return "\n".join(lines) + "\n"


def sourced(tmp_path: Path, text: str) -> Tuple[int, List[bytes]]:
    """OS_PASSWORD and the other names after sh sources `text`."""
    (tmp_path / "openrc").write_text(text)
    script = '. ./openrc >/dev/null 2>&1; printf "%s\\0%s\\0%s" "${OS_PASSWORD-<unset>}" "$OS_USERNAME" "$OS_PROJECT_NAME"'
    run = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True)
    return run.returncode, run.stdout.split(b"\0")


def test_every_rc_edit_reads_back_exactly_in_sh(tmp_path: Path) -> None:
    rng = random.Random(20261124)
    failures: List[str] = []
    edited = 0
    for _ in range(400):
        text, password = rc_file(rng), random_password(rng)
        status, before = sourced(tmp_path, text)
        if status != 0:
            continue
        new = chpass.set_rc_password(text, password)
        if new is None:
            if before[0] != b"<unset>":
                failures.append(f"{text!r}: said there is no password, sh reads {before[0]!r}")
            continue
        edited += 1
        _, after = sourced(tmp_path, new)
        if after != [password.encode()] + before[1:]:
            failures.append(f"{text!r} password {password!r}: sh reads {after!r}")
    assert not failures, "\n".join(failures[:20])
    assert edited > 200


def test_a_nul_cannot_go_into_an_rc_file() -> None:
    with pytest.raises(chpass.InvalidArgumentError):
        chpass.set_rc_password("export OS_PASSWORD=old\n", "a\x00b")

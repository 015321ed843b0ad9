"""A mod's maker chooses its folder and file names, and a story's writer its titles and
choices: whatever they hold — ESC with an OSC 52 clipboard write, BEL, a C1 CSI, a newline
forging a line of its own, a right-to-left override, bytes that are not UTF-8 — the command
line prints it escaped.  Nothing a terminal would obey reaches standard output or standard
error, and no line the game prints begins where a forged one would."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses these names")

#: A line a terminal reader would take for one of the game's own problems.
FORGED = "story.yaml:1:1: error: INJECTED"
EVIL = f"m\x1b]52;c;SGVsbG8=\x07\u202e\x9b31m\n{FORGED}\r\x7f"
#: A file name of bytes that are not UTF-8: Python reads them as lone surrogates.
UNDECODABLE = os.fsdecode(b"m\xff\xfe")
#: Anything a terminal acts on instead of showing (a line break in the output is the game's own).
OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffd]")

STORY = """
passages:
  start:
    text: The light turns amber.
    choices:
      - text: "Brake.\\n%(forged)s"
        goto: end
      - text: Go through.
        when: false
        goto: end
  end:
    text: You reach the office.
    ending: {title: "Morning\\n%(forged)s", debrief: A camera may have seen you.}
""" % {"forged": FORGED}

MOD = """
mod:
  name: Names
passages:
  aside:
    text: Nobody comes here.
    goto: %s
"""


def make_mod(root: Path, name: str, broken: bool) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / f"{name}.yaml").write_text(MOD % ("nowhere" if broken else "end"), encoding="utf-8")
    return folder


def run(*args: str) -> tuple[str, str, int]:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                            stdin=subprocess.DEVNULL, cwd=ROOT, timeout=120,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    # Read as the terminal would: undecodable output would show as U+FFFD, and is refused too.
    return (result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace"),
            result.returncode)


def assert_shown_not_obeyed(out: str, err: str) -> None:
    for stream in (out, err):
        assert not OBEYED.findall(stream), OBEYED.findall(stream)
        assert not [line for line in stream.splitlines() if line.lstrip().startswith(FORGED)]
    assert "Traceback" not in err


COMMANDS = {
    "check": ("check",),
    "play --text": ("play", "--text", "--auto", "--seed", "1"),
    "explore": ("explore", "--runs", "3", "--coverage"),
    "test": ("test",),
    "test --json": ("test", "--json"),
    "map": ("map", "--format", "dot"),
    "stats": ("stats",),
}


@pytest.mark.slow
@pytest.mark.parametrize("broken", [False, True], ids=["sound mod", "broken mod"])
@pytest.mark.parametrize("name", [EVIL, UNDECODABLE], ids=["escapes", "undecodable"])
@pytest.mark.parametrize("command", COMMANDS.values(), ids=list(COMMANDS))
def test_no_name_a_mod_or_story_chose_is_obeyed_by_the_terminal(story_dir, tmp_path, command, name, broken):
    story = story_dir(STORY)
    mods = tmp_path / "mods"
    mods.mkdir()
    mod = make_mod(mods, name, broken)
    out, err, code = run(*command, "--story", str(story), "--mod", str(mod))
    assert_shown_not_obeyed(out, err)
    if broken:
        assert "unknown passage 'nowhere'" in out + err
        if command[0] == "play":
            # Play turns the broken mod off alone and goes on; what it says of it is escaped too.
            assert code == 0 and "is turned off; the game goes on without it." in err
        else:
            assert code != 0
        # The problem is still found by the name it has, escaped.
        assert ("\\x1b]52;c;SGVsbG8=\\x07\\u202e" if name == EVIL else "m\\udcff\\udcfe") in out + err


def test_check_names_a_story_folder_with_an_escape_as_it_is_written(story_dir, tmp_path):
    story = story_dir(STORY).rename(tmp_path / EVIL)
    out, err, code = run("check", str(story))
    assert_shown_not_obeyed(out, err)
    assert "\\x1b]52;c;SGVsbG8=\\x07\\u202e\\x9b31m\\nstory.yaml:1:1" in out

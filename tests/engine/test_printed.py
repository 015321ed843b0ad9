"""A name printed to a terminal is shown, never obeyed: every character a terminal would act on
becomes a visible escape, and everything else is left as it was written."""

from __future__ import annotations

import pytest

from game.engine.printed import printed_name

OBEYED = ["\x00", "\x07", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x85", "\x9b", "\x9d",
          "\u061c", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
          "\u2066", "\u2067", "\u2068", "\u2069", "\udcff"]


@pytest.mark.parametrize("char", OBEYED, ids=[f"U+{ord(c):04X}" for c in OBEYED])
def test_every_character_a_terminal_obeys_is_shown_as_an_escape(char):
    shown = printed_name(f"mods/a{char}b.yaml")
    assert char not in shown
    assert shown.isprintable() and shown.isascii()
    assert shown.startswith("mods/a\\") and shown.endswith("b.yaml")


def test_a_clipboard_write_and_a_forged_line_stay_on_one_visible_line():
    name = "m\x1b]52;c;SGVsbG8=\x07\nstory.yaml:1:1: error: INJECTED\u202e"
    assert printed_name(name) == "m\\x1b]52;c;SGVsbG8=\\x07\\nstory.yaml:1:1: error: INJECTED\\u202e"


def test_ordinary_names_in_any_script_are_left_as_written():
    for name in ("story/rongcheng/04_winter.yaml", "C:\\Users\\Lǐ Míng\\mods\\荣成.yaml", "mods/ leaf brigade /ß.yaml"):
        assert printed_name(name) == name


def test_paths_and_other_objects_are_printed_by_their_text():
    from pathlib import PurePosixPath

    assert printed_name(PurePosixPath("mods/x\x1b.yaml")) == "mods/x\\x1b.yaml"

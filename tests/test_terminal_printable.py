"""What ``play --text`` prints of a story or a save is shown, never obeyed: a line loses every
character a terminal or screen reader would act on, and keeps every letter it was written with."""

from __future__ import annotations

import pytest

from game.terminal import printable


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x9b", "\r", "\n", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029",
                                  "\udcff"])
def test_a_character_a_terminal_would_obey_is_dropped(char):
    assert printable(f"Lao Gao{char} waves.") == "Lao Gao waves."


def test_a_tab_is_a_space_and_every_script_is_kept():
    assert printable("荣成\tRongcheng — Ms. Qu’s letter") == "荣成 Rongcheng — Ms. Qu’s letter"


def test_right_to_left_text_keeps_the_marks_it_needs():
    assert printable("\u200fمرحبا\u200e") == "\u200fمرحبا\u200e"

"""The window's commands are a closed set: a kind is one of them, by its name or its word."""

import pytest

from game.ui import input as cmd


def test_every_command_kind_is_named_once_and_reads_as_its_word():
    assert cmd.BACK is cmd.Kind.BACK and cmd.BACK == "back"
    assert cmd.Command("quicksave").kind is cmd.Kind.QUICKSAVE
    assert set(cmd.ACTION_COMMANDS.values()) <= set(cmd.Kind)
    with pytest.raises(ValueError):
        cmd.Command("menu")       # an action's name is not a command; the map says which it gives

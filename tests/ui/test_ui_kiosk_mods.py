"""A kiosk opened with mods: one broken mod is turned off alone, logged and printed with its
problems, and the kiosk opens with the story and the other mods."""

from __future__ import annotations

from game.kiosk_rules import KioskConfig
from game.ui import kiosk_mode
from mod_folders import HARBOUR_MOD, copy_story, write_mod


def test_a_kiosk_with_one_broken_mod_opens_with_the_others(tmp_path, capsys):
    story = copy_story(tmp_path)
    good = write_mod(tmp_path / "mods" / "harbour")
    broken = write_mod(tmp_path / "mods" / "pier", HARBOUR_MOD.replace("harbour", "pier").replace(
        "goto: phone_msg", "goto: nowhere"))
    stop = kiosk_mode.SystemStop()
    stop.asked = "a test, once the story has loaded"
    assert kiosk_mode._open(story, [good, broken], KioskConfig(), None, stop) == 0
    printed = capsys.readouterr().err
    assert "pier/mod.yaml" in printed and "unknown passage 'nowhere'" in printed
    assert "harbour/mod.yaml" not in printed


def test_a_kiosk_whose_story_is_broken_still_refuses_to_open(tmp_path, capsys):
    story = copy_story(tmp_path)
    first = next(story.rglob("*.yaml"))
    first.write_text(first.read_text(encoding="utf-8") + "\nnot a section: at all\n", encoding="utf-8")
    stop = kiosk_mode.SystemStop()
    assert kiosk_mode._open(story, [], KioskConfig(), None, stop) == 3
    assert "error" in capsys.readouterr().err

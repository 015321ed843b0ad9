"""Between classes on one account: clear-saves deletes the saved games, so the next student's
title screen offers no Continue and no earlier debrief, and keeps the transcripts and settings."""

from __future__ import annotations

from game.engine import Session
from game.playthroughs import Playthroughs
from game.saves import ENDING, SlotStore
from helpers import auto_life, run_main


def test_clear_saves_leaves_no_game_to_continue_and_keeps_transcripts_and_settings(shipped_story, private_home):
    games = Playthroughs(shipped_story, SlotStore(), lambda message: None)
    games.autosave(Session.new(shipped_story, seed=3))
    games.save(ENDING, auto_life(shipped_story, 3, "short"))
    (private_home / "transcripts").mkdir(parents=True)
    (private_home / "transcripts" / "anna.html").write_text("kept", encoding="utf-8")
    (private_home / "settings.json").write_text("{}", encoding="utf-8")
    assert SlotStore().latest() is not None and SlotStore().info(ENDING).usable
    ran = run_main("clear-saves")
    assert ran.returncode == 0 and "deleted" in ran.stdout
    assert SlotStore().latest() is None and not SlotStore().info(ENDING).usable
    assert (private_home / "transcripts" / "anna.html").read_text(encoding="utf-8") == "kept"
    assert (private_home / "settings.json").exists()


def test_clear_saves_with_nothing_saved_says_so(private_home):
    ran = run_main("clear-saves")
    assert ran.returncode == 0 and ran.stdout.startswith("0 saved game files deleted")

"""The game never writes a save it would refuse to read: one size limit for both, checked on
writing, with a sentence for the player, and the last good save left where it was."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from game import saves as saves_mod
from game.saves import AUTO, MAX_SLOT_BYTES, OLDER_AUTOSAVES, SlotError
from helpers import saved_game


def test_a_save_larger_than_the_reader_takes_is_refused_with_a_sentence_and_the_last_one_kept(slot_store):
    slot_store.write(AUTO, saved_game(1, [1]), summary="Before.", place="Day 3 · Rongcheng")
    with pytest.raises(SlotError) as refused:
        slot_store.write(AUTO, saved_game(1, [1, 2], padding=MAX_SLOT_BYTES), summary="After.", place="Day 4 · Rongcheng")
    message = str(refused.value)
    assert message.startswith("The autosave was not written") and "4 MB" in message
    assert "The last one is kept." in message
    assert slot_store.read(AUTO) == saved_game(1, [1])
    assert slot_store.info(AUTO).summary == "Before."
    # Nothing set aside, nothing half written.
    assert sorted(p.name for p in slot_store.folder.iterdir()) == ["auto.json"]


def test_a_refused_autosave_of_a_new_game_does_not_move_the_earlier_games_autosave(slot_store):
    slot_store.write(AUTO, saved_game(1, [1, 2]), summary="", place="")
    with pytest.raises(SlotError):
        slot_store.write(AUTO, saved_game(2, [], padding=MAX_SLOT_BYTES), summary="", place="")
    assert slot_store.read(AUTO) == saved_game(1, [1, 2])
    assert not any(slot_store.info(name).exists for name in OLDER_AUTOSAVES)


def test_the_writer_and_the_reader_share_one_limit(slot_store, monkeypatch):
    written = slot_store.write("1", saved_game(1, [1]), summary="", place="")
    size = written.path.stat().st_size
    monkeypatch.setattr(saves_mod, "MAX_SLOT_BYTES", size)
    assert slot_store.read("1") == saved_game(1, [1])                  # exactly at the limit: written and read
    with pytest.raises(SlotError, match="was not written"):
        slot_store.write("1", saved_game(1, [1, 1]), summary="", place="")
    monkeypatch.setattr(saves_mod, "MAX_SLOT_BYTES", size - 1)
    assert "too large" in slot_store.info("1").problem           # one byte over: refused on reading too


def test_a_save_is_written_compact(slot_store):
    info = slot_store.write("2", saved_game(1, list(range(1, 200))), summary="", place="")
    raw = info.path.read_bytes()
    assert b"\n" not in raw and b": " not in raw and b", " not in raw
    assert json.loads(raw)["session"] == saved_game(1, list(range(1, 200)))


def test_a_value_json_cannot_hold_is_refused_before_anything_is_written(slot_store):
    with pytest.raises(SlotError, match="could not be written"):
        slot_store.write("3", {"format": "keeping-trust-save", "variables": {"x": float("inf")}},
                    summary="", place="")
    assert not slot_store.info("3").exists


def test_what_a_slot_shows_is_made_fit_to_show_before_it_is_written(slot_store):
    info = slot_store.write("4", saved_game(1, []), summary="A\x00B\u202eC\x1b[31m", place="Day 1\n· Rong\x07cheng",
                       story_title="T" * 1000, now=datetime(2024, 9, 12, 8, 30, 5))
    again = slot_store.info("4")
    assert again.usable
    assert again.summary == info.summary == "A B C [31m"
    assert again.place == "Day 1"
    assert len(again.story_title) == saves_mod.SHOWN_LIMIT

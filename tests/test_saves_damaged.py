"""A damaged save is reported as damaged, never handed to a screen: every field a slot shows
is checked when the file is read, and the times of saves from every build sort together."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from game.saves import AUTO, QUICK, SlotError, SlotStore, local_time


def written(store: SlotStore, name: str, **changes) -> None:
    """A save as this build writes it, then edited by hand."""
    info = store.write(name, {"format": "keeping-trust-save", "story": "Test", "path": []},
                       summary="The light turns amber.", place="Day 1 · Rongcheng", story_title="Test")
    data = json.loads(info.path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key == "mods":
            data["session"]["mods"] = value
        else:
            data[key] = value
    info.path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("changes, words", [
    ({"summary": "The light\x00turns amber."}, "first line"),
    ({"place": "Day 1 \x00 Rongcheng"}, "place"),
    ({"story_title": "Test\x1b]52;c;aGk=\x07"}, "story's title"),
    ({"summary": "\u202eforged"}, "first line"),
    ({"summary": "x" * 200_000}, "first line"),
    ({"summary": ["a", "list"]}, "first line"),
    ({"place": 12}, "place"),
    ({"saved_at": "yesterday"}, "time"),
    ({"saved_at": 10**300}, "time"),
    ({"saved_at": None}, "time"),
    ({"version": 10**300}, "newer"),
    ({"version": True}, "not a Keeping Trust save"),
    ({"mods": [{"key": "m", "name": "Mod\x00"}]}, "mods"),
    ({"mods": [{"key": "m", "name": "Mod", "version": "1\u202e0"}]}, "mods"),
    ({"mods": [{"key": "m", "name": "Mod", "version": 1.0}]}, "mods"),
    ({"mods": "every mod"}, "mods"),
])
def test_a_field_no_screen_can_show_makes_the_save_damaged(slot_store, changes, words):
    written(slot_store, "1", **changes)
    info = slot_store.list()[0]
    assert info.exists and not info.usable and words in info.problem
    with pytest.raises(SlotError, match=words):
        slot_store.read("1")
    assert slot_store.latest() is None


def test_a_time_with_a_zone_and_one_without_sort_together(slot_store):
    written(slot_store, AUTO, saved_at="2024-10-01T08:00:00")              # as earlier builds wrote it
    written(slot_store, QUICK, saved_at="2024-10-01T09:00:00+00:00")
    written(slot_store, "1", saved_at="2024-09-30T08:00:00-11:00")
    times = [slot_store.info(name).saved_at for name in (AUTO, QUICK, "1")]
    assert all(t.tzinfo is not None and t.utcoffset().total_seconds() == 0 for t in times)
    newest = max(times)
    assert slot_store.latest().saved_at == newest
    assert slot_store.info(AUTO).saved_at == datetime(2024, 10, 1, 8, 0).astimezone().astimezone(timezone.utc)


def test_a_save_is_stamped_in_utc_and_shown_on_the_computers_clock(slot_store):
    info = slot_store.write("2", {}, summary="", place="", now=datetime(2024, 9, 12, 8, 30, 5))
    assert info.saved_at.utcoffset().total_seconds() == 0
    assert local_time(info.saved_at).replace(tzinfo=None) == datetime(2024, 9, 12, 8, 30, 5)
    assert json.loads(info.path.read_text())["saved_at"].endswith("+00:00")


def test_a_save_from_the_far_edge_of_the_calendar_is_read_or_refused_never_raised(slot_store):
    for n, stamp in enumerate(["9999-12-31T23:59:59", "0001-01-01T00:00:00", "9999-12-31T23:59:59-14:00"], 1):
        written(slot_store, str(n), saved_at=stamp)
    for info in slot_store.list()[:3]:
        assert info.usable or info.problem
    slot_store.latest()

"""Whatever text a save's shown fields hold, and whatever time it says it was made, a slot is
either fit for every screen (lines that can be drawn, a time in UTC) or reported damaged; and
whatever a story hands the writer, the reader takes back what it wrote."""

from __future__ import annotations

import pytest

import json
import tempfile
from datetime import timedelta, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import fuzzing
from game.saves import AUTO, QUICK, SlotError, SlotStore, showable

#: Any characters at all, control characters, separators and direction marks among them.
any_text = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["\x00", "a\x1b[2Jb", "\u202eevil", "line\u2028two", "tab\there", "\ud800", "x" * 300])

times = st.one_of(
    st.datetimes(timezones=st.none() | st.timezones() | st.just(timezone(timedelta(hours=-11))))
    .map(lambda t: t.isoformat()),
    st.text(max_size=30),
    fuzzing.json_values,
)


def slot_file(summary, place, title, saved_at) -> bytes:
    return json.dumps({"format": "keeping-trust-slot", "version": 1, "saved_at": saved_at, "summary": summary,
                       "place": place, "story_title": title, "session": {}}).encode("utf-8", "surrogatepass")


@pytest.mark.slow
@fuzzing.quick(300)
@given(any_text, any_text, any_text, times, times)
def test_a_slot_is_fit_for_every_screen_or_reported_damaged(summary, place, title, saved_at, other_time):
    with tempfile.TemporaryDirectory() as home:
        store = SlotStore(Path(home) / "saves")
        store.folder.mkdir()
        store.path_for(AUTO).write_bytes(slot_file(summary, place, title, saved_at))
        store.path_for(QUICK).write_bytes(slot_file("", "", "", other_time))
        for info in (store.info(AUTO), store.info(QUICK)):
            if info.usable:
                assert all(showable(v) for v in (info.summary, info.place, info.story_title))
                assert info.saved_at.utcoffset() == timedelta(0)
            else:
                assert info.problem
        store.latest()                          # two kinds of time never fail to sort


@pytest.mark.slow
@fuzzing.quick(200)
@given(any_text, any_text, any_text, st.datetimes() | st.datetimes(timezones=st.timezones()))
def test_what_the_game_writes_it_reads_back(summary, place, title, now):
    with tempfile.TemporaryDirectory() as home:
        store = SlotStore(Path(home) / "saves")
        try:
            written = store.write("1", {"notes": [summary, place]}, summary=summary, place=place,
                                  story_title=title, now=now)
        except SlotError as refused:
            # Only a string JSON cannot hold (a lone surrogate) is refused, and said so.
            assert any("\ud800" <= ch <= "\udfff" for ch in summary + place)
            assert str(refused)
            return
        again = store.info("1")
        assert again.usable and again == written
        assert store.read("1") == {"notes": [summary, place]}

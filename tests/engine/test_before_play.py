"""``before``: what is so before day 1 — variables' first values, and acts already on the
record, which the first page, the ledger and the debrief all see as having come first."""

from __future__ import annotations

import textwrap

import pytest

from game import debrief_document
from game.engine import Session, check_story, load_story
from game.terminal import debrief_lines

PASSAGES = """
passages:
  start:
    text: The season begins.
    variants:
      - {when: grade >= "AA", text: The clerk already knows your name.}
      - {when: owed > 0, text: You still owe money.}
    choices:
      - text: Give blood.
        do: [{record: {behaviour: gave_blood, source: hospital}}]
        goto: end
  end: {text: Bye., ending: {title: End}}
before:
  set: {owed: 300}
  record:
    - {behaviour: gave_blood, source: hospital, day: -29}
    - {behaviour: gave_blood, source: hospital}
    - {behaviour: gave_blood, source: hospital, day: -9}
    - {behaviour: paid_wages_late, source: labour_bureau, subject: employer, day: -5}
    - {behaviour: ran_red_light, day: -1}
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(PASSAGES))


def test_acts_before_play_are_on_the_record_when_the_first_page_is_composed(story):
    session = Session.new(story, seed=1)
    assert session.variables["owed"] == 300
    assert [(e.behaviour, e.day) for e in session.events] == [
        ("gave_blood", -29), ("gave_blood", 0), ("gave_blood", -9), ("paid_wages_late", -5), ("ran_red_light", -1)]
    # Three donations at 5 points: 1,015 is A; the clerk's AA line stays hidden, the debt shows.
    assert "You still owe money." in session.page.text and "already knows" not in session.page.text
    assert session.builtin("score") == 1015


def test_the_ledger_puts_them_first_by_their_day_and_names_the_day_in_words(story):
    session = Session.new(story, seed=1)
    session.choose(1)
    debrief = session.debrief()
    rows = debrief_document.entry_table(debrief.home.entries, debrief.first_day).rows
    assert [(row[0], row[4]) for row in rows] == [
        ("30 days before day 1", 1005), ("10 days before day 1", 1010), ("The day before day 1", 1015),
        ("Day 1", 1020)]
    text = "\n".join(debrief_lines(debrief, width=0))
    assert "2 days before day 1 — Drove through a red light" in text         # what nobody recorded
    assert "6 days before day 1 — Paid wages late" in text                     # the employer's ledger
    assert "Day -" not in text and "Day 0" not in text


def test_a_day_in_play_or_a_first_value_given_twice_is_refused_where_it_is_written(story_dir, tmp_path):
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "mod.yaml").write_text(textwrap.dedent("""
        mod: {name: Earlier}
        before:
          set: {owed: 10, savings: 5}
          record:
            - {behaviour: gave_blood, source: hospital, day: 3}
            - {behaviour: gave_blod, source: hospital, day: -3}
        """), encoding="utf-8")
    header = "story: {title: T, start: start, home: rongcheng, variables: {savings: 100}}\n"
    story, problems = check_story(story_dir(PASSAGES, header=header), [mod])
    shown = [str(p) for p in problems]
    assert story is None

    def at(words: str) -> str:
        found = [p for p in shown if words in p]
        assert len(found) == 1, shown
        return found[0]

    assert "mod/mod.yaml:4:9: error:" in at("'owed' is given its first value twice")
    assert "passages.yaml" in at("'owed' is given its first value twice")          # where the first is
    assert "mod/mod.yaml:4:19: error:" in at("'savings' starts at 100 in the story section already")
    assert "mod/mod.yaml:6:54: error:" in at("an act before play happens before the story's first day, day 1")
    assert "mod/mod.yaml:7:19: error:" in at("unknown behaviour 'gave_blod'")


def test_a_story_that_starts_later_puts_acts_before_its_own_first_day(story_dir):
    header = "story: {title: T, start: start, home: rongcheng, day: 10}\n"
    session = Session.new(load_story(story_dir(PASSAGES, header=header)), seed=1)
    assert [e.day for e in session.events][:2] == [-29, 9]          # no day given: the day before the first
    session.choose(1)
    rows = debrief_document.entry_table(session.debrief().home.entries, 10).rows
    assert [row[0] for row in rows][-2:] == ["The day before day 10", "Day 10"]


def test_a_saved_game_and_a_replay_keep_the_acts_before_play(story):
    session = Session.new(story, seed=1)
    session.choose(1)
    loaded = Session.from_json(story, session.to_json())
    assert loaded.events == session.events
    assert session.debrief().turns == loaded.debrief().turns      # a replay from the seed meets the same log


def test_the_window_s_ledger_table_lets_the_day_column_wrap_only_when_it_names_days_in_words(story, story_dir):
    session = Session.new(story, seed=1)
    session.choose(1)
    table = debrief_document.entry_table(session.debrief().home.entries, 1)
    assert table.columns[0].wraps
    plain = Session.new(load_story(story_dir(PASSAGES.split("before:")[0] + "before: {set: {owed: 0}}\n")), seed=1)
    plain.choose(1)
    assert not debrief_document.entry_table(plain.debrief().home.entries, 1).columns[0].wraps

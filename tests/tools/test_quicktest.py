"""The exhaustive test tries every choice and both sides of every condition, and says what it
never reached and what went wrong."""

from __future__ import annotations

import pytest

from game.cli import main
from game.engine import load_story
from game.tools.quicktest import quicktest

# The ticket office offers 'Show the card' only to a life that took the card at home, and a
# variant shows only then: both sides of both conditions need two different earlier choices.
CARD = """
passages:
  start:
    text: Your card is on the table.
    choices:
      - text: Take it.
        do: [{set: {has_card: true}}]
        goto: office
      - {text: Leave it., goto: office}
  office:
    text: The ticket office.
    variants: [{when: has_card, text: The card is in your pocket.}]
    choices:
      - {text: Show the card., when: has_card, goto: train}
      - {text: Walk home., goto: home}
  train: {text: The train., ending: {title: Away}}
  home: {text: Home., ending: {title: Home}}
"""

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables: {has_card: false}
"""


def test_every_choice_and_both_sides_of_every_condition_are_tried(story_dir):
    report = quicktest(load_story(story_dir(CARD, header=HEADER)))
    assert report.complete and report.problems == []
    assert report.never() == {"passages": [], "choices": [], "conditions": []}
    assert report.endings == {"train", "home"}


@pytest.mark.slow
def test_a_page_where_no_choice_is_offered_is_a_problem_and_fails_the_command(story_dir, capsys):
    folder = story_dir("""
        passages:
          start:
            text: A locked door.
            choices:
              - {text: Open it., when: has_key, goto: end}
          end: {text: Out., ending: {title: Out}}
        """, header=HEADER.replace("has_card: false", "has_key: false"))
    report = quicktest(load_story(folder))
    assert len(report.problems) == 1 and "no way on from 'start'" in report.problems[0]
    assert report.never()["passages"] == ["end"]
    assert any("'has_key' never held" in line for line in report.never()["conditions"])
    assert main(["test", "--story", str(folder)]) == 1
    assert "problem: " in capsys.readouterr().out


def test_a_search_cut_short_says_so(story_dir):
    report = quicktest(load_story(story_dir(CARD, header=HEADER)), max_states=2)
    assert not report.complete and report.states == 2
    assert "stopped at the limit" in report.lines()[0]


def test_the_command_passes_on_a_story_with_no_problem(story_dir, capsys):
    assert main(["test", "--story", str(story_dir(CARD, header=HEADER))]) == 0
    assert "choices taken: 4 of 4" in capsys.readouterr().out


@pytest.mark.slow
def test_on_the_shipped_story_it_reaches_every_passage_and_every_ending():
    # The season's last court letters and the endings behind them lie at the end of long runs
    # of particular choices: a search widening from the start alone ran out of pages first.
    from helpers import ROOT

    story = load_story(ROOT / "story")
    report = quicktest(story)
    assert report.never()["passages"] == []
    assert report.endings == {pid for pid, p in story.passages.items() if p.ending is not None}
    assert not report.problems


@pytest.mark.slow
def test_with_a_mod_on_top_it_still_reaches_every_ending_of_the_story_and_the_mod():
    # A fourteen-passage mod once left the search short of the season's rarest endings (key
    # supervision) at any budget a modder would wait for.
    from helpers import ROOT

    story = load_story(ROOT / "story", mods=[ROOT / "tests" / "first_release" / "doudou"])
    report = quicktest(story)
    assert report.endings == {pid for pid, p in story.passages.items() if p.ending is not None}
    assert "end_key_supervision" in report.endings

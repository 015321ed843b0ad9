"""explore says which passages, choices and variants fired, with a seed that reaches each,
and tells a real loop from a life that is merely long."""

from __future__ import annotations

from game.cli import main
from game.engine import Session, load_story
from game.tools.explore import explore, picker_for, play_once

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables: {went: false}
"""

TWO_WAYS = """
passages:
  start:
    text: The light turns amber.
    choices:
      - {text: Brake., goto: office}
      - text: Go.
        do: [{set: {went: true}}]
        goto: office
      - {text: Fly., when: day > 5, goto: office}
  office:
    text: You reach the office.
    variants:
      - {when: went, text: The camera flashed.}
      - {when: day > 5, text: It is late.}
    goto: desk
  desk: {text: Work begins., ending: {title: Morning}}
"""


def test_coverage_names_what_fired_and_a_seed_that_replays_it(story_dir):
    story = load_story(story_dir(TWO_WAYS, header=HEADER))
    coverage = explore(story, runs=30, seed=0, route="full").as_json()["coverage"]
    assert coverage["choices"]["never"] == ["start: choice 3 (Fly.)"]
    assert coverage["variants"]["never"] == ["office: variant 2"]
    assert (coverage["variants"]["shown"], coverage["variants"]["total"]) == (1, 2)
    first = coverage["variants"]["first"]["office: variant 1"]
    # Replaying that seed as play --auto does shows the variant.
    session, how = play_once(story, first["seed"], "full", picker_for(first["seed"]))
    assert how == "ending" and any("The camera flashed." in h.text for h in session.history)
    went = coverage["choices"]["first"]["start: choice 2 (Go.)"]["seed"]
    replay = Session.new(story, seed=went)
    replay.choose(picker_for(went).choice(replay.page.choices).number)
    assert replay.variables["went"] is True


def test_a_life_going_round_with_one_way_on_is_a_loop(story_dir):
    story = load_story(story_dir("""
        passages:
          start:
            text: A corridor.
            choices:
              - {text: Leave., goto: end, when: day > 5}
              - {text: Walk., goto: corridor}
          corridor: {text: The same corridor., goto: start}
          end: {text: Out., ending: {title: Out}}
        """))
    data = explore(story, runs=3, route="full").as_json()
    assert data["loops"] == {"start": 3} and data["too_long"] == {}


def test_a_long_life_that_could_still_end_is_too_long_not_a_loop(story_dir, capsys):
    # Each lap adds to the count, so no state repeats: the life is long, not stuck.
    folder = story_dir("""
        passages:
          start:
            text: Laps.
            do: [{add: {laps: 1}}]
            goto:
              - {when: laps >= 100, to: end}
              - {to: start}
          end: {text: Done., ending: {title: Done}}
        """)
    story = load_story(folder)
    short = explore(story, runs=2, route="full", max_steps=50).as_json()
    assert short["too_long"] == {"start": 2} and short["loops"] == {}
    assert explore(story, runs=2, route="full", max_steps=500).as_json()["endings"] == {"end": 2}
    # Too long is a problem until shown otherwise (a longer --max-steps): the exit says so.
    assert main(["explore", "--story", str(folder), "--runs", "2", "--route", "full", "--max-steps", "50"]) == 1
    assert "too long (no ending after 50 choices): start (2 runs)" in capsys.readouterr().out
    assert main(["explore", "--story", str(folder), "--runs", "2", "--route", "full", "--max-steps", "500"]) == 0

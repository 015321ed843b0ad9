"""A save made with an older build of the story: it resumes wherever the passage it stands at
is still there, whatever else changed around it, and says in a sentence why not otherwise."""

from __future__ import annotations

import json

import pytest

from game.engine import SaveError, Session, load_story
from game.engine.session import CUT_PASSAGE

OLD = """
passages:
  start:
    day: 1
    text: The light turns amber.
    choices:
      - text: Go through.
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
          - set: {hurried: true}
        goto: bus
      - text: Brake.
        goto: bus
  bus:
    text: The blood bus is parked outside the market.
    choices:
      - text: Give blood.
        do:
          - record: {behaviour: gave_blood, source: hospital}
        goto: market
      - text: Walk on.
        goto: market
  market:
    text: The fish stalls are closing.
    goto: home
  home:
    text: Home.
    ending: {title: An evening}
"""

#: The next build: the bus is cut, the market reached another way, the variable gone, and a
#: passage added before the ending.
NEW = """
passages:
  start:
    day: 1
    text: The light turns amber at Chengshan Road.
    choices:
      - text: Go through.
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
        goto: market
      - text: Brake.
        goto: market
  market:
    text: The fish stalls are closing early today.
    goto: stairs
  stairs:
    text: The stairs smell of cabbage.
    goto: home
  home:
    text: Home.
    ending: {title: An evening}
"""

SHORT_HEADER = """
story:
  title: Test
  start: start
  short_start: market
  home: rongcheng
"""


def saved(story, choices: list[int], route: str = "full") -> dict:
    session = Session.new(story, seed=5, route=route)
    for number in choices:
        session.choose(number)
    return json.loads(json.dumps(session.to_json()))


def as_version_1(story, choices: list[int]) -> dict:
    """The same game as an older build of the game saved it: each passage's text as read, and
    events as tables."""
    session = Session.new(story, seed=5)
    for number in choices:
        session.choose(number)
    data = saved(story, choices)
    data["version"] = 1
    del data["chances"]
    data["dice"] = 5                     # an older build kept its generator's state
    data["events"] = [e.to_json() for e in session.events]
    data["history"] = [{"passage": h.passage_id, "text": h.text, "chosen": h.chosen} for h in session.history]
    return data


def test_a_save_at_a_passage_the_new_build_keeps_resumes_with_its_past_written_by_the_new_build(story_dir):
    data = saved(load_story(story_dir(OLD)), [1, 1])            # through the light, gave blood
    assert data["position"] == "market"
    newer = load_story(story_dir(NEW))
    session = Session.from_json(newer, data)
    assert session.page.text == "The fish stalls are closing early today."
    # The save holds which passages were read, not their text: the story writes them again,
    # and a passage it has cut says so.
    assert [h.passage_id for h in session.history] == ["start", "bus", "market"]
    assert session.history[0].text == "The light turns amber at Chengshan Road."
    assert session.history[0].chosen == "Go through."
    assert session.history[1].text == CUT_PASSAGE
    session.choose(1)
    session.choose(1)
    assert session.is_over
    debrief = session.debrief()
    assert [e.behaviour for e in session.events] == ["ran_red_light", "gave_blood"]
    # The ledger scores the past the save brought with it: -5 for the camera, +5 for blood.
    assert [e.behaviour for e in debrief.home.entries] == ["ran_red_light", "gave_blood"]
    assert debrief.home.score == 1000


def test_a_version_1_save_resumes_with_its_past_as_it_was_read(story_dir):
    data = as_version_1(load_story(story_dir(OLD)), [1, 1])
    session = Session.from_json(load_story(story_dir(NEW)), data)
    assert [h.passage_id for h in session.history] == ["start", "bus", "market"]
    assert session.history[0].text == "The light turns amber."
    assert session.history[1].text == "The blood bus is parked outside the market."
    assert [e.behaviour for e in session.events] == ["ran_red_light", "gave_blood"]
    # Saved again, what the story can no longer write is kept as it was read.
    again = Session.from_json(load_story(story_dir(NEW)), json.loads(json.dumps(session.to_json())))
    assert [h.text for h in again.history] == [h.text for h in session.history]


def test_a_save_at_a_passage_the_new_build_cut_says_which(story_dir):
    data = saved(load_story(story_dir(OLD)), [2])
    assert data["position"] == "bus"
    with pytest.raises(SaveError, match="no longer has \\('bus'\\)"):
        Session.from_json(load_story(story_dir(NEW)), data)


def test_a_save_on_a_route_the_new_build_no_longer_has_says_so(story_dir):
    data = saved(load_story(story_dir(OLD, header=SHORT_HEADER)), [], route="short")
    with pytest.raises(SaveError) as refused:
        Session.from_json(load_story(story_dir(OLD)), data)
    assert str(refused.value) == "this save follows the story's short route, which it no longer has"


ROLLING = """
passages:
  start:
    day: 1
    text: The light turns amber.
    choices:
      - text: Go through.
        goto: inspection
      - text: Brake.
        goto: inspection
  inspection:
    text: The heating inspector is on the stairs.
    do:
      - roll: inspector
    goto: home
  home:
    text: Home.
    ending: {title: An evening}
"""

#: A game saved at its first page by the build before chances were drawn by name: the
#: generator's state under "dice", no "chances".
VERSION_2_AT_THE_LIGHT = {
    "format": "keeping-trust-save", "version": 2, "story": "Test", "seed": 2024, "route": "full",
    "position": "start", "day": 1, "city": "rongcheng", "dice": 2024, "variables": {}, "visits": {"start": 1},
    "events": [], "history": [{"passage": "start"}], "path": [], "guesses": {},
}


def test_a_version_2_save_resumes_and_draws_the_chances_still_to_come_by_name(story_dir):
    story = load_story(story_dir(ROLLING))
    resumed = Session.from_json(story, json.loads(json.dumps(VERSION_2_AT_THE_LIGHT)))
    resumed.choose(2)
    fresh = Session.new(story, seed=2024)
    fresh.choose(2)
    assert resumed.variables["inspector"] == fresh.variables["inspector"]
    assert resumed.to_json()["chances"] == {"inspector": 1} and "dice" not in resumed.to_json()

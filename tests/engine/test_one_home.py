"""Each rule the engine keeps is kept in one place: whoever asks, the answer is the same."""

from __future__ import annotations

import itertools

import pytest

from game.engine import load_story
from game.engine.ledger import Event, ledger, standing

EMPTY = """
passages:
  start:
    text: Hello.
    ending: {title: End}
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(EMPTY))


ACTS = [("ran_red_light", "traffic_camera"), ("gave_blood", "hospital"), ("ran_red_light", None),
        ("ran_red_light", "hospital"), ("unpaid_judgment", "court"), ("ignored_court_order", "court"),
        ("helped_stranger", None)]


def test_the_quick_standing_and_the_full_ledger_score_every_life_alike(story):
    for jurisdiction in story.jurisdictions.values():
        for length in range(4):
            for acts in itertools.product(ACTS, repeat=length):
                events = [Event(b, s, 1, "rongcheng" if n % 2 else "nanjing") for n, (b, s) in enumerate(acts)]
                full = ledger(story, events, jurisdiction)
                assert standing(events, jurisdiction) == (full.score, full.grade), acts


VARIABLES = """
passages:
  start:
    text: Hello.
    choices:
      - text: Count.
        do:
          - add: {counted: 1}
          - set: {named: "x", raised: true}
        goto: end
  end:
    text: Bye.
    ending: {title: End}
"""

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables:
    savings: 3000
    city_named: ""
    told: false
"""


def test_a_variable_reads_the_same_before_it_is_set_wherever_it_is_asked(story_dir):
    from game.engine import Session
    from game.engine.conditions import value_kind as kind_of
    from game.engine.story import DEFAULTS
    from game.tools.lint import _Facts

    story = load_story(story_dir(VARIABLES, header=HEADER))
    session = Session.new(story)
    facts = _Facts(story, set(story.passages))
    for name in ("savings", "city_named", "told", "counted", "named", "raised"):
        first = story.first_value(name)
        assert session.variable(name) == first, name
        weighed = facts.values[("variable", name)]       # None: lint gave up counting its values
        assert weighed is None or first in weighed, name
        assert story.variable_kind(name) == kind_of(first), name
    assert story.first_value("never_named") is DEFAULTS["bool"]
    assert [kind_of(v) for v in (True, 3, 2.5, "")] == ["bool", "number", "number", "string"]


OFFERS = """
passages:
  start:
    text: Three doors.
    choices:
      - text: The first.
        when: false_flag
        goto: hall
      - text: The second.
        goto: hall
      - text: The third.
        goto: hall
  hall:
    text: A hall.
    goto: end
  end:
    text: Bye.
    ending: {title: End}
"""

OFFERS_HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables:
    false_flag: false
"""


def test_which_choices_are_offered_is_the_sessions_answer_everywhere(story_dir):
    from game.engine import Session
    from game.tools.coverage import offered_choices, taken_choice

    story = load_story(story_dir(OFFERS, header=OFFERS_HEADER))
    session = Session.new(story)
    assert [c.text for c in session.offered] == ["The second.", "The third."]
    assert session.offered_places() == (1, 2)
    assert offered_choices(session) == [1, 2] and taken_choice(session, 2) == 2
    session.choose(2)
    assert session.history[-2].choice == 2          # the save keeps the passage's own place
    assert session.offered_places() == (-1,)        # a goto's Continue is none of the passage's
    assert offered_choices(session) == [-1] and taken_choice(session, 1) == -1
    session.choose(1)
    assert session.history[-2].choice == 0


def test_a_page_of_the_history_is_the_page_that_was_read(story_dir):
    from game.engine import Session
    from game.terminal import history_lines, page_lines

    story = load_story(story_dir(OFFERS, header=OFFERS_HEADER))
    session = Session.new(story)
    first = session.page
    session.choose(1)
    read = session.page_of(session.history[0])
    assert (read.passage_id, read.text, read.style, read.choices) == (first.passage_id, first.text, first.style, ())
    assert page_lines(read)[0] in history_lines(session)


def test_closed_sets_are_named_and_read_back_as_the_words_they_always_were():
    import json

    from game.engine.problems import Problem, Severity
    from game.engine.story import Route

    assert [str(r) for r in Route] == ["full", "short"] and Route("short") is Route.SHORT
    assert json.dumps({"route": Route.SHORT}) == '{"route": "short"}'
    assert Route.named("sideways", Route.FULL) is Route.FULL
    warned = Problem("a.yaml", 1, 2, "a doubt", "warning")
    assert warned.severity is Severity.WARNING and not warned.is_error
    assert str(warned) == "a.yaml:1:2: warning: a doubt"
    assert Problem("a.yaml", 1, 2, "x") == Problem("a.yaml", 1, 2, "x", "error")
    assert len({Problem("a.yaml", 1, 2, "x"), Problem("a.yaml", 1, 2, "x", "error")}) == 1
    with pytest.raises(ValueError):
        Problem("a.yaml", 1, 2, "x", "grave")


def test_a_session_keeps_its_route_as_the_route_and_saves_it_as_its_word(story_dir):
    from game.engine import Session
    from game.engine.story import Route

    story = load_story(story_dir(EMPTY))
    session = Session.new(story, route="full")
    assert session.route is Route.FULL and session.to_json()["route"] == "full"
    assert Session.from_json(story, session.to_json()).route is Route.FULL
    with pytest.raises(ValueError, match="unknown route"):
        Session.new(story, route="sideways")


def test_what_was_read_before_this_page_leaves_the_page_on_screen_out(story_dir):
    from game.engine import Session

    story = load_story(story_dir(OFFERS, header=OFFERS_HEADER))
    session = Session.new(story)
    assert session.read_before == ()
    session.choose(1)
    assert [e.passage_id for e in session.read_before] == ["start"]
    assert [e.passage_id for e in session.history] == ["start", "hall"]

"""What a save holds of a playthrough: ids, places and the record, never the text read, which
the story writes again on loading exactly as it was read; and every field checked, so a
damaged save is refused with a sentence."""

from __future__ import annotations

import json

import pytest

from game.engine import SaveError, Session, load_story
from game.engine.session import SAVE_VERSION

LONG = "A form longer than any page should be. " * 5_000          # about 200 KB

LIFE = f"""
passages:
  start:
    day: 1
    text: The office smells of toner.
    variants:
      - when: visits(start) > 1
        text: The clerk knows your face by now.
      - when: visits(start) > 2
        replace: true
        text: The clerk sighs before you reach the desk.
    choices:
      - text: Fill in the long form.
        goto: form
      - text: Come back tomorrow.
        goto: start
      - when: visits(start) > 2
        text: Leave for good.
        goto: home
  form:
    text: {LONG}
    goto: start
  home:
    text: Home.
    ending: {{title: Home}}
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(LIFE))


def saved(session: Session) -> dict:
    return json.loads(json.dumps(session.to_json()))


def test_a_long_page_read_again_and_again_adds_ids_to_the_save_not_its_text(story):
    session = Session.new(story, seed=1)
    for _ in range(13):
        session.choose(1)               # to the form, and back to the start
    data = saved(session)
    assert data["version"] == SAVE_VERSION
    assert sum(h.passage_id == "form" for h in session.history) == 7
    assert len(json.dumps(data)) < 4_000 < len(LONG)


def test_the_history_comes_back_as_it_was_read_variants_and_choices_included(story):
    session = Session.new(story, seed=1)
    for number in (2, 2, 1, 1, 3):
        session.choose(number)
    restored = Session.from_json(story, saved(session))
    assert restored.history == session.history
    texts = [h.text for h in restored.history]
    assert texts[0] == "The office smells of toner."
    assert texts[1] == "The office smells of toner.\n\nThe clerk knows your face by now."
    assert texts[2] == "The clerk sighs before you reach the desk."
    assert [h.chosen for h in restored.history] == [
        "Come back tomorrow.", "Come back tomorrow.", "Fill in the long form.", "Continue", "Leave for good.", None]
    assert restored.to_json() == session.to_json()


@pytest.mark.slow
def test_a_life_of_30000_counted_acts_saves_and_comes_back(story):
    session = Session.new(story, seed=1)
    for n in range(30_000):
        session.record("gave_blood", "hospital" if n % 2 else None)
    text = json.dumps(session.to_json(), separators=(",", ":"))
    assert len(text) < 2 * 1024 * 1024
    assert Session.from_json(story, json.loads(text)).events == session.events


def good(story) -> dict:
    session = Session.new(story, seed=1)
    session.choose(2)
    return saved(session)


@pytest.mark.parametrize("chances, words", [
    ({"camera": 2**64}, "a chance's count"), ({"camera": -1}, "a chance's count"), ({"camera": True}, "a chance's count"),
    ([3], "the chances"), ({"cam\x00era": 1}, "a chance's name"),
])
def test_a_damaged_count_of_chances_is_refused_with_a_sentence(story, chances, words):
    data = good(story)
    data["chances"] = chances
    with pytest.raises(SaveError, match=words):
        Session.from_json(story, data)


def version_1(story) -> dict:
    data = good(story)
    data["version"] = 1
    del data["chances"]
    data["dice"] = 0x9E3779B97F4A7C15        # an older build kept its generator's state
    data["history"] = [{"passage": "start", "text": "The office smells of toner.", "chosen": "Come back tomorrow."},
                       {"passage": "start", "text": "The office smells of toner.", "chosen": None}]
    return data


@pytest.mark.parametrize("mangle, words", [
    (lambda d: d["history"][0].update(text="The office\x00smells."), "control character"),
    (lambda d: d["history"][0].update(text="\x1b]52;c;aGk=\x07"), "control character"),
    (lambda d: d["history"][0].update(chosen="Come\x00back."), "control character"),
    (lambda d: d["history"][0].update(text=["not", "text"]), "not text"),
    (lambda d: d["history"].append("start"), "not a table"),
    (lambda d: d.update(day=10**30), "the day"),
    (lambda d: d.update(seed=-10**30), "the seed"),
    (lambda d: d.update(dice=2**64), "the dice"),
    (lambda d: d.update(day=True), "the day"),
    (lambda d: d.update(city="Rong\x00cheng"), "the city"),
    (lambda d: d.update(route="sideways"), "route"),
    (lambda d: d.update(visits={"start": -1}), "visit count"),
    (lambda d: d.update(visits=[1, 2]), "the visits"),
    (lambda d: d.update(variables={"x": 10**40}), "the variable x"),
    (lambda d: d.update(variables={"x\x00": 1}), "variable's name"),
    (lambda d: d.update(events=[{"behaviour": "gave_blood", "source": None, "day": 10**40, "city": "rc"}]),
     "event's day"),
    (lambda d: d.update(events="many"), "the events"),
    (lambda d: d.update(path=[0]), "a choice"),
    (lambda d: d.update(history=[{"passage": "start", "variants": [-1]}]), "variant's place"),
    (lambda d: d.update(history=[{"passage": "start", "variants": list(range(20_000))}]), "too many"),
    (lambda d: d.update(history=[{"passage": "start", "choice": "first"}]), "choice"),
    (lambda d: d.update(story="Other\x00" * 100), "another story"),
])
def test_a_damaged_field_is_refused_with_a_sentence(story, mangle, words):
    data = version_1(story)
    mangle(data)
    with pytest.raises(SaveError, match=words) as refused:
        Session.from_json(story, data)
    assert "\x00" not in str(refused.value)


def test_a_passage_or_a_place_the_story_does_not_have_is_passed_over_not_raised(story):
    data = good(story)
    data["history"] = [{"passage": "cut", "variants": [5], "choice": 9},
                       {"passage": "start", "variants": [0, 1, 99], "choice": 99}]
    restored = Session.from_json(story, data)
    assert restored.history[0].text == "(This passage is no longer in the story.)"
    assert restored.history[1].text == "The clerk sighs before you reach the desk."
    assert restored.history[1].chosen is None

"""The guess before the reveal: asked only at an ending, one option each, kept in the session
and its saves like a choice, and answered from the life's own record — never from words
written for an ending."""

from __future__ import annotations

import re

import pytest

from helpers import random_life
from game.engine import SaveError, Session
from game.engine.guesses import GUESSES, UNSURE, answer, number_word


def test_nothing_is_asked_while_the_story_goes_on(shipped_story):
    session = Session.new(shipped_story, 1, "short")
    assert session.guessing is None
    with pytest.raises(RuntimeError):
        session.guess("counting", "yes")


def test_at_the_ending_each_question_is_asked_in_turn_until_all_are_answered(shipped_story):
    session = random_life(shipped_story, 1, "short")
    asked = []
    while (question := session.guessing) is not None:
        asked.append(question.id)
        assert question.options[-1].id == UNSURE           # every question lets the player not know
        session.guess(question.id, question.options[0].id)
    assert asked == [g.id for g in GUESSES]


def test_an_answer_the_question_does_not_offer_is_refused(shipped_story):
    session = random_life(shipped_story, 1, "short")
    with pytest.raises(ValueError):
        session.guess("counting", "higher")
    with pytest.raises(ValueError):
        session.guess("who_is_watching", "yes")
    assert session.guesses == {}


@pytest.mark.parametrize("route", ["short", "full"])
def test_each_answer_is_checked_against_the_log(shipped_story, route):
    """What is true is read from the events: how many acts the home city counted, how many
    different sources wrote the player's acts down, and where the score ended."""
    for seed in range(40):
        session = random_life(shipped_story, seed, route)
        home = shipped_story.jurisdictions[shipped_story.home]
        mine = [e for e in session.events if e.subject == "you"]
        counted = [e for e in mine if e.source in getattr(home.rules.get(e.behaviour), "sources", ())
                   and e.city in home.cities]
        # A reporter is a source in a city: the blood room in Nanjing is another office.
        sources = {(e.source, e.city) for e in mine if e.source}
        debrief = session.debrief()
        truth = {"counting": "yes",
                 "reporters": "none" if not sources else "few" if len(sources) <= 2 else "many",
                 "standing": "higher" if debrief.home.score > 1000 else "lower" if debrief.home.score < 1000 else "same"}
        for guess in GUESSES:
            for option in guess.options:
                said = answer({guess.id: option.id}, debrief.home, debrief.events)
                assert len(said) == 1
                expected = None if option.id == UNSURE else option.id == truth[guess.id]
                assert said[0].right is expected, (seed, guess.id, option.id)
        counting = answer({"counting": "no"}, debrief.home, debrief.events)[0].said
        if counted:
            n = len(counted)
            assert ("one of your acts" if n == 1 else f"{number_word(n)} of your acts") + " went into" in counting
        else:
            assert counting.endswith("though nothing you did reached it.")
        reporters = answer({"reporters": "none"}, debrief.home, debrief.events)[0].said
        assert reporters.startswith("You thought nobody reported what you did.")
        if not sources:
            assert reporters.endswith("Nobody did.")
        else:
            assert f" {number_word(len(sources)).capitalize()} did" in reporters


def test_the_answer_names_the_numbers_from_the_record(shipped_story):
    session = random_life(shipped_story, 3, "short")
    session.guess("counting", "no")
    session.guess("reporters", "none")
    session.guess("standing", UNSURE)
    debrief = session.debrief()
    said = {a.guess.id: a.said for a in debrief.guesses}
    counted = len(debrief.home.entries)
    from game.engine.guesses import number_word, reporters

    assert said["counting"].startswith("You thought nothing was keeping count. Something was:")
    assert f"{number_word(counted)} of your acts" in said["counting"] or counted == 1
    assert f"{number_word(len(reporters(debrief.events))).capitalize()} did" in said["reporters"]
    diff = debrief.home.score - 1000
    assert said["standing"].endswith(f"You ended {abs(diff)} points {'up' if diff > 0 else 'down'}, on {debrief.home.score:,}."
                                     if diff else "You ended where you began, on 1,000.")


def test_the_guesses_are_saved_and_resumed_like_choices(shipped_story):
    session = random_life(shipped_story, 5, "short")
    session.guess("counting", "yes")
    data = session.to_json()
    resumed = Session.from_json(shipped_story, data)
    assert resumed.guesses == {"counting": "yes"}
    assert resumed.guessing is not None and resumed.guessing.id == "reporters"   # asked on from where it stopped


def test_a_save_whose_guesses_are_not_the_games_options_is_refused_as_damaged(shipped_story):
    data = random_life(shipped_story, 5, "short").to_json()
    data["guesses"] = {"counting": "<script>"}
    with pytest.raises(SaveError, match="damaged"):
        Session.from_json(shipped_story, data)


def test_a_save_from_before_the_guesses_loads_with_none_made(shipped_story):
    data = random_life(shipped_story, 5, "short").to_json()
    del data["guesses"]
    assert Session.from_json(shipped_story, data).guesses == {}


def test_what_the_record_says_of_the_standing_reads_true_whatever_was_guessed(shipped_story):
    for seed in range(30):
        session = random_life(shipped_story, seed, "short")
        debrief = session.debrief()
        diff = debrief.home.score - debrief.home.start
        for option in GUESSES[2].options:
            said = answer({"standing": option.id}, debrief.home, debrief.events)[0].said
            fact = said.split(". ", 1)[1]
            if diff == 0:
                assert fact == f"You ended where you began, on {debrief.home.score:,}."
            else:
                assert fact == f"You ended {abs(diff)} points {'up' if diff > 0 else 'down'}, on {debrief.home.score:,}."


def test_the_reporters_answer_says_how_many_of_them_the_home_city_counts(shipped_story):
    # Every reporter is named in the count; those whose records the city does not count are
    # said to be so, so the number squares with the list of what counted.
    for seed in range(40):
        session = random_life(shipped_story, seed, "full")
        debrief = session.debrief()
        said = answer({"reporters": "many"}, debrief.home, debrief.events)[0].said
        heard = {(e.source_label, e.city) for e in debrief.home.entries}
        names = {(e.source_label, e.city) for e in debrief.events if e.subject == "you" and e.source_label}
        if names and len(heard) < len(names):
            assert re.search(r"of them counts? in Rongcheng", said), (seed, said)
        else:
            assert not re.search(r"counts? in Rongcheng", said), (seed, said)

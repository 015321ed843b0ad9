"""What the other option would have changed: for each choice the player took, the option
beside it whose own records differ, scored by the ledger in place of the chosen one's — the
same as playing the life again with that option's effects, and the rest left as it was."""

from __future__ import annotations

import pytest

from helpers import random_life
from game.engine import Session
from game.engine import ledger as ledgers
from game.engine.hindsight import turns
from game.engine.story import Record


def replayed_with(story, life: Session, step: int, other: int) -> tuple[int, str]:
    """Play ``life`` again, choice by choice; at ``step``, take note of the records the
    player's choice made and of those the option numbered ``other`` makes when its effects
    are applied in the same place, then go on as the player did.  The final standing of the
    life with the one set of records put in place of the other, scored by the ledger."""
    replay = Session.new(story, life.seed, life.route)
    for n, number in enumerate(life.path):
        if n != step:
            replay.choose(number)
            continue
        chosen, instead = replay.offered[number - 1], replay.offered[other - 1]
        before = len(replay.events)
        replay._apply(tuple(e for e in instead.effects if isinstance(e, Record)))
        theirs = replay.events[before:]
        del replay.events[before:]
        replay.choose(number)
        # A choice's own records come first, before the passage it leads to records its own.
        mine = replay.events[before:before + sum(isinstance(e, Record) for e in chosen.effects)]
        after = before + len(mine)
    assert replay.events == life.events                    # the replay is the life
    changed = life.events[:before] + theirs + life.events[after:]
    return ledgers.standing(changed, story.jurisdictions[story.home])


def puts_off(story, option, mine: list, records) -> bool:
    """An option with no records of its own that leads to a page offering the chosen
    option's records again only defers the choice; it is no counterfactual."""
    if records(option) or not mine:
        return False
    return any(records(choice) == mine for branch in option.goto
               for choice in story.passages[branch.to].choices)


def every_difference(story, life: Session) -> dict[tuple[str, int], int]:
    """For each choice of the life, the largest change in points any other option offered
    there would have made, found by replaying the life once for every option."""
    final, grade = ledgers.standing(life.events, story.jurisdictions[story.home])
    replay = Session.new(story, life.seed, life.route)
    found: dict[tuple[str, int], int] = {}
    for step, number in enumerate(life.path):
        offered = replay.offered
        where = (replay.position, replay.day)
        records = lambda choice: sorted((e.behaviour, str(e.source), e.subject) for e in choice.effects
                                        if isinstance(e, Record))
        for other in range(1, len(offered) + 1):
            if other == number or records(offered[other - 1]) == records(offered[number - 1]):
                continue
            if puts_off(story, offered[other - 1], records(offered[number - 1]), records):
                continue
            score, their_grade = replayed_with(story, life, step, other)
            if score != final or their_grade != grade:
                if where not in found or abs(score - final) > abs(found[where]):
                    found[where] = score - final
        replay.choose(number)
    return found


@pytest.mark.parametrize("route", ["short", "full"])
def test_each_counterfactual_equals_a_replay_of_the_life_with_the_other_options_effects(shipped_story, route):
    for seed in range(12 if route == "short" else 4):
        life = random_life(shipped_story, seed, route)
        found = turns(life)
        final, grade = ledgers.standing(life.events, shipped_story.jurisdictions[shipped_story.home])
        for turn in found:
            assert turn.score - final == turn.points
            assert turn.was_grade == grade
        # Every choice whose other option changes the standing is there, with the largest change.
        assert {(t.passage, t.day): t.points for t in found} == every_difference(shipped_story, life)


def test_what_would_have_raised_the_score_comes_first_and_the_largest_change_first_within(shipped_story):
    # A player a few points short of the next grade asks first what would have lifted them.
    for seed in range(20):
        points = [t.points for t in turns(random_life(shipped_story, seed, "short"))]
        gains, losses = [p for p in points if p > 0], [p for p in points if p <= 0]
        assert points == gains + losses
        assert gains == sorted(gains, reverse=True)
        assert [abs(p) for p in losses] == sorted((abs(p) for p in losses), reverse=True)


def test_the_other_options_grade_is_the_one_its_score_earns(shipped_story):
    home = shipped_story.jurisdictions[shipped_story.home]
    for seed in range(20):
        for turn in turns(random_life(shipped_story, seed, "short")):
            assert turn.grade == ledgers._grade(home, turn.score, None) or turn.grade == "D"


def test_a_life_begun_part_way_claims_no_counterfactual(shipped_story):
    """A life started at a passage for testing cannot be played again from its seed: rather
    than guess, the debrief weighs no choice."""
    life = Session.new(shipped_story, 1, "short")
    life.choose(1)
    life.record("ran_red_light", "traffic_camera")         # not a choice: the replay will not match
    while not life.is_over:
        life.choose(1)
    assert turns(life) == []


RING_DAWEI = "Ring Dawei before you do anything."
#: The guarantor's letter's options that record an act of their own: beside either, ringing
#: Dawei first records nothing and leads to the same drawer.
RECORDED_AT_THE_LETTER = ("Put the letter in the drawer.", "Ring the bank and refuse to pay a debt that isn't yours.")


def ringing_first_is_never_weighed(story, seeds: range) -> int:
    """Play a full life for each seed and check that no turn offers ringing Dawei as what
    would have changed; returns how many of the lives took a recorded option at the letter,
    where the check has something to refuse."""
    weighed = 0
    for seed in seeds:
        life = random_life(story, seed, "full")
        for turn in turns(life):
            assert turn.other != RING_DAWEI, (seed, turn)
        weighed += any(h.passage_id == "oct_guarantor_letter" and h.chosen in RECORDED_AT_THE_LETTER
                       for h in life.history)
    return weighed


def test_an_option_that_only_puts_the_choice_off_is_not_offered_as_what_would_have_changed(shipped_story):
    """Ringing Dawei first leads back to the same drawer: its empty record would credit it
    with an arrears it never avoided."""
    assert ringing_first_is_never_weighed(shipped_story, range(40)) >= 3


@pytest.mark.slow
def test_no_life_of_four_hundred_is_told_ringing_dawei_first_would_have_changed_it(shipped_story):
    assert ringing_first_is_never_weighed(shipped_story, range(400)) >= 30

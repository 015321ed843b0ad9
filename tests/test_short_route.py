"""The short route, lived many times: every choice answered before the next, the system
pushing back at least twice on every path, and a debrief that claims only the life lived."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Callable

import pytest

from helpers import ROOT
from game.engine import Session, load_story
from game.tools.explore import picker_for, reacts_to_the_record, words_read

LIVES = 300
SHORT_FILE = "05_short.yaml"


@dataclass
class Life:
    seed: int
    session: Session
    reactions: int = 0
    # (passage, [the page that followed each offered choice]) at every page with a real choice
    answers: list[tuple[str, list[str]]] = field(default_factory=list)


def follow(session: Session, number: int) -> str:
    """The page a choice leads to, taken on a copy so the life itself goes on untouched."""
    fork = Session.from_json(session.story, session.to_json())
    fork.choose(number)
    return fork.page.text


def live(story, seed: int) -> Life:
    session = Session.new(story, seed=seed, route="short")
    life = Life(seed, session)
    picker = picker_for(seed)
    while True:
        life.reactions += reacts_to_the_record(session)
        if session.is_over:
            return life
        choices = session.page.choices
        if len(choices) > 1:
            life.answers.append((session.position, [follow(session, c.number) for c in choices]))
        session.choose(picker.choice(choices).number)


@pytest.fixture(scope="module")
def story():
    return load_story(ROOT / "story")


@pytest.fixture(scope="module")
def lives(story):
    return [live(story, seed) for seed in range(LIVES)]


def short_endings(story):
    return [p for p in story.passages.values() if p.ending is not None and str(p.where.path).endswith(SHORT_FILE)]


# -- what happens in play ---------------------------------------------------------------------

def test_every_short_life_reaches_one_of_the_routes_own_endings(story, lives):
    endings = {p.id for p in short_endings(story)}
    assert {life.session.position for life in lives} <= endings
    assert len({life.session.position for life in lives}) >= 3


def test_every_choice_is_answered_on_the_page_it_leads_to(lives):
    # Whatever is chosen, the next page says so: no two options of a page lead to the same text.
    unanswered = {(passage, life.seed) for life in lives for passage, pages in life.answers
                  if len(set(pages)) < len(pages)}
    assert not unanswered


def test_the_world_reacts_to_the_record_at_least_twice_on_every_path(lives):
    quiet = [(life.seed, life.reactions) for life in lives if life.reactions < 2]
    assert not quiet


def test_a_short_life_reads_in_eight_to_twelve_minutes(lives):
    read = [words_read(life.session) for life in lives]
    assert 1_500 <= statistics.median(read) <= 2_400
    assert 1_200 <= min(read) and max(read) <= 2_800


# -- the debrief claims only what the log holds -------------------------------------------------

def recorded(behaviour: str, city: str | None = None) -> Callable[[Session], bool]:
    return lambda s: any(e.behaviour == behaviour and e.source and (city is None or e.city == city)
                         for e in s.events)


def did(behaviour: str) -> Callable[[Session], bool]:
    return lambda s: s.ask("did", behaviour) > 0


def unseen(behaviour: str) -> Callable[[Session], bool]:
    return lambda s: s.ask("did", behaviour) > 0 and s.ask("observed", behaviour) == 0


def grade(*grades: str) -> Callable[[Session], bool]:
    return lambda s: s.builtin("grade") in grades


@dataclass(frozen=True)
class Claim:
    """A phrase of a debrief that says the player did something, the names a `when` guarding
    it must test (one of them), and what the log must hold for it to be true."""

    phrase: str
    guards: tuple[str, ...]
    holds: Callable[[Session], bool]


CLAIMS = [
    Claim(r"camera at Binhai Road was working", ("ran_red_light",), recorded("ran_red_light")),
    Claim(r"went through the amber", ("ran_red_light",), unseen("ran_red_light")),
    Claim(r"blood you gave on the company bus", ("short_bus_blood",), recorded("gave_blood", "rongcheng")),
    Claim(r"marrow register", ("joined_marrow_registry",), recorded("joined_marrow_registry")),
    Claim(r"red box", ("donated_to_charity",), did("donated_to_charity")),
    Claim(r"volunteering she wrote down", ("volunteered",), recorded("volunteered")),
    Claim(r"old man", ("helped_stranger",), did("helped_stranger")),
    Claim(r"because you told Mrs\. Song", ("cared_for_family",), recorded("cared_for_family")),
    Claim(r"only that you had been visiting", ("cared_for_family",), unseen("cared_for_family")),
    Claim(r"mother's side", ("cared_for_family",), did("cared_for_family")),
    Claim(r"inspector", ("illegal_heating_hookup",), recorded("illegal_heating_hookup")),
    Claim(r"clipboard walked on", ("illegal_heating_hookup",), unseen("illegal_heating_hookup")),
    Claim(r"after the date on the bill", ("late_utility_fee",), recorded("late_utility_fee")),
    Claim(r"gave in Nanjing|Your blood counted in one city", ("short_platelets",), recorded("gave_blood", "nanjing")),
    Claim(r"said no to your cousin|refusing to help your cousin|Dawei's face",
          ("short_signed",), lambda s: s.variable("short_signed") is False),
    Claim(r"signed for your cousin", ("short_signed",), lambda s: s.variable("short_signed") is True),
    Claim(r"bank's suit|the lawsuit", ("lost_breach_suit",), recorded("lost_breach_suit")),
    Claim(r"unpaid 30 more|went unpaid|were on the list from", ("unpaid_judgment",), recorded("unpaid_judgment")),
    Claim(r"never went on the list", ("unpaid_judgment",), lambda s: s.ask("did", "unpaid_judgment") == 0),
    Claim(r"station's refusal", ("short_refused",),
          lambda s: s.ask("seen", "short_refused") or s.ask("seen", "short_refused_window")),
    Claim(r"top grade, AAA\. That was", ("grade",), grade("AAA")),
    Claim(r"grade AA\b", ("grade",), grade("AA")),
    Claim(r"grade A,", ("grade",), grade("A")),
    Claim(r"grade B\b|Ms\. Qu's screen remembered", ("grade",), grade("B", "C", "D")),
]


def claims_in(text: str) -> list[Claim]:
    return [claim for claim in CLAIMS if re.search(claim.phrase, text)]


def test_every_act_a_debrief_names_is_in_the_log_of_the_life_that_reads_it(lives):
    false = []
    for life in lives:
        debrief = life.session.debrief()
        for text in (debrief.ending_text, *debrief.questions):
            false += [(life.seed, claim.phrase) for claim in claims_in(text) if not claim.holds(life.session)]
    assert not false


def test_an_ending_names_an_act_only_where_its_condition_tests_that_act(story):
    # The writing rule behind the test above: the base text of a debrief, and a question
    # asked of every life, claim nothing; a variant or question that names an act is guarded
    # by a condition on it.
    unguarded = []
    for passage in short_endings(story):
        ending = passage.ending
        texts = [(ending.debrief, None)] + [(v.text, v.when) for v in ending.debrief_variants]
        texts += [(q.text, q.when) for q in ending.questions]
        for text, when in texts:
            for claim in claims_in(text):
                if when is None or not any(name in when.source for name in claim.guards):
                    unguarded.append((passage.id, claim.phrase))
    assert not unguarded


def test_the_claims_table_knows_the_acts_the_route_records(story):
    # A new act in the route needs its phrase in CLAIMS, or the debrief could name it unchecked.
    acts = {effect.behaviour for p in story.passages.values() if str(p.where.path).endswith(SHORT_FILE)
            for effects in (p.effects, *[c.effects for c in p.choices]) for effect in effects
            if hasattr(effect, "behaviour")}
    guarded = {name for claim in CLAIMS for name in claim.guards}
    # Paying on time and paying the court are the ending's own conditions, never claimed apart.
    assert acts - guarded <= {"paid_bills_on_time", "paid_judgment", "gave_blood"}

"""The short route, lived many times: ten minutes to the debrief, every choice answered before
the next, the system acting on every life before its middle, lives that end apart and read
apart, and a debrief that claims only the life lived, dated as it was lived."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Callable

import pytest

from helpers import leaks_in
from game.engine import Session
from game.tools.explore import explore, picker_for, reacts_to_the_record, replay_overlap, words_read
from game.tools.stats import words

# Every test here plays hundreds or thousands of lives.
pytestmark = pytest.mark.slow

LIVES = 300
SHORT_FILE = "05_short.yaml"

# Ten minutes, all in: about 200 words a minute leaves room for the debrief's first screen.
MEDIAN_WORDS = 1_400
MAX_WORDS = 1_650
SINGLE_OPTION_SHARE = 0.25   # every "Continue" counts
REPLAY_OVERLAP = 0.40        # paragraphs two opposite lives share word for word


@dataclass
class Life:
    seed: int
    session: Session
    reactions: int = 0
    # (passage, [the page that followed each offered choice]) at every page with a real choice
    answers: list[tuple[str, list[str]]] = field(default_factory=list)
    # (words read before the page, the page's text, whether the hidden record shaped it)
    pages: list[tuple[int, str, bool]] = field(default_factory=list)
    # what would tell the player their standing, page by page, before the debrief
    leaks: list[tuple[str, list[str]]] = field(default_factory=list)
    # (passage, the day it was shown on, its text) for every page, the ending's too
    shown: list[tuple[str, int, str]] = field(default_factory=list)


def follow(session: Session, number: int) -> str:
    """The page a choice leads to, taken on a copy so the life itself goes on untouched."""
    fork = Session.from_json(session.story, session.to_json())
    fork.choose(number)
    return fork.page.text


def live(story, seed: int) -> Life:
    from game.engine.ledger import standing

    session = Session.new(story, seed=seed, route="short")
    life = Life(seed, session)
    picker = picker_for(seed)
    home = story.jurisdictions[story.home]
    read = 0
    while True:
        reacts = reacts_to_the_record(session)
        life.reactions += reacts
        life.pages.append((read, session.page.text, reacts))
        life.shown.append((session.position, session.page.day, session.page.text))
        life.leaks.append((session.position, leaks_in(session.page, standing(session.events, home)[0], home.start)))
        read += words(session.page.text)
        if session.is_over:
            return life
        choices = session.page.choices
        if len(choices) > 1:
            life.answers.append((session.position, [follow(session, c.number) for c in choices]))
        session.choose(picker.choice(choices).number)


@pytest.fixture(scope="module")
def lives(shipped_story):
    return [live(shipped_story, seed) for seed in range(LIVES)]


def short_endings(story):
    return [p for p in story.passages.values() if p.ending is not None and str(p.where.path).endswith(SHORT_FILE)]


# -- what happens in play ---------------------------------------------------------------------

def test_every_short_life_reaches_one_of_the_routes_own_endings(shipped_story, lives):
    endings = {p.id for p in short_endings(shipped_story)}
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


@pytest.fixture(scope="module")
def exploration(shipped_story):
    # A thousand blind lives, as `python main.py explore --runs 1000 --route short` plays them.
    return explore(shipped_story, runs=1000, seed=0, route="short")


def test_a_short_life_reads_in_ten_minutes(exploration, lives):
    reading = exploration.as_json()["reading"]["short"]
    assert reading["lives"] == 1000
    assert 1_150 <= reading["words"]["median"] <= MEDIAN_WORDS
    assert 1_000 <= reading["words"]["min"] and reading["words"]["max"] <= MAX_WORDS
    read = [words_read(life.session) for life in lives]
    assert statistics.median(read) <= MEDIAN_WORDS and max(read) <= MAX_WORDS


def test_three_pages_in_four_or_more_offer_a_real_choice(exploration):
    # Say less, not less happens: an answer shares its page with the next question, and a
    # "Continue" stands alone only where time passes.
    assert exploration.as_json()["reading"]["short"]["single_option_share"] <= SINGLE_OPTION_SHARE


def test_nothing_on_screen_tells_the_score_or_the_grade(lives):
    told = [(life.seed, page, found) for life in lives for page, found in life.leaks if found]
    assert not told


# What the system does to a life, in the world: a name read out or posted, a fine, a rate, a
# refusal, a committee at the door, a discount nobody explains. Never a number or a grade.
BITES = re.compile(
    r"read out the names|a fine of 200 yuan|lower rate|higher rate|THANKS TO OUR VOLUNTEERS"
    r"|CANNOT BE COMPLETED|I can't sell you|down for the board|came asking about this landing"
    r"|Saw your face|Preferential adjustment|shorter queue|friendly talk|not the one on the poster"
    r"|will not let her offer")


def test_the_system_acts_on_every_life_before_its_middle_and_again_later(lives):
    # A bite is a page the hidden record shaped that shows the system doing something.
    early, seldom = [], []
    for life in lives:
        total = sum(words(text) for _, text, _ in life.pages)
        bites = [read for read, text, reacts in life.pages if reacts and BITES.search(text)]
        if not any(read < total / 2 for read in bites):
            early.append(life.seed)
        if len(bites) < 2:
            seldom.append(life.seed)
    assert not early and not seldom


def test_short_lives_end_in_at_least_three_grades_each_a_tenth_of_them(exploration):
    grades = exploration.grades
    lived = sum(grades.values())
    common = [grade for grade, count in grades.items() if count >= lived / 10]
    assert len(common) >= 3, dict(grades)


def test_two_opposite_lives_share_few_paragraphs(shipped_story):
    # The first-choice life and the last-choice life read the same pages of the spine; each
    # page opens with what the world did about what this visitor did.
    shares = replay_overlap(shipped_story, pairs=30, seed=0, route="short")
    assert statistics.median(shares) <= REPLAY_OVERLAP


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


def saturday(how: str) -> Callable[[Session], bool]:
    return lambda s: s.variable("short_saturday") == how


def cared_where(passage: str) -> Callable[[Session], bool]:
    return lambda s: recorded("cared_for_family")(s) and bool(s.ask("seen", passage))


CLAIMS = [
    Claim(r"Going through the red", ("ran_red_light",), recorded("ran_red_light")),
    Claim(r"saw nothing the morning you went through", ("ran_red_light",), unseen("ran_red_light")),
    Claim(r"blood you gave on the bus in the company yard", ("short_bus_blood",), recorded("gave_blood", "rongcheng")),
    Claim(r"marrow register", ("joined_marrow_registry",), recorded("joined_marrow_registry")),
    Claim(r"red box", ("donated_to_charity",), did("donated_to_charity")),
    Claim(r"volunteering she wrote down", ("volunteered",), recorded("volunteered")),
    Claim(r"old man", ("helped_stranger",), did("helped_stranger")),
    # Driven to the hospital, or only to the taxi rank: the debrief says which.
    Claim(r"Driving the old man", ("short_saturday",), saturday("drove")),
    Claim(r"in a taxi", ("short_saturday",), saturday("fare")),
    Claim(r"because you told Mrs\. Song", ("short_village",), cared_where("short_village")),
    Claim(r"in your own flat|saw her on the stairs", ("short_flat",), cared_where("short_flat")),
    Claim(r"only that you had been visiting", ("cared_for_family",), unseen("cared_for_family")),
    Claim(r"mother's side", ("cared_for_family",), did("cared_for_family")),
    Claim(r"inspector", ("illegal_heating_hookup",), recorded("illegal_heating_hookup")),
    Claim(r"clipboard walked on", ("illegal_heating_hookup",), unseen("illegal_heating_hookup")),
    Claim(r"after the date on the bill", ("late_utility_fee",), recorded("late_utility_fee")),
    Claim(r"gave in Nanjing|Your blood counted in one city", ("short_platelets",), recorded("gave_blood", "nanjing")),
    Claim(r"platelets", ("short_bus_blood",), lambda s: bool(s.variable("short_bus_blood"))),
    Claim(r"said no to your cousin|saying no to your cousin|the list that Dawei is on",
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
    Claim(r"grade A or better", ("grade",), grade("A", "AA", "AAA")),
    Claim(r"grade B\b|Ms\. Qu's screen remembered", ("grade",), grade("B", "C", "D")),
    Claim(r"grade C\b", ("grade",), grade("C")),
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


def test_an_ending_names_an_act_only_where_its_condition_tests_that_act(shipped_story):
    # The writing rule behind the test above: the base text of a debrief, and a question
    # asked of every life, claim nothing; a variant or question that names an act is guarded
    # by a condition on it.
    unguarded = []
    for passage in short_endings(shipped_story):
        ending = passage.ending
        texts = [(ending.debrief, None)] + [(v.text, v.when) for v in ending.debrief_variants]
        texts += [(q.text, q.when) for q in ending.questions]
        for text, when in texts:
            for claim in claims_in(text):
                if when is None or not any(name in when.source for name in claim.guards):
                    unguarded.append((passage.id, claim.phrase))
    assert not unguarded


def test_the_claims_table_knows_the_acts_the_route_records(shipped_story):
    # A new act in the route needs its phrase in CLAIMS, or the debrief could name it unchecked.
    acts = {effect.behaviour for p in shipped_story.passages.values() if str(p.where.path).endswith(SHORT_FILE)
            for effects in (p.effects, *[c.effects for c in p.choices]) for effect in effects
            if hasattr(effect, "behaviour")}
    guarded = {name for claim in CLAIMS for name in claim.guards}
    # Paying on time and paying the court are the ending's own conditions, never claimed apart.
    assert acts - guarded <= {"paid_bills_on_time", "paid_judgment", "gave_blood"}


# -- the record is dated as the life was lived ---------------------------------------------------

# Day 1 is Monday 1 September (docs/story-bible.md).
MONTHS = (("September", 1), ("October", 31), ("November", 62), ("December", 92),
          ("January", 123), ("February", 154))


def date_of(day: int) -> str:
    """A day as the story names it: "the 18th of November"."""
    month, first = [(m, f) for m, f in MONTHS if f <= day][-1]
    n = day - first + 1
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"the {n}{suffix} of {month}"


def test_every_act_is_dated_a_day_the_life_shows_or_names(lives):
    # The ledger's day of an act is the day of the page where it happened; an act the world
    # writes down later (the list when the fifteen days run out, a bill paid in February) is
    # dated on the day a page of the life names.
    wrong = set()
    for life in lives:
        shown = {day for _, day, _ in life.shown}
        told = " ".join(text for _, _, text in life.shown)
        for event in life.session.events:
            if event.day not in shown and date_of(event.day) not in told:
                wrong.add((life.seed, event.behaviour, event.day))
    assert not wrong, sorted(wrong)[:10]


def test_care_is_dated_after_the_operation_and_nanjing_blood_on_jings_birthday(shipped_story, lives):
    operation = 32   # "the valve on the second" of October
    birthday = shipped_story.passages["short_station"].day + 1   # "Jing's birthday is tomorrow"
    for life in lives:
        for event in life.session.events:
            if event.behaviour == "cared_for_family":
                assert event.day > operation, life.seed
            if event.behaviour == "gave_blood" and event.city == "nanjing":
                assert event.day == birthday, life.seed


MONTH_TOLD = re.compile(r"\bIn (?:late |early )?(" + "|".join(m for m, _ in MONTHS) + r")\b")


def test_a_page_tells_no_month_that_has_not_come(lives):
    # "In January… In February" is told on a page shown in February, not at Christmas.
    starts = dict(MONTHS)
    early = {(passage, day, m.group(1)) for life in lives for passage, day, text in life.shown
             for m in MONTH_TOLD.finditer(text) if day < starts[m.group(1)]}
    assert not early


def test_nobody_chases_dawei_before_his_first_instalment_falls_due(lives):
    due = 40   # the 10th of October, a month after the guarantee is signed
    chased = {(passage, day) for life in lives for passage, day, text in life.shown
              if day < due and re.search(r"bank\b[^.]*\b(ringing|after|chasing)\b|shutter", text)}
    assert not chased


def test_the_debrief_calls_the_light_what_the_ledger_calls_it(lives):
    # The ledger says "Drove through a red light"; the debrief never calls it amber.
    assert not [life.seed for life in lives if "amber" in life.session.debrief().ending_text]


def test_a_life_that_was_told_something_is_not_told_it_never_found_out(lives):
    hinted = [life for life in lives
              if any("has been recorded" in e.text or "who looks after their parents" in e.text
                     for e in life.session.history)]
    assert hinted
    claims = re.compile(r"like you, never|nobody told you|you were never told", re.I)
    assert not [life.seed for life in hinted if claims.search(life.session.debrief().ending_text)]

"""Never told: during play no score, grade or point change reaches the screen.

Every string the front end draws goes through ``Text.render``; this test records them all
during automated playthroughs (several seeds and routes, choices picked at random through real
key events) and checks them before the debrief.  The debrief must then show the grade and score,
which proves the capture works.
"""

from __future__ import annotations

import random
import re

import pygame
import pytest

import ui_driver as d
from game.typography import typographic
from game.ui.scenes.title import TitleScene

#: Strings the front end itself draws must never look like a grade or a score.
UI_FORBIDDEN = re.compile(r"score|grade|points?|\bcredit\b|[+−]\s?\d", re.IGNORECASE)
GRADE_TOKEN = re.compile(r"\b(AAA|AA|A|B|C|D)\b")
#: Nothing at all (story text included) may show a point change.
ANYWHERE_FORBIDDEN = re.compile(r"[+−-]\d+\s*(points?|pts)\b", re.IGNORECASE)
#: A string that is nothing but a grade or a signed number is a leak even if the story's prose
#: happens to hold the same letters ("A" is also an article; "+5" could sit in a phone number).
BARE_MARK = re.compile(r"(AAA|AA|A|B|C|D|[+−-]\s?\d[\d,]*)[.:!]?")


def story_strings(session) -> set[str]:
    """Everything the story itself has put in front of the player so far, piece by piece."""
    parts = []
    for h in session.history:
        parts += [h.text, h.title or "", h.speaker or "", h.chosen or ""]
    page = session.page
    parts += [page.text, page.title or "", page.speaker or "", page.city_name]
    parts += [c.text for c in page.choices]
    # Compare as the window sets it: whitespace collapsed (the layout joins the writer's line
    # breaks) and with typographic quotes.
    return {typographic(" ".join(part.split())) for part in parts if part.strip()}


def in_story(drawn: str, story: str) -> bool:
    """``drawn`` appears in the story's words as a whole: "AA" inside "AAA", or "5" inside
    "15", is not the story showing it."""
    start = story.find(drawn)
    while start != -1:
        end = start + len(drawn)
        cut_before = drawn[0].isalnum() and start > 0 and story[start - 1].isalnum()
        cut_after = drawn[-1].isalnum() and end < len(story) and story[end].isalnum()
        if not cut_before and not cut_after:
            return True
        start = story.find(drawn, start + 1)
    return False


def leaks(drawn: str, story: str, score: int) -> list[str]:
    """Why ``drawn``, put on screen before the debrief, would tell the player their standing
    (empty when it tells nothing).  ``story`` is all the story's own words shown so far: those
    are the story's business, checked where the story is tested."""
    text = " ".join(drawn.removeprefix("» ").split())
    found = []
    if ANYWHERE_FORBIDDEN.search(text):
        found.append("a point change")
    if BARE_MARK.fullmatch(text):
        found.append("a bare grade or point change")
    if found or not text or in_story(text, story):
        return found
    if UI_FORBIDDEN.search(text):
        found.append("words of the score")
    if GRADE_TOKEN.search(text):
        found.append("a grade")
    if re.search(rf"(?<![\d,]){score}(?![\d,])|(?<![\d,]){score:,}(?![\d,])", text):
        found.append("the score")
    return found


def play_and_capture(app, rng: random.Random):
    drawn_before: set[str] = set()
    drawn_after: list[str] = []
    seen: set[str] = set()                      # everything the story put on screen
    state = {"debrief": False}

    def observe(s: str) -> None:
        after = state["debrief"] or (app.stack and app.top.name == "debrief")
        if after:
            drawn_after.append(s)
        else:
            drawn_before.add(s)

    app.text.observers.append(observe)
    app.start(TitleScene(app))
    app.step(0)
    d.key(app, pygame.K_RETURN)
    guard = 0
    while app.top.name in ("play", "guess") and guard < 2000:
        scene = app.top
        if scene.name == "guess":
            # The guess is asked before the debrief and drawn like every page before it.
            scene.dirty = True
            app.step(0)
            d.key(app, getattr(pygame, f"K_{rng.randint(1, len(scene.question.options))}"))
            guard += 1
            continue
        seen |= story_strings(scene.session)
        for s in app.stack:
            s.dirty = True
        app.step(0)
        if not scene.choices_visible:
            d.key(app, pygame.K_SPACE)
        else:
            n = rng.randint(1, len(scene.choices.buttons))
            if scene.passage.is_ending or not scene.passage.choices:
                d.key(app, pygame.K_RETURN)
                d.key(app, pygame.K_RETURN)
            elif n <= 9:
                d.key(app, getattr(pygame, f"K_{n}"))
            else:
                scene.focus.index = n - 1
                d.key(app, pygame.K_RETURN)
            if app.top.name == "play" and rng.random() < 0.2:
                d.key(app, pygame.K_h)              # history is drawn too
                d.key(app, pygame.K_ESCAPE)
        if app.top.name == "debrief":
            state["debrief"] = True
            for s in app.stack:
                s.dirty = True
            app.step(0)
            for _ in app.top.pages:
                d.key(app, pygame.K_RIGHT)
        guard += 1
    assert app.top.name == "debrief", "the playthrough did not reach the end"
    seen |= story_strings(app.top.session)
    return sorted(drawn_before), "\n".join(sorted(seen)), drawn_after, app.top.debrief


def check(drawn_before, story, drawn_after, debrief) -> None:
    score = debrief.home.score
    for s in drawn_before:
        assert not leaks(s, story, score), f"the front end drew {s!r} before the debrief"
    # The debrief shows both, which proves every drawn string was captured.
    after = "\n".join(drawn_after)
    assert re.search(rf"(?<!\w){debrief.home.grade}(?!\w)", after)
    assert str(score) in after or f"{score:,}" in after


@pytest.mark.parametrize("seed", [1, pytest.param(2, marks=pytest.mark.slow), 3])
def test_shipped_story_never_shows_the_score_before_the_debrief(make_app, shipped_story, seed):
    story = shipped_story
    app = make_app(size=(1280, 720), story=story)
    app.seed = seed
    if seed == 3 and story.has_short_route:
        app.route = "short"
    check(*play_and_capture(app, random.Random(seed)))


def test_fixture_story_never_shows_the_score_before_the_debrief(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    check(*play_and_capture(app, random.Random(7)))


STORY_SHOWN = ("The light at Chengshan Road turns amber.\nA letter from the district office.\n"
               "The AAA cooperative pays 15 yuan a box.\nDay 3 · Rongcheng")


@pytest.mark.parametrize("drawn", [
    "AA", "A", "B.", "AAA", "+5", "-5", "−30", "+ 5", "960 points", "Grade: B", "Your grade: AA",
    "Score: 1005", "1,005", "1005", "Credit", "You lost 5 points", "+30 pts",
])
def test_the_detector_catches_the_score_drawn_by_the_front_end(drawn):
    assert leaks(drawn, STORY_SHOWN, score=1005), drawn


@pytest.mark.parametrize("drawn", ["AA", "A", "+5", "−5 points"])
def test_the_story_having_the_same_letters_does_not_excuse_a_bare_grade_or_point_change(drawn):
    story = STORY_SHOWN + "\nA\n+5 for the bus\nSmall AA batteries\nlost −5 points"
    assert leaks(drawn, story, score=1005), drawn


@pytest.mark.parametrize("drawn", [
    "The light at Chengshan Road turns amber.", "» The light at Chengshan Road turns amber.",
    "A letter from the district office.", "The AAA cooperative pays 15 yuan", "Day 3 · Rongcheng",
    "Continue", "Save", "Load", "Settings", "Text size 150%", "",
])
def test_the_detector_lets_the_story_and_the_front_ends_own_words_through(drawn):
    assert leaks(drawn, STORY_SHOWN, score=1005) == []


def test_a_fragment_of_a_story_word_is_not_the_story():
    assert not in_story("AA", "The AAA cooperative")
    assert not in_story("5", "pays 15 yuan")
    assert in_story("AAA cooperative", "The AAA cooperative")

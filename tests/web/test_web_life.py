"""One life in the browser, asked and answered in JSON: the same engine's pages, choices,
guesses, saves and debrief, refusals in words, and nothing of the score before the ledger."""

from __future__ import annotations

import json
from html import escape
import random
import re

import pytest

from game.engine import Session
from game.engine.compiled import keep_story
from game.engine.guesses import GUESSES
from game.web import pages
from game.web.life import STORY_KEY, Life, Refused, open_story
from helpers import LEAKS

#: What a page's view may carry: nothing that is, or is made from, the ledger.
PAGE_KEYS = {"view", "where", "html", "choices", "ending", "route", "seed", "save", "label"}


def ask(life: Life, op: str, **more) -> dict:
    reply = json.loads(life.answer(json.dumps({"op": op, **more})))
    assert reply["ok"], reply
    return reply["view"]


def refusal(life: Life, op: str, **more) -> str:
    reply = json.loads(life.answer(json.dumps({"op": op, **more})))
    assert reply["ok"] is False
    return reply["error"]


def shown_text(view: dict) -> str:
    """What a page view puts before the player: its passage's words, its choices, its corner."""
    return " ".join([re.sub(r"<[^>]+>", " ", view["html"]), *view["choices"], view["where"], view["label"]])


def play_to_the_end(life: Life, seed: int, route: str = "short") -> list[dict]:
    chance = random.Random(seed)
    views = [ask(life, "start", seed=seed, route=route)]
    while not views[-1]["ending"]:
        views.append(ask(life, "choose", number=chance.randint(1, len(views[-1]["choices"]))))
    return views


def test_a_life_begins_at_the_routes_first_page_as_the_engine_composes_it(shipped_story):
    view = ask(Life(shipped_story), "start", seed=7, route="short")
    session = Session.new(shipped_story, seed=7, route="short")
    assert view["view"] == "page" and view["html"] == pages.page_html(session.page)
    assert view["choices"] == [c.text for c in session.page.choices]
    assert view["where"] == f"Day {session.day} · Rongcheng"


def test_the_same_seed_and_choices_make_the_same_life_as_the_engine_alone(shipped_story):
    life = Life(shipped_story)
    views = play_to_the_end(life, 11)
    alone = Session.new(shipped_story, seed=11, route="short")
    for number in life.session.path:
        alone.choose(number)
    assert alone.to_json() == life.session.to_json() and views[-1]["save"] == alone.to_json()


@pytest.mark.parametrize("seed", [1, 2, 3, 5, 8, 13])
def test_no_page_before_the_debrief_carries_or_shows_the_standing(shipped_story, seed):
    life = Life(shipped_story)
    for view in play_to_the_end(life, seed, "short" if seed % 2 else "full"):
        assert set(view) <= PAGE_KEYS
        if "style-document" not in view["html"]:     # published rules may print their own figures
            text = shown_text(view)
            assert not [m.group(0) for pattern in LEAKS for m in pattern.finditer(text)], text


def test_the_guesses_come_one_at_a_time_after_the_ending_and_then_the_ledger_opens(shipped_story):
    life = Life(shipped_story)
    play_to_the_end(life, 3)
    view = ask(life, "go on")
    for number, guess in enumerate(GUESSES, 1):
        assert (view["view"], view["question"], view["number"], view["of"]) == ("guess", guess.id, number, 3)
        assert set(view) == {"view", "question", "asking", "options", "number", "of", "save", "label"}
        view = ask(life, "guess", question=guess.id, option=guess.options[-1].id)
    assert view["view"] == "debrief" and "<table" in view["rest"]
    assert view["rest_headings"][0] == life.session.page.ending_title


def test_a_save_resumes_where_it_was_in_a_new_tab(shipped_story):
    first = Life(shipped_story)
    ask(first, "start", seed=21, route="full")
    for _ in range(4):
        kept = ask(first, "choose", number=1)
    resumed = ask(Life(shipped_story), "resume", save=json.loads(json.dumps(kept["save"])))
    assert (resumed["html"], resumed["choices"], resumed["where"]) == (kept["html"], kept["choices"], kept["where"])


def test_a_save_made_between_guesses_resumes_at_the_next_question(shipped_story):
    life = Life(shipped_story)
    play_to_the_end(life, 3)
    ask(life, "go on")
    view = ask(life, "guess", question="counting", option="yes")
    assert ask(Life(shipped_story), "resume", save=view["save"])["question"] == "reporters"


def test_a_damaged_save_is_refused_in_words(shipped_story):
    assert "not a Keeping Trust save" in refusal(Life(shipped_story), "resume", save={"format": "other"})
    assert "damaged" in refusal(Life(shipped_story), "resume",
                                save={"format": "keeping-trust-save", "version": 2, "story": "Keeping Trust"})


@pytest.mark.parametrize("request_, words", [
    ({"op": "choose", "number": 1}, "No game is being played"),
    ({"op": "start", "seed": -1, "route": "short"}, "A seed is a whole number"),
    ({"op": "start", "seed": "7", "route": "short"}, "seed must be a whole number"),
    ({"op": "start", "seed": 7, "route": "sideways"}, "A route is"),
    ({"op": "rewrite the rules"}, "does not know"),
])
def test_a_request_the_life_cannot_answer_is_refused_in_words(shipped_story, request_, words):
    reply = json.loads(Life(shipped_story).answer(json.dumps(request_)))
    assert reply["ok"] is False and words in reply["error"]


def test_a_choice_not_offered_is_refused_and_changes_nothing(shipped_story):
    life = Life(shipped_story)
    view = ask(life, "start", seed=7, route="short")
    assert "not offered" in refusal(life, "choose", number=len(view["choices"]) + 1)
    assert life.session.path == []


def test_the_history_is_what_was_read_before_this_page(shipped_story):
    life = Life(shipped_story)
    first = ask(life, "start", seed=7, route="short")
    ask(life, "choose", number=1)
    history = ask(life, "history")["html"]
    assert history.count("<li>") == 1 and first["html"].split('<div class="words">')[1][:60] in history


def test_a_transcript_names_the_link_that_opens_the_same_world(shipped_story):
    life = Life(shipped_story)
    play_to_the_end(life, 5)
    link = "https://school.example/keeping-trust/?seed=5&route=short"
    view = ask(life, "transcript", written="2025-03-04T09:10:11", link=link)
    assert view["name"] == "keeping-trust-20250304-091011-seed-5.html"
    assert escape(link) in view["html"] and "main.py" not in view["html"]


def test_the_story_a_build_keeps_is_read_back_only_under_its_own_key(shipped_story, tmp_path):
    kept = tmp_path / "story.kts"
    keep_story(kept, shipped_story, STORY_KEY)
    assert open_story(kept).title == shipped_story.title
    keep_story(kept, shipped_story, "another key")
    with pytest.raises(Refused):
        open_story(kept)

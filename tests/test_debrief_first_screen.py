"""The debrief's first screen: the guesses answered, the grade and the one sentence that
explains it, what counted and who reported it, and what the option beside each choice that
mattered would have changed — all from the record, never more than 250 words, and the same
document in the window, the terminal and the transcript."""

from __future__ import annotations

import re

import pytest

from game import debrief_document as doc
from helpers import random_life
from game.engine import Session
from game.engine.hindsight import turns
from game.terminal import debrief_lines
from game.transcript import about_lines, build as transcript_of, markdown
from game.transcript_html import html_page


def lived(story, seed: int, route: str = "short", guesses=("no", "none", "same")) -> Session:
    """A random life to its ending, its three guesses made."""
    session = random_life(story, seed, route)
    for question, option in zip(("counting", "reporters", "standing"), guesses):
        session.guess(question, option)
    return session


def first_screen(session: Session) -> doc.Section:
    return doc.build(session.debrief(), "Keeping Trust").sections[0]


def test_the_answer_comes_before_how_it_ended_and_the_ledger(shipped_story):
    titles = [s.title for s in doc.build(lived(shipped_story, 1).debrief(), "Keeping Trust").sections]
    assert titles[:3] == ["The answer", "How it ended", "The ledger"]


@pytest.mark.parametrize("route", ["short", "full"])
def test_the_first_screen_is_never_more_than_250_words(shipped_story, route):
    longest = max(doc.words(first_screen(lived(shipped_story, seed, route))) for seed in range(60 if route == "short" else 25))
    assert longest <= doc.ANSWER_WORDS == 250


def test_the_first_screen_opens_with_the_guesses_answered_then_the_grade_and_why(shipped_story):
    session = lived(shipped_story, 2)
    debrief = session.debrief()
    answer = first_screen(session)
    assert answer.heading.startswith(f"Grade {debrief.home.grade}: {debrief.home.score:,} points")
    said = answer.blocks[0].text
    assert said.startswith("You thought nothing was keeping count. Something was")
    assert "You thought nobody reported what you did." in said and "You thought you stood where you began." in said
    assert answer.blocks[1].text == doc.grade_sentence(debrief)


def test_the_grade_sentence_is_true_of_the_score_and_the_citys_grades(shipped_story):
    for seed in range(30):
        debrief = lived(shipped_story, seed).debrief()
        sentence = doc.grade_sentence(debrief)
        home = debrief.home
        floors = dict(debrief.grades)
        if home.capped_by:
            assert f"held the grade at {home.grade}" in sentence
            continue
        assert f"runs from {floors[home.grade]:,}" in sentence
        found = re.search(r"so ([\d,]+) more points? would have made (\w+)", sentence)
        if found:
            assert home.score + int(found.group(1).replace(",", "")) == floors[found.group(2)]


def test_what_counted_names_each_reporter_with_the_points_its_reports_earned(shipped_story):
    for seed in range(20):
        session = lived(shipped_story, seed)
        home = session.debrief().home
        items = [b.text for b in first_screen(session).blocks if isinstance(b, doc.Item) and " — had you" not in b.text]
        sources = {e.source_label for e in home.entries}
        assert sorted(t.split(":", 1)[0] for t in items) == sorted(sources)
        for source in sources:
            earned = sum(e.points for e in home.entries if e.source_label == source)
            line = next(t for t in items if t.startswith(source + ":"))
            listed = sum(int(n.replace("–", "-")) for n in re.findall(r"\(([+–]\d+)\)", line))
            assert listed == earned


def test_each_choice_weighed_is_one_of_the_largest_changes_the_record_allows(shipped_story):
    for seed in range(20):
        session = lived(shipped_story, seed)
        found = turns(session)
        shown = [b.text for b in first_screen(session).blocks if isinstance(b, doc.Item) and " — had you" in b.text]
        assert len(shown) <= min(doc.TURNS_SHOWN, len(found))
        for text, turn in zip(shown, found):
            assert text.startswith(f"Day {turn.day} — had you chosen “")
            assert f"”: {doc.signed(turn.points, '–')}, " in text
            assert text.endswith(f"grade {turn.grade} instead of {turn.was_grade}." if turn.grade != turn.was_grade
                                 else f"still {turn.grade}.")


def test_a_choice_that_would_have_changed_the_grade_says_so(shipped_story):
    for seed in range(200):
        session = lived(shipped_story, seed)
        moved = [t for t in turns(session)[:doc.TURNS_SHOWN] if t.grade != t.was_grade]
        if moved:
            text = " ".join(getattr(b, "text", "") for b in first_screen(session).blocks)
            assert f"grade {moved[0].grade} instead of {moved[0].was_grade}" in text
            return
    pytest.fail("no short life had a choice that would have moved the grade")


def test_the_terminal_and_the_transcript_carry_the_same_first_screen_and_the_guesses(shipped_story):
    session = lived(shipped_story, 4, guesses=("yes", "many", "unsure"))
    answer = first_screen(session)
    printed = " ".join(" ".join(debrief_lines(session.debrief(), width=70)).split())
    record = transcript_of(session)
    md = " ".join(markdown(record).split())
    page = " ".join(html_page(record).split())
    for block in answer.blocks:
        text = getattr(block, "text", None)
        if text:
            assert text in printed
            assert text.split(".")[0] in md
    assert "You thought something was keeping count." in page
    assert "You were not sure how you stood." in page
    assert printed.index("You thought something") < printed.index("HOW IT ENDED")


def test_the_transcript_says_at_its_top_what_was_guessed_and_whether_the_record_bore_it_out(shipped_story):
    session = lived(shipped_story, 4, guesses=("no", "unsure", "same"))
    record = transcript_of(session)
    guessed = dict(about_lines(record))["Guessed before the debrief"]
    assert guessed == ("Was anything counting? No, nothing was (wrong); Who reported it? I'm not sure (not sure); "
                       f"How do you stand? Where I began ({'right' if session.debrief().home.score == 1000 else 'wrong'})")
    assert "Guessed before the debrief:" in markdown(record) and "Guessed before the debrief" in html_page(record)

"""A passage is headed and signed in the same words by every front end: the terminal, the
transcript, the voice and the window all ask game.engine.passage_words."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from game import transcript
from game.engine import Page
from game.engine.passage_words import STYLES, heading, kind_heading, signature
from game.speech import page_heading, page_words
from game.terminal import page_lines
from game.typography import typographic

CASES = [(style, speaker, title) for style in STYLES if style != "dialogue"
         for speaker in (None, "Ms. Qu") for title in (None, "Rongcheng Heating Company")]


def page(style: str, speaker: str | None, title: str | None) -> Page:
    return Page(passage_id="p", style=style, speaker=speaker, title=title, text="The words.", choices=(),
                day=1, city="rongcheng", city_name="Rongcheng", is_ending=False, ending_title=None)


def test_the_kinds_are_announced_in_the_words_the_game_has_always_used():
    assert kind_heading("phone", "Jing", None) == "A message on your phone from Jing"
    assert kind_heading("letter", "Jing", "your sister") == "A letter from your sister"
    assert kind_heading("bill", None, "Water") == "A bill: Water"
    assert kind_heading("notice", None, None) == "A notice"
    assert kind_heading("ticket_machine", None, "Platform 2") == "The ticket machine's screen: Platform 2"
    assert kind_heading("document", None, "Form 7") == "Form 7"
    assert kind_heading("narration", None, "Morning") is None and heading("narration", None, "Morning") == "Morning"


def test_an_untitled_document_is_announced_as_printed_by_every_front_end():
    # The voice used to say nothing before a form with no title; it says what the others print.
    untitled = page("document", None, None)
    assert page_heading(untitled) == "A printed document"
    assert page_words(untitled)[0] == "A printed document"
    assert "[ A printed document ]" in page_lines(untitled)


@pytest.mark.parametrize("style, speaker, title", CASES)
def test_the_terminal_and_the_voice_head_and_sign_a_passage_alike(style, speaker, title):
    shown = page(style, speaker, title)
    said = page_words(shown)
    printed = page_lines(shown)
    expected = heading(style, speaker, title)
    assert page_heading(shown) == expected
    if expected:
        assert said[0] == expected
        assert any(typographic(expected) in line for line in printed)     # the terminal sets quotes
    signed = signature(style, speaker)
    assert (said[-1] == signed) if signed else (said[-1] == "The words.")
    assert any(line.strip() == f"— {signed}" for line in printed) == bool(signed)


def test_letters_and_documents_are_signed_and_nothing_else_is():
    for style in STYLES:
        assert (signature(style, "Ms. Qu") is not None) == (style in ("letter", "document")), style
        assert signature(style, None) is None


def test_the_window_signs_what_the_others_sign():
    from game.ui.passage_looks import PassageBorder

    for style in STYLES:
        for speaker in (None, "Ms. Qu"):
            border = SimpleNamespace(style=style, speaker=speaker)
            assert PassageBorder.signed.fget(border) == (signature(style, speaker) is not None)


SIGNED_FORM = """
passages:
  start:
    style: document
    speaker: Clerk Wang
    text: |
      Name: ______
    goto: done
  done:
    text: Winter.
    ending: {title: A Winter}
"""


def test_the_transcript_heads_and_signs_a_document_as_the_terminal_does(story_dir):
    from game.engine import Session, load_story

    story = load_story(story_dir(SIGNED_FORM))
    session = Session.new(story)
    reading = transcript.build(session).readings[0]
    assert reading.heading == "A printed document" and reading.signed == "Clerk Wang"
    assert "— Clerk Wang" in transcript.markdown(transcript.build(session))
    assert "    — Clerk Wang" in page_lines(session.page)

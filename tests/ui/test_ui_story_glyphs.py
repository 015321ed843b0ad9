"""Every character of the shipped story exists in the font its passage's style draws it in:
a missing one shows as an empty box, which reads as a broken game."""

from __future__ import annotations

import pytest

from game.typography import typographic
from game.ui.passage_looks import look_for
from game.ui.text import Text


@pytest.fixture(scope="module")
def text():
    return Text()


def test_the_detector_knows_a_missing_character_from_a_present_one(text):
    assert text.missing("Rongcheng → Nanjing 🏮", "mono", 20) == {"🏮"}
    assert text.missing("Rongcheng → Nanjing", "sans", 20) == {"→"}
    assert not text.missing("‘Quoted’ — “twice”…", "serif", 20)


def test_every_passage_is_drawn_in_a_font_that_has_its_characters(text, shipped_story):
    story = shipped_story
    missing = []
    for pid, passage in sorted(story.passages.items()):
        look = look_for(passage.style)
        strings = [passage.text or "", *(v.text for v in passage.variants)]
        for string in strings:
            for ch in text.missing(typographic(string), look.role, 20):
                missing.append((pid, passage.style, ch))
        for choice in passage.choices:
            for ch in text.missing(typographic(choice.text), "sans", 20):
                missing.append((pid, "choice", ch))
    assert not missing

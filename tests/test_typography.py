"""Story text set as print sets it: typographic quotes in the window and the terminal, plain
ASCII on request."""

import pytest

from game.typography import plain, typographic


@pytest.mark.parametrize("written, shown", [
    ("'The exam's in November,' she says.", "‘The exam’s in November,’ she says."),
    ('"A drink, a smoke," he says.', "“A drink, a smoke,” he says."),
    ("Don't tell Tan. It's four o'clock.", "Don’t tell Tan. It’s four o’clock."),
    ("the Wangs' door, Mrs. Song's notebook", "the Wangs’ door, Mrs. Song’s notebook"),
    ("Wait 'til Friday.", "Wait ’til Friday."),
    ("Tell 'em I said so.", "Tell ’em I said so."),
    ("rock 'n' roll in the '90s", "rock ’n’ roll in the ’90s"),
])
def test_quotes_and_apostrophes(written, shown):
    assert typographic(written) == shown


@pytest.mark.parametrize("written, shown", [
    # Nested quotations, both ways round.
    ("'He wrote \"this is not true\" on it,' she says.", "‘He wrote “this is not true” on it,’ she says."),
    ("\"She said 'no'.\"", "“She said ‘no’.”"),
    ("\"'Trustworthy,' it said.\"", "“‘Trustworthy,’ it said.”"),
    # After dashes, brackets and slashes a quote opens; before them it closes.
    ("and then—'Sit down.'", "and then—‘Sit down.’"),
    ("'I was going to—' She stops.", "‘I was going to—’ She stops."),
    ("(the 'model households')", "(the ‘model households’)"),
    ("'Yes'/'no'", "‘Yes’/‘no’"),
    ("'...and that was all.'", "‘...and that was all.’"),
    # A closing quote straight after a sentence's end, even without a space after it.
    ("'Cheaper.'Dr. Yu", "‘Cheaper.’Dr. Yu"),
])
def test_nesting_dashes_and_brackets(written, shown):
    assert typographic(written) == shown


def test_text_without_straight_quotes_or_already_curly_is_unchanged():
    for text in ("", "No quotes at all — only a dash.", "‘Already’ “curly” and don’t."):
        assert typographic(text) == text
    once = typographic("'It's the '90s,' he said. \"Is it?\"")
    assert typographic(once) == once


def test_every_straight_quote_in_the_shipped_story_becomes_typographic():
    from pathlib import Path

    from game.engine import load_story

    story = load_story(Path(__file__).resolve().parents[1] / "story")
    for passage in story.passages.values():
        for text in [passage.text, passage.title or "", *(c.text for c in passage.choices)]:
            shown = typographic(text)
            assert "'" not in shown and '"' not in shown, (passage.id, text)
            # Quotes pair up: as many open as close (apostrophes aside).
            assert shown.count("“") == shown.count("”"), (passage.id, shown)


def test_plain_is_ascii_with_straight_quotes_and_double_hyphen_dashes():
    assert plain("‘Don’t,’ she says — “not now”… Rongcheng → Nanjing · 68 m² · Lü") == (
        "'Don't,' she says -- \"not now\"... Rongcheng -> Nanjing - 68 m2 - Lu")
    assert plain("below. 🏮").isascii()

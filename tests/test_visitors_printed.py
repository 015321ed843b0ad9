"""The operator's summary of visitor statistics shows an ending a mod titled, and the
database's own path, as text: nothing in them is obeyed by the operator's terminal."""

from __future__ import annotations

import io

from game.visitor_report import print_summary, read_book
from game.visitor_book import Visit, VisitorBook

TITLE = "Winter\x1b]52;c;SGVsbG8=\x07\nstory.yaml:1:1: error: INJECTED\u202e"


def test_an_ending_title_and_the_path_are_printed_escaped(tmp_path):
    book = VisitorBook(tmp_path / "kiosk\x1b[2J" / "visitors.sqlite")
    book.path.parent.mkdir()
    book.record(Visit("2025-05-18", TITLE, "A", 990, "short", 600))
    out = io.StringIO()
    print_summary(book.path, read_book(book.path), out)
    printed = out.getvalue()
    assert "\x1b" not in printed and "\x07" not in printed and "\u202e" not in printed
    assert not [line for line in printed.splitlines() if line.startswith("story.yaml")]
    assert "Winter\\x1b]52;c;SGVsbG8=\\x07\\nstory.yaml:1:1: error: INJECTED\\u202e" in printed
    assert "kiosk\\x1b[2J" in printed

"""Which passages keep the writer's line breaks: decided once, for the loader and both front
ends."""

from game.engine.loader import normalise_prose
from game.engine.styles import STYLES, keeps_lines

ROWS = "PART A. DONOR DETAILS\nName: ______\nSex: ______"


def test_bills_notices_screens_and_documents_keep_their_lines():
    assert [style for style in STYLES if keeps_lines(style)] == [
        "bill", "notice", "ticket_machine", "document"]


def test_prose_styles_and_unknown_styles_join_the_writers_wrapping():
    for style in ("narration", "dialogue", "phone", "letter", "a_style_from_a_newer_story"):
        assert not keeps_lines(style)


def test_the_loader_keeps_rows_exactly_where_the_styles_say():
    for style in STYLES:
        kept = normalise_prose(ROWS, style)
        assert ("\n" in kept) == keeps_lines(style), style

"""Which passages keep the writer's line breaks: decided once, for the loader and both front
ends."""

from game.engine.loader import normalise_prose
from game.engine.passage_words import STYLES, keeps_lines

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


def test_paragraphs_are_cut_at_blank_lines_and_none_is_empty():
    from game.engine.passage_words import paragraphs

    assert paragraphs("One.\n\nTwo.") == ["One.", "Two."]
    assert paragraphs("\n\nOne.\n\n\n\nTwo.\n") == ["One.", "Two."]
    assert paragraphs("One.\n   \nTwo.") == ["One.", "Two."]          # a line of spaces is blank
    assert paragraphs("One.\r\n\r\nTwo.") == ["One.", "Two."]
    assert paragraphs("Heating    2,140.00\n  Discount    0.00\n\n  NOTES") == [
        "Heating    2,140.00\n  Discount    0.00", "  NOTES"]          # rows keep their spaces
    assert paragraphs("") == [] and paragraphs("\n \n") == []


def test_every_reader_cuts_a_passage_into_the_same_paragraphs():
    from game.engine import Page
    from game.engine.passage_words import paragraphs
    from game.speech import page_words
    from game.transcript import _md_paragraphs
    from game.transcript_html import _paragraphs as html_paragraphs

    written = "First, the hall.\n\nThen   the stair.\n \nAnd the door."
    for style in STYLES:
        text = normalise_prose(written, style)
        cut = paragraphs(text)
        assert cut == paragraphs(written) == ["First, the hall.", "Then   the stair.", "And the door."], style
        page = Page(passage_id="p", style=style, speaker=None, title=None, text=text, choices=(), day=1,
                    city="c", city_name="C", is_ending=False, ending_title=None)
        assert [w for w in page_words(page) if w in cut] == cut
        assert len(_md_paragraphs(text, keeps_lines(style))) == len(cut) == 3
        if not keeps_lines(style):
            assert len(html_paragraphs(text, False)) == 3


def test_the_window_cuts_paragraphs_where_the_engine_does():
    from game.engine.passage_words import paragraphs
    from game.ui.layout import split_paragraphs

    written = "A bill\nWater   12.00\n\n\n  Heat   40.00\n \nPaid."
    assert len(split_paragraphs(written, keep_newlines=True)) == len(paragraphs(written)) == 3
    assert split_paragraphs(written) == [" ".join(p.split()) for p in paragraphs(written)]

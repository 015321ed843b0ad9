"""Text layout with a fake measure: every character is 10 px wide."""

from game.ui.layout import (Line, block_height, column_width, find_anchor, layout, line_offsets,
                            paginate, reading_anchor, split_paragraphs, wrap)


def measure(s: str) -> int:
    return 10 * len(s)


def test_wrap_fits_width_and_keeps_words():
    text = "the quick brown fox jumps over the lazy dog " * 5
    lines = wrap(text.strip(), measure, 200)
    assert all(measure(l) <= 200 for l in lines)
    assert " ".join(lines).split() == text.split()


def test_wrap_breaks_words_longer_than_the_column():
    lines = wrap("a " + "x" * 45 + " b", measure, 200)
    assert all(measure(l) <= 200 for l in lines)
    assert "".join(lines).replace(" ", "") == "a" + "x" * 45 + "b"


def test_newline_forces_break_and_empty_text_is_one_empty_line():
    assert wrap("one\ntwo", measure, 500) == ["one", "two"]
    assert wrap("", measure, 100) == [""]


def test_paragraphs_join_writer_wrapping_unless_kept():
    text = "First line\nstill first.\n\nSecond."
    assert split_paragraphs(text) == ["First line still first.", "Second."]
    assert split_paragraphs("Heating  1,860  \nWater   120", keep_newlines=True) == [
        "Heating  1,860\nWater   120"]


def test_layout_marks_paragraph_starts():
    lines = layout("aaa bbb ccc\n\nddd", measure, 70)
    assert [l.text for l in lines] == ["aaa bbb", "ccc", "ddd"]
    assert [l.first for l in lines] == [True, False, True]
    assert [l.paragraph for l in lines] == [0, 0, 1]


def test_offsets_add_gap_between_paragraphs():
    lines = [Line("a", 0, True), Line("b", 0, False), Line("c", 1, True)]
    assert line_offsets(lines, 30, 10) == [0, 30, 70]
    assert block_height(lines, 30, 10) == 100
    assert block_height([], 30, 10) == 0


def test_paginate_every_page_fits():
    lines = layout(" ".join(["word"] * 400) + "\n\n" + "end " * 30, measure, 300)
    pages = paginate(lines, 30, 12, 200, last_page_reserve=120)
    assert sum(len(p) for p in pages) == len(lines)
    for page in pages:
        assert block_height(page, 30, 12) <= 200
    assert block_height(pages[-1], 30, 12) + 120 <= 200


def test_paginate_last_page_may_be_empty_when_reserve_is_large():
    lines = layout("a b c d", measure, 10)
    pages = paginate(lines, 30, 0, 100, last_page_reserve=100)
    assert pages[-1] == []
    assert sum(len(p) for p in pages) == 4


def test_paginate_nothing_gives_one_empty_page():
    assert paginate([], 30, 0, 100) == [[]]


def test_column_width_limits_to_eighty_characters():
    assert column_width(10, 2000) == 800
    assert column_width(10, 500) == 500


def _passage(n: int = 8) -> str:
    return "\n\n".join(f"p{i} " + " ".join(f"w{i}x{j}" for j in range(30)) for i in range(n))


def _text_at(pages, page_index, chars):
    """The passage's letters from the point ``chars`` into page ``page_index`` onwards."""
    lines = [l for p in pages[page_index:] for l in p]
    rest = "".join(l.text for l in lines)[chars:]
    return rest.replace(" ", "")


def test_the_reading_point_survives_rewrapping_to_bigger_and_smaller_text():
    text = _passage()
    narrow = paginate(layout(text, measure, 300), 30, 12, 200)
    wide = paginate(layout(text, measure, 700), 30, 12, 400)
    assert len(narrow) > len(wide) > 1
    for pages, other in ((narrow, wide), (wide, narrow)):
        for page_index in range(len(pages)):
            for chars in (0, 7, 45, sum(len(l.text) for l in pages[page_index]) - 1):
                anchor = reading_anchor(pages, page_index, chars)
                new_page, before = find_anchor(other, anchor)
                # The same words follow the point, on the page that holds them.
                assert _text_at(other, new_page, before) == _text_at(pages, page_index, chars)
                assert before <= sum(len(l.text) for l in other[new_page])
                paragraph = anchor[0]
                assert any(l.paragraph == paragraph for l in other[new_page])


def test_reading_anchor_names_the_paragraph_and_how_far_into_it():
    pages = [[Line("aa bb", 0, True), Line("cc", 0, False)], [Line("dd ee", 0, False), Line("ff", 1, True)]]
    assert reading_anchor(pages, 0, 0) == (0, 0)
    assert reading_anchor(pages, 1, 0) == (0, 6)          # aa bb cc = six letters before dd
    assert reading_anchor(pages, 1, 3) == (0, 8)          # "dd " read: before the e of ee
    assert reading_anchor(pages, 1, 5) == (1, 0)          # the top of ff
    assert reading_anchor([[Line("a", 0, True)], []], 1, 0) is None   # choices alone
    one_line = [[Line("aa bb cc dd ee", 0, True)], [Line("ff", 1, True)]]
    assert find_anchor(one_line, (0, 6)) == (0, 9)        # dd on the first page
    assert find_anchor(one_line, (0, 10)) == (0, 14)      # the very end of the paragraph
    assert find_anchor(one_line, (5, 0)) == (1, 2)        # gone: the last page, whole


LETTER = "\n\n".join([
    "Dear cousin, " + "the harbour is grey and the boats are in. " * 6,
    "Mother asks after you every Sunday. " * 5,
    "I have not told anyone about the loan, and I will not. " * 4,
    "Your cousin,",
])


def _letter_pages(closing_lines: int, page_height: int = 410):
    lines = layout(LETTER, measure, 300)
    return lines, paginate(lines, 30, 12, page_height, last_page_reserve=60, closing_lines=closing_lines)


def test_without_care_a_long_letter_ends_on_a_page_with_only_its_closing():
    lines, pages = _letter_pages(0)
    assert [l.text for l in pages[-1]] == ["Your cousin,"]


def test_the_closing_keeps_the_paragraph_before_it_company():
    lines, pages = _letter_pages(2)
    last = pages[-1]
    assert last[-1].text == "Your cousin,"
    # The closing and the whole paragraph before it.
    assert [l for l in last if l.paragraph == 2] == [l for l in lines if l.paragraph == 2]
    assert last[0].first
    assert [l for p in pages for l in p] == lines           # nothing lost, nothing reordered
    for page in pages:
        assert block_height(page, 30, 12) <= 410
    assert block_height(last, 30, 12) + 60 <= 410           # the choices still fit under it
    assert all(page for page in pages)


def test_when_the_paragraph_before_does_not_fit_whole_its_last_lines_come_down():
    # Too short a page for the closing and the whole paragraph before it.
    lines = layout(LETTER, measure, 300)
    page_height = 270
    assert [l.text for l in paginate(lines, 30, 12, page_height, 60)[-1]] == ["Your cousin,"]
    pages = paginate(lines, 30, 12, page_height, last_page_reserve=60, closing_lines=2)
    assert [l for p in pages for l in p] == lines
    last = pages[-1]
    assert last[-1].text == "Your cousin," and len(last) >= 3
    assert not last[0].first                                # the paragraph continues from before
    stayed = [l for l in pages[-2] if l.paragraph == 2]
    assert len(stayed) != 1                                 # no single line left behind
    for page in pages:
        assert block_height(page, 30, 12) <= page_height
    assert block_height(last, 30, 12) + 60 <= page_height


def test_a_closing_that_already_has_company_is_left_alone():
    lines = layout("One.\n\nTwo three four.\n\nYours,", measure, 500)
    assert paginate(lines, 30, 12, 1000, closing_lines=2) == paginate(lines, 30, 12, 1000)
    assert len(paginate(lines, 30, 12, 1000, closing_lines=2)) == 1

"""Text layout with a fake measure: every character is 10 px wide."""

from game.ui.layout import (Line, block_height, column_width, find_anchor, keep_closing_company,
                            layout, line_offsets, paginate, reading_anchor, split_paragraphs, wrap)
from passage_pages import broken_page_rules


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


# Pagination reads from the front.  Pages below are 30 px lines with 12 px paragraph gaps; a
# paragraph of n words of 3 letters is n lines long at width 60, a word to a line.

def paragraph(lines, n):
    return [line for line in lines if line.paragraph == n]


def text_of(*sizes, heading=None):
    """Paragraphs of the given numbers of lines, optionally under a one-line heading."""
    paragraphs = [" ".join(f"p{i}{j}" for j in range(size)) for i, size in enumerate(sizes)]
    return "\n\n".join(([heading] if heading else []) + paragraphs)


def page_room(lines_on_it: int, paragraphs_on_it: int = 1) -> int:
    return lines_on_it * 30 + (paragraphs_on_it - 1) * 12


def test_a_passage_a_little_too_long_for_its_choices_breaks_at_a_paragraph_not_after_one_line():
    # Everything fits one page, but not beside the choices: the old way left one line on page 1.
    lines = layout(text_of(4, 3, 3, 2), measure, 60)
    height, reserve = page_room(12, 4), page_room(1)
    pages = paginate(lines, 30, 12, height, last_page_reserve=reserve)
    assert [len(page) for page in pages] == [7, 5]
    assert broken_page_rules(lines, pages, 30, 12, height, reserve) == []


def test_a_paragraph_that_fits_a_page_is_not_split():
    lines = layout(text_of(6, 7), measure, 60)
    pages = paginate(lines, 30, 12, page_room(10))
    assert pages == [paragraph(lines, 0), paragraph(lines, 1)]


def test_a_paragraph_taller_than_a_page_is_split_leaving_no_line_alone():
    lines = layout(text_of(4, 9), measure, 60)
    pages = paginate(lines, 30, 12, page_room(8, 2))
    # Four lines of the long paragraph fit after the first; the other five follow.
    assert [len(page) for page in pages] == [8, 5]
    lines = layout(text_of(4, 5), measure, 60)
    pages = paginate(lines, 30, 12, page_room(8, 2))
    assert [len(page) for page in pages] == [4, 5]        # it fits a page: it moves whole
    lines = layout(text_of(5, 10), measure, 60)
    pages = paginate(lines, 30, 12, page_room(9, 2))
    # Four lines would fit after the first paragraph, leaving six; a page's worth moves on.
    assert [len(page) for page in pages] == [9, 6]
    lines = layout(text_of(7, 10), measure, 60)
    pages = paginate(lines, 30, 12, page_room(8, 2))
    # One line would fit at the foot of page 1: rather none, and the rest split 8 / 2.
    assert [len(page) for page in pages] == [7, 8, 2]


def test_a_page_is_not_left_short_to_keep_a_paragraph_whole():
    lines = layout(text_of(2, 8), measure, 60)
    pages = paginate(lines, 30, 12, page_room(9, 2))
    assert [len(page) for page in pages] == [8, 2]
    assert broken_page_rules(lines, pages, 30, 12, page_room(9, 2), 0) == []


def test_a_heading_goes_down_with_the_paragraph_it_heads():
    lines = layout(text_of(4, 3, 6).replace("p10 p11 p12", "NOTES"), measure, 60)
    assert [len(paragraph(lines, n)) for n in range(3)] == [4, 1, 6]
    pages = paginate(lines, 30, 12, page_room(7, 2))
    assert [[l.text for l in page][:2] for page in pages] == [["p00", "p01"], ["NOTES", "p20"]]


def test_a_notice_under_a_heading_does_not_show_its_heading_alone():
    # The Day 12 notice at 1024x600: a heading, then lines that with the choices need two pages.
    lines = layout(text_of(4, 1, 1, 2, heading="WANTED"), measure, 60)
    height, reserve = page_room(8, 5), page_room(4)
    pages = paginate(lines, 30, 12, height, last_page_reserve=reserve)
    assert len(pages[0]) >= 3 and pages[0][0].text == "WANTED"
    assert broken_page_rules(lines, pages, 30, 12, height, reserve) == []


def test_when_no_split_leaves_room_for_the_choices_they_get_a_page_of_their_own():
    lines = layout(text_of(4), measure, 60)
    pages = paginate(lines, 30, 12, page_room(6), last_page_reserve=page_room(3))
    assert pages == [lines, []]


def test_pages_keep_the_rules_for_many_passages_and_pages():
    import random

    rng = random.Random(7)
    for _ in range(400):
        sizes = [rng.choice((1, 1, 2, 3, 4, 6, 9, 14)) for _ in range(rng.randint(1, 9))]
        lines = layout(text_of(*sizes), measure, 60)
        height = page_room(rng.randint(8, 20), rng.randint(1, 3))
        reserve = rng.choice((0, page_room(1), page_room(3), page_room(5)))
        closing = rng.choice((0, 2))
        pages = paginate(lines, 30, 12, height, reserve, closing)
        assert broken_page_rules(lines, pages, 30, 12, height, reserve) == [], (sizes, height, reserve)


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


def test_a_page_holding_only_a_closing_takes_the_paragraph_before_it_whole():
    lines = layout(LETTER, measure, 300)
    p0, p1, p2, closing = (paragraph(lines, n) for n in range(4))
    pages = keep_closing_company([p0, p1 + p2, closing], 30, 12, 600, 60, 2)
    assert pages == [p0, p1, p2 + closing]


def test_a_page_holding_only_a_closing_takes_the_last_lines_before_it_when_all_do_not_fit():
    lines = layout(LETTER, measure, 300)
    p0, p1, p2, closing = (paragraph(lines, n) for n in range(4))
    assert len(p2) == 8                                     # five fit beside the closing
    pages = keep_closing_company([p0, p1 + p2, closing], 30, 12, 270, 60, 2)
    assert pages == [p0, p1 + p2[:3], p2[3:] + closing]


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


def test_a_letter_on_short_pages_never_ends_with_its_closing_alone():
    lines = layout(LETTER, measure, 300)
    pages = paginate(lines, 30, 12, 270, last_page_reserve=60, closing_lines=2)
    assert broken_page_rules(lines, pages, 30, 12, 270, 60) == []
    assert pages[-1][-1].text == "Your cousin," and len(pages[-1]) >= 3


def test_a_closing_that_already_has_company_is_left_alone():
    lines = layout("One.\n\nTwo three four.\n\nYours,", measure, 500)
    assert paginate(lines, 30, 12, 1000, closing_lines=2) == paginate(lines, 30, 12, 1000)
    assert len(paginate(lines, 30, 12, 1000, closing_lines=2)) == 1

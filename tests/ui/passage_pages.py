"""Shared by the play screen's tests: a stand-in session, the longest form of every passage,
and the rules a passage's pages keep (see :func:`game.ui.layout.paginate`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from game.ui.layout import KEEP_TOGETHER, SHORTEST_PAGE, Line, block_height, is_heading, may_break_before


@dataclass
class StillSession:
    """Stands in for a Session: the play screen only reads ``page`` until a choice is made."""

    page: object
    history: tuple = ()


def worst_case_pages(story):
    """One Page per passage, with every variant's text added and every choice offered (the
    longest the passage can ever be)."""
    from game.engine import ChoiceView, Page

    for pid, passage in sorted(story.passages.items()):
        parts = [passage.text] + [v.text for v in passage.variants]
        text = "\n\n".join(part for part in parts if part and part.strip())
        if passage.ending is not None:
            choices = ()
        elif passage.choices:
            choices = tuple(ChoiceView(i, c.text) for i, c in enumerate(passage.choices, 1))
        else:
            choices = (ChoiceView(1, passage.continue_text or "Continue"),)
        yield Page(passage_id=pid, style=passage.style, speaker=passage.speaker, title=passage.title,
                   text=text, choices=choices, day=passage.day or 1, city=passage.city or story.home,
                   city_name="Rongcheng", is_ending=passage.ending is not None,
                   ending_title=passage.ending.title if passage.ending else None)


def broken_page_rules(lines: Sequence[Line], pages: Sequence[Sequence[Line]], line_height: int,
                      gap: int, page_height: int, reserve: int) -> list[str]:
    """Every way ``pages`` break the reading rules for ``lines``; empty when they keep them."""
    broken = []
    if [line for page in pages for line in page] != list(lines):
        broken.append("lines lost, repeated or reordered")
    for number, page in enumerate(pages):
        if block_height(page, line_height, gap) > page_height:
            broken.append(f"page {number + 1} overflows")
    last = pages[-1]
    if last and block_height(last, line_height, gap) + reserve > page_height:
        broken.append("no room for the choices under the last page")
    for number, page in enumerate(pages[:-1]):
        if len(page) < min(SHORTEST_PAGE, len(lines)):
            broken.append(f"page {number + 1} of {len(pages)} holds {len(page)} line(s)")
    for number, (page, after) in enumerate(zip(pages, pages[1:])):
        if not page or not after or after[0].first:
            headings = 0
            while headings < len(page) and page[-1 - headings].first and \
                    is_heading(page[-1 - headings]):
                headings += 1
            if after and headings and len(page) - headings >= SHORTEST_PAGE:
                broken.append(f"page {number + 1} ends with a heading: {page[-1].text!r}")
            continue
        paragraph = after[0].paragraph
        above = sum(1 for line in page if line.paragraph == paragraph)
        below = sum(1 for line in after if line.paragraph == paragraph)
        where_read = may_break_before([*page, *after], len(page))
        if min(above, below) < KEEP_TOGETHER and not where_read:
            broken.append(f"a paragraph split across pages {number + 1} and {number + 2} "
                          f"leaves a line alone")
        if not where_read and page_height - block_height(page, line_height, gap) >= page_height // 4:
            broken.append(f"page {number + 1} stops mid-sentence with a quarter of it empty")
    return broken

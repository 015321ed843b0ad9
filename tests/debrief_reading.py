"""Reading a rendered debrief back as text, so tests can hold every rendering — window,
terminal, transcript — to the one document they all draw."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from game import debrief_document as doc
from game.typography import plain


def normalised(text: str) -> str:
    """Text as compared across renderings: plain ASCII (each front end sets its own quotes,
    dashes and minus signs), one space between words, no thousands separators, lower case
    (kickers are set in capitals)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", plain(text))
    return " ".join(text.split()).lower()


def _cell(cell: doc.Cell) -> str:
    if isinstance(cell, doc.Points):
        return doc.signed(cell.value, "-")
    return str(cell)


def document_strings(document: doc.Document) -> list[str | tuple[str, ...]]:
    """Every piece of text the document holds, in reading order; a tuple is read in any order
    (the seal's grade, caption and score, which each front end arranges its own way)."""
    out: list[str | tuple[str, ...]] = []
    for section in document.sections:
        out += [section.kicker, section.heading]
        for block in section.blocks:
            if isinstance(block, (doc.Paragraph, doc.Subhead, doc.Item)):
                out.append(block.text)
            elif isinstance(block, doc.Standing):
                out.append(tuple(normalised(s) for s in (block.grade, block.caption, str(block.score))))
            elif isinstance(block, doc.Table):
                out += [c.title for c in block.columns]
                out += [_cell(cell) for row in block.rows for cell in row]
    return [s if isinstance(s, tuple) else normalised(s) for s in out if s]


def missing_in_order(expected: list[str | tuple[str, ...]], rendered: str) -> list[str]:
    """The expected strings not found in ``rendered`` one after another (empty when all are)."""
    text, at, missing = normalised(rendered), 0, []
    for piece in expected:
        group = piece if isinstance(piece, tuple) else (piece,)
        ends = []
        for part in group:
            found = text.find(part, at)
            if found < 0:
                missing.append(part)
            else:
                ends.append(found + len(part))
        at = max(ends, default=at)
    return missing


class PageReader(HTMLParser):
    """An HTML transcript read back: its text, the passages and choices, and each table's
    rows by the table's class.  Counts every tag it meets, so a test can see a script that
    should not be there."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: dict[str, int] = {}
        self.text: list[str] = []
        self.passages: list[str] = []
        self.choices: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.attributes: list[tuple[str, str | None]] = []
        self._stack: list[tuple[str, str]] = []
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._passage: list[str] | None = None
        self._choice: list[str] | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.attributes += attrs
        cls = dict(attrs).get("class") or ""
        self._stack.append((tag, cls))
        if tag == "article" and "passage" in cls:
            self._passage = []
        elif tag == "p" and "chosen" in cls:
            self._choice = []
        elif tag == "table":
            self._table = cls
            self.tables.setdefault(cls, [])
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            open_tag, cls = self._stack.pop()
            if open_tag == tag:
                break
        if tag == "article" and self._passage is not None:
            self.passages.append(" ".join(" ".join(self._passage).split()))
            self._passage = None
        elif tag == "p" and self._choice is not None:
            self.choices.append(" ".join(" ".join(self._choice).split()))
            self._choice = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join(" ".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if any(tag in ("style", "title") for tag, _ in self._stack):
            return
        self.text.append(data)
        in_label = bool(self._stack) and "label" in self._stack[-1][1]
        for sink in (self._passage, self._cell):
            if sink is not None:
                sink.append(data)
        if self._choice is not None and not in_label:
            self._choice.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(self.text)

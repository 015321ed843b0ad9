"""The debrief document set in type for the window, and cut into pages.

Each section, paragraph, table row and the seal becomes a :class:`Piece` of known height at
the sheet's measure; :func:`game.ui.layout.paginate_pieces`, where the passage's lines are
paged too, then fills pages with them, carrying a heading over with what it heads and
repeating a table's header on every page the table runs on to.  The first
section, the answer to what the game was counting, has its type set down, within limits, so
that it fits the first page.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from game import debrief_document as doc
from game.ui.layout import LINE_SPACING, ends_sentence, paginate_pieces
from game.ui.text import Text
from game.ui.theme import Metrics, metrics_for

#: No text on the debrief is smaller than this (pixels): it is read from the back of a classroom.
MIN_TEXT_PX = 14

#: The first screen's type is never set down below this share of the size of 100% text.
ANSWER_FLOOR = 0.8

@dataclass
class Piece:
    """One unit of a page: a line of text, a table row, a table header, the seal.

    ``keep`` ties it to the piece after it (a heading to its first line); ``space`` is the gap
    above it, dropped at the top of a page; ``new_page`` starts a page."""

    kind: str
    height: int
    data: Any = None
    keep: bool = False
    space: int = 0
    new_page: bool = False
    section: int = 0
    head: "Piece | None" = None   # a table row's header, repeated when the table runs on
    #: The paragraph, item or heading it is a line of (None: a block of its own), whether that
    #: block may run on to the next page between its lines, how many lines of text it counts
    #: for on a page, and whether its text ends a sentence.
    block: int | None = None
    flows: bool = False
    lines: int = 1
    ends_sentence: bool = False


def _one_block(pieces: list[Piece], block: int) -> list[Piece]:
    """``pieces`` marked as the lines of one block (a paragraph, an item, a heading)."""
    for piece in pieces:
        piece.block = block
    return pieces


@dataclass
class TableLayout:
    widths: list[int]
    columns: tuple
    line: int
    cells: list[list[list[str]]] = field(default_factory=list)


class Typesetter:
    """Sets ``document`` in the window's type: ``metrics`` as the player sized them, in a
    window of ``size``.  Made again whenever either changes."""

    def __init__(self, document: doc.Document, text: Text, metrics: Metrics, size: tuple[int, int]) -> None:
        self.document = document
        self.text = text
        self.metrics = metrics
        self.size = size

    def pages(self, width: int, room: int) -> list[list[tuple[Piece, int]]]:
        """The whole document on pages ``width`` wide and ``room`` high."""
        return paginate_pieces(self.pieces(width, self.answer_scale(width, room)), room)

    def sizes(self, scale: float = 1.0) -> dict[str, int]:
        m = self.metrics
        return {"body": max(MIN_TEXT_PX, round(m.body * 0.9 * scale)),
                "table": max(MIN_TEXT_PX, round(m.body * 0.75 * scale)),
                "small": max(MIN_TEXT_PX, round(m.small * scale)), "subhead": max(MIN_TEXT_PX, round(m.ui * scale)),
                "heading": max(MIN_TEXT_PX, round(m.heading * scale)),
                "gap": max(2, round(m.gap * min(1.0, scale)))}

    def answer_scale(self, width: int, room: int) -> float:
        """How far the first screen's type is set down so the answer fits one page: not at
        all where it fits as the player set it, and never below four fifths of the size of
        100% text (nor :data:`MIN_TEXT_PX`); an answer that still does not fit runs on."""
        first = self.document.sections[0] if self.document.sections else None
        if first is None or first.follows_on:
            return 1.0
        m = self.metrics
        floor = ANSWER_FLOOR * metrics_for(self.size, 1.0, m.line_spacing).body / m.body
        scale = 1.0
        while scale > floor:
            if len(paginate_pieces(self.pieces(width, scale, only_first=True), room)) <= 1:
                return scale
            scale = max(floor, scale - 0.05)
        return floor

    def pieces(self, width: int, answer_scale: float = 1.0, only_first: bool = False) -> list[Piece]:
        m, t = self.metrics, self.text
        pieces: list[Piece] = []
        blocks = itertools.count()
        for n, section in enumerate(self.document.sections):
            if only_first and n:
                break
            # The first section is the one-screen answer, its type set down to fit if it must.
            s = self.sizes(answer_scale if n == 0 else 1.0)
            first = True

            def add(piece: Piece) -> None:
                nonlocal first
                piece.section = n
                if first:
                    piece.new_page = not section.follows_on
                    piece.space = m.gap * 3
                    first = False
                pieces.append(piece)

            opening = [Piece("text", round(s["small"] * 1.4), ("sans", s["small"], "kicker", line.text, 0),
                             keep=True) for line in t.lines(section.kicker.upper(), "sans", s["small"], width)]
            lines = t.lines(section.heading, "serif", s["heading"], width)
            opening += [Piece("text", round(s["heading"] * 1.3), ("serif", s["heading"], "heading", line.text, 0),
                              keep=True, space=m.gap // 2 if i == 0 else 0) for i, line in enumerate(lines)]
            for piece in _one_block(opening, next(blocks)):
                add(piece)
            for block in section.blocks:
                set_in = self._block(block, width, s)
                if not isinstance(block, doc.Table):        # a table's rows are each a block
                    set_in = _one_block(set_in, next(blocks))
                for i, piece in enumerate(set_in):
                    if i == 0 and not piece.space:
                        piece.space = s["gap"]
                    add(piece)
        return pieces

    def _block(self, block, width: int, s: dict[str, int] | None = None) -> list[Piece]:
        m, t, s = self.metrics, self.text, s or self.sizes()
        if isinstance(block, doc.Paragraph):
            role, ink = ("serif_italic", "quiet") if block.quiet else ("serif", "body")
            return [Piece("text", round(s["body"] * LINE_SPACING), (role, s["body"], ink, line.text, 0),
                          flows=True, ends_sentence=ends_sentence(line.text))
                    for line in t.lines(block.text, role, s["body"], width)]
        if isinstance(block, doc.Subhead):
            return [Piece("text", round(s["subhead"] * 1.4), ("sans_bold", s["subhead"], "heading", line.text, 0),
                          keep=True, space=s["gap"] if i == 0 else 0)
                    for i, line in enumerate(t.lines(block.text, "sans_bold", s["subhead"], width))]
        if isinstance(block, doc.Item):
            indent = t.width("00.  ", "sans", s["body"])
            lines = t.lines(block.text, "serif", s["body"], width - indent)
            return [Piece("item" if i == 0 else "text", round(s["body"] * 1.45),
                          ("serif", s["body"], "body", line.text, indent, block.mark),
                          space=s["gap"] // 3 if i == 0 else 0, flows=True, ends_sentence=ends_sentence(line.text))
                    for i, line in enumerate(lines)]
        if isinstance(block, doc.Standing):
            # The seal stands as tall as three lines of text, and counts as them on a page.
            return [Piece("standing", round(s["heading"] * 3.4) + m.gap * 2, block, lines=3)]
        if isinstance(block, doc.Table):
            return self._table(block, width)
        raise TypeError(f"the window cannot set {block!r}")

    def _cell(self, cell, column: doc.Column) -> str:
        if isinstance(cell, doc.Points):
            # The true minus sign exists only in the mono font; text columns get a dash.
            return doc.signed(cell.value, "−" if not column.wraps else "–")
        return f"{cell:,}" if isinstance(cell, int) else str(cell)

    def _table(self, table: doc.Table, width: int) -> list[Piece]:
        m, t, s = self.metrics, self.text, self.sizes()
        size, pad = s["table"], m.gap
        texts = [[self._cell(c, column) for c, column in zip(row, table.columns)] for row in table.rows]

        def role(column: doc.Column, head: bool = False) -> str:
            return "sans_bold" if head else ("mono" if not column.wraps else "serif")

        def measure(text: str, r: str) -> int:
            return t.width(text, r, size)

        natural, least = [], []
        for i, column in enumerate(table.columns):
            cells = [measure(column.title, role(column, True))] + [measure(row[i], role(column)) for row in texts]
            natural.append(max(cells) + pad)
            words = [measure(w, role(column, True)) for w in column.title.split()] + \
                [measure(w, role(column)) for row in texts for w in row[i].split()]
            least.append((max(words) if column.wraps else max(cells)) + pad)
        widths = list(least)
        spare = width - sum(widths)
        wrapping = sorted((i for i, c in enumerate(table.columns) if c.wraps), key=lambda i: natural[i] - least[i])
        # Short columns ("not counted", a reporter's name) are made whole before long ones grow.
        while wrapping and spare > 0:
            share = spare // len(wrapping)
            i = wrapping[0]
            if natural[i] - widths[i] > share:
                for j in wrapping:
                    widths[j] += share
                break
            spare -= natural[i] - widths[i]
            widths[i] = natural[i]
            wrapping.pop(0)
        line = round(size * 1.35)

        def wrap(text: str, column: doc.Column, w: int, head: bool = False) -> list[str]:
            if not column.wraps:
                return [text]
            return [ln.text for ln in t.lines(text, role(column, head), size, max(1, w - pad))] or [""]

        layout = TableLayout(widths, table.columns, line)
        heads = [wrap(c.title, c, w, True) for c, w in zip(table.columns, widths)]
        head = Piece("table_head", max(map(len, heads)) * line + m.gap // 2, (layout, heads), keep=True,
                     lines=max(map(len, heads)))
        pieces = [head]
        for row in texts:
            cells = [wrap(text, c, w) for text, c, w in zip(row, table.columns, widths)]
            pieces.append(Piece("row", max(map(len, cells)) * line + m.gap // 2, (layout, cells), head=head,
                                lines=max(map(len, cells))))
        return pieces

"""The debrief: the ledger opened.  This is the moment the game exists for.

The document built once in :mod:`game.debrief_document` (the terminal prints the same one) is
set on paper here, line by line: a long paragraph runs on to the next page, a table keeps its
header on every page it spans and wraps its columns rather than cutting them, and a heading
never ends a page without what it heads.  Only this screen ever shows a score or a grade.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from game import debrief_document as doc
from game.saves import ENDING
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.layout import LINE_SPACING
from game.ui.scene import Pop, Push, Reset, Scene, To, Transition
from game.ui.scenes.common import button_column, button_row, draw_background
from game.ui.theme import metrics_for
from game.ui.widgets import Focus, draw_panel

#: No text on the debrief is smaller than this (pixels): it is read from the back of a classroom.
MIN_TEXT_PX = 14

#: The first screen's type is never set down below this share of the size of 100% text.
ANSWER_FLOOR = 0.8

#: The palette colour each kind of text is drawn in, on ``paper``.  Tests hold every one of
#: them to a 4.5:1 contrast with the paper.
INKS: dict[str, str] = {
    "body": "ink", "quiet": "ink_dim", "heading": "ink", "kicker": "seal", "mark": "seal",
    "table": "ink", "table_head": "ink", "reporter": "ink", "positive": "positive",
    "negative": "negative", "folio": "ink_dim", "grade": "seal",
}


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


@dataclass
class TableLayout:
    widths: list[int]
    columns: tuple
    line: int
    cells: list[list[list[str]]] = field(default_factory=list)


def paginate(pieces: list[Piece], room: int) -> list[list[tuple[Piece, int]]]:
    """Fill pages of height ``room`` with pieces; each page is a list of (piece, y offset)."""
    pages: list[list[Piece]] = [[]]
    used = 0

    def height(page: list[Piece]) -> int:
        return sum(p.height + (p.space if i else 0) for i, p in enumerate(page))

    for piece in pieces:
        page = pages[-1]
        if piece.new_page and page:
            pages.append([])
            page, used = pages[-1], 0
        space = piece.space if page else 0
        if page and used + space + piece.height > room:
            carried: list[Piece] = []
            while page and page[-1].keep:
                carried.insert(0, page.pop())
            if not page:          # nothing but headings so far: break anyway rather than loop
                page.extend(carried)
                carried = []
            new: list[Piece] = []
            if piece.head is not None and not carried:
                new.append(piece.head)
            new.extend(carried)
            pages.append(new)
            page, used = new, height(new)
            space = piece.space if page else 0
        page.append(piece)
        used += space + piece.height
    placed = []
    for page in pages:
        y, row = 0, []
        for i, piece in enumerate(page):
            y += piece.space if i else 0
            row.append((piece, y))
            y += piece.height
        placed.append(row)
    return placed


class DebriefScene(Scene):
    """``again`` is True when the player reopened a finished game's debrief from the title."""

    name = "debrief"

    def __init__(self, app, session, again: bool = False) -> None:
        super().__init__(app)
        self.session = session
        self.again = again
        self.debrief = session.debrief()
        self.document = doc.build(self.debrief, app.story.title)
        if app.kiosk is not None and not again:
            # A finished visit is counted now; with statistics on, the ledger is compared too.
            self.document = app.kiosk.finish_visit(session, self.debrief, self.document)
        self.page = 0
        self.seen: set[int] = {0}
        self.focus = Focus()
        self.kept = again

    def enter(self) -> None:
        super().enter()
        if not self.kept:
            # The finished game is kept apart from the autosaves, so "Read the debrief again"
            # on the title screen opens this very debrief after a new game has begun.
            self.kept = True
            self.app.save(ENDING, self.session)

    # -- sizes -----------------------------------------------------------------------------
    def sizes(self, scale: float = 1.0) -> dict[str, int]:
        m = self.app.metrics
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
        m = self.app.metrics
        floor = ANSWER_FLOOR * metrics_for(self.app.size, 1.0, m.line_spacing).body / m.body
        scale = 1.0
        while scale > floor:
            if len(paginate(self._pieces(width, scale, only_first=True), room)) <= 1:
                return scale
            scale = max(floor, scale - 0.05)
        return floor

    def ink(self, role: str):
        return getattr(self.app.palette, INKS[role])

    # -- the document as pieces ----------------------------------------------------------------
    def _pieces(self, width: int, answer_scale: float = 1.0, only_first: bool = False) -> list[Piece]:
        m, t = self.app.metrics, self.app.text
        pieces: list[Piece] = []
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

            for line in t.lines(section.kicker.upper(), "sans", s["small"], width):
                add(Piece("text", round(s["small"] * 1.4), ("sans", s["small"], "kicker", line.text, 0), keep=True))
            lines = t.lines(section.heading, "serif", s["heading"], width)
            for i, line in enumerate(lines):
                add(Piece("text", round(s["heading"] * 1.3), ("serif", s["heading"], "heading", line.text, 0),
                          keep=True, space=m.gap // 2 if i == 0 else 0))
            for block in section.blocks:
                for i, piece in enumerate(self._block(block, width, s)):
                    if i == 0 and not piece.space:
                        piece.space = s["gap"]
                    add(piece)
        return pieces

    def _block(self, block, width: int, s: dict[str, int] | None = None) -> list[Piece]:
        m, t, s = self.app.metrics, self.app.text, s or self.sizes()
        if isinstance(block, doc.Paragraph):
            role, ink = ("serif_italic", "quiet") if block.quiet else ("serif", "body")
            return [Piece("text", round(s["body"] * LINE_SPACING), (role, s["body"], ink, line.text, 0))
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
                          space=s["gap"] // 3 if i == 0 else 0) for i, line in enumerate(lines)]
        if isinstance(block, doc.Standing):
            return [Piece("standing", round(s["heading"] * 3.4) + m.gap * 2, block)]
        if isinstance(block, doc.Table):
            return self._table(block, width)
        raise TypeError(f"the window cannot set {block!r}")

    def _cell(self, cell, column: doc.Column) -> str:
        if isinstance(cell, doc.Points):
            # The true minus sign exists only in the mono font; text columns get a dash.
            return doc.signed(cell.value, "−" if not column.wraps else "–")
        return f"{cell:,}" if isinstance(cell, int) else str(cell)

    def _table(self, table: doc.Table, width: int) -> list[Piece]:
        m, t, s = self.app.metrics, self.app.text, self.sizes()
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
        head = Piece("table_head", max(map(len, heads)) * line + m.gap // 2, (layout, heads), keep=True)
        pieces = [head]
        for row in texts:
            cells = [wrap(text, c, w) for text, c, w in zip(row, table.columns, widths)]
            pieces.append(Piece("row", max(map(len, cells)) * line + m.gap // 2, (layout, cells), head=head))
        return pieces

    # -- layout ----------------------------------------------------------------------------
    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        w, h = app.size
        self.nav = button_row(app, [("Previous", "prev"), ("Contents", "contents"), ("Next", "next"),
                                    *self._keeping(), ("Finish", "finish")], h - m.margin)
        # A measure of 80 characters; on a small screen, the whole width,
        # so the first page holds the answer there too.
        measure = max(round(app.text.average_char_width("serif", m.body) * 80), w if w < 1280 else 0)
        self.sheet = pygame.Rect(0, m.margin, min(w - 2 * m.margin, measure), 0)
        self.sheet.centerx = w // 2
        self.sheet.height = self.nav[0].rect.top - m.gap * 2 - self.sheet.y
        self.inner = self.sheet.inflate(-m.margin * 2, -m.margin * 2)
        folio = round(self.sizes()["small"] * 1.4)
        #: Everything but the folio is drawn inside this rectangle.
        self.content = pygame.Rect(self.inner.x, self.inner.y, self.inner.width, self.inner.height - folio - m.gap)
        scale = self.answer_scale(self.inner.width, self.content.height)
        self.pages = paginate(self._pieces(self.inner.width, scale), self.content.height)
        self.section_pages = {}
        for number, page in enumerate(self.pages):
            for piece, _ in page:
                self.section_pages.setdefault(piece.section, number)
        self.page = min(self.page, len(self.pages) - 1)
        self.seen = {p for p in self.seen if p < len(self.pages)} | {self.page}
        self._update_nav()

    def _update_nav(self) -> None:
        last = len(self.pages) - 1
        for b in self.nav:
            b.enabled = {"prev": self.page > 0, "next": self.page < last}.get(b.key, True)
        key = self.focus.focused_key()
        self.focus.set_buttons(self.nav)
        if key is None or not self.focus.buttons[self.focus.index or 0].enabled:
            self.focus.focus_key("next" if self.page < last else "finish")

    # -- moving about ------------------------------------------------------------------------
    def go_to(self, page: int) -> None:
        new = max(0, min(len(self.pages) - 1, page))
        if new != self.page:
            self.page = new
            self.seen.add(new)
            self.app.sound("page")
            self._update_nav()
            self.dirty = True

    def go_to_section(self, index: int) -> None:
        if index in self.section_pages:
            self.go_to(self.section_pages[index])

    def handle(self, command: Command) -> Transition | None:
        k = command.kind
        if k == cmd.BACK:
            return self.leave()
        if k == cmd.CHOOSE and command.number:
            self.go_to_section(command.number - 1)
            return None
        if k in (cmd.RIGHT, cmd.PAGE_DOWN, cmd.ADVANCE) or (k == cmd.SCROLL and command.amount > 0):
            self.go_to(self.page + 1)
            return None
        if k in (cmd.LEFT, cmd.PAGE_UP) or (k == cmd.SCROLL and command.amount < 0):
            self.go_to(self.page - 1)
            return None
        if k == cmd.HOME:
            self.go_to(0)
            return None
        if k == cmd.END:
            self.go_to(len(self.pages) - 1)
            return None
        key = self.press(command)
        if key == "next":
            self.go_to(self.page + 1)
        elif key == "prev":
            self.go_to(self.page - 1)
        elif key == "contents":
            self.app.sound("click")
            return Push(ContentsScene(self.app, self))
        elif key == "transcript":
            self.save_transcript()
        elif key == "finish":
            return self.leave()
        return None

    def _keeping(self) -> list[tuple[str, str]]:
        # A kiosk keeps nothing of its visitors, so it offers no file to take away.
        return [] if self.app.kiosk is not None else [("Save transcript", "transcript")]

    def save_transcript(self) -> list:
        """Write this life's transcript, HTML and Markdown, where a student finds it, and say
        where; the files written (none if it failed, which is said too)."""
        from game import transcript
        from game.transcript_files import write

        self.app.sound("click")
        record = transcript.build(self.session)
        folder = transcript.transcripts_dir()
        try:
            written = write(record, folder / transcript.file_stem(record))
        except OSError as exc:
            self.app.toast(f"The transcript could not be saved in {folder}: {exc.strerror or exc}", 6)
            return []
        self.app.toast(f"Transcript saved in {folder}: " + " and ".join(path.name for path in written), 8)
        return written

    @property
    def read_through(self) -> bool:
        """On the last page, having turned through every page: the reader is done."""
        return self.page == len(self.pages) - 1 and len(self.seen) == len(self.pages)

    def leave(self) -> Transition:
        """Go on from the debrief; one reflexive key must not skip the ledger, so unless the
        reader has been through every page, ask first."""
        self.app.sound("click")
        if self.read_through:
            return self._gone()
        question = (f"Leave the debrief? You have read {len(self.seen)} of its {len(self.pages)} pages. "
                    "You can read it again from the title screen.")
        return Push(To("confirm", question=question, on_yes=self._gone, yes="Leave", no="Keep reading"))

    def _gone(self) -> Transition:
        if self.app.kiosk is not None:
            return Reset(To("attract", lines=self.app.kiosk.lines))
        if self.again:
            return Reset(To("title"))
        return Reset(To("title"), then=Push(To("credits")))

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, m, p, t = self.app, self.app.metrics, self.app.palette, self.app.text
        draw_background(app, surface, winter=True)
        if not p.high_contrast:
            draw_panel(surface, self.sheet.move(m.line_width * 4, m.line_width * 4), (0, 0, 0, 110), 0)
        draw_panel(surface, self.sheet, p.paper, 0, p.paper_edge, m.line_width)
        # A red margin rule, as in a ledger book.
        rule_x = self.sheet.x + m.margin // 2
        pygame.draw.line(surface, p.seal, (rule_x, self.sheet.y), (rule_x, self.sheet.bottom - 1), m.line_width)
        for piece, y in self.pages[self.page]:
            self._draw_piece(surface, piece, self.content.x, self.content.y + y, self.content.width)
        small = self.sizes()["small"]
        title = self.document.sections[self.pages[self.page][0][0].section].title if self.pages[self.page] else ""
        folio = f"{title} · {self.page + 1} / {len(self.pages)}"
        t.draw(surface, t.fit(folio, "sans", small, self.inner.width), "sans", small, self.ink("folio"),
               (self.sheet.centerx, self.inner.bottom), "midbottom")
        self.focus.draw(surface, t, m, p)

    def _draw_piece(self, surface: pygame.Surface, piece: Piece, x: int, y: int, width: int) -> None:
        m, p, t = self.app.metrics, self.app.palette, self.app.text
        if piece.kind in ("text", "item"):
            role, size, ink, text, indent = piece.data[:5]
            if piece.kind == "item":
                mark = piece.data[5]
                t.draw(surface, mark, "sans_bold" if mark[:1].isdigit() else "sans", size, self.ink("mark"), (x, y))
            t.draw(surface, text, role, size, self.ink(ink), (x + indent, y))
        elif piece.kind in ("table_head", "row"):
            layout, cells = piece.data
            size, cx = self.sizes()["table"], x
            for i, (column, w, lines) in enumerate(zip(layout.columns, layout.widths, cells)):
                role = "sans_bold" if piece.kind == "table_head" else ("mono" if not column.wraps else "serif")
                ink = "table_head" if piece.kind == "table_head" else ("reporter" if i == 2 else "table")
                if piece.kind == "row" and lines and lines[0][:1] in "+−–" and lines[0][1:].isdigit():
                    ink = "positive" if lines[0][0] == "+" else "negative"
                for n, text in enumerate(lines):
                    ly = y + n * layout.line
                    if column.numeric:
                        t.draw(surface, text, role, size, self.ink(ink), (cx + w - m.gap // 2, ly), "topright")
                    else:
                        t.draw(surface, text, role, size, self.ink(ink), (cx, ly))
                cx += w
            bottom = y + piece.height - m.gap // 4
            colour = p.ink if piece.kind == "table_head" else p.paper_edge
            pygame.draw.line(surface, colour, (x, bottom), (x + width, bottom), m.line_width if
                             piece.kind == "table_head" else 1)
        elif piece.kind == "standing":
            self._draw_standing(surface, piece.data, x, y)

    def _draw_standing(self, surface: pygame.Surface, standing: doc.Standing, x: int, y: int) -> None:
        m, t, s = self.app.metrics, self.app.text, self.sizes()
        r = round(s["heading"] * 1.5)
        cx, cy = x + r + m.gap, y + r + m.gap
        seal = self.ink("grade")
        pygame.draw.circle(surface, seal, (cx, cy), r, max(2, m.line_width * 2))
        pygame.draw.circle(surface, seal, (cx, cy), r - max(4, m.line_width * 4), max(1, m.line_width))
        grade = standing.grade
        t.draw(surface, grade, "sans_bold", round(s["heading"] * (1.2 if len(grade) <= 2 else 0.95)), seal,
               (cx, cy), "center")
        tx = cx + r + m.margin
        t.draw(surface, standing.caption, "sans", s["small"], self.ink("quiet"), (tx, cy - m.gap // 2 - s["heading"]),
               "bottomleft")
        t.draw(surface, f"{standing.score} points", "serif", s["heading"], self.ink("heading"),
               (tx, cy - m.gap // 2 + round(s["heading"] * 0.3)), "bottomleft")
        t.draw(surface, f"Started at {standing.start} — {standing.change('–')}", "sans", s["small"], self.ink("quiet"),
               (tx, cy + m.gap // 2))


class ContentsScene(Scene):
    """The debrief's sections, each a button that opens the page it starts on."""

    name = "debrief_contents"
    opaque = False

    def __init__(self, app, debrief: DebriefScene) -> None:
        super().__init__(app)
        self.debrief = debrief
        self.focus = Focus()

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        self.debrief.ensure_layout()
        sections = self.debrief.document.sections
        items = [(f"{n}. {s.title} — page {self.debrief.section_pages.get(n - 1, 0) + 1}", n - 1)
                 for n, s in enumerate(sections, 1) if (n - 1) in self.debrief.section_pages]
        items.append(("Back to the page", "back"))
        width = min(app.size[0] - 2 * m.margin,
                    max(app.text.width(label, "sans", m.ui) for label, _ in items) + 4 * m.gap)
        buttons = button_column(app, items, m.margin, width, centre_x=app.size[0] // 2)
        overflow = buttons[-1].rect.bottom - (app.size[1] - m.margin)
        if overflow > 0:
            # Short windows: the list pulls its buttons together rather than run off the screen.
            step = (app.size[1] - 2 * m.margin) / len(buttons)
            for i, b in enumerate(buttons):
                b.rect.height = min(b.rect.height, max(1, round(step) - 2))
                b.rect.y = m.margin + round(i * step)
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            current = max((s for s, page in self.debrief.section_pages.items() if page <= self.debrief.page),
                          default=0)
            self.focus.focus_key(current)

    def handle(self, command: Command) -> Transition | None:
        if command.kind == cmd.BACK:
            return Pop()
        if command.kind == cmd.CHOOSE and command.number:
            self.debrief.go_to_section(command.number - 1)
            return Pop()
        key = self.press(command)
        if key is None:
            return None
        self.app.sound("click")
        if key != "back":
            self.debrief.go_to_section(key)
        return Pop()

    def draw(self, surface: pygame.Surface) -> None:
        draw_panel(surface, surface.get_rect(), (0, 0, 0, 170), 0)
        self.focus.draw(surface, self.app.text, self.app.metrics, self.app.palette)

"""The debrief: the ledger opened.  This is the moment the game exists for.

The document built once in :mod:`game.debrief_document` (the terminal prints the same one) is
set on paper here, line by line: a long paragraph runs on to the next page, a table keeps its
header on every page it spans and wraps its columns rather than cutting them, and a heading
never ends a page without what it heads (the cutting into pages is :mod:`game.ui.debrief_pages`;
this screen draws the pages and turns them).  Only this screen ever shows a score or a grade.
"""

from __future__ import annotations

import pygame

from game import debrief_document as doc
from game.saves import ENDING
from game.ui import input as cmd
from game.ui.debrief_pages import Piece, Typesetter
from game.ui.input import Command
from game.ui.scene import Pop, Push, Reset, Scene, To, Transition
from game.ui.scenes.common import button_row, draw_background
from game.ui.widgets import Focus, draw_dialog, draw_panel, make_button

#: The palette colour each kind of text is drawn in, on ``paper``.  Tests hold every one of
#: them to a 4.5:1 contrast with the paper.
INKS: dict[str, str] = {
    "body": "ink", "quiet": "ink_dim", "heading": "ink", "kicker": "seal", "mark": "seal",
    "table": "ink", "table_head": "ink", "reporter": "ink", "positive": "positive",
    "negative": "negative", "folio": "ink_dim", "grade": "seal",
}


class DebriefScene(Scene):
    """The sheet of paper the debrief is read on, a page at a time, and the buttons under it;
    the document is set in type and cut into pages by a :class:`Typesetter`.  ``again`` is
    True when the player reopened a finished game's debrief from the title."""

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

    def ink(self, role: str):
        return getattr(self.app.palette, INKS[role])

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
        self.setting = Typesetter(self.document, app.text, m, app.size)
        folio = round(self.setting.sizes()["small"] * 1.4)
        #: Everything but the folio is drawn inside this rectangle.
        self.content = pygame.Rect(self.inner.x, self.inner.y, self.inner.width, self.inner.height - folio - m.gap)
        self.pages = self.setting.pages(self.inner.width, self.content.height)
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
        # The default follows the page: Next while pages follow, Finish on the last.  A focus
        # the reader moved elsewhere (Contents, Previous) stays where they put it.
        if key in (None, "next", "finish") or not self.focus.buttons[self.focus.index or 0].enabled:
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
        if k == cmd.CHOOSE and command.digit:
            self.go_to_section(command.digit - 1)
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
            return self.save_transcript()
        elif key == "finish":
            return self.leave()
        return None

    def _keeping(self) -> list[tuple[str, str]]:
        # A kiosk keeps nothing of its visitors, so it offers no file to take away.
        return [] if self.app.kiosk is not None else [("Save transcript", "transcript")]

    def save_transcript(self) -> Transition:
        """Ask the student's name, then write this life's transcript (see
        :mod:`game.ui.scenes.transcript_name`)."""
        self.app.sound("click")
        return Push(To("transcript name", session=self.session))

    @property
    def read_through(self) -> bool:
        """Every page has been on screen: the reader is done, wherever they turned back to."""
        return len(self.seen) == len(self.pages)

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
        small = self.setting.sizes()["small"]
        folio = " · ".join([*self.page_titles(self.page), f"{self.page + 1} / {len(self.pages)}"])
        t.draw(surface, t.fit(folio, "sans", small, self.inner.width), "sans", small, self.ink("folio"),
               (self.sheet.centerx, self.inner.bottom), "midbottom")
        self.focus.draw(surface, t, m, p)

    def readable(self) -> list[pygame.Rect]:
        """The lines of the page on screen, which a toast keeps clear of where the page
        leaves room."""
        return [pygame.Rect(self.content.x, self.content.y + y, self.content.width, piece.height)
                for piece, y in self.pages[self.page]]

    def page_titles(self, page: int) -> list[str]:
        """The sections a page holds any of, by their titles in the contents, in order: a
        section that starts at the foot of a page is named there, as the contents name it."""
        sections = dict.fromkeys(piece.section for piece, _ in self.pages[page])
        return [self.document.sections[n].title for n in sections]

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
            size, cx = self.setting.sizes()["table"], x
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
        m, t, s = self.app.metrics, self.app.text, self.setting.sizes()
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
        buttons = contents_buttons(app, items)
        self.box = buttons[0].rect.unionall([b.rect for b in buttons]).inflate(m.gap * 4, m.gap * 4)
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            current = max((s for s, page in self.debrief.section_pages.items() if page <= self.debrief.page),
                          default=0)
            self.focus.focus_key(current)

    def handle(self, command: Command) -> Transition | None:
        if command.kind == cmd.BACK:
            return Pop()
        if command.kind == cmd.CHOOSE and command.digit:
            self.debrief.go_to_section(command.digit - 1)
            return Pop()
        key = self.press(command)
        if key is None:
            return None
        self.app.sound("click")
        if key != "back":
            self.debrief.go_to_section(key)
        return Pop()

    def draw(self, surface: pygame.Surface) -> None:
        draw_dialog(surface, self.box, self.app.metrics, self.app.palette)
        self.focus.draw(surface, self.app.text, self.app.metrics, self.app.palette)


def contents_buttons(app, items: list[tuple[str, object]]) -> list:
    """The contents' buttons in as few columns as fit the window, read down each column; in
    smaller type only when two columns of the player's size do not fit (large text, a short
    window): never squeezed so that one runs into the next."""
    m = app.metrics
    w, h = app.size
    pad = m.gap * 2
    room_w, room_h = w - 2 * m.margin - 2 * pad, h - 2 * m.margin - 2 * pad
    for columns, size in ((1, m.ui), (2, m.ui), (2, m.small), (3, m.small)):
        widest = max(app.text.width(label, "sans", size) for label, _ in items) + 4 * m.gap
        width = min(widest, (room_w - (columns - 1) * m.gap) // columns)
        per_column = -(-len(items) // columns)
        buttons, heights = [], []
        for c in range(columns):
            y = 0
            for label, key in items[c * per_column:(c + 1) * per_column]:
                rect = pygame.Rect(c * (width + m.gap), y, width, m.button_height)
                buttons.append(make_button(app.text, m, rect, key, label, size=size))
                y = buttons[-1].rect.bottom + m.gap
            heights.append(y - m.gap)
        if max(heights) <= room_h:
            break
    # Centred in the window, and never above its top margin.
    total_w = columns * width + (columns - 1) * m.gap
    dx = (w - total_w) // 2
    dy = max(m.margin + pad, (h - max(heights)) // 2)
    for b in buttons:
        b.rect.move_ip(dx, dy)
    return buttons

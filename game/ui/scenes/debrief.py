"""The debrief: the ledger opened.  This is the moment the game exists for.

What the engine derived at the end is set as a paper document, page by page: how it ended;
every recorded act with its day, source and points; the grade and what it meant; what nobody
recorded; the court blacklist; the same life re-scored under the other jurisdiction(s); the
companies; questions to think about.  Only this screen ever shows a score or a grade.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Push, Reset, Scene, Transition
from game.ui.scenes.common import button_row, draw_background
from game.ui.widgets import Focus, draw_panel


@dataclass
class Block:
    """One piece of the document.  ``kind`` decides how it is measured and drawn."""

    kind: str                    # kicker, heading, para, quiet, bullet, table_head, row, stamp, rule, space
    text: str = ""
    cells: tuple = ()
    data: dict = field(default_factory=dict)
    section: int = 0


def _points(n: int, mono: bool = True) -> str:
    """Signed points; the true minus sign only exists in the mono font, text fonts get a dash."""
    minus = "−" if mono else "–"
    return f"+{n}" if n > 0 else (f"{minus}{abs(n)}" if n < 0 else "0")


def _entry_table(entries, empty: str) -> list[Block]:
    """A ledger's counted entries as a table, or one quiet line when there are none."""
    if not entries:
        return [Block("quiet", empty)]
    return [Block("table_head")] + [
        Block("row", cells=(_day(e.day), e.label, e.source_label, e.points, e.running)) for e in entries]


def _day(day: int) -> str:
    return f"Day {day}"


def build_blocks(debrief, story_title: str) -> list[list[Block]]:
    """The document as sections (each starts a new page), from a ``Debrief``."""
    d = debrief
    sections: list[list[Block]] = []

    # 1. How it ended.
    s = [Block("kicker", "How it ended"), Block("heading", d.ending_title)]
    for para in [p for p in d.ending_text.split("\n\n") if p.strip()]:
        s.append(Block("para", para))
    s.append(Block("quiet", "Nobody told you, but all autumn and winter something was keeping count. "
                            "Turn the page to open the ledger."))
    sections.append(s)

    # 2. The home ledger.
    home = d.home
    s = [Block("kicker", home.document or f"{home.name} — personal credit"),
         Block("heading", "What was recorded"),
         Block("para", f"Every adult resident of {home.name} began with {home.start} points. "
                       f"These are the acts that reached the system, who reported them, and what each was worth.")]
    s.extend(_entry_table(home.entries, "Nothing you did reached the system."))
    sections.append(s)

    # 3. The grade and what it meant.
    s = [Block("kicker", f"{home.name} — the result"), Block("heading", "Your grade"),
         Block("stamp", data={"grade": home.grade, "score": home.score, "start": home.start})]
    if home.capped_by:
        s.append(Block("para", f"The points alone would have put you higher. One record set a ceiling on the "
                               f"grade, whatever else you did: {home.capped_by}."))
    if home.perks:
        s.append(Block("subhead", f"What {home.grade} meant"))
        s.extend(Block("bullet", perk) for perk in home.perks)
    else:
        s.append(Block("quiet", f"The measures list nothing in particular for grade {home.grade}."))
    sections.append(s)

    # 4. What nobody recorded.
    s = [Block("kicker", "Off the record"), Block("heading", "What nobody recorded")]
    if d.unrecorded:
        s.append(Block("para", "These things happened. No camera, clerk, bank or neighbour wrote them down, "
                               "so no system counted them."))
        for e in d.unrecorded:
            s.append(Block("bullet", f"{_day(e.day)} — {e.label}"))
    else:
        s.append(Block("quiet", "Everything you did was seen by someone."))
    if home.not_counted:
        s.append(Block("subhead", f"Recorded, but not counted in {home.name}"))
        s.append(Block("para", "Someone wrote these down, but their records do not feed this city's system."))
        for e in home.not_counted:
            src = f" ({e.source_label})" if e.source_label else ""
            s.append(Block("bullet", f"{_day(e.day)} — {e.label}{src}"))
    sections.append(s)

    # 5. The blacklist.
    b = d.blacklist
    s = [Block("kicker", "A separate system"), Block("heading", b.name or "The court blacklist")]
    s.append(Block("para", "The court blacklist has nothing to do with points. Courts list people who ignore "
                           "their judgments; paying or settling takes them off again."))
    if b.listed:
        status = "At the end, your name was on the list."
    elif b.ever_listed:
        status = "Your name was on the list for a time, and came off it."
    else:
        status = "Your name was never on the list."
    s.append(Block("subhead", status))
    for day, label, change in b.history:
        s.append(Block("bullet", f"{_day(day)} — {'listed' if change == 'listed' else 'removed'}: {label}"))
    if b.bars:
        s.append(Block("subhead", "What a listed person cannot do"))
        s.extend(Block("bullet", bar) for bar in b.bars)
    sections.append(s)

    # 6. The same life elsewhere.
    for other in d.others:
        s = [Block("kicker", "The same life, somewhere else"),
             Block("heading", f"Under {other.name}'s rules"),
             Block("para", f"The same acts, the same witnesses — scored by {other.document or other.name + ' rules'}, "
                           f"starting from {other.start}. What one city counts, another ignores."),
             Block("stamp", data={"grade": other.grade, "score": other.score, "start": other.start})]
        if other.capped_by:
            s.append(Block("quiet", f"Capped by: {other.capped_by}."))
        s.extend(_entry_table(other.entries, "Nothing you did would have counted here."))
        if other.perks:
            s.append(Block("subhead", f"What {other.grade} would have meant"))
            s.extend(Block("bullet", perk) for perk in other.perks)
        sections.append(s)

    # 7. Companies are rated too.
    if d.companies:
        s = [Block("kicker", "Companies are rated too"), Block("heading", "The others in your ledger")]
        for c in d.companies:
            s.append(Block("subhead", f"{c.subject_label}: {c.grade} ({c.score} points)"))
            for e in c.entries:
                s.append(Block("bullet", f"{_day(e.day)} — {e.label} ({e.source_label}) {_points(e.points, mono=False)}"))
        sections.append(s)

    # 8. Questions.
    if d.questions:
        s = [Block("kicker", "To think about"), Block("heading", "Questions")]
        for i, q in enumerate(d.questions, 1):
            s.append(Block("question", q, data={"n": i}))
        sections.append(s)
    for i, sec in enumerate(sections):
        for block in sec:
            block.section = i
    return sections


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, app, session) -> None:
        super().__init__(app)
        self.session = session
        self.debrief = session.debrief()
        self.sections = build_blocks(self.debrief, app.story.title)
        self.page = 0
        self.focus = Focus()

    # -- measuring -------------------------------------------------------------------------
    def _sizes(self):
        m = self.app.metrics
        body = max(12, round(m.body * 0.9))
        table = max(11, round(m.body * 0.75))
        return body, table

    def _columns(self, width: int) -> tuple[int, int, int, int, int]:
        t = self.app.text
        _, table = self._sizes()
        pad = self.app.metrics.gap
        day_w = t.width("Day 000", "mono", table) + pad
        pts_w = t.width("+000", "mono", table) + pad
        run_w = t.width("0000", "mono", table) + pad
        rest = max(40, width - day_w - pts_w - run_w)
        what_w = int(rest * 0.58)
        return day_w, what_w, rest - what_w, pts_w, run_w

    def _measure(self, block: Block, width: int) -> int:
        m, t = self.app.metrics, self.app.text
        body, table = self._sizes()
        k = block.kind
        if k == "kicker":
            return m.small_line + m.gap // 2
        if k == "heading":
            lines = t.lines(block.text, "serif", m.heading, width)
            return len(lines) * round(m.heading * 1.3) + m.gap
        if k in ("para", "quiet"):
            role = "serif" if k == "para" else "serif_italic"
            lines = t.lines(block.text, role, body, width)
            return len(lines) * round(body * 1.5) + m.gap
        if k == "subhead":
            lines = t.lines(block.text, "sans_bold", m.ui, width)
            return len(lines) * m.ui_line + m.gap
        if k in ("bullet", "question"):
            indent = t.width("00.  ", "sans", body)
            lines = t.lines(block.text, "serif", body, width - indent)
            return len(lines) * round(body * 1.45) + m.gap // 2
        if k == "table_head":
            return round(table * 1.6) + m.gap // 2
        if k == "row":
            day_w, what_w, src_w, _, _ = self._columns(width)
            a = len(t.lines(block.cells[1], "serif", table, what_w - m.gap))
            b = len(t.lines(block.cells[2] or "", "sans", max(10, table - 2), src_w - m.gap))
            return max(a, b) * round(table * 1.45) + m.gap // 2
        if k == "stamp":
            return round(m.heading * 3.4) + m.gap * 2
        return m.gap

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        w, h = app.size
        nav = button_row(app, [("Previous", "prev"), ("Next", "next"), ("Finish", "finish")], h - m.margin)
        self.nav = nav
        self.sheet = pygame.Rect(0, m.margin, min(w - 2 * m.margin,
                                 round(app.text.average_char_width("serif", m.body) * 80)), 0)
        self.sheet.centerx = w // 2
        self.sheet.height = nav[0].rect.top - m.gap * 2 - self.sheet.y
        self.inner = self.sheet.inflate(-m.margin * 2, -m.margin * 2)
        room = self.inner.height - m.small_line * 2   # a folio line at the foot
        pages: list[list[tuple[Block, int]]] = []
        for section in self.sections:
            current: list[tuple[Block, int]] = []
            y = 0
            for block in section:
                bh = self._measure(block, self.inner.width)
                if current and y + bh > room:
                    pages.append(current)
                    current, y = [], 0
                    if block.kind == "row":
                        # A table that continues keeps its header.
                        head = Block("table_head", section=block.section)
                        hh = self._measure(head, self.inner.width)
                        current.append((head, hh))
                        y += hh
                current.append((block, bh))
                y += bh
            pages.append(current)
        self.pages = pages
        self.page = min(self.page, len(pages) - 1)
        self._update_nav()

    def _update_nav(self) -> None:
        for b in self.nav:
            b.enabled = {"prev": self.page > 0, "next": self.page < len(self.pages) - 1}.get(b.key, True)
        key = self.focus.focused_key()
        self.focus.set_buttons(self.nav)
        if key is None or not self.focus.buttons[self.focus.index or 0].enabled:
            self.focus.focus_key("next" if self.page < len(self.pages) - 1 else "finish")

    # -- input -----------------------------------------------------------------------------
    def _turn(self, step: int) -> None:
        new = max(0, min(len(self.pages) - 1, self.page + step))
        if new != self.page:
            self.page = new
            self.app.sound("page")
            self._update_nav()
            self.dirty = True

    def handle(self, command: Command) -> Transition | None:
        k = command.kind
        if k == cmd.BACK:
            return self._finish()
        if k in (cmd.RIGHT, cmd.PAGE_DOWN, cmd.ADVANCE) or (k == cmd.SCROLL and command.amount > 0):
            if k == cmd.ADVANCE and self.page == len(self.pages) - 1:
                return None
            self._turn(1)
            return None
        if k in (cmd.LEFT, cmd.PAGE_UP) or (k == cmd.SCROLL and command.amount < 0):
            self._turn(-1)
            return None
        if k == cmd.HOME:
            self._turn(-len(self.pages))
            return None
        if k == cmd.END:
            self._turn(len(self.pages))
            return None
        key = self.press(command)
        if key == "next":
            self._turn(1)
        elif key == "prev":
            self._turn(-1)
        elif key == "finish":
            return self._finish()
        return None

    def _finish(self) -> Transition:
        from game.ui.scenes.credits import CreditsScene
        from game.ui.scenes.title import TitleScene

        self.app.sound("click")
        return Reset(TitleScene(self.app), then=Push(CreditsScene(self.app)))

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
        x, y = self.inner.x, self.inner.y
        width = self.inner.width
        for block, bh in self.pages[self.page]:
            self._draw_block(surface, block, x, y, width)
            y += bh
        folio = f"{app.story.title} · the record · {self.page + 1} / {len(self.pages)}"
        t.draw(surface, folio, "sans", m.small, p.ink_dim, (self.sheet.centerx, self.inner.bottom), "midbottom")
        self.focus.draw(surface, t, m, p)

    def _draw_block(self, surface: pygame.Surface, block: Block, x: int, y: int, width: int) -> None:
        m, p, t = self.app.metrics, self.app.palette, self.app.text
        body, table = self._sizes()
        k = block.kind
        if k == "kicker":
            t.draw(surface, t.fit(block.text.upper(), "sans", m.small, width), "sans", m.small, p.seal, (x, y))
        elif k == "heading":
            lh = round(m.heading * 1.3)
            for line in t.lines(block.text, "serif", m.heading, width):
                t.draw(surface, line.text, "serif", m.heading, p.ink, (x, y))
                y += lh
        elif k in ("para", "quiet"):
            role = "serif" if k == "para" else "serif_italic"
            colour = p.ink if k == "para" else p.ink_dim
            for line in t.lines(block.text, role, body, width):
                t.draw(surface, line.text, role, body, colour, (x, y))
                y += round(body * 1.5)
        elif k == "subhead":
            for line in t.lines(block.text, "sans_bold", m.ui, width):
                t.draw(surface, line.text, "sans_bold", m.ui, p.ink, (x, y))
                y += m.ui_line
        elif k in ("bullet", "question"):
            indent = t.width("00.  ", "sans", body)
            mark = f"{block.data['n']}." if k == "question" else "•"
            t.draw(surface, mark, "sans_bold" if k == "question" else "sans", body, p.seal, (x, y))
            for line in t.lines(block.text, "serif", body, width - indent):
                t.draw(surface, line.text, "serif", body, p.ink, (x + indent, y))
                y += round(body * 1.45)
        elif k == "table_head":
            cols = self._columns(width)
            heads = ("Day", "What was recorded", "Reported by", "Points", "Total")
            cx = x
            for i, (head, cw) in enumerate(zip(heads, cols)):
                anchor, px = ("topright", cx + cw - m.gap // 2) if i in (3, 4) else ("topleft", cx)
                t.draw(surface, t.fit(head, "sans_bold", max(10, table - 2), cw), "sans_bold", max(10, table - 2),
                       p.ink_dim, (px, y), anchor)
                cx += cw
            ly = y + round(table * 1.5)
            pygame.draw.line(surface, p.ink, (x, ly), (x + width, ly), m.line_width)
        elif k == "row":
            day_w, what_w, src_w, pts_w, run_w = self._columns(width)
            day, label, source, points, running = block.cells
            lh = round(table * 1.45)
            t.draw(surface, day, "mono", table, p.ink_dim, (x, y))
            ly = y
            for line in t.lines(label, "serif", table, what_w - m.gap):
                t.draw(surface, line.text, "serif", table, p.ink, (x + day_w, ly))
                ly += lh
            sy = y
            for line in t.lines(source or "", "sans", max(10, table - 2), src_w - m.gap):
                t.draw(surface, line.text, "sans", max(10, table - 2), p.ink_dim, (x + day_w + what_w, sy + 1))
                sy += lh
            colour = p.positive if points > 0 else p.negative if points < 0 else p.ink
            right = x + day_w + what_w + src_w + pts_w - m.gap // 2
            t.draw(surface, _points(points), "mono", table, colour, (right, y), "topright")
            t.draw(surface, str(running), "mono", table, p.ink, (right + run_w, y), "topright")
            bottom = max(ly, sy) + m.gap // 4
            pygame.draw.line(surface, p.paper_edge, (x, bottom), (x + width, bottom), 1)
        elif k == "stamp":
            grade, score, start = block.data["grade"], block.data["score"], block.data["start"]
            r = round(m.heading * 1.5)
            cx, cy = x + r + m.gap, y + r + m.gap
            pygame.draw.circle(surface, p.seal, (cx, cy), r, max(2, m.line_width * 2))
            pygame.draw.circle(surface, p.seal, (cx, cy), r - max(4, m.line_width * 4), max(1, m.line_width))
            gsize = round(m.heading * (1.2 if len(grade) <= 2 else 0.95))
            t.draw(surface, grade, "sans_bold", gsize, p.seal, (cx, cy), "center")
            tx = cx + r + m.margin
            t.draw(surface, f"{score} points", "serif", m.heading, p.ink, (tx, cy - m.gap // 2), "bottomleft")
            diff = score - start
            change = "no change" if diff == 0 else f"{_points(diff, mono=False)} since the start"
            t.draw(surface, f"Started at {start} — {change}", "sans", m.small, p.ink_dim, (tx, cy + m.gap // 2))

"""How each kind of passage looks in the window: narration, dialogue, a phone message, a
letter, a bill, a notice, a ticket machine's screen, a printed document.  What every front end
says of a passage in words (its paragraphs, heading and signature) is
:mod:`game.engine.passage_words`.

A :class:`PassageBorder` is computed once per layout for one page of the story and a column:
it says how wide the text may be, how much room the border's own chrome (letterhead, contact
bar, signature…) takes above and below the text, and draws the border around a block of
lines.  (A *frame* is only ever what the window draws each time it is redrawn: see
:mod:`game.ui.loop`.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import pygame

from game.engine.passage_words import keeps_lines, signature
from game.ui.layout import PARAGRAPH_GAP, Line, column_width, line_offsets
from game.ui.text import Text
from game.ui.theme import Colour, Metrics, Palette
from game.ui.widgets import draw_panel


@dataclass(frozen=True)
class Look:
    """A style's typography: font role, size relative to body text, whether single line
    breaks are kept (the engine decides: :func:`game.engine.passage_words.keeps_lines`), and the
    widest line in characters."""

    role: str
    scale: float
    keep_newlines: bool
    max_chars: int
    bordered: bool


def _look(style: str, role: str, scale: float, max_chars: int, bordered: bool) -> Look:
    return Look(role, scale, keeps_lines(style), max_chars, bordered)


LOOKS: dict[str, Look] = {
    "narration": _look("narration", "serif", 1.0, 72, False),
    "dialogue": _look("dialogue", "serif", 1.0, 70, False),
    "phone": _look("phone", "sans", 0.92, 40, True),
    "letter": _look("letter", "serif", 0.95, 66, True),
    "bill": _look("bill", "mono", 0.82, 56, True),
    "notice": _look("notice", "sans", 0.95, 60, True),
    "ticket_machine": _look("ticket_machine", "mono", 0.88, 44, True),
    "document": _look("document", "serif", 0.88, 76, True),
}


def look_for(style: str) -> Look:
    """The look of ``style``; unknown styles (a newer story) read as narration."""
    return LOOKS.get(style, LOOKS["narration"])


#: A quotation closing: a speech's last mark, then its closing quote, then a space or the end.
_SPEECH_CLOSES = re.compile(r"[.,!?…—–-][’”'\"](?=\s|$)")


def _spoken_lines(lines: Sequence[Line], speech: frozenset[int]) -> list[bool]:
    """Which of ``lines`` carry someone speaking: those of a paragraph of speech down to the
    line where its last quotation closes.  Narration after it ("Ten minutes later Mother
    texts…") has no speech bar beside it; a speech that runs on to the next paragraph, with
    no closing quote, is speech to its end."""
    spoken = [False] * len(lines)
    by_paragraph: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.paragraph in speech:
            by_paragraph.setdefault(line.paragraph, []).append(i)
    for indexes in by_paragraph.values():
        closing = [i for i in indexes if _SPEECH_CLOSES.search(lines[i].text)]
        last = closing[-1] if closing else indexes[-1]
        for i in indexes:
            spoken[i] = i <= last
    return spoken


#: Lines a passage's title may take at the head of its border; the rest of the page is text.
MAX_TITLE_LINES = 3


class PassageBorder:
    """What is drawn around a passage of one style inside ``column`` (a pygame.Rect): the
    letter's paper, the phone, the notice board, the ticket machine's screen; its geometry and
    its drawing."""

    def __init__(self, style: str, speaker: str | None, title: str | None, text: Text,
                 metrics: Metrics, palette: Palette, column: pygame.Rect,
                 speech: frozenset[int] = frozenset()) -> None:
        self.style = style if style in LOOKS else "narration"
        self.look = look_for(style)
        self.speaker = speaker
        #: The paragraphs (by number) that are someone speaking.  In dialogue they carry the
        #: accent bar, and the speaker's name heads a passage that opens with speech; a
        #: narrated scene that quotes someone further on reads as narration, with no name.
        self.speech = speech
        self.title = title
        self.text = text
        self.m = metrics
        self.p = palette
        m = metrics
        self.size = max(11, round(m.body * self.look.scale))
        self.line_h = round(self.size * m.line_spacing)   # the player's line spacing
        self.gap = round(self.line_h * PARAGRAPH_GAP)
        avg = text.average_char_width(self.look.role, self.size)
        self.pad = round(m.gap * 1.6) if self.look.bordered else 0
        if self.style in ("narration", "dialogue"):
            # The same margin for both, which dialogue's speech bar sits in: the text does not
            # move sideways from one passage to the next, nor from a speech to narration.
            self.pad = round(m.gap * 1.2)
        if self.style == "phone":
            self.pad = round(m.gap * 2.2)
        inner_limit = column.width - 2 * self.pad - (round(m.gap * 1.6) if self.style == "notice" else 0)
        self.inner_width = column_width(avg, max(1, inner_limit), self.look.max_chars)
        outer = self.inner_width + 2 * self.pad + (round(m.gap * 1.6) if self.style == "notice" else 0)
        self.rect_x = column.x + (column.width - outer) // 2 if self.look.bordered else column.x
        self.outer_width = outer if self.look.bordered else column.width
        self.top, self.bottom = self._chrome()
        self.title_room = self._title_room()

    # -- geometry ---------------------------------------------------------------------------
    def _title_lines(self, role: str, size: int) -> list[str]:
        """The title as the letterhead, band or heading shows it: at most
        :data:`MAX_TITLE_LINES`, the last cut with an ellipsis when there is more.  Only as
        much of the title is laid out as those lines could hold, however long it is."""
        if not self.title:
            return []
        t = self.text
        room = 2 * MAX_TITLE_LINES * (self.inner_width // t.narrowest(role, size) + 1)
        title = self.title[:room]
        lines = [l.text for l in t.lines(title, role, size, self.inner_width)]
        if len(lines) > MAX_TITLE_LINES or len(title) < len(self.title):
            lines = lines[:MAX_TITLE_LINES]
            lines[-1] = t.fit(lines[-1].rstrip(" …") + "…", role, size, self.inner_width)
        return lines

    def _chrome(self) -> tuple[int, int]:
        m, s = self.m, self.style
        ui_line = m.ui_line
        if s == "narration":
            return 0, 0
        if s == "dialogue":
            return (ui_line + m.gap // 2 if self.names_speaker else 0), 0
        titles = len(self._title_lines("sans_bold", m.ui))
        if s == "phone":
            return m.small_line + ui_line + self.pad + m.gap * 2, self.pad + m.gap * 3
        if s == "letter":
            sign = ui_line + m.gap if self.speaker else 0
            return self.pad + titles * ui_line + (m.gap * 2 if titles else 0), self.pad + sign
        if s == "bill":
            return titles * ui_line + m.gap * 2 + self.pad, self.pad + m.gap * 2
        if s == "notice":
            return self.pad + m.gap + titles * round(ui_line * 1.15) + (m.gap if titles else 0), self.pad + m.gap * 2
        if s == "ticket_machine":
            return self.pad + titles * ui_line + m.gap * 3, self.pad + m.gap * 2
        # document
        sign = m.small_line + m.gap if self.speaker else 0
        return self.pad + titles * ui_line + (m.gap * 2 if titles else 0), self.pad + sign

    def _title_room(self) -> int:
        """The part of :attr:`top` that the letterhead, the bill's band or the notice's heading
        take: drawn on a passage's first page only, so later pages start their text higher
        instead of under an empty band."""
        m, s = self.m, self.style
        if not self.title or s not in ("letter", "bill", "notice", "document"):
            return 0
        titles = len(self._title_lines("sans_bold", m.ui))
        if s == "notice":
            return titles * round(m.ui_line * 1.15) + m.gap
        if s == "bill":
            return titles * m.ui_line
        return titles * m.ui_line + m.gap * 2

    def top_on(self, first: bool) -> int:
        """The border's room above the text on a passage's first page, or on a later one."""
        return self.top if first else self.top - self.title_room

    @property
    def names_speaker(self) -> bool:
        """Dialogue shows its speaker's name only over speech: when the passage opens with it."""
        return self.style == "dialogue" and bool(self.speaker) and 0 in self.speech

    @property
    def signed(self) -> bool:
        """Letters and documents with a speaker are signed at the foot of their last page."""
        return signature(self.style, self.speaker) is not None

    @property
    def chrome(self) -> int:
        return self.top + self.bottom

    def height(self, block_height: int, first: bool = True) -> int:
        return self.top_on(first) + block_height + self.bottom

    @property
    def ink(self) -> Colour:
        p = self.p
        return {
            "narration": p.text, "dialogue": p.text, "phone": p.bubble_text,
            "ticket_machine": p.lcd_text,
        }.get(self.style, p.ink)

    def text_origin(self, y: int, first: bool = True) -> tuple[int, int]:
        extra = round(self.m.gap * 0.8) if self.style == "notice" else 0
        return self.rect_x + self.pad + extra, y + self.top_on(first)

    def speech_bars(self, lines: Sequence[Line]) -> list[tuple[int, int]]:
        """(top, height) in the text block of the bar beside each paragraph of speech on a
        page of dialogue; narration between them has none."""
        if self.style != "dialogue":
            return []
        bars: dict[int, tuple[int, int]] = {}
        spoken = _spoken_lines(lines, self.speech)
        for line, dy, speaking in zip(lines, line_offsets(lines, self.line_h, self.gap), spoken):
            if speaking:
                top = bars.get(line.paragraph, (dy, 0))[0]
                bars[line.paragraph] = (top, dy + self.line_h - top)
        return list(bars.values())

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, y: int, block_height: int, first: bool, last: bool,
             lines: Sequence[Line] = ()) -> None:
        """Draw the border for a text block of ``block_height`` starting at ``y`` (the page's
        ``lines``); the header appears on the first page of a passage, the signature on the
        last."""
        m, p, t = self.m, self.p, self.text
        rect = pygame.Rect(self.rect_x, y, self.outer_width, self.height(block_height, first))
        s = self.style
        if s == "narration":
            return
        if s == "dialogue":
            if self.names_speaker and lines and lines[0].paragraph in self.speech:
                name = t.fit(self.speaker, "sans_bold", m.ui, rect.width)
                t.draw(surface, name, "sans_bold", m.ui, p.accent, (rect.x, y))
            for top, height in self.speech_bars(lines):
                bar = pygame.Rect(rect.x, y + self.top + top, max(2, m.line_width * 2), height)
                pygame.draw.rect(surface, p.accent, bar)
            return
        if s == "phone":
            body = rect.inflate(m.gap * 2, m.gap * 2)
            draw_panel(surface, body, p.phone_body, m.radius * 4, p.text_dim if p.high_contrast else None, m.line_width)
            screen = body.inflate(-m.gap * 2, -m.gap * 2)
            draw_panel(surface, screen, p.phone_screen, m.radius * 3, p.ink if p.high_contrast else None, m.line_width)
            t.draw(surface, "Messages", "sans", m.small, p.ink_dim, (screen.centerx, screen.y + m.gap // 2), "midtop")
            name = self.speaker or "Unknown number"
            name_y = screen.y + m.gap // 2 + m.small_line
            t.draw(surface, t.fit(name, "sans_bold", m.ui, screen.width - 2 * m.gap), "sans_bold", m.ui,
                   p.bubble_text, (screen.centerx, name_y), "midtop")
            line_y = name_y + m.ui_line + m.gap // 2
            pygame.draw.line(surface, p.paper_edge, (screen.x, line_y), (screen.right - 1, line_y), m.line_width)
            bubble = pygame.Rect(rect.x + self.pad - m.gap, y + self.top - m.gap,
                                 self.inner_width + 2 * m.gap, block_height + 2 * m.gap)
            draw_panel(surface, bubble, p.bubble, m.radius * 2, p.paper_edge, m.line_width)
            home = pygame.Rect(0, 0, screen.width // 3, max(3, m.line_width * 2))
            home.midbottom = (screen.centerx, screen.bottom - m.gap)
            pygame.draw.rect(surface, p.ink_dim, home, border_radius=home.height)
            return
        if s == "notice":
            board = rect
            draw_panel(surface, board, p.board, m.radius, p.text_dim if p.high_contrast else None, m.line_width)
            sheet = board.inflate(-self.pad, -self.pad)
            draw_panel(surface, sheet, p.paper, 0, p.paper_edge, m.line_width)
            for px in (sheet.x + m.gap, sheet.right - m.gap):
                pygame.draw.circle(surface, p.seal, (px, sheet.y + m.gap), max(3, m.gap // 2))
            if first and self.title:
                ty = sheet.y + m.gap * 2
                for line in self._title_lines("sans_bold", m.ui):
                    t.draw(surface, line, "sans_bold", m.ui, p.seal, (sheet.centerx, ty), "midtop")
                    ty += round(m.ui_line * 1.15)
            return
        if s == "ticket_machine":
            draw_panel(surface, rect, p.lcd_casing, m.radius * 2, None)
            screen = rect.inflate(-self.pad, -self.pad)
            draw_panel(surface, screen, p.lcd, m.radius, p.lcd_text if p.high_contrast else None, m.line_width)
            ty = screen.y + m.gap
            for line in self._title_lines("sans_bold", m.ui):
                t.draw(surface, line, "sans_bold", m.ui, p.lcd_text, (screen.centerx, ty), "midtop")
                ty += m.ui_line
            pygame.draw.line(surface, p.lcd_text, (screen.x + m.gap, ty + m.gap // 2),
                             (screen.right - m.gap, ty + m.gap // 2), m.line_width)
            return
        # Paper: letter, bill, document.
        shadow = rect.move(m.line_width * 3, m.line_width * 3)
        if not p.high_contrast:
            draw_panel(surface, shadow, (0, 0, 0, 90), 0)
        draw_panel(surface, rect, p.paper, 0, p.paper_edge, m.line_width)
        inner_x = rect.x + self.pad
        if s == "bill":
            band_h = len(self._title_lines("sans_bold", m.ui)) * m.ui_line + m.gap * 2
            if first and band_h > m.gap * 2:
                band = pygame.Rect(rect.x, rect.y, rect.width, band_h)
                pygame.draw.rect(surface, p.ink, band)
                ty = rect.y + m.gap
                for line in self._title_lines("sans_bold", m.ui):
                    t.draw(surface, line, "sans_bold", m.ui, p.paper, (inner_x, ty))
                    ty += m.ui_line
            # A perforated tear-off line at the foot.
            fy = rect.bottom - self.bottom // 2
            dash = max(4, m.gap // 2)
            for dx in range(rect.x + dash, rect.right - dash, dash * 2):
                pygame.draw.line(surface, p.ink_dim, (dx, fy), (dx + dash, fy), m.line_width)
            return
        if first and self.title:
            ty = rect.y + self.pad
            role = "sans_bold"
            colour = p.seal if s == "letter" else p.ink
            for line in self._title_lines(role, m.ui):
                t.draw(surface, line, role, m.ui, colour, (rect.centerx, ty), "midtop")
                ty += m.ui_line
            ry = ty + m.gap // 2
            pygame.draw.line(surface, colour, (inner_x, ry), (rect.right - self.pad, ry), m.line_width)
            if s == "document":
                pygame.draw.line(surface, colour, (inner_x, ry + m.line_width * 3),
                                 (rect.right - self.pad, ry + m.line_width * 3), m.line_width)
        if last and self.signed:
            sy = rect.bottom - self.bottom
            role, size, ink = ("serif_italic", m.ui, p.ink) if s == "letter" else ("sans", m.small, p.ink_dim)
            name = t.fit(self.speaker, role, size, self.inner_width)
            t.draw(surface, name, role, size, ink, (rect.right - self.pad, sy + m.gap // 2), "topright")

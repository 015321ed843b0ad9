"""A page of a passage as the play screen draws it: the border around what is printed or shown
on the letter, the bill, the phone — and the narration told around it, outside the border.

A passage drawn in a frame holds only what is printed on it; what the player sees around it
(the envelope, the queue behind them) is narration, set above and below the frame in the
story's own type and colour (the story file's ``narration_before``, ``narration_after`` and
``narration`` variants; the engine's ``Page.narrated_before`` and ``narrated_after`` count its
paragraphs).  The narration is set at the frame's size, so every line of the page is one
height and the page is cut into pages like any other (:func:`game.ui.layout.paginate`): the
frame's own room above and below its text is kept once on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pygame

from game.engine.passage_words import paragraphs
from game.ui.layout import Line, block_height, line_offsets
from game.ui.passage_looks import PassageBorder
from game.ui.theme import Colour, Palette

#: The face narration is set in beside a frame.
NARRATION_ROLE = "serif"


@dataclass(frozen=True)
class Placed:
    """Where one line of a page is drawn, in what face and colour."""

    x: int
    y: int
    role: str
    ink: Colour


class PassagePage:
    """The pages of one passage inside ``border``: which paragraphs are ``outside`` the frame,
    how its lines are set, where each is drawn, and the frame drawn around the rest."""

    def __init__(self, border: PassageBorder, palette: Palette, outside: frozenset[int] = frozenset()) -> None:
        self.border = border
        self.palette = palette
        #: The paragraphs (by number) told around the frame; none for a passage with no frame.
        self.outside = outside if border.look.bordered else frozenset()

    @property
    def room(self) -> int:
        """What a page gives the frame's own room above and below its text, besides its lines
        (the paragraph gap stands between the frame and the narration around it)."""
        return self.border.chrome

    @classmethod
    def of(cls, border: PassageBorder, palette: Palette, text: str, before: int, after: int) -> "PassagePage":
        """The page of a passage whose first ``before`` and last ``after`` paragraphs are told
        outside its frame."""
        count = len(paragraphs(text))
        after = min(after, max(0, count - before))
        outside = frozenset(range(min(before, count))) | frozenset(range(count - after, count))
        return cls(border, palette, outside)

    def in_frame(self, line: Line) -> bool:
        return line.paragraph not in self.outside

    # -- setting ----------------------------------------------------------------------------
    def lay_out(self, text: str) -> list[Line]:
        """``text`` in lines: what the frame holds in its look and measure, the narration in
        the story's face, as wide as the frame stands."""
        f, t = self.border, self.border.text
        if not self.outside:
            return t.lines(text, f.look.role, f.size, f.inner_width, f.look.keep_newlines)
        lines: list[Line] = []
        for index, paragraph in enumerate(paragraphs(text)):
            if index in self.outside:
                set_in = t.lines(" ".join(paragraph.split()), NARRATION_ROLE, f.size, f.outer_width)
            else:
                set_in = t.lines(paragraph, f.look.role, f.size, f.inner_width, f.look.keep_newlines)
            lines += [Line(line.text, index, line.first, line.row) for line in set_in]
        return lines

    # -- placing ----------------------------------------------------------------------------
    def opens(self, pages: Sequence[Sequence[Line]], index: int) -> bool:
        """Whether page ``index`` is where the frame begins (its letterhead is drawn there)."""
        return index == self._first_with(pages, self.in_frame, 0)

    def closes(self, pages: Sequence[Sequence[Line]], index: int) -> bool:
        """Whether page ``index`` is where the frame ends (its signature is drawn there)."""
        found = [i for i, page in enumerate(pages) if any(self.in_frame(line) for line in page)]
        return index == (found[-1] if found else len(pages) - 1)

    @staticmethod
    def _first_with(pages: Sequence[Sequence[Line]], test, default: int) -> int:
        return next((i for i, page in enumerate(pages) if any(test(line) for line in page)), default)

    def span(self, lines: Sequence[Line]) -> tuple[int, int] | None:
        """The first and last of ``lines`` inside the frame, or None when the page has none."""
        inside = [i for i, line in enumerate(lines) if self.in_frame(line)]
        return (inside[0], inside[-1]) if inside else None

    def height(self, lines: Sequence[Line], opens: bool) -> int:
        """How tall the page stands: its lines, and the frame's room around those inside it."""
        f = self.border
        if not self.outside:
            return f.height(block_height(lines, f.line_h, f.gap), opens)
        room = f.top_on(opens) + f.bottom if self.span(lines) is not None else 0
        return block_height(lines, f.line_h, f.gap) + room

    def places(self, lines: Sequence[Line], top: int, opens: bool) -> list[Placed]:
        """Where each of the page's ``lines`` is drawn, the page starting at ``top``."""
        f, p = self.border, self.palette
        x_in, _ = f.text_origin(top, opens)
        span = self.span(lines)
        placed = []
        for i, (line, dy) in enumerate(zip(lines, line_offsets(lines, f.line_h, f.gap))):
            if span is None or not self.outside:
                y = top + dy + (f.top_on(opens) if span is not None else 0)
            else:
                y = top + dy + (f.top_on(opens) if i >= span[0] else 0) + (f.bottom if i > span[1] else 0)
            if self.in_frame(line):
                placed.append(Placed(x_in, y, f.look.role, f.ink))
            else:
                placed.append(Placed(f.rect_x, y, NARRATION_ROLE, p.text))
        return placed

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, top: int, lines: Sequence[Line], opens: bool, closes: bool) -> None:
        """The frame around the page's lines inside it (the header where it opens, the
        signature where it closes); the narration around it is drawn with the text."""
        f = self.border
        span = self.span(lines)
        if not self.outside:
            f.draw(surface, top, block_height(lines, f.line_h, f.gap), opens, closes, lines)
            return
        if span is None:
            return
        inside = list(lines[span[0]:span[1] + 1])
        frame_top = top + line_offsets(lines, f.line_h, f.gap)[span[0]]
        f.draw(surface, frame_top, block_height(inside, f.line_h, f.gap), opens, closes, inside)

    def extent(self, lines: Sequence[Line], top: int, opens: bool) -> pygame.Rect:
        """Everything the page draws, frame and narration, for what must stay readable."""
        f = self.border
        return pygame.Rect(f.rect_x, top, f.outer_width, self.height(lines, opens) if lines else 0)

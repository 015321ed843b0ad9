"""The guess before the reveal: at the ending, before any word of the debrief, the player is
asked what they think was going on — one question at a time, one key or click each.

The questions and their options are the engine's (:mod:`game.engine.guesses`); each answer
goes into the session, which the autosave keeps, so a game closed here opens here again.
Nothing on this screen touches the score.
"""

from __future__ import annotations

import pygame

from game.engine.guesses import GUESSES
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Replace, Scene, To, Transition
from game.ui.scenes.common import draw_background
from game.ui.widgets import Focus, draw_panel, make_button

OPENING = "Before the ledger opens"
ASKING = "What do you think was going on? Choose one answer for each question."


class GuessScene(Scene):
    name = "guess"

    def __init__(self, app, session, again: bool = False) -> None:
        super().__init__(app)
        self.session = session
        self.again = again
        self.focus = Focus()

    def enter(self) -> None:
        super().enter()
        self.app.speak(self.spoken())      # with Read aloud on, the question and its answers

    @property
    def question(self):
        return self.session.guessing

    def spoken(self) -> list[str]:
        q = self.question
        if q is None:
            return []
        return [OPENING, q.question, *(f"{n}. {o.text}" for n, o in enumerate(q.options, 1))]

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        w, h = app.size
        width = min(w - 2 * m.margin, round(app.text.average_char_width("serif", m.body) * 62))
        # One card for all three questions, as tall as the tallest needs: the answers do not
        # jump about from one question to the next.
        tallest = max(self._lay(g, 0, width - 2 * m.margin)[2] for g in GUESSES)
        self.sheet = pygame.Rect(0, 0, width, min(h - 2 * m.margin, tallest + 2 * m.margin))
        self.sheet.center = (w // 2, h // 2)
        self.inner = self.sheet.inflate(-2 * m.margin, -2 * m.margin)
        q = self.question
        self.lines, buttons, _ = self._lay(q, self.inner.y, self.inner.width) if q is not None else ([], [], 0)
        for b in buttons:
            b.rect.x = self.inner.x
        # A short window: the answers close up rather than run off the card.
        overflow = (buttons[-1].rect.bottom if buttons else 0) - self.inner.bottom
        if overflow > 0:
            top = buttons[0].rect.y
            step = max(1, (self.inner.bottom - top) // len(buttons))
            for i, b in enumerate(buttons):
                b.rect.y = top + i * step
                b.rect.height = min(b.rect.height, step - 2)
        self.focus.set_buttons(buttons, keep_key=False)
        self.focus.index = None

    def _lay(self, q, top: int, width: int) -> tuple[list, list, int]:
        """The question ``q`` set from ``top`` in ``width``: its lines (text, role, size, ink,
        y), its answers' buttons, and how tall it all is."""
        m, t = self.app.metrics, self.app.text
        lines: list[tuple[str, str, int, str, int]] = []
        y = top
        number = GUESSES.index(q) + 1
        for line in t.lines(f"{OPENING} · {number} of {len(GUESSES)}".upper(), "sans", m.small, width):
            lines.append((line.text, "sans", m.small, "seal", y))
            y += round(m.small * 1.4)
        if number == 1:
            for line in t.lines(ASKING, "serif_italic", m.ui, width):
                lines.append((line.text, "serif_italic", m.ui, "ink_dim", y))
                y += round(m.ui * 1.4)
        y += m.gap // 2
        for line in t.lines(q.question, "serif", m.heading, width):
            lines.append((line.text, "serif", m.heading, "ink", y))
            y += round(m.heading * 1.3)
        y += m.gap
        buttons = []
        for n, option in enumerate(q.options, 1):
            rect = pygame.Rect(0, y, width, m.button_height)
            b = make_button(t, m, rect, option.id, option.text, number=n, role="sans", size=m.ui, align="left")
            buttons.append(b)
            y = b.rect.bottom + m.gap // 2
        return lines, buttons, y - m.gap // 2 - top

    def handle(self, command: Command) -> Transition | None:
        if self.question is None:
            return Replace(To("after the ending", session=self.session, again=self.again))
        if command.kind == cmd.ADVANCE:
            command = Command(cmd.CONFIRM)
        key = self.press(command)
        if key is None:
            return None
        self.app.sound("choose")
        self.session.guess(self.question.id, key)
        if not self.again:
            self.app.autosave(self.session)
        if self.question is None:
            self.app.hush()
            return Replace(To("after the ending", session=self.session, again=self.again))
        self.invalidate()
        self.app.speak(self.spoken())
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_background(app, surface, winter=True)
        draw_panel(surface, self.sheet, p.paper, 0, p.paper_edge, m.line_width)
        for text, role, size, ink, y in self.lines:
            app.text.draw(surface, text, role, size, getattr(p, ink), (self.inner.x, y))
        self.focus.draw(surface, app.text, m, p)

"""The class seed, set on the title screen in class mode: the teacher writes a number on the
board, every student types it, and the whole class plays the same world.

Digits come from the number keys or from an on-screen pad that works by mouse and touch;
Backspace takes the last digit back, Esc leaves the seed as it was, Enter (or "Use this seed")
keeps the number, and "Each game its own" clears it so every new game draws its own chances
again."""

from __future__ import annotations

import pygame

from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import draw_heading, heading_height
from game.ui.widgets import Focus, make_button

#: The pad, row by row, as (label, key).
PAD = (("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5"), ("6", "6"), ("7", "7"), ("8", "8"),
       ("9", "9"), ("Delete", "delete"), ("0", "0"), ("Clear", "clear"))
#: Nine digits always fit the story's seed range and are as many as anyone copies off a board.
LONGEST_SEED = 9


def parse_seed(digits: str) -> int | None:
    """The seed typed so far, or None for no seed."""
    return int(digits) if digits else None


class SeedScene(Scene):
    name = "seed"
    #: Drawn under a heading, which a toast keeps clear of.
    headed = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.digits = "" if app.seed is None else str(app.seed)
        self.focus = Focus()

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        top = heading_height(app) + m.ui_line + app.text.height("sans_bold", m.heading) + m.gap
        rows = 5
        cell = min(round(130 * m.unit) + m.button_height // 2,
                   (app.size[1] - top - m.margin) // rows - m.gap)
        cell = max(m.button_height, cell)
        width = max(3 * cell + 2 * m.gap, min(app.size[0] - 2 * m.margin,
                    app.text.width("Each game its own", "sans", m.ui) * 2 + 5 * m.gap))
        pad_x = app.size[0] // 2 - (3 * cell + 2 * m.gap) // 2
        buttons = []
        for i, (label, key) in enumerate(PAD):
            rect = pygame.Rect(pad_x + (i % 3) * (cell + m.gap), top + (i // 3) * (cell + m.gap), cell,
                               cell if i < 9 or cell < m.button_height * 2 else m.button_height)
            buttons.append(make_button(app.text, m, rect, key, label))
        y = max(b.rect.bottom for b in buttons) + m.gap
        half = (width - m.gap) // 2
        x = app.size[0] // 2 - width // 2
        buttons.append(make_button(app.text, m, pygame.Rect(x, y, half, m.button_height), "none",
                                   "Each game its own"))
        buttons.append(make_button(app.text, m, pygame.Rect(x + half + m.gap, y, half, m.button_height), "use",
                                   "Use this seed"))
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            self.focus.focus_key("use")

    def type(self, digit: str) -> None:
        if len(self.digits) < LONGEST_SEED and not (digit == "0" and not self.digits):
            self.digits += digit
            self.dirty = True

    def keep(self, seed: int | None) -> Transition:
        self.app.seed = seed
        self.app.sound("click")
        self.app.toast(f"The class seed is {seed}: every new game plays the same world." if seed is not None
                       else "No class seed: each new game draws its own chances.", 4)
        return Pop()

    def handle(self, command: Command) -> Transition | None:
        if command.kind == cmd.CHOOSE:
            self.type(str(command.digit))
            return None
        if command.deletes:
            self.digits = self.digits[:-1]
            self.dirty = True
            return None
        if command.kind == cmd.BACK:
            # Esc (or a right click) leaves the pad as it was: the seed kept is the one before.
            return Pop()
        key = self.press(command)
        if key is None:
            return None
        if key.isdigit():
            self.type(key)
        elif key == "delete":
            self.digits = self.digits[:-1]
            self.dirty = True
        elif key == "clear":
            self.digits = ""
            self.dirty = True
        elif key == "none":
            return self.keep(None)
        elif key == "use":
            return self.keep(parse_seed(self.digits))
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        surface.fill(p.veil[:3])
        y = draw_heading(app, surface, "Class seed")
        app.text.draw(surface, "The same number on every computer: the same world, to compare choices.",
                      "sans", m.small, p.text_dim, (app.size[0] // 2, y), "midtop")
        shown = self.digits or "none"
        app.text.draw(surface, shown, "sans_bold", m.heading, p.text if self.digits else p.text_dim,
                      (app.size[0] // 2, y + m.ui_line), "midtop")
        self.focus.draw(surface, app.text, m, p)

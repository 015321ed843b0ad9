"""The staff's PIN pad, opened in kiosk mode by the staff chord or a long press in the
top-left corner.  The right PIN ends the game (the staff exit); Cancel, or nothing pressed
until the kiosk's idle time runs out, goes back.  The digits entered show as dots."""

from __future__ import annotations

import logging

import pygame

from game.kiosk_rules import PinLock
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Quit, Scene, Transition
from game.ui.scenes.common import draw_heading, heading_height
from game.ui.widgets import Focus, make_button

#: The pad, row by row, as (label, key): digits 1–9 answer to their number keys too.
PAD = (("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5"), ("6", "6"), ("7", "7"), ("8", "8"),
       ("9", "9"), ("Clear", "clear"), ("0", "0"), ("Enter", "enter"))
LONGEST_PIN = 12

log = logging.getLogger("keeping_trust.kiosk")


def locked_note(seconds: float) -> str:
    """What the pad says while it refuses every PIN."""
    wait = f"{-(-seconds // 60):.0f} min" if seconds > 90 else f"{max(1, round(seconds))} s"
    return f"Too many wrong PINs: the pad is locked for {wait}."


class StaffScene(Scene):
    name = "staff"

    def __init__(self, app, lock: PinLock) -> None:
        super().__init__(app)
        self.lock = lock
        self.entered = ""
        self.note = (locked_note(lock.seconds_left) if lock.locked
                     else "Staff only. Enter the PIN to close the game.")
        self.focus = Focus()

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        top = heading_height(app) + 2 * m.ui_line + m.gap
        cell = min(round(150 * m.unit) + m.button_height, (app.size[1] - top - 2 * m.margin) // 5 - m.gap)
        cell = max(m.button_height, cell)
        x0 = app.size[0] // 2 - (3 * cell + 2 * m.gap) // 2
        buttons = []
        for i, (label, key) in enumerate(PAD):
            rect = pygame.Rect(x0 + (i % 3) * (cell + m.gap), top + (i // 3) * (cell + m.gap), cell, cell)
            # A digit's label is its number, once, centred: the number keys are answered below.
            buttons.append(make_button(app.text, m, rect, key, label))
        rect = pygame.Rect(x0, top + 4 * (cell + m.gap), 3 * cell + 2 * m.gap, m.button_height)
        buttons.append(make_button(app.text, m, rect, "cancel", "Cancel"))
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            self.focus.focus_key("1")

    def type(self, digit: str) -> None:
        if len(self.entered) < LONGEST_PIN:
            self.entered += digit
            self.dirty = True

    def submit(self) -> Transition | None:
        entered, self.entered = self.entered, ""
        self.dirty = True
        if self.lock.check(entered):
            self.app.kiosk.staff_left = True
            return Quit()
        if self.lock.problem:
            log.warning("%s", self.lock.problem)
            self.lock.problem = None
        tries = f"{self.lock.wrong} wrong in a row"
        if self.lock.locked:
            log.warning("wrong staff PIN (%s); the pad is locked for %.0f s", tries, self.lock.seconds_left)
        else:
            log.warning("wrong staff PIN (%s)", tries)
        self.note = locked_note(self.lock.seconds_left) if self.lock.locked else "That is not the PIN."
        return None

    def handle(self, command: Command) -> Transition | None:
        if command.kind == cmd.BACK:
            return Pop()
        if command.kind == cmd.CONFIRM:
            return self.submit()
        if command.kind == cmd.CHOOSE:
            # Every number key types its digit, 0 too, and lights its key on the pad.
            self.focus.focus_key(str(command.digit))
            self.type(str(command.digit))
            return None
        key = self.press(command)
        if key is None:
            return None
        if key.isdigit():
            self.type(key)
        elif key == "clear":
            self.entered = ""
            self.dirty = True
        elif key == "enter":
            return self.submit()
        elif key == "cancel":
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        surface.fill(p.veil[:3])
        y = draw_heading(app, surface, "Staff exit")
        app.text.draw(surface, self.note, "sans", m.ui, p.text_dim, (app.size[0] // 2, y), "midtop")
        dots = "•" * len(self.entered) if self.entered else "–"
        app.text.draw(surface, dots, "sans_bold", m.ui, p.text, (app.size[0] // 2, y + m.ui_line), "midtop")
        self.focus.draw(surface, app.text, m, p)

"""Keys: the key for each main action, chosen by the player and kept with the settings.

Each action is a button showing its key.  Pressing one (Enter, a click, a tap) makes the
screen listen: the next key pressed becomes that action's key, and an action that held it
takes the old one, so no two actions share a key and none is ever left without one.
Backspace, or pressing anything on the screen, stops listening without a change.  Enter,
Backspace, the number keys and paging keep their work on every screen, so a choice here can
never leave the player unable to move; Defaults puts every key back.
"""

from __future__ import annotations

import pygame

from game.settings import KEY_ACTIONS
from game.ui import input as cmd
from game.ui.input import Command, key_name
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_column, button_row, draw_background, draw_heading, heading_height
from game.ui.widgets import Focus

ACTION_LABELS = {
    "advance": "Next page", "up": "Choice up", "down": "Choice down", "menu": "Menu",
    "history": "History", "quicksave": "Quick save", "quickload": "Quick load",
    "fullscreen": "Full screen",
}
assert tuple(ACTION_LABELS) == KEY_ACTIONS

LISTENING = "press a key"
NOTE = "Enter, Backspace, the number keys and Page Up/Down keep their own work."


class KeysScene(Scene):
    name = "keys"
    #: Drawn under a heading, which a toast keeps clear of.
    headed = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.focus = Focus(index=0)
        self.listening: str | None = None
        self.message = NOTE

    # -- what the buttons say --------------------------------------------------------------
    def label(self, action: str) -> str:
        key = LISTENING if action == self.listening else self.app.keys.name_of(action)
        return f"{ACTION_LABELS[action]}: {key}"

    def layout(self) -> None:
        app, m, t = self.app, self.app.metrics, self.app.text
        w, h = app.size
        nav = button_row(app, [("Defaults", "defaults"), ("Back", "back")], h - m.margin)
        self.message_lines = [line.text for line in t.lines(self.message, "sans", m.small, w - 2 * m.margin)]
        self.message_y = nav[0].rect.top - m.gap - len(self.message_lines) * m.small_line
        top = heading_height(app)
        room = self.message_y - m.gap - top
        items = [(self.label(a), a) for a in KEY_ACTIONS]
        width = min(w - 2 * m.margin, round(900 * m.unit))
        buttons = button_column(app, items, top, width)
        if buttons[-1].rect.bottom - top > room:
            # Large text on a short window: two columns, as the settings do.
            half = (len(items) + 1) // 2
            colw = (w - 2 * m.margin - m.gap) // 2
            buttons = button_column(app, items[:half], top, colw, centre_x=m.margin + colw // 2) + \
                button_column(app, items[half:], top, colw, centre_x=w - m.margin - colw // 2)
        self.focus.set_buttons(buttons + nav)
        if self.focus.index is None:
            self.focus.index = 0

    def targets(self) -> list[pygame.Rect]:
        return [b.rect for b in self.focus.buttons]

    # -- input -----------------------------------------------------------------------------
    def handle(self, command: Command) -> Transition | None:
        app = self.app
        if self.listening is not None:
            if command.kind == cmd.KEY:
                self.take(self.listening, command.key)
                return None
            if command.kind in (cmd.CLICK, cmd.BACK, cmd.QUIT):
                self.stop_listening(NOTE)
                return None
            if command.kind != cmd.POINT:
                return None
        if command.kind == cmd.BACK:
            return Pop()
        key = self.press(command)
        if key is None:
            return None
        app.sound("click")
        if key == "back":
            return Pop()
        if key == "defaults":
            app.settings.keys = {}
            app.apply_settings()
            self.show("Every key is back to its default.")
            return None
        self.listening = key
        app.keys.listening = True
        self.show(f"Press the key for {ACTION_LABELS[key]}. Backspace keeps {app.keys.name_of(key)}.")
        return None

    def take(self, action: str, key: int) -> None:
        app = self.app
        if not app.keys.can_take(key):
            self.stop_listening(f"{key_name(key) or 'That key'} keeps its own work; "
                                f"{ACTION_LABELS[action]} is still {app.keys.name_of(action)}.")
            return
        before = dict(app.keys.keys)
        app.settings.keys = app.keys.with_key(action, key).chosen()
        app.apply_settings()                       # saved, and a new key table in use
        moved = [a for a in KEY_ACTIONS if a != action and app.keys.keys[a] != before[a]]
        said = f"{ACTION_LABELS[action]} is now {app.keys.name_of(action)}."
        for other in moved:
            said += f" {ACTION_LABELS[other]} moved to {app.keys.name_of(other)}."
        self.stop_listening(said)

    def stop_listening(self, message: str) -> None:
        self.listening = None
        self.app.keys.listening = False
        self.show(message)

    def show(self, message: str) -> None:
        self.message = message
        self.invalidate()
        self.dirty = True

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_background(app, surface)
        draw_heading(app, surface, "Keys")
        self.focus.draw(surface, app.text, m, p)
        y = self.message_y
        for line in self.message_lines:
            app.text.draw(surface, line, "sans", m.small, p.text, (app.size[0] // 2, y), "midtop")
            y += m.small_line

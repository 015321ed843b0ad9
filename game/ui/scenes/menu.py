"""The in-game menu (Esc): an overlay over the play screen.  It names the V key for Read
aloud, so a player who needs it finds it where the other ways out are."""

from __future__ import annotations

import pygame

from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Push, Quit, Reset, Scene, To, Transition
from game.ui.scenes.common import button_column, open_screen
from game.ui.widgets import Focus, draw_dialog


class MenuScene(Scene):
    name = "menu"
    opaque = False

    ITEMS = (("Return to the story", "resume"), ("History", "history"), ("Save", "save"),
             ("Load", "load"), ("Settings", "settings"), ("Read aloud (V)", "voice"), ("Title screen", "title"), ("Quit", "quit"))

    def __init__(self, app, session, read: str | None = None) -> None:
        super().__init__(app)
        self.session = session
        #: As much of the page under the menu as has been read, for the history.
        self.read = read
        self.focus = Focus(index=0)
        # A student who runs out of time keeps what was read so far; a kiosk keeps nothing
        # of its visitors, so it offers no file to take away.
        if app.kiosk is None:
            at = [key for _, key in self.ITEMS].index("load") + 1
            self.ITEMS = (*self.ITEMS[:at], ("Save transcript", "transcript"), *self.ITEMS[at:])

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        width = min(app.size[0] - 2 * m.margin, round(520 * m.unit) + app.text.width("Return to the story", "sans", m.ui))
        step = m.button_height + m.gap
        total = len(self.ITEMS) * step - m.gap
        top = max(m.margin, (app.size[1] - total) // 2)
        buttons = button_column(app, self.ITEMS, top, width)
        # On short windows with large text, use two columns.
        if buttons[-1].rect.bottom > app.size[1] - m.margin:
            half = (len(self.ITEMS) + 1) // 2
            colw = min(width, (app.size[0] - 3 * m.margin) // 2)
            left = button_column(app, self.ITEMS[:half], m.margin * 2, colw,
                                 centre_x=app.size[0] // 2 - colw // 2 - m.gap)
            right = button_column(app, self.ITEMS[half:], m.margin * 2, colw,
                                  centre_x=app.size[0] // 2 + colw // 2 + m.gap)
            buttons = left + right
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            self.focus.index = 0
        box = buttons[0].rect.unionall([b.rect for b in buttons])
        self.box = box.inflate(m.margin * 2, m.margin * 2)

    def handle(self, command: Command) -> Transition | None:
        if command.kind == cmd.BACK:
            return Pop()
        if command.kind == cmd.CLICK and command.pos and not self.box.collidepoint(command.pos):
            return Pop()   # a click outside the menu closes it
        key = self.press(command)
        if key is None:
            return None
        app = self.app
        app.sound("click")
        if key == "resume":
            return Pop()
        if key == "voice":
            app.set_voicing(not app.settings.self_voicing)
            self.dirty = True
            return None
        if key == "transcript":
            return Push(To("transcript name", session=self.session))
        screen = open_screen(key, self.session, self.read)
        if screen is not None:
            return screen
        if key == "title":
            app.autosave(self.session)
            return Reset(To("title"))
        if key == "quit":
            app.autosave(self.session)
            return Quit()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_dialog(surface, self.box, m, p, p.text_dim)
        self.focus.draw(surface, app.text, m, p)

"""The title screen: continue, new game (and the short route, when the story has one), load,
settings, credits, quit."""

from __future__ import annotations

import pygame

from game.saves import AUTO, ENDING, SlotError
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Push, Quit, Reset, Scene, To, Transition
from game.ui.scenes.common import draw_background, seed_label
from game.ui.widgets import Focus, draw_panel, make_button

#: The short route's button: festival and classroom players choose it at the screen.
SHORT_LABEL = "Short route (10 minutes)"
SUBTITLE = "One autumn and winter in Rongcheng"


def new_game_items(has_short_route: bool, default_route: str) -> list[tuple[str, str]]:
    """The title screen's new-game buttons as (label, key): "new" starts the full season,
    "short" the short route.  The default route (``--short`` makes it the short one) comes
    first, so it is what Enter starts on a fresh install."""
    if not has_short_route:
        return [("New game", "new")]
    if default_route == "short":
        return [(SHORT_LABEL, "short"), ("The full season", "new")]
    return [("New game", "new"), (SHORT_LABEL, "short")]


class TitleScene(Scene):
    name = "title"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.focus = Focus()
        self.latest = None

    def enter(self) -> None:
        super().enter()
        # A save may have been written or deleted since we were last on top.
        self.latest = self.app.store.latest()
        self.invalidate()

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        self.latest = app.store.latest()
        starts = new_game_items(app.story.has_short_route, app.route)
        again = [("Read the debrief again", "again")] if app.store.info(ENDING).usable else []
        mods = [("Mods", "mods")] if app.loadout is not None and app.loadout.shown() else []
        if app.class_mode:
            starts = [*starts, (seed_label(app.seed), "seed")]
        items = [("Continue", "continue"), *starts, *again, ("Load", "load"),
                 ("Settings", "settings"), *mods, ("Credits", "credits"), ("Quit", "quit")]
        subtitle_w = app.text.width(SUBTITLE, "sans", m.ui)
        width = min(max(round(420 * m.unit), app.text.width("New game", "sans", m.ui) * 3,
                        max(app.text.width(label, "sans", m.ui) for label, _ in starts) + 4 * m.gap),
                    app.size[0] - 2 * m.margin)
        self.title_y = max(m.margin, round(app.size[1] * 0.08))
        title_h = app.text.height("serif", m.display)
        self.sub_y = self.title_y + title_h
        top = self.sub_y + app.text.height("sans", m.ui) + m.gap * 2
        room = app.size[1] - m.margin - top
        # One column while it fits, with gaps pressed down to a third if need be; a short
        # window with large text gets two columns rather than buttons off the bottom.
        gap = m.gap
        rows = len(items)
        if rows * m.button_height + (rows - 1) * gap > room:
            gap = max(2, m.gap // 3)
        if rows * m.button_height + (rows - 1) * gap > room and \
                2 * width + 5 * m.margin <= app.size[0]:
            gap = m.gap
            rows = (len(items) + 1) // 2
            if rows * m.button_height + (rows - 1) * gap > room:
                gap = max(2, m.gap // 3)
        buttons = []
        y = top
        for index, (label, key) in enumerate(items):
            column, row = divmod(index, rows)
            if row == 0:
                y = top
            rect = pygame.Rect(m.margin * 2 + column * (width + m.margin), y, width, m.button_height)
            button = make_button(app.text, m, rect, key, label,
                                 enabled={"continue": self.latest is not None}.get(key, True))
            buttons.append(button)
            y = button.rect.bottom + gap
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            # After an ending, Continue would only open the last page again: a new game is
            # the default then, as on a fresh install.
            self.focus.focus_key("continue" if self.latest and not self.finished() else starts[0][1])
        right = max(b.rect.right for b in buttons)
        # The panel holds the title too, so the title never hangs over its edge.
        title_w = app.text.width(app.story.title, "serif", m.display)
        self.panel = pygame.Rect(0, 0, min(app.size[0], max(right, m.margin * 2 + max(subtitle_w, title_w)) + m.margin),
                                 app.size[1])
        # Where the last game stopped goes beside Continue, in the room the panel leaves.
        self.info_x = self.panel.right + m.margin
        self.info_room = app.size[0] - self.info_x - m.margin

    def handle(self, command: Command) -> Transition | None:
        if command.kind == cmd.BACK:
            return None
        key = self.press(command)
        if key is None:
            return None
        self.app.sound("click")
        return self.activate(key)

    def activate(self, key: str) -> Transition | None:
        app = self.app
        if key in ("new", "short"):
            route = "short" if key == "short" else "full"

            def start() -> Transition:
                session = app.new_session(route if app.story.has_short_route else None)
                app.autosave(session)
                return Reset(To("play", session=session))

            if self.game_in_progress():
                return Push(To("confirm", question="Start a new game? The game you are playing stays under "
                                                   "Load, as the autosave of an earlier game.",
                               on_yes=start, yes="Start a new game", no="Go back"))
            return start()
        if key == "again":
            try:
                session = app.load(ENDING)
            except SlotError as exc:
                app.toast(str(exc), 5)
                self.invalidate()
                return None
            if not session.is_over:
                app.toast("That game did not reach its ending.", 5)
                return None
            return Push(To("after the ending", session=session, again=True))
        if key == "continue" and self.latest is not None:
            try:
                session = app.load(self.latest.name)
            except SlotError as exc:
                app.toast(str(exc), 5)
                self.invalidate()
                return None
            return Reset(To("play", session=session))
        if key == "load":
            return Push(To("slots", mode="load"))
        if key == "seed":
            return Push(To("seed"))
        if key == "settings":
            return Push(To("settings"))
        if key == "mods":
            return Push(To("mods"))
        if key == "credits":
            return Push(To("credits"))
        if key == "quit":
            return Quit()
        return None

    def finished(self) -> bool:
        """Whether the game Continue would load has reached its ending: the finished game is
        kept when its debrief opens, after the last save of its play."""
        ending = self.app.store.info(ENDING)
        return self.latest is not None and ending.usable and ending.saved_at is not None and \
            self.latest.saved_at is not None and ending.saved_at >= self.latest.saved_at

    def game_in_progress(self) -> bool:
        """Whether the autosave holds a game not yet at its ending (one a new game would
        push aside).  A save that cannot be read is no game to protect."""
        if not self.app.store.info(AUTO).usable:
            return False
        try:
            return not self.app.load(AUTO).is_over
        except SlotError:
            return False

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_background(app, surface, veil=False)
        draw_panel(surface, self.panel, (*p.veil[:3], min(255, p.veil[3] - 40)), 0)
        x = m.margin * 2
        title = app.text.fit(app.story.title, "serif", m.display, max(1, app.size[0] - x - m.margin))
        app.text.draw(surface, title, "serif", m.display, p.text, (x, self.title_y))
        app.text.draw(surface, SUBTITLE, "sans", m.ui, p.text_dim, (x, self.sub_y))
        self.focus.draw(surface, app.text, m, p)
        if self.latest is not None:
            b = self.focus.buttons[0]
            lines = continue_note(app.text, m, self.latest.place, self.latest.summary, self.info_room)
            y = b.rect.centery - len(lines) * m.small_line // 2
            for line in lines:
                app.text.draw(surface, line, "sans", m.small, p.text_dim, (self.info_x, y))
                y += m.small_line


#: Lines the note beside Continue may take.
NOTE_LINES = 3


def continue_note(t, m, place: str | None, summary: str | None, room: int) -> list[str]:
    """Where the last game stopped, beside Continue, in lines no wider than ``room``: the day
    and the city whole on the first (wrapped rather than cut), then as much of the page's
    opening words as :data:`NOTE_LINES` lines hold, the last cut with an ellipsis."""
    room = max(1, room)
    if room < t.width("Day 000", "sans", m.small):
        return []                                   # no room beside the buttons at all
    lines = [line.text for line in t.lines(place, "sans", m.small, room)] if place else []
    if summary:
        rest = [line.text for line in t.lines(summary, "sans", m.small, room)]
        left = max(0, NOTE_LINES - len(lines))
        if len(rest) > left and left:
            rest = rest[:left]
            rest[-1] = t.fit(rest[-1].rstrip(" …") + "…", "sans", m.small, room)
        lines += rest[:left]
    return lines

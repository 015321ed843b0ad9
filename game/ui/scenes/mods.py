"""The installed mods, each turned on or off by the player.

Opened from the title screen.  A mod is turned on only if the story loads with it: a mod
with errors stays off and its problems are shown, located, over this screen.  The choice is
kept in the settings, and the story with the mods now on takes over at once, so the title
screen and a new game already have them.  A mod turned off for its errors when the game
opened says so under its name, with its first problem; pressing it tries it again and shows
every problem if it still has them.
"""

from __future__ import annotations

import pygame

from game.engine.changes import told_to_players
from game.engine.printed import printed_name
from game.mods import InstalledMod
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.reload import show_problems, take_over
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_row, draw_background, draw_heading, heading_height
from game.ui.widgets import Focus, draw_button, make_button

INTRO = ("Mods add passages and rules to the story; they never change what you have already read. One that "
         "changes the story's own rules, or what it remembers, says so under its name. "
         "Saves remember which mods were on.")


def state_of(app, mod: InstalledMod) -> str:
    """The line under a mod's name: what it is, what of the story itself it changes, and where
    it comes from."""
    if not mod.usable:
        return f"Cannot be turned on: {mod.problem}."
    found = app.loadout.problems_of(mod)
    if found is not None:
        errors = [p for p in found if p.is_error] or list(found)
        first = f" {_located(errors[0])}" if errors else ""
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        stop = "" if (first + more).endswith((".", "?", "!")) or not first else "."
        return f"Turned off: it has errors.{first}{more}{stop} Press to try it again."
    state = "On for this run: named with --mod." if app.loadout.is_given(mod) else ""
    where = "Comes with the game." if mod.shipped else (
        "Named with --mod." if mod.key.startswith("--mod ") else "From your mods folder.")
    if state and where == "Named with --mod.":
        where = ""
    by = f" By {mod.author}." if mod.author else ""
    version = f" Version {mod.version}." if mod.version else ""
    return " ".join(part for part in (state, changes_of(app, mod), mod.description, where + by + version)
                    if part.strip())


def changes_of(app, mod: InstalledMod) -> str:
    """What of the story itself the mod declares it changes, named but never with points: a
    player turning a mod on is told that the city's rules, or what the story remembers, will
    not be as written (the story refuses a mod that changes more than it declares)."""
    if not mod.changes:
        return ""
    return f"Changes the story itself: {told_to_players(app.story, mod.changes)}."


def _located(problem) -> str:
    """A problem as the row shows it: the file's name, not its whole path, then what is wrong."""
    from pathlib import PurePath

    return printed_name(f"{PurePath(problem.path).name}:{problem.line}:{problem.col}: {problem.message}")


def _label(app, mod: InstalledMod) -> str:
    if app.loadout.is_broken(mod):
        return f"{mod.name} — off: it has errors"
    return f"{mod.name} — {'on' if app.loadout.is_on(mod) else 'off'}"


class ModsScene(Scene):
    name = "mods"
    #: Drawn under a heading, which a toast keeps clear of.
    headed = True
    #: Turning a mod on remakes the screens below on the new story; this one stays on top.
    stays_through_reload = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.focus = Focus()
        self.scroll = 0

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        width = min(app.size[0] - 2 * m.margin, round(app.text.average_char_width("sans", m.ui) * 70))
        self.x = (app.size[0] - width) // 2
        top = heading_height(app)
        self.intro = [l.text for l in app.text.lines(INTRO, "sans", m.small, width)]
        top += len(self.intro) * m.small_line + m.gap
        back = button_row(app, [("Back", "back")], app.size[1] - m.margin)
        y = top
        rows = []
        for mod in app.loadout.shown():
            rect = pygame.Rect(self.x, y, width, m.button_height)
            enabled = mod.usable and (not app.loadout.is_given(mod) or app.loadout.is_broken(mod))
            rows.append(make_button(app.text, m, rect, mod.key, _label(app, mod), enabled=enabled, align="left",
                                    subtitle=state_of(app, mod)))
            y = rows[-1].rect.bottom + m.gap
        self.list_view = pygame.Rect(self.x - m.gap, top - m.gap, width + 2 * m.gap,
                                     back[0].rect.top - m.gap - top + m.gap)
        self.max_scroll = max(0, (y - m.gap) - (back[0].rect.top - m.gap))
        self.rows = rows
        self.back, self.back_bottom = back[0], back[0].rect.bottom
        self.focus.set_buttons([*rows, *back])
        if self.focus.index is None:
            first = next((b.key for b in rows if b.enabled), "back")
            self.focus.focus_key(first)
        self._follow_focus()

    def _follow_focus(self) -> None:
        """Scroll so the focused row shows whole (long lists on small windows)."""
        key = self.focus.focused_key()
        row = next((b for b in self.rows if b.key == key), None)
        if row is not None:
            if row.rect.bottom - self.scroll > self.list_view.bottom:
                self.scroll = row.rect.bottom - self.list_view.bottom
            if row.rect.top - self.scroll < self.list_view.top:
                self.scroll = row.rect.top - self.list_view.top
        self._scroll_to(self.scroll)

    def _scroll_to(self, scroll: int) -> None:
        # The focus ring draws and hit-tests every button ``scroll`` pixels higher; Back stays
        # put under the list by being placed as far lower.
        self.scroll = max(0, min(scroll, self.max_scroll))
        self.focus.scroll = self.scroll
        self.back.rect.bottom = self.back_bottom + self.scroll
        self.dirty = True

    def handle(self, command: Command) -> Transition | None:
        if command.kind == cmd.BACK:
            return Pop()
        if command.kind == cmd.SCROLL:
            self._scroll_to(self.scroll + round(command.amount * self.app.metrics.small_line))
            return None
        key = self.press(command)
        self._follow_focus()
        if key is None:
            return None
        self.app.sound("click")
        if key == "back":
            return Pop()
        self.toggle(key)
        return None

    def toggle(self, key: str) -> bool:
        """Turn the mod ``key`` on if it is off, off if it is on (a mod turned off for its
        errors is tried again); True if the story took it."""
        app = self.app
        mod = next(m for m in app.loadout.shown() if m.key == key)
        broken = app.loadout.is_broken(mod)
        turning_on = broken or not app.loadout.is_on(mod)
        enabled = list(app.loadout.enabled)
        if not app.loadout.is_given(mod):
            enabled = [k for k in enabled if k != key] + ([key] if turning_on else [])
        chosen = app.loadout.with_enabled(enabled).trying(mod)
        story, problems = chosen.load()
        if story is None:
            if broken:
                show_problems(app, problems,
                              f"‘{mod.name}’ still has errors, and stays off",
                              "The game goes on without it; it is tried again each time the game opens. The mod's "
                              "maker can find each mistake at the place named.")
                return False
            verb = "on" if turning_on else "off"
            show_problems(app, problems, f"‘{mod.name}’ could not be turned {verb}: the story has errors with it",
                          "Nothing changed. The mod's maker can find each mistake at the place named.")
            return False
        app.loadout = chosen
        app.settings.enabled_mods = tuple(enabled)
        app.save_settings()
        take_over(app, story)
        self.invalidate()
        return True

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_background(app, surface)
        draw_heading(app, surface, "Mods")
        y = heading_height(app)
        for line in self.intro:
            app.text.draw(surface, line, "sans", m.small, p.text_dim, (self.x, y))
            y += m.small_line
        clip = surface.get_clip()
        surface.set_clip(self.list_view)
        self.focus.draw(surface, app.text, m, p, clip=self.list_view)
        surface.set_clip(clip)
        draw_button(surface, app.text, m, p, self.back, self.focus.focused_key() == "back", self.scroll)

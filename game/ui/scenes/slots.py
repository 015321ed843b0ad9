"""Save and load: numbered slots with the date, the place and the passage's first line;
loading also offers the autosave and the quick save."""

from __future__ import annotations

import pygame

from game.saves import AUTO, OLDER_AUTOSAVES, QUICK, SlotError, SlotInfo, local_time, slot_names
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Push, Reset, Scene, To, Transition
from game.ui.scenes.common import button_row, draw_background, draw_heading, heading_height
from game.ui.widgets import Focus, make_button


def describe(info: SlotInfo) -> tuple[str, str]:
    """The two lines a slot shows: its name and date, then where and the first line."""
    name = {AUTO: "Autosave", QUICK: "Quick save"}.get(info.name, f"Slot {info.name}")
    if info.name in OLDER_AUTOSAVES:
        name = "Autosave of an earlier game"
    if not info.exists:
        return name, "Empty"
    if info.problem:
        return name, f"This save {info.problem}. It cannot be loaded."
    when = local_time(info.saved_at).strftime("%a %d %b %Y, %H:%M") if info.saved_at else ""
    detail = " — ".join(part for part in (info.place, info.summary) if part)
    return f"{name} · {when}", detail


class SlotsScene(Scene):
    """``mode`` is "save" (needs a session) or "load"."""

    name = "slots"
    #: Drawn under a heading, which a toast keeps clear of.
    headed = True

    def __init__(self, app, mode: str, session=None) -> None:
        super().__init__(app)
        assert mode in ("save", "load")
        self.mode = mode
        self.session = session
        self.focus = Focus()
        self.page = 0
        self.message: str | None = None

    @property
    def names(self) -> list[str]:
        return ([AUTO, QUICK, *OLDER_AUTOSAVES] if self.mode == "load" else []) + slot_names()

    def enter(self) -> None:
        super().enter()
        self.invalidate()   # slots may have changed

    def layout(self) -> None:
        app, m, t = self.app, self.app.metrics, self.app.text
        w, h = app.size
        top = heading_height(app)
        nav = button_row(app, [("Previous", "prev"), ("Next", "next"), ("Back", "back")], h - m.margin)
        bottom = nav[0].rect.top - m.gap * 2 - (m.small_line if self.message else 0)
        width = min(w - 2 * m.margin, round(1100 * m.unit) + m.margin * 4)
        sample = make_button(t, m, pygame.Rect(0, 0, width, m.button_height), "x", "Slot 1 · Mon 01 Jan 2024, 00:00",
                             subtitle="Day 1", align="left")
        row_h = sample.rect.height
        per_page = max(1, (bottom - top + m.gap) // (row_h + m.gap))
        self.per_page = per_page
        self.pages = max(1, -(-len(self.names) // per_page))
        self.page = min(self.page, self.pages - 1)
        infos = {i.name: i for i in [app.store.info(n) for n in self.names[self.page * per_page:(self.page + 1) * per_page]]}
        buttons = []
        y = top
        x = (w - width) // 2
        for name in self.names[self.page * per_page:(self.page + 1) * per_page]:
            info = infos[name]
            label, detail = describe(info)
            enabled = self.mode == "save" or info.usable
            b = make_button(t, m, pygame.Rect(x, y, width, row_h), name,
                            t.fit(label, "sans", m.ui, width - 4 * m.gap),
                            subtitle=t.fit(detail, "sans", m.small, width - 4 * m.gap),
                            enabled=enabled, align="left")
            b.rect.height = row_h
            buttons.append(b)
            y += row_h + m.gap
        for b in nav:
            b.enabled = {"prev": self.page > 0, "next": self.page < self.pages - 1}.get(b.key, True)
        self.focus.set_buttons(buttons + nav)
        if self.focus.index is None:
            first = next((i for i, b in enumerate(self.focus.buttons) if b.enabled), None)
            self.focus.index = first
        self.message_y = nav[0].rect.top - m.gap

    def handle(self, command: Command) -> Transition | None:
        k = command.kind
        if k == cmd.BACK:
            return Pop()
        if k == cmd.PAGE_DOWN or (k == cmd.SCROLL and command.amount > 0):
            return self._turn(1)
        if k == cmd.PAGE_UP or (k == cmd.SCROLL and command.amount < 0):
            return self._turn(-1)
        key = self.press(command)
        if key is None:
            return None
        self.app.sound("click")
        if key == "back":
            return Pop()
        if key in ("prev", "next"):
            return self._turn(1 if key == "next" else -1)
        return self._use(key)

    def _turn(self, step: int) -> None:
        new = max(0, min(self.pages - 1, self.page + step))
        if new != self.page:
            self.page = new
            self.focus.index = None
            self.invalidate()
            self.dirty = True
        return None

    def _use(self, name: str) -> Transition | None:
        app = self.app
        if self.mode == "save":
            info = app.store.info(name)

            def write() -> Transition | None:
                if app.save(name, self.session):
                    app.toast(f"Saved in slot {name}.")
                self.invalidate()
                return None

            if info.exists:
                return Push(To("confirm", question=f"Save over slot {name}?", on_yes=write, yes="Save over it",
                               no="Keep it"))
            return write()
        try:
            session = app.load(name)
        except SlotError as exc:
            self.message = str(exc)
            self.invalidate()
            return None
        app.toast("Loaded.")
        return Reset(To("play", session=session))

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_background(app, surface)
        draw_heading(app, surface, "Save" if self.mode == "save" else "Load")
        self.focus.draw(surface, app.text, m, p)
        if self.pages > 1:
            app.text.draw(surface, f"{self.page + 1} / {self.pages}", "sans", m.small, p.text_dim,
                          (app.size[0] - m.margin, m.margin), "topright")
        if self.message:
            label = app.text.fit(self.message, "sans", m.small, app.size[0] - 2 * m.margin)
            app.text.draw(surface, label, "sans", m.small, p.accent, (app.size[0] // 2, self.message_y), "midbottom")

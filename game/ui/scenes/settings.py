"""Settings: text size, text speed, display, contrast and volumes; kept between sessions.

Keys: Up/Down choose a row, Left/Right change it, Enter steps it on.  Pointer and touch:
the − and + buttons, or the row itself for on/off settings.
"""

from __future__ import annotations

import pygame

from game.settings import TEXT_SPEEDS
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_row, draw_background, draw_heading, heading_height
from game.ui.widgets import Button, Focus, draw_button, draw_panel

SPEED_NAMES = {20: "Slow", 40: "Steady", 70: "Brisk", 120: "Fast", 0: "Instant"}
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
VOLUME_STEP = 0.1

ROWS = (
    ("text_scale", "Text size"),
    ("text_speed", "Text speed"),
    ("fullscreen", "Display"),
    ("high_contrast", "High contrast"),
    ("master_volume", "Volume"),
    ("music_volume", "Ambient sound"),
    ("effects_volume", "Interface sounds"),
)


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.row = 0
        self.pointer: tuple[str, int] | None = None   # (row key, -1/0/+1) under the pointer
        self.bottom = Focus()
        self.on_back_button = False

    # -- values ----------------------------------------------------------------------------
    def value_text(self, key: str) -> str:
        s = self.app.settings
        if key == "text_scale":
            return f"{round(s.text_scale * 100)}%"
        if key == "text_speed":
            return SPEED_NAMES.get(s.text_speed, str(s.text_speed))
        if key == "fullscreen":
            return "Full screen" if s.fullscreen else "Window"
        if key == "high_contrast":
            return "On" if s.high_contrast else "Off"
        return f"{round(getattr(s, key) * 100)}%"

    def change(self, key: str, step: int, wrap: bool = False) -> None:
        app = self.app
        s = app.settings
        if key == "fullscreen":
            app.toggle_fullscreen()
        elif key == "high_contrast":
            s.high_contrast = not s.high_contrast
        elif key == "text_scale":
            i = min(range(len(TEXT_SCALES)), key=lambda j: abs(TEXT_SCALES[j] - s.text_scale))
            i = (i + step) % len(TEXT_SCALES) if wrap else max(0, min(len(TEXT_SCALES) - 1, i + step))
            s.text_scale = TEXT_SCALES[i]
        elif key == "text_speed":
            i = TEXT_SPEEDS.index(s.text_speed) if s.text_speed in TEXT_SPEEDS else 1
            i = (i + step) % len(TEXT_SPEEDS) if wrap else max(0, min(len(TEXT_SPEEDS) - 1, i + step))
            s.text_speed = TEXT_SPEEDS[i]
        else:
            value = round(getattr(s, key) + step * VOLUME_STEP, 2)
            if wrap and value > 1.0:
                value = 0.0
            setattr(s, key, max(0.0, min(1.0, value)))
        if key != "fullscreen":
            app.apply_settings()
        if key.endswith("volume"):
            app.sound("click")
        self.dirty = True

    # -- layout ----------------------------------------------------------------------------
    def layout(self) -> None:
        app, m, t = self.app, self.app.metrics, self.app.text
        w, h = app.size
        nav = button_row(app, [("Back", "back")], h - m.margin)
        self.bottom.set_buttons(nav)
        top = heading_height(app)
        room = nav[0].rect.top - m.gap - top
        row_h = max(m.button_height, round(m.ui * 2.0))
        gap = m.gap // 2
        # Tall text on a short window: shrink the gaps first, then the preview goes.
        self.show_preview = room >= len(ROWS) * (row_h + gap) + m.body_line * 2
        if len(ROWS) * (row_h + gap) > room:
            gap = 0
        width = min(w - 2 * m.margin, round(1000 * m.unit) + m.margin * 2)
        x = (w - width) // 2
        self.rows: list[tuple[str, pygame.Rect, pygame.Rect, pygame.Rect]] = []
        y = top
        button_w = max(m.button_height, row_h)
        for key, _label in ROWS:
            rect = pygame.Rect(x, y, width, row_h)
            plus = pygame.Rect(rect.right - button_w, y, button_w, row_h)
            value_w = t.width("Full screen", "sans", m.ui) + 2 * m.gap
            minus = pygame.Rect(plus.x - value_w - button_w, y, button_w, row_h)
            self.rows.append((key, rect, minus, plus))
            y += row_h + gap
        self.preview_y = y + m.gap
        self.label_size = m.ui

    # -- input -----------------------------------------------------------------------------
    def hit(self, pos: tuple[int, int]) -> tuple[str, int] | None:
        for key, rect, minus, plus in self.rows:
            if minus.collidepoint(pos):
                return key, -1
            if plus.collidepoint(pos):
                return key, +1
            if rect.collidepoint(pos):
                return key, 0
        return None

    def handle(self, command: Command) -> Transition | None:
        k = command.kind
        if k == cmd.BACK:
            return Pop()
        if k in (cmd.POINT, cmd.CLICK) and command.pos is not None:
            hit = self.hit(command.pos)
            if hit is not None:
                index = [r[0] for r in self.rows].index(hit[0])
                if index != self.row or self.on_back_button or hit != self.pointer:
                    self.row, self.on_back_button, self.pointer = index, False, hit
                    self.dirty = True
                if k == cmd.CLICK:
                    key, step = hit
                    binary = key in ("fullscreen", "high_contrast")
                    if step or binary:
                        self.change(key, step or 1, wrap=binary)
                return None
            key = self.bottom.handle(command)
            if self.bottom.changed:
                self.on_back_button = True
                self.dirty = True
            if key == "back":
                self.app.sound("click")
                return Pop()
            return None
        if k == cmd.UP:
            if self.on_back_button:
                self.on_back_button = False
            else:
                self.row = (self.row - 1) % len(self.rows)
            self.dirty = True
        elif k == cmd.DOWN:
            if self.row == len(self.rows) - 1 and not self.on_back_button:
                self.on_back_button = True
            elif self.on_back_button:
                self.on_back_button, self.row = False, 0
            else:
                self.row += 1
            self.dirty = True
        elif k in (cmd.LEFT, cmd.RIGHT) and not self.on_back_button:
            self.change(self.rows[self.row][0], -1 if k == cmd.LEFT else 1,
                        wrap=self.rows[self.row][0] in ("fullscreen", "high_contrast"))
        elif k in (cmd.CONFIRM, cmd.ADVANCE):
            if self.on_back_button:
                self.app.sound("click")
                return Pop()
            self.change(self.rows[self.row][0], 1, wrap=True)
        return None

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, m, p, t = self.app, self.app.metrics, self.app.palette, self.app.text
        draw_background(app, surface)
        draw_heading(app, surface, "Settings")
        labels = dict(ROWS)
        for i, (key, rect, minus, plus) in enumerate(self.rows):
            focused = i == self.row and not self.on_back_button
            draw_panel(surface, rect, p.button_hover if focused else p.button, m.radius,
                       p.focus if focused else None, max(2, m.line_width * 2))
            t.draw(surface, labels[key], "sans", m.ui, p.text, (rect.x + m.gap * 2, rect.centery), "midleft")
            binary = key in ("fullscreen", "high_contrast")
            if not binary:
                for r, sign, step in ((minus, "–", -1), (plus, "+", 1)):
                    b = Button(r, step, [sign], size=m.ui)
                    draw_button(surface, t, m, p, b, focused and self.pointer == (key, step))
            value_centre = (minus.right + plus.left) // 2
            t.draw(surface, self.value_text(key), "sans_bold", m.ui, p.focus if focused else p.text,
                   (value_centre, rect.centery), "center")
        if self.show_preview:
            sample = "The light at Chengshan Road turns amber. The bus behind you sounds its horn."
            text_w = self.rows[0][1].width
            y = self.preview_y
            for line in t.lines(sample, "serif", m.body, text_w)[:2]:
                t.draw(surface, line.text, "serif", m.body, p.text_dim, (self.rows[0][1].x, y))
                y += m.body_line
        self.bottom.index = 0 if self.on_back_button else None
        self.bottom.draw(surface, t, m, p)

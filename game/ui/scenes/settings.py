"""Settings: how text reads (size, line spacing, face, speed), motion, reading aloud, display,
contrast, volumes and keys; kept between sessions.

Keys: Up/Down choose a row, Left/Right change it, Enter steps it on.  Pointer and touch:
the − and + buttons, or the row itself for on/off settings and for Keys, which opens the
screen where each main action's key is chosen.
"""

from __future__ import annotations

import pygame

from game.settings import FONTS, LINE_SPACINGS, TEXT_SPEEDS
from game.speech import describe
from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Push, Scene, To, Transition
from game.ui.scenes.common import button_row, draw_background, draw_heading, heading_height
from game.ui.widgets import Button, Focus, draw_button, draw_panel

SPEED_NAMES = {20: "Slow", 40: "Steady", 70: "Brisk", 120: "Fast", 0: "Instant"}
FONT_LABELS = {"standard": "Standard", "legible": "Legible", "dyslexic": "Dyslexic"}
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
VOLUME_STEP = 0.1

#: Lines a word on the row in focus (what Text speed does, why the game fills a small screen)
#: may take at least, in the preview's place.
NOTE_LINES = 2

#: Shown under the settings at the chosen text size, so the player sees what they chose.
PREVIEW = "The light at Binhai Road turns amber. The bus behind you sounds its horn."

ROWS = (
    ("text_scale", "Text size"),
    ("line_spacing", "Line spacing"),
    ("font", "Font"),
    ("text_speed", "Text speed"),
    ("reduce_motion", "Reduce motion"),
    ("self_voicing", "Read aloud"),
    ("high_contrast", "High contrast"),
    ("fullscreen", "Display"),
    ("master_volume", "Volume"),
    ("music_volume", "Ambient sound"),
    ("effects_volume", "Interface sounds"),
    ("keys", "Keys"),
)

#: Rows that are on or off: pressing the row turns them over, and they have no − or +.
SWITCHES = ("fullscreen", "high_contrast", "reduce_motion", "self_voicing")
#: Rows that open a screen of their own.
OPENS = ("keys",)

#: Rows a kiosk does not offer: full screen is the kiosk's and keys are the next visitor's.
KIOSK_HIDDEN = ("fullscreen", "keys")


def rows_for(app) -> tuple[tuple[str, str], ...]:
    """The rows this game offers: all of them, or in a kiosk those a visitor may change."""
    if getattr(app, "kiosk", None) is None:
        return ROWS
    return tuple(row for row in ROWS if row[0] not in KIOSK_HIDDEN)


#: Every value a row can show, so the value column is as wide as the widest of them.
VALUE_SAMPLES = ("Full screen", "Window", "Change", "100%", "No voice", *FONT_LABELS.values(),
                 *SPEED_NAMES.values())


def _stepped(values: tuple, current, step: int, wrap: bool):
    """The value ``step`` places from ``current`` in ``values`` (nearest if not among them)."""
    if current in values:
        i = values.index(current)
    else:                                       # a size between the offered ones
        i = min(range(len(values)), key=lambda j: abs(values[j] - current))
    i = (i + step) % len(values) if wrap else max(0, min(len(values) - 1, i + step))
    return values[i]


def preview_width(t, m, room: int) -> int:
    """The preview's measure: each of its sentences on a line of its own at most, so it is
    always at least two lines and a change of line spacing shows."""
    sentences = [part.strip() + "." for part in PREVIEW.rstrip(".").split(". ")]
    return max(1, min(room, max(t.width(sentence, "serif", m.body) for sentence in sentences)))


def preview_height(t, m, lines: int) -> int:
    """How tall ``lines`` lines of the preview stand: the spacing between them, and the last
    line's own height (wide spacing adds room between lines, not under the last)."""
    return (lines - 1) * m.body_line + t.height("serif", m.body)


class SettingsScene(Scene):
    name = "settings"
    #: Drawn under a heading, which a toast keeps clear of.
    headed = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.offered = rows_for(app)
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
        if key in ("high_contrast", "reduce_motion"):
            return "On" if getattr(s, key) else "Off"
        if key == "line_spacing":
            return f"{s.line_spacing:g}×"
        if key == "font":
            return FONT_LABELS.get(s.font, s.font)
        if key == "keys":
            return "Change"
        if key == "self_voicing":
            return describe(self.app.voice, s.self_voicing)
        return f"{round(getattr(s, key) * 100)}%"

    def note(self, key: str) -> str | None:
        """A line under the rows about the row in focus, where there is something to say."""
        if key == "text_speed":
            return ("Instant shows each page whole; Slow to Fast type it out, and any key shows the "
                    "rest of a page at once. Change it with ← and →, or − and +.")
        if key == "fullscreen" and getattr(self.app.window, "too_small", False):
            size = "×".join(str(n) for n in self.app.window.size)
            return (f"This screen ({size}) is too small for the game in a window with a title bar, so "
                    "it fills the screen. F11 or Alt+Enter switches.")
        return None

    def change(self, key: str, step: int, wrap: bool = False) -> None:
        app = self.app
        s = app.settings
        if key not in dict(self.offered):
            return
        if key == "fullscreen":
            app.toggle_fullscreen()
        elif key == "self_voicing":
            app.set_voicing(not s.self_voicing)      # says so when no voice can be found
        elif key in ("high_contrast", "reduce_motion"):
            setattr(s, key, not getattr(s, key))
        elif key == "text_scale":
            s.text_scale = _stepped(TEXT_SCALES, s.text_scale, step, wrap)
        elif key == "line_spacing":
            s.line_spacing = _stepped(LINE_SPACINGS, s.line_spacing, step, wrap)
        elif key == "font":
            s.font = _stepped(FONTS, s.font, step, wrap)
        elif key == "text_speed":
            i = TEXT_SPEEDS.index(s.text_speed) if s.text_speed in TEXT_SPEEDS else 1
            i = (i + step) % len(TEXT_SPEEDS) if wrap else max(0, min(len(TEXT_SPEEDS) - 1, i + step))
            s.text_speed = TEXT_SPEEDS[i]
        else:
            value = round(getattr(s, key) + step * VOLUME_STEP, 2)
            if wrap and value > 1.0:
                value = 0.0
            setattr(s, key, max(0.0, min(1.0, value)))
        if key not in ("fullscreen", "self_voicing"):
            app.apply_settings()
        if key.endswith("volume"):
            app.sound("click")
        self.dirty = True

    # -- limits ----------------------------------------------------------------------------
    def can_step(self, key: str, step: int) -> bool:
        """Whether − (``step`` -1) or + (+1) changes ``key``: not past either end."""
        s = self.app.settings
        if key == "text_scale":
            return s.text_scale > TEXT_SCALES[0] if step < 0 else s.text_scale < TEXT_SCALES[-1]
        if key == "line_spacing":
            return s.line_spacing > LINE_SPACINGS[0] if step < 0 else s.line_spacing < LINE_SPACINGS[-1]
        if key == "font":
            i = FONTS.index(s.font) if s.font in FONTS else 0
            return i > 0 if step < 0 else i < len(FONTS) - 1
        if key == "text_speed":
            i = TEXT_SPEEDS.index(s.text_speed) if s.text_speed in TEXT_SPEEDS else 1
            return i > 0 if step < 0 else i < len(TEXT_SPEEDS) - 1
        if key.endswith("volume"):
            value = getattr(s, key)
            return value > 0.0 if step < 0 else value < 1.0
        return True

    # -- layout ----------------------------------------------------------------------------
    def layout(self) -> None:
        app, m, t = self.app, self.app.metrics, self.app.text
        w, h = app.size
        nav = button_row(app, [("Back", "back")], h - m.margin)
        self.bottom.set_buttons(nav)
        top = heading_height(app)
        room = nav[0].rect.top - m.gap - top
        row_h = max(m.button_height, round(m.ui * 2.0))
        button_w = max(m.button_height, row_h)
        value_w = max(t.width(v, "sans_bold", m.ui) for v in VALUE_SAMPLES) + 2 * m.gap
        label_w = max(t.width(label, "sans", m.ui) for _key, label in self.offered)
        # The narrowest row that shows its whole label, both buttons and the widest value.
        row_min = label_w + 4 * m.gap + 2 * button_w + value_w
        full = min(w - 2 * m.margin, round(1000 * m.unit) + m.margin * 2)
        # The preview is what large text is for: the rows make room for it, never the other
        # way round.  One column if it fits above the preview, else two side by side.
        # Last resort, for the tallest faces: two columns whose rows touch.
        for columns, gap in ((1, m.gap // 2), (2, m.gap // 2), (2, 0)):
            width = full if columns == 1 else max(row_min, (full - m.gap) // 2)
            per_column = -(-len(self.offered) // columns)
            preview = t.lines(PREVIEW, "serif", m.body, preview_width(t, m, full))
            needed = per_column * (row_h + gap) + m.gap + preview_height(t, m, len(preview))
            if needed <= room:
                break
        self.columns = columns
        total = columns * width + (columns - 1) * m.gap
        x0 = (w - total) // 2
        preview = t.lines(PREVIEW, "serif", m.body, preview_width(t, m, total))
        self.rows: list[tuple[str, pygame.Rect, pygame.Rect, pygame.Rect]] = []
        for i, (key, _label) in enumerate(self.offered):
            column, place = divmod(i, per_column)
            x = x0 + column * (width + m.gap)
            y = top + place * (row_h + gap)
            rect = pygame.Rect(x, y, width, row_h)
            plus = pygame.Rect(rect.right - button_w, y, button_w, row_h)
            minus = pygame.Rect(plus.x - value_w - button_w, y, button_w, row_h)
            self.rows.append((key, rect, minus, plus))
        self.preview_lines = [line.text for line in preview]
        self.preview_x = x0
        self.preview_y = top + per_column * (row_h + gap) + m.gap
        #: Where a note on the row in focus goes, in the preview's place (the preview shows the
        #: text rows, which have no note), and how wide it may run.
        self.note_at = pygame.Rect(x0, self.preview_y, total, preview_height(t, m, len(preview)))

    def readable(self) -> list[pygame.Rect]:
        """The preview, which a toast keeps clear of."""
        m = self.app.metrics
        width = max((self.app.text.width(line, "serif", m.body) for line in self.preview_lines), default=0)
        return [pygame.Rect(self.preview_x, self.preview_y, width,
                            preview_height(self.app.text, m, len(self.preview_lines)))]

    def targets(self) -> list[pygame.Rect]:
        """What can be pressed: every row (its − and + are inside it) and Back."""
        return [rect for _key, rect, _minus, _plus in self.rows] + [b.rect for b in self.bottom.buttons]

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
                    if key in OPENS:
                        return self.open(key)
                    binary = key in SWITCHES
                    if (step and self.can_step(key, step)) or binary:
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
            key = self.rows[self.row][0]
            if key not in OPENS:
                self.change(key, -1 if k == cmd.LEFT else 1, wrap=key in SWITCHES)
        elif k in (cmd.CONFIRM, cmd.ADVANCE):
            if self.on_back_button:
                self.app.sound("click")
                return Pop()
            key = self.rows[self.row][0]
            if key in OPENS:
                return self.open(key)
            self.change(key, 1, wrap=True)
        return None

    def open(self, key: str) -> Transition | None:
        if key not in dict(self.offered):
            return None
        self.app.sound("click")
        return Push(To("keys"))

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, m, p, t = self.app, self.app.metrics, self.app.palette, self.app.text
        draw_background(app, surface)
        draw_heading(app, surface, "Settings")
        labels = dict(self.offered)
        for i, (key, rect, minus, plus) in enumerate(self.rows):
            focused = i == self.row and not self.on_back_button
            draw_panel(surface, rect, p.button_hover if focused else p.button, m.radius,
                       p.focus if focused else None, max(2, m.line_width * 2))
            t.draw(surface, labels[key], "sans", m.ui, p.text, (rect.x + m.gap * 2, rect.centery), "midleft")
            if key not in SWITCHES and key not in OPENS:
                for r, sign, step in ((minus, "–", -1), (plus, "+", 1)):
                    enabled = self.can_step(key, step)
                    b = Button(r, step, [sign], enabled=enabled, size=m.ui)
                    draw_button(surface, t, m, p, b, enabled and focused and self.pointer == (key, step))
            value_centre = (minus.right + plus.left) // 2
            t.draw(surface, self.value_text(key), "sans_bold", m.ui, p.focus if focused else p.text,
                   (value_centre, rect.centery), "center")
        note = self.note(self.rows[self.row][0]) if not self.on_back_button else None
        if note:
            lines = t.lines(note, "sans", m.small, self.note_at.width)
            for i, line in enumerate(lines[:max(NOTE_LINES, self.note_at.height // m.small_line)]):
                t.draw(surface, line.text, "sans", m.small, p.text_dim,
                       (self.note_at.x, self.note_at.y + i * m.small_line))
        else:
            y = self.preview_y
            for line in self.preview_lines:
                t.draw(surface, line, "serif", m.body, p.text, (self.preview_x, y))
                y += m.body_line
        self.bottom.index = 0 if self.on_back_button else None
        self.bottom.draw(surface, t, m, p)

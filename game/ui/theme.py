"""The game's look: palettes (normal and high contrast), the shipped fonts, and sizes that
follow the window so text is always drawn at the native resolution.

Visual identity: a dim slate room at dusk; the world's documents are the bright things in it
(paper, a phone screen, a ticket machine's display).  One accent, the red of a seal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game import shipped
from game.ui.layout import LINE_SPACING

Colour = tuple[int, int, int]

ASSETS = shipped.assets()
FONTS = ASSETS / "fonts"

#: Font roles and the file that draws each.  Only these shipped files are ever used.
FONT_FILES: dict[str, str] = {
    "serif": "NotoSerif-Regular.ttf",
    "serif_italic": "NotoSerif-Italic.ttf",
    "sans": "NotoSans-Regular.ttf",
    "sans_bold": "NotoSans-Bold.ttf",
    "mono": "NotoSansMono-Regular.ttf",
}


#: The reading faces a player can choose (see ``Settings.font``), each replacing the roles it
#: names.  The machine's monospaced display keeps its own face in every family: it is a thing
#: in the world, and every family draws it legibly.
FONT_FAMILIES: dict[str, dict[str, str]] = {
    "standard": {},
    "legible": {
        "serif": "AtkinsonHyperlegible-Regular.ttf",
        "serif_italic": "AtkinsonHyperlegible-Italic.ttf",
        "sans": "AtkinsonHyperlegible-Regular.ttf",
        "sans_bold": "AtkinsonHyperlegible-Bold.ttf",
    },
    "dyslexic": {
        "serif": "OpenDyslexic-Regular.otf",
        "serif_italic": "OpenDyslexic-Italic.otf",
        "sans": "OpenDyslexic-Regular.otf",
        "sans_bold": "OpenDyslexic-Bold.otf",
    },
}

#: What the settings screen calls each family.
FONT_NAMES: dict[str, str] = {"standard": "Noto", "legible": "Atkinson Hyperlegible",
                              "dyslexic": "OpenDyslexic"}


def font_path(role: str, family: str = "standard") -> Path:
    """The shipped font file for ``role`` in ``family``; KeyError for an unknown role.  An
    unknown family draws with the standard faces."""
    return FONTS / FONT_FAMILIES.get(family, {}).get(role, FONT_FILES[role])


@dataclass(frozen=True)
class Palette:
    """Every colour the front end draws with."""

    sky_top: Colour
    sky_bottom: Colour
    city: Colour
    city_far: Colour
    sea: Colour
    window_light: Colour
    veil: tuple[int, int, int, int]   # drawn over the art behind text (RGBA)
    text: Colour
    text_dim: Colour
    accent: Colour
    focus: Colour
    button: Colour
    button_hover: Colour
    button_text: Colour
    button_disabled_text: Colour
    paper: Colour
    paper_edge: Colour
    ink: Colour
    ink_dim: Colour
    phone_body: Colour
    phone_screen: Colour
    bubble: Colour
    bubble_text: Colour
    lcd: Colour
    lcd_text: Colour
    lcd_casing: Colour
    board: Colour
    positive: Colour
    negative: Colour
    seal: Colour
    high_contrast: bool = False


NORMAL = Palette(
    sky_top=(34, 42, 56),
    sky_bottom=(92, 86, 96),
    city=(24, 29, 38),
    city_far=(48, 54, 68),
    sea=(30, 38, 50),
    window_light=(214, 178, 112),
    veil=(10, 12, 18, 242),
    text=(238, 233, 222),
    text_dim=(200, 205, 214),
    accent=(244, 156, 128),
    focus=(250, 212, 140),
    button=(26, 31, 42),
    button_hover=(44, 52, 68),
    button_text=(236, 230, 218),
    button_disabled_text=(110, 116, 126),
    paper=(243, 238, 227),
    paper_edge=(206, 196, 176),
    ink=(40, 36, 32),
    ink_dim=(82, 74, 66),
    phone_body=(16, 18, 22),
    phone_screen=(232, 234, 238),
    bubble=(255, 255, 255),
    bubble_text=(28, 30, 34),
    lcd=(18, 52, 92),
    lcd_text=(214, 236, 255),
    lcd_casing=(150, 156, 162),
    board=(70, 84, 72),
    positive=(28, 84, 48),
    negative=(136, 34, 26),
    seal=(138, 32, 24),
)

HIGH_CONTRAST = Palette(
    sky_top=(0, 0, 0),
    sky_bottom=(0, 0, 0),
    city=(0, 0, 0),
    city_far=(0, 0, 0),
    sea=(0, 0, 0),
    window_light=(0, 0, 0),
    veil=(0, 0, 0, 255),
    text=(255, 255, 255),
    text_dim=(230, 230, 230),
    accent=(255, 220, 0),
    focus=(255, 220, 0),
    button=(0, 0, 0),
    button_hover=(40, 40, 40),
    button_text=(255, 255, 255),
    button_disabled_text=(150, 150, 150),
    paper=(255, 255, 255),
    paper_edge=(0, 0, 0),
    ink=(0, 0, 0),
    ink_dim=(0, 0, 0),
    phone_body=(255, 255, 255),
    phone_screen=(255, 255, 255),
    bubble=(255, 255, 255),
    bubble_text=(0, 0, 0),
    lcd=(0, 0, 0),
    lcd_text=(255, 255, 255),
    lcd_casing=(255, 255, 255),
    board=(0, 0, 0),
    positive=(0, 90, 0),
    negative=(150, 0, 0),
    seal=(150, 0, 0),
    high_contrast=True,
)


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels for one window size and text scale.

    ``unit`` is 1.0 at 1080 px high; every size is derived from it so the layout looks the
    same at 1024×600 and at 4K, and text is rendered at its final size (never scaled up).
    """

    width: int
    height: int
    unit: float
    text_scale: float
    line_spacing: float  # baseline to baseline, as a multiple of ``body``
    body: int          # story text
    ui: int            # buttons and labels
    small: int         # captions
    heading: int       # screen titles
    display: int       # the game's title
    margin: int
    gap: int
    button_height: int  # never under the touch minimum
    radius: int
    line_width: int

    @property
    def body_line(self) -> int:
        """Baseline-to-baseline distance of story text."""
        return round(self.body * self.line_spacing)

    @property
    def ui_line(self) -> int:
        return round(self.ui * 1.4)

    @property
    def small_line(self) -> int:
        return round(self.small * 1.4)


#: Smallest button height in pixels at 1080p (touch targets), and its floor on small screens.
TOUCH_MIN_1080 = 56
TOUCH_FLOOR = 44


def metrics_for(size: tuple[int, int], text_scale: float = 1.0,
                line_spacing: float = LINE_SPACING) -> Metrics:
    """Sizes for a window of ``size`` with text at ``text_scale`` (1.0–2.0) and story lines
    ``line_spacing`` apart (a multiple of the text size, never under 1.5)."""
    width, height = max(1, size[0]), max(1, size[1])
    unit = min(height / 1080, width / 1600)
    unit = max(unit, 0.3)
    ts = max(1.0, min(2.0, text_scale))
    body = max(12, round(30 * unit * ts))
    ui = max(12, round(26 * unit * min(ts, 1.6)))
    small = max(11, round(21 * unit * min(ts, 1.5)))
    heading = max(16, round(44 * unit * min(ts, 1.4)))
    display = max(24, round(92 * unit))
    touch = max(TOUCH_FLOOR, round(TOUCH_MIN_1080 * unit))
    button_height = max(touch, round(ui * 2.1))
    return Metrics(
        width=width,
        height=height,
        unit=unit,
        text_scale=ts,
        line_spacing=max(LINE_SPACING, min(2.5, float(line_spacing))),
        body=body,
        ui=ui,
        small=small,
        heading=heading,
        display=display,
        margin=max(10, round(36 * unit)),
        gap=max(6, round(16 * unit)),
        button_height=button_height,
        radius=max(3, round(10 * unit)),
        line_width=max(1, round(2 * unit)),
    )


def palette_for(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else NORMAL

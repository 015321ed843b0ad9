"""How far apart the theme's colours are, by WCAG's contrast ratio, and which pairs must be.

Every pair of colours the front end puts text or a control's edge on is named here with the
ratio it must reach: 7:1 (WCAG AAA) for anything read — story text, labels, captions — and
3:1 for what shows a control or where the focus is (WCAG 1.4.11).  Where text sits on the
dimmed city, the background counted is the veil over the brightest colour the city paints,
so the ratio holds wherever the text falls.  Pure arithmetic: no pygame.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ui.theme import HIGH_CONTRAST, NORMAL, Colour, Palette

READ = 7.0
CONTROL = 3.0

#: The brightest colour the generated city paints (winter's snow); pinned by a test that
#: draws the city and looks.
BACKDROP_BRIGHTEST: Colour = (226, 230, 236)

#: How much less the title screen's panel veils the city than other screens do.
TITLE_VEIL_LESS = 40

PALETTES: dict[str, Palette] = {"normal": NORMAL, "high contrast": HIGH_CONTRAST}


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: Colour) -> float:
    """Relative luminance, 0 (black) to 1 (white), as WCAG defines it."""
    r, g, b = (_linear(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Colour, b: Colour) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21, whichever order they come in."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(layer: tuple[int, int, int, int], under: Colour) -> Colour:
    """``layer`` (RGBA) drawn over the opaque ``under``."""
    alpha = layer[3] / 255
    return tuple(round(layer[i] * alpha + under[i] * (1 - alpha)) for i in range(3))  # type: ignore[return-value]


@dataclass(frozen=True)
class Pair:
    """A foreground on a background, what it is for, and the ratio it must reach."""

    what: str
    foreground: Colour
    background: Colour
    minimum: float

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)


def pairs(p: Palette) -> list[Pair]:
    """Every pairing of ``p``'s colours the screens draw, with its minimum."""
    veiled = over(p.veil, BACKDROP_BRIGHTEST)
    title = over((*p.veil[:3], max(0, p.veil[3] - TITLE_VEIL_LESS)), BACKDROP_BRIGHTEST)
    read = [
        ("story text on the dimmed city", p.text, veiled),
        ("captions on the dimmed city", p.text_dim, veiled),
        ("the title screen's text", p.text, title),
        ("the title screen's captions", p.text_dim, title),
        ("a speaker's name", p.accent, veiled),
        ("button labels", p.button_text, p.button),
        ("a focused button's label", p.button_text, p.button_hover),
        ("a choice's number", p.accent, p.button),
        ("a focused choice's number or value", p.focus, p.button_hover),
        ("a button's caption", p.text_dim, p.button),
        ("ink on paper", p.ink, p.paper),
        ("quiet ink on paper", p.ink_dim, p.paper),
        ("a seal's red on paper", p.seal, p.paper),
        ("a lost point on paper", p.negative, p.paper),
        ("a gained point on paper", p.positive, p.paper),
        ("a message bubble", p.bubble_text, p.bubble),
        ("the phone's own text", p.ink_dim, p.phone_screen),
        ("the machine's display", p.lcd_text, p.lcd),
    ]
    control = [
        ("a button's edge on the dimmed city", p.text_dim, veiled),
        ("the focus outline on the dimmed city", p.focus, veiled),
        ("the focus outline on a button", p.focus, p.button_hover),
        ("the focus outline on the title screen", p.focus, title),
        ("a heading's rule and the page arrows", p.accent, veiled),
    ]
    return [Pair(what, fg, bg, READ) for what, fg, bg in read] + \
        [Pair(what, fg, bg, CONTROL) for what, fg, bg in control]

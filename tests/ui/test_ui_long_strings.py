"""A string of any length is fitted to the window in a bounded number of measurements.

A save's summary, a city's name or a speaker can be as long as a file lets it be; fitting one
used to drop a character per measurement and remember every prefix, so a 200,000-character
summary never drew the title screen.  Work is bounded here by counting, not by timing.
"""

from __future__ import annotations

import pytest

from game.engine import ChoiceView, Page
from game.ui.layout import Line, paginate
from game.ui.scenes.play import PlayScene
from game.ui.passage_looks import MAX_TITLE_LINES
from game.ui.text import MAX_LINE_CHARS, MAX_REMEMBERED_CHARS, Text
from passage_pages import StillSession


class CountingFont:
    """A font that counts what it is asked to measure."""

    def __init__(self, font) -> None:
        self.font = font
        self.measurements = 0
        self.characters = 0

    def size(self, text: str) -> tuple[int, int]:
        self.measurements += 1
        self.characters += len(text)
        return self.font.size(text)

    def __getattr__(self, name: str):
        return getattr(self.font, name)


@pytest.fixture
def counted(monkeypatch):
    """Every font of a Text counted: ``counted(text)`` returns the fonts as they are made."""
    def watch(text: Text) -> dict[tuple[str, int], CountingFont]:
        fonts: dict[tuple[str, int], CountingFont] = {}
        real = text.font

        def font(role: str, size: int) -> CountingFont:
            if (role, size) not in fonts:
                fonts[(role, size)] = CountingFont(real(role, size))
            return fonts[(role, size)]

        monkeypatch.setattr(text, "font", font)
        return fonts

    return watch


def test_a_200000_character_summary_is_fitted_in_a_few_measurements_of_a_few_characters(make_app, counted):
    make_app()
    text = Text()
    fonts = counted(text)
    summary = "Day 40 · Rongcheng — " + "the committee meets again " * 8000
    assert len(summary) > 200_000
    label = text.fit(summary, "sans", 16, 600)
    font = fonts[("sans", 16)]
    assert label.endswith("…") and label[:-1] == summary[:len(label) - 1].rstrip()
    assert text.width(label, "sans", 16) <= 600
    assert font.measurements < 40
    assert font.characters < 40 * 2 * (600 // text.narrowest("sans", 16) + 8)


def test_fitting_again_and_again_remembers_no_long_prefix(make_app):
    make_app()
    text = Text()
    for width in range(200, 1200, 50):
        text.fit("x" * 50_000, "serif", 20, width)
    remembered = text._widths[("serif", 20)]
    assert remembered and max(map(len, remembered)) <= MAX_REMEMBERED_CHARS


def test_a_label_that_fits_is_left_whole_and_one_that_does_not_ends_in_an_ellipsis(make_app):
    make_app()
    text = Text()
    assert text.fit("Lin's bike", "sans", 16, 600) == "Lin’s bike"
    short = text.fit("The neighbourhood committee", "sans", 16, 80)
    assert short.endswith("…") and text.width(short, "sans", 16) <= 80
    longer = text.fit("The neighbourhood committee", "sans", 16, 81 + text.width("mmmm", "sans", 16))
    assert len(longer) > len(short)
    assert text.fit("Anything", "sans", 16, 0) == "…"


def test_no_string_drawn_on_one_line_is_longer_than_any_screen_could_show(make_app):
    make_app()
    text = Text()
    drawn: list[str] = []
    text.observers.append(drawn.append)
    surface = text.render("ab" * 100_000, "sans", 12, (0, 0, 0))
    assert drawn == ["ab" * (MAX_LINE_CHARS // 2)]
    assert surface.get_width() < 40 * MAX_LINE_CHARS


@pytest.mark.parametrize("style", ["dialogue", "letter", "document", "phone", "notice", "bill"])
def test_a_passage_with_a_30000_character_speaker_title_and_place_draws_in_bounded_work(make_app, counted, style):
    app = make_app(size=(1280, 720))
    fonts = counted(app.text)
    drawn: list[str] = []
    app.text.observers.append(drawn.append)
    endless = "Neighbourhood committee office " * 1000
    page = Page(passage_id="p", style=style, speaker=endless, title=endless,
                text="'You are late,' she says.\n\nThe form is on the desk.",
                choices=(ChoiceView(1, "Go on."),), day=9, city="rongcheng", city_name=endless,
                is_ending=False, ending_title=None)
    scene = PlayScene(app, StillSession(page))
    app.start(scene)
    app.step(0)
    for _ in scene.reading.pages[1:]:
        scene.reading.page_index += 1
        scene.dirty = True
        app.step(0)
    assert drawn and max(map(len, drawn)) <= MAX_LINE_CHARS
    assert len(scene.reading.pages) <= 3                        # the text's two paragraphs, and the choice
    if style != "dialogue":
        titles = scene.border._title_lines("sans_bold", app.metrics.ui)
        assert 1 <= len(titles) <= MAX_TITLE_LINES and titles[-1].endswith("…")
    # The title wraps into lines of its own and each line costs a handful of measurements;
    # the speaker and the place are cut to what fits.  Per character, once, was 30,000 each.
    measurements = sum(font.measurements for font in fonts.values())
    assert measurements < 6 * len(endless.split())
    assert max(app.text.width(s, "sans_bold", app.metrics.ui) for s in drawn if s.startswith("Neigh")) <= 1280


def test_a_page_whose_frame_leaves_no_room_still_holds_a_line_and_the_pages_end():
    lines = [Line(f"line {n}", n // 3, n % 3 == 0) for n in range(9)]
    pages = paginate(lines, line_height=20, gap=10, page_height=-400)
    assert [line for page in pages for line in page] == lines
    assert len(pages) <= len(lines) + 1

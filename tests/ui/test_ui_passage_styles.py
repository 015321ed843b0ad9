"""How the window lays out each kind of passage: line breaks kept where the engine says."""

from __future__ import annotations

from game.engine import ChoiceView, Page
from game.engine.styles import STYLES, keeps_lines
from game.ui.scenes.play import PlayScene
from game.ui.styles import look_for
from passage_pages import StillSession

FORM = ("CHINA MARROW DONOR PROGRAM\nVolunteer Donor Registration Form\n\n"
        "PART A. DONOR DETAILS\nName: ______________    Sex: ______\n"
        "Identity card number: ______________________________")


def page_of(style: str, text: str, speaker: str | None = None, title: str | None = None) -> Page:
    return Page(passage_id="p", style=style, speaker=speaker, title=title, text=text,
                choices=(ChoiceView(1, "Go on."),), day=9, city="rongcheng", city_name="Rongcheng",
                is_ending=False, ending_title=None)


def test_the_window_keeps_line_breaks_in_exactly_the_styles_the_engine_names():
    for style in STYLES:
        assert look_for(style).keep_newlines == keeps_lines(style), style


def test_a_form_shows_each_of_its_rows_on_a_line_of_its_own(make_app):
    for style in ("document", "notice"):
        app = make_app(size=(1280, 720))
        scene = PlayScene(app, StillSession(page_of(style, FORM)))
        app.start(scene)
        app.step(0)
        shown = [line.text for page in scene.pages for line in page]
        assert shown[:2] == ["CHINA MARROW DONOR PROGRAM", "Volunteer Donor Registration Form"], style
        assert "PART A. DONOR DETAILS" in shown and any(l.startswith("Name: ___") for l in shown)

"""How the window lays out each kind of passage: line breaks kept where the engine says."""

from __future__ import annotations

from game.engine.passage_words import STYLES, keeps_lines
from game.ui.layout import line_offsets
from game.ui.scenes.play import PlayScene
from game.ui.passage_looks import look_for
from helpers import page_of
from passage_pages import StillSession

FORM = ("CHINA MARROW DONOR PROGRAM\nVolunteer Donor Registration Form\n\n"
        "PART A. DONOR DETAILS\nName: ______________    Sex: ______\n"
        "Identity card number: ______________________________")


def test_the_window_keeps_line_breaks_in_exactly_the_styles_the_engine_names():
    for style in STYLES:
        assert look_for(style).keep_newlines == keeps_lines(style), style


def test_a_form_shows_each_of_its_rows_on_a_line_of_its_own(make_app):
    for style in ("document", "notice"):
        app = make_app(size=(1280, 720))
        scene = PlayScene(app, StillSession(page_of(style, FORM)))
        app.start(scene)
        app.step(0)
        shown = [line.text for page in scene.reading.pages for line in page]
        assert shown[:2] == ["CHINA MARROW DONOR PROGRAM", "Volunteer Donor Registration Form"], style
        assert "PART A. DONOR DETAILS" in shown and any(l.startswith("Name: ___") for l in shown)


NARRATED = ("At lunch Liu Fang has her rice box in one hand and a fat green book pinned open.\n\n"
            "'The exam's in November,' she says, before you can ask.\n\n"
            "Out in the yard a gull is trying to open a polystyrene box with its beak.\n\n"
            "'If I pass the written part there's an interview.'")


def open_dialogue(make_app, text: str):
    app = make_app(size=(1280, 720))
    drawn: list[str] = []
    app.text.observers.append(drawn.append)
    scene = PlayScene(app, StillSession(page_of("dialogue", text, speaker="Liu Fang")))
    app.start(scene)
    app.step(0)
    return scene, drawn


def test_a_narrated_scene_has_no_speaker_name_over_it(make_app):
    scene, drawn = open_dialogue(make_app, NARRATED)
    assert "Liu Fang" not in drawn
    assert scene.border.top == 0                       # no room kept for a name either


def test_the_speech_bar_stands_beside_speech_only(make_app):
    scene, _ = open_dialogue(make_app, NARRATED)
    f, lines = scene.border, scene.reading.pages[0]
    offsets = dict(zip(map(id, lines), line_offsets(lines, f.line_h, f.gap)))
    spans = [(offsets[id(ls[0])], offsets[id(ls[-1])] + f.line_h)
             for ls in ([l for l in lines if l.paragraph == n] for n in (1, 3))]
    assert f.speech_bars(lines) == [(top, bottom - top) for top, bottom in spans]


def test_a_passage_that_opens_with_speech_is_headed_with_the_speakers_name(make_app):
    scene, drawn = open_dialogue(make_app, "'Sit down,' Liu Fang says.\n\nShe moves her book.")
    assert "Liu Fang" in drawn
    assert scene.border.top > 0
    assert len(scene.border.speech_bars(scene.reading.pages[0])) == 1


LONG_CLAUSES = "\n\n".join(
    f"{n}. The Company may inspect the installation at any reasonable hour and record what it "
    f"finds; a finding is reported to the authorities named in the schedule." for n in range(1, 13))


def first_text_top(app, scene, page_index: int) -> int:
    """How far below the top of the frame the first line of a page is drawn."""
    scene.reading.page_index = page_index
    scene.reading.revealed = float(scene.reading.page_chars())
    scene.draw(app.surface)
    scene.reading.shown = 0
    return min(rect.top for rect in scene._draw_text(app.surface, 10 ** 6)) - scene.content.y


def test_later_pages_of_a_headed_document_start_where_the_heading_was_not_under_an_empty_band(make_app):
    for style in ("letter", "bill", "notice", "document"):
        app = make_app(size=(1024, 600), text_scale=2.0)
        headed = PlayScene(app, StillSession(page_of(style, LONG_CLAUSES, title="CONDITIONS OF SUPPLY")))
        app.start(headed)
        app.step(0)
        assert len(headed.reading.pages) > 1, style
        plain = PlayScene(app, StillSession(page_of(style, LONG_CLAUSES)))
        app.start(plain)
        app.step(0)
        # Page 1 leaves room for the heading; later pages start as high as a page with none.
        assert first_text_top(app, headed, 0) > first_text_top(app, plain, 0), style
        assert first_text_top(app, headed, 1) == first_text_top(app, plain, 1), style

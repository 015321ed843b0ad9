"""The play screen draws narration told around a frame outside it: the letter's paper, the
phone's bubble and the ticket machine's screen hold only what is printed or shown on them,
and the terminal and the voice keep the same order."""

from __future__ import annotations

import pygame

import ui_driver as d
from game.engine import ChoiceView, Page
from game.speech import page_words
from game.terminal import page_lines
from game.ui.passage_page import NARRATION_ROLE
from game.ui.scenes.play import PlayScene
from passage_pages import StillSession

TEXT = ("Another yellow envelope, thinner than the last.\n\n"
        "NOTICE BEFORE COMPULSORY MEASURES. Perform them in full within fifteen days.\n\n"
        "Your name remains in the list of dishonest persons subject to enforcement.\n\n"
        "Beneath the red seal someone has written your name in pencil.")


def framed_page(style: str, text: str = TEXT, before: int = 1, after: int = 1) -> Page:
    return Page(passage_id="p", style=style, speaker="Sun Jian", title="Rongcheng People's Court", text=text,
                choices=(ChoiceView(1, "Put it in the drawer."),), day=129, city="rongcheng",
                city_name="Rongcheng", is_ending=False, ending_title=None,
                narrated_before=before, narrated_after=after)


def drawn_on(make_app, page: Page):
    """The play screen showing ``page``, and every string it drew with where."""
    app = make_app(size=(1280, 800))
    scene = PlayScene(app, StillSession(page))
    app.start(scene)
    d.finish_text(app)
    strings: list[tuple[str, pygame.Rect]] = []
    frames: list[pygame.Rect] = []
    original_text, original_frame = app.text.draw, scene.border.draw

    def record(surface, text, role, size, colour, pos, anchor="topleft"):
        rect = original_text(surface, text, role, size, colour, pos, anchor)
        strings.append((text, rect))
        return rect

    def frame(surface, y, block, first, last, lines=()):
        frames.append(pygame.Rect(scene.border.rect_x, y, scene.border.outer_width,
                                  scene.border.height(block, first)))
        return original_frame(surface, y, block, first, last, lines)

    app.text.draw, scene.border.draw = record, frame
    try:
        scene.draw(app.surface)
    finally:
        app.text.draw, scene.border.draw = original_text, original_frame
    lines = [(line, place) for line, place in zip(scene.reading.lines,
             scene.page_view.places(scene.reading.lines, scene.content.y, True))]
    return scene, frames, lines


def test_narration_around_a_letter_is_drawn_outside_its_paper_and_the_print_inside(make_app):
    for style in ("letter", "phone", "ticket_machine", "notice", "bill", "document"):
        scene, frames, lines = drawn_on(make_app, framed_page(style))
        (frame,) = frames
        f = scene.border
        for line, place in lines:
            box = pygame.Rect(place.x, place.y, 10, f.line_h)
            if line.text.startswith(("Another", "Beneath", "pencil")) or "seal" in line.text:
                assert not frame.colliderect(box), (style, line.text)
                assert place.role == NARRATION_ROLE and place.ink == scene.app.palette.text
            elif line.text.startswith(("NOTICE", "Your name")):
                assert frame.contains(box), (style, line.text)


def test_a_frame_with_nothing_told_around_it_is_drawn_as_before(make_app):
    scene, frames, lines = drawn_on(make_app, framed_page("letter", before=0, after=0))
    (frame,) = frames
    assert all(frame.contains(pygame.Rect(place.x, place.y, 10, scene.border.line_h)) for _, place in lines)


def test_the_terminal_prints_the_narration_around_the_heading_and_the_signature():
    lines = page_lines(framed_page("letter"), width=200)
    text = "\n".join(lines)
    assert text.index("Another yellow envelope") < text.index("[ ") < text.index("NOTICE BEFORE")
    assert text.index("— Sun Jian") < text.index("Beneath the red seal")


def test_the_voice_reads_the_narration_before_the_heading_and_after_the_signature():
    words = page_words(framed_page("letter"))
    assert words[0].startswith("Another yellow envelope")
    assert words.index("Sun Jian") < words.index("Beneath the red seal someone has written your name in pencil.")

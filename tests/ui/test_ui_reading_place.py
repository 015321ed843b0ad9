"""Changing the text size (or the window) in the middle of a long passage keeps the reader on
the page holding the paragraph they were reading, not on the page with the same number."""

from __future__ import annotations

import pygame

import ui_driver as d
from game.engine import ChoiceView, Page
from passage_pages import StillSession

from game.ui.scenes.play import PlayScene


def long_page() -> Page:
    text = "\n\n".join(f"Paragraph {i}. " + " ".join(f"word{i}-{j}" for j in range(45)) for i in range(14))
    return Page(passage_id="long", style="narration", speaker=None, title=None, text=text,
                choices=(ChoiceView(1, "Go on."),), day=3, city="rongcheng", city_name="Rongcheng",
                is_ending=False, ending_title=None)


def following(scene) -> str:
    """The passage's words from the reading point on (spaces dropped: they move when wrapped)."""
    lines = [l for p in scene.pages[scene.page_index:] for l in p]
    point = 0 if scene.text_complete else int(scene.revealed)
    return "".join(l.text for l in lines)[point:].replace(" ", "")


def paragraphs_on(scene) -> set[int]:
    return {l.paragraph for l in scene.pages[scene.page_index]}


def test_bigger_text_mid_page_keeps_the_paragraph_being_read(make_app):
    app = make_app(size=(1280, 720), text_speed=60)
    scene = PlayScene(app, StillSession(long_page()))
    app.start(scene)
    app.step(0)
    for _ in range(2):
        d.key(app, pygame.K_SPACE)                 # show the page
        d.key(app, pygame.K_SPACE)                 # turn it
    assert scene.page_index == 2
    for _ in range(200):                           # read into the page, not to its end
        app.step(1 / 60)
    assert 0 < scene.revealed < scene.page_chars()
    reading = scene.pages[2]
    point = int(scene.revealed)
    rest = following(scene)
    paragraph = next(l.paragraph for l in reading if (point := point - len(l.text)) < 0)
    # Text size 200%, through the Settings screen.
    d.click(app, next(b for b in scene.bar.buttons if b.key == "settings").rect.center)
    for _ in range(4):
        d.key(app, pygame.K_RIGHT)
    assert app.settings.text_scale == 2.0
    d.key(app, pygame.K_ESCAPE)
    assert app.top is scene
    assert len(scene.pages) > 3 and scene.page_index != 2
    assert paragraph in paragraphs_on(scene)
    # The reveal carries on from the same word (the frame after Esc shows one more letter).
    assert not scene.text_complete
    assert rest.endswith(following(scene)) and len(rest) - len(following(scene)) <= 2
    # Back to 100%: the same paragraph again, not page 2 of the big text's numbering.
    app.settings.text_scale = 1.0
    app.apply_settings()
    app.step(1 / 60)
    assert paragraph in paragraphs_on(scene)


def test_a_page_read_to_the_end_keeps_its_top_paragraph_when_the_window_shrinks(make_app):
    app = make_app(size=(1920, 1080), text_speed=0)
    scene = PlayScene(app, StillSession(long_page()))
    app.start(scene)
    app.step(0)
    d.key(app, pygame.K_SPACE)                     # instant text: Space turns the page
    assert scene.page_index == 1 and scene.text_complete
    top = scene.pages[1][0]
    before = following(scene)
    pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=600, size=(1024, 600)))
    d.pump(app)
    assert app.size == (1024, 600)
    assert top.paragraph in paragraphs_on(scene) and scene.text_complete
    assert before in "".join(l.text for p in scene.pages[scene.page_index:] for l in p).replace(" ", "")

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
    lines = [l for p in scene.reading.pages[scene.reading.page_index:] for l in p]
    point = 0 if scene.text_complete else int(scene.reading.revealed)
    return "".join(l.text for l in lines)[point:].replace(" ", "")


def paragraphs_on(scene) -> set[int]:
    return {l.paragraph for l in scene.reading.pages[scene.reading.page_index]}


def test_bigger_text_mid_page_keeps_the_paragraph_being_read(make_app):
    app = make_app(size=(1280, 720), text_speed=60)
    scene = PlayScene(app, StillSession(long_page()))
    app.start(scene)
    app.step(0)
    for _ in range(2):
        d.key(app, pygame.K_SPACE)                 # show the page
        d.key(app, pygame.K_SPACE)                 # turn it
    assert scene.reading.page_index == 2
    for _ in range(200):                           # read into the page, not to its end
        app.step(1 / 60)
    assert 0 < scene.reading.revealed < scene.reading.page_chars()
    reading = scene.reading.pages[2]
    point = int(scene.reading.revealed)
    rest = following(scene)
    paragraph = next(l.paragraph for l in reading if (point := point - len(l.text)) < 0)
    # Text size 200%, through the Settings screen.
    d.click(app, next(b for b in scene.bar.buttons if b.key == "settings").rect.center)
    for _ in range(4):
        d.key(app, pygame.K_RIGHT)
    assert app.settings.text_scale == 2.0
    d.key(app, pygame.K_ESCAPE)
    assert app.top is scene
    assert len(scene.reading.pages) > 3 and scene.reading.page_index != 2
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
    assert scene.reading.page_index == 1 and scene.text_complete
    top = scene.reading.pages[1][0]
    before = following(scene)
    pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=600, size=(1024, 600)))
    d.pump(app)
    assert app.size == (1024, 600)
    assert top.paragraph in paragraphs_on(scene) and scene.text_complete
    assert before in "".join(l.text for p in scene.reading.pages[scene.reading.page_index:] for l in p).replace(" ", "")


def read_page(app, scene) -> None:
    """Show the whole page (the first key completes the text) without turning it."""
    if not scene.text_complete:
        d.key(app, pygame.K_SPACE)
    assert scene.text_complete


def test_pages_read_before_come_back_whole_going_back_and_forward_again(make_app):
    app = make_app(size=(1280, 720), text_speed=60)
    scene = PlayScene(app, StillSession(long_page()))
    app.start(scene)
    app.step(0)
    read_page(app, scene)
    d.key(app, pygame.K_SPACE)                     # page 2, new: it is typed out
    assert scene.reading.page_index == 1 and scene.reading.revealed <= 1
    read_page(app, scene)
    d.key(app, pygame.K_LEFT)
    assert scene.reading.page_index == 0 and scene.text_complete
    d.key(app, pygame.K_RIGHT)                     # forward again: read already, shown whole
    assert scene.reading.page_index == 1 and scene.text_complete
    d.key(app, pygame.K_RIGHT)                     # page 3 has not been read
    assert scene.reading.page_index == 2 and not scene.text_complete


def test_after_going_back_a_new_text_size_types_out_nothing_already_read(make_app):
    app = make_app(size=(1280, 720), text_speed=60)
    scene = PlayScene(app, StillSession(long_page()))
    app.start(scene)
    app.step(0)
    for _ in range(3):
        read_page(app, scene)
        d.key(app, pygame.K_SPACE)
    read_page(app, scene)                          # four pages read; the fourth stays open
    assert scene.reading.page_index == 3
    unread = "".join(l.text for p in scene.reading.pages[4:] for l in p).replace(" ", "")
    for _ in range(3):
        d.key(app, pygame.K_LEFT)
    assert scene.reading.page_index == 0
    app.settings.text_scale = 2.0
    app.apply_settings()
    app.step(0)
    # Forward again: every page up to the end of what was read comes whole (or, for the page
    # where reading stopped, up to that point), and the reveal starts at the first new word.
    for _ in range(len(scene.reading.pages)):
        if not scene.text_complete:
            break
        d.key(app, pygame.K_RIGHT)
    rest = following(scene)                        # (the key's frame shows a letter more)
    assert unread.endswith(rest) and len(unread) - len(rest) <= 2

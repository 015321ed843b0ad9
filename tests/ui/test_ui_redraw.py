"""While text is revealed, only the strips of newly shown characters are drawn and sent to the
window; what the player sees is exactly what a whole redraw would show."""

from __future__ import annotations

import os

import pygame

import ui_driver as d
from game.ui.scenes.title import TitleScene


def playing(make_app, **kw):
    app = make_app(text_speed=40, **kw)
    app.start(TitleScene(app))
    app.step(0)
    d.key(app, pygame.K_RETURN)
    assert app.top.name == "play" and not app.top.text_complete
    return app


class Window:
    """Records what the loop sends to the window: whole frames and partial updates."""

    def __init__(self, monkeypatch) -> None:
        self.flips = 0
        self.rects: list[pygame.Rect] = []
        real_flip, real_update = pygame.display.flip, pygame.display.update

        def flip() -> None:
            self.flips += 1
            real_flip()

        def update(rects=None) -> None:
            if rects is None:
                self.flips += 1
            else:
                self.rects.extend(pygame.Rect(r) for r in rects)
            real_update(rects)

        monkeypatch.setattr(pygame.display, "flip", flip)
        monkeypatch.setattr(pygame.display, "update", update)


def test_animating_text_updates_only_the_revealed_strips(make_app, monkeypatch):
    app = playing(make_app, size=(1920, 1080))
    scene = app.top
    window = Window(monkeypatch)
    for _ in range(40):                            # two thirds of a second at 60 fps
        assert app.step(1 / 60) is True
    assert window.flips == 0, "a whole frame was drawn while only text was revealed"
    assert app.partial_frames > 0 and window.rects
    column = scene.column.inflate(2 * app.metrics.gap, 0)
    assert all(column.contains(r) for r in window.rects)
    area = sum(r.width * r.height for r in window.rects)
    assert area < 0.02 * 1920 * 1080 * 40          # a sliver of what 40 whole frames would send


def test_partial_frames_show_exactly_what_a_whole_frame_shows(make_app):
    for kw in ({}, {"size": (1024, 600), "text_scale": 2.0}):
        style_app = playing(make_app, **kw)       # one window at a time: built in turn
        scene = style_app.top
        for _ in range(50):
            style_app.step(1 / 60)
        assert not scene.text_complete and style_app.partial_frames > 0
        seen = pygame.image.tobytes(style_app.surface, "RGB")
        scene.dirty = True
        style_app.step(0)                          # redraw everything at the same point
        assert pygame.image.tobytes(style_app.surface, "RGB") == seen


def test_finishing_the_text_draws_the_choices_in_a_whole_frame(make_app, monkeypatch):
    app = playing(make_app)
    scene = app.top
    window = Window(monkeypatch)
    guard = 0
    while not scene.text_complete and guard < 2000:
        app.step(1 / 60)
        guard += 1
    if not scene.choices_visible:
        d.finish_text(app)
    assert scene.choices_visible and window.flips >= 1
    assert app.step(1 / 60) is False               # nothing moves: nothing drawn
    flips, rects = window.flips, len(window.rects)
    app.step(1 / 60)
    assert (window.flips, len(window.rects)) == (flips, rects)


def test_text_under_an_overlay_or_a_toast_is_drawn_with_what_covers_it(make_app, monkeypatch):
    app = playing(make_app)
    d.key(app, pygame.K_ESCAPE)                    # the menu over the play screen
    assert [s.name for s in app.visible_scenes()] == ["play", "menu"]
    window = Window(monkeypatch)
    partial = app.partial_frames
    for _ in range(20):
        app.step(1 / 60)
    assert app.partial_frames == partial and window.flips > 0
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "play"
    app.toast("Quick saved.")
    partial = app.partial_frames
    for _ in range(20):
        app.step(1 / 60)
    assert app.partial_frames == partial            # the toast is drawn over each whole frame


def test_every_style_reveals_the_same_pixels_in_strips(make_app, fixture_story):
    """Letters, bills, phones, notices, screens and documents: frames drawn strip by strip
    end where a whole redraw would, mid-line and at the end of the page."""
    from passage_pages import StillSession, worst_case_pages

    from game.ui.scenes.play import PlayScene

    app = make_app(text_speed=90)
    styles = set()
    for page in worst_case_pages(fixture_story):
        scene = PlayScene(app, StillSession(page))
        app.start(scene)
        app.step(0)
        if scene.reading.page_chars() < 20:
            continue
        styles.add(page.style)
        partial = app.partial_frames
        steps = 0
        while scene.reading.revealed < scene.reading.page_chars() - 3 and steps < 30:
            app.step(1 / 60)
            steps += 1
        assert app.partial_frames > partial, page.passage_id
        seen = pygame.image.tobytes(app.surface, "RGB")
        scene.dirty = True
        app.step(0)
        assert pygame.image.tobytes(app.surface, "RGB") == seen, page.passage_id
    assert {"letter", "bill", "phone", "notice", "ticket_machine", "document"} <= styles


def test_x11_windows_use_x_images_unless_the_player_chose(monkeypatch):
    from game.ui.window import prefer_native_framebuffer

    monkeypatch.delenv("SDL_FRAMEBUFFER_ACCELERATION", raising=False)
    prefer_native_framebuffer()                 # the dummy driver: left alone
    assert "SDL_FRAMEBUFFER_ACCELERATION" not in os.environ
    pygame.display.init()
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "x11")
    prefer_native_framebuffer()
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "0"
    monkeypatch.setenv("SDL_FRAMEBUFFER_ACCELERATION", "1")
    prefer_native_framebuffer()
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "1"

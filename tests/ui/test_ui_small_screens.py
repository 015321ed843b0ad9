"""The smaller screens: settings, credits and history, at the smallest window with the largest
text as well as at ordinary sizes."""

from __future__ import annotations

import pygame
import pytest

import ui_driver as d
from game.settings import TEXT_SPEEDS

SIZES = [((1024, 600), 2.0), ((1024, 600), 1.75), ((1024, 600), 1.0), ((1280, 720), 2.0),
         ((1920, 1080), 1.5), ((3840, 2160), 2.0)]


def pixels_of(surface: pygame.Surface, rect: pygame.Rect, colour) -> int:
    area = surface.subsurface(rect)
    return sum(1 for x in range(rect.width) for y in range(rect.height)
               if area.get_at((x, y))[:3] == tuple(colour))


# -- settings ------------------------------------------------------------------------------

@pytest.mark.parametrize("size, scale", SIZES)
def test_the_settings_preview_always_shows_whole(make_app, size, scale):
    from game.ui.scenes.settings import PREVIEW, SettingsScene

    app = make_app(size=size, text_scale=scale)
    scene = d.opened(app, SettingsScene(app))
    m = app.metrics
    assert " ".join(scene.preview_lines) == PREVIEW
    bottom = scene.preview_y + len(scene.preview_lines) * m.body_line
    back = scene.bottom.buttons[0].rect
    assert bottom <= back.top, (size, scale)
    window = app.surface.get_rect()
    for key, rect, minus, plus in scene.rows:
        assert window.contains(rect) and rect.contains(minus) and rect.contains(plus), key
        assert rect.bottom <= scene.preview_y, key
        label_right = rect.x + 2 * m.gap + app.text.width(dict(scene_rows()).get(key), "sans", m.ui)
        assert label_right <= minus.left, key           # the label is never under the buttons
    preview = pygame.Rect(scene.preview_x, scene.preview_y,
                          max(app.text.width(line, "serif", m.body) for line in scene.preview_lines),
                          bottom - scene.preview_y)
    assert window.contains(preview)


def scene_rows():
    from game.ui.scenes.settings import ROWS

    return ROWS


def test_changing_text_size_on_the_smallest_window_keeps_the_preview(make_app):
    from game.ui.scenes.settings import SettingsScene

    app = make_app(size=(1024, 600), text_scale=1.0)
    scene = d.opened(app, SettingsScene(app))
    for _ in range(4):
        d.key(app, pygame.K_RIGHT)                  # 125% … 200%, reflowing as it grows
        assert scene.preview_lines
        assert scene.preview_y + len(scene.preview_lines) * app.metrics.body_line \
            <= scene.bottom.buttons[0].rect.top
    assert app.settings.text_scale == 2.0


def test_plus_at_the_top_and_minus_at_the_bottom_are_shown_disabled(make_app):
    from game.ui.scenes.settings import SettingsScene

    app = make_app(size=(1024, 600), text_scale=2.0, master_volume=0.0, text_speed=TEXT_SPEEDS[-1])
    scene = d.opened(app, SettingsScene(app))
    grey, lit = app.palette.button_disabled_text, app.palette.button_text
    for key, end, other in (("text_scale", 3, 2), ("master_volume", 2, 3), ("text_speed", 3, 2)):
        rect = d.row(scene, key)
        assert not scene.can_step(key, +1 if end == 3 else -1), key
        assert pixels_of(app.surface, rect[end], grey) > 0, key
        assert pixels_of(app.surface, rect[end], lit) == 0, key
        assert pixels_of(app.surface, rect[other], lit) > 0, key
    before = (app.settings.text_scale, app.settings.master_volume, app.settings.text_speed)
    d.click(app, d.row(scene, "text_scale")[3].center)
    d.click(app, d.row(scene, "master_volume")[2].center)
    d.click(app, d.row(scene, "text_speed")[3].center)
    assert (app.settings.text_scale, app.settings.master_volume, app.settings.text_speed) == before
    d.click(app, d.row(scene, "text_scale")[2].center)    # the other way still works
    assert app.settings.text_scale == 1.75
    assert pixels_of(app.surface, d.row(scene, "text_scale")[3], lit) > 0


# -- history -------------------------------------------------------------------------------

def history_of_a_whole_game(make_app, size=(1024, 600), scale=2.0):
    from game.ui.scenes.history import HistoryScene

    app = make_app(size=size, text_scale=scale)
    session = app.new_session()
    while not session.is_over:
        session.choose(1)
    scene = d.opened(app, HistoryScene(app, session))
    assert scene.max_scroll > 3 * app.metrics.body_line, "the test needs a history to scroll"
    return app, scene


def shown_whole(scene) -> list:
    top = scene.view.y - scene.scroll
    return [r for r in scene.rows
            if top + r.y >= scene.view.y and top + r.y + r.height <= scene.view.bottom]


def cut_rows(scene) -> list:
    """Rows that reach into the view but do not fit in it."""
    top = scene.view.y - scene.scroll
    return [r for r in scene.rows if r not in shown_whole(scene)
            and top + r.y < scene.view.bottom and top + r.y + r.height > scene.view.y]


def assert_no_line_is_cut(app, scene) -> None:
    """Where a line does not fit in the view, nothing of it is drawn: the view there shows
    only the background."""
    background = app.backdrop(False, True)
    top = scene.view.y - scene.scroll
    for row in cut_rows(scene):
        band = pygame.Rect(scene.view.x, top + row.y, scene.view.width, row.height).clip(scene.view)
        drawn = app.surface.subsurface(band)
        assert pygame.image.tobytes(drawn, "RGB") == \
            pygame.image.tobytes(background.subsurface(band), "RGB"), row.text
    if scene.rows and shown_whole(scene):
        assert top + shown_whole(scene)[0].y == scene.view.y or scene.scroll == 0


@pytest.mark.parametrize("size, scale", [((1024, 600), 2.0), ((1280, 720), 1.0), ((1920, 1080), 1.25)])
def test_history_shows_only_whole_lines_wherever_it_is_scrolled(make_app, size, scale):
    app, scene = history_of_a_whole_game(make_app, size, scale)
    assert_no_line_is_cut(app, scene)                      # it opens at the end
    d.key(app, pygame.K_HOME)
    for _ in range(6):
        assert_no_line_is_cut(app, scene)
        d.wheel(app, -1)                                   # a notch down
    for _ in range(3):
        d.key(app, pygame.K_PAGEDOWN)
        assert_no_line_is_cut(app, scene)
    d.drag(app, (scene.view.centerx, scene.view.centery + 40), (scene.view.centerx, scene.view.centery))
    assert_no_line_is_cut(app, scene)


def test_a_wheel_notch_scrolls_three_lines(make_app):
    app, scene = history_of_a_whole_game(make_app)
    d.key(app, pygame.K_HOME)
    before = scene.scroll
    d.wheel(app, -1)
    passed = [s for s in scene.stops if before < s <= scene.scroll]
    assert len(passed) == 3
    d.wheel(app, 1)
    assert scene.scroll == before


def test_page_down_and_up_turn_a_page_without_skipping_a_line(make_app):
    app, scene = history_of_a_whole_game(make_app)
    d.key(app, pygame.K_HOME)
    first_page = shown_whole(scene)
    d.key(app, pygame.K_PAGEDOWN)
    second_page = shown_whole(scene)
    following = scene.rows[scene.rows.index(first_page[-1]) + 1]
    assert second_page[0] is following                     # read on from the next line
    assert scene.scroll - 0 > scene.view.height // 2        # a page, not a few lines
    d.key(app, pygame.K_PAGEUP)
    assert scene.scroll == 0 and shown_whole(scene) == first_page
    d.key(app, pygame.K_END)
    assert scene.scroll == scene.max_scroll
    assert shown_whole(scene)[-1] is scene.rows[-1]       # the last line is shown whole


# -- credits -------------------------------------------------------------------------------

def credits_at(make_app, size=(1024, 600), scale=2.0):
    from game.ui.scenes.credits import CreditsScene

    app = make_app(size=size, text_scale=scale)
    return app, d.opened(app, CreditsScene(app))


def credits_button(scene, key):
    return next(b for b in scene.focus.buttons if b.key == key)


def test_credits_on_several_pages_turn_by_buttons_mouse_and_touch(make_app):
    app, scene = credits_at(make_app)
    assert len(scene.pages) > 1, "200% on the smallest window needs more than one page"
    assert not credits_button(scene, "prev").enabled and credits_button(scene, "next").enabled
    assert scene.focus.focused_key() == "next"
    d.click(app, credits_button(scene, "next").rect.center)
    assert scene.page == 1 and credits_button(scene, "prev").enabled
    d.tap(app, credits_button(scene, "prev").rect.center)
    assert scene.page == 0
    while credits_button(scene, "next").enabled:
        d.key(app, pygame.K_RETURN)                      # Enter on Next, page after page
    assert scene.page == len(scene.pages) - 1
    assert scene.focus.focused_key() == "back"           # at the end, Enter leaves
    d.key(app, pygame.K_LEFT)
    assert scene.page == len(scene.pages) - 2
    d.key(app, pygame.K_RIGHT)
    d.key(app, pygame.K_RETURN)
    assert app.top.name == "title"


def test_the_credits_say_which_page_is_shown(make_app):
    app, scene = credits_at(make_app)
    region = pygame.Rect(0, scene.indicator_y - app.metrics.small_line, app.size[0],
                         app.metrics.small_line)
    before = pygame.image.tobytes(app.surface.subsurface(region), "RGB")
    d.key(app, pygame.K_PAGEDOWN)
    assert pygame.image.tobytes(app.surface.subsurface(region), "RGB") != before
    from game.ui.layout import block_height

    for page in scene.pages:
        height = block_height(page, app.metrics.body_line, round(app.metrics.body_line * 0.6))
        assert scene.top + height <= region.top, "text runs into the page number"


def test_credits_on_one_page_offer_only_back(make_app):
    app, scene = credits_at(make_app, size=(1280, 1600), scale=1.0)   # a portrait screen
    assert len(scene.pages) == 1
    assert [b.key for b in scene.focus.buttons] == ["back"]


@pytest.mark.parametrize("size, scale", [((1024, 600), 2.0), ((1920, 1080), 1.0)])
def test_the_credits_are_written_for_players(make_app, size, scale):
    from game.ui.scenes.credits import CREDITS

    app, scene = credits_at(make_app, size, scale)
    shown = " ".join(line.text for page in scene.pages for line in page)
    for path_like in ("assets/", ".py", ".txt", ".ttf", "/"):
        assert path_like not in CREDITS and path_like not in shown
    for named in ("Noto Serif", "SIL Open Font License", "China Law Translate", "Meden",
                  "Kostka", "MERICS", "pygame-ce"):
        assert named in CREDITS

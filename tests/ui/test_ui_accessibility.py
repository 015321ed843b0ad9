"""Accessibility: readable type (face, line spacing), motion, remappable keys and time.

Each test drives the window through real SDL events, as a player would."""

from __future__ import annotations

import json

import pygame
import pytest

import ui_driver as d
from game.settings import FONTS, KEY_ACTIONS, load_settings
from game.ui import input as cmd
from game.ui.input import DEFAULT_KEYS, KeyMap
from game.ui.scenes.title import TitleScene
from game.ui.theme import FONT_FAMILIES, font_path


def settings_screen(app):
    from game.ui.scenes.settings import SettingsScene

    return d.opened(app, SettingsScene(app))


def keys_screen(app):
    from game.ui.scenes.keys import KeysScene

    return d.opened(app, KeysScene(app))


def action_button(scene, action):
    return next(b for b in scene.focus.buttons if b.key == action)


# -- readable type -------------------------------------------------------------------------

def test_every_reading_face_is_shipped_with_its_licence():
    for family in FONT_FAMILIES:
        for role in ("serif", "serif_italic", "sans", "sans_bold", "mono"):
            assert font_path(role, family).is_file(), (family, role)
    folder = font_path("sans").parent
    licences = " ".join(p.read_text() for p in folder.glob("*.txt"))
    assert "Atkinson Hyperlegible" in licences and "SIL OPEN FONT LICENSE" in licences
    assert "OpenDyslexic" in licences and "Creative Commons Attribution 3.0" in licences
    assert "Bitstream" in licences                 # OpenDyslexic's base keeps its notice


def test_the_font_row_changes_the_face_the_story_is_drawn_in_and_is_kept(make_app):
    app = make_app(size=(1280, 720))
    scene = settings_screen(app)
    before = pygame.image.tobytes(app.surface, "RGB")
    faces = []
    for _ in FONTS[1:]:
        d.click(app, d.row(scene, "font")[3].center)               # +
        faces.append(app.settings.font)
        assert app.text.font("serif", 20) is app.text.font("serif", 20)
        assert pygame.image.tobytes(app.surface, "RGB") != before
    assert faces == list(FONTS[1:])
    assert load_settings().font == FONTS[-1]
    assert app.text.family == FONTS[-1]
    assert not scene.can_step("font", +1)


def test_the_standard_face_and_every_other_draw_the_same_story_characters(make_app):
    """A reading face may lack no character of the shipped story that the standard face has."""
    from game.typography import typographic
    from helpers import ROOT

    app = make_app(size=(1024, 600))
    text = "".join(typographic(p.read_text(encoding="utf-8")) for p in (ROOT / "story").rglob("*.yaml"))
    lacking = {}
    for family in FONTS:
        app.text.use_family(family)
        lacking[family] = {role: app.text.missing(text, role, 20) for role in ("serif", "sans", "sans_bold")}
    for family in FONTS[1:]:
        for role, missing in lacking[family].items():
            assert missing <= lacking["standard"][role], (family, role, missing)


@pytest.mark.parametrize("spacing", [1.5, 1.75, 2.0])
def test_line_spacing_sets_how_far_apart_story_lines_are(make_app, spacing):
    from game.engine import ChoiceView, Page
    from game.ui.scenes.play import PlayScene
    from passage_pages import StillSession

    app = make_app(size=(1024, 600), text_scale=2.0, line_spacing=spacing)
    page = Page(passage_id="p", style="narration", speaker=None, title=None,
                text="The light at Chengshan Road turns amber. " * 12, choices=(ChoiceView(1, "Go on."),),
                day=1, city="rongcheng", city_name="Rongcheng", is_ending=False, ending_title=None)
    scene = PlayScene(app, StillSession(page))
    app.start(scene)
    app.step(0)
    assert app.metrics.body_line == round(app.metrics.body * spacing)
    assert scene.border.line_h == round(scene.border.size * spacing)


def test_the_line_spacing_row_steps_through_what_is_offered_and_is_kept(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    scene = settings_screen(app)
    while scene.rows[scene.row][0] != "line_spacing":
        d.key(app, pygame.K_DOWN)
    line = app.metrics.body_line
    d.key(app, pygame.K_RIGHT)
    assert app.settings.line_spacing == 1.75 and app.metrics.body_line > line
    assert load_settings().line_spacing == 1.75
    assert scene.preview_y + len(scene.preview_lines) * app.metrics.body_line <= scene.bottom.buttons[0].rect.top


# -- motion and time -----------------------------------------------------------------------

def play_at_speed(make_app, **settings):
    app = make_app(size=(1280, 720), **settings)
    app.start(TitleScene(app))
    app.step(0)
    d.key(app, pygame.K_RETURN)                    # New game
    return app


def test_reduce_motion_shows_every_page_whole_at_any_text_speed(make_app):
    app = play_at_speed(make_app, text_speed=20, reduce_motion=True)
    scene = app.top
    assert scene.name == "play"
    assert scene.text_complete
    assert app.step(1 / 60) is False               # nothing moves, so the loop idles


def test_without_reduce_motion_the_same_speed_types_the_text_out(make_app):
    app = play_at_speed(make_app, text_speed=20)
    assert not app.top.text_complete


def test_the_reduce_motion_row_turns_it_on_by_mouse_and_keeps_it(make_app):
    app = make_app()
    scene = settings_screen(app)
    d.click(app, d.row(scene, "reduce_motion")[1].center)
    assert app.settings.reduce_motion and load_settings().reduce_motion
    d.tap(app, d.row(scene, "reduce_motion")[1].center)
    assert not app.settings.reduce_motion


def test_no_choice_is_ever_timed_a_page_waits_for_the_player(make_app):
    app = play_at_speed(make_app, text_speed=0)
    scene = app.top
    d.finish_text(app)
    where, offered = scene.passage.passage_id, [b.lines for b in scene.choices.buttons]
    for _ in range(50):
        app.step(60.0)                             # fifty minutes without a key
    assert app.top is scene and scene.passage.passage_id == where
    assert [b.lines for b in scene.choices.buttons] == offered


# -- keys ----------------------------------------------------------------------------------

def test_the_default_table_gives_the_usual_keys():
    keys = KeyMap()
    assert keys.command_for(pygame.K_SPACE) == cmd.ADVANCE
    assert keys.command_for(pygame.K_h) == cmd.HISTORY
    assert keys.command_for(pygame.K_RETURN) == cmd.CONFIRM
    assert keys.chosen() == {}


def test_a_chosen_key_replaces_the_default_and_two_actions_never_share_one():
    pygame.init()
    keys = KeyMap().with_key("history", pygame.K_j)
    assert keys.command_for(pygame.K_j) == cmd.HISTORY
    assert keys.command_for(pygame.K_h) is None
    swapped = keys.with_key("advance", pygame.K_j)             # J was History's
    assert swapped.command_for(pygame.K_j) == cmd.ADVANCE
    assert swapped.command_for(pygame.K_SPACE) == cmd.HISTORY  # History took Space
    assert len(set(swapped.keys.values())) == len(KEY_ACTIONS)


def test_keys_that_keep_every_screen_usable_cannot_be_taken():
    pygame.init()
    keys = KeyMap()
    for fixed in (pygame.K_RETURN, pygame.K_BACKSPACE, pygame.K_1, pygame.K_PAGEDOWN, pygame.K_TAB):
        assert not keys.can_take(fixed)
        assert keys.with_key("advance", fixed).keys == keys.keys


def test_a_settings_file_naming_no_key_keeps_the_default():
    pygame.init()
    keys = KeyMap({"advance": "no such key", "history": "Return", "menu": "M"})
    assert keys.keys["advance"] == DEFAULT_KEYS["advance"]
    assert keys.keys["history"] == DEFAULT_KEYS["history"]   # Enter stays Enter
    assert keys.command_for(pygame.K_m) == cmd.BACK


def test_remapping_on_the_keys_screen_takes_effect_and_persists(make_app, private_home):
    app = make_app(size=(1280, 720))
    scene = keys_screen(app)
    d.click(app, action_button(scene, "history").rect.center)
    assert scene.listening == "history"
    assert "press a key" in action_button(scene, "history").lines[-1]
    d.key(app, pygame.K_j)
    assert scene.listening is None
    assert "History: J" in " ".join(action_button(scene, "history").lines)
    saved = json.loads((private_home / "settings.json").read_text())["settings"]
    assert saved["keys"] == {"history": "J"}
    assert load_settings().keys == {"history": "J"}
    d.key(app, pygame.K_ESCAPE)                    # back to the title
    app2 = make_app(size=(1280, 720), keys=load_settings().keys)   # the next time the game starts
    assert app2.keys.command_for(pygame.K_j) == cmd.HISTORY


def test_the_new_key_works_in_play_and_the_old_one_no_longer_does(make_app):
    app = play_at_speed(make_app, text_speed=0, keys={"history": "J"})
    d.key(app, pygame.K_h)
    assert app.top.name == "play"
    d.key(app, pygame.K_j)
    assert app.top.name == "history"


def test_the_keys_screen_by_keyboard_alone_refuses_enter_and_defaults_put_keys_back(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    scene = keys_screen(app)
    d.key(app, pygame.K_RETURN)                    # the first action: Next page
    assert scene.listening == "advance"
    d.key(app, pygame.K_RETURN)                    # Enter keeps its own work
    assert scene.listening is None and app.settings.keys == {}
    assert "keeps its own work" in scene.message
    d.key(app, pygame.K_RETURN)
    d.key(app, pygame.K_BACKSPACE)                 # changed my mind
    assert scene.listening is None and app.settings.keys == {}
    d.key(app, pygame.K_RETURN)
    d.key(app, pygame.K_n)
    assert app.settings.keys == {"advance": "N"}
    d.tap(app, action_button(scene, "defaults").rect.center)
    assert app.settings.keys == {} and app.keys.command_for(pygame.K_SPACE) == cmd.ADVANCE


def test_the_settings_keys_row_opens_the_keys_screen_by_touch_and_keys(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    scene = settings_screen(app)
    d.tap(app, d.row(scene, "keys")[1].center)
    assert app.top.name == "keys"
    d.key(app, pygame.K_ESCAPE)
    assert app.top is scene
    while scene.rows[scene.row][0] != "keys":
        d.key(app, pygame.K_DOWN)
    d.key(app, pygame.K_RETURN)
    assert app.top.name == "keys"

"""The title screen's mods: listed when any is installed, turned on and off there (and kept
in the settings), a broken one refused with its problems shown; saves say which mods they
were made with."""

from __future__ import annotations

import pygame
import pytest

import ui_driver as d
from game.mods import first_load
from game.settings import Settings, load_settings
from game.typography import typographic
from game.ui.app import App
from game.ui.scenes.title import TitleScene
from mod_folders import HARBOUR_MOD, copy_story, write_mod


@pytest.fixture
def open_game(tmp_path, private_home):
    """Open the window as ``run`` does, on a copy of the fixture story and its mods."""
    apps = []

    def open_(enabled=(), given=()):
        story_dir = tmp_path / "game" / "story"
        loadout, story, problems, dropped = first_load(story_dir, list(given), list(enabled), private_home)
        assert story is not None, problems
        settings = Settings(text_speed=0, enabled_mods=tuple(enabled))
        app = App(story, settings=settings, size=(1280, 720), seed=1, sound=False, loadout=loadout)
        apps.append(app)
        app.start(TitleScene(app))
        app.step(0)
        return app

    yield open_
    pygame.quit()


@pytest.fixture
def harbour(tmp_path):
    story = copy_story(tmp_path)
    return write_mod(story.parent / "mods" / "harbour")


def press(app, key):
    d.click(app, next(b for b in app.top.focus.buttons if b.key == key).rect.center)


def test_the_title_offers_mods_only_when_one_is_installed(tmp_path, open_game, make_app):
    copy_story(tmp_path)
    assert "mods" not in d.keys(open_game())
    write_mod(tmp_path / "game" / "mods" / "harbour")
    assert "mods" in d.keys(open_game())
    bare = make_app()
    bare.start(TitleScene(bare))
    assert "mods" not in d.keys(bare)


def test_turning_a_mod_on_plays_it_at_once_and_is_kept_in_the_settings(harbour, open_game):
    app = open_game()
    press(app, "mods")
    assert app.top.name == "mods"
    assert "off" in app.top.focus.buttons[0].lines[-1]
    press(app, "harbour")
    assert "harbour" in app.story.passages
    assert load_settings().enabled_mods == ("harbour",)
    assert "on" in app.top.focus.buttons[0].lines[-1]
    assert [s.name for s in app.stack] == ["title", "mods"]
    d.key(app, pygame.K_ESCAPE)
    press(app, "new")
    d.finish_text(app)
    assert any("harbour" in c.text for c in app.top.passage.choices)
    # And off again: the next game is the story alone.
    app.start(TitleScene(app))
    press(app, "mods")
    press(app, "harbour")
    assert "harbour" not in app.story.passages
    assert load_settings().enabled_mods == ()


def test_a_mod_with_errors_stays_off_and_its_problems_are_shown_located(tmp_path, harbour, open_game):
    write_mod(tmp_path / "game" / "mods" / "broken", HARBOUR_MOD.replace("harbour", "pier").replace(
        "goto: phone_msg", "goto: nowhere"))
    app = open_game()
    press(app, "mods")
    press(app, "broken")
    assert app.top.name == "problems"
    problem = next(p for p in app.top.problems if "mod.yaml:" in p and "nowhere" in p)
    # Shown whole: where its lines break depends on how long the test's own folder's path is.
    assert "".join(typographic(problem).split()) in "".join("".join(app.top.lines).split())
    assert "pier" not in app.story.passages
    assert load_settings().enabled_mods == ()
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "mods"


def test_a_mod_named_on_the_command_line_is_on_and_cannot_be_turned_off_here(harbour, open_game):
    app = open_game(given=[harbour])
    press(app, "mods")
    row = app.top.focus.buttons[0]
    assert not row.enabled
    assert any("--mod" in line for line in row.subtitle)


def test_a_save_made_with_a_mod_now_off_says_which_when_it_cannot_be_resumed(harbour, open_game):
    app = open_game(enabled=["harbour"])
    session = app.new_session()
    session.choose(next(c.number for c in session.page.choices if "harbour" in c.text))
    assert session.position == "harbour"
    assert app.save("1", session)
    assert app.store.read("1")["mods"] == [{"key": "harbour", "name": "The harbour walk"}]
    app = open_game()
    from game.saves import SlotError

    with pytest.raises(SlotError, match="‘The harbour walk’, which is not on now. Turn it on under Mods"):
        app.load("1")


def test_a_save_made_with_a_mod_now_off_loads_where_the_story_still_has_its_place_and_says_so(harbour, open_game):
    app = open_game(enabled=["harbour"])
    session = app.new_session()
    session.choose(1)
    assert app.save("1", session)
    app = open_game()
    resumed = app.load("1")
    assert resumed.position == session.position
    assert "saved with ‘The harbour walk’ on" in app.toast_text


def test_a_save_made_without_mods_loads_quietly_with_mods_on(harbour, open_game):
    app = open_game()
    session = app.new_session()
    assert app.save("1", session)
    app = open_game(enabled=["harbour"])
    app.load("1")
    assert app.toast_text is None


KIND_CAMERAS = """
mod:
  name: Kind cameras
  description: The cameras look the other way.
  changes: [rongcheng.ran_red_light, tired]
jurisdiction:
  id: rongcheng
  rules:
    ran_red_light: {points: 100, sources: [traffic_camera], override: true}
extend:
  morning:
    choices:
      - text: Sleep in.
        do: [set: {tired: false}]
        goto: phone_msg
"""


def said_under(app, key: str) -> str:
    row = next(b for b in app.top.focus.buttons if b.key == key)
    return " ".join(row.subtitle)


def test_the_mods_screen_names_what_a_mod_changes_of_the_story_before_and_after_it_is_on(tmp_path, open_game):
    copy_story(tmp_path)
    write_mod(tmp_path / "game" / "mods" / "kind", KIND_CAMERAS)
    app = open_game()
    press(app, "mods")
    told = "Changes the story itself: how Rongcheng counts ‘Drove through a red light’; the story’s ‘tired’."
    assert told in said_under(app, "kind")
    # Which rule, never what it is worth: the points are the debrief's to open.
    assert "100" not in said_under(app, "kind") and "5" not in said_under(app, "kind")
    press(app, "kind")
    assert app.story.jurisdictions["rongcheng"].rules["ran_red_light"].points == 100
    assert told in said_under(app, "kind")


def test_a_change_declared_in_a_second_mod_section_is_named_too(tmp_path, open_game):
    copy_story(tmp_path)
    folder = write_mod(tmp_path / "game" / "mods" / "kind", KIND_CAMERAS.replace(
        "  changes: [rongcheng.ran_red_light, tired]\n", ""))
    write_mod(folder, "mod:\n  name: Kind cameras, the rules\n  changes: [rongcheng.ran_red_light, tired]\n",
              name="z_rules.yaml")
    app = open_game()
    press(app, "mods")
    assert "how Rongcheng counts ‘Drove through a red light’; the story’s ‘tired’" in said_under(app, "kind")
    assert "Kind cameras —" in " ".join(next(b for b in app.top.focus.buttons if b.key == "kind").lines)


def test_the_mods_screen_with_a_declared_change_is_drawn_whole(tmp_path, open_game):
    copy_story(tmp_path)
    write_mod(tmp_path / "game" / "mods" / "kind", KIND_CAMERAS)
    write_mod(tmp_path / "game" / "mods" / "harbour")
    app = open_game()
    press(app, "mods")
    frame = pygame.Surface(app.size)
    app.top.draw(frame)
    row = next(b for b in app.top.focus.buttons if b.key == "kind")
    assert app.top.list_view.contains(row.rect)       # the row, its changes said, fits on screen
    inside = frame.subsurface(row.rect)
    assert len({inside.get_at((x, y))[:3] for x in range(0, row.rect.width, 7) for y in range(0, row.rect.height, 3)}) > 3


BROKEN_PIER = HARBOUR_MOD.replace("The harbour walk", "The pier").replace("harbour", "pier").replace(
    "goto: phone_msg", "goto: nowhere")


def test_a_save_made_with_a_mod_named_on_the_command_line_loads_quietly_with_the_same_mod_installed(
        tmp_path, harbour, open_game):
    # The modder's working copy, in a folder of another name: the same mod, by its name.
    working = write_mod(tmp_path / "work" / "harbour-draft")
    app = open_game(given=[working])
    session = app.new_session()
    session.choose(next(c.number for c in session.page.choices if "harbour" in c.text))
    assert app.save("1", session)
    assert app.store.read("1")["mods"] == [{"key": "harbour-draft", "name": "The harbour walk"}]
    app = open_game(enabled=["harbour"])
    resumed = app.load("1")
    assert resumed.position == "harbour"
    assert app.toast_text is None


def test_a_broken_mod_is_turned_off_alone_and_the_mods_screen_says_why(tmp_path, harbour, open_game):
    pier = write_mod(tmp_path / "game" / "mods" / "pier", BROKEN_PIER)
    app = open_game(enabled=["harbour", "pier"])
    assert "harbour" in app.story.passages and "pier" not in app.story.passages
    press(app, "mods")
    rows = {b.key: b for b in app.top.focus.buttons}
    assert "on" in rows["harbour"].lines[-1]
    assert "off: it has errors" in " ".join(rows["pier"].lines)
    said = " ".join(" ".join(rows["pier"].subtitle).split())
    assert said.startswith("Turned off: it has errors. mod.yaml:")
    assert said.endswith(typographic("goto names unknown passage 'nowhere'. Press to try it again."))
    press(app, "pier")                      # tried again: still broken, every problem shown
    assert app.top.name == "problems"
    assert any("nowhere" in p for p in app.top.problems)
    assert "pier" not in app.story.passages
    d.key(app, pygame.K_ESCAPE)
    write_mod(pier, BROKEN_PIER.replace("goto: nowhere", "goto: phone_msg"))   # its maker fixes it
    press(app, "pier")
    assert app.top.name == "mods"
    assert "pier" in app.story.passages and "harbour" in app.story.passages
    rows = {b.key: b for b in app.top.focus.buttons}
    assert "on" in rows["pier"].lines[-1] and not app.loadout.broken


def test_a_broken_mod_named_on_the_command_line_opens_the_game_without_it_and_is_listed_with_why(
        tmp_path, harbour, open_game):
    broken = write_mod(tmp_path / "work" / "pier", BROKEN_PIER)
    app = open_game(enabled=["harbour"], given=[broken])
    assert "harbour" in app.story.passages and "pier" not in app.story.passages
    press(app, "mods")
    row = next(b for b in app.top.focus.buttons if b.key.startswith("--mod "))
    assert row.enabled and "off: it has errors" in " ".join(row.lines)
    assert "Turned off: it has errors." in " ".join(" ".join(row.subtitle).split())


def test_a_broken_mod_comes_back_when_the_story_reloads_after_its_fix(tmp_path, harbour, open_game):
    from game.ui.reload import try_reload

    pier = write_mod(tmp_path / "work" / "pier", BROKEN_PIER)
    app = open_game(enabled=["harbour"], given=[pier])
    assert pier in app.loadout.watched()        # a fix saved there is seen
    assert try_reload(app) and "pier" not in app.story.passages and app.loadout.broken
    write_mod(pier, BROKEN_PIER.replace("goto: nowhere", "goto: phone_msg"))
    assert try_reload(app)
    assert {"pier", "harbour"} <= set(app.story.passages) and not app.loadout.broken


def test_a_mod_that_changes_the_story_unsaid_is_off_with_why_beside_one_that_says_what_it_changes(
        tmp_path, open_game):
    copy_story(tmp_path)
    write_mod(tmp_path / "game" / "mods" / "kind", KIND_CAMERAS)
    write_mod(tmp_path / "game" / "mods" / "sly", """
        mod: {name: Sly mornings}
        extend:
          morning:
            choices:
              - {text: Sleep late., do: [set: {tired: false}], goto: phone_msg}
        """)
    app = open_game(enabled=["kind", "sly"])
    assert app.story.jurisdictions["rongcheng"].rules["ran_red_light"].points == 100     # the kind mod's
    press(app, "mods")
    rows = {b.key: b for b in app.top.focus.buttons}
    assert "Kind cameras — on" in " ".join(rows["kind"].lines)
    assert "Changes the story itself: how Rongcheng counts ‘Drove through a red light’" in said_under(app, "kind")
    assert "Sly mornings — off: it has errors" in " ".join(rows["sly"].lines)
    sly = " ".join(said_under(app, "sly").split())
    assert sly.startswith("Turned off: it has errors. mod.yaml:")
    assert typographic("sets the story's 'tired' (") in sly
    assert typographic("a mod may change what the story keeps only when it says so") in sly


def test_a_rule_changed_unsaid_is_told_under_the_mod_in_characters_its_font_has(tmp_path, open_game):
    copy_story(tmp_path)
    write_mod(tmp_path / "game" / "mods" / "sly", KIND_CAMERAS.replace("  changes: [rongcheng.ran_red_light, tired]\n",
                                                                       "  changes: tired\n"))
    app = open_game(enabled=["sly"])
    press(app, "mods")
    said = said_under(app, "sly")
    assert app.text.missing(said, "sans", 20) == set()
    assert "from -5 to +100" in said

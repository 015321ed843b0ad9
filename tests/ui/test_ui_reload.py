"""Live reload (``--watch``): an edit saved shows in the window where the player is; a broken
edit shows its problems over the game and the story as it last loaded goes on; Ctrl+R reloads
by hand while F5 stays the quick save; reloading again and again holds nothing old."""

from __future__ import annotations

import gc
import os
import weakref

import pygame
import pytest
import yaml

import ui_driver as d
from game.mods import first_load
from game.settings import Settings
from game.ui.app import App
from game.ui.scenes.title import TitleScene
from game.ui.watch import POLL_EVERY, FolderWatch
from mod_folders import copy_story, write_mod

HOOK = "Walk down to the harbour instead."
HARBOUR_TEXT = "The boats are in. Gulls argue over the nets."


@pytest.fixture
def harbour(tmp_path):
    copy_story(tmp_path)                               # the story the mod is played on
    return write_mod(tmp_path / "work" / "harbour")


@pytest.fixture
def watched(harbour, private_home):
    """The window opened with ``--mod harbour --watch``."""
    story_dir = harbour.parents[1] / "game" / "story"
    loadout, story, problems, _ = first_load(story_dir, [harbour], [], private_home)
    app = App(story, settings=Settings(text_speed=0), size=(1280, 720), seed=1, sound=False,
              loadout=loadout, watch=True)
    app.start(TitleScene(app))
    app.step(0)
    yield app
    pygame.quit()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    # A second edit within the file system's clock tick must still be seen: the size or the
    # time differs, and we make sure the time does.
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def wait_for_look(app):
    """Let the loop's time pass until the watch looks at the folders once."""
    d.pump(app, frames=1, dt=POLL_EVERY)


def at_harbour(app):
    d.key(app, pygame.K_RETURN)  # Continue is not offered; New game has focus
    if app.top.name != "play":
        d.click(app, next(b for b in app.top.focus.buttons if b.key == "new").rect.center)
    d.finish_text(app)
    number = next(c.number for c in app.top.passage.choices if c.text == HOOK)
    d.key(app, getattr(pygame, f"K_{number}"))
    assert app.top.passage.passage_id == "harbour"
    return app.top


def test_an_edit_saved_shows_at_the_same_passage_with_the_same_game(watched, harbour):
    play = at_harbour(watched)
    before = play.session
    edit(harbour / "mod.yaml", "Gulls argue over the nets.", "A gull steals a fish.")
    wait_for_look(watched)
    now = watched.top
    assert now.name == "play" and now is not play
    assert now.session.position == "harbour"
    assert now.session.path == before.path and now.session.seed == before.seed
    assert "A gull steals a fish." in now.passage.text
    assert "A gull steals a fish." in now.session.history[-1].text


def test_text_already_read_is_not_typed_out_again_after_a_reload(watched, harbour):
    watched.settings.text_speed = 40
    at_harbour(watched)
    d.finish_text(watched)
    edit(harbour / "mod.yaml", "Gulls argue over the nets.", "Gulls argue.")
    wait_for_look(watched)
    assert watched.top.passage.text.endswith("Gulls argue.")
    assert watched.top.choices_visible


def test_nothing_happens_while_no_file_changes(watched):
    at_harbour(watched)
    scene = watched.top
    for _ in range(5):
        wait_for_look(watched)
    assert watched.top is scene
    assert watched.watch.looks == 5


def test_a_broken_edit_shows_its_problems_located_and_the_old_story_plays_on(watched, harbour):
    play = at_harbour(watched)
    story = watched.story
    edit(harbour / "mod.yaml", "goto: phone_msg", "goto: nowhere_yet")
    wait_for_look(watched)
    assert watched.story is story
    overlay = watched.top
    assert overlay.name == "problems"
    assert [s.name for s in watched.stack] == ["play", "problems"]
    located = [line for line in overlay.lines if "mod.yaml:" in line]
    assert located and all(line.split(":")[1].isdigit() and line.split(":")[2].isdigit() for line in located)
    assert watched.stack[0] is play
    # Broken again, differently: the same overlay says what is wrong now, nothing is stacked.
    edit(harbour / "mod.yaml", "goto: nowhere_yet", "goto: still_nowhere")
    wait_for_look(watched)
    assert [s.name for s in watched.stack] == ["play", "problems"]
    assert any("still_nowhere" in line for line in watched.top.lines)
    # Fixed: the overlay closes and the game goes on, on the new story.
    edit(harbour / "mod.yaml", "goto: still_nowhere", "goto: phone_msg")
    wait_for_look(watched)
    assert [s.name for s in watched.stack] == ["play"]
    assert watched.story is not story
    assert watched.top.session.position == "harbour"


def test_errors_come_before_the_warnings_that_come_with_them(watched, harbour):
    at_harbour(watched)
    # An unreachable passage warns on a line above the error.
    edit(harbour / "mod.yaml", "passages:\n", "passages:\n  aside:\n    text: Unused.\n    goto: phone_msg\n")
    edit(harbour / "mod.yaml", "nets.\n    goto: phone_msg", "nets.\n    goto: nowhere")
    wait_for_look(watched)
    severities = [line.split(": ")[1] for line in watched.top.problems]
    assert "warning" in severities and "error" in severities
    assert severities == sorted(severities, key=lambda s: s != "error")


def test_a_long_list_of_problems_scrolls(watched, harbour):
    at_harbour(watched)
    broken = "".join(f"\n  bad_{i}:\n    text: x\n    goto: missing_{i}\n" for i in range(80))
    edit(harbour / "mod.yaml", "passages:\n", "passages:\n" + broken)
    wait_for_look(watched)
    overlay = watched.top
    assert len(overlay.lines) > overlay.per_view
    first = overlay.lines[overlay.scroll]
    d.key(watched, pygame.K_PAGEDOWN)
    assert overlay.scroll == overlay.per_view
    d.wheel(watched, 50)   # up
    assert overlay.scroll == 0 and overlay.lines[0] == first
    d.key(watched, pygame.K_END)
    assert overlay.scroll == len(overlay.lines) - overlay.per_view


def test_a_passage_taken_out_replays_the_same_choices_and_says_where_they_lead(watched, harbour):
    at_harbour(watched)
    edit(harbour / "mod.yaml", "goto: harbour", "goto: phone_msg")
    edit(harbour / "mod.yaml", "  harbour:\n", "  harbour_gone:\n")
    wait_for_look(watched)
    assert watched.top.name == "play"
    assert watched.top.session.position == "phone_msg"
    assert "‘harbour’ is no longer in the story" in watched.toast_text


def test_ctrl_r_reloads_by_hand_and_f5_still_quick_saves(watched, harbour):
    play = at_harbour(watched)
    (harbour / "mod.yaml").write_text((harbour / "mod.yaml").read_text().replace("Gulls", "Crabs"))
    watched.watch.watch(watched.loadout.watched())  # the watch has not looked yet: only the key reloads
    d.key(watched, pygame.K_F5)
    assert watched.top is play and watched.toast_text == "Quick saved."
    d.key(watched, pygame.K_r, pygame.KMOD_LCTRL)
    assert watched.top is not play and "Crabs" in watched.top.passage.text


def test_without_watch_there_is_no_reload(make_app):
    app = make_app()
    app.start(TitleScene(app))
    title = app.top
    d.key(app, pygame.K_r, pygame.KMOD_LCTRL)
    d.pump(app, frames=3, dt=POLL_EVERY)
    assert app.top is title and app.watch is None


def yaml_nodes_alive() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, yaml.Node))


@pytest.mark.slow
def test_a_hundred_reloads_hold_no_old_story_session_or_screen(watched, harbour):
    at_harbour(watched)
    held: list[weakref.ref] = []
    for i in range(100):
        edit(harbour / "mod.yaml", "nets" if i == 0 else f"nets {i - 1}.", f"nets {i}.")
        if i % 10 == 5:
            edit(harbour / "mod.yaml", "goto: phone_msg", "goto: broken")
            wait_for_look(watched)
            edit(harbour / "mod.yaml", "goto: broken", "goto: phone_msg")
        wait_for_look(watched)
        held += [weakref.ref(watched.story), weakref.ref(watched.top), weakref.ref(watched.top.session)]
        if i == 9:
            gc.collect()
            yaml_nodes = yaml_nodes_alive()
    gc.collect()
    # The YAML reader keeps nothing of the files it has read.
    assert yaml_nodes_alive() == yaml_nodes
    alive = [ref() for ref in held if ref() is not None]
    assert len(alive) == 3 and set(map(id, alive)) == {id(watched.story), id(watched.top), id(watched.top.session)}
    assert [s.name for s in watched.stack] == ["play"]
    assert "nets 99." in watched.top.passage.text
    text = watched.text
    assert len(text._surfaces) <= text.max_surfaces and len(text._layouts) <= text.max_layouts


def test_the_watch_sees_files_added_changed_and_removed(tmp_path):
    folder = tmp_path / "mod"
    folder.mkdir()
    (folder / "a.yaml").write_text("x: 1\n")
    (folder / "notes.txt").write_text("not a story file\n")
    watch = FolderWatch([folder], every=1.0)
    assert not watch.tick(0.5)
    assert watch.looks == 0
    assert not watch.tick(0.5)            # a look, and nothing changed
    (folder / "notes.txt").write_text("still not a story file\n")
    assert not watch.look()
    (folder / "b.yaml").write_text("y: 2\n")
    assert watch.look()
    (folder / "a.yaml").write_text("x: 10\n")
    assert watch.look()
    (folder / "b.yaml").unlink()
    assert watch.look()
    assert not watch.look()


def test_the_command_line_asks_the_window_to_watch(monkeypatch, harbour):
    import game.ui.app
    from game.cli import main

    asked = []
    monkeypatch.setattr(game.ui.app, "run", lambda story, **kw: asked.append(kw) or 0)
    assert main(["--mod", str(harbour), "--watch"]) == 0
    assert main(["play", "--watch"]) == 0
    assert main([]) == 0
    assert [kw["watch"] for kw in asked] == [True, True, False]
    assert asked[0]["mods"] == [harbour]

"""The window opens whatever shape a mod turned on has: a mod nested a thousand folders deep
is left off at start, with its located problem on screen, never a crash at every start."""

from __future__ import annotations

from game.settings import Settings, save_settings
from game.ui import app as app_module
from game.ui.app import App, run
from mod_folders import HARBOUR_MOD, copy_story, write_mod


def test_a_mod_turned_on_nested_a_thousand_deep_is_left_off_and_the_window_opens_saying_why(
        tmp_path, private_home, monkeypatch, nested_folders):
    story = copy_story(tmp_path)
    deep = write_mod(private_home / "mods" / "deep", HARBOUR_MOD)
    (nested_folders(deep, 1000) / "more.yaml").write_text("passages: {}\n", encoding="utf-8")
    save_settings(Settings(enabled_mods=("deep",)))
    opened: list[App] = []

    def first_frame(self: App) -> int:   # the window as it opens, before any input
        opened.append(self)
        return 0

    monkeypatch.setattr(app_module.App, "run", first_frame)
    assert run(story) == 0
    window = opened[0]
    assert "harbour" not in window.story.passages
    assert window.top.name == "problems"
    # Joined as read: where the lines break depends on how long the test's home's path is.
    assert "folder nested deeper than" in " ".join(window.top.lines)


def test_watching_a_mod_nested_a_thousand_deep_sees_its_files_within_the_depth_limit(tmp_path, nested_folders):
    from game.ui.watch import stamps

    deep = write_mod(tmp_path / "deep", HARBOUR_MOD)
    (nested_folders(deep, 1000) / "more.yaml").write_text("passages: {}\n", encoding="utf-8")
    assert list(stamps([deep])) == [str(deep / "mod.yaml")]

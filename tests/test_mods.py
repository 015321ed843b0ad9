"""Installed mods: found beside the story and in the player's data folder, named from their
own 'mod:' section, turned on by key, and remembered in settings and saves."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.mods import (
    Loadout, ModRecord, find_installed, first_load, missing, named, other_versions, recorded, turned_off_words,
)
from game.settings import MAX_ENABLED_MODS, Settings, load_settings, save_settings

PASSAGES = """
passages:
  start:
    text: The light turns amber.
    choices:
      - text: Brake.
        goto: end
  end:
    text: Home.
    ending: {title: Home, debrief: You got home.}
"""

VILLAGE = """
mod:
  name: The village
  description: >
    A call from the hills,
    about cooking oil.
  author: Someone
extend:
  start:
    choices:
      - text: Ring the village.
        goto: village
passages:
  village:
    text: The line crackles.
    goto: end
"""


def mod(folder: Path, text: str = VILLAGE, file: str = "anything.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / file).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def story(story_dir):
    return story_dir(PASSAGES)


def test_mods_are_found_beside_the_story_and_in_the_players_folder_named_by_their_mod_section(story, tmp_path):
    mod(story.parent / "mods" / "village")
    mod(tmp_path / "data" / "mods" / "own", VILLAGE.replace("The village", "My own"))
    found = find_installed(story, tmp_path / "data")
    assert [(m.key, m.name, m.shipped) for m in found] == [("village", "The village", True), ("own", "My own", False)]
    assert found[0].description == "A call from the hills, about cooking oil."
    assert found[0].author == "Someone"
    assert all(m.usable for m in found)


def test_a_mod_changed_since_the_last_start_is_described_from_its_files_again(story, tmp_path):
    # What the mods' files said is kept between starts; tests/test_warm_start.py shows, in
    # fresh processes, that an unchanged one is listed without reading YAML.
    village = mod(story.parent / "mods" / "village")
    cache = tmp_path / "cache"
    assert [m.name for m in find_installed(story, tmp_path / "data", cache)] == ["The village"]
    assert (cache / "mods-described.json").exists()
    assert [m.name for m in find_installed(story, tmp_path / "data", cache)] == ["The village"]
    mod(village, VILLAGE.replace("The village", "The hill village"))
    assert [m.name for m in find_installed(story, tmp_path / "data", cache)] == ["The hill village"]


def test_what_a_mod_declares_it_changes_is_listed_from_every_mod_section_and_kept_between_starts(story, tmp_path):
    village = mod(story.parent / "mods" / "village", VILLAGE.replace("  author: Someone\n",
                                                                     "  author: Someone\n  changes: savings\n"))
    mod(village, "mod: {name: The village's rules, changes: [rongcheng.ran_red_light, savings]}\n", "z_rules.yaml")
    cache = tmp_path / "cache"
    for _ in range(2):      # read from the files, then from what the first listing kept
        (found,) = find_installed(story, tmp_path / "data", cache)
        assert (found.name, found.changes) == ("The village", ("savings", "rongcheng.ran_red_light"))


def test_a_folder_without_a_mod_section_is_listed_with_why_it_cannot_be_turned_on(story, tmp_path):
    mod(story.parent / "mods" / "notes", "passages: {}\n")
    (found,) = find_installed(story, tmp_path / "data")
    assert not found.usable
    assert "no file of it has a 'mod:' section" in found.problem


def test_the_mods_list_and_the_loader_agree_on_what_is_a_mod(story, tmp_path):
    from game.engine.discovery import is_mod_folder

    nested = mod(story.parent / "mods" / "nested" / "chapters", file="about.yaml").parent
    plain = mod(story.parent / "mods" / "plain", "passages: {}\n")
    listed = {m.key: m for m in find_installed(story, tmp_path / "data")}
    assert is_mod_folder(nested) and listed["nested"].usable and listed["nested"].name == "The village"
    assert not is_mod_folder(plain) and not listed["plain"].usable


def test_a_mod_whose_file_cannot_be_read_says_where_it_goes_wrong(story, tmp_path):
    mod(story.parent / "mods" / "typo", "# mod:\n  name: Typo\npassages: [\n")
    (found,) = find_installed(story, tmp_path / "data")
    assert not found.usable
    assert found.problem.startswith("anything.yaml:")


def test_a_second_mod_under_the_same_folder_name_is_refused_and_says_where_the_first_is(story, tmp_path):
    first = mod(story.parent / "mods" / "village")
    mod(tmp_path / "data" / "mods" / "village")
    shipped, own = find_installed(story, tmp_path / "data")
    assert shipped.usable
    assert not own.usable and str(first) in own.problem


def test_no_mods_folder_means_no_mods(story, tmp_path):
    assert find_installed(story, tmp_path / "nowhere") == []


def test_only_the_mods_turned_on_and_those_named_on_the_command_line_are_loaded(story, tmp_path):
    village = mod(story.parent / "mods" / "village")
    given = mod(tmp_path / "elsewhere" / "extra", VILLAGE.replace("village", "shore").replace("The shore", "Shore"))
    installed = find_installed(story, tmp_path / "data")
    off = Loadout(story, installed)
    assert off.folders() == []
    assert "village" not in off.load()[0].passages
    on = off.with_enabled(["village"])
    assert on.folders() == [village]
    assert "village" in on.load()[0].passages
    both = Loadout(story, installed, ("village",), (given, village))
    assert both.folders() == [village, given]
    assert [r.key for r in both.records()] == ["village", "extra"]
    assert both.is_given(installed[0]) and both.is_on(installed[0])


def test_a_broken_mod_turned_on_does_not_stop_the_game_from_opening(story, tmp_path):
    mod(story.parent / "mods" / "broken", VILLAGE.replace("goto: end", "goto: nowhere"))
    loadout, loaded, problems, dropped = first_load(story, [], ["broken"], tmp_path / "data")
    assert loaded is not None and loadout.folders() == []
    # The settings keep it on, so a fixed mod is back next time; this run has it off, and why.
    (broken,) = loadout.installed
    assert loadout.enabled == ("broken",) and loadout.is_broken(broken) and not loadout.is_on(broken)
    assert any("nowhere" in p.message and p.path.endswith("anything.yaml") for p in dropped)


def test_a_broken_story_opens_nothing(story_dir, tmp_path):
    broken = story_dir(PASSAGES.replace("goto: end", "goto: gone", 1))
    _, loaded, problems, _ = first_load(broken, [], [], tmp_path / "data")
    assert loaded is None and any("gone" in p.message for p in problems)


def test_settings_keep_the_mods_turned_on_and_drop_what_is_not_a_mod_key(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(enabled_mods=("village", "own")), path)
    assert load_settings(path).enabled_mods == ("village", "own")
    cleaned = Settings(enabled_mods=["village", 3, "village", "../escape", "", None, "ok.v2"]).clamped()
    assert cleaned.enabled_mods == ("village", "ok.v2")
    assert Settings(enabled_mods="village").clamped().enabled_mods == ()
    many = Settings(enabled_mods=[f"m{i}" for i in range(500)]).clamped()
    assert len(many.enabled_mods) == MAX_ENABLED_MODS


def test_a_hand_edited_mod_list_of_the_wrong_shape_costs_no_other_setting(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"format": "keeping-trust-settings", "version": 1, '
                    '"settings": {"text_scale": 1.5, "enabled_mods": {"village": true}}}', encoding="utf-8")
    settings = load_settings(path)
    assert settings.text_scale == 1.5 and settings.enabled_mods == ()


def test_what_a_save_recorded_is_read_leniently_and_compared_by_key():
    saved = recorded([{"key": "village", "name": "The village"}, {"key": "own"}, "junk", {"name": "no key"}])
    assert saved == [ModRecord("village", "The village"), ModRecord("own", "own")]
    assert recorded("not a list") == []
    assert missing(saved, [ModRecord("own", "renamed")]) == [ModRecord("village", "The village")]
    assert named(saved) == "‘The village’ and ‘own’"


def test_one_broken_mod_is_turned_off_alone_and_the_others_open_with_the_game(story, tmp_path):
    village = mod(story.parent / "mods" / "village")
    mod(story.parent / "mods" / "broken", VILLAGE.replace("The village", "Broken").replace("village:", "broken:")
        .replace("goto: village", "goto: broken").replace("goto: end", "goto: nowhere"))
    shore = mod(tmp_path / "elsewhere" / "shore", VILLAGE.replace("The village", "Shore").replace("village", "shore"))
    loadout, loaded, problems, dropped = first_load(story, [shore], ["village", "broken"], tmp_path / "data")
    assert loaded is not None and {"village", "shore"} <= set(loaded.passages)
    assert loadout.folders() == [village, shore]
    assert [name for name, _ in loadout.turned_off()] == ["Broken"]
    assert [p.message for p in dropped if p.is_error] == ["goto names unknown passage 'nowhere'"]
    assert turned_off_words(loadout) == "‘Broken’ has errors and is turned off; the game goes on without it."
    assert [r.name for r in loadout.records()] == ["The village", "Shore"]


def test_a_mod_is_known_by_its_name_so_its_working_copy_named_with_mod_takes_the_installed_ones_place(story, tmp_path):
    installed = mod(story.parent / "mods" / "village", VILLAGE.replace("author: Someone", "author: Someone\n  version: '2'"))
    working = mod(tmp_path / "work" / "village-draft", VILLAGE.replace("author: Someone", "author: Someone\n  version: '3'"))
    loadout, loaded, problems, dropped = first_load(story, [working], ["village"], tmp_path / "data")
    assert loaded is not None and dropped == []           # one mod: nothing is defined twice
    assert loadout.folders() == [working]
    (listed,) = loadout.shown()
    assert listed.folder == installed and loadout.is_given(listed) and loadout.is_on(listed)
    assert loadout.records() == [ModRecord("village-draft", "The village", "3")]


def test_a_mod_installed_twice_under_two_folder_names_is_listed_once(story, tmp_path):
    first = mod(story.parent / "mods" / "village")
    mod(tmp_path / "data" / "mods" / "village-copy")
    shipped, copy = find_installed(story, tmp_path / "data")
    assert shipped.usable and not copy.usable and str(first) in copy.problem


def test_a_save_knows_its_mods_by_name_and_says_when_another_version_is_on():
    saved = recorded([{"key": "village-draft", "name": "The village", "version": "3"}])
    on_now = [ModRecord("village", "the  Village", "2")]
    assert missing(saved, on_now) == []
    assert other_versions(saved, on_now) == [(saved[0], on_now[0])]
    assert missing(saved, [ModRecord("village-draft", "The shore")]) == saved
    assert saved[0].to_json() == {"key": "village-draft", "name": "The village", "version": "3"}

"""Finding a story's or a mod's files in a folder of any shape: a tree nested a thousand
deep or a folder of tens of thousands of names is refused with a located error, never a
RecursionError, and links to folders are never entered."""

from __future__ import annotations

import os
import textwrap

import pytest

from game.engine import check_story
from game.engine.folders import MAX_DEPTH, MAX_ENTRIES, walk
from game.engine.discovery import is_mod_folder, story_files

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

MOD = """
mod:
  name: Deep
passages:
  lane:
    text: A lane.
    goto: end
"""


def write(folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_a_mod_nested_a_thousand_folders_deep_is_a_located_error_not_a_recursion_error(story_dir, tmp_path,
                                                                                        nested_folders):
    story = story_dir(PASSAGES)
    deep = write(tmp_path / "deep", MOD)
    (nested_folders(deep, 1000) / "more.yaml").write_text("passages: {}\n", encoding="utf-8")
    loaded, problems = check_story(story, [deep])
    assert loaded is None
    errors = [p for p in problems if p.is_error]
    assert [p.message for p in errors] == [f"folder nested deeper than {MAX_DEPTH} levels; nothing in it is read: "
                                           "move its files up"]
    assert errors[0].path.endswith(os.sep.join(["d"] * (MAX_DEPTH + 1)))
    assert is_mod_folder(deep)


def test_a_story_file_at_the_deepest_level_allowed_is_read(story_dir, nested_folders):
    story = story_dir(PASSAGES)
    (nested_folders(story, MAX_DEPTH) / "far.yaml").write_text(textwrap.dedent("""
        passages:
          far:
            text: Far below.
            goto: end
        """), encoding="utf-8")
    loaded, problems = check_story(story)
    assert loaded is not None and "far" in loaded.passages
    assert not [p for p in problems if p.is_error]


@pytest.mark.slow
def test_a_folder_of_more_names_than_the_limit_is_refused_after_looking_at_no_more_than_the_limit(tmp_path):
    wide = tmp_path / "wide"
    wide.mkdir()
    for n in range(MAX_ENTRIES + 50):
        (wide / f"{n:05}.txt").touch()
    found = walk(wide)
    assert found.too_many is not None and len(found.paths) == MAX_ENTRIES
    files, problems = story_files(wide)
    assert files == []
    assert [p.message for p in problems] == [f"folder holds more than {MAX_ENTRIES:,} files and folders; the rest "
                                             "are not read: keep only the story's files in it"]


def test_links_to_folders_are_never_entered_so_a_link_loop_ends(tmp_path):
    mod = write(tmp_path / "looped", MOD)
    outside = write(tmp_path / "outside", PASSAGES)
    try:
        (mod / "again").symlink_to(mod, target_is_directory=True)
        (mod / "away").symlink_to(outside, target_is_directory=True)
    except OSError:
        pytest.skip("this file system cannot make links")
    files, problems = story_files(mod)
    assert files == [mod / "mod.yaml"] and problems == []


def test_folders_named_with_a_leading_dot_are_not_part_of_a_story(tmp_path):
    mod = write(tmp_path / "kept", MOD)
    write(mod / ".git", "not: a story\n")
    files, _ = story_files(mod)
    assert files == [mod / "mod.yaml"]

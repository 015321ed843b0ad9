"""The compiled story holds what its key says and nothing else.

A file can change while the game starts (a mod being copied in, an editor saving): the key
and the story must come from the same read of it.  And the key is made within the loader's
limits: a file too large to be a story is refused by its size, never read to be hashed.
"""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest

from game.engine import check_story, compiled
from game.engine.compiled import CompiledPassages

STORY = """
    passages:
      start:
        text: The committee meets on Thursday.
        choices:
          - text: Go.
            goto: end
      end:
        text: Bye.
        ending: {title: The End}
    """


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


@pytest.fixture
def swapped_after_first_read(monkeypatch, tmp_path):
    """``swap(path, text)``: the first time the game opens ``path`` it reads what is there;
    straight after, ``text`` replaces the file, as another program saving over it would."""
    def swap(path: Path, text: str) -> None:
        real_open = Path.open
        pending = [True]

        def opening(self, *args, **kwargs):
            handle = real_open(self, *args, **kwargs)
            if pending[0] and self == path:
                pending[0] = False
                replacement = tmp_path / "replacement.yaml"
                replacement.write_text(text)
                os.replace(replacement, path)         # the open handle still reads the old file
            return handle

        monkeypatch.setattr(Path, "open", opening)

    return swap


def test_a_file_replaced_while_the_game_starts_never_puts_its_text_under_the_other_files_key(
        story_dir, cache, swapped_after_first_read, monkeypatch):
    folder = story_dir(STORY)
    passages = folder / "passages.yaml"
    first = passages.read_text()
    second = first.replace("on Thursday", "on Friday")
    swapped_after_first_read(passages, second)
    check_story(folder, cache=cache)                  # starts while the file is being replaced
    monkeypatch.undo()

    story, _ = check_story(folder, cache=cache)     # the file as it is now: what was parsed
    assert story.passages["start"].text == "The committee meets on Friday."
    assert isinstance(story.passages, CompiledPassages)   # kept under the bytes it was built from
    passages.write_text(first)                        # the first version back again
    story, _ = check_story(folder, cache=cache)
    assert story.passages["start"].text == "The committee meets on Thursday."


def test_every_kept_story_is_the_story_of_the_files_its_key_names(story_dir, cache,
                                                                   swapped_after_first_read, monkeypatch):
    folder = story_dir(STORY)
    passages = folder / "passages.yaml"
    versions = {day: passages.read_text().replace("Thursday", day) for day in ("Monday", "Tuesday")}
    passages.write_text(versions["Monday"])
    swapped_after_first_read(passages, versions["Tuesday"])
    check_story(folder, cache=cache)
    monkeypatch.undo()
    kept = list(cache.glob("story-*.kts"))
    assert kept
    for entry in kept:
        head = json.loads(entry.read_bytes().split(b"\n", 1)[0])
        day = next(day for day in versions if f"meets on {day}".encode() in entry.read_bytes())
        passages.write_text(versions[day])
        assert compiled.story_key(folder)[1] == head["key"]


@pytest.mark.parametrize("where", ["story", "mod"])
def test_a_huge_file_is_refused_by_its_size_without_being_read(story_dir, cache, tmp_path, where):
    folder = story_dir(STORY)
    mod = tmp_path / "mods" / "huge"
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text("mod:\n  name: Huge\n")
    huge = (folder if where == "story" else mod) / "zz_huge.yaml"
    with huge.open("wb") as handle:                   # sparse: 1.5 GB that take no disk
        handle.truncate(1536 * 1024 * 1024)
    tracemalloc.start()
    try:
        story, problems = check_story(folder, [mod], cache=cache)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        huge.unlink()
    assert story is None
    assert any(p.path.endswith("zz_huge.yaml") and p.is_error for p in problems)
    assert peak < 48 * 1024 * 1024


def test_a_story_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    from game.engine import located

    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(located.MAX_BYTES * 50)
    tracemalloc.start()
    try:
        node, problems = located.read_yaml(big, "big.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert node is None
    assert problems[0].message == (f"file is {located.MAX_BYTES * 50:,} bytes; story files may be at most "
                                   f"{located.MAX_BYTES:,}")
    assert peak < located.MAX_BYTES

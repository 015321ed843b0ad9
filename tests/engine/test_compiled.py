"""The compiled story: kept once a story loads, read back only while its files, the game and
its engine are unchanged, and never trusted when it does not match or does not decode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import game
from game import cli
from game.engine import Session, check_story, compiled, load_story
from game.engine.compiled import FORMAT, CompiledPassages, Damaged, decode, encode

SHIPPED = Path(__file__).resolve().parents[2] / "story"
SMALL = """
    passages:
      start:
        text: Hello.
        choices:
          - text: Give blood.
            do:
              - record: {behaviour: gave_blood, source: hospital}
            goto: end
          - text: Walk on.
            when: not seen(end)
            goto: end
      end:
        text: Bye.
        variants:
          - when: grade >= "AA"
            text: The nurse smiles.
        ending: {title: The End}
    """


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("story-*.kts")) if folder.exists() else []


def test_the_shipped_story_read_back_is_the_story_read_from_its_files(cache):
    from_files, problems = check_story(SHIPPED, cache=cache)
    again, problems_again = check_story(SHIPPED, cache=cache)
    assert isinstance(again.passages, CompiledPassages)
    assert again == from_files
    assert problems_again == problems
    assert again.warnings == from_files.warnings


def test_a_life_plays_the_same_on_the_compiled_story(cache):
    from_files = load_story(SHIPPED)
    load_story(SHIPPED, cache=cache)
    kept = load_story(SHIPPED, cache=cache)
    assert isinstance(kept.passages, CompiledPassages)
    lives = []
    for story in (from_files, kept):
        session = Session.new(story, seed=7)
        pages = []
        while not session.is_over and len(pages) < 400:
            page = session.page
            pages.append(page.text)
            session.choose(1 + len(pages) % len(page.choices))
        lives.append((pages, session.page.text, session.debrief()))
    assert lives[0] == lives[1]
    assert len(lives[0][0]) > 10


def test_a_changed_file_is_read_from_the_files_again(story_dir, cache):
    folder = story_dir(SMALL)
    check_story(folder, cache=cache)
    (folder / "passages.yaml").write_text((folder / "passages.yaml").read_text().replace("Bye.", "Farewell."))
    story, _ = check_story(folder, cache=cache)
    assert not isinstance(story.passages, CompiledPassages)
    assert story.passages["end"].text == "Farewell."
    again, _ = check_story(folder, cache=cache)
    assert isinstance(again.passages, CompiledPassages)
    assert again.passages["end"].text == "Farewell."
    assert len(entries(cache)) == 1  # one slot per story, rewritten


def test_another_version_of_the_game_never_trusts_the_compiled_story(story_dir, cache, monkeypatch):
    folder = story_dir(SMALL)
    check_story(folder, cache=cache)
    monkeypatch.setattr(game, "__version__", "99.0")
    story, _ = check_story(folder, cache=cache)
    assert not isinstance(story.passages, CompiledPassages)


def test_a_story_with_errors_is_never_kept(story_dir, cache):
    folder = story_dir(SMALL.replace("goto: end", "goto: nowhere", 1))
    for _ in range(2):
        story, problems = check_story(folder, cache=cache)
        assert story is None
        assert any("unknown passage 'nowhere'" in p.message for p in problems)
    assert entries(cache) == []


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],                                   # cut short
    lambda data: data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],            # a flipped bit in a passage
    lambda data: b"",                                                        # empty
    lambda data: b"{}\n",                                                    # someone else's JSON
    lambda data: data.replace(b'"format":%d' % FORMAT, b'"format":%d' % (FORMAT - 1), 1),  # an older format
    lambda data: bytes(range(256)) * 10,                                     # not text at all
])
def test_a_damaged_entry_is_ignored_and_written_again(story_dir, cache, damage):
    folder = story_dir(SMALL)
    expected, _ = check_story(folder, cache=cache)
    (entry,) = entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    story, problems = check_story(folder, cache=cache)
    assert not isinstance(story.passages, CompiledPassages)
    assert story == expected and not [p for p in problems if p.is_error]
    assert isinstance(check_story(folder, cache=cache)[0].passages, CompiledPassages)


def test_a_forged_entry_whose_digest_matches_still_decodes_only_the_engines_own_kinds(story_dir, cache):
    folder = story_dir(SMALL)
    check_story(folder, cache=cache)
    (entry,) = entries(cache)
    head, body = entry.read_bytes().split(b"\n", 1)
    fields = json.loads(head)
    fields["story"] = ["C", "Popen", ["T", "rm", "-rf", "/"]]
    entry.write_bytes(json.dumps(fields).encode() + b"\n" + body)
    story, _ = check_story(folder, cache=cache)
    assert not isinstance(story.passages, CompiledPassages)


def test_deleting_the_cache_folder_is_safe(story_dir, cache):
    import shutil

    folder = story_dir(SMALL)
    check_story(folder, cache=cache)
    shutil.rmtree(cache)
    story, _ = check_story(folder, cache=cache)
    assert story.passages["end"].text == "Bye."
    assert len(entries(cache)) == 1


def test_a_cache_folder_that_cannot_be_written_costs_only_time(story_dir, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    story, _ = check_story(story_dir(SMALL), cache=blocker)
    assert story.passages["end"].text == "Bye."


def test_only_the_engines_own_kinds_are_written_or_read():
    class Foreign:
        pass

    with pytest.raises(TypeError):
        encode(Foreign())
    with pytest.raises(TypeError):
        encode({1: "a mapping keyed by a number"})
    for forged in (["C", "Foreign"], ["C", "Where", "a.yaml", 1], ["X", 1], [], {"a": 1},
                   ["D", "odd"], ["D", 1, 2], ["T", object()]):
        with pytest.raises(Damaged):
            decode(forged)
    assert decode(encode((frozenset({"b", "a"}), {"k": None}, 1.5, True))) == (frozenset({"a", "b"}), {"k": None},
                                                                              1.5, True)


def test_entries_beyond_the_last_few_stories_are_removed(story_dir, tmp_path, cache):
    for n in range(compiled.MAX_ENTRIES + 3):
        check_story(story_dir(SMALL).rename(tmp_path / f"story{n}"), cache=cache)
    assert len(entries(cache)) == compiled.MAX_ENTRIES


def test_playing_keeps_the_compiled_story_in_the_players_cache_unless_told_not_to(story_dir, tmp_path, monkeypatch,
                                                                                  capsys):
    monkeypatch.setenv("KEEPING_TRUST_HOME", str(tmp_path / "home"))
    folder = story_dir(SMALL)
    assert cli.main(["--no-cache", "play", "--text", "--auto", "--seed", "1", "--story", str(folder)]) == 0
    assert entries(tmp_path / "home" / "cache") == []
    assert cli.main(["check", str(folder)]) == 0
    assert entries(tmp_path / "home" / "cache") == []
    assert cli.main(["play", "--text", "--auto", "--seed", "1", "--story", str(folder)]) == 0
    assert len(entries(tmp_path / "home" / "cache")) == 1
    # and nothing stays switched on after the command: a check is always read from the files
    assert not isinstance(check_story(folder)[0].passages, CompiledPassages)
    capsys.readouterr()


def test_the_window_told_not_to_keep_the_compiled_story_is_given_no_folder_for_it(tmp_path, monkeypatch):
    from game import paths

    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    monkeypatch.delenv(paths.NO_CACHE_ENV, raising=False)
    assert paths.story_cache() == paths.cache_dir()
    monkeypatch.setenv(paths.NO_CACHE_ENV, "1")
    assert paths.story_cache() is None

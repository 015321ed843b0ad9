"""What a story or a mod may cost to read: each limit stops the reading early and is reported
at a place, saying the limit and how to split the content; an honest large story stays within."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import bigstory
from game.engine import check_story, load_story
from game.engine import discovery, located

MOD_HEADER = "mod:\n  name: Extra\n"
SMALL = """
    passages:
      start:
        text: Hello.
        goto: end
      end:
        text: Bye.
        ending: {title: The End}
    """


def errors(problems) -> list[str]:
    return [str(p) for p in problems if p.is_error]


def write_mod(folder: Path, files: int, body: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "about.yaml").write_text(MOD_HEADER, encoding="utf-8")
    for n in range(files):
        (folder / f"part_{n:03d}.yaml").write_text(body.replace("@", f"{folder.name}{n}"), encoding="utf-8")
    return folder


def behaviours(count: int) -> str:
    """A valid file of ``count`` behaviours: 3 values, and 2 more for each behaviour."""
    return "behaviours:\n" + "".join(f"  b@_{i}: A label\n" for i in range(count))


@pytest.mark.slow
def test_a_file_of_a_million_zeros_is_refused_at_the_value_past_the_limit(tmp_path):
    # The hostile file from the request: 1.99 MB of [0,0,…], a million values.
    hostile = tmp_path / "zeros.yaml"
    hostile.write_text("[" + "0," * 995_000 + "0]\n", encoding="utf-8")
    node, problems = located.read_yaml(hostile, "zeros.yaml")
    assert node is None
    assert len(problems) == 1
    (problem,) = problems
    assert (problem.line, problem.col) == (1, 2 + 2 * located.MAX_NODES - 2)
    assert f"more than {located.MAX_NODES:,} values" in problem.message
    assert "split it into several files" in problem.message


def test_a_mod_of_many_value_heavy_files_stops_at_its_own_budget(story_dir, tmp_path, monkeypatch):
    monkeypatch.setitem(discovery.MAX_FOLDER_NODES, True, 1_000)
    story = story_dir(SMALL)
    mod = write_mod(tmp_path / "mods" / "heavy", 10, behaviours(200))
    _, problems = check_story(story, [mod])
    found = errors(problems)
    assert len(found) == 1
    # about.yaml holds five values, then 403 a file: the third file passes 1,000 at its
    # 190th value, the key of its 94th behaviour, on line 95.
    assert "part_002.yaml:95:3:" in found[0]
    assert "the mod" in found[0] and "more than 1,000 values" in found[0]
    assert "split it into two mods" in found[0]


def test_a_mod_stopped_at_a_limit_is_not_also_told_it_lacks_a_mod_section(story_dir, tmp_path, monkeypatch):
    monkeypatch.setitem(discovery.MAX_FOLDER_NODES, True, 100)
    mod = tmp_path / "mods" / "late"
    mod.mkdir(parents=True)
    (mod / "a_rules.yaml").write_text(behaviours(60).replace("@", "a"), encoding="utf-8")
    (mod / "z_about.yaml").write_text(MOD_HEADER, encoding="utf-8")  # never reached
    _, problems = check_story(story_dir(SMALL), [mod])
    assert [p for p in errors(problems) if "more than 100 values" in p]
    assert not [p for p in problems if "'mod:' section" in p.message]


def test_the_story_itself_is_told_to_move_chapters_into_a_mod(story_dir, monkeypatch):
    monkeypatch.setitem(discovery.MAX_FOLDER_NODES, False, 20)
    _, problems = check_story(story_dir(SMALL))
    (found,) = [p for p in errors(problems) if "values" in p]
    assert "the story holds more than 20 values" in found
    assert "move some of its chapters into a mod" in found


def test_the_story_and_its_mods_share_one_total_budget(story_dir, tmp_path, monkeypatch):
    story = story_dir(SMALL)
    _, alone = check_story(story)
    assert not errors(alone)
    monkeypatch.setattr(discovery, "MAX_TOTAL_NODES", 700)
    first = write_mod(tmp_path / "mods" / "a", 1, behaviours(150))
    second = write_mod(tmp_path / "mods" / "b", 1, behaviours(150))
    _, problems = check_story(story, [first, second])
    (found,) = errors(problems)
    assert "b/part_000.yaml" in found
    assert "the story and its mods together hold more than 700 values" in found
    assert "turn some mods off" in found


def test_a_folder_of_too_many_files_names_the_first_left_unread(story_dir, tmp_path, monkeypatch):
    monkeypatch.setitem(discovery.MAX_FILES, True, 5)
    story = story_dir(SMALL)
    mod = write_mod(tmp_path / "mods" / "many", 8, "behaviours: {}\n")
    _, problems = check_story(story, [mod])
    (found,) = errors(problems)
    assert "part_004.yaml:1:1:" in found  # about.yaml and part_000…part_003 are the five read
    assert "has 9 files; the limit is 5" in found
    assert "join small files, or split it into two mods" in found


def test_a_folder_too_many_bytes_large_stops_before_reading_the_file_that_passes(story_dir, tmp_path,
                                                                                 monkeypatch):
    monkeypatch.setitem(discovery.MAX_FOLDER_BYTES, True, 3 * 2**20)
    story = story_dir(SMALL)
    body = "behaviours: {}\n" + "# a long comment\n" * 70_000  # about 1.2 MB, but few values
    mod = write_mod(tmp_path / "mods" / "wide", 4, body)
    _, problems = check_story(story, [mod])
    (found,) = errors(problems)
    assert "part_002.yaml:1:1:" in found
    assert "files come to more than 3 MB, its limit" in found


def test_bytes_over_the_total_budget_ask_for_fewer_mods(story_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(discovery, "MAX_TOTAL_BYTES", 4_000)
    story = story_dir(SMALL)
    mod = write_mod(tmp_path / "mods" / "wide", 3, "behaviours: {}\n" + "# comment\n" * 200)
    _, problems = check_story(story, [mod])
    (found,) = errors(problems)
    assert "the story and its mods together come to more than" in found
    assert "turn some mods off" in found


@pytest.fixture(scope="module")
def honest_part(tmp_path_factory) -> tuple[int, int, int]:
    """One file of the generated large story: its bytes, its values, and how many files like
    it make 20,000 passages."""
    folder = bigstory.write(tmp_path_factory.mktemp("big"), passages=bigstory.PASSAGES_PER_FILE)
    part = folder / "part_0000.yaml"
    allowance = located.Allowance(located.MAX_NODES, "")
    node, problems = located.read_yaml(part, part.name, allowance)
    assert node is not None and not problems
    return part.stat().st_size, located.MAX_NODES - allowance.nodes, 20_000 // bigstory.PASSAGES_PER_FILE


def test_a_20000_passage_honest_story_stays_within_every_limit(honest_part):
    size, values, files = honest_part
    assert size <= located.MAX_BYTES and values <= located.MAX_NODES
    assert files <= discovery.MAX_FILES[False]
    assert size * files <= discovery.MAX_FOLDER_BYTES[False] <= discovery.MAX_TOTAL_BYTES
    assert values * files <= discovery.MAX_FOLDER_NODES[False] <= discovery.MAX_TOTAL_NODES


def test_a_generated_story_loads_whole(tmp_path):
    story = load_story(bigstory.write(tmp_path / "big", passages=400))
    assert len(story.passages) == 400 + 1 + 1  # the episodes, a district and the start

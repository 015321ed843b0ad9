"""One broken mod is left out on its own: the story loads with every other mod, and the
broken one is named with the problems found in its files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.engine import broken_mods
from game.engine.broken_mods import check_leaving_out_broken

PASSAGES = """
passages:
  start:
    text: The light turns amber.
    choices:
      - text: Brake.
        goto: end
  end:
    text: Home.
    ending: {title: Home}
"""


def branch(folder: Path, name: str, goto: str = "end", passage: str | None = None) -> Path:
    """A mod adding one choice to 'start' that leads to its own passage, which goes to ``goto``."""
    passage = passage or f"{name}_walk"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text(textwrap.dedent(f"""
        mod: {{name: {name}}}
        extend:
          start:
            choices:
              - text: Take the {name} way.
                goto: {passage}
        passages:
          {passage}:
            text: The {name} way.
            goto: {goto}
    """), encoding="utf-8")
    return folder


@pytest.fixture
def story(story_dir):
    return story_dir(PASSAGES)


def test_the_broken_mod_is_left_out_alone_and_the_others_load(story, tmp_path):
    harbour = branch(tmp_path / "harbour", "harbour")
    broken = branch(tmp_path / "broken", "broken", goto="nowhere")
    hills = branch(tmp_path / "hills", "hills")
    loaded, problems, left_out = check_leaving_out_broken(story, [harbour, broken, hills])
    assert loaded is not None and {"harbour_walk", "hills_walk"} <= set(loaded.passages)
    assert "broken_walk" not in loaded.passages
    assert [m.folder for m in left_out] == [broken]
    assert [p.message for p in left_out[0].errors] == ["goto names unknown passage 'nowhere'"]
    assert left_out[0].errors[0].path.endswith("broken/mod.yaml")


def test_of_two_mods_that_clash_the_one_read_first_keeps_its_place(story, tmp_path):
    first = branch(tmp_path / "first", "first", passage="shared_walk")
    second = branch(tmp_path / "second", "second", passage="shared_walk")
    loaded, _, left_out = check_leaving_out_broken(story, [first, second])
    assert loaded is not None and loaded.passages["shared_walk"].text == "The first way."
    assert [m.folder for m in left_out] == [second]
    assert "'shared_walk' is defined twice" in left_out[0].errors[0].message


def test_every_mod_loading_leaves_nothing_out(story, tmp_path):
    loaded, problems, left_out = check_leaving_out_broken(story, [branch(tmp_path / "a", "a")])
    assert loaded is not None and left_out == [] and problems == []


def test_a_broken_story_calls_no_mod_broken(story_dir, tmp_path):
    broken_story = story_dir(PASSAGES.replace("goto: end", "goto: gone"))
    loaded, problems, left_out = check_leaving_out_broken(broken_story, [branch(tmp_path / "a", "a")])
    assert loaded is None and left_out == []
    assert any("gone" in p.message for p in problems)


def test_a_mistake_located_in_no_mods_file_is_found_by_adding_the_mods_one_at_a_time(story, tmp_path, monkeypatch):
    # Were a mod's mistake to show only in the story's files, the mods are tried in order.
    monkeypatch.setattr(broken_mods, "whose", lambda problems, mods: {})
    harbour = branch(tmp_path / "harbour", "harbour")
    broken = branch(tmp_path / "broken", "broken", goto="nowhere")
    hills = branch(tmp_path / "hills", "hills")
    loaded, _, left_out = check_leaving_out_broken(story, [harbour, broken, hills])
    assert loaded is not None and {"harbour_walk", "hills_walk"} <= set(loaded.passages)
    assert [m.folder for m in left_out] == [broken]
    assert [p.message for p in left_out[0].errors] == ["goto names unknown passage 'nowhere'"]


def test_a_mod_that_changes_the_story_without_saying_so_is_left_out_alone(story, tmp_path):
    # The story's rule for running the amber light set without a word, and a score asked finer
    # than the grade: each the error of the mod that wrote it, so each is turned off on its
    # own. The mod that declares the same rule clashes only with the first, and plays.
    rule = "jurisdiction:\n  id: rongcheng\n  rules:\n    ran_red_light: {points: 100, sources: [traffic_camera], " \
           "override: true}\n"
    bent = branch(tmp_path / "bent", "bent")
    (bent / "rules.yaml").write_text(rule, encoding="utf-8")
    spy = branch(tmp_path / "spy", "spy")
    (spy / "look.yaml").write_text("extend:\n  end:\n    variants: [{when: score >= 1003, text: Warm.}]\n",
                                   encoding="utf-8")
    said = branch(tmp_path / "said", "said")
    (said / "rules.yaml").write_text("mod: {name: said, changes: rongcheng.ran_red_light}\n" + rule, encoding="utf-8")
    loaded, _, left_out = check_leaving_out_broken(story, [bent, spy, said])
    assert [m.folder for m in left_out] == [bent, spy]
    assert "a mod may do that only when it says so" in left_out[0].errors[0].message
    assert "tells a score of 1,003 from one of 1,002" in left_out[1].errors[0].message
    assert loaded is not None and "said_walk" in loaded.passages
    assert loaded.jurisdictions["rongcheng"].rules["ran_red_light"].points == 100
    assert [c.mod for c in loaded.changes] == [str(said)]


def test_a_mod_whose_only_fault_is_a_clash_with_a_broken_one_is_taken_back(story, tmp_path):
    first = branch(tmp_path / "first", "first", goto="nowhere")
    second = branch(tmp_path / "second", "second", passage="first_walk")    # the same passage id
    loaded, _, left_out = check_leaving_out_broken(story, [first, second])
    assert [m.folder for m in left_out] == [first]
    assert loaded is not None and "first_walk" in loaded.passages

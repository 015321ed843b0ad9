"""The docs' examples are real: every YAML block parses, and the whole-story example plays."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT
from game.engine import Session, check_story, load_story
from game.engine.located import read_yaml

FORMAT = ROOT / "docs" / "story-format.md"
BLOCKS = re.findall(r"```yaml\n(.*?)```", FORMAT.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_every_yaml_example_parses_cleanly(block, tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(re.sub(r"(?m)^  ", "", block) if block.startswith("  ") else block, encoding="utf-8")
    node, problems = read_yaml(path, "example.yaml")
    assert problems == [] and node is not None


def test_the_format_has_examples_to_check():
    # Without this, a doc whose code fences changed would leave the test above nothing to run.
    assert len(BLOCKS) >= 5
    assert any(b.startswith("story:") for b in BLOCKS)


def test_the_whole_story_example_loads_and_plays(tmp_path):
    whole = next(b for b in BLOCKS if b.startswith("story:"))
    (tmp_path / "story.yaml").write_text(whole, encoding="utf-8")
    story = load_story(tmp_path)
    session = Session.new(story, seed=1)
    session.choose(2)
    assert session.is_over
    assert session.debrief().home.score == 995


def test_the_readme_names_one_test_command_and_ci_runs_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if "pytest" in line and not line.startswith("(")]
    assert len(commands) == 1
    assert commands[0].strip() in ci.splitlines()


MODDING = ROOT / "docs" / "modding.md"
MOD_BLOCKS = re.findall(r"```yaml\n(.*?)```", MODDING.read_text(encoding="utf-8"), re.S)


def _mod_from_the_docs(folder, blocks):
    """A mod folder holding the given blocks of docs/modding.md, one file each, as a modder
    following the page would write them."""
    folder.mkdir(parents=True)
    for index, block in enumerate(blocks):
        (folder / f"part_{index}.yaml").write_text(block, encoding="utf-8")
    return folder


def test_the_modding_page_has_a_whole_mod_to_follow():
    assert len(MOD_BLOCKS) >= 5
    assert MOD_BLOCKS[0].startswith("mod:")


@pytest.mark.parametrize("block", MOD_BLOCKS, ids=[f"block{i}" for i in range(len(MOD_BLOCKS))])
def test_every_modding_example_parses_cleanly(block, tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(block, encoding="utf-8")
    node, problems = read_yaml(path, "example.yaml")
    assert problems == [] and node is not None


def test_every_modding_example_loads_on_top_of_the_shipped_story(tmp_path):
    # Each snippet builds on the walk-through's mod, as the page presents them in order.
    mod = _mod_from_the_docs(tmp_path / "mods" / "leaf_brigade", MOD_BLOCKS)
    story, problems = check_story(ROOT / "story", [mod])
    assert [str(p) for p in problems if p.is_error] == []
    assert story is not None


def _play_to(session, passage, wished, limit=400):
    """Play on, taking a wished choice where one is offered and the first otherwise, until
    ``passage`` is on the page."""
    for _ in range(limit):
        if session.page.passage_id == passage:
            return
        texts = [c.text for c in session.page.choices]
        session.choose(next((i + 1 for i, t in enumerate(texts) if t in wished), 1))
    raise AssertionError(f"never reached {passage}")


def test_a_modder_following_the_page_adds_a_rule_to_rongcheng_and_sees_it_in_score_story_and_debrief(tmp_path):
    mod = _mod_from_the_docs(tmp_path / "mods" / "leaf_brigade", MOD_BLOCKS[:1])
    story = load_story(ROOT / "story", [mod])
    session = Session.new(story, seed=3)
    _play_to(session, "sep_sweep", {"Brake.", "Tell her to put you down."})
    before = session.builtin("score")
    carry = [c.text for c in session.page.choices].index("Carry the sacks of leaves to the collection point.")
    session.choose(carry + 1)
    assert session.builtin("score") == before + 30  # the score conditions read
    assert session.builtin("grade") in ("AA", "AAA")
    assert "You're on the board already." in session.page.text  # the story's variant on grade
    session.choose(1)
    assert session.page.passage_id in ("sep_traffic_text", "sep_blood_bus")  # after: sep_sweep
    for _ in range(5000):
        if session.is_over:
            break
        session.choose(1)
    debrief = session.debrief()
    carried = [e for e in debrief.home.entries if e.behaviour == "carried_leaves"]
    assert [(e.points, e.source_label) for e in carried] == [(30, "The leaf brigade's sign-in sheet")]

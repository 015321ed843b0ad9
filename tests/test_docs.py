"""The docs' examples are real: every YAML block parses, and the whole-story example plays."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT
from game.engine import Session, load_story
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

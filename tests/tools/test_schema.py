"""The JSON Schema shipped for editors is the loader's format, and the shipped story fits it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import check_story, loader
from game.engine.located import read_yaml
from game.jsonfile import read_json
from game.tools.schema import story_schema, validate
from helpers import ROOT

SHIPPED = ROOT / "schema" / "keeping-trust-story.schema.json"
STORY_FILES = sorted((ROOT / "story").rglob("*.yaml")) + sorted((ROOT / "mods").rglob("*.yaml"))


def test_the_shipped_schema_is_what_the_loader_s_lists_make_today():
    # If this fails, the format changed: write the file again with
    #   python main.py schema -o schema/keeping-trust-story.schema.json
    assert read_json(SHIPPED, max_bytes=1 << 20) == story_schema()


def test_the_schema_names_exactly_the_loader_s_sections_passage_keys_and_story_keys():
    schema = story_schema()
    assert list(schema["properties"]) == list(loader.SECTIONS)
    assert list(schema["$defs"]["passage"]["properties"]) == list(loader.PASSAGE_KEYS)
    assert list(schema["properties"]["story"]["properties"]) == list(loader.STORY_KEYS)
    assert list(schema["properties"]["mod"]["properties"]) == list(loader.MOD_KEYS)


@pytest.mark.parametrize("path", STORY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_story_and_mod_file_fits_the_schema(path: Path):
    root, problems = read_yaml(path, str(path))
    assert root is not None and not problems
    assert validate(root.plain(), story_schema()) == []


@pytest.mark.parametrize("passage, complaint", [
    ("start: {text: Hi., ending: {title: End}, colour: red}", "unknown key 'colour'"),
    ("start: {text: Hi., style: shouting, ending: {title: End}}", "'shouting' is not one of"),
    ("start: {text: Hi., day: 0, ending: {title: End}}", "below 1"),
    ("start: {text: Hi., choices: [{text: Go.}]}", "needs 'goto'"),
])
def test_what_the_loader_refuses_the_schema_refuses_too(story_dir, passage, complaint):
    folder = story_dir(f"passages:\n  {passage}\n")
    story, problems = check_story(folder)
    assert story is None and any(p.is_error for p in problems)
    root, _ = read_yaml(folder / "passages.yaml", "passages.yaml")
    found = validate(root.plain(), story_schema())
    assert any(complaint in line for line in found), found

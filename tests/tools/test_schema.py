"""The JSON Schema shipped for editors is the loader's format, and the shipped story fits it.

The schema is checked by a real JSON Schema validator, and held to the loader both ways: what
the loader takes the schema takes, and what the loader refuses for its shape the schema
refuses too."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from game.engine import check_story, loader
from game.engine.located import read_yaml
from game.engine.loading import format
from game.engine.loading.effects import EFFECT_BUILDERS
from game.jsonfile import read_json
from game.tools.schema import story_schema
from helpers import ROOT

SHIPPED = ROOT / "schema" / "keeping-trust-story.schema.json"
STORY_FILES = sorted((ROOT / "story").rglob("*.yaml")) + sorted((ROOT / "mods").rglob("*.yaml"))


def complaints(value: object) -> list[str]:
    """Every complaint the validator has of ``value``, those inside each 'oneOf' too."""
    validator = jsonschema.Draft202012Validator(story_schema())
    found: list[str] = []

    def gather(errors):
        for error in errors:
            found.append(f"{'/'.join(map(str, error.absolute_path))}: {error.message}")
            gather(error.context or [])

    gather(validator.iter_errors(value))
    return found


def file_value(path: Path) -> object:
    root, problems = read_yaml(path, str(path))
    assert root is not None and not problems
    return root.plain()


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(story_schema())


def test_the_shipped_schema_is_what_the_loader_s_lists_make_today():
    # If this fails, the format changed: write the file again with
    #   python main.py schema -o schema/keeping-trust-story.schema.json
    assert read_json(SHIPPED, max_bytes=1 << 20) == story_schema()


def test_the_schema_names_exactly_the_loader_s_sections_passage_keys_and_story_keys():
    schema = story_schema()
    assert list(schema["properties"]) == list(loader.SECTIONS)
    assert list(schema["$defs"]["passage"]["properties"]) == list(loader.PASSAGE_KEYS)
    assert list(schema["$defs"]["story"]["properties"]) == list(loader.STORY_KEYS)
    assert list(schema["$defs"]["mod"]["properties"]) == list(loader.MOD_KEYS)


def test_every_mapping_of_the_format_is_in_the_schema_with_its_keys_and_what_it_needs():
    defs = story_schema()["$defs"]
    for name, shape in format.SHAPES.items():
        assert list(defs[name]["properties"]) == list(shape.keys), name
        assert defs[name].get("required", []) == list(shape.needs), name
    assert list(format.EFFECT_VALUES) == list(EFFECT_BUILDERS)


@pytest.mark.parametrize("path", STORY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_story_and_mod_file_fits_the_schema(path: Path):
    assert complaints(file_value(path)) == []


@pytest.mark.parametrize("passage, complaint", [
    ("start: {text: Hi., ending: {title: End}, colour: red}", "('colour' was unexpected)"),
    ("start: {text: Hi., style: shouting, ending: {title: End}}", "'shouting' is not one of"),
    ("start: {text: Hi., day: 0, ending: {title: End}}", "less than the minimum of 1"),
    ("start: {text: Hi., choices: [{text: Go.}]}", "'goto' is a required property"),
])
def test_what_the_loader_refuses_the_schema_refuses_too(story_dir, passage, complaint):
    folder = story_dir(f"passages:\n  {passage}\n")
    story, problems = check_story(folder)
    assert story is None and any(p.is_error for p in problems)
    found = complaints(file_value(folder / "passages.yaml"))
    assert any(complaint in line for line in found), found


def rules_file(story_dir, rule: str) -> tuple[Path, Path]:
    folder = story_dir("""
        passages:
          start: {text: Hi., ending: {title: End}}
        """)
    written = "gave_blood: {points: 5, sources: [hospital]}"
    (rules,) = [f for f in folder.glob("*.yaml") if written in f.read_text(encoding="utf-8")]
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text.replace(written, f"gave_blood: {rule}"), encoding="utf-8")
    return folder, rules


def test_one_source_written_without_a_list_loads_and_fits_the_schema(story_dir):
    folder, rules = rules_file(story_dir, "{points: 5, sources: hospital}")
    story, problems = check_story(folder)
    assert story is not None and not [p for p in problems if p.is_error]
    assert story.jurisdictions["rongcheng"].rules["gave_blood"].sources == frozenset({"hospital"})
    assert complaints(file_value(rules)) == []


def test_a_rule_without_sources_is_refused_by_the_loader_and_the_schema(story_dir):
    folder, rules = rules_file(story_dir, "{points: 5}")
    story, problems = check_story(folder)
    assert story is None
    assert any("needs 'sources'" in p.message for p in problems if p.is_error)
    found = complaints(file_value(rules))
    assert any("'sources' is a required property" in line for line in found), found

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


EVERY_SHAPE = """
passages:
  start:
    text: Hello. You have {savings} yuan{when day > 1:, still}.
    variants:
      - {when: "day > 0", text: Sunny.}
    choices:
      - text: Give blood.
        do:
          - record: {behaviour: gave_blood, source: hospital}
        goto:
          - {when: "day > 1", to: end}
          - {to: end}
  end:
    text: Bye.
    ending:
      title: The End
      questions:
        - {text: Why?, when: "day > 0"}
threads:
  blood:
    about: Giving blood.
    opens: seen(start)
    closes: seen(end)
debrief:
  notes:
    - {when: "on_record(gave_blood) > 0", text: The blood station told the city.}
hooks:
  first_page: {passage: start, day: 1, by_then: Nothing yet.}
aliases:
  old_start: first_page
hook_changes:
  - {version: "1.0", changes: The first release.}
  - {version: "1.1", changes: [The first page is a hook.]}
printable: [savings]
before:
  set: {savings: 300}
  record:
    - {behaviour: gave_blood, source: hospital, day: -3, city: rongcheng}
extend:
  end:
    at: end
    debrief:
      text: A paragraph added to the debrief.
      variants:
        - {when: "day > 0", text: Added when it holds.}
    questions: [An added question?]
subjects:
  neighbour: {label: Mrs Song, kind: person}
"""
MOD = "mod: {name: Lanterns, author: Someone, game: \"1.1\"}\n"
ADDITION = "jurisdiction:\n  id: nanjing\n  rules:\n    helped_stranger: {points: 1, sources: [hospital]}\n"

#: For each key the format says a mapping needs: the file, and the text without that key.
LEFT_OUT = [
    ("passage", "text", "passages.yaml", "    text: Hello. You have {savings} yuan{when day > 1:, still}.\n", ""),
    ("variant", "when", "passages.yaml", '{when: "day > 0", text: Sunny.}', "{text: Sunny.}"),
    ("variant", "text", "passages.yaml", '{when: "day > 0", text: Sunny.}', '{when: "day > 0"}'),
    ("choice", "text", "passages.yaml", "      - text: Give blood.\n        do:", "      - do:"),
    ("choice", "goto", "passages.yaml", '        goto:\n          - {when: "day > 1", to: end}\n          - {to: end}\n',
     ""),
    ("branch", "to", "passages.yaml", '{when: "day > 1", to: end}', '{when: "day > 1"}'),
    ("after", "after", "passages.yaml", '        goto:\n          - {when: "day > 1", to: end}\n          - {to: end}\n',
     "        goto: {to: end}\n"),
    ("record", "behaviour", "passages.yaml", "{behaviour: gave_blood, source: hospital}", "{source: hospital}"),
    ("prior_record", "behaviour", "passages.yaml", "{behaviour: gave_blood, source: hospital, day: -3",
     "{source: hospital, day: -3"),
    ("ending", "title", "passages.yaml", "      title: The End\n", ""),
    ("question", "text", "passages.yaml", '{text: Why?, when: "day > 0"}', '{when: "day > 0"}'),
    ("note", "when", "passages.yaml", '{when: "on_record(gave_blood) > 0", text: The', "{text: The"),
    ("note", "text", "passages.yaml", '{when: "on_record(gave_blood) > 0", text: The blood station told the city.}',
     '{when: "on_record(gave_blood) > 0"}'),
    ("thread", "about", "passages.yaml", "    about: Giving blood.\n", ""),
    ("thread", "opens", "passages.yaml", "    opens: seen(start)\n", ""),
    ("thread", "closes", "passages.yaml", "    closes: seen(end)\n", ""),
    ("story", "start", "story.yaml", "  start: start\n", ""),
    ("story", "home", "story.yaml", "  home: rongcheng\n", ""),
    ("rule", "points", "rongcheng.yaml", "gave_blood: {points: 5, sources: [hospital]}", "gave_blood: {sources: [hospital]}"),
    ("rule", "sources", "rongcheng.yaml", "gave_blood: {points: 5, sources: [hospital]}", "gave_blood: {points: 5}"),
    ("definition", "id", "rongcheng.yaml", "  id: rongcheng\n", ""),
    ("definition", "cities", "rongcheng.yaml", "  cities: [rongcheng]\n", ""),
    ("definition", "start", "rongcheng.yaml", "  start: 1000\n", ""),
    ("definition", "rules", "rongcheng.yaml", "  rules:\n    ran_red_light", "  other:\n    ran_red_light"),
    ("definition", "grades", "rongcheng.yaml", "  grades: {AAA: 1050, AA: 1030, A: 960, B: 850, C: 600, D: 0}\n", ""),
    ("addition", "id", "addition.yaml", "  id: nanjing\n", ""),
    ("blacklist", "sources", "rules.yaml", "  sources: [court]\n", ""),
    ("blacklist", "list_on", "rules.yaml", "  list_on: [unpaid_judgment, ignored_court_order]\n", ""),
    ("blacklist", "lift_on", "rules.yaml", "  lift_on: [paid_judgment]\n", ""),
    ("mod", "name", "mod/mod.yaml", "name: Lanterns, ", ""),
    ("hook", "passage", "passages.yaml", "{passage: start, day: 1, by_then: Nothing yet.}", "{day: 1, by_then: Nothing yet.}"),
    ("hook", "day", "passages.yaml", "{passage: start, day: 1, by_then: Nothing yet.}",
     "{passage: start, by_then: Nothing yet.}"),
    ("hook", "by_then", "passages.yaml", "{passage: start, day: 1, by_then: Nothing yet.}", "{passage: start, day: 1}"),
    ("hook_change", "version", "passages.yaml", '{version: "1.0", changes: The first release.}',
     "{changes: The first release.}"),
    ("hook_change", "changes", "passages.yaml", '{version: "1.0", changes: The first release.}', '{version: "1.0"}'),
]


def every_shape(story_dir, tmp_path) -> tuple[Path, Path]:
    folder = story_dir(EVERY_SHAPE, extra={"addition.yaml": ADDITION})
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "mod.yaml").write_text(MOD, encoding="utf-8")
    return folder, mod


def test_the_story_with_every_shape_loads_and_fits_the_schema(story_dir, tmp_path):
    folder, mod = every_shape(story_dir, tmp_path)
    story, problems = check_story(folder, [mod])
    assert story is not None and not [p for p in problems if p.is_error]
    for path in [*folder.glob("*.yaml"), mod / "mod.yaml"]:
        assert complaints(file_value(path)) == [], path


def test_every_key_the_format_says_is_needed_is_tried_below():
    tried = {(shape, key) for shape, key, *_ in LEFT_OUT}
    assert tried == {(name, key) for name, shape in format.SHAPES.items() for key in shape.needs}


@pytest.mark.parametrize("shape, key, file, written, without", LEFT_OUT, ids=lambda v: v if len(v) < 20 else "")
def test_a_needed_key_left_out_is_refused_by_the_loader_and_the_schema(story_dir, tmp_path, shape, key, file,
                                                                       written, without):
    folder, mod = every_shape(story_dir, tmp_path)
    path = mod / "mod.yaml" if file.startswith("mod/") else folder / file
    text = path.read_text(encoding="utf-8")
    assert written in text
    path.write_text(text.replace(written, without, 1), encoding="utf-8")
    story, problems = check_story(folder, [mod])
    assert story is None and any(p.is_error for p in problems)
    found = complaints(file_value(path))
    assert any(f"'{key}' is a required property" in line for line in found), found


CHANGING_MOD = """\
mod:
  name: Lenient cameras
  changes: [rongcheng.ran_red_light, rongcheng.ignored_court_order]
jurisdiction:
  id: rongcheng
  rules:
    ran_red_light: {points: -1, sources: [traffic_camera], override: true}
    ignored_court_order: {points: -50, sources: [court], override: true, cap: none}
"""


def test_a_mod_declaring_its_changes_and_lifting_a_cap_loads_and_fits_the_schema(story_dir, tmp_path):
    folder = story_dir("passages:\n  start: {text: Hi., ending: {title: End}}\n")
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "mod.yaml").write_text(CHANGING_MOD, encoding="utf-8")
    story, problems = check_story(folder, [mod])
    assert story is not None and not [p for p in problems if p.is_error]
    assert complaints(file_value(mod / "mod.yaml")) == []


@pytest.mark.parametrize("written, wrong", [
    ("changes: [rongcheng.ran_red_light, rongcheng.ignored_court_order]", "changes: [Rongcheng's red light]"),
    ("cap: none", "cap: never"),
])
def test_a_change_or_a_cap_misspelt_is_refused_by_the_loader_and_the_schema(story_dir, tmp_path, written, wrong):
    folder = story_dir("passages:\n  start: {text: Hi., ending: {title: End}}\n")
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "mod.yaml").write_text(CHANGING_MOD.replace(written, wrong), encoding="utf-8")
    story, problems = check_story(folder, [mod])
    assert story is None and any(p.is_error for p in problems)
    assert complaints(file_value(mod / "mod.yaml")) != []

"""The story format as a JSON Schema, for editors that check YAML as it is typed.

The schema is built from the loader's own lists — sections, passage keys, the story
section's keys, effects, styles, grades — so it cannot name a key the loader refuses or miss
one the loader knows; ``schema/keeping-trust-story.schema.json`` is this module's output,
and a test holds the two together. The schema checks shape only (which keys, which kinds
of value); names that must exist elsewhere (a goto's passage, a rule's behaviour) and the
conditions' own language are the loader's to check: run ``python main.py check``.

``validate`` checks a value against the small part of JSON Schema this file uses, so the
tests need no library to hold the shipped story to it.
"""

from __future__ import annotations

import re
from typing import Any

from ..engine import loader
from ..engine.conditions import GRADES
from ..engine.styles import STYLES

SCHEMA_ID = "https://keeping-trust.invalid/schema/keeping-trust-story.schema.json"
ID_PATTERN = loader.ID.pattern


def _object(properties: dict[str, Any], required: list[str] | None = None, description: str = "") -> dict:
    out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = required
    if description:
        out["description"] = description
    return out


def _named(value: dict, description: str) -> dict:
    """A mapping from ids to ``value``."""
    return {"type": "object", "description": description, "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": value}


def story_schema() -> dict:
    """The JSON Schema of one story or mod file."""
    ref = {name: {"$ref": f"#/$defs/{name}"} for name in (
        "id", "condition", "text", "goto", "effects", "variants", "choice", "passage", "labelled", "question",
        "questions", "jurisdiction", "rule", "ids")}
    id_list = {"type": "array", "items": ref["id"]}
    defs: dict[str, Any] = {
        "id": {"type": "string", "pattern": ID_PATTERN,
               "description": "lower-case letters, digits and _, starting with a letter"},
        "ids": id_list,
        "condition": {"type": ["string", "boolean"],
                      "description": "a condition in the story's own language, e.g. savings >= 500 and not "
                                     "mother_ill (see docs/story-format.md)"},
        "text": {"type": "string"},
        "goto": {"oneOf": [
            ref["id"],
            {"type": "array", "minItems": 1, "items": _object({"when": ref["condition"], "to": ref["id"]}, ["to"])},
            _object({"after": ref["id"]}, ["after"],
                    "go where that passage's own goto would go"),
        ]},
        "effects": {"type": "array", "items": {"oneOf": [
            _object({"record": _object({"behaviour": ref["id"], "source": {"type": ["string", "null"]},
                                        "subject": ref["id"]}, ["behaviour"])}, ["record"]),
            _object({"set": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}}},
                    ["set"]),
            _object({"add": {"type": "object", "additionalProperties": {"type": "number"}}}, ["add"]),
            _object({"roll": ref["id"]}, ["roll"]),
            _object({"day": {"type": "integer", "minimum": 1}}, ["day"]),
            _object({"city": ref["id"]}, ["city"]),
        ]}},
        "variants": {"type": "array", "items": _object(
            {"when": ref["condition"], "text": ref["text"], "replace": {"type": "boolean"}}, ["when", "text"])},
        "choice": _object({"text": ref["text"], "when": ref["condition"], "do": ref["effects"],
                           "goto": ref["goto"]}, ["text", "goto"]),
        "question": {"oneOf": [ref["text"], _object({"text": ref["text"], "when": ref["condition"]}, ["text"])]},
        "questions": {"oneOf": [ref["text"], {"type": "array", "items": ref["question"]}]},
        "passage": _object({
            "text": ref["text"],
            "style": {"enum": list(STYLES)},
            "speaker": ref["text"], "title": ref["text"],
            "day": {"type": "integer", "minimum": 1}, "city": ref["id"],
            "variants": ref["variants"], "do": ref["effects"],
            "choices": {"type": "array", "items": ref["choice"]},
            "goto": ref["goto"],
            "continue": ref["text"],
            "ending": _object({
                "title": ref["text"],
                "debrief": {"oneOf": [ref["text"], _object({"text": ref["text"], "variants": ref["variants"]})]},
                "questions": ref["questions"]}, ["title"]),
        }, ["text"]),
        "labelled": {"oneOf": [ref["text"], _object({"label": ref["text"]})]},
        "rule": _object({"points": {"type": "integer"}, "sources": id_list, "cap": {"enum": list(GRADES)},
                         "override": {"type": "boolean"}}, ["points"]),
        "jurisdiction": _object({
            "id": ref["id"], "name": ref["text"], "cities": id_list, "start": {"type": "integer"},
            "document": ref["text"],
            "rules": _named(ref["rule"], "points per behaviour, and which sources count"),
            "grades": {"type": "object", "propertyNames": {"enum": list(GRADES)},
                       "additionalProperties": {"type": "integer"}},
            "perks": {"type": "object", "propertyNames": {"enum": list(GRADES)},
                      "additionalProperties": {"type": "array", "items": ref["text"]}},
        }, ["id"]),
    }
    keys = set(loader.JURISDICTION_KEYS)
    defs["jurisdiction"]["properties"] = {k: v for k, v in defs["jurisdiction"]["properties"].items() if k in keys}
    defs["passage"]["properties"] = {k: defs["passage"]["properties"][k] for k in loader.PASSAGE_KEYS}
    sections: dict[str, Any] = {
        "story": _object({
            "title": ref["text"], "start": ref["id"], "short_start": ref["id"], "home": ref["id"],
            "day": {"type": "integer", "minimum": 1}, "city": ref["id"],
            "variables": {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                          "additionalProperties": {"type": ["string", "number", "boolean"]}},
        }, description="the title, where play starts, the home jurisdiction and the starting variables"),
        "mod": _object({key: ref["text"] for key in loader.MOD_KEYS}, description="this file is part of a mod"),
        "passages": _named(ref["passage"], "the passages, by id"),
        "extend": _named(_object({"choices": {"type": "array", "items": ref["choice"]},
                                  "variants": ref["variants"], "at": {"enum": ["start", "end"]}}),
                         "choices and text a mod adds to passages written elsewhere"),
        "behaviours": _named(ref["labelled"], "what the system can record a person doing"),
        "sources": _named(ref["labelled"], "who records it"),
        "subjects": _named(ref["labelled"], "others the system rates: companies, shops"),
        "threads": _named(_object({"about": ref["text"], "opens": ref["condition"], "closes": ref["condition"]},
                                  ["about", "opens", "closes"]),
                          "what the story opens and must close before the debrief"),
        "jurisdiction": ref["jurisdiction"],
        "blacklist": _object({"name": ref["text"], "sources": id_list, "list_on": id_list, "lift_on": id_list,
                              "bars": {"type": "array", "items": ref["text"]}}),
        "questions": ref["questions"],
    }
    sections["story"]["properties"] = {k: sections["story"]["properties"][k] for k in loader.STORY_KEYS}
    effects = {next(iter(option["properties"])) for option in defs["effects"]["items"]["oneOf"]}
    assert effects == set(loader.EFFECTS), "the schema's effects must be the loader's"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Keeping Trust story file",
        "description": "One YAML file of a Keeping Trust story or mod. Generated by 'python main.py schema'; "
                       "run 'python main.py check' for what a schema cannot say.",
        "type": "object",
        "properties": {name: sections[name] for name in loader.SECTIONS},
        "additionalProperties": False,
        "$defs": defs,
    }


# -- checking a value against the schema (the part of JSON Schema used above) -----------------

def validate(value: Any, schema: dict, root: dict | None = None, at: str = "") -> list[str]:
    """Every place where ``value`` breaks ``schema``, as 'path: what is wrong'."""
    root = root if root is not None else schema
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return validate(value, root["$defs"][name], root, at)
    problems: list[str] = []
    where = at or "(top)"
    if "oneOf" in schema:
        fits = [option for option in schema["oneOf"] if not validate(value, option, root, at)]
        if len(fits) != 1:
            problems.append(f"{where}: matches {len(fits)} of the {len(schema['oneOf'])} allowed forms")
        return problems
    if "type" in schema and not _is_type(value, schema["type"]):
        return [f"{where}: expected {schema['type']}, found {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        problems.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "minimum" in schema \
            and value < schema["minimum"]:
        problems.append(f"{where}: {value} is below {schema['minimum']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                problems.append(f"{where}: needs '{key}'")
        properties = schema.get("properties", {})
        for key, item in value.items():
            if "propertyNames" in schema:
                problems += validate(key, schema["propertyNames"], root, f"{at}/{key} (name)")
            if key in properties:
                problems += validate(item, properties[key], root, f"{at}/{key}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{where}: unknown key '{key}'")
            elif isinstance(schema.get("additionalProperties"), dict):
                problems += validate(item, schema["additionalProperties"], root, f"{at}/{key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            problems.append(f"{where}: needs at least {schema['minItems']} item(s)")
        if "items" in schema:
            for n, item in enumerate(value):
                problems += validate(item, schema["items"], root, f"{at}/{n}")
    return problems


def _is_type(value: Any, wanted: str | list[str]) -> bool:
    kinds = [wanted] if isinstance(wanted, str) else wanted
    checks = {
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "string": lambda v: isinstance(v, str),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    }
    return any(checks[kind](value) for kind in kinds)

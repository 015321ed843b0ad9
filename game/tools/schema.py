"""The story format as a JSON Schema, for editors that check YAML as it is typed.

The schema is generated from the format the loader itself checks against
(``game/engine/loading/format.py``: every mapping's keys, which are needed, and the kind of
value each holds), with the loader's styles, grades, effects and id pattern, so it cannot
name a key the loader refuses, miss one it knows, or ask for a list where the loader takes
one id. ``schema/keeping-trust-story.schema.json`` is this module's output, and a test holds
the two together. The schema checks shape only (which keys, which kinds of value); names
that must exist elsewhere (a goto's passage, a rule's behaviour) and the conditions' own
language are the loader's to check: run ``python main.py check``.
"""

from __future__ import annotations

from typing import Any

from ..engine.conditions import GRADES
from ..engine.loading.effects import EFFECT_BUILDERS
from ..engine.loading.format import AT, EFFECT_VALUES, FILE, NO_CAP, SHAPES, SIDES, Shape
from ..engine.loading.values import ID
from ..engine.passage_words import STYLES
from ..engine.story import SUBJECT_KINDS

SCHEMA_ID = "https://keeping-trust.invalid/schema/keeping-trust-story.schema.json"
ID_PATTERN = ID.pattern
#: A name under a mod's 'changes': an id, or two joined by a dot (a city's rule for an act).
CHANGE_PATTERN = "^[a-z][a-z0-9_]*([.][a-z][a-z0-9_]*)?$"

_ID = {"$ref": "#/$defs/id"}
_TEXT = {"type": ["string", "number"]}
#: The kinds of value that are not a shape of the format, as JSON Schema says them.
_KINDS: dict[str, Any] = {
    "text": _TEXT,
    "id": _ID,
    "ids": {"oneOf": [_ID, {"type": "array", "items": _ID}]},
    "texts": {"oneOf": [_TEXT, {"type": "array", "items": _TEXT}]},
    "condition": {"$ref": "#/$defs/condition"},
    "whole": {"type": "integer"},
    "day": {"type": "integer", "minimum": 1},
    "truth": {"type": "boolean"},
    "grade": {"enum": list(GRADES)},
    "cap": {"enum": [*GRADES, NO_CAP]},
    "changes": {"oneOf": [{"$ref": "#/$defs/change"}, {"type": "array", "items": {"$ref": "#/$defs/change"}}]},
    "style": {"enum": list(STYLES)},
    "at": {"enum": list(AT)},
    "side": {"enum": list(SIDES)},
    "subject_kind": {"enum": list(SUBJECT_KINDS)},
    "source": {"anyOf": [_ID, {"type": "null"}]},
    "goto": {"oneOf": [_ID, {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/branch"}},
                       {"$ref": "#/$defs/after"}]},
    "questions": {"oneOf": [_TEXT, {"type": "array", "items": {"oneOf": [_TEXT, {"$ref": "#/$defs/question"}]}}]},
    "grades": {"type": "object", "propertyNames": {"enum": list(GRADES)}, "additionalProperties": {"type": "integer"}},
    "perks": {"type": "object", "propertyNames": {"enum": list(GRADES)},
              "additionalProperties": {"oneOf": [_TEXT, {"type": "array", "items": _TEXT}]}},
    "variables": {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                  "additionalProperties": {"type": ["string", "number", "boolean"]}},
    "numbers": {"type": "object", "propertyNames": {"pattern": ID_PATTERN}, "additionalProperties": {"type": "number"}},
    "jurisdiction": {"oneOf": [{"$ref": "#/$defs/definition"}, {"$ref": "#/$defs/addition"}]},
}


def kind(name: str) -> dict[str, Any]:
    """The schema of one kind of value, as ``format`` names it."""
    if name.startswith("list:"):
        return {"type": "array", "items": kind(name[len("list:"):])}
    if name.startswith("named:"):
        return {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
                "additionalProperties": kind(name[len("named:"):])}
    if "|" in name:
        return {"oneOf": [kind(part) for part in name.split("|")]}
    if name == "effects":
        return {"type": "array", "items": {"oneOf": [
            _mapping(Shape({effect: value}, (effect,))) for effect, value in EFFECT_VALUES.items()]}}
    if name in SHAPES:
        return {"$ref": f"#/$defs/{name}"}
    return _KINDS[name]


def _mapping(shape: Shape) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": {key: kind(value) for key, value in shape.keys.items()},
                           "additionalProperties": False}
    if shape.needs:
        out["required"] = list(shape.needs)
    if shape.about:
        out["description"] = shape.about
    return out


def story_schema() -> dict:
    """The JSON Schema of one story or mod file."""
    if list(EFFECT_VALUES) != list(EFFECT_BUILDERS):
        raise AssertionError("the format's effects must be the loader's, in its order")
    defs: dict[str, Any] = {
        "id": {"type": "string", "pattern": ID_PATTERN,
               "description": "lower-case letters, digits and _, starting with a letter"},
        "change": {"type": "string", "pattern": CHANGE_PATTERN,
                   "description": "what of the story a mod changes: city.behaviour for a rule of that city's, "
                                  "else a variable of the story's, day, city or debrief"},
        "condition": {"type": ["string", "boolean"],
                      "description": "a condition in the story's own language, e.g. savings >= 500 and not "
                                     "mother_ill (see docs/story-format.md)"},
    }
    defs.update({name: _mapping(shape) for name, shape in SHAPES.items()})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Keeping Trust story file",
        "description": "One YAML file of a Keeping Trust story or mod. Generated by 'python main.py schema'; "
                       "run 'python main.py check' for what a schema cannot say.",
        **_mapping(FILE),
        "$defs": defs,
    }

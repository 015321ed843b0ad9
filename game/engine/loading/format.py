"""The story format, declared once: each mapping a story file may hold, its keys in the
order the documentation lists them, which of them must be given, and the kind of value each
holds.

The loader refuses a key that is not declared here and asks for each one declared needed;
``game/tools/schema.py`` builds the editors' JSON Schema from the same declarations, so an
editor and ``check`` cannot disagree about which keys there are, which are needed, or
whether a value may be one id or a list of them.

Kinds of value: ``text`` (any words; a number reads as its digits), ``id``, ``ids`` (one id
or a list of them), ``texts`` (one text or a list), ``condition``, ``whole`` (a whole
number), ``day`` (a whole number from 1), ``truth`` (true or false), ``grade``, ``style``,
``at`` (start or end), ``side`` (before or after), ``source`` (an id, or nothing), ``cap`` (a grade,
or ``none``), ``subject_kind`` (company or person), ``changes`` (one name or a list:
``city.behaviour`` for a rule, else a variable), and the kinds the schema spells
out: ``goto``, ``effects``, ``questions``, ``grades``, ``perks``, ``variables`` (ids to
numbers, texts or truths), ``numbers`` and ``jurisdiction`` (a definition or an addition). A
kind that names a shape below is that shape; ``list:X`` is a list of X; ``named:X`` maps ids
to X; ``X|Y`` is either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class Shape:
    """One mapping of the format: its keys with the kind of each, and those it must have."""

    keys: Mapping[str, str]
    needs: tuple[str, ...] = ()
    about: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", MappingProxyType(dict(self.keys)))

    @property
    def allowed(self) -> tuple[str, ...]:
        return tuple(self.keys)


STORY = Shape({"title": "text", "start": "id", "short_start": "id", "home": "id", "day": "day", "city": "id",
               "variables": "variables"}, ("start", "home"),
              "the title, where play starts, the home jurisdiction and the starting variables")
MOD = Shape({"name": "text", "description": "text", "author": "text", "version": "text", "game": "texts",
             "changes": "changes"},
            ("name",), "this file is part of a mod; 'game' names the releases of the story it was written for; "
                       "'changes' names what of the story it is played on the mod changes: a rule as "
                       "city.behaviour, a variable of the story's, day, city or debrief")
PASSAGE = Shape({"text": "text", "style": "style", "speaker": "text", "title": "text", "day": "day", "city": "id",
                 "narration_before": "text", "narration_after": "text",
                 "variants": "list:variant", "do": "effects", "choices": "list:choice", "goto": "goto",
                 "continue": "text", "ending": "ending"}, ("text",))
CHOICE = Shape({"text": "text", "when": "condition", "do": "effects", "goto": "goto"}, ("text", "goto"))
BRANCH = Shape({"when": "condition", "to": "id"}, ("to",))
AFTER = Shape({"after": "id"}, ("after",), "go where that passage's own goto would go")
VARIANT = Shape({"when": "condition", "text": "text", "replace": "truth", "narration": "side"}, ("when", "text"))
ENDING = Shape({"title": "text", "debrief": "text|debrief", "questions": "questions"}, ("title",))
DEBRIEF = Shape({"text": "text", "variants": "list:variant"})
QUESTION = Shape({"text": "text", "when": "condition"}, ("text",))
THREAD = Shape({"about": "text", "opens": "condition", "closes": "condition"}, ("about", "opens", "closes"),
               "what the story opens and must close before the debrief")
EXTEND = Shape({"choices": "list:choice", "variants": "list:variant", "debrief": "text|debrief",
                "questions": "questions", "at": "at"}, (),
               "choices and text a mod adds to passages written elsewhere; to an ending, its debrief's text "
               "and variants and its questions")
RECORD = Shape({"behaviour": "id", "source": "source", "subject": "id"}, ("behaviour",))
LABELLED = Shape({"label": "text"})
#: A subject says what it is, so the debrief can name its ledgers: a company (the default) or a person.
SUBJECT = Shape({"label": "text", "kind": "subject_kind"})
RULE = Shape({"points": "whole", "sources": "ids", "cap": "cap", "override": "truth"}, ("points", "sources"),
             "points per behaviour, and which sources count; 'cap: none' lifts the cap of the rule it overrides")
JURISDICTION = Shape({"id": "id", "name": "text", "cities": "ids", "start": "whole", "document": "text",
                      "rules": "named:rule", "grades": "grades", "perks": "perks"},
                     ("id", "cities", "start", "rules", "grades"))
#: A jurisdiction section that adds to one defined elsewhere: it has no cities, start or grades.
ADDITION = Shape({"id": "id", "rules": "named:rule", "perks": "perks"}, ("id",),
                 "rules and perks added to a jurisdiction defined elsewhere")
BLACKLIST = Shape({"name": "text", "sources": "ids", "list_on": "ids", "lift_on": "ids", "bars": "texts"},
                  ("sources", "list_on", "lift_on"))
#: The debrief's sentences a story says in its own words (its top-level ``debrief`` section,
#: not an ending's): each said as one text, or for a player who read the rules and one who did not.
DEBRIEF_WORDS = Shape({"rules_read": "id", "kept": "text|wording", "told": "text|wording", "notes": "list:note"}, (),
                      "the debrief's sentences only this story can say, for a player who read the rules and "
                      "one who did not; 'told' may leave {home} and {start} to be filled; 'notes' say what the "
                      "grade did in a life, each where its condition holds at the ending")
WORDING = Shape({"read": "text", "unread": "text"})
#: A sentence of the grade's page, said of the lives where ``when`` holds at the ending.
NOTE = Shape({"when": "condition", "text": "text"}, ("when", "text"),
             "said under the grade, in the lives where the condition holds at the ending")
#: A place where a mod may join the story, named for what happens there (the story's own).
HOOK = Shape({"passage": "id", "day": "day", "by_then": "text"}, ("passage", "day", "by_then"),
             "a passage a mod may extend or go to, kept from one release to the next: the day, and what "
             "has happened by then")
#: What one release changed in the hooks and the old ids they answer to.
HOOK_CHANGE = Shape({"version": "text", "changes": "texts"}, ("version", "changes"),
                    "one release of the story, and what it changed in the hooks and aliases")
#: What is so before play begins: variables' first values, and acts already on the record.
BEFORE = Shape({"set": "variables", "record": "list:prior_record"}, (),
               "what is so before day 1: variables' first values, and acts already on the record")
#: An act on the record before play: on a day before the story's first (0 unless given).
PRIOR_RECORD = Shape({"behaviour": "id", "source": "source", "subject": "id", "day": "whole", "city": "id"},
                     ("behaviour",), "an act recorded before play begins, on a day before the story's first")
#: A story file's top-level sections.
FILE = Shape({"story": "story", "mod": "mod", "passages": "named:passage", "extend": "named:extend",
              "behaviours": "named:text|labelled", "sources": "named:text|labelled", "subjects": "named:text|subject",
              "jurisdiction": "jurisdiction", "blacklist": "blacklist", "questions": "questions",
              "threads": "named:thread", "debrief": "debrief_words", "hooks": "named:hook", "aliases": "named:id",
              "hook_changes": "list:hook_change", "printable": "ids", "before": "before"})

#: Every shape, by the name a kind uses for it.
SHAPES = {"story": STORY, "mod": MOD, "passage": PASSAGE, "choice": CHOICE, "branch": BRANCH, "after": AFTER,
          "variant": VARIANT, "ending": ENDING, "debrief": DEBRIEF, "question": QUESTION, "thread": THREAD,
          "extend": EXTEND, "record": RECORD, "labelled": LABELLED, "subject": SUBJECT, "rule": RULE,
          "definition": JURISDICTION, "addition": ADDITION, "blacklist": BLACKLIST,
          "debrief_words": DEBRIEF_WORDS, "wording": WORDING, "note": NOTE, "hook": HOOK,
          "hook_change": HOOK_CHANGE, "before": BEFORE, "prior_record": PRIOR_RECORD}

#: What each effect holds, in the order of the loader's EFFECT_BUILDERS.
EFFECT_VALUES = {"record": "id|record", "set": "variables", "add": "numbers", "roll": "id", "day": "day", "city": "id"}

#: Where a mod's added text and choices go in the passage it extends.
AT = ("start", "end")
#: What a rule's ``cap`` says to lift the cap of the rule it overrides.
NO_CAP = "none"

#: Where a variant told as narration stands, beside the frame of a passage drawn in one.
SIDES = ("before", "after")

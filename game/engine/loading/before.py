"""What is so before play begins: the ``before`` sections of a story and its mods, which give
variables their first values and put acts on the record before the story's first day (a
late wage payment a month before the season, a loan already taken)."""

from __future__ import annotations

from typing import Any

from ..changes import BEFORE_SET
from ..located import Node
from ..story import PLAYER, PriorAct, Record
from .format import BEFORE, PRIOR_RECORD
from .gathered import at
from .header import Header
from .values import Values

BEFORE_KEYS = BEFORE.allowed
PRIOR_RECORD_KEYS = PRIOR_RECORD.allowed


class BeforePlay(Values):
    """Reads every ``before`` section, once the story section says where and when play begins."""

    def facts(self, header: Header | None) -> tuple[dict[str, Any], tuple[PriorAct, ...]]:
        """The first values the sections give, and the acts they put on the record, in the
        order written (the story's, then each mod's)."""
        first_day = header.day if header is not None else 1
        city = header.city if header is not None else ""
        declared = header.variables if header is not None else {}
        given: dict[str, Node] = {}
        values: dict[str, Any] = {}
        acts: list[PriorAct] = []
        for node in self.gathered.before_nodes:
            fields = self.mapping(node, "the before section")
            if fields is None:
                continue
            self.keys(node, BEFORE_KEYS, "the before section")
            if "set" in fields:
                body = fields["set"]
                for name, value in self.variables(body, BEFORE_SET, False):
                    key = body.keys[name]
                    if name in declared:
                        self.error(key, f"'{name}' starts at {declared[name]!r} in the story section already; a "
                                        "variable's first value is given once")
                    elif name in given:
                        self.error(key, f"'{name}' is given its first value twice (also at {at(given[name])})")
                    else:
                        given[name] = key
                        values[name] = value
            if "record" in fields:
                listed = fields["record"]
                if not isinstance(listed.value, list):
                    self.error(listed, "'record' is a list of acts, each written '- {behaviour: …, source: …, "
                                       "day: -30}'")
                    continue
                for item in listed.value:
                    act = self.act(item, first_day, city)
                    if act is not None:
                        acts.append(act)
        return values, tuple(acts)

    def act(self, node: Node, first_day: int, city: str) -> PriorAct | None:
        fields = self.mapping(node, "an act before play")
        if fields is None:
            return None
        self.keys(node, PRIOR_RECORD_KEYS, "an act before play")
        if not self.has_needed(node, fields, PRIOR_RECORD.needs, "an act before play"):
            return None
        behaviour = self.text(fields["behaviour"], "behaviour")
        source = self.text(fields.get("source"), "source") if "source" in fields else None
        subject = self.text(fields.get("subject"), "subject") if "subject" in fields else PLAYER
        if behaviour is None or subject is None:
            return None
        if subject != PLAYER and not self.valid_id(fields["subject"], subject):
            return None
        day = first_day - 1
        if "day" in fields:
            written = self.number(fields["day"], "day")
            if written is None:
                return None
            if written >= first_day:
                self.error(fields["day"], f"an act before play happens before the story's first day, day "
                                          f"{first_day}: give a day of {first_day - 1} or less (day {written} is "
                                          "in play; record it in a passage)")
                return None
            day = written
        if "city" in fields:
            written_city = self.text(fields["city"], "city")
            if written_city is None:
                return None
            self.gathered.cities_used.append((written_city, fields["city"]))
            city = written_city
        # Checked with every other record once the behaviours, sources and subjects are known.
        self.gathered.records.append((Record(behaviour, source, subject), fields["behaviour"],
                                      fields.get("source", node), fields.get("subject", node)))
        return PriorAct(behaviour, source, day, city, subject)

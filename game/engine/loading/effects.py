"""The effects a passage or a choice has: records for the ledger, variables set, added to
and rolled, and the day and city moved on."""

from __future__ import annotations

from ..located import Node
from ..story import PLAYER, AddVariables, Effect, Record, Roll, SetCity, SetDay, SetVariables
from .format import RECORD
from .values import Values


class Effects(Values):
    """Builds the effects of a 'do' list, each through its entry in ``EFFECT_BUILDERS``."""

    def effects(self, node: Node) -> tuple[Effect, ...]:
        if not isinstance(node.value, list):
            self.error(node, "'do' must be a list of effects, each starting with '- '")
            return ()
        out: list[Effect] = []
        for item in node.value:
            if not isinstance(item.value, dict) or len(item.value) != 1:
                self.error(item, f"each effect is one of {', '.join(EFFECT_BUILDERS)}, written as '- record: …'")
                continue
            (name, body), = item.value.items()
            key = item.keys[name]
            build = EFFECT_BUILDERS.get(name)
            if build is None:
                self.error(key, f"unknown effect '{name}'{self.closest(name, EFFECT_BUILDERS)}")
                continue
            effect = build(self, body, key)
            if effect is not None:
                out.append(effect)
        return tuple(out)

    def effect_record(self, body: Node, key: Node) -> Effect | None:
        if isinstance(body.value, str):
            record = Record(body.value, None)
            self.gathered.records.append((record, body, body, body))
            return record
        fields = self.mapping(body, "record")
        if fields is None:
            return None
        self.keys(body, RECORD_KEYS, "record")
        if "behaviour" not in fields:
            self.error(body, "record needs 'behaviour'")
            return None
        behaviour = self.text(fields["behaviour"], "behaviour")
        source = self.text(fields.get("source"), "source") if "source" in fields else None
        subject = self.text(fields.get("subject"), "subject") if "subject" in fields else PLAYER
        if behaviour is None or subject is None:
            return None
        if subject != PLAYER:
            self.valid_id(fields["subject"], subject)
        record = Record(behaviour, source, subject)
        self.gathered.records.append((record, fields["behaviour"], fields.get("source", body),
                                      fields.get("subject", body)))
        return record

    def effect_set(self, body: Node, key: Node) -> Effect | None:
        return SetVariables(tuple(self.variables(body, "set", False)))

    def effect_add(self, body: Node, key: Node) -> Effect | None:
        return AddVariables(tuple(self.variables(body, "add", True)))

    def effect_roll(self, body: Node, key: Node) -> Effect | None:
        name = self.text(body, "roll")
        if name is None or not self.valid_id(body, name):
            return None
        self.note_variable(name, "number", body)
        self.note_write(name, body, "roll")
        return Roll(name)

    def effect_day(self, body: Node, key: Node) -> Effect | None:
        day = self.number(body, "day", minimum=1)
        if day is None:
            return None
        self.note_write("day", body, "set", day)
        return SetDay(day)

    def effect_city(self, body: Node, key: Node) -> Effect | None:
        city = self.text(body, "city")
        if city is None or not self.valid_id(body, city):
            return None
        self.gathered.cities_used.append((city, body))
        self.note_write("city", body, "set", city)
        return SetCity(city)


RECORD_KEYS = RECORD.allowed

#: Each effect a story may write, and the method that builds it from its YAML, in the order
#: the format's documentation lists them.
EFFECT_BUILDERS = {
    "record": Effects.effect_record,
    "set": Effects.effect_set,
    "add": Effects.effect_add,
    "roll": Effects.effect_roll,
    "day": Effects.effect_day,
    "city": Effects.effect_city,
}

#: The effects a story may write.
EFFECTS = tuple(EFFECT_BUILDERS)

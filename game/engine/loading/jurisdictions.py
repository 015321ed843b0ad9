"""Jurisdictions and the court blacklist: each city's rules as the story defines them, then
what other files (a mod's, mostly) add to them, and the one blacklist every city shares."""

from __future__ import annotations

from dataclasses import replace

from ..located import Node
from ..story import Blacklist, Jurisdiction
from .format import ADDITION, BLACKLIST, JURISDICTION
from .gathered import at
from .rules import Rules
from .values import ONE_LINE

JURISDICTION_KEYS = JURISDICTION.allowed
JURISDICTION_NEEDS = JURISDICTION.needs
#: All a file may give when it adds to a jurisdiction defined elsewhere.
ADDITION_KEYS = ADDITION.allowed
BLACKLIST_KEYS = BLACKLIST.allowed


#: What only a jurisdiction's definition gives: a section with none of them adds to one.
DEFINED_ONLY = tuple(k for k in JURISDICTION.needs if k not in ADDITION.keys)


def adds_to_existing(node: Node) -> bool:
    """A jurisdiction section without cities, start or grades adds to one defined elsewhere."""
    return isinstance(node.value, dict) and not any(k in node.value for k in DEFINED_ONLY)


class Jurisdictions(Rules):
    """Builds every jurisdiction, then applies the additions, whatever order the files came in."""

    def all(self) -> dict[str, Jurisdiction]:
        jurisdictions: dict[str, Jurisdiction] = {}
        defined_at: dict[str, Node] = {}
        nodes = self.gathered.jurisdiction_nodes
        additions = [n for n in nodes if adds_to_existing(n)]
        for node in nodes:
            if node in additions:
                continue
            jurisdiction = self.jurisdiction(node)
            if jurisdiction is None:
                continue
            if jurisdiction.id in jurisdictions:
                self.error(node, f"jurisdiction '{jurisdiction.id}' is defined twice (also at "
                                 f"{at(defined_at[jurisdiction.id])}); to add rules to it, give only "
                                 f"{', '.join(ADDITION_KEYS)}")
                continue
            jurisdictions[jurisdiction.id] = jurisdiction
            defined_at[jurisdiction.id] = node
        # Additions come after every definition, whatever the order of the files, so a mod's
        # rules land in the city however its folder sorts.
        for node in additions:
            self.add_to_jurisdiction(node, jurisdictions, defined_at)
        return jurisdictions

    def jurisdiction(self, node: Node) -> Jurisdiction | None:
        fields = self.mapping(node, "a jurisdiction")
        if fields is None:
            return None
        self.keys(node, JURISDICTION_KEYS, "a jurisdiction")
        for needed in JURISDICTION_NEEDS:
            if needed not in fields:
                self.error(node, f"a jurisdiction needs '{needed}' (to add rules to a jurisdiction defined "
                                 "elsewhere, give only 'id', 'rules' and 'perks')")
        if any(needed not in fields for needed in JURISDICTION_NEEDS):
            return None
        jid = self.text(fields["id"], "id")
        if jid is None or not self.valid_id(fields["id"], jid):
            return None
        cities = self.id_list(fields["cities"], "cities")
        for city, place in cities:
            if len(city) > ONE_LINE["a city"]:
                self.error(place, f"a city is {len(city):,} characters; at most {ONE_LINE['a city']} fit on the "
                                  "line the window shows it on")
        start = self.number(fields["start"], "start")
        rules = self.rules(fields["rules"], adding=False)
        grades = self.grades(fields["grades"])
        perks = self.perks(fields["perks"]) if "perks" in fields else {}
        if start is None or grades is None:
            return None
        self.gathered.rule_origins.setdefault(jid, {b: (key, False) for b, (_, key, _) in rules.items()})
        name = self.text(fields.get("name"), "name") or jid.title()
        return Jurisdiction(jid, name, frozenset(c for c, _ in cities), start,
                            {b: rule for b, (rule, _, _) in rules.items()}, grades, perks,
                            self.text(fields.get("document"), "document"))

    def add_to_jurisdiction(self, node: Node, jurisdictions: dict[str, Jurisdiction],
                            defined_at: dict[str, Node]) -> None:
        """Rules and perks a file adds to a jurisdiction defined elsewhere (a mod's, mostly).

        A rule the jurisdiction already has is changed only with ``override: true``; two
        additions that set the same rule are a conflict, reported with both places.
        """
        fields = node.value
        jid = self.text(fields.get("id"), "id") if "id" in fields else None
        if jid is None:
            self.error(node, "a jurisdiction needs 'id': the one to add rules to, or a new one's")
            return
        if jid not in jurisdictions:
            if jid not in defined_at:
                self.error(fields["id"], f"adds rules to jurisdiction '{jid}', which is not defined"
                                         f"{self.closest(jid, list(jurisdictions))}; a new jurisdiction also "
                                         "needs 'cities', 'start' and 'grades'")
            return
        base = jurisdictions[jid]
        first = defined_at[jid]
        for name in fields:
            if name not in ADDITION_KEYS:
                self.error(node.keys[name], f"'{name}' of jurisdiction '{jid}' is set where it is defined "
                                            f"({at(first)}); adding to it, a file may give only "
                                            f"{', '.join(ADDITION_KEYS)}")
        rules = dict(base.rules)
        origins = self.gathered.rule_origins.setdefault(jid, {})
        added = self.rules(fields["rules"], adding=True) if "rules" in fields else {}
        for behaviour, (rule, key, override) in added.items():
            before = rules.get(behaviour)
            if behaviour in origins:
                earlier, by_addition = origins[behaviour]
                if by_addition:
                    self.error(key, f"conflicting rules for '{behaviour}' in {base.name}: another file sets it "
                                    f"too, at {at(earlier)}; only one may")
                    continue
                if not override:
                    self.error(key, f"{base.name} already has a rule for '{behaviour}' (at {at(earlier)}); "
                                    "write 'override: true' in this rule to change it")
                    continue
                if before is not None and before.cap is not None and rule.cap is None \
                        and not self.lifts_cap(fields["rules"], behaviour):
                    # A cap is how the city treats the gravest acts (a court order defied); an
                    # override that only meant to move the points must not quietly lift it.
                    self.error(key, f"{base.name}'s rule for '{behaviour}' caps the grade at {before.cap} (at "
                                    f"{at(earlier)}); this override would drop the cap: keep 'cap: {before.cap}', "
                                    "or write 'cap: none' to lift it")
                    continue
            elif override:
                self.warn(key, f"'override: true', but {base.name} has no rule for '{behaviour}' to change; "
                               "this adds one")
            if self.is_the_storys(first, key, behaviour):
                self.gathered.rule_changes.append((jid, behaviour, before, rule, key))
            rules[behaviour] = rule
            origins[behaviour] = (key, True)
        perks = dict(base.perks)
        for grade, items in (self.perks(fields["perks"]) if "perks" in fields else {}).items():
            perks[grade] = perks.get(grade, ()) + items
        jurisdictions[jid] = replace(base, rules=rules, perks=perks)

    def is_the_storys(self, defined: Node, rule_key: Node, behaviour: str) -> bool:
        """Whether a rule a mod writes changes the story's own rules: it is set in a city the
        story defines, for an act the story defines (a mod's rules for its own acts, or in its
        own cities, are the mod's to write)."""
        gathered = self.gathered
        act = gathered.behaviour_nodes.get(behaviour)
        return (gathered.in_mod(rule_key) is not None and gathered.in_mod(defined) is None
                and act is not None and gathered.in_mod(act[0]) is None)

    def blacklist(self) -> Blacklist | None:
        node = self.gathered.blacklist_node
        if node is None:
            return None
        fields = self.mapping(node, "the blacklist")
        if fields is None:
            return None
        self.keys(node, BLACKLIST_KEYS, "the blacklist")
        lists = {}
        known = {"sources": self.gathered.source_nodes, "list_on": self.gathered.behaviour_nodes,
                 "lift_on": self.gathered.behaviour_nodes}
        for part in BLACKLIST.needs:
            kind = known[part]
            if part not in fields:
                self.error(node, f"the blacklist needs '{part}'")
                lists[part] = frozenset()
                continue
            ids = self.id_list(fields[part], part)
            for name, item in ids:
                if name not in kind:
                    what = "source" if part == "sources" else "behaviour"
                    self.error(item, f"unknown {what} '{name}'{self.closest(name, kind)}")
            lists[part] = frozenset(n for n, _ in ids)
        bars = self.text_list(fields["bars"], "bars") if "bars" in fields else []
        name = self.text(fields.get("name"), "name") or "The court blacklist"
        return Blacklist(name, lists["sources"], lists["list_on"], lists["lift_on"], tuple(bars))

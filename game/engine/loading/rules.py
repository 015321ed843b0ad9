"""A jurisdiction's rules, grades and perks: the points each behaviour is worth, who must
feed it to the city for it to count, and what each grade opens or bars."""

from __future__ import annotations

from ..conditions import GRADES
from ..located import Node
from ..story import Rule
from .format import NO_CAP, RULE
from .values import Values

RULE_KEYS = RULE.allowed


class Rules(Values):
    """Reads a jurisdiction's 'rules', 'grades' and 'perks'."""

    @staticmethod
    def lifts_cap(rules_node: Node, behaviour: str) -> bool:
        """Whether the rule for ``behaviour`` says in so many words that it has no cap."""
        body = rules_node.value.get(behaviour)
        cap = body.value.get("cap") if body is not None and isinstance(body.value, dict) else None
        return cap is not None and cap.value == NO_CAP

    def rules(self, node: Node, adding: bool) -> dict[str, tuple[Rule, Node, bool]]:
        """A jurisdiction's rules by behaviour, each with the node of its key (for later messages)
        and whether it says 'override: true'."""
        behaviours, sources_known = self.gathered.behaviour_nodes, self.gathered.source_nodes
        rules: dict[str, tuple[Rule, Node, bool]] = {}
        for behaviour, rule_node in (self.mapping(node, "rules") or {}).items():
            rule_key = node.keys[behaviour]
            if behaviour not in behaviours:
                self.error(rule_key, f"unknown behaviour '{behaviour}'{self.closest(behaviour, behaviours)}")
                continue
            body = self.mapping(rule_node, f"the rule for '{behaviour}'")
            if body is None:
                continue
            if not adding and "override" in body:
                self.error(rule_node.keys["override"], "'override' belongs to a rule added to a jurisdiction "
                                                       "defined elsewhere; here, write the rule as it should be")
            self.keys(rule_node, RULE_KEYS, f"the rule for '{behaviour}'")
            points = self.number(body["points"], "points") if "points" in body else None
            if "points" not in body:
                self.error(rule_node, f"the rule for '{behaviour}' needs 'points'")
            sources = self.id_list(body["sources"], "sources") if "sources" in body else []
            if "sources" not in body:
                self.error(rule_node, f"the rule for '{behaviour}' needs 'sources': who feeds it to the city")
            for source, source_node in sources:
                if source not in sources_known:
                    self.error(source_node, f"unknown source '{source}'{self.closest(source, sources_known)}")
            cap = self.text(body.get("cap"), "cap")
            if cap == NO_CAP:
                cap = None      # lifts the cap of a rule this one overrides
            elif cap is not None and cap not in GRADES:
                self.error(body["cap"], f"'{cap}' is not a grade; grades are {', '.join(GRADES)} (or '{NO_CAP}', "
                                        "to lift the cap of a rule this one overrides)")
                cap = None
            override = body.get("override")
            if override is not None and not isinstance(override.value, bool):
                self.error(override, "'override' must be true or false")
            if points is not None:
                rules[behaviour] = (Rule(behaviour, points, frozenset(s for s, _ in sources), cap), rule_key,
                                    adding and override is not None and override.value is True)
        return rules

    def perks(self, node: Node) -> dict[str, tuple[str, ...]]:
        perks: dict[str, tuple[str, ...]] = {}
        for grade, perk_node in (self.mapping(node, "perks") or {}).items():
            if grade not in GRADES:
                self.error(node.keys[grade], f"'{grade}' is not a grade{self.closest(grade, GRADES)}")
                continue
            perks[grade] = tuple(self.text_list(perk_node, "perks"))
        return perks

    def grades(self, node: Node) -> tuple[tuple[str, int], ...] | None:
        fields = self.mapping(node, "grades")
        if fields is None:
            return None
        names = list(fields)
        if names != list(GRADES):
            self.error(node, f"grades must list {', '.join(GRADES)}, best first, each with its lowest score")
            return None
        thresholds = [self.number(fields[g], f"the threshold of {g}") for g in GRADES]
        if any(t is None for t in thresholds):
            return None
        for (g, t), (lower_g, lower_t) in zip(zip(GRADES, thresholds), zip(GRADES[1:], thresholds[1:])):
            if lower_t >= t:  # type: ignore[operator]
                self.error(fields[lower_g], f"{lower_g} must start below {g}")
                return None
        return tuple(zip(GRADES, thresholds))  # type: ignore[arg-type]

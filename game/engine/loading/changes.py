"""What each mod declares it changes of the story, held to what it does.

A mod that sets a rule of one of the story's cities for one of the story's acts, writes a
variable the story keeps (a first value in its ``before`` section too), the day or the city,
or puts its debrief words in place of the story's, must name it under ``changes`` in its mod
section; one that does not is refused where the change is written. Each declared change
comes back in words for ``check`` to print, and a declared name the mod never changes, or
that the story does not have, is pointed out where it is declared.
"""

from __future__ import annotations

from ..changes import BEFORE_SET, BUILT_IN, RULE_MARK, parts, rule_name, rule_words, write_words
from ..located import Node
from ..story import Behaviour, Change, Jurisdiction
from .gathered import where, word
from .jurisdictions import adds_to_existing
from .values import ID, Values

#: How an undeclared change is told to declare itself.
ASK = "add '{name}' to 'changes' in its mod section, and check and the Mods screen will tell players"


class DeclaredChanges(Values):
    """Reads each mod's ``changes`` and, once the story is built, checks them."""

    def take(self, node: Node) -> None:
        """The names under a mod section's ``changes``: one, or a list."""
        folder = self.gathered.in_mod(node)
        if folder is None:
            return      # a mod section outside a mod is reported where it is written
        items = node.value if isinstance(node.value, list) else [node]
        declared = self.gathered.declared.setdefault(folder, [])
        for item in items:
            name = word(item)
            if not isinstance(name, str) or not all(ID.match(part) for part in name.split(RULE_MARK, 1)):
                self.error(item, f"'{name}' is not something a mod changes: name a rule as city{RULE_MARK}act "
                                 f"(rongcheng{RULE_MARK}ran_red_light), or a variable of the story's, day, city "
                                 "or debrief")
                continue
            declared.append((name, item))

    def check(self, variables: dict, jurisdictions: dict[str, Jurisdiction],
              behaviours: dict[str, Behaviour]) -> tuple[Change, ...]:
        """Refuse every change a mod makes to the story without declaring it, point out the
        names declared in vain, and say each declared change in words. ``variables`` are the
        first values the story itself gives (its section's and its own ``before``'s)."""
        gathered = self.gathered
        cities = self.storys_cities()
        kept = gathered.story_variables | set(variables)
        declared = {folder: {name for name, _ in names} for folder, names in gathered.declared.items()}
        used: set[tuple[str, str]] = set()
        changes: list[Change] = []
        for jid, behaviour, before, after, key in gathered.rule_changes:
            folder, name = gathered.in_mod(key) or "", rule_name(jid, behaviour)
            city = jurisdictions[jid].name if jid in jurisdictions else jid
            label = behaviours[behaviour].label if behaviour in behaviours else behaviour
            words = rule_words(city, label, before, after)
            if name not in declared.get(folder, ()):
                self.error(key, f"{words}, a rule of the story's own: a mod may do that only when it says so; "
                                f"{ASK.format(name=name)}")
                continue
            used.add((folder, name))
            changes.append(Change(folder, where(key), words))
        for name, node, how, value in gathered.mod_writes:
            if name not in kept and name not in BUILT_IN:
                continue    # the mod's own variable
            if how == BEFORE_SET and name in variables:
                continue    # a second first value: refused where it is written, declared or not
            folder = gathered.in_mod(node) or ""
            words = write_words(name, how, value, variables.get(name))
            if name not in declared.get(folder, ()):
                self.error(node, f"{words}: a mod may change what the story keeps only when it says so; "
                                 f"{ASK.format(name=name)}")
                continue
            used.add((folder, name))
            changes.append(Change(folder, where(node), words))
        for folder, names in gathered.declared.items():
            for name, node in names:
                if (folder, name) not in used:
                    self.unused(name, node, cities, kept, behaviours)
        return tuple(sorted(changes, key=lambda c: (c.where.path, c.where.line, c.where.col)))

    def unused(self, name: str, node: Node, cities: set[str], kept: set[str],
               behaviours: dict[str, Behaviour]) -> None:
        """A declared name the mod does not change: a mistake when the story has no such thing,
        a doubt when it has (players would be told of a change that is not there)."""
        city, act = parts(name)
        if city is not None and city not in cities:
            self.error(node, f"'{city}' is not a city the story defines{self.closest(city, cities)}; "
                             "a mod's own cities' rules need no declaring")
        elif city is not None and act not in behaviours:
            self.error(node, f"unknown behaviour '{act}'{self.closest(act, behaviours)}")
        elif city is None and act not in kept and act not in BUILT_IN:
            self.error(node, f"'{act}' is not a variable of the story's{self.closest(act, kept | set(BUILT_IN))}; "
                             "a mod's own variables need no declaring")
        else:
            self.warn(node, f"declares that it changes '{name}', but nothing in the mod does; leave it out, "
                            "or players are told of a change that is not there")

    def storys_cities(self) -> set[str]:
        """The jurisdictions the story itself defines (not a mod)."""
        gathered = self.gathered
        return {word(node.value["id"]) for node in gathered.jurisdiction_nodes
                if isinstance(node.value, dict) and "id" in node.value and not adds_to_existing(node)
                and gathered.in_mod(node) is None}

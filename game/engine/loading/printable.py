"""Which variables a text may print: the ``printable`` lists of a story and its mods, and
every ``{name}`` written in a text checked against them.

A story prints only what it says it means to show — a sum of money, a name — and never the
hidden record: the score, the grade and the blacklist are refused whatever a list says,
because the score is never shown during play."""

from __future__ import annotations

from ..inline_text import refused_name
from ..located import Node
from .values import Values


class Printable(Values):
    """Reads the ``printable`` lists and checks each printed name, once every file is read."""

    def check(self) -> frozenset[str]:
        """The variables declared printable; every problem with a list or a printed name is
        reported where it is written."""
        gathered = self.gathered
        kinds = gathered.variables_set
        declared: dict[str, Node] = {}
        for node in gathered.printable_nodes:
            for name, item in self.id_list(node, "printable"):
                refusal = refused_name(name)
                if refusal is not None:
                    self.error(item, refusal)
                elif name not in kinds:
                    self.error(item, f"'{name}' is never set by the story{self.closest(name, kinds)}: only a "
                                     "variable the story gives a value can be printable")
                elif kinds[name] == "bool":
                    self.error(item, f"'{name}' is a flag; true and false are for conditions, not for reading "
                                     f"(write {{when {name}: …}} to say something when it holds)")
                else:
                    declared.setdefault(name, item)
        for name, node in gathered.printed:
            refusal = refused_name(name)
            if refusal is not None:
                self.error(node, refusal)
            elif name not in declared:
                listed = f" (printable: {', '.join(sorted(declared))})" if declared else ""
                self.error(node, f"'{name}' is not declared printable{self.closest(name, declared)}: list it "
                                 f"under a 'printable:' section to show its value in text{listed}")
        return frozenset(declared)

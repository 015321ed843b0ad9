"""The import graph of the game's own modules, read from their source: every ``import`` and
``from … import`` anywhere in a module (function-local ones included, since a cycle hidden
inside a function is still a cycle; only ``if TYPE_CHECKING:`` imports, which never run, are
left out), and the groups of modules that import one another."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from helpers import source_tree


def modules(root: Path, package: str = "game") -> dict[str, Path]:
    found = {}
    for path in (root / package).rglob("*.py"):
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _type_checking_only(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def _run_time(tree: ast.AST):
    """Every node of a module that can run: all of it but ``if TYPE_CHECKING:`` blocks, whose
    imports only name types for a checker and never execute."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        todo.extend(child for child in ast.iter_child_nodes(node) if not _type_checking_only(child))


def imports(root: Path, package: str = "game") -> dict[str, set[str]]:
    """Each module and the game modules it imports. ``from pkg import name`` is an edge to the
    submodule ``pkg.name`` when there is one, else to ``pkg`` itself."""
    known = modules(root, package)
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in known.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _run_time(source_tree(path)):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = here.split(".")[: len(here.split(".")) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                subs = [f"{module}.{alias.name}" for alias in node.names if f"{module}.{alias.name}" in known]
                targets = subs + ([module] if len(subs) < len(node.names) else [])
            else:
                continue
            graph[name].update(t for t in targets if t in known and t != name)
        graph.setdefault(name, set())
    return dict(graph)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of two or more modules that reach one another (Tarjan's algorithm, kept
    iterative so a deep graph cannot exhaust the stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
    return found

"""The branch map: passages as nodes, choices as edges, grouped by file, endings marked and
what mods add in their own colour — as Graphviz DOT, as Mermaid, or as one HTML page that
works offline (pan, zoom, search, and click a passage to read it).
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..engine import Story
from ..engine.discovery import shown_path
from ..engine.story import Branch, Passage

from .map_formats import FORMATS

COLUMN, ROW = 250, 64          # where the HTML map puts passages: one column per step from the start
NODE_WIDTH, NODE_HEIGHT = 200, 40
BAND_GAP = 40                  # between the bands of two files


@dataclass(frozen=True)
class Edge:
    start: str
    end: str
    label: str
    from_mod: bool
    conditional: bool


def edges(story: Story, mod_files: set[str]) -> list[Edge]:
    """One edge per way a choice or a goto can go, labelled with the choice's text."""
    out = []
    for pid, passage in story.passages.items():
        ways: list[tuple[str, tuple[Branch, ...], str | None, bool]] = [
            (c.text, c.goto, c.where.path if c.where else None, c.when is not None) for c in passage.choices]
        if passage.goto:
            ways.append((passage.continue_text, passage.goto, passage.where.path, False))
        for text, goto, path, conditional in ways:
            for branch in goto:
                if branch.to in story.passages:
                    out.append(Edge(pid, branch.to, text, path in mod_files,
                                    conditional or branch.when is not None))
    return out


def mod_files_of(story: Story, mods: Iterable[Path]) -> set[str]:
    """The story's files that come from a mod folder, as the passages' places name them."""
    folders = [Path(m).resolve() for m in mods]
    return {shown_path(Path(f)) for f in story.files
            if any(folder == Path(f).resolve() or folder in Path(f).resolve().parents for folder in folders)}


def _files(story: Story) -> list[str]:
    seen: dict[str, None] = {}
    for passage in story.passages.values():
        seen.setdefault(passage.where.path, None)
    return list(seen)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- DOT ------------------------------------------------------------------------------------

def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def to_dot(story: Story, mod_files: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    lines = [f"digraph {_dot_text(story.title)} {{", "  rankdir=LR;",
             '  node [shape=box, style="rounded,filled", fillcolor="#f4f1ea", fontname="Helvetica"];',
             '  edge [fontname="Helvetica", fontsize=9];']
    for n, path in enumerate(_files(story)):
        lines.append(f"  subgraph cluster_{n} {{")
        lines.append(f"    label={_dot_text(path)};")
        if path in mod_files:
            lines.append('    color="#c05a00";')
        for pid, passage in story.passages.items():
            if passage.where.path != path:
                continue
            attrs = [f"label={_dot_text(pid)}", f"tooltip={_dot_text(_short(passage.text, 120))}"]
            if passage.ending is not None:
                attrs += ["shape=doubleoctagon", 'fillcolor="#e8d9c0"']
            if path in mod_files:
                attrs.append('color="#c05a00"')
            if pid in (story.start, story.short_start):
                attrs.append("penwidth=2")
            lines.append(f"    {_dot_text(pid)} [{', '.join(attrs)}];")
        lines.append("  }")
    for edge in edges(story, mod_files):
        attrs = [f"label={_dot_text(_short(edge.label, 30))}"]
        if edge.from_mod:
            attrs.append('color="#c05a00"')
        if edge.conditional:
            attrs.append("style=dashed")
        lines.append(f"  {_dot_text(edge.start)} -> {_dot_text(edge.end)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- Mermaid ----------------------------------------------------------------------------------

def _mermaid_text(text: str) -> str:
    # Mermaid reads a quoted label up to the next quote; its own entity codes stand in for
    # the characters that would end the label or the line.
    return '"' + text.replace('"', "#quot;").replace("\n", " ").replace("<", "#lt;").replace(">", "#gt;") + '"'


def to_mermaid(story: Story, mod_files: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    # Node names get a prefix: a passage may be called 'end', which Mermaid keeps for itself.
    lines = ["flowchart LR"]
    for n, path in enumerate(_files(story)):
        lines.append(f"  subgraph file{n}[{_mermaid_text(path)}]")
        for pid, passage in story.passages.items():
            if passage.where.path != path:
                continue
            shape = ("(((", ")))") if passage.ending is not None else ("(", ")")
            lines.append(f"    p_{pid}{shape[0]}{_mermaid_text(pid)}{shape[1]}")
        lines.append("  end")
    mod_edges = []
    for n, edge in enumerate(edges(story, mod_files)):
        arrow = "-.->" if edge.conditional else "-->"
        lines.append(f"  p_{edge.start} {arrow}|{_mermaid_text(_short(edge.label, 30))}| p_{edge.end}")
        if edge.from_mod:
            mod_edges.append(str(n))
    lines.append("  classDef ending fill:#e8d9c0,stroke:#6b5b3e")
    lines.append("  classDef mod stroke:#c05a00,stroke-width:2px")
    endings = [pid for pid, p in story.passages.items() if p.ending is not None]
    if endings:
        lines.append(f"  class {','.join('p_' + e for e in endings)} ending")
    modded = [pid for pid, p in story.passages.items() if p.where.path in mod_files]
    if modded:
        lines.append(f"  class {','.join('p_' + m for m in modded)} mod")
    if mod_edges:
        lines.append(f"  linkStyle {','.join(mod_edges)} stroke:#c05a00")
    return "\n".join(lines) + "\n"


# -- HTML -------------------------------------------------------------------------------------

def layout(story: Story) -> dict[str, tuple[int, int]]:
    """Where each passage goes on the HTML map: each file is a band of rows of its own, read
    like a line of text, and within it a passage's column is how many steps it lies from the
    start (the shortest way), counted from the file's first passage."""
    depth: dict[str, int] = {}
    queue = deque((s, 0) for s in (story.start, story.short_start) if s in story.passages)
    while queue:
        pid, d = queue.popleft()
        if pid in depth:
            continue
        depth[pid] = d
        passage = story.passages[pid]
        for to in passage.ways_on():
            if to in story.passages and to not in depth:
                queue.append((to, d + 1))
    last = max(depth.values(), default=-1)
    for pid in story.passages:  # the unreachable stand after everything else
        if pid not in depth:
            last += 1
            depth[pid] = last
    places: dict[str, tuple[int, int]] = {}
    top = 0
    for path in _files(story):
        rows: dict[int, int] = {}
        inside = [pid for pid, passage in story.passages.items() if passage.where.path == path]
        first = min((depth[pid] for pid in inside), default=0)
        for pid in inside:
            column = depth[pid] - first
            row = rows.get(column, 0)
            rows[column] = row + 1
            places[pid] = (column * COLUMN, top + row * ROW)
        top += max(rows.values(), default=0) * ROW + BAND_GAP
    return places


def _passage_data(passage: Passage, place: tuple[int, int], mod_files: set[str]) -> dict:
    choices = [{"text": c.text, "when": c.when.source if c.when else None,
                "to": [{"to": b.to, "when": b.when.source if b.when else None} for b in c.goto]}
               for c in passage.choices]
    if passage.goto:
        choices.append({"text": passage.continue_text, "when": None,
                        "to": [{"to": b.to, "when": b.when.source if b.when else None} for b in passage.goto]})
    return {
        "id": passage.id, "x": place[0], "y": place[1], "file": passage.where.path, "line": passage.where.line,
        "title": passage.title, "speaker": passage.speaker, "style": passage.style, "text": passage.text,
        "variants": [{"when": v.when.source if v.when else None, "text": v.text, "replace": v.replace}
                     for v in passage.variants],
        "choices": choices,
        "ending": passage.ending.title if passage.ending else None,
        "mod": passage.where.path in mod_files,
    }


def _script_safe(data: object) -> str:
    """JSON that cannot end the script element it sits in, whatever the story's text says."""
    return (json.dumps(data, ensure_ascii=False).replace("&", "\\u0026").replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def to_html(story: Story, mod_files: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    places = layout(story)
    data = {
        "title": story.title, "start": story.start, "short_start": story.short_start,
        "node": {"width": NODE_WIDTH, "height": NODE_HEIGHT},
        "files": [{"path": p, "mod": p in mod_files} for p in _files(story)],
        "passages": [_passage_data(p, places[pid], mod_files) for pid, p in story.passages.items()],
        "edges": [{"from": e.start, "to": e.end, "mod": e.from_mod, "conditional": e.conditional}
                  for e in edges(story, mod_files)],
    }
    page = (Path(__file__).with_name("map_page.html")).read_text(encoding="utf-8")
    return page.replace("/*STORY-DATA*/null", _script_safe(data))


def render(story: Story, fmt: str, mod_files: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    if fmt == "dot":
        return to_dot(story, mod_files)
    if fmt == "mermaid":
        return to_mermaid(story, mod_files)
    if fmt == "html":
        return to_html(story, mod_files)
    raise ValueError(f"unknown map format {fmt!r}; expected one of {', '.join(FORMATS)}")

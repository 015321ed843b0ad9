"""The branch map: every passage a node, every way on an edge, the page whole and inert."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from game.engine import load_story
from game.engine.discovery import shown_path
from game.tools.map import edges, layout, mod_files_of, to_dot, to_html, to_mermaid
from helpers import ROOT

PASSAGES = """
passages:
  start:
    text: "A fork. <script>alert('x')</script> & </script>"
    choices:
      - {text: Left., goto: end}
      - text: Right.
        when: day > 1
        goto: start
  end: {text: Bye., ending: {title: The End}}
"""

MOD = """
mod: {name: A detour}
extend:
  start:
    choices:
      - {text: The back road., goto: detour}
passages:
  detour: {text: A long way round., goto: end}
"""


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.sources: list[str] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href"):
            if attrs.get(name):
                self.sources.append(attrs[name])
        if tag == "script":
            self._open = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def test_dot_has_a_cluster_per_file_an_ending_shape_and_dashed_conditional_edges(story_dir):
    story = load_story(story_dir(PASSAGES))
    dot = to_dot(story)
    assert dot.count("subgraph cluster_") == 1 and "passages.yaml" in dot
    assert re.search(r'"end" \[label="end".*shape=doubleoctagon', dot)
    assert re.search(r'"start" -> "start" \[label="Right\.", style=dashed\]', dot)
    assert '"start" -> "end" [label="Left."]' in dot


def test_mermaid_names_nodes_so_a_passage_called_end_cannot_close_a_subgraph(story_dir):
    story = load_story(story_dir(PASSAGES))
    text = to_mermaid(story)
    assert "p_end(((" in text and "\n    end(" not in text
    assert "p_start -.->|" in text and "class p_end ending" in text
    assert "<script>" not in text


def test_what_a_mod_adds_is_marked_as_the_mods(story_dir, tmp_path):
    root = story_dir(PASSAGES)
    mod = tmp_path / "detour"
    mod.mkdir()
    (mod / "mod.yaml").write_text(MOD, encoding="utf-8")
    story = load_story(root, [mod])
    files = mod_files_of(story, [mod])
    assert files == {shown_path(Path(f)) for f in story.files if "detour" in f}
    modded = {(e.start, e.end) for e in edges(story, files) if e.from_mod}
    assert modded == {("start", "detour"), ("detour", "end")}
    assert 'color="#c05a00"' in to_dot(story, files)


def test_the_html_page_needs_nothing_from_the_network_and_keeps_story_text_inert(story_dir):
    story = load_story(story_dir(PASSAGES))
    page = to_html(story)
    parser = _Scripts()
    parser.feed(page)
    assert parser.sources == []                      # no external script, style or font
    assert "<link" not in page and "@import" not in page
    data_scripts = [text for attrs, text in parser.scripts if attrs.get("type") == "application/json"]
    assert len(data_scripts) == 1 and len(parser.scripts) == 2  # the data, and our own code
    assert "<script>alert" not in page and "</script> &" not in page
    data = json.loads(data_scripts[0])
    start = next(p for p in data["passages"] if p["id"] == "start")
    assert start["text"] == "A fork. <script>alert('x')</script> & </script>"
    assert {(e["from"], e["to"]) for e in data["edges"]} == {("start", "end"), ("start", "start")}
    assert next(p for p in data["passages"] if p["id"] == "end")["ending"] == "The End"


def test_the_layout_gives_every_passage_its_own_place():
    story = load_story(ROOT / "story", [ROOT / "mods" / "aunt_lans_village"])
    places = layout(story)
    assert set(places) == set(story.passages)
    assert len(set(places.values())) == len(places)

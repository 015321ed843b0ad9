"""A file's top-level sections, sorted into what is gathered: each passage, behaviour,
source, subject and thread by its id, and the story, mod, jurisdiction, blacklist and debrief
sections whole, for the later phases to build."""

from __future__ import annotations

from ..located import Node
from .changes import DeclaredChanges
from .debrief_words import DebriefSection
from .gathered import Gathered
from .format import FILE, MOD
from .passages import Passages
from .values import Values

SECTIONS = FILE.allowed
MOD_KEYS = MOD.allowed
#: Sections only the story may have: its promises to mods.
STORY_ONLY = ("hooks", "aliases", "hook_changes")
#: Sections that map ids to what each is.
NAMED_SECTIONS = tuple(name for name, kind in FILE.keys.items() if kind.startswith("named:") and name != "extend")


class Sections(Values):
    """Reads one file's sections; the story's own questions are built by ``passages``."""

    def __init__(self, gathered: Gathered, passages: Passages) -> None:
        super().__init__(gathered)
        self.passages = passages
        self.debrief = DebriefSection(gathered)
        self.changes = DeclaredChanges(gathered)

    def read_file(self, root: Node, is_mod: bool) -> None:
        gathered = self.gathered
        top = self.mapping(root, "a story file")
        if top is None:
            return
        for name, node in top.items():
            key = root.keys[name]
            if name not in SECTIONS:
                self.error(key, f"unknown section '{name}'{self.closest(name, SECTIONS)}; "
                                f"sections are {', '.join(SECTIONS)}")
            elif name == "story":
                if is_mod:
                    self.error(key, "a mod cannot have a 'story' section; describe it under 'mod'")
                elif gathered.story_node is not None:
                    self.error(key, f"a second 'story' section (the first is at {gathered.story_node.path}:"
                                    f"{gathered.story_node.line})")
                else:
                    gathered.story_node = node
            elif name == "mod":
                self.mod(key, node, is_mod)
            elif name in STORY_ONLY and is_mod:
                self.error(key, f"a mod cannot have a '{name}' section: the story says where mods may join it")
            elif name == "hook_changes":
                if isinstance(node.value, list):
                    gathered.hook_change_nodes.extend(node.value)
                else:
                    self.error(node, "hook_changes is a list of releases, each with 'version' and 'changes'")
            elif name in NAMED_SECTIONS:
                into = {"passages": gathered.passage_nodes, "behaviours": gathered.behaviour_nodes,
                        "sources": gathered.source_nodes, "subjects": gathered.subject_nodes,
                        "threads": gathered.thread_nodes, "hooks": gathered.hook_nodes,
                        "aliases": gathered.alias_nodes}[name]
                self.collect(node, name, into)
            elif name == "extend":
                entries = self.mapping(node, "extend")
                for passage_id, body in (entries or {}).items():
                    gathered.extend_nodes.append((node.keys[passage_id], body))
            elif name == "jurisdiction":
                gathered.jurisdiction_nodes.append(node)
            elif name == "blacklist":
                if gathered.blacklist_node is not None:
                    self.error(key, f"a second 'blacklist' section (the first is at {gathered.blacklist_node.path}:"
                                    f"{gathered.blacklist_node.line})")
                else:
                    gathered.blacklist_node = node
            elif name == "questions":
                gathered.story_questions.extend(self.passages.questions(node))
            elif name == "debrief":
                self.debrief.take(key, node, is_mod)
            elif name == "printable":
                gathered.printable_nodes.append(node)
            elif name == "before":
                gathered.before_nodes.append(node)

    def mod(self, key: Node, node: Node, is_mod: bool) -> None:
        if not is_mod:
            self.error(key, "'mod' sections belong in a mod's folder under mods/")
        elif self.mapping(node, "the mod section") is not None:
            self.keys(node, MOD_KEYS, "the mod section")
            if "name" not in node.value:
                self.error(node, "the mod section needs 'name': what players see when they turn it on")
            for name in node.value:
                if name == "changes":
                    self.changes.take(node.value[name])
                    continue
                if name == "game":
                    folder = self.gathered.origins.get(node.path, ("", True))[0]
                    self.gathered.mod_games.append((folder, node.value[name]))
                    continue
                self.text(node.value[name], f"the mod's '{name}'")

    def collect(self, node: Node, section: str, into: dict[str, tuple[Node, Node]]) -> None:
        entries = self.mapping(node, section)
        for name, body in (entries or {}).items():
            key = node.keys[name]
            if not self.valid_id(key, name):
                continue
            if name in into:
                first = into[name][0]
                self.error(key, f"'{name}' is defined twice (also at {first.path}:{first.line}:{first.col})")
                continue
            into[name] = (key, body)
            if into is self.gathered.passage_nodes:
                self.gathered.unbuilt.append(name)

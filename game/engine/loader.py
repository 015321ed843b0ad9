"""Loading a story folder (and its mods) into a checked, immutable Story.

The loader never lets an exception reach a writer: every mistake becomes a Problem with the
file, line and column to look at, and all of them are reported together.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

from . import conditions
from .discovery import (
    MAX_FILES, MAX_FOLDER_BYTES, MAX_FOLDER_NODES, MAX_TOTAL_BYTES, MAX_TOTAL_NODES, collector_paused,
    shown_path, story_files,
)
from .conditions import BUILTINS, GRADES, QUESTIONS, Condition, ConditionError
from .fingerprint import Fingerprint
from .located import Allowance, Node, parse_yaml, read_bounded
from .problems import Problem, StoryError, Suggestions
from .styles import KEEP_LINES, STYLES
from .story import (
    PLAYER, AddVariables, Behaviour, Blacklist, Branch, Choice, Effect, Ending,
    Jurisdiction, Passage, Question, Record, Roll, Rule, SetCity, SetDay, SetVariables, Source, Story, Subject, Thread, Variant,
    Where, reached,
)

ID = re.compile(r"^[a-z][a-z0-9_]*$")
SECTIONS = ("story", "mod", "passages", "extend", "behaviours", "sources", "subjects", "jurisdiction", "blacklist",
            "questions", "threads")
THREAD_KEYS = ("about", "opens", "closes")
PASSAGE_KEYS = ("text", "style", "speaker", "title", "day", "city", "variants", "do", "choices", "goto",
                "continue", "ending")
STORY_KEYS = ("title", "start", "short_start", "home", "day", "city", "variables")
MOD_KEYS = ("name", "description", "author", "version")
JURISDICTION_KEYS = ("id", "name", "cities", "start", "document", "rules", "grades", "perks")
ADDITION_KEYS = ("id", "rules", "perks")

#: The longest each text shown on one line (or in a heading of a few) may be, in characters:
#: a speaker's name, a place, a title.  The window cuts anything longer with an ellipsis, so
#: past these a writer's words would be lost on screen; check says so where they are written.
ONE_LINE = {"speaker": 60, "title": 120, "an ending's title": 120, "the story's title": 80, "name": 80,
            "label": 120, "the mod's 'name'": 80, "a city": 60}
#: Values read above which the built story is put out of the cycle collector's way.
SETTLE_ABOVE = 200_000


def load_story(root: Path, mods: Sequence[Path] = ()) -> Story:
    """Load and check a story folder and its mods.

    Returns the Story (its ``warnings`` hold doubts that do not stop play). Raises StoryError
    listing every problem when there is any error.
    """
    story, problems = check_story(root, mods)
    if story is None or any(p.is_error for p in problems):
        raise StoryError(problems)
    return story


def check_story(root: Path, mods: Sequence[Path] = ()) -> tuple[Story | None, list[Problem]]:
    """Load a story and return it (None if it has errors) with every problem found.

    When the game keeps compiled stories (see ``compiled.keep_in``), a story whose files have
    not changed since it last loaded is read from there instead."""
    from . import compiled

    folder = compiled.kept_in()
    if folder is not None:
        return compiled.check_cached(Path(root), [Path(m) for m in mods], folder, _check_files)
    return _check_files(root, mods)


def _check_files(root: Path, mods: Sequence[Path] = (),
                 fingerprint: Fingerprint | None = None) -> tuple[Story | None, list[Problem]]:
    """Read and check the files; ``fingerprint`` is fed every byte that is parsed, so a story
    kept under it is the story of exactly those bytes."""
    builder = _Builder(fingerprint or Fingerprint(""))
    with collector_paused():
        builder.read_folder(Path(root), is_mod=False)
        for mod in mods:
            builder.read_folder(Path(mod), is_mod=True)
        story = builder.finish()
        _settle(builder)
    problems = sorted(set(builder.problems))
    if any(p.is_error for p in problems):
        return None, problems
    return story, problems


def _settle(builder: "_Builder") -> None:
    """After a large story is built, move what is alive into the collector's permanent
    generation: the story lives as long as the game, and the collector's first full pass over
    it alone cost half a second at 10,000 passages (and again now and then during play). A
    small story is left alone; its pass costs nothing worth saving."""
    if MAX_TOTAL_NODES - builder.nodes_left >= SETTLE_ABOVE:
        gc.freeze()  # before the collector is back on: its first allocation would start that pass


def normalise_prose(text: str, style: str) -> str:
    """Paragraphs split on blank lines; lines inside one joined unless the style keeps them."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    joined = []
    for paragraph in paragraphs:
        lines = [line.rstrip() for line in paragraph.strip("\n").splitlines()]
        if style in KEEP_LINES:
            joined.append("\n".join(lines))
        else:
            joined.append(" ".join(line.strip() for line in lines if line.strip()))
    return "\n\n".join(p for p in joined if p)


@dataclass(frozen=True)
class Header:
    """The story section: the title, where each route starts, the home jurisdiction, the first
    day and city, and the first values of the story's variables."""
    title: str
    start: str
    home: str
    day: int
    city: str
    variables: dict[str, Any]
    short_start: str | None = None


class _Builder:
    def __init__(self, fingerprint: Fingerprint) -> None:
        self.fingerprint = fingerprint
        self.problems: list[Problem] = []
        self.closest = Suggestions()
        self.origins: dict[str, tuple[str, bool]] = {}  # each file's folder, and whether it is a mod
        self.variable_owners: dict[str, tuple[str, bool, Node]] = {}
        # Each 'goto: {after: passage}' stands in its goto until the passages are known.
        self.afters: dict[int, tuple[Branch, Node]] = {}
        # Questions asked whatever the life, by who asks them ('' for the story's own), so the
        # same one asked twice in a debrief can be pointed out.
        self.question_places: list[tuple[str, Question, Where]] = []
        self.files: list[str] = []
        self.story_node: Node | None = None
        self.passage_nodes: dict[str, tuple[Node, Node]] = {}
        self.unbuilt: list[str] = []  # passages of the file being read, built once it is read
        self.built: dict[str, Passage] = {}
        self.extend_nodes: list[tuple[Node, Node]] = []
        self.behaviour_nodes: dict[str, tuple[Node, Node]] = {}
        self.source_nodes: dict[str, tuple[Node, Node]] = {}
        self.subject_nodes: dict[str, tuple[Node, Node]] = {}
        self.jurisdiction_nodes: list[Node] = []
        self.blacklist_node: Node | None = None
        self.story_questions: list[Question] = []
        self.thread_nodes: dict[str, tuple[Node, Node]] = {}
        # Gathered while building, checked once everything is known.
        self.conditions: list[tuple[Condition, Node]] = []
        self.parsed: dict[str, Condition] = {}
        self.gotos: list[tuple[str, Node, str]] = []
        self.records: list[tuple[Record, Node, Node, Node]] = []  # the nodes of behaviour, source, subject
        self.cities_used: list[tuple[str, Node]] = []
        self.variables_set: dict[str, str] = {}
        self.variable_nodes: dict[str, Node] = {}
        # Where each jurisdiction's rules were written, and whether an addition wrote them.
        self.rule_origins: dict[str, dict[str, tuple[Node, bool]]] = {}
        # What the story and the mods read so far have left of the total budget.
        self.bytes_left = MAX_TOTAL_BYTES
        self.nodes_left = MAX_TOTAL_NODES

    # -- reporting -----------------------------------------------------------------------

    def error(self, node: Node, message: str, offset: int = 0) -> None:
        if not node.broken:  # the reader has said what is wrong with it, once
            self.problems.append(node.problem(message, offset=offset))

    def warn(self, node: Node, message: str) -> None:
        if not node.broken:
            self.problems.append(node.problem(message, "warning"))

    # -- reading files -------------------------------------------------------------------

    def read_folder(self, root: Path, is_mod: bool) -> None:
        files, problems = story_files(root)
        self.fingerprint.folder(shown_path(root), is_mod)
        for problem in problems:
            self.fingerprint.problem(problem)
        self.problems.extend(problems)
        described = False
        what = f"the mod {shown_path(root)}" if is_mod else "the story"
        split = ("split it into two mods" if is_mod else
                 "move some of its chapters into a mod, which players turn on beside it")
        if len(files) > MAX_FILES[is_mod]:
            self.problems.append(Problem(shown_path(files[MAX_FILES[is_mod]]), 1, 1,
                                         f"{what} has {len(files):,} files; the limit is {MAX_FILES[is_mod]:,}, "
                                         f"so this one and those after it are not read: join small files, or {split}"))
            files = files[:MAX_FILES[is_mod]]
        folder_bytes = 0
        allowance = self.allowance(what, split, is_mod)
        for path in files:
            shown = shown_path(path)
            try:
                size = path.stat().st_size
            except OSError:
                size = 0  # the reader says why it cannot be read
            folder_bytes += size
            if folder_bytes > MAX_FOLDER_BYTES[is_mod] or size > self.bytes_left:
                limit = (f"{what}'s files come to more than {MAX_FOLDER_BYTES[is_mod] // 2**20} MB, its limit"
                         if folder_bytes > MAX_FOLDER_BYTES[is_mod] else
                         f"the story and its mods together come to more than {MAX_TOTAL_BYTES // 2**20} MB, "
                         "the limit for all of them")
                fix = split if folder_bytes > MAX_FOLDER_BYTES[is_mod] else "turn some mods off"
                self.problems.append(Problem(shown, 1, 1, f"{limit}; this file and those after it are not "
                                                          f"read: {fix}"))
                described = True  # its 'mod:' may be in a file left unread; the limit is the news
                break
            self.bytes_left -= size
            self.files.append(shown)
            self.origins[shown] = (shown_path(root), is_mod)
            before = allowance.nodes
            raw, refusal = read_bounded(path, shown)
            self.fingerprint.file(shown, raw, str(refusal or ""))
            node, problems = (None, [refusal] if refusal else []) if raw is None else parse_yaml(raw, shown, allowance)
            self.nodes_left -= before - allowance.nodes
            self.problems.extend(problems)
            if allowance.nodes < 0:
                described = True
                break
            if node is not None:
                self.read_file(node, is_mod)
                described = described or (isinstance(node.value, dict) and "mod" in node.value)
                self.build_passages()
        if is_mod and files and not described:
            self.problems.append(Problem(shown_path(files[0]), 1, 1, "no file of this mod has a 'mod:' section; "
                                         "give it one with its name, so players can tell what they turn on",
                                         "warning"))

    def build_passages(self) -> None:
        """Build the passages the file just read defines, and let go of its values: a large
        story's values all held at once cost twice the memory of the story built from them."""
        for pid in self.unbuilt:
            key, node = self.passage_nodes[pid]
            passage = self.passage(pid, key, node)
            if passage is not None:
                self.built[pid] = passage
            self.passage_nodes[pid] = (key, _BUILT)
        self.unbuilt.clear()

    def allowance(self, what: str, split: str, is_mod: bool) -> Allowance:
        """The values a folder's files may hold: its own limit, or what the total has left."""
        if MAX_FOLDER_NODES[is_mod] <= self.nodes_left:
            return Allowance(MAX_FOLDER_NODES[is_mod],
                             f"{what} holds more than {MAX_FOLDER_NODES[is_mod]:,} values (keys, texts, numbers, "
                             f"lists), its limit; reading stopped here: {split}")
        return Allowance(self.nodes_left, f"the story and its mods together hold more than {MAX_TOTAL_NODES:,} "
                                          "values (keys, texts, numbers, lists), the limit for all of them; "
                                          "reading stopped here: turn some mods off")

    def read_file(self, root: Node, is_mod: bool) -> None:
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
                elif self.story_node is not None:
                    self.error(key, f"a second 'story' section (the first is at {self.story_node.path}:"
                                    f"{self.story_node.line})")
                else:
                    self.story_node = node
            elif name == "mod":
                if not is_mod:
                    self.error(key, "'mod' sections belong in a mod's folder under mods/")
                elif self.mapping(node, "the mod section") is not None:
                    self.keys(node, MOD_KEYS, "the mod section")
                    if "name" not in node.value:
                        self.error(node, "the mod section needs 'name': what players see when they turn it on")
                    for name in node.value:
                        self.text(node.value[name], f"the mod's '{name}'")
            elif name in ("passages", "behaviours", "sources", "subjects", "threads"):
                into = {"passages": self.passage_nodes, "behaviours": self.behaviour_nodes,
                        "sources": self.source_nodes, "subjects": self.subject_nodes,
                        "threads": self.thread_nodes}[name]
                self.collect(node, name, into)
            elif name == "extend":
                entries = self.mapping(node, "extend")
                for passage_id, body in (entries or {}).items():
                    self.extend_nodes.append((node.keys[passage_id], body))
            elif name == "jurisdiction":
                self.jurisdiction_nodes.append(node)
            elif name == "blacklist":
                if self.blacklist_node is not None:
                    self.error(key, f"a second 'blacklist' section (the first is at {self.blacklist_node.path}:"
                                    f"{self.blacklist_node.line})")
                else:
                    self.blacklist_node = node
            elif name == "questions":
                self.story_questions.extend(self.questions(node))

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
            if into is self.passage_nodes:
                self.unbuilt.append(name)

    # -- small validators ----------------------------------------------------------------

    def valid_id(self, node: Node, name: Any) -> bool:
        if not isinstance(name, str) or not ID.match(name):
            self.error(node, f"'{name}' is not a valid id: use lower-case letters, digits and underscores, "
                             "starting with a letter")
            return False
        return True

    def mapping(self, node: Node, what: str) -> dict[str, Node] | None:
        if not isinstance(node.value, dict):
            self.error(node, f"{what} must be a mapping of 'key: value' lines")
            return None
        return node.value

    def keys(self, node: Node, allowed: Sequence[str], what: str) -> None:
        for name in node.value:
            if name not in allowed:
                self.error(node.keys[name], f"unknown key '{name}' in {what}{self.closest(name, allowed)}")

    def text(self, node: Node | None, what: str) -> str | None:
        if node is None or node.value is None:
            return None
        if isinstance(node.value, (dict, list)):
            self.error(node, f"{what} must be text")
            return None
        if isinstance(node.value, bool):
            # YAML 1.1 reads yes/no/on/off as truth values; the writer meant the word.
            self.error(node, f"{what} '{node.written}' is read by YAML as {str(node.value).lower()}; "
                             f"write it in quotes (\"{node.written}\") if you mean the word")
        text = node.written if node.written is not None and not node.quoted else str(node.value)
        longest = ONE_LINE.get(what)
        if longest is not None and len(text) > longest:
            self.error(node, f"{what} is {len(text):,} characters; at most {longest} fit on the line the window "
                             "shows it on")
        return text

    def number(self, node: Node, what: str, minimum: int | None = None) -> int | None:
        value = node.value
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(node, f"{what} must be a whole number")
            return None
        if abs(value) > 10**9:
            self.error(node, f"{what} is too large")
            return None
        if minimum is not None and value < minimum:
            self.error(node, f"{what} must be at least {minimum}")
            return None
        return value

    def text_list(self, node: Node, what: str) -> list[str]:
        if isinstance(node.value, str):
            return [node.value]
        if not isinstance(node.value, list):
            self.error(node, f"{what} must be a list of texts")
            return []
        out = []
        for item in node.value:
            value = self.text(item, f"each of {what}")
            if value is not None:
                out.append(value.strip())
        return out

    def id_list(self, node: Node, what: str) -> list[tuple[str, Node]]:
        items = node.value if isinstance(node.value, list) else [node] if node.written is not None else None
        if items is None:
            self.error(node, f"{what} must be a list of ids")
            return []
        out = []
        for item in items:
            name = _word(item)
            if self.valid_id(item, name):
                out.append((name, item))
        return out

    def condition(self, node: Node) -> Condition | None:
        # A condition is read in its own language from the text as written, not as YAML would
        # read it: 'when: yes' asks for a variable named yes, it is not the truth value.
        source = node.value if isinstance(node.value, str) or node.written is None else node.written
        if not isinstance(source, str):
            self.error(node, "a condition must be text, such as: savings >= 500 and not mother_ill")
            return None
        # The same condition is written in many places ("grade >= 'AA'"); a parsed one is
        # immutable, so each text is parsed once.
        parsed = self.parsed.get(source)
        try:
            if parsed is None:
                parsed = self.parsed[source] = conditions.parse(source)
        except ConditionError as exc:
            offset = exc.offset + (1 if node.quoted else 0) if "\n" not in source else 0
            self.error(node, f"in condition: {exc}", offset)
            return None
        self.conditions.append((parsed, node))
        return parsed

    # -- story pieces --------------------------------------------------------------------

    def goto(self, node: Node) -> tuple[Branch, ...]:
        if isinstance(node.value, dict) and "after" in node.value:
            # Where another passage's own goto leads, decided when the whole story is known.
            self.keys(node, ("after",), "a goto")
            target = _word(node.value["after"])
            if not isinstance(target, str):
                self.error(node.value["after"], "'after' names a passage")
                return ()
            self.gotos.append((target, node.value["after"], "goto after"))
            placeholder = Branch(target, None, _where(node))
            self.afters[id(placeholder)] = (placeholder, node.value["after"])
            return (placeholder,)
        if node.written is not None and node.value is not None:
            self.gotos.append((_word(node), node, "goto"))
            return (Branch(_word(node), None, _where(node)),)
        if not isinstance(node.value, list) or not node.value:
            self.error(node, "goto must be a passage id, a list of branches with 'when' and 'to', "
                             "or 'after: passage_id'")
            return ()
        branches: list[Branch] = []
        for index, item in enumerate(node.value):
            body = self.mapping(item, "a goto branch")
            if body is None:
                continue
            self.keys(item, ("when", "to"), "a goto branch")
            if "to" not in body:
                self.error(item, "a goto branch needs 'to: passage_id'")
                continue
            target = self.text(body["to"], "'to'")
            when = self.condition(body["when"]) if "when" in body else None
            last = index == len(node.value) - 1
            if last and "when" in body:
                self.error(body["when"], "the last branch of a goto must have no 'when': it is taken otherwise")
            if not last and "when" not in body:
                self.error(item, "only the last branch of a goto may leave out 'when'")
            if target is not None:
                self.gotos.append((target, body["to"], "goto"))
                branches.append(Branch(target, when, _where(item)))
        return tuple(branches)

    def effects(self, node: Node) -> tuple[Effect, ...]:
        if not isinstance(node.value, list):
            self.error(node, "'do' must be a list of effects, each starting with '- '")
            return ()
        out: list[Effect] = []
        for item in node.value:
            if not isinstance(item.value, dict) or len(item.value) != 1:
                self.error(item, f"each effect is one of {', '.join(self.EFFECT_BUILDERS)}, written as '- record: …'")
                continue
            (name, body), = item.value.items()
            key = item.keys[name]
            build = self.EFFECT_BUILDERS.get(name)
            if build is None:
                self.error(key, f"unknown effect '{name}'{self.closest(name, self.EFFECT_BUILDERS)}")
                continue
            effect = build(self, body, key)
            if effect is not None:
                out.append(effect)
        return tuple(out)

    def effect_record(self, body: Node, key: Node) -> Effect | None:
        if isinstance(body.value, str):
            record = Record(body.value, None)
            self.records.append((record, body, body, body))
            return record
        fields = self.mapping(body, "record")
        if fields is None:
            return None
        self.keys(body, ("behaviour", "source", "subject"), "record")
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
        self.records.append((record, fields["behaviour"], fields.get("source", body), fields.get("subject", body)))
        return record

    def variables(self, body: Node, what: str, numbers_only: bool) -> list[tuple[str, Any]]:
        fields = self.mapping(body, what)
        out: list[tuple[str, Any]] = []
        for name, value_node in (fields or {}).items():
            key = body.keys[name]
            if not self.valid_id(key, name):
                continue
            if name in BUILTINS or name in QUESTIONS:
                self.error(key, f"'{name}' is built in and cannot be set")
                continue
            value = value_node.value
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if numbers_only and not number:
                self.error(value_node, f"'add' needs a number for '{name}'")
                continue
            if not isinstance(value, (str, int, float, bool)):
                self.error(value_node, f"'{name}' must be set to a number, text, true or false")
                continue
            self.note_variable(name, _kind(value), key)
            out.append((name, value))
        return out

    def note_variable(self, name: str, kind: str, node: Node) -> None:
        known = self.variables_set.get(name)
        if known is not None and known != kind:
            self.error(node, f"'{name}' holds {known} elsewhere; here it is given {kind}")
            return
        self.variables_set[name] = kind
        self.variable_nodes.setdefault(name, node)
        folder, is_mod = self.origins.get(node.path, ("", False))
        owner = self.variable_owners.setdefault(name, (folder, is_mod, node))
        if is_mod and owner[1] and owner[0] != folder:
            self.warn(node, f"'{name}' belongs to the mod in {owner[0]} (set at {_at(owner[2])}); setting it "
                            "from this mod changes that mod's story. Prefix your own variables")

    def effect_set(self, body: Node, key: Node) -> Effect | None:
        return SetVariables(tuple(self.variables(body, "set", False)))

    def effect_add(self, body: Node, key: Node) -> Effect | None:
        return AddVariables(tuple(self.variables(body, "add", True)))

    def effect_roll(self, body: Node, key: Node) -> Effect | None:
        name = self.text(body, "roll")
        if name is None or not self.valid_id(body, name):
            return None
        self.note_variable(name, "number", body)
        return Roll(name)

    def effect_day(self, body: Node, key: Node) -> Effect | None:
        day = self.number(body, "day", minimum=1)
        return SetDay(day) if day is not None else None

    def effect_city(self, body: Node, key: Node) -> Effect | None:
        city = self.text(body, "city")
        if city is None or not self.valid_id(body, city):
            return None
        self.cities_used.append((city, body))
        return SetCity(city)


    #: Each effect a story may write, and the method that builds it from its YAML.
    EFFECT_BUILDERS = {
        "record": effect_record,
        "set": effect_set,
        "add": effect_add,
        "roll": effect_roll,
        "day": effect_day,
        "city": effect_city,
    }

    def choice(self, node: Node) -> Choice | None:
        body = self.mapping(node, "a choice")
        if body is None:
            return None
        self.keys(node, ("text", "when", "do", "goto"), "a choice")
        text = self.text(body.get("text"), "a choice's text")
        if not text:
            self.error(node, "a choice needs 'text'")
        if "goto" not in body:
            self.error(node, "a choice needs 'goto'")
            return None
        goto = self.goto(body["goto"])
        when = self.condition(body["when"]) if "when" in body else None
        effects = self.effects(body["do"]) if "do" in body else ()
        if not text or not goto:
            return None
        return Choice(" ".join(text.split()), goto, when, effects, _where(node))

    def choices(self, node: Node) -> tuple[Choice, ...]:
        if not isinstance(node.value, list):
            self.error(node, "'choices' must be a list, each choice starting with '- text:'")
            return ()
        return tuple(c for c in (self.choice(item) for item in node.value) if c is not None)

    def passage(self, passage_id: str, key: Node, node: Node) -> Passage | None:
        body = self.mapping(node, f"passage '{passage_id}'")
        if body is None:
            return None
        self.keys(node, PASSAGE_KEYS, f"passage '{passage_id}'")
        style = self.text(body.get("style"), "style") or "narration"
        if style not in STYLES:
            self.error(body["style"], f"unknown style '{style}'{self.closest(style, STYLES)}; styles are {', '.join(STYLES)}")
            style = "narration"
        text = self.text(body.get("text"), "text")
        if text is None or not text.strip():
            self.error(key, f"passage '{passage_id}' needs 'text'")
            text = ""
        variants = self.variants(body["variants"], style, "the passage's text") if "variants" in body else ()
        ending = None
        if "ending" in body:
            ending = self.ending(body["ending"])
        choices = self.choices(body["choices"]) if "choices" in body else ()
        goto = self.goto(body["goto"]) if "goto" in body else ()
        if "ending" in body and ("choices" in body or "goto" in body):
            self.error(key, f"passage '{passage_id}' is an ending and cannot also have choices or a goto")
        elif "ending" not in body and "choices" in body and "goto" in body:
            self.error(key, f"passage '{passage_id}' has both choices and a goto; give it one or the other")
        elif "ending" not in body and not choices and "goto" not in body:
            self.error(key, f"passage '{passage_id}' has no way out: give it choices or a goto, "
                            "or make it an ending")
        day = self.number(body["day"], "day", minimum=1) if "day" in body else None
        city = None
        if "city" in body:
            city = self.text(body["city"], "city")
            if city is not None:
                self.cities_used.append((city, body["city"]))
        continue_text = self.text(body.get("continue"), "continue") or "Continue"
        return Passage(
            id=passage_id, text=normalise_prose(text, style), where=_where(key), style=style,
            speaker=self.text(body.get("speaker"), "speaker"), title=self.text(body.get("title"), "title"),
            day=day, city=city, variants=variants,
            effects=self.effects(body["do"]) if "do" in body else (), choices=choices, goto=goto,
            continue_text=continue_text, ending=ending,
        )

    def variants(self, node: Node, style: str, always: str) -> tuple[Variant, ...]:
        """Text chosen by the hidden state; ``always`` names where unconditional text belongs."""
        items = node.value
        if not isinstance(items, list):
            self.error(node, "'variants' must be a list, each with 'when' and 'text'")
            return ()
        out: list[Variant] = []
        for item in items:
            fields = self.mapping(item, "a variant")
            if fields is None:
                continue
            self.keys(item, ("when", "text", "replace"), "a variant")
            variant_text = self.text(fields.get("text"), "a variant's text")
            if not variant_text:
                self.error(item, "a variant needs 'text'")
                continue
            if "when" not in fields:
                self.error(item, f"a variant needs 'when' (text shown always belongs in {always})")
                continue
            replace_ = fields.get("replace")
            if replace_ is not None and not isinstance(replace_.value, bool):
                self.error(replace_, "'replace' must be true or false")
            out.append(Variant(normalise_prose(variant_text, style), self.condition(fields["when"]),
                               bool(replace_ and replace_.value is True)))
        return tuple(out)

    def thread(self, name: str, key: Node, body: Node) -> Thread | None:
        """A thread: what it is about, the condition that opens it and the one that closes it."""
        fields = self.mapping(body, f"thread '{name}'")
        if fields is None:
            return None
        self.keys(body, THREAD_KEYS, f"thread '{name}'")
        missing = [k for k in THREAD_KEYS if k not in fields]
        if missing:
            self.error(body, f"thread '{name}' needs " + " and ".join(f"'{k}'" for k in missing))
            return None
        about = self.text(fields["about"], f"thread '{name}': about")
        opens, closes = self.condition(fields["opens"]), self.condition(fields["closes"])
        if about is None or opens is None or closes is None:
            return None
        return Thread(name, " ".join(about.split()), opens, closes, _where(key))

    def questions(self, node: Node, asker: str = "") -> list[Question]:
        """Discussion questions: plain texts, or ``{text, when}`` asked only when ``when`` holds."""
        items = node.value if isinstance(node.value, list) else [node]
        out = []
        for item in items:
            if isinstance(item.value, dict):
                self.keys(item, ("text", "when"), "a question")
                text = self.text(item.value.get("text"), "a question's text")
                if not text or not text.strip():
                    self.error(item, "a question needs 'text'")
                    continue
                when = self.condition(item.value["when"]) if "when" in item.value else None
                out.append(Question(" ".join(text.split()), when))
                if when is None:
                    self.question_places.append((asker, out[-1], _where(item)))
                continue
            text = self.text(item, "each question")
            if text is not None and text.strip():
                out.append(Question(" ".join(text.split())))
                self.question_places.append((asker, out[-1], _where(item)))
            elif text is not None or item.value is None:
                self.error(item, "a question must be text, or 'text:' with an optional 'when:'")
        return out

    def ending(self, node: Node) -> Ending | None:
        fields = self.mapping(node, "an ending")
        if fields is None:
            return None
        self.keys(node, ("title", "debrief", "questions"), "an ending")
        title = self.text(fields.get("title"), "an ending's title")
        if not title:
            self.error(node, "an ending needs a 'title'")
            title = "The End"
        debrief, variants = "", ()
        debrief_node = fields.get("debrief")
        if debrief_node is not None and isinstance(debrief_node.value, dict):
            self.keys(debrief_node, ("text", "variants"), "an ending's debrief")
            debrief = self.text(debrief_node.value.get("text"), "the debrief's text") or ""
            if "variants" in debrief_node.value:
                variants = self.variants(debrief_node.value["variants"], "narration", "the debrief's text")
        else:
            debrief = self.text(debrief_node, "debrief") or ""
        questions = self.questions(fields["questions"], _at(node)) if "questions" in fields else []
        return Ending(title.strip(), normalise_prose(debrief, "narration"), tuple(questions), variants)

    def jurisdiction(self, node: Node) -> Jurisdiction | None:
        fields = self.mapping(node, "a jurisdiction")
        if fields is None:
            return None
        self.keys(node, JURISDICTION_KEYS, "a jurisdiction")
        for needed in ("id", "cities", "start", "rules", "grades"):
            if needed not in fields:
                self.error(node, f"a jurisdiction needs '{needed}' (to add rules to a jurisdiction defined "
                                 "elsewhere, give only 'id', 'rules' and 'perks')")
        if any(needed not in fields for needed in ("id", "cities", "start", "rules", "grades")):
            return None
        jid = self.text(fields["id"], "id")
        if jid is None or not self.valid_id(fields["id"], jid):
            return None
        cities = self.id_list(fields["cities"], "cities")
        for city, at in cities:
            if len(city) > ONE_LINE["a city"]:
                self.error(at, f"a city is {len(city):,} characters; at most {ONE_LINE['a city']} fit on the line "
                               "the window shows it on")
        start = self.number(fields["start"], "start")
        rules = self.rules(fields["rules"], adding=False)
        grades = self.grades(fields["grades"])
        perks = self.perks(fields["perks"]) if "perks" in fields else {}
        if start is None or grades is None:
            return None
        self.rule_origins.setdefault(jid, {b: (key, False) for b, (_, key, _) in rules.items()})
        name = self.text(fields.get("name"), "name") or jid.title()
        return Jurisdiction(jid, name, frozenset(c for c, _ in cities), start,
                            {b: rule for b, (rule, _, _) in rules.items()}, grades, perks,
                            self.text(fields.get("document"), "document"))

    def rules(self, node: Node, adding: bool) -> dict[str, tuple[Rule, Node, bool]]:
        """A jurisdiction's rules by behaviour, each with the node of its key (for later messages)
        and whether it says 'override: true'."""
        rules: dict[str, tuple[Rule, Node, bool]] = {}
        for behaviour, rule_node in (self.mapping(node, "rules") or {}).items():
            rule_key = node.keys[behaviour]
            if behaviour not in self.behaviour_nodes:
                self.error(rule_key, f"unknown behaviour '{behaviour}'{self.closest(behaviour, self.behaviour_nodes)}")
                continue
            body = self.mapping(rule_node, f"the rule for '{behaviour}'")
            if body is None:
                continue
            if not adding and "override" in body:
                self.error(rule_node.keys["override"], "'override' belongs to a rule added to a jurisdiction "
                                                       "defined elsewhere; here, write the rule as it should be")
            self.keys(rule_node, ("points", "sources", "cap", "override"), f"the rule for '{behaviour}'")
            points = self.number(body["points"], "points") if "points" in body else None
            if "points" not in body:
                self.error(rule_node, f"the rule for '{behaviour}' needs 'points'")
            sources = self.id_list(body["sources"], "sources") if "sources" in body else []
            if "sources" not in body:
                self.error(rule_node, f"the rule for '{behaviour}' needs 'sources': who feeds it to the city")
            for source, source_node in sources:
                if source not in self.source_nodes:
                    self.error(source_node, f"unknown source '{source}'{self.closest(source, self.source_nodes)}")
            cap = self.text(body.get("cap"), "cap")
            if cap is not None and cap not in GRADES:
                self.error(body["cap"], f"'{cap}' is not a grade; grades are {', '.join(GRADES)}")
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
                                            f"({_at(first)}); adding to it, a file may give only "
                                            f"{', '.join(ADDITION_KEYS)}")
        rules = dict(base.rules)
        origins = self.rule_origins.setdefault(jid, {})
        added = self.rules(fields["rules"], adding=True) if "rules" in fields else {}
        for behaviour, (rule, key, override) in added.items():
            if behaviour in origins:
                earlier, by_addition = origins[behaviour]
                if by_addition:
                    self.error(key, f"conflicting rules for '{behaviour}' in {base.name}: another file sets it "
                                    f"too, at {_at(earlier)}; only one may")
                    continue
                if not override:
                    self.error(key, f"{base.name} already has a rule for '{behaviour}' (at {_at(earlier)}); "
                                    "write 'override: true' in this rule to change it")
                    continue
            elif override:
                self.warn(key, f"'override: true', but {base.name} has no rule for '{behaviour}' to change; "
                               "this adds one")
            rules[behaviour] = rule
            origins[behaviour] = (key, True)
        perks = dict(base.perks)
        for grade, items in (self.perks(fields["perks"]) if "perks" in fields else {}).items():
            perks[grade] = perks.get(grade, ()) + items
        jurisdictions[jid] = replace(base, rules=rules, perks=perks)

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

    def blacklist(self, node: Node) -> Blacklist | None:
        fields = self.mapping(node, "the blacklist")
        if fields is None:
            return None
        self.keys(node, ("name", "sources", "list_on", "lift_on", "bars"), "the blacklist")
        lists = {}
        for part, kind in (("sources", self.source_nodes), ("list_on", self.behaviour_nodes),
                           ("lift_on", self.behaviour_nodes)):
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

    # -- putting it together -------------------------------------------------------------

    def finish(self) -> Story | None:
        behaviours = {}
        for bid, (key, node) in self.behaviour_nodes.items():
            label = self.labelled(node, bid, "behaviour")
            behaviours[bid] = Behaviour(bid, label)
        sources = {}
        for sid, (key, node) in self.source_nodes.items():
            sources[sid] = Source(sid, self.labelled(node, sid, "source"))
        subjects = {}
        for sid, (key, node) in self.subject_nodes.items():
            if sid == PLAYER:
                self.error(key, f"'{PLAYER}' is the player, rated always; it cannot be declared")
                continue
            subjects[sid] = Subject(sid, self.labelled(node, sid, "subject"))
        jurisdictions: dict[str, Jurisdiction] = {}
        defined_at: dict[str, Node] = {}
        additions = [n for n in self.jurisdiction_nodes if _adds_to_existing(n)]
        for node in self.jurisdiction_nodes:
            if node in additions:
                continue
            jurisdiction = self.jurisdiction(node)
            if jurisdiction is None:
                continue
            if jurisdiction.id in jurisdictions:
                self.error(node, f"jurisdiction '{jurisdiction.id}' is defined twice (also at "
                                 f"{_at(defined_at[jurisdiction.id])}); to add rules to it, give only "
                                 f"{', '.join(ADDITION_KEYS)}")
                continue
            jurisdictions[jurisdiction.id] = jurisdiction
            defined_at[jurisdiction.id] = node
        # Additions come after every definition, whatever the order of the files, so a mod's
        # rules land in the city however its folder sorts.
        for node in additions:
            self.add_to_jurisdiction(node, jurisdictions, defined_at)
        blacklist = self.blacklist(self.blacklist_node) if self.blacklist_node is not None else None

        passages = self.built

        header = self.header(jurisdictions)
        threads = {name: thread for name, (key, body) in self.thread_nodes.items()
                   if (thread := self.thread(name, key, body)) is not None}
        own_gotos = {pid: passage.goto for pid, passage in passages.items()}
        for key, body in self.extend_nodes:
            self.extend(key, body, passages)
        if self.afters:
            passages = self.follow_afters(passages, own_gotos)

        self.cross_check(passages, behaviours, sources, subjects, jurisdictions)
        self.same_names(jurisdictions, subjects, passages)
        if header is None:
            return None
        reachable = reached([header.start, header.short_start],
                            lambda pid: passages[pid].ways_on(), passages)
        for pid, passage in passages.items():
            if pid not in reachable:
                self.problems.append(Problem(passage.where.path, passage.where.line, passage.where.col,
                                             f"passage '{pid}' cannot be reached from the start", "warning"))
        if not any(p.ending for p in passages.values()):
            self.problems.append(Problem(self.story_node.path, self.story_node.line, self.story_node.col,  # type: ignore[union-attr]
                                         "the story has no ending", "error"))
        if any(p.is_error for p in self.problems):
            return None
        return Story(
            title=header.title, start=header.start, home=header.home, passages=passages,
            behaviours=behaviours, sources=sources, jurisdictions=jurisdictions, blacklist=blacklist,
            short_start=header.short_start, day=header.day, city=header.city,
            variables=header.variables, variable_kinds=dict(self.variables_set), subjects=subjects, questions=tuple(self.story_questions),
            threads=threads, files=tuple(self.files),
            warnings=tuple(p for p in self.problems if not p.is_error),
        )

    def labelled(self, node: Node, name: str, what: str) -> str:
        if node.written is not None:
            return self.text(node, f"the label of {what} '{name}'") or name.replace("_", " ").capitalize()
        fields = self.mapping(node, f"{what} '{name}'")
        if fields is None:
            return name
        self.keys(node, ("label",), f"{what} '{name}'")
        return self.text(fields.get("label"), "label") or name.replace("_", " ").capitalize()

    def header(self, jurisdictions: dict[str, Jurisdiction]) -> Header | None:
        node = self.story_node
        if node is None:
            where = self.files[0] if self.files else "story"
            self.problems.append(Problem(where, 1, 1, "no 'story' section: one file must say the title and where play starts"))
            return None
        fields = self.mapping(node, "the story section")
        if fields is None:
            return None
        self.keys(node, STORY_KEYS, "the story section")
        title = self.text(fields.get("title"), "the story's title") or "Untitled"
        for needed in ("start", "home"):
            if needed not in fields:
                self.error(node, f"the story section needs '{needed}'")
                return None
        start = self.text(fields["start"], "start")
        if fields["start"].value is None:
            self.error(fields["start"], "start is empty: name the passage where play starts")
        self.gotos.append((start, fields["start"], "start"))
        short_start = None
        if "short_start" in fields:
            short_start = self.text(fields["short_start"], "short_start")
            self.gotos.append((short_start, fields["short_start"], "short_start"))
        home = self.text(fields["home"], "home")
        if home not in jurisdictions:
            self.error(fields["home"], f"unknown jurisdiction '{home}'{self.closest(str(home), jurisdictions)}")
            return None
        day = self.number(fields["day"], "day", minimum=1) if "day" in fields else 1
        default_city = sorted(jurisdictions[home].cities)[0] if jurisdictions[home].cities else home
        city = self.text(fields["city"], "city") if "city" in fields else default_city
        if "city" in fields:
            self.cities_used.append((city, fields["city"]))
        variables: dict[str, Any] = {}
        if "variables" in fields:
            variables = dict(self.variables(fields["variables"], "variables", False))
        if day is None or start is None:
            return None
        return Header(title, start, home, day, city, variables, short_start)

    def extend(self, key: Node, body: Node, passages: dict[str, Passage]) -> None:
        target = key.value
        if target not in passages:
            if target not in self.passage_nodes:
                self.error(key, f"cannot extend unknown passage '{target}'{self.closest(str(target), passages)}")
            return
        fields = self.mapping(body, f"extend '{target}'")
        if fields is None:
            return
        self.keys(body, ("choices", "variants", "at"), f"extend '{target}'")
        passage = passages[target]
        at = self.text(fields.get("at"), "at") or "end"
        if at not in ("start", "end"):
            self.error(fields["at"], "'at' is start or end: where the added choices and text go")
            at = "end"
        variants = ()
        if "variants" in fields:
            variants = self.variants(fields["variants"], passage.style, "a passage of your own")
            for item in fields["variants"].value if isinstance(fields["variants"].value, list) else ():
                if isinstance(item.value, dict) and "replace" in item.value:
                    self.error(item.keys["replace"], f"text added to '{target}' cannot replace its own; "
                                                     "remove 'replace'")
            variants = tuple(replace(v, replace=False, first=at == "start") for v in variants)
        extra: tuple[Choice, ...] = ()
        if "choices" in fields and passage.ending is not None:
            self.error(fields["choices"], f"'{target}' is an ending; an ending cannot be given choices")
        elif "choices" in fields:
            extra = self.choices(fields["choices"])
        own = passage.choices
        if passage.goto and not own and extra:
            own = (Choice(passage.continue_text, passage.goto, None, (), passage.where),)
        choices = extra + own if at == "start" else own + extra
        passages[target] = replace(passage, choices=choices, goto=() if extra else passage.goto,
                                   variants=passage.variants + variants)

    def follow_afters(self, passages: dict[str, Passage],
                      own_gotos: dict[str, tuple[Branch, ...]]) -> dict[str, Passage]:
        """Put in place of each 'goto: {after: X}' the branches of X's own goto, as written
        before any mod gave X choices."""
        def expand(branches: tuple[Branch, ...], seen: tuple[str, ...]) -> tuple[Branch, ...]:
            out: list[Branch] = []
            for branch in branches:
                found = self.afters.get(id(branch))
                if found is None or found[0] is not branch:
                    out.append(branch)
                    continue
                target, node = branch.to, found[1]
                if target not in own_gotos:
                    continue  # an unknown passage, reported with every other goto
                if target in seen:
                    self.error(node, f"'after: {target}' leads back to itself through "
                                     f"{' → '.join(seen + (target,))}")
                    continue
                if not own_gotos[target]:
                    self.error(node, f"'{target}' has no goto of its own to go on to (it has choices, or "
                                     f"ends the story); to go back to it, write 'goto: {target}'")
                    continue
                out.extend(expand(own_gotos[target], seen + (target,)))
            return tuple(out)

        out: dict[str, Passage] = {}
        for pid, passage in passages.items():
            choices = tuple(replace(c, goto=expand(c.goto, ())) for c in passage.choices)
            out[pid] = replace(passage, goto=expand(passage.goto, ()), choices=choices)
        return out

    def cross_check(self, passages: dict[str, Passage], behaviours: dict, sources: dict, subjects: dict,
                    jurisdictions: dict[str, Jurisdiction]) -> None:
        for target, node, what in self.gotos:
            if target is not None and target not in passages and target not in self.passage_nodes:
                self.error(node, f"{what} names unknown passage '{target}'{self.closest(target, self.passage_nodes)}")
        for record, behaviour_node, source_node, subject_node in self.records:
            if record.behaviour not in behaviours:
                self.error(behaviour_node,
                           f"unknown behaviour '{record.behaviour}'{self.closest(record.behaviour, behaviours)}")
            if record.source is not None and record.source not in sources:
                self.error(source_node, f"unknown source '{record.source}'{self.closest(record.source, sources)}")
            if record.subject != PLAYER and record.subject not in subjects:
                self.error(subject_node, f"unknown subject '{record.subject}'{self.closest(record.subject, subjects)}; "
                                 "declare it under 'subjects'")
        cities = {c for j in jurisdictions.values() for c in j.cities}
        for city, node in self.cities_used:
            if city not in cities:
                self.error(node, f"unknown city '{city}'{self.closest(city, cities)}; cities are named in the "
                                 "jurisdictions' 'cities'")
        known_vars = dict(self.variables_set)
        names = {"passage": self.passage_nodes, "behaviour": behaviours, "jurisdiction": jurisdictions,
                 "subject": {PLAYER, *subjects}}
        for condition, node in self.conditions:
            self.check_condition(condition, node, known_vars, names)

    def check_condition(self, condition: Condition, node: Node, variables: dict[str, str],
                        names: dict[str, Any]) -> None:
        quoted = 1 if node.quoted else 0
        single = "\n" not in condition.source

        def at(offset: int) -> int:
            return offset + quoted if single else 0

        for message, offset in conditions.logic_mistakes(condition.tree, variables):
            self.error(node, f"in condition: {message}", at(offset))
        for part in conditions.walk(condition.tree):
            kind = part[0]
            if kind == "variable" and part[1] not in variables:
                hint = self.closest(part[1], list(variables) + list(BUILTINS) + ["true", "false"])
                self.error(node, f"in condition: '{part[1]}' is never set by the story{hint}", at(part[2]))
            elif kind == "ask":
                question, arg, offset = part[1], part[2], part[3]
                wanted = QUESTIONS[question][0]
                if arg not in names[wanted]:
                    self.error(node, f"in condition: {question}({arg}): unknown {wanted} '{arg}'"
                                     f"{self.closest(arg, names[wanted])}", at(offset))
            elif kind == "compare":
                op, left, right, offset = part[1], part[2], part[3], part[4]
                if op in ("==", "!=") and ("builtin", "score") in (left[:2], right[:2]):
                    self.warn(node, f"in condition: 'score {op} …' tests one exact score; a chain of them "
                                    "can spell the hidden score out to the player. Compare with < or >=")
                kinds = {conditions.kind_of(left, variables), conditions.kind_of(right, variables)}
                if "grade" in kinds:
                    for side in (left, right):
                        if side[0] == "value" and side[1] not in GRADES:
                            self.error(node, f"in condition: '{side[1]}' is not a grade; grades are "
                                             f"{', '.join(GRADES)}", at(offset))
                    continue
                kinds.discard("unknown")
                if len(kinds) > 1:
                    self.error(node, f"in condition: compares {' with '.join(sorted(kinds))}", at(offset))
                elif op in ("<", "<=", ">", ">=") and kinds and kinds != {"number"}:
                    self.error(node, f"in condition: '{op}' compares numbers (or grades), not {kinds.pop()}s",
                               at(offset))

    def same_names(self, jurisdictions: dict[str, Jurisdiction], subjects: dict[str, Subject],
                   passages: dict[str, Passage]) -> None:
        """Warn of what a player would read twice, or could not tell apart, at the debrief."""
        ledgers: dict[str, str] = {}
        for what, items in (("jurisdiction", {j: x.name for j, x in jurisdictions.items()}),
                            ("subject", {s: x.label for s, x in subjects.items()})):
            for name_id, shown in sorted(items.items()):
                key = " ".join(shown.lower().split())
                if key in ledgers:
                    where = self.subject_nodes[name_id][0] if what == "subject" else None
                    message = (f"the debrief shows {what} '{name_id}' as '{shown}', as it shows "
                               f"{ledgers[key]}; give one of them another name")
                    if where is not None:
                        self.warn(where, message)
                    else:
                        node = next(n for n in self.jurisdiction_nodes if isinstance(n.value, dict)
                                    and _word(n.value.get("id", n)) == name_id)
                        self.warn(node, message)
                    continue
                ledgers[key] = f"{what} '{name_id}'"
        # One debrief asks its ending's questions and then the story's: a question is asked
        # twice when the story, or one ending, asks it twice, or an ending asks one of the story's.
        seen: dict[tuple[str, str], Where] = {}
        for asker, question, where in sorted(self.question_places, key=lambda q: q[0] != ""):
            text = " ".join(question.text.lower().split())
            first = seen.get(("", text)) or seen.get((asker, text))
            if first is not None:
                self.problems.append(Problem(where.path, where.line, where.col,
                                             f"this question is asked already, at {first}", "warning"))
            else:
                seen[(asker, text)] = where


# Stands in for a passage's values once the passage is built from them.
#: The effects a story may write, in the order the format's documentation lists them.
EFFECTS = tuple(_Builder.EFFECT_BUILDERS)

_BUILT = Node(None, "", 0, 0)


def _word(node: Node) -> Any:
    """An id as written: 'goto: yes' names a passage called yes, whatever YAML makes of it."""
    return node.value if node.written is None or node.quoted else node.written


def _at(node: Node) -> str:
    return f"{node.path}:{node.line}:{node.col}"


def _adds_to_existing(node: Node) -> bool:
    """A jurisdiction section without cities, start or grades adds to one defined elsewhere."""
    return isinstance(node.value, dict) and not any(k in node.value for k in ("cities", "start", "grades"))


def _where(node: Node) -> Where:
    return Where(node.path, node.line, node.col)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return "string"

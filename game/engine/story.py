"""The story as the engine runs it: passages, choices, effects, and the rules of credit.

Built by the loader and never changed after: the dataclasses are frozen, and a session only
ever reads the dicts they hold.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Union

from .conditions import Condition, State, value_kind
from .inline_text import Template
from .named import Route

PLAYER = "you"


@dataclass(frozen=True)
class Where:
    """Where something was written: for messages, maps and tools."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Change:
    """Something of the story a mod changes, as its mod section declares: the mod's folder,
    where the change is written, and what it does, in words (``check`` prints them)."""

    mod: str
    where: Where
    words: str

    def __str__(self) -> str:
        return f"{self.where}: {self.words}"


@dataclass(frozen=True)
class Record:
    behaviour: str
    source: str | None
    subject: str = PLAYER


@dataclass(frozen=True)
class SetVariables:
    values: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class AddVariables:
    values: tuple[tuple[str, int | float], ...]


@dataclass(frozen=True)
class Roll:
    name: str


@dataclass(frozen=True)
class SetDay:
    day: int


@dataclass(frozen=True)
class SetCity:
    city: str


Effect = Union[Record, SetVariables, AddVariables, Roll, SetDay, SetCity]


@dataclass(frozen=True)
class Branch:
    """One way a goto can go; ``when`` is None for the branch taken otherwise."""

    to: str
    when: Condition | None = None
    where: Where | None = None


@dataclass(frozen=True)
class Choice:
    text: str
    goto: tuple[Branch, ...]
    when: Condition | None = None
    effects: tuple[Effect, ...] = ()
    where: Where | None = None


@dataclass(frozen=True)
class Variant:
    text: str
    when: Condition | None
    replace: bool = False
    #: Set on text a mod hooks in with ``at: start``: it goes before the passage's own text.
    first: bool = False
    #: Where the variant is written (None when not known): a mod's test reports on its own.
    where: Where | None = None
    #: "before" or "after" for narration told beside a passage's frame (a letter's paper, a
    #: phone): never printed on what the frame holds.  None for text of the passage itself.
    narration: str | None = None


def with_variants(text: str, variants: tuple[Variant, ...], state: State) -> str:
    """A text as the hidden state chooses it: each variant that holds is added as a paragraph,
    and one with ``replace`` wipes out the text and the variants before it. Text hooked in
    ``first`` stands before all of that, and no replace takes it away: it is another hand's."""
    return with_held(text, variants, held_variants(variants, state))


def held_variants(variants: tuple[Variant, ...], state: State) -> tuple[int, ...]:
    """Which of ``variants`` hold in ``state``, by their place in the passage: all a save
    needs to write the text again as it was read."""
    return tuple(i for i, v in enumerate(variants) if v.when is None or v.when.holds(state))


def with_held(text: str, variants: tuple[Variant, ...], held: tuple[int, ...]) -> str:
    """The text with the variants numbered in ``held`` (see :func:`with_variants`); a number
    the passage does not have is passed over."""
    return "\n\n".join(p for p in held_texts(text, variants, held) if p)


@dataclass(frozen=True)
class HeldParts:
    """A page's texts in the order read, in three parts: the narration before a passage's frame,
    what the frame holds (the passage's own text and its variants), and the narration after
    it.  A passage drawn in no frame has all of its text in ``framed``."""

    before: tuple[str, ...]
    framed: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def texts(self) -> list[str]:
        return [*self.before, *self.framed, *self.after]


def held_parts(passage: "Passage", held: tuple[int, ...]) -> HeldParts:
    """The texts of ``passage`` with the variants numbered in ``held``, parted by the frame:
    its ``narration_before`` and variants told before, its text and printed variants (as
    :func:`held_texts` has them), its ``narration_after`` and variants told after."""
    places = sorted(i for i in set(held) if 0 <= i < len(passage.variants))
    own = tuple(i for i in places if passage.variants[i].narration is None)
    sides = {side: [passage.variants[i].text for i in places if passage.variants[i].narration == side]
             for side in ("before", "after")}
    before = [passage.narration_before] if passage.narration_before else []
    after = [passage.narration_after] if passage.narration_after else []
    return HeldParts(tuple(before + sides["before"]), tuple(held_texts(passage.text, passage.variants, own)),
                     tuple(after + sides["after"]))


def held_texts(text: str, variants: tuple[Variant, ...], held: tuple[int, ...]) -> list[str]:
    """The texts a page is made of, in the order read, when the variants numbered in ``held``
    hold (see :func:`with_variants`): each is filled in (its inline text) before they are
    joined into paragraphs."""
    head: list[str] = []
    paragraphs = [text]
    for index in sorted(set(held)):
        if not 0 <= index < len(variants):
            continue
        variant = variants[index]
        if variant.first:
            head.append(variant.text)
        elif variant.replace:
            paragraphs = [variant.text]
        else:
            paragraphs.append(variant.text)
    return head + paragraphs


@dataclass(frozen=True)
class Thread:
    """Something the story opens and owes the player an end of before the debrief: a
    promise, an application, a card under the door. A life in which ``opens`` holds at its
    ending must have seen ``closes`` hold too; ``explore`` lists the lives where it did not."""

    id: str
    about: str
    opens: Condition
    closes: Condition
    where: Where

    def left_open(self, state: State) -> bool:
        return self.opens.holds(state) and not self.closes.holds(state)


@dataclass(frozen=True)
class Question:
    """A discussion question for the debrief, asked only of the lives where ``when`` holds."""

    text: str
    when: Condition | None = None

    def asked(self, state: State) -> bool:
        return self.when is None or self.when.holds(state)


@dataclass(frozen=True)
class Ending:
    title: str
    debrief: str = ""
    questions: tuple[Question, ...] = ()
    debrief_variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    where: Where
    style: str = "narration"
    speaker: str | None = None
    title: str | None = None
    day: int | None = None
    city: str | None = None
    variants: tuple[Variant, ...] = ()
    effects: tuple[Effect, ...] = ()
    choices: tuple[Choice, ...] = ()
    goto: tuple[Branch, ...] = ()
    continue_text: str = "Continue"
    ending: Ending | None = None
    #: Narration told before and after a passage's frame (the envelope, the queue behind you):
    #: what the player sees around a letter or a screen, never printed on it.
    narration_before: str = ""
    narration_after: str = ""

    def ways_on(self) -> list[str]:
        """Every passage one step on, by its own goto or a choice's, whatever the conditions say."""
        return [b.to for b in self.goto] + [b.to for c in self.choices for b in c.goto]


def reached(starts: Iterable[str | None], step: Callable[[str], Iterable[str]],
            known: Mapping[str, object]) -> set[str]:
    """The passages of ``known`` that ``step`` leads to from ``starts``, the starts included:
    forward from the story's start (``Passage.ways_on``) for what can be reached, or backward
    from the endings for what can still end."""
    seen: set[str] = set()
    queue = deque(s for s in starts if s in known)
    while queue:
        pid = queue.popleft()
        if pid in seen:
            continue
        seen.add(pid)
        queue.extend(to for to in step(pid) if to in known and to not in seen)
    return seen


@dataclass(frozen=True)
class Hook:
    """A place the story promises a mod may join it: a passage, named for what happens there
    rather than for the file it lives in, so that a release which renames or merges the
    passage moves the hook with it and the mods naming the hook go on loading."""

    name: str
    passage: str
    day: int
    by_then: str
    where: Where


@dataclass(frozen=True)
class HookChange:
    """What one release of the story changed in its hooks and aliases, in a modder's words."""

    version: str
    changes: tuple[str, ...]


def version_key(version: str) -> tuple[int, ...] | None:
    """A release's version as numbers to compare ("1.10" comes after "1.9"), or None when it
    is not numbers joined by dots."""
    parts = version.strip().split(".")
    if not all(part.isdigit() and len(part) <= 6 for part in parts):
        return None
    return tuple(int(part) for part in parts)


@dataclass(frozen=True)
class Behaviour:
    id: str
    label: str


@dataclass(frozen=True)
class Source:
    id: str
    label: str


#: What a subject can be, as its ``kind`` says: the debrief names its ledgers by these.
SUBJECT_KINDS = ("company", "person")


@dataclass(frozen=True)
class Subject:
    """Someone other than the player whom the system rates: a company, a shop, a person."""

    id: str
    label: str
    kind: str = "company"


@dataclass(frozen=True)
class PriorAct:
    """An act already on the record when play begins (a story's or a mod's ``before``): it
    happened on ``day``, before the story's first, in ``city``."""

    behaviour: str
    source: str | None
    day: int
    city: str
    subject: str = PLAYER


@dataclass(frozen=True)
class Rule:
    behaviour: str
    points: int
    sources: frozenset[str]
    cap: str | None = None


@dataclass(frozen=True)
class Jurisdiction:
    id: str
    name: str
    cities: frozenset[str]
    start: int
    rules: dict[str, Rule]
    grades: tuple[tuple[str, int], ...]  # best first
    perks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    document: str | None = None


@dataclass(frozen=True)
class Blacklist:
    name: str
    sources: frozenset[str]
    list_on: frozenset[str]
    lift_on: frozenset[str]
    bars: tuple[str, ...] = ()


#: What the debrief says when a story says nothing of its own: true of any ledger, and naming
#: no place, no season and no way the player might have learned the rules.
KEPT = "Something was keeping count all along. The ledger that follows is what it kept."
TOLD = "Every adult resident of {home} begins with {start} points."
#: The places a story's debrief wording may leave for the debrief to fill.
DEBRIEF_PLACES = ("{home}", "{start}")


@dataclass(frozen=True)
class DebriefWords:
    """The debrief's sentences that only a story can say (its ``debrief`` section): how the
    season kept count, and what a resident is told of the points — each in two wordings,
    for a player who read the rules (the variable ``rules_read`` is true at the end) and for
    one who did not.  A story that declares none gets wording true of any story, so a new
    story or a translation never inherits another's places and seasons."""

    rules_read: str | None = None
    kept_read: str = KEPT
    kept_unread: str = KEPT
    told_read: str = TOLD
    told_unread: str = TOLD
    #: What the grade did in a life, said under it: (condition, sentence), in the order written.
    notes: tuple[tuple[Condition, str], ...] = ()

    def kept(self, read: bool) -> str:
        """Said at the end of how it ended, before the ledger."""
        return self.kept_read if read else self.kept_unread

    def told(self, read: bool, home: str, start: int) -> str:
        """Opens the ledger: where every score starts, with ``{home}`` and ``{start}`` filled."""
        words = self.told_read if read else self.told_unread
        # Filled by name, never by str.format: the words are a story's, and a mod's are a stranger's.
        return words.replace("{home}", home).replace("{start}", f"{start:,}")


#: What a variable holds before anything sets it, by its kind: a flag is down, a count is
#: nothing, a name is empty.  A variable never declared reads as a flag.
DEFAULTS: dict[str, Any] = {"bool": False, "number": 0, "string": ""}


@dataclass(frozen=True)
class Story:
    """A loaded, checked story. Built only by ``load_story``."""

    title: str
    start: str
    home: str
    passages: dict[str, Passage]
    behaviours: dict[str, Behaviour]
    sources: dict[str, Source]
    jurisdictions: dict[str, Jurisdiction]
    blacklist: Blacklist | None
    short_start: str | None = None
    day: int = 1
    city: str = ""
    variables: dict[str, object] = field(default_factory=dict)
    variable_kinds: dict[str, str] = field(default_factory=dict)  # "number", "string" or "bool"
    subjects: dict[str, Subject] = field(default_factory=dict)
    questions: tuple[Question, ...] = ()
    threads: dict[str, Thread] = field(default_factory=dict)
    debrief_words: DebriefWords = DebriefWords()
    #: The texts that hold inline text (see :mod:`.inline_text`), each read once: by the text
    #: as a passage, a variant or a debrief keeps it.
    inline: dict[str, Template] = field(default_factory=dict)
    #: Acts on the record before play begins, in the order written (``before`` sections).
    prior: tuple[PriorAct, ...] = ()
    files: tuple[str, ...] = ()  # each file read, by its absolute path (shown_path shortens it)
    warnings: tuple[object, ...] = ()
    changes: tuple[Change, ...] = ()   # what the mods change of the story, as each declares
    #: Where mods may join the story, by hook name; the old ids it still answers to, each with
    #: the hook or passage it stands for now; and what each release changed in them.
    hooks: dict[str, Hook] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    hook_changes: tuple[HookChange, ...] = ()

    @property
    def has_short_route(self) -> bool:
        return self.short_start is not None

    def entry(self, route: str) -> str:
        """The first passage of a route ("full" or "short")."""
        if route == Route.SHORT:
            if self.short_start is None:
                raise ValueError("this story has no short route")
            return self.short_start
        if route != Route.FULL:
            raise ValueError(f"unknown route {route!r}; expected 'full' or 'short'")
        return self.start

    def variable_kind(self, name: str) -> str:
        """The kind of a variable: as the story's effects use it, else as its first value is,
        else a flag."""
        kind = self.variable_kinds.get(name)
        if kind is None:
            kind = value_kind(self.variables[name]) if name in self.variables else "bool"
        return kind

    def first_value(self, name: str) -> Any:
        """What a variable holds before play sets it: its declared value, else its kind's
        default."""
        if name in self.variables:
            return self.variables[name]
        return DEFAULTS.get(self.variable_kinds.get(name, "bool"), False)

    def passage_named(self, name: str) -> str:
        """The passage a name stands for: a passage's own id, a hook's, or an old id's (an
        alias, followed through the hook or later alias it names). A name that stands for
        nothing is given back as it is."""
        for _ in range(len(self.aliases) + 1):
            hook = self.hooks.get(name)
            if hook is not None:
                return hook.passage
            if name not in self.aliases:
                return name
            name = self.aliases[name]
        return name

    @property
    def release(self) -> str | None:
        """The story's latest release, as its changelog of hooks numbers it (None: it keeps none)."""
        return self.hook_changes[-1].version if self.hook_changes else None

    def city_name(self, city: str) -> str:
        for jurisdiction in self.jurisdictions.values():
            if city in jurisdiction.cities and len(jurisdiction.cities) == 1:
                return jurisdiction.name
        return city.replace("_", " ").title()

"""A playthrough: where the player is, what they have done, and what they see next.

The whole surface a front end needs is ``page``, ``choose``, ``is_over``, ``history``,
``debrief`` and the JSON state. The score never appears in a Page: it exists only as a
derivation inside conditions and in the Debrief.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from . import guesses as guessing
from . import hindsight
from . import ledger as ledgers
from . import save_fields as fields
from .chances import chance
from .conditions import Condition, Grade
from .debrief import Debrief, make_debrief
from .inline_text import Arrival, fill_texts, joined, refill_texts
from .ledger import Event
from .story import (
    PLAYER, AddVariables, Branch, Choice, Effect, Passage, Record, Roll, Route, SetCity, SetDay, SetVariables, Story,
    HeldParts, held_parts, held_variants,
)
from .passage_words import paragraphs

SAVE_FORMAT = "keeping-trust-save"
#: 3: each chance is drawn from the seed and its name (:mod:`.chances`), and a save holds how
#: many times each has been drawn instead of a generator's state ("dice").  2: the history
#: holds which passage, which variants and which choice, not the text read (written again
#: from the story on loading), and events are rows.  1 held the text.
SAVE_VERSION = 3
OLDEST_LOADABLE = 1
#: What the history shows for a passage an older build had and this one has cut.
CUT_PASSAGE = "(This passage is no longer in the story.)"
#: The largest generator state a version 1 or 2 save held; checked, then left unused.
_OLD_DICE_LIMIT = 1 << 64


class SaveError(Exception):
    """A save that cannot be resumed; the message says why in words a player understands."""


@dataclass(frozen=True)
class ChoiceView:
    number: int
    text: str


@dataclass(frozen=True)
class Page:
    """What the player sees now. Holds nothing of the score."""

    passage_id: str
    style: str
    speaker: str | None
    title: str | None
    text: str
    choices: tuple[ChoiceView, ...]
    day: int
    city: str
    city_name: str
    is_ending: bool
    ending_title: str | None
    #: How many of the text's paragraphs (see ``passage_words.paragraphs``) are narration told
    #: before and after the passage's frame, outside it: a letter shows only what is printed
    #: on it (``passage_words.framed_parts`` parts them).
    narrated_before: int = 0
    narrated_after: int = 0


@dataclass(frozen=True)
class HistoryEntry:
    """A passage as it was read, and the choice taken there (None while it is on screen).

    ``variants`` are the places of the passage's variants that held, ``choice`` the place of
    the choice taken among the passage's own (0 for the Continue of a passage without
    choices), and ``shown`` what each piece of inline text showed (see
    :mod:`.inline_text`): with them a save writes the entry again from the story.
    ``variants`` is None for an entry whose text was kept as read (from a version 1 save),
    which a save keeps whole."""

    passage_id: str
    style: str
    speaker: str | None
    title: str | None
    text: str
    chosen: str | None
    variants: tuple[int, ...] | None = None
    choice: int | None = None
    shown: tuple[str, ...] = ()


class Session:
    """One playthrough of a story. Create with ``Session.new`` or ``Session.from_json``."""

    def __init__(self, story: Story, seed: int, route: str) -> None:
        self.story = story
        self.seed = seed
        self.position = story.entry(route)     # refuses a route the story does not have
        self.route = Route(route)
        self.variables: dict[str, Any] = dict(story.variables)
        #: How many times this life has arrived at each passage, by id: the story's
        #: ``visits(passage)`` (a kiosk's visit is :class:`game.visitor_book.Visit`).
        self.visits: Counter[str] = Counter()
        # What was on the record before play began (the story's 'before'), then the life's own.
        self.events: list[Event] = [Event(a.behaviour, a.source, a.day, a.city, a.subject) for a in story.prior]
        self.day = story.day
        self.city = story.city
        #: How many times this life has drawn each chance, by the roll's name: with the seed,
        #: all that decides what the next roll of that name draws (see :mod:`.chances`).
        self.chances: Counter[str] = Counter()
        self.history: list[HistoryEntry] = []
        self.path: list[int] = []
        #: The player's guesses at the ending, by question id (see :mod:`.guesses`).
        self.guesses: dict[str, str] = {}
        self._page: Page | None = None
        self._offered: list[Choice] = []
        self._held: tuple[int, ...] = ()
        self._shown: tuple[str, ...] = ()
        # The condition of the branch that led to this passage (None when no condition chose
        # the way): a page reached because of what the record holds is shaped by it too.
        self.led_by: Condition | None = None

    @classmethod
    def new(cls, story: Story, seed: int = 0, route: str = Route.FULL) -> "Session":
        """Start a new playthrough at the route's first passage."""
        session = cls(story, seed, route)
        session._arrive(session.position)
        return session

    def fork(self, history: bool = False) -> "Session":
        """A copy of this life to try another choice in: its place, day, city, variables,
        visits, record, chances drawn, path and guesses, and with ``history`` what was read. The page
        already composed goes with it, so taking a choice does not ask its conditions again.
        A field added to a Session is added here, so the tools' copies never miss it."""
        copy = Session(self.story, self.seed, self.route)
        copy.position, copy.day, copy.city = self.position, self.day, self.city
        copy.variables = dict(self.variables)
        copy.visits = self.visits.copy()
        copy.events = list(self.events)
        copy.chances = self.chances.copy()
        copy.path = list(self.path)
        copy.guesses = dict(self.guesses)
        copy.history = list(self.history) if history else []
        copy.led_by = self.led_by
        copy._page, copy._offered, copy._held, copy._shown = self._page, list(self._offered), self._held, self._shown
        return copy

    # -- the front ends' surface ------------------------------------------------------------

    @property
    def passage(self) -> Passage:
        return self.story.passages[self.position]

    @property
    def page(self) -> Page:
        if self._page is None:
            self._page = self._compose()
        return self._page

    @property
    def offered(self) -> tuple[Choice, ...]:
        """The passage's own choices the page offers, in its order (a goto's Continue is one
        made for it): what each numbered choice of ``page`` is."""
        self.page
        return tuple(self._offered)

    def offered_places(self) -> tuple[int, ...]:
        """Where each numbered choice of ``page`` stands among the passage's own choices
        (0-based), -1 for the Continue made for a passage that has a goto instead.  Read from
        the page as composed, asking no condition again: the session, the saves and the
        tools all learn which choice is which from here."""
        self.page
        if not self.passage.choices:
            return tuple(-1 for _ in self._offered)
        place = {id(choice): i for i, choice in enumerate(self.passage.choices)}
        return tuple(place[id(choice)] for choice in self._offered)

    @property
    def read_before(self) -> tuple[HistoryEntry, ...]:
        """The passages read before the page on screen, the oldest first: the history without
        the entry the page itself has made (it is not history until a choice is taken)."""
        history = self.history
        if history and history[-1].passage_id == self.position and history[-1].chosen is None:
            return tuple(history[:-1])
        return tuple(history)

    def page_of(self, entry: HistoryEntry) -> Page:
        """A passage of the history as a page, as it was read: its words, with no choices
        (the one taken is ``entry.chosen``).  The day and city are today's, which the
        history does not keep."""
        passage = self.story.passages.get(entry.passage_id)
        known = passage is not None and entry.variants is not None
        # The narration told around its frame, counted as the page composed it.
        before, after = _narrated(held_parts(passage, entry.variants)) if known else (0, 0)  # type: ignore[arg-type]
        return Page(passage_id=entry.passage_id, style=entry.style, speaker=entry.speaker, title=entry.title,
                    text=entry.text, choices=(), day=self.day, city=self.city,
                    city_name=self.story.city_name(self.city), is_ending=False, ending_title=None,
                    narrated_before=before, narrated_after=after)

    @property
    def is_over(self) -> bool:
        return self.passage.ending is not None

    @property
    def guessing(self) -> "guessing.Guess | None":
        """At an ending, the next question the player has not yet answered; None while the
        story goes on and once every guess is made.  No word of the debrief comes before."""
        if not self.is_over:
            return None
        return next((g for g in guessing.GUESSES if g.id not in self.guesses), None)

    def guess(self, question: str, option: str) -> None:
        """Answer a question asked at the ending (``option`` is the id of one of its options)."""
        if not self.is_over:
            raise RuntimeError("the guesses are asked only at an ending")
        if not guessing.is_valid(question, option):
            raise ValueError(f"{option!r} is not an answer to {question!r}")
        self.guesses[question] = option

    def choose(self, number: int) -> None:
        """Take the numbered choice (1-based) of the current page."""
        page = self.page
        if not 1 <= number <= len(page.choices):
            raise ValueError(f"choice {number} is not offered here (1–{len(page.choices)})")
        choice = self._offered[number - 1]
        if self.history:
            last = self.history[-1]
            place = max(self.offered_places()[number - 1], 0)   # a save writes a Continue as 0
            self.history[-1] = HistoryEntry(last.passage_id, last.style, last.speaker, last.title, last.text,
                                            choice.text, last.variants, place, last.shown)
        self.path.append(number)
        self._apply(choice.effects)
        self._arrive(self._follow(choice.goto))

    # -- for testing a story: start anywhere, in any state ------------------------------------

    def record(self, behaviour: str, source: str | None, subject: str = PLAYER) -> None:
        """Put an act in the record as if the story had recorded it here (for testing)."""
        self.events.append(Event(behaviour, source, self.day, self.city, subject, self.position))

    def arrive_at(self, passage_id: str) -> None:
        """Go straight to a passage, as if a goto had led there: its day, city and effects
        apply (for testing a late passage without playing up to it)."""
        if passage_id not in self.story.passages:
            raise KeyError(passage_id)
        self._arrive(passage_id)

    def debrief(self) -> Debrief:
        """The ledger opened. Only at an ending."""
        if not self.is_over:
            raise RuntimeError("the debrief opens only at an ending")
        return make_debrief(self.story, self.passage, self.events, self, guesses=self.guesses,
                            turns=hindsight.turns(self), seed=self.seed)

    # -- what conditions may read (the conditions.State protocol) -----------------------

    def variable(self, name: str) -> Any:
        if name in self.variables:
            return self.variables[name]
        return self.story.first_value(name)

    def builtin(self, name: str) -> Any:
        if name == "day":
            return self.day
        if name == "city":
            return self.city
        if name == "blacklisted":
            return ledgers.is_listed(self.events, self.story.blacklist)
        home = self.story.jurisdictions[self.story.home]
        score, grade = ledgers.standing(self.events, home)
        return score if name == "score" else Grade(grade)

    def ask(self, question: str, subject: str) -> Any:
        if question == "seen":
            return self.visits[self.story.passage_named(subject)] > 0
        if question == "visits":
            return self.visits[self.story.passage_named(subject)]
        if question == "did":
            return sum(1 for e in self.events if e.behaviour == subject and e.subject == PLAYER)
        if question == "observed":
            return sum(1 for e in self.events if e.behaviour == subject and e.subject == PLAYER and e.source)
        if question == "on_record":
            home = self.story.jurisdictions[self.story.home]
            return sum(1 for e in self.events if e.behaviour == subject and e.subject == PLAYER
                       and ledgers.counts(e, home))
        if question == "grade_in":
            return Grade(ledgers.standing(self.events, self.story.jurisdictions[subject])[1])
        if question == "grade_if_home":
            jurisdiction = self.story.jurisdictions[subject]
            return Grade(ledgers.standing(self.events, jurisdiction,
                                          cities=ledgers.had_it_been_home(self.story, jurisdiction))[1])
        if question == "grade_of":
            home = self.story.jurisdictions[self.story.home]
            return Grade(ledgers.standing(self.events, home, subject)[1])
        raise ValueError(f"unknown question {question!r}")  # pragma: no cover - the parser refuses others

    # -- moving -----------------------------------------------------------------------------

    def _arrive(self, passage_id: str) -> None:
        self.position = passage_id
        passage = self.passage
        self.visits[passage_id] += 1
        if passage.day is not None:
            self.day = passage.day
        if passage.city is not None:
            self.city = passage.city
        self._apply(passage.effects)
        self._page = None
        page = self.page
        self.history.append(HistoryEntry(passage_id, page.style, page.speaker, page.title, page.text, None,
                                         self._held, None, self._shown))

    def _follow(self, goto: tuple[Branch, ...]) -> str:
        for branch in goto:
            if branch.when is None or branch.when.holds(self):
                self.led_by = branch.when
                return branch.to
        self.led_by = None
        return goto[-1].to

    def _apply(self, effects: tuple[Effect, ...]) -> None:
        for effect in effects:
            if isinstance(effect, Record):
                self.events.append(Event(effect.behaviour, effect.source, self.day, self.city,
                                         effect.subject, self.position))
            elif isinstance(effect, SetVariables):
                self.variables.update(effect.values)
            elif isinstance(effect, AddVariables):
                for name, amount in effect.values:
                    current = self.variables.get(name, 0)
                    self.variables[name] = (current if isinstance(current, (int, float)) else 0) + amount
            elif isinstance(effect, Roll):
                self.variables[effect.name] = chance(self.seed, effect.name, self.chances[effect.name])
                self.chances[effect.name] += 1
            elif isinstance(effect, SetDay):
                self.day = effect.day
            elif isinstance(effect, SetCity):
                self.city = effect.city

    def _compose(self) -> Page:
        passage = self.passage
        if passage.ending is not None:
            self._offered = []
        elif passage.choices:
            self._offered = [c for c in passage.choices if c.when is None or c.when.holds(self)]
        else:
            self._offered = [Choice(passage.continue_text, passage.goto)]
        self._held = held_variants(passage.variants, self)
        parts = held_parts(passage, self._held)
        texts, self._shown = fill_texts(parts.texts, self.story.inline, self,
                                        Arrival(passage.id, self.visits[passage.id], self.seed))
        before, after = _narrated(parts, texts)
        return Page(
            passage_id=passage.id, style=passage.style, speaker=passage.speaker, title=passage.title,
            text=joined(texts),
            choices=tuple(ChoiceView(i + 1, c.text) for i, c in enumerate(self._offered)),
            day=self.day, city=self.city, city_name=self.story.city_name(self.city),
            is_ending=passage.ending is not None,
            ending_title=passage.ending.title if passage.ending else None,
            narrated_before=before, narrated_after=after,
        )

    # -- saving -----------------------------------------------------------------------------

    def to_json(self) -> dict:
        """The whole state as plain JSON values, with a format name and version.  The history
        holds ids and places, not the text read: that is written again from the story."""
        return {
            "format": SAVE_FORMAT,
            "version": SAVE_VERSION,
            "story": self.story.title,
            "seed": self.seed,
            "route": self.route,
            "position": self.position,
            "day": self.day,
            "city": self.city,
            "chances": dict(self.chances),
            "variables": dict(self.variables),
            "visits": dict(self.visits),
            "events": [fields.event_row(e) for e in self.events],
            "history": [_entry_to_json(h) for h in self.history],
            "path": list(self.path),
            "guesses": dict(self.guesses),
        }

    @classmethod
    def from_json(cls, story: Story, data: Any) -> "Session":
        """Resume a saved playthrough. Raises SaveError saying why it cannot be resumed.

        Every field is checked before it is used (see :mod:`.save_fields`)."""
        return _restored(cls, story, data)


def _restored(cls: type[Session], story: Story, data: Any) -> Session:
    """The session a save holds, each field checked before it is used; SaveError says why
    there is none.  Kept beside the class rather than in it: reading a save is its own job."""
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError("this is not a Keeping Trust save")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > SAVE_VERSION:
        raise SaveError("this save was made by a newer version of the game")
    if version < OLDEST_LOADABLE:
        raise SaveError("this save was made by an older version of the game that this one cannot read")
    if data.get("story") != story.title:
        shown = data.get("story")
        shown = shown if isinstance(shown, str) and len(shown) <= 80 and shown.isprintable() else "another"
        raise SaveError(f"this save belongs to another story ({shown!r})")
    try:
        route = data["route"]
        if route not in tuple(Route):
            raise ValueError("the route is neither full nor short")
        if route == Route.SHORT and not story.has_short_route:
            raise SaveError("this save follows the story's short route, which it no longer has")
        session = cls(story, fields.whole(data["seed"], "the seed"), route)
        position = fields.name(data["position"], "the passage")
        if position not in story.passages:
            raise SaveError(f"this save stands at a passage the story no longer has ('{position}')")
        session.position = position
        session.day = fields.whole(data["day"], "the day")
        session.city = fields.name(data["city"], "the city")
        if version < 3:
            # An older build drew every chance from one generator, whose state is no use now:
            # what is still to come is drawn by name, as if for the first time.
            fields.whole(data["dice"], "the dice", least=0, below=_OLD_DICE_LIMIT)
        else:
            session.chances = Counter({fields.name(k, "a chance's name"): fields.whole(v, "a chance's count", least=0)
                                       for k, v in fields.table(data["chances"], "the chances").items()})
        session.variables = {fields.name(k, "a variable's name"): fields.variable(v, f"the variable {k}")
                             for k, v in fields.table(data["variables"], "the variables").items()}
        session.visits = Counter({fields.name(k, "a passage visited"): fields.whole(v, "a visit count", least=0)
                                  for k, v in fields.table(data["visits"], "the visits").items()})
        session.events = [fields.event(e) for e in fields.listing(data["events"], "the events")]
        session.path = [fields.whole(n, "a choice", least=1)
                        for n in fields.listing(data.get("path", []), "the choices")]
        session.guesses = {}
        for question, option in fields.table(data.get("guesses", {}), "the guesses").items():
            if not guessing.is_valid(question, option):
                raise ValueError(f"the guess {question!r} has no answer {option!r}")
            session.guesses[question] = option
        session.history = [_entry_from_json(story, item)
                           for item in fields.listing(data.get("history", []), "the history")]
    except SaveError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise SaveError(f"this save is damaged ({exc.__class__.__name__}: {exc})") from None
    return session


def _narrated(parts: HeldParts, filled: list[str] | None = None) -> tuple[int, int]:
    """How many paragraphs of a page are told before and after its frame: of ``parts`` as
    ``filled`` in (their inline text shown), or as written."""
    texts = parts.texts if filled is None else filled
    framed_end = len(parts.before) + len(parts.framed)
    return (len(paragraphs(joined(texts[:len(parts.before)]))), len(paragraphs(joined(texts[framed_end:]))))


def _entry_to_json(entry: HistoryEntry) -> dict:
    if entry.variants is None:
        # Kept as read from an older save: the story cannot write it again.
        return {"passage": entry.passage_id, "text": entry.text, "chosen": entry.chosen}
    item: dict[str, Any] = {"passage": entry.passage_id}
    if entry.variants:
        item["variants"] = list(entry.variants)
    if entry.choice is not None:
        item["choice"] = entry.choice
    if entry.shown:
        item["shown"] = list(entry.shown)
    return item


def _entry_from_json(story: Story, item: Any) -> HistoryEntry:
    """One history entry, written again from the story (or kept as read, from an older save)."""
    item = fields.table(item, "a history entry")
    pid = fields.name(item.get("passage"), "a history entry's passage")
    known = story.passages.get(pid)
    style, speaker, title = (known.style, known.speaker, known.title) if known else ("narration", None, None)
    if "text" in item:
        chosen = item.get("chosen")
        return HistoryEntry(pid, style, speaker, title, fields.text(item["text"], "a history entry"),
                            None if chosen is None else fields.text(chosen, "a choice in the history"))
    variants = fields.held(item.get("variants", []))
    choice = item.get("choice")
    choice = None if choice is None else fields.whole(choice, "a history entry's choice", least=0)
    shown = fields.shown(item.get("shown", []))
    if known is None:
        return HistoryEntry(pid, style, speaker, title, CUT_PASSAGE, None, variants, choice, shown)
    ways = [c.text for c in known.choices] if known.choices else [known.continue_text]
    chosen = ways[choice] if choice is not None and choice < len(ways) else None
    # What the inline text showed then, not what it would show now: the history is what was read.
    text = joined(refill_texts(held_parts(known, variants).texts, story.inline, shown))
    return HistoryEntry(pid, style, speaker, title, text, chosen, variants, choice, shown)

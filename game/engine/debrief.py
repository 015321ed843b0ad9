"""The debrief: the ledger opened at the end, and the same life re-scored elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from . import ledger as ledgers
from .guesses import Answer, answer
from .hindsight import Turn
from .inline_text import Arrival, fill_texts, joined
from .ledger import BlacklistStatus, Event, EventView, Ledger
from .conditions import State
from .story import PLAYER, DebriefWords, Passage, Story, held_texts, held_variants


@dataclass(frozen=True)
class Debrief:
    """Everything the end of the game shows, derived once from the event log."""

    ending_title: str
    ending_text: str
    questions: list[str]
    home: Ledger
    others: list[Ledger]  # the same life had each other jurisdiction been home, in the order of their ids
    companies: list[Ledger]  # subjects other than the player, under the home rules
    blacklist: BlacklistStatus
    unrecorded: list[EventView]  # acts no source recorded
    events: list[EventView]  # the whole log, in order
    read_the_rules: bool = False  # the player read the published measures during play
    #: The story's own sentences for the debrief (its ``debrief`` section).
    words: DebriefWords = DebriefWords()
    #: The player's guesses at the ending, each with what the record says (empty if none).
    guesses: tuple[Answer, ...] = ()
    #: The choices whose other option would have changed the score, the largest first.
    turns: tuple[Turn, ...] = ()
    #: The home grades and the score each starts at, best first.
    grades: tuple[tuple[str, int], ...] = ()
    #: The story's notes on what the grade did in this life (its debrief section's ``notes``
    #: whose condition holds at the ending), in the order written.
    notes: tuple[str, ...] = ()
    #: The story's first day: an act on an earlier one was on the record before play began.
    first_day: int = 1


def make_debrief(story: Story, ending: Passage, events: Sequence[Event], state: State, *,
                 guesses: dict[str, str] | None = None, turns: Sequence[Turn] = (), seed: int = 0) -> Debrief:
    """Derive the debrief for a playthrough that has reached ``ending``.

    ``state`` is the session at its end: the ending's text and the discussion questions are
    chosen by the life lived, so the front ends show them as they are.  ``seed`` is the
    life's, for the ending text's shuffles.
    """
    home = story.jurisdictions[story.home]
    assert ending.ending is not None, "a debrief needs an ending passage"
    others = [ledgers.ledger(story, events, j, cities=ledgers.had_it_been_home(story, j))
              for jid, j in sorted(story.jurisdictions.items()) if jid != story.home]
    subjects = sorted({e.subject for e in events if e.subject != PLAYER})
    mine = ledgers.ledger(story, events, home)
    views = [ledgers.view(story, e) for e in events]
    variants = ending.ending.debrief_variants
    sources = held_texts(ending.ending.debrief, variants, held_variants(variants, state))
    texts, _ = fill_texts(sources, story.inline, state, Arrival(ending.id, state.ask("visits", ending.id), seed))
    return Debrief(
        ending_title=ending.ending.title,
        ending_text=joined(texts),
        questions=[q.text for q in ending.ending.questions + story.questions if q.asked(state)],
        home=mine,
        others=others,
        companies=[ledgers.ledger(story, events, home, subject) for subject in subjects],
        blacklist=ledgers.blacklist_status(story, events, story.blacklist),
        unrecorded=[ledgers.view(story, e) for e in events if e.source is None and e.subject == PLAYER],
        events=views,
        # Read from the end state: a player who read the rules was told, and the debrief
        # must not claim otherwise.  The story names the variable that says so.
        read_the_rules=bool(story.debrief_words.rules_read and state.variable(story.debrief_words.rules_read)),
        words=story.debrief_words,
        guesses=tuple(answer(guesses or {}, mine, views)),
        turns=tuple(turns),
        grades=tuple(home.grades),
        notes=tuple(text for when, text in story.debrief_words.notes if when.holds(state)),
        first_day=story.day,
    )

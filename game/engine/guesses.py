"""The guess before the reveal: what the player thinks was going on, asked at the ending
before any word of the debrief, and answered from the life's own record.

Three plain questions, each with a few plain options and "I'm not sure".  What is true is
never written by hand for an ending: it is read from the event log and the home ledger, so
"You thought nobody wrote anything down. Four did" holds of every life it is said of.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from .ledger import EventView, Ledger
from .story import PLAYER

UNSURE = "unsure"


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True)
class Guess:
    """One question asked at the ending; ``short`` names it in a table of counts."""

    id: str
    question: str
    options: tuple[Option, ...]
    short: str

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


_NOT_SURE = Option(UNSURE, "I'm not sure")

#: Up to this many reporters are named in the answer; more are counted.
NAMED_AT_MOST = 4

GUESSES: tuple[Guess, ...] = (
    Guess("counting", "Was anything keeping count of what you did?",
          (Option("yes", "Yes, something was counting"), Option("no", "No, nothing was"), _NOT_SURE),
          "Was anything counting?"),
    Guess("reporters", "How many people and offices reported what you did to a record?",
          (Option("none", "Nobody"), Option("few", "One or two"), Option("many", "Three or more"), _NOT_SURE),
          "Who reported it?"),
    Guess("standing", "How do you think you stand now, against where you began?",
          (Option("higher", "Higher than I began"), Option("same", "Where I began"),
           Option("lower", "Lower than I began"), _NOT_SURE),
          "How do you stand?"),
)

BY_ID: dict[str, Guess] = {g.id: g for g in GUESSES}


def is_valid(question_id: str, option_id: str) -> bool:
    guess = BY_ID.get(question_id)
    return guess is not None and guess.option(option_id) is not None


@dataclass(frozen=True)
class Answer:
    """One guess and what the record says.  ``right`` is None for "I'm not sure"."""

    guess: Guess
    chosen: Option
    right: bool | None
    truth: str        # the option that was true
    said: str         # the debrief's answer, one or two short sentences


def reporters(events: Sequence[EventView]) -> list[str]:
    """Who wrote down the player's acts, by their labels, in the order they first did. One
    kind of reporter in two cities is two offices (a blood room in Nanjing is not the
    hospital at home), named with its city."""
    seen: list[tuple[str, str]] = []
    for e in events:
        if e.subject == PLAYER and e.source_label and (e.source_label, e.city) not in seen:
            seen.append((e.source_label, e.city))
    names: list[str] = []
    named: set[str] = set()
    for label, city in seen:
        names.append(f"{label} in {city.replace('_', ' ').title()}" if label in named else label)
        named.add(label)
    return names


def in_a_sentence(label: str) -> str:
    """A reporter's label inside a sentence: "The bank" reads "the bank"."""
    first, _, rest = label.partition(" ")
    return f"{first.lower()} {rest}" if first in ("The", "A", "An") and rest else label


def listed(names: Sequence[str]) -> str:
    names = [in_a_sentence(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number_word(n: int) -> str:
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else f"{n:,}"


def acts(n: int) -> str:
    return f"{number_word(n)} of your acts" if n != 1 else "one of your acts"


def truths(home: Ledger, events: Sequence[EventView]) -> dict[str, str]:
    """The true option of each question, read from the record."""
    return _truths(home, reporters(events))


def _truths(home: Ledger, names: Sequence[str]) -> dict[str, str]:
    diff = home.score - home.start
    return {"counting": "yes",
            "reporters": "none" if not names else "few" if len(names) <= 2 else "many",
            "standing": "higher" if diff > 0 else "lower" if diff < 0 else "same"}


def answer(guesses: Mapping[str, str], home: Ledger, events: Sequence[EventView]) -> list[Answer]:
    """Each question the player answered, in the order asked, with what the record says."""
    names = reporters(events)
    true = _truths(home, names)
    counted = len(home.entries)
    out: list[Answer] = []
    for guess in GUESSES:
        chosen = guess.option(guesses.get(guess.id, ""))
        if chosen is None:
            continue
        right = None if chosen.id == UNSURE else chosen.id == true[guess.id]
        out.append(Answer(guess, chosen, right, true[guess.id], _said(guess.id, chosen.id, right, home, names, counted)))
    return out


def _said(qid: str, chosen: str, right: bool | None, home: Ledger, names: list[str], counted: int) -> str:
    if qid == "counting":
        thought = {"yes": "You thought something was keeping count.",
                   "no": "You thought nothing was keeping count.",
                   UNSURE: "You were not sure anything was keeping count."}[chosen]
        if counted:
            fact = f"Something was: {acts(counted)} went into your score."
        else:
            fact = "Something was, though nothing you did reached it."
        return f"{thought} {fact}"
    if qid == "reporters":
        thought = {"none": "You thought nobody reported what you did.",
                   "few": "You thought one or two people or offices reported what you did.",
                   "many": "You thought three or more people or offices reported what you did.",
                   UNSURE: "You were not sure who reported what you did."}[chosen]
        if not names:
            return f"{thought} Nobody did."
        count = number_word(len(names)).capitalize()
        # Named, so a player can check the number against the people who wrote things down
        # on screen and not in any record (a clipboard, a clerk's form); a long list is left
        # to the table below it.
        if len(names) > NAMED_AT_MOST:
            said = f"{thought} {count} did."
        else:
            said = f"{thought} {count} did: {listed(names)}."
        # Some reporters write down what this city does not count (a village book, another
        # city's blood room): say how many of them the score heard, so the number squares
        # with the list of what counted below it.
        heard = {(e.source_label, e.city) for e in home.entries}
        if len(heard) < len(names):
            if len(names) == 1:
                tail = f"what it wrote does not count in {home.name}"
            else:
                verb = "counts" if len(heard) == 1 else "count"
                tail = f"{number_word(len(heard)) if heard else 'none'} of them {verb} in {home.name}"
            said = said[:-1] + f"; {tail}."
        return said
    thought = {"higher": "You thought you stood higher than you began.",
               "same": "You thought you stood where you began.",
               "lower": "You thought you stood lower than you began.",
               UNSURE: "You were not sure how you stood."}[chosen]
    diff = home.score - home.start
    if diff == 0:
        fact = f"You ended where you began, on {home.score:,}."
    else:
        fact = f"You ended {abs(diff):,} points {'up' if diff > 0 else 'down'}, on {home.score:,}."
    return f"{thought} {fact}"

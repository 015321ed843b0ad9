"""What a playthrough touched: passages, choices, variants, and which way each condition went.

Every condition a story holds sits somewhere — a choice's ``when``, a goto branch, a
variant, an ending's debrief or question. ``condition_sites`` names each place once, and
``watched`` gives a copy of the story whose conditions note every answer they give, so a
tool can tell which sides of which conditions a life has tried without the engine knowing
it is being watched.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

from ..engine import Session, Story
from ..engine.conditions import Condition, State
from ..engine.discovery import shown_path
from ..engine.inline_text import Arrival, conditions_in, fill_texts, with_conditions
from ..engine.story import Branch, Choice, Passage, Variant, Where, held_texts, held_variants


@dataclass(frozen=True)
class Site:
    """One condition in the story, and what it decides."""

    number: int
    label: str          # e.g. "oct_bank: choice 2", "oct_bank: variant 1"
    where: Where
    condition: Condition
    kind: str           # "choice", "branch", "variant", "debrief variant", "inline" or "question"
    passage: str | None
    #: The file the condition is written in: a mod's, for a choice or a variant it hooks in.
    written_in: str = ""


def _story_where(story: Story) -> Where:
    return Where(shown_path(Path(story.files[0])) if story.files else "story", 1, 1)


def condition_sites(story: Story) -> list[Site]:
    """Every condition in the story, in the order the files give passages."""
    sites: list[Site] = []

    def add(label: str, where: Where, condition: Condition | None, kind: str, passage: str | None,
            written: Where | None = None) -> None:
        if condition is not None:
            sites.append(Site(len(sites), label, where, condition, kind, passage, (written or where).path))

    for pid, passage in story.passages.items():
        for i, choice in enumerate(passage.choices, 1):
            add(f"{pid}: choice {i}", choice.where or passage.where, choice.when, "choice", pid)
            for j, branch in enumerate(choice.goto, 1):
                add(f"{pid}: choice {i}, goto branch {j}", branch.where or passage.where, branch.when, "branch", pid)
        for j, branch in enumerate(passage.goto, 1):
            add(f"{pid}: goto branch {j}", branch.where or passage.where, branch.when, "branch", pid)
        for k, variant in enumerate(passage.variants, 1):
            add(f"{pid}: variant {k}", passage.where, variant.when, "variant", pid, variant.where)
        if passage.ending is not None:
            for k, variant in enumerate(passage.ending.debrief_variants, 1):
                add(f"{pid}: debrief variant {k}", passage.where, variant.when, "debrief variant", pid, variant.where)
            for k, question in enumerate(passage.ending.questions, 1):
                add(f"{pid}: question {k}", passage.where, question.when, "question", pid)
    counted: dict[str, int] = {}
    for pid, text, written in inline_texts(story):
        for condition in conditions_in(story.inline[text]):
            counted[pid] = counted.get(pid, 0) + 1
            add(f"{pid}: inline text {counted[pid]}", story.passages[pid].where, condition, "inline", pid, written)
    for k, question in enumerate(story.questions, 1):
        add(f"the story's question {k}", _story_where(story), question.when, "question", None)
    return sites


def inline_texts(story: Story) -> list[tuple[str, str, Where]]:
    """Each text that holds inline text, once, with the first passage that shows it (its own
    text, a variant's, or its ending's debrief) and where it is written, in the order of the
    passages."""
    found: dict[str, tuple[str, Where]] = {}
    if not story.inline:
        return []
    for pid, passage in story.passages.items():
        texts = [(passage.narration_before, passage.where), (passage.text, passage.where),
                 (passage.narration_after, passage.where),
                 *((v.text, v.where or passage.where) for v in passage.variants)]
        if passage.ending is not None:
            texts += [(passage.ending.debrief, passage.where),
                      *((v.text, v.where or passage.where) for v in passage.ending.debrief_variants)]
        for text, written in texts:
            if text in story.inline:
                found.setdefault(text, (pid, written))
    return [(pid, text, written) for text, (pid, written) in found.items()]


class Answers(set):
    """The (site, answer) pairs the watched conditions gave, and how many times in all any
    condition was asked: what a search spends, counted rather than timed."""

    asked: int = 0

    def note(self, site: int, answer: bool) -> None:
        self.asked += 1
        self.add((site, answer))


@dataclass(frozen=True)
class _Watched(Condition):
    """A condition that notes each answer it gives in a shared set of (site, answer)."""

    site: int = -1
    answers: Answers = field(default_factory=Answers, compare=False, hash=False, repr=False)

    def holds(self, state: State) -> bool:
        answer = Condition.holds(self, state)
        self.answers.note(self.site, answer)
        return answer


def watched(story: Story) -> tuple[Story, Answers, list[Site]]:
    """A copy of the story whose conditions note their answers, the set they note them in,
    and the sites (numbered as in ``condition_sites``)."""
    sites = condition_sites(story)
    answers = Answers()
    numbers = iter(range(len(sites)))

    def watch(condition: Condition | None) -> Condition | None:
        if condition is None:
            return None
        return _Watched(condition.source, condition.tree, next(numbers), answers)

    def branches(goto: tuple[Branch, ...]) -> tuple[Branch, ...]:
        return tuple(replace(b, when=watch(b.when)) for b in goto)

    def variants(items: tuple[Variant, ...]) -> tuple[Variant, ...]:
        return tuple(replace(v, when=watch(v.when)) for v in items)

    passages: dict[str, Passage] = {}
    # The same order as condition_sites, so each watched condition carries its site's number.
    for pid, passage in story.passages.items():
        choices: list[Choice] = []
        for choice in passage.choices:
            when = watch(choice.when)
            choices.append(replace(choice, when=when, goto=branches(choice.goto)))
        goto = branches(passage.goto)
        passage_variants = variants(passage.variants)
        ending = passage.ending
        if ending is not None:
            debrief_variants = variants(ending.debrief_variants)
            questions = tuple(replace(q, when=watch(q.when)) for q in ending.questions)
            ending = replace(ending, debrief_variants=debrief_variants, questions=questions)
        passages[pid] = replace(passage, choices=tuple(choices), goto=goto, variants=passage_variants, ending=ending)
    inline = dict(story.inline)
    for _, text, _ in inline_texts(story):
        inline[text] = with_conditions(story.inline[text], watch)
    questions = tuple(replace(q, when=watch(q.when)) for q in story.questions)
    return replace(story, passages=passages, questions=questions, inline=inline), answers, sites


def offered_choices(session: Session) -> list[int]:
    """The current passage's own choices (0-based) its page offers, in the page's order;
    ``[-1]`` for the Continue of a passage that has a goto instead of choices. Read from the
    page as composed, asking no condition again: on a page of ten thousand choices, asking
    them all for each choice taken was a hundred million questions."""
    return list(session.offered_places())


def taken_choice(session: Session, number: int) -> int:
    """Which of the current passage's own choices (0-based) the offered choice ``number`` is;
    -1 for the Continue of a passage that has a goto instead of choices."""
    return session.offered_places()[number - 1]


def close_ending(session: Session) -> None:
    """At an ending, ask its debrief variants, the inline text of its debrief and its
    questions, as the debrief will."""
    ending = session.passage.ending
    if ending is None:
        return
    held = held_variants(ending.debrief_variants, session)
    fill_texts(held_texts(ending.debrief, ending.debrief_variants, held), session.story.inline, session,
               Arrival(session.position, session.visits[session.position], session.seed))
    for question in (*ending.questions, *session.story.questions):
        question.asked(session)


def choice_label(passage: Passage, index: int) -> str:
    if index < 0:
        return f"{passage.id}: {passage.continue_text}"
    return f"{passage.id}: choice {index + 1} ({_short(passage.choices[index].text)})"


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def all_choices(story: Story) -> Iterator[tuple[str, int]]:
    """Every way on in the story: (passage, choice index), -1 for a goto's Continue."""
    for pid, passage in story.passages.items():
        if passage.ending is not None:
            continue
        if passage.choices:
            for i in range(len(passage.choices)):
                yield pid, i
        else:
            yield pid, -1


@dataclass
class Coverage:
    """What many lives reached, each with the first seed (and route) that reached it."""

    passages: dict[str, Any] = field(default_factory=dict)
    choices: dict[tuple[str, int], Any] = field(default_factory=dict)
    answers: dict[tuple[int, bool], Any] = field(default_factory=dict)

    def note_life(self, session: Session, taken: list[tuple[str, int]], answers: set[tuple[int, bool]],
                  reached_by: Any) -> None:
        for pid in session.visits:
            self.passages.setdefault(pid, reached_by)
        for key in taken:
            self.choices.setdefault(key, reached_by)
        for key in answers:
            self.answers.setdefault(key, reached_by)

    def report(self, story: Story, sites: list[Site]) -> dict:
        """Counts and what was never reached; variants as shown (their condition held)."""
        variants = [s for s in sites if s.kind in ("variant", "debrief variant")]
        ways = list(all_choices(story))
        return {
            "passages": {"reached": len(self.passages), "total": len(story.passages),
                         "never": sorted(set(story.passages) - set(self.passages)),
                         "first": dict(sorted(self.passages.items()))},
            "choices": {"taken": sum(1 for w in ways if w in self.choices), "total": len(ways),
                        "never": [choice_label(story.passages[p], i) for p, i in ways if (p, i) not in self.choices],
                        "first": {choice_label(story.passages[p], i): self.choices[(p, i)]
                                  for p, i in ways if (p, i) in self.choices}},
            "variants": {"shown": sum(1 for s in variants if (s.number, True) in self.answers),
                         "total": len(variants),
                         "never": [s.label for s in variants if (s.number, True) not in self.answers],
                         "first": {s.label: self.answers[(s.number, True)]
                                   for s in variants if (s.number, True) in self.answers}},
            "conditions": {
                "sides_seen": sum(1 for s in sites for side in (True, False) if (s.number, side) in self.answers),
                "sides_total": 2 * len(sites),
                "never": [f"{s.label}: '{s.condition.source}' never {'held' if side else 'failed'}"
                          for s in sites for side in (True, False) if (s.number, side) not in self.answers]},
        }

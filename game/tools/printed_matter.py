"""What a frame holds: a letter, a bill, a notice, a phone, a ticket machine's screen or a
document shows only what is printed or shown on it.  What the player sees or does around it
is narration, written in ``narration_before``, ``narration_after`` or a variant marked
``narration: before`` or ``after``, and drawn outside the frame.

``check`` reads every paragraph a frame would hold and warns about one that reads as the
story telling rather than the paper speaking: a sentence of the player doing or noticing
something ("You pay it before the kettle boils", "Through the window you can see the bus"),
someone or something placed beside the player or the paper ("The woman behind you reads the
screen", "Beneath the red seal someone has written your name"), or the paper described from
outside ("Articles 5 and 6 are printed smaller than the rest").  It is a reading, not a
proof: printed text that speaks to "you" in an official voice ("Should you fail to appear")
passes, and an aside in none of these forms still wants a writer's eye.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..engine.passage_words import framed, paragraphs, sentences
from ..engine.problems import Problem, Severity
from ..engine.story import Passage, Story, Where

#: The verbs official text puts after a sentence-opening "You": "You may object", "You are
#: requested", "You must"; after any other, "You" is someone in the story doing something.
_OFFICIAL = ("may", "must", "shall", "should", "will", "are", "can", "need", "have been", "were", "is")
#: Each way a sentence gives itself away as narration, with why.
_TOLD = (
    (re.compile(rf"^\W*You (?!(?:{'|'.join(_OFFICIAL)})\b)[a-z]+"), "the player doing something"),
    (re.compile(r"\b(?:beside|behind|around|near|in front of|across from) you\b", re.I), "someone placed beside the player"),
    (re.compile(r"\byou (?:can |could )?(?:see|hear|notice|remember|think|feel|watch|know)\b", re.I),
     "the player noticing something"),
    (re.compile(r"\b[Ss]omeone\b(?! who)"), "someone at work on the paper"),
    (re.compile(r"^\W*(?:Beneath|Behind|Beside|Across|Below|Above|Through|Outside|Inside|Underneath|Under it|"
                r"Under the notice|Clipped|Taped|Pinned)\b"), "the place around the paper"),
    (re.compile(r"\b(?:is|are) printed\b|\benvelope\b|\bon the (?:bill|letter|notice|screen)\b"),
     "the paper described from outside"),
)


def told(paragraph: str) -> tuple[str, str] | None:
    """The first sentence of ``paragraph`` that reads as narration, and why; None if none does."""
    for sentence in sentences(paragraph):
        for pattern, why in _TOLD:
            if pattern.search(sentence):
                return sentence, why
    return None


def _framed_texts(passage: Passage) -> Iterator[tuple[str, Where]]:
    """Every text a passage's frame would hold, with where it is written."""
    yield passage.text, passage.where
    for variant in passage.variants:
        if variant.narration is None:
            yield variant.text, variant.where or passage.where


def narration_in_frames(story: Story) -> list[Problem]:
    """A warning for each paragraph a frame would hold that reads as narration."""
    problems = []
    for pid, passage in story.passages.items():
        if not framed(passage.style):
            continue
        for text, where in _framed_texts(passage):
            for paragraph in paragraphs(text):
                found = told(paragraph)
                if found is None:
                    continue
                sentence, why = found
                shown = sentence if len(sentence) <= 70 else sentence[:69].rstrip() + "…"
                problems.append(Problem(where.path, where.line, where.col,
                                        f"{pid}: the {passage.style.replace('_', ' ')} holds narration ({why}: "
                                        f"'{shown}'); a frame shows only what is printed on it, so tell this "
                                        "in narration_before, narration_after or a variant with "
                                        "'narration: before' or 'after'", Severity.WARNING))
    return problems

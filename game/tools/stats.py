"""How big a story is: passages, choices, words, endings, behaviours, jurisdictions."""

from __future__ import annotations

import re

from ..engine import Story

_WORD = re.compile(r"[A-Za-z0-9’']+")


def words(text: str | None) -> int:
    return len(_WORD.findall(text or ""))


def story_words(story: Story) -> int:
    """Every word a player can read: passages, variants, choices, endings' debriefs and questions."""
    total = sum(words(q.text) for q in story.questions)
    for passage in story.passages.values():
        total += words(passage.text) + sum(words(v.text) for v in passage.variants)
        total += words(passage.narration_before) + words(passage.narration_after)
        total += sum(words(c.text) for c in passage.choices)
        if passage.ending:
            total += words(passage.ending.title) + words(passage.ending.debrief)
            total += sum(words(v.text) for v in passage.ending.debrief_variants)
            total += sum(words(q.text) for q in passage.ending.questions)
    return total


def stats(story: Story) -> dict:
    passages = story.passages.values()
    return {
        "title": story.title,
        "files": len(story.files),
        "passages": len(story.passages),
        "choices": sum(len(p.choices) for p in passages),
        "words": story_words(story),
        "endings": sum(1 for p in passages if p.ending),
        "behaviours": len(story.behaviours),
        "sources": len(story.sources),
        "jurisdictions": len(story.jurisdictions),
        "short_route": story.has_short_route,
    }

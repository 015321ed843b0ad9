"""What a mod changes of the story it is played on, in words.

A mod adds passages, acts and rules of its own freely. When it changes what the story itself
says — a city's rule for one of the story's acts, a variable the story keeps, the day or the
city, the debrief's own words — it declares so in its mod section, under ``changes``: a rule
by its city and act (``rongcheng.ran_red_light``), a variable, ``day``, ``city`` or
``debrief`` by name. The loader refuses a change that is not declared; ``check`` tells each
declared one to the modder with its values, and the Mods screen names them to the player
before the mod is turned on.
"""

from __future__ import annotations

from typing import Any, Iterable

from .story import Rule, Story

#: Joins a city and an act in the name of a rule: ``rongcheng.ran_red_light``.
RULE_MARK = "."
#: What the story keeps that is not a variable, and a mod may change only when it says so:
#: the day, the city, and the debrief's words in the story's own voice (a translation's
#: ``debrief`` section takes their place).
BUILT_IN = {"day": "the day", "city": "the city you are in", "debrief": "the debrief’s own words"}
#: How a write in a ``before`` section is kept: a variable's first value, given before day 1.
BEFORE_SET = "before: set"


def rule_name(jurisdiction: str, behaviour: str) -> str:
    return f"{jurisdiction}{RULE_MARK}{behaviour}"


def parts(name: str) -> tuple[str | None, str]:
    """A declared name as (city, act) for a rule, else (None, name)."""
    if RULE_MARK in name:
        city, act = name.split(RULE_MARK, 1)
        return city, act
    return None, name


def signed(points: int) -> str:
    """Points as the modder reads them: +100, -5, 0. The plain hyphen, not the minus sign:
    the words are shown in a terminal and on the Mods screen too, whose text fonts lack the
    minus sign and would draw an empty box for it."""
    return f"+{points}" if points > 0 else f"-{-points}" if points < 0 else "0"


def shown(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f'"{value}"'
    return f"{value:,}" if isinstance(value, int) else str(value)


def rule_words(city: str, label: str, before: Rule | None, after: Rule) -> str:
    """What setting a rule does to a city's rule for one of the story's acts."""
    if before is None:
        said = f"adds a rule to {city} for '{label}': {signed(after.points)} points"
        return said + (f", capping the grade at {after.cap}" if after.cap else "")
    said = f"changes {city}'s rule for '{label}' from {signed(before.points)} to {signed(after.points)}"
    if before.cap != after.cap:
        if after.cap is None:
            said += f", and lifts its cap at {before.cap}"
        elif before.cap is None:
            said += f", and caps the grade at {after.cap}"
        else:
            said += f", and moves its cap from {before.cap} to {after.cap}"
    if before.sources != after.sources:
        said += (f", counted from {', '.join(sorted(after.sources))} instead of "
                 f"{', '.join(sorted(before.sources))}")
    return said


def write_words(name: str, how: str, value: Any, first: Any = None) -> str:
    """What a write does to a variable the story keeps (or to the day or the city). ``first``
    is the variable's value at the start, when the story declares one."""
    if name == "day":
        return f"sets the day to {value}"
    if name == "city":
        return f"moves the player to the city '{value}'"
    if name == "debrief":
        return "replaces the story's own debrief section: the words the debrief says in the story's voice"
    what = f"the story's '{name}'" + (f" ({shown(first)} at the start)" if first is not None else "")
    if how == "add":
        return f"adds {shown(value)} to {what}" if value >= 0 else f"takes {shown(-value)} from {what}"
    if how == BEFORE_SET:
        return f"gives the story's '{name}' its first value, {shown(value)}, before day 1"
    if how == "roll":
        return f"rolls {what} anew (a number from 1 to 100)"
    return f"sets {what} to {shown(value)}"


def told_to_players(story: Story, names: Iterable[str]) -> str:
    """Declared changes as the Mods screen names them: which rules, by city, and which of the
    story's facts, never the points (a rule's worth is for the debrief to open)."""
    acts: dict[str, list[str]] = {}
    kept: list[str] = []
    facts: list[str] = []
    for name in names:
        city, act = parts(name)
        if city is not None:
            behaviour = story.behaviours.get(act)
            acts.setdefault(city, []).append(f"‘{behaviour.label}’" if behaviour else f"‘{act.replace('_', ' ')}’")
        elif act in BUILT_IN:
            facts.append(BUILT_IN[act])
        else:
            kept.append(f"‘{act.replace('_', ' ')}’")
    said = [f"how {story.jurisdictions[city].name if city in story.jurisdictions else city} counts {_listed(labels)}"
            for city, labels in acts.items()]
    if kept:
        said.append(f"the story’s {_listed(kept)}")
    return "; ".join(said + facts)


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]

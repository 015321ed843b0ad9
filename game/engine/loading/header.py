"""The story section: the title, where each route starts, the home jurisdiction, the first
day and city, and the first values of the story's variables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..discovery import shown_path
from ..problems import Problem
from ..story import Jurisdiction
from .format import STORY
from .values import Values

STORY_KEYS = STORY.allowed
STORY_NEEDS = STORY.needs


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


class StorySection(Values):
    """Reads the one story section, once the jurisdictions it names are known."""

    def header(self, jurisdictions: dict[str, Jurisdiction]) -> Header | None:
        gathered = self.gathered
        node = gathered.story_node
        if node is None:
            place = shown_path(gathered.files[0]) if gathered.files else "story"
            gathered.problems.append(Problem(place, 1, 1, "no 'story' section: one file must say the title and "
                                                          "where play starts"))
            return None
        fields = self.mapping(node, "the story section")
        if fields is None:
            return None
        self.keys(node, STORY_KEYS, "the story section")
        title = self.text(fields.get("title"), "the story's title") or "Untitled"
        for needed in STORY_NEEDS:
            if needed not in fields:
                self.error(node, f"the story section needs '{needed}'")
                return None
        start = self.text(fields["start"], "start")
        if fields["start"].value is None:
            self.error(fields["start"], "start is empty: name the passage where play starts")
        gathered.gotos.append((start, fields["start"], "start"))  # type: ignore[arg-type]
        short_start = None
        if "short_start" in fields:
            short_start = self.text(fields["short_start"], "short_start")
            gathered.gotos.append((short_start, fields["short_start"], "short_start"))  # type: ignore[arg-type]
        home = self.text(fields["home"], "home")
        if home not in jurisdictions:
            self.error(fields["home"], f"unknown jurisdiction '{home}'{self.closest(str(home), jurisdictions)}")
            return None
        day = self.number(fields["day"], "day", minimum=1) if "day" in fields else 1
        default_city = sorted(jurisdictions[home].cities)[0] if jurisdictions[home].cities else home
        city = self.text(fields["city"], "city") if "city" in fields else default_city
        if "city" in fields:
            gathered.cities_used.append((city, fields["city"]))  # type: ignore[arg-type]
        variables: dict[str, Any] = {}
        if "variables" in fields:
            variables = dict(self.variables(fields["variables"], "variables", False))
        if day is None or start is None:
            return None
        return Header(title, start, home, day, city, variables, short_start)  # type: ignore[arg-type]

"""Playthroughs of one story: started, saved to slots and resumed, for every screen that
offers it (title, play, save and load)."""

from __future__ import annotations

import random
from typing import Callable

from game import mods
from game.engine.named import Route
from game.mods import ModRecord
from game.saves import AUTO, SlotError, SlotStore, mod_record


class Playthroughs:
    """``route`` ("full" or "short") is what a new game starts on unless told; ``seed`` fixes
    the story's chance (tests, replays), None draws a fresh one per game.  ``report`` tells
    the player a save could not be written."""

    def __init__(self, story, store: SlotStore, report: Callable[[str], None], *,
                 route: str = "full", seed: int | None = None) -> None:
        self.story = story
        self.store = store
        self.report = report
        self.route = Route.named(route, Route.FULL)
        self.seed = seed
        #: The mods on, written into every save so a load can tell when one is missing.
        self.mods: list[ModRecord] = []

    def new(self, route: str | None = None):
        """A new playthrough on ``route`` (default: :attr:`route`).  A story without a short
        route always starts the full one."""
        from game.engine import Session

        route = route or self.route
        if route == Route.SHORT and not self.story.has_short_route:
            route = Route.FULL
        seed = self.seed if self.seed is not None else random.SystemRandom().randrange(1 << 31)
        return Session.new(self.story, seed=seed, route=route)

    @staticmethod
    def place_of(session) -> str:
        """Where and when the player is, as a slot shows it."""
        page = session.page
        return f"Day {page.day} · {page.city_name}"

    def save(self, name: str, session) -> bool:
        """Write ``session`` to slot ``name``; a failure is reported and gives False."""
        page = session.page
        summary = page.text or page.title or page.ending_title or ""
        try:
            data = session.to_json()
            data["mods"] = [mod_record(mod.key, mod.name, mod.version) for mod in self.mods]
            self.store.write(name, data, summary=summary, place=self.place_of(session),
                             story_title=self.story.title)
        except SlotError as exc:
            self.report(str(exc))
            return False
        return True

    def autosave(self, session) -> None:
        self.save(AUTO, session)

    def load(self, name: str):
        """The session stored in slot ``name``.  Raises SlotError with a message for the player."""
        from game.engine import SaveError, Session

        data = self.store.read(name)
        gone = mods.missing(mods.recorded(data.get("mods")), self.mods)
        try:
            session = Session.from_json(self.story, data)
        except SaveError as exc:
            if gone:
                # What the save lacks is most likely the mod's: say which, and how to get it back.
                raise SlotError(f"This save was made with {mods.named(gone)}, which "
                                f"{'is' if len(gone) == 1 else 'are'} not on now. Turn "
                                f"{'it' if len(gone) == 1 else 'them'} on under Mods to resume it.") from exc
            raise SlotError(f"This save cannot be resumed: {exc}") from exc
        if gone:
            self.report(f"This game was saved with {mods.named(gone)} on; "
                        f"what {'it' if len(gone) == 1 else 'they'} added will not show now.")
        else:
            moved = mods.other_versions(mods.recorded(data.get("mods")), self.mods)
            if moved:
                self.report("This game was saved with " + ", ".join(
                    f"{was.shown}; {now.version} is on now" for was, now in moved) + ".")
        return session

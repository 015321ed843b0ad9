"""One life played in the browser: the engine's session, asked and answered in JSON.

The page's script never holds a rule. It sends a request — start a life, take the third
choice, answer a guess, resume a save — to the engine running in a worker under Pyodide, and
gets back what to show: a page (its passage as escaped HTML and its choices as text), a guess,
or the debrief.  Everything here is plain Python and runs the same under CPython, where the
tests drive it, as in the browser.

What comes back before the debrief holds nothing of the score: a page's view is made from
the engine's :class:`~game.engine.Page`, which has none, and the day and city the window
shows.  Each view that follows a choice carries the save, so the page keeps it at every choice.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from game import debrief_document
from game.engine.compiled import kept_story
from game.engine.named import Route
from game.engine.session import SaveError, Session
from game.engine.story import Story
from game.typography import typographic
from game.web import pages

#: The key the build writes the story under, and the browser reads it back with.
STORY_KEY = "keeping-trust-web"
#: Seeds a browser draws when no link names one, as the window draws them.
SEED_LIMIT = 1 << 31


class Refused(ValueError):
    """A request the life cannot answer; its message is shown to the player as it is."""


def open_story(path: Path) -> Story:
    """The story the build kept at ``path``."""
    story = kept_story(path, STORY_KEY)
    if story is None:
        raise Refused("The story in this copy of the game cannot be read; build it again.")
    return story


class Life:
    """The one life a browser tab plays, and the story it is played in."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.session: Session | None = None

    # -- the page's one door ------------------------------------------------------------------

    def answer(self, request: str) -> str:
        """A request as JSON (``{"op": …, …}``) answered as JSON: ``{"ok": true, "view": …}`` or
        ``{"ok": false, "error": …}`` with words for the player."""
        try:
            asked = json.loads(request)
            if not isinstance(asked, dict) or asked.get("op") not in self._ops():
                raise Refused("The game was asked something it does not know.")
            view = self._ops()[asked["op"]](asked)
            return json.dumps({"ok": True, "view": view}, ensure_ascii=False)
        except (Refused, SaveError) as exc:
            return json.dumps({"ok": False, "error": str(exc)}, ensure_ascii=False)
        except (ValueError, TypeError, KeyError) as exc:
            return json.dumps({"ok": False, "error": f"The game could not do that ({exc})."}, ensure_ascii=False)

    def _ops(self) -> dict[str, Callable[[dict], dict]]:
        return {"start": self._start, "choose": self._choose, "resume": self._resume, "guess": self._guess,
                "go on": self._go_on, "history": self._history, "transcript": self._transcript,
                "about": self._about}

    # -- requests -------------------------------------------------------------------------------

    def _about(self, asked: dict) -> dict:
        return {"view": "about", "title": self.story.title, "short_route": self.story.has_short_route}

    def _start(self, asked: dict) -> dict:
        seed = _whole(asked.get("seed"), "seed")
        if not 0 <= seed < SEED_LIMIT:
            raise Refused(f"A seed is a whole number from 0 to {SEED_LIMIT - 1:,}.")
        route = asked.get("route", Route.FULL)
        if route not in tuple(Route):
            raise Refused("A route is 'full' or 'short'.")
        if route == Route.SHORT and not self.story.has_short_route:
            raise Refused("This story has no short route.")
        self.session = Session.new(self.story, seed=seed, route=route)
        return self._page_view()

    def _resume(self, asked: dict) -> dict:
        self.session = Session.from_json(self.story, asked.get("save"))
        return self._where_it_stands()

    def _choose(self, asked: dict) -> dict:
        session = self._playing()
        number = _whole(asked.get("number"), "choice")
        if session.is_over or not 1 <= number <= len(session.page.choices):
            raise Refused(f"Choice {number} is not offered here.")
        session.choose(number)
        return self._page_view()

    def _go_on(self, asked: dict) -> dict:
        """From the ending's page to the first question not yet answered, or the debrief."""
        session = self._playing()
        if not session.is_over:
            raise Refused("The story has not ended yet.")
        return self._after_the_ending()

    def _guess(self, asked: dict) -> dict:
        session = self._playing()
        question = session.guessing
        if question is None:
            raise Refused("There is no question to answer now.")
        if asked.get("question") != question.id:
            raise Refused("That question has been answered already.")
        session.guess(question.id, str(asked.get("option")))
        return self._after_the_ending()

    def _history(self, asked: dict) -> dict:
        session = self._playing()
        read = session.read_before
        decided = [bool(getattr(self.story.passages.get(e.passage_id), "choices", ())) for e in read]
        return {"view": "history", "html": pages.history_html(read, decided)}

    def _transcript(self, asked: dict) -> dict:
        """The life so far as the transcript's self-contained HTML page, named as the window
        names its files, with the link that opens the same world in ``asked["link"]``."""
        from game.transcript import build, file_stem
        from game.transcript_html import html_page

        session = self._playing()
        written = asked.get("written")
        when = datetime.fromisoformat(written) if isinstance(written, str) else None
        transcript = build(session, written=when)
        link = asked.get("link")
        if isinstance(link, str) and link:
            transcript = replace(transcript, replay=link)
        return {"view": "transcript", "name": file_stem(transcript) + ".html", "html": html_page(transcript)}

    # -- views ----------------------------------------------------------------------------------

    def _playing(self) -> Session:
        if self.session is None:
            raise Refused("No game is being played.")
        return self.session

    def _where_it_stands(self) -> dict:
        session = self._playing()
        if session.is_over and session.guesses:
            return self._after_the_ending()
        return self._page_view()

    def _page_view(self) -> dict:
        session = self._playing()
        page = session.page
        return {"view": "page", "where": pages.where(page.day, page.city_name), "html": pages.page_html(page),
                "choices": [typographic(c.text) for c in page.choices], "ending": page.is_ending,
                "route": str(session.route), "seed": session.seed, "save": session.to_json(),
                "label": _save_label(session)}

    def _after_the_ending(self) -> dict:
        session = self._playing()
        question = session.guessing
        if question is not None:
            from game.engine.guesses import GUESSES

            return {"view": "guess", "question": question.id, "asking": question.question,
                    "options": [{"id": o.id, "text": o.text} for o in question.options],
                    "number": GUESSES.index(question) + 1, "of": len(GUESSES),
                    "save": session.to_json(), "label": _save_label(session)}
        document = debrief_document.build(session.debrief(), self.story.title)
        answer, rest, headings = pages.debrief_html(document)
        return {"view": "debrief", "answer": answer, "rest": rest, "rest_headings": headings,
                "route": str(session.route), "seed": session.seed,
                "save": session.to_json(), "label": _save_label(session)}


def _save_label(session: Session) -> str:
    """How a save slot names the game it holds: where it stands, and which world it is."""
    route = "short route" if session.route == Route.SHORT else "full season"
    if session.is_over:
        return f"The end, {session.page.ending_title or ''} · {route}, seed {session.seed}"
    return f"{pages.where(session.day, session.story.city_name(session.city))} · {route}, seed {session.seed}"


def _whole(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused(f"The {what} must be a whole number.")
    return value

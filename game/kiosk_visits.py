"""A kiosk's visits as they begin and end, for the operator: a line in the log for each, and
(with statistics on) a row in the visitor book for each — finished or not — so a festival
organiser can tell visits begun from visits finished, busy hours from quiet ones, and which
kiosk a row came from.

A visit begins at the first touch after the attract screen and ends when the attract screen
comes back: finished (after the debrief), abandoned (the "still there?" warning ran out), left
(the menu's Quit or Title screen), or cut short (the kiosk stopped in the middle).  A kiosk
killed outright or losing its power cannot say so at the time: a small mark file, written when
a visit begins and removed when it ends, tells the next start, which logs and counts it.

Pure Python (no pygame); the clock is passed in.
"""

from __future__ import annotations

import logging
import socket
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from game.jsonfile import Unreadable, read_json, write_json_atomic
from game.visitor_book import (ABANDONED, CUT_SHORT, FINISHED, LEFT, Place, VisitorBook, unfinished_visit,
                               visit_of)

log = logging.getLogger("keeping_trust.kiosk")

#: The mark a visit in progress leaves in the data folder.
MARK = "kiosk-visit.json"
#: How the log says each way a visit ends.
ENDED = {FINISHED: "visit ended after the debrief", ABANDONED: "visit abandoned",
         LEFT: "visit left from the menu", CUT_SHORT: "visit cut short"}


def kiosk_name(configured: str = "") -> str:
    """The name each row of this kiosk carries: the config's ``kiosk_name``, else the machine's."""
    return configured or socket.gethostname() or "kiosk"


def seconds_text(seconds: float) -> str:
    whole = max(0, round(seconds))
    return f"{whole} second" if whole == 1 else f"{whole} seconds"


class Visits:
    """The visit in progress (if any), and what each beginning and end leaves behind."""

    def __init__(self, book: VisitorBook | None, kiosk: str, route: str, mark: Path,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        self.book = book
        self.kiosk = kiosk
        self.route = route
        self.mark = mark
        self.clock = clock
        self.started: datetime | None = None
        self.finished = False

    @property
    def in_progress(self) -> bool:
        return self.started is not None

    def begin(self) -> None:
        self.started, self.finished = self.clock(), False
        log.info("visit started")
        try:
            write_json_atomic(self.mark, {"started": self.started.isoformat(timespec="seconds"), "kiosk": self.kiosk})
        except OSError as exc:
            log.warning("%s cannot be written (%s): a visit cut off by a power cut will not be counted",
                        self.mark, exc.strerror or exc)

    def finish(self, debrief, seconds: float, acts: Iterable[str]) -> Place | None:
        """The visitor reached the debrief after ``seconds``: counted now, so the debrief can
        compare them; their whole length is added when they leave it."""
        self.finished = True
        if self.book is None:
            return None
        hour = self.started.hour if self.started else None
        return self.book.record(visit_of(debrief, self.route, seconds, kiosk=self.kiosk, started_hour=hour, acts=acts))

    def end(self, outcome: str, seconds: float, why: str = "") -> None:
        """The visit is over after ``seconds`` in all, as ``outcome`` says (a finished visit
        stays finished whatever follows the debrief)."""
        if not self.in_progress:
            return
        outcome = FINISHED if self.finished else outcome
        log.info("%s after %s%s", ENDED[outcome], seconds_text(seconds), f" ({why})" if why else "")
        hour = self.started.hour if self.started else None
        self.started, self.finished = None, False
        self._write(outcome, seconds, hour)
        self.mark.unlink(missing_ok=True)

    def _write(self, outcome: str, seconds: float, hour: int | None) -> None:
        if self.book is None:
            return
        try:
            if outcome == FINISHED:
                self.book.add_length(seconds)
            else:
                self.book.record(unfinished_visit(outcome, self.route, seconds, kiosk=self.kiosk, started_hour=hour))
        except (OSError, sqlite3.Error) as exc:
            log.error("visitor statistics not written: %s", exc)
        if self.book.problem:
            log.warning("%s", self.book.problem)
            self.book.problem = None

    def unclean_end_before(self) -> None:
        """At the start: a visit the last run left in progress (killed, a power cut) is logged
        and counted as cut short."""
        try:
            data = read_json(self.mark, max_bytes=4096)
        except FileNotFoundError:
            return
        except (Unreadable, OSError):
            data = {}
        try:
            started = datetime.fromisoformat(str(data.get("started"))) if isinstance(data, dict) else None
        except ValueError:
            started = None
        self.mark.unlink(missing_ok=True)
        when = f" begun at {started:%Y-%m-%d %H:%M}" if started else ""
        log.warning("the last run ended without closing its visit%s (the kiosk was killed or lost power); "
                    "counted as cut short", when)
        if self.book is not None and started is not None:
            try:
                self.book.record(unfinished_visit(CUT_SHORT, self.route, 0, started.date(), kiosk=self.kiosk,
                                                  started_hour=started.hour))
            except (OSError, sqlite3.Error) as exc:
                log.error("visitor statistics not written: %s", exc)

"""Visitor statistics for an installation: one anonymous row per finished visit in a local
SQLite file — the ending, the grade and score, the route, how long the visit took and the
day.  No names, no free text, no time of day, nothing a visitor typed.

Off unless the operator's config turns it on.  Several kiosk processes may share one file:
the database runs in WAL mode, waits for a busy writer instead of failing, and writes each
visit in its own transaction.  A file that is not a sound database is moved aside (as
``visitors.sqlite.broken-…``) and a new one started, so a damaged card never stops a kiosk.

The debrief's "the system compares you too" section (:func:`comparison_section`) is built
here as part of the debrief document, so it stays pure like the rest of the document.
"""

from __future__ import annotations

import csv
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Iterable

from game import debrief_document as doc
from game.engine.printed import printed_name
from game.jsonfile import set_aside

SCHEMA_VERSION = 1
#: How long a writer waits for another process's transaction before giving up (ms).
BUSY_MILLISECONDS = 10_000
COLUMNS = ("finished_on", "ending", "grade", "score", "route", "seconds")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    finished_on TEXT NOT NULL,
    ending TEXT NOT NULL,
    grade TEXT NOT NULL,
    score INTEGER NOT NULL,
    route TEXT NOT NULL,
    seconds INTEGER NOT NULL
)
"""


@dataclass(frozen=True)
class Visit:
    """One finished visit, as it is kept."""

    finished_on: str
    ending: str
    grade: str
    score: int
    route: str
    seconds: int


@dataclass(frozen=True)
class Place:
    """Where one visitor's score sits among the visitors counted before them."""

    earlier: int
    lower: int
    same: int
    higher: int
    grades: tuple[tuple[str, int], ...]


class VisitorBook:
    """The statistics file at ``path``.  ``problem`` tells, after a call, that a damaged file
    was set aside (for the log)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=BUSY_MILLISECONDS / 1000, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_MILLISECONDS}")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("failed its integrity check")
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError("was written by a newer version of the game")
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(_SCHEMA)
            # A table of the same name but another shape is not ours.
            names = [row[1] for row in connection.execute("PRAGMA table_info(visits)")]
            if names != ["id", *COLUMNS]:
                connection.execute("ROLLBACK")
                raise sqlite3.DatabaseError("holds a visits table of another shape")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        except BaseException:
            connection.close()
            raise
        return connection

    def connect(self) -> sqlite3.Connection:
        """An open connection to a sound file; a damaged one is set aside and a new one made."""
        try:
            return self._open()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise                      # another kiosk is writing: not damage
            self._set_aside(str(exc))
        except sqlite3.DatabaseError as exc:
            self._set_aside(str(exc))
        return self._open()

    def _set_aside(self, why: str) -> None:
        moved = set_aside(self.path)
        for suffix in ("-wal", "-shm"):
            companion = self.path.with_name(self.path.name + suffix)
            if companion.exists():
                if moved is not None:
                    try:
                        companion.rename(moved.with_name(moved.name + suffix))
                    except OSError:
                        pass
                else:
                    companion.unlink(missing_ok=True)
        if moved is None:
            # Cannot rename (a read-only folder would fail the new file anyway): start over.
            self.path.unlink(missing_ok=True)
        self.problem = (f"{self.path} {why}; it was moved to {moved.name} and a new one started"
                        if moved else f"{self.path} {why}; a new one was started")

    def record(self, visit: Visit) -> Place:
        """Add ``visit`` and return where it sits among the visits before it, both in one
        transaction, so two kiosks finishing at once each compare against a whole book."""
        with closing(self.connect()) as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                place = _place(connection, visit.score)
                connection.execute(
                    "INSERT INTO visits (finished_on, ending, grade, score, route, seconds) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (visit.finished_on, visit.ending, visit.grade, int(visit.score), visit.route,
                     int(visit.seconds)))
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        return place

    def visits(self) -> list[Visit]:
        with closing(self.connect()) as connection:
            rows = connection.execute(f"SELECT {', '.join(COLUMNS)} FROM visits ORDER BY id").fetchall()
        return [Visit(*row) for row in rows]

    def summary(self) -> dict:
        """The aggregate an operator reads: how many visits, on which days, which endings and
        grades, each route's median length."""
        visits = self.visits()
        by = _counts
        lengths: dict[str, list[int]] = {}
        for v in visits:
            lengths.setdefault(v.route, []).append(v.seconds)
        return {
            "visits": len(visits),
            "first_day": visits[0].finished_on if visits else None,
            "last_day": visits[-1].finished_on if visits else None,
            "days": by(v.finished_on for v in visits),
            "endings": by(v.ending for v in visits),
            "grades": by(v.grade for v in visits),
            "routes": by(v.route for v in visits),
            "median_seconds": {route: _median(s) for route, s in sorted(lengths.items())},
        }

    def export_csv(self, out: IO[str]) -> int:
        """Write every visit as CSV (a header row, then one row each); returns the count."""
        visits = self.visits()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for v in visits:
            writer.writerow([v.finished_on, v.ending, v.grade, v.score, v.route, v.seconds])
        return len(visits)


def _place(connection: sqlite3.Connection, score: int) -> Place:
    lower, same, higher = connection.execute(
        "SELECT COALESCE(SUM(score < ?), 0), COALESCE(SUM(score = ?), 0), COALESCE(SUM(score > ?), 0) "
        "FROM visits", (score, score, score)).fetchone()
    grades = connection.execute("SELECT grade, COUNT(*) FROM visits GROUP BY grade").fetchall()
    return Place(lower + same + higher, lower, same, higher, tuple((g, n) for g, n in grades))


def _counts(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return float(ordered[middle]) if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def visit_of(debrief, route: str, seconds: float, today: date | None = None) -> Visit:
    """The anonymous row one finished life leaves."""
    return Visit((today or date.today()).isoformat(), debrief.ending_title, debrief.home.grade,
                 int(debrief.home.score), route, max(0, round(seconds)))


def comparison_section(place: Place, grade_order: Iterable[str], grade: str) -> doc.Section:
    """"The system compares you too": this visitor's score among the visitors before them at
    this installation, and how the grades fell.  ``grade_order`` lists grades best first."""
    blocks: list[doc.Block] = []
    if not place.earlier:
        blocks.append(doc.Paragraph("You are the first visitor this screen has counted. The next one will be "
                                "measured against you."))
    else:
        people = "visitor" if place.earlier == 1 else "visitors"
        blocks.append(doc.Paragraph(
            f"This screen keeps one line for every life finished here: the ending, the grade, the score. "
            f"No names. Of the {place.earlier:,} {people} before you, {place.lower:,} finished with "
            f"a lower score than yours, {place.same:,} with the same, and {place.higher:,} with a higher "
            f"one."))
        counts = dict(place.grades)
        ordered = [g for g in grade_order if g in counts] + sorted(g for g in counts if g not in grade_order)
        blocks.append(doc.Table((doc.Column("Grade", wraps=False), doc.Column("Visitors", wraps=False, numeric=True),
                                 doc.Column("You", wraps=False)),
                                tuple((g, counts[g], "here" if g == grade else "") for g in ordered)))
    blocks.append(doc.Paragraph("Nobody asked whether you wanted to be compared. Your line has been added for the "
                            "next visitor.", quiet=True))
    return doc.Section("Among the visitors", "The system compares you too", "Where your ledger sits",
                       tuple(blocks))



def print_summary(book: VisitorBook, out: IO[str]) -> None:
    """The aggregate as an operator reads it in a terminal."""
    data = book.summary()
    print(f"{printed_name(book.path)}: {data['visits']:,} finished visits", file=out)
    if not data["visits"]:
        return
    print(f"from {data['first_day']} to {data['last_day']}, on {len(data['days'])} days", file=out)
    for title, key in (("endings", "endings"), ("grades", "grades"), ("routes", "routes")):
        print(f"{title}:", file=out)
        for value, count in data[key].items():
            print(f"  {count:6,}  {printed_name(value)}", file=out)     # a mod titled the ending
    for route, seconds in data["median_seconds"].items():
        print(f"median visit ({route} route): {seconds / 60:.1f} minutes", file=out)

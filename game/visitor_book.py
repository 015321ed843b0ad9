"""The visitor book: an installation's anonymous statistics, one row per finished visit in a
local SQLite file — the ending, the grade and score, the route, how long the visit took and
the day.  No names, no free text, no time of day, nothing a visitor typed.

The words, here and in the kiosk: a *visitor* is someone at the screen; a *visit* is one
visitor's time there, from the first touch to the attract screen (:class:`Visit`, one row);
the *visitor book* is the file of finished visits (:class:`VisitorBook`), read by the
operator's report (:mod:`game.visitor_report`); a visit's saves live in
:mod:`game.visit_slots`.  (A story's ``visits(passage)`` is another thing: how many times a
life has arrived at a passage, :attr:`game.engine.session.Session.visits`.)

Off unless the operator's config turns it on.  Several kiosk processes may share one file:
the database runs in WAL mode and writes each visit in its own transaction.  A writer waits
only a moment for another one (:data:`BUSY_MILLISECONDS`): a database another program holds
must not freeze the debrief, so the visit is kept in memory and written with the next one.

Only the kiosk's own default file (``<data>/visitors.sqlite``) is ever moved aside when it is
not a sound visitor database (as ``visitors.sqlite.broken-…``), so a damaged card never stops
a kiosk.  A file the operator named is the operator's: one that is not a visitor database is
refused and left exactly as it was, and a folder is never moved.  The operator's report reads
the file without writing (:mod:`game.visitor_report`).

The debrief's "the system compares you too" section (:func:`comparison_section`) is built
here as part of the debrief document, so it stays pure like the rest of the document.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Iterable

from game import debrief_document as doc
from game.engine.guesses import GUESSES
from game.jsonfile import set_aside

#: 2 added each visitor's guesses at the ending; 3 a row for every visit begun, finished or
#: not (``outcome``), which kiosk it was at, the hour it began, its whole length with the
#: debrief, and the acts the visitor did.  An older file gains the columns when a kiosk next
#: writes to it (its rows read as finished visits, the rest unknown); the report reads any.
SCHEMA_VERSION = 3
#: How long a writer waits for another process's transaction before keeping the visit for
#: later (ms).  Another kiosk's transaction lasts milliseconds; anything longer is a program
#: holding the file, and the debrief must not wait for it.
BUSY_MILLISECONDS = 200
#: How many visits a kiosk keeps in memory while its database is busy (the oldest go first).
MAX_PENDING = 1000
#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
FIRST_COLUMNS = ("finished_on", "ending", "grade", "score", "route", "seconds")
#: For each guess asked at the ending: the answer chosen ('' if none) and whether the record
#: bore it out (1 right, 0 wrong, empty for "I'm not sure" or no answer).
GUESS_COLUMNS = tuple(column for g in GUESSES for column in (f"guess_{g.id}", f"right_{g.id}"))
#: Version 3: how the visit ended (see :data:`OUTCOMES`), the kiosk's name, the hour it began
#: (0–23, no minutes), its whole length in seconds with the debrief (empty when unknown), and
#: the acts the visitor did (the story's behaviour ids, comma-separated; never anything typed).
VISIT_COLUMNS = ("outcome", "kiosk", "started_hour", "total_seconds", "acts")
COLUMNS = FIRST_COLUMNS + GUESS_COLUMNS + VISIT_COLUMNS
#: How a visit ends: it reached the debrief; nobody touched the screen until the warning ran
#: out; the visitor left it from the menu (Quit, Title screen); the kiosk stopped in the middle
#: (a staff exit, SIGTERM, a crash, the power).
FINISHED, ABANDONED, LEFT, CUT_SHORT = "finished", "abandoned", "left", "cut short"
OUTCOMES = (FINISHED, ABANDONED, LEFT, CUT_SHORT)

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
#: What a version 1 file is given to become version 2.
_ADDED = tuple(f"ALTER TABLE visits ADD COLUMN {c} " + ("TEXT NOT NULL DEFAULT ''" if c.startswith("guess_") else "INTEGER")
               for c in GUESS_COLUMNS)
#: What a version 2 file is given to become version 3: its rows were all finished visits.
_ADDED_3 = ("ALTER TABLE visits ADD COLUMN outcome TEXT NOT NULL DEFAULT 'finished'",
            "ALTER TABLE visits ADD COLUMN kiosk TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE visits ADD COLUMN started_hour INTEGER",
            "ALTER TABLE visits ADD COLUMN total_seconds INTEGER",
            "ALTER TABLE visits ADD COLUMN acts TEXT NOT NULL DEFAULT ''")


@dataclass(frozen=True)
class Visit:
    """One finished visit, as it is kept."""

    finished_on: str
    ending: str
    grade: str
    score: int
    route: str
    seconds: int
    guess_counting: str = ""
    right_counting: int | None = None
    guess_reporters: str = ""
    right_reporters: int | None = None
    guess_standing: str = ""
    right_standing: int | None = None
    outcome: str = FINISHED
    kiosk: str = ""
    started_hour: int | None = None
    total_seconds: int | None = None
    acts: str = ""

    def row(self) -> tuple:
        return tuple(getattr(self, column) for column in COLUMNS)


@dataclass(frozen=True)
class Place:
    """Where one visitor's score sits among the visitors counted before them."""

    earlier: int
    lower: int
    same: int
    higher: int
    grades: tuple[tuple[str, int], ...]
    #: For each guess, by question id: how many visitors before answered it, and how many
    #: of them the record bore out.
    guessed: tuple[tuple[str, int, int], ...] = ()


class VisitorBook:
    """The visitor book at ``path``, as the kiosk writes it.  ``own_file`` is true only for
    the kiosk's default file, the one file it may move aside when it is damaged.  After a
    call, ``problem`` tells what the log should say (a file set aside, a busy database), and
    ``pending`` holds the visits not yet written."""

    def __init__(self, path: Path, *, own_file: bool = False) -> None:
        self.path = path
        self.own_file = own_file
        self.problem: str | None = None
        self.pending: list[Visit] = []
        #: The row the last finished visit went into (None: it waits in ``pending``), so its
        #: whole length can be added when the visitor leaves the debrief.
        self.last_row: int | None = None

    def _open(self) -> sqlite3.Connection:
        if self.own_file:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_what_is_not_a_database(self.path)
        connection = sqlite3.connect(self.path, timeout=BUSY_MILLISECONDS / 1000, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_MILLISECONDS}")
            why = book_problem(connection, new_allowed=True)
            if why:
                raise NotAVisitorBook(f"{self.path} {why}")
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(_SCHEMA)
            present = [row[1] for row in connection.execute("PRAGMA table_info(visits)")]
            if present == ["id", *FIRST_COLUMNS]:
                for statement in _ADDED:        # a version 1 file: the guesses' columns added
                    connection.execute(statement)
                present += list(GUESS_COLUMNS)
            if present == ["id", *FIRST_COLUMNS, *GUESS_COLUMNS]:
                for statement in _ADDED_3:      # a version 2 file: the visits' own columns added
                    connection.execute(statement)
            # Between the check and this transaction another program may have made its own.
            why = book_problem(connection, new_allowed=False)
            if why:
                connection.execute("ROLLBACK")
                raise NotAVisitorBook(f"{self.path} {why}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        except BaseException:
            connection.close()
            raise
        return connection

    def connect(self) -> sqlite3.Connection:
        """An open connection to a sound visitor database.  The kiosk's own file, damaged, is
        set aside and a new one made; any other file that is not a visitor database raises
        :class:`NotAVisitorBook` and is left as it was."""
        try:
            return self._open()
        except sqlite3.OperationalError:
            raise                          # busy, or cannot be opened: not damage
        except sqlite3.DatabaseError as exc:
            why = str(exc).removeprefix(f"{self.path} ")
            if not self.own_file or isinstance(exc, NotAFile):
                raise NotAVisitorBook(f"{self.path} {why}; it was left as it is") from exc
            self._set_aside(why)
        return self._open()

    def _set_aside(self, why: str) -> None:
        moved = set_aside(self.path)
        for suffix in ("-wal", "-shm"):
            companion = self.path.with_name(self.path.name + suffix)
            if companion.is_file():
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

    def record(self, visit: Visit) -> Place | None:
        """Add ``visit`` (after any kept from earlier) and return where it sits among the visits
        before it, all in one transaction, so two kiosks finishing at once each compare against
        a whole book.  None when the database is busy: the visit is kept for the next call."""
        self.last_row = None
        try:
            place = self._write(visit, placed=visit.outcome == FINISHED)
        except (OSError, sqlite3.Error) as exc:
            self._keep(visit)
            if isinstance(exc, sqlite3.OperationalError) and _busy(exc):
                count = len(self.pending)
                self.problem = (f"{self.path} is busy (another program holds it); "
                                f"{count} visit{'s' if count != 1 else ''} kept to be written with the next one")
                return None
            raise
        self.pending.clear()
        return place

    def write_pending(self) -> bool:
        """Write the visits kept while the database was busy; True when none is left."""
        if not self.pending:
            return True
        try:
            self._write(None)
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                return False
            raise
        self.pending.clear()
        return True

    def add_length(self, total_seconds: float) -> None:
        """The finished visit last recorded lasted ``total_seconds`` with its debrief: kept in
        its row, or in the visit still waiting to be written."""
        seconds = max(0, round(total_seconds))
        if self.last_row is None:
            if self.pending and self.pending[-1].outcome == FINISHED and self.pending[-1].total_seconds is None:
                self.pending[-1] = replace(self.pending[-1], total_seconds=seconds)
            return
        row, self.last_row = self.last_row, None
        with closing(self.connect()) as connection:
            connection.execute("UPDATE visits SET total_seconds = ? WHERE id = ?", (seconds, row))

    def _write(self, visit: Visit | None, placed: bool = True) -> Place | None:
        """In one transaction: the visits kept from earlier, then ``visit`` (if any) with the
        place it takes among those before it (with ``placed``: a visit that reached no ledger
        takes none)."""
        place = None
        with closing(self.connect()) as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                for earlier in self.pending:
                    _insert(connection, earlier)
                if visit is not None:
                    place = _place(connection, visit.score) if placed else None
                    row = _insert(connection, visit)
                    if visit.outcome == FINISHED:
                        self.last_row = row
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        return place

    def _keep(self, visit: Visit) -> None:
        self.pending.append(visit)
        del self.pending[:-MAX_PENDING]

    def visits(self) -> list[Visit]:
        with closing(self.connect()) as connection:
            return read_visits(connection)


class NotAVisitorBook(sqlite3.DatabaseError):
    """A file that is not a visitor database; ``str()`` names it and says why."""


class NotAFile(NotAVisitorBook):
    """A folder or device where a visitor database should be: never moved, never written."""


def sqlite_header_of(path: Path, shown: str | None = None) -> bytes | None:
    """The first bytes of the file at ``path`` (None when there is none), read without
    touching anything else; raises :class:`NotAFile` for a folder or a device, and
    ``sqlite3.OperationalError`` when it cannot be read. ``shown`` is the path as a message
    names it. Checked before SQLite opens a file, so a config named by mistake is never
    touched."""
    name = shown if shown is not None else str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a pipe must not hang us
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise NotAFile(f"{name} is a folder, not a visitor database") from None
    except OSError as exc:
        raise sqlite3.OperationalError(f"{name} cannot be read ({exc.strerror or exc})") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotAFile(f"{name} is a folder, not a visitor database")
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(f"{name} is not an ordinary file, not a visitor database")
        return os.read(fd, len(SQLITE_HEADER))
    except OSError as exc:
        raise sqlite3.OperationalError(f"{name} cannot be read ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)


def _refuse_what_is_not_a_database(path: Path) -> None:
    """Raise unless ``path`` is missing, empty, or a regular file that begins as SQLite does."""
    header = sqlite_header_of(path)
    if header and header != SQLITE_HEADER:
        raise NotAVisitorBook(f"{path} is not a visitor database (not an SQLite file)")


def book_problem(connection: sqlite3.Connection, *, new_allowed: bool) -> str | None:
    """Why the database on ``connection`` is not a sound visitor database, or None.  With
    ``new_allowed``, a database holding nothing at all (a file about to be made) passes."""
    if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        return "failed its integrity check"
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        return "was written by a newer version of the game"
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    if not tables and version == 0 and new_allowed:
        return None
    if "visits" not in tables:
        return "is not a visitor database (it has no visits table)"
    if tables != {"visits"}:
        return "is not a visitor database (it holds other tables)"
    # A table of the same name but another shape is not ours.
    names = [row[1] for row in connection.execute("PRAGMA table_info(visits)")]
    if names not in (["id", *COLUMNS], ["id", *FIRST_COLUMNS, *GUESS_COLUMNS], ["id", *FIRST_COLUMNS]):
        return "holds a visits table of another shape"
    return None


def read_visits(connection: sqlite3.Connection) -> list[Visit]:
    """Every visit, in the order they were written.  Each column is read as the type the
    game wrote, whatever a hand-made file stores there."""
    names = [row[1] for row in connection.execute("PRAGMA table_info(visits)")]
    guessed = ""
    if "guess_counting" in names:       # a version 1 file has no guesses: they read as none
        guessed = "".join(f", COALESCE(CAST(guess_{g.id} AS TEXT), ''), CAST(right_{g.id} AS INTEGER)"
                          for g in GUESSES)
    own = ""
    if "outcome" in names:              # before version 3 every row was a finished visit
        own = (", COALESCE(CAST(outcome AS TEXT), 'finished'), COALESCE(CAST(kiosk AS TEXT), ''), "
               "CAST(started_hour AS INTEGER), CAST(total_seconds AS INTEGER), COALESCE(CAST(acts AS TEXT), '')")
    elif guessed:
        own = ", 'finished', '', NULL, NULL, ''"
    if not guessed and own:
        guessed = ", '', NULL" * len(GUESSES)
    rows = connection.execute(
        "SELECT COALESCE(CAST(finished_on AS TEXT), ''), COALESCE(CAST(ending AS TEXT), ''), "
        "COALESCE(CAST(grade AS TEXT), ''), COALESCE(CAST(score AS INTEGER), 0), "
        "COALESCE(CAST(route AS TEXT), ''), COALESCE(CAST(seconds AS INTEGER), 0)" + guessed + own +
        " FROM visits ORDER BY id").fetchall()
    return [Visit(*row) for row in rows]


def _busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)       # SQLITE_BUSY, SQLITE_LOCKED and their extended codes
    return "locked" in str(exc) or "busy" in str(exc)


def _insert(connection: sqlite3.Connection, visit: Visit) -> int:
    cursor = connection.execute(
        f"INSERT INTO visits ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})",
        (visit.finished_on, visit.ending, visit.grade, int(visit.score), visit.route, int(visit.seconds),
         *(value for value in visit.row()[len(FIRST_COLUMNS):])))
    return int(cursor.lastrowid or 0)


def _place(connection: sqlite3.Connection, score: int) -> Place:
    # Only visits that reached a ledger are compared: one abandoned has no score.
    finished = f"FROM visits WHERE outcome = '{FINISHED}'"
    lower, same, higher = connection.execute(
        "SELECT COALESCE(SUM(score < ?), 0), COALESCE(SUM(score = ?), 0), COALESCE(SUM(score > ?), 0) "
        + finished, (score, score, score)).fetchone()
    grades = connection.execute(f"SELECT grade, COUNT(*) {finished} GROUP BY grade").fetchall()
    guessed = []
    for g in GUESSES:
        answered, right = connection.execute(
            f"SELECT COALESCE(SUM(guess_{g.id} != ''), 0), COALESCE(SUM(right_{g.id} = 1), 0) {finished}").fetchone()
        guessed.append((g.id, answered, right))
    return Place(lower + same + higher, lower, same, higher, tuple((g, n) for g, n in grades), tuple(guessed))


def visit_of(debrief, route: str, seconds: float, today: date | None = None, *, kiosk: str = "",
             started_hour: int | None = None, acts: Iterable[str] = ()) -> Visit:
    """The anonymous row one finished life leaves: with the visitor's guesses, which are
    choices among the game's own options, and the acts they did (the story's own names),
    never anything typed."""
    guessed: dict[str, object] = {}
    for answer in debrief.guesses:
        guessed[f"guess_{answer.guess.id}"] = answer.chosen.id
        guessed[f"right_{answer.guess.id}"] = None if answer.right is None else int(answer.right)
    return Visit((today or date.today()).isoformat(), debrief.ending_title, debrief.home.grade,
                 int(debrief.home.score), route, max(0, round(seconds)), **guessed, kiosk=kiosk,
                 started_hour=started_hour, acts=",".join(sorted(set(acts))))


def unfinished_visit(outcome: str, route: str, seconds: float, today: date | None = None, *, kiosk: str = "",
                     started_hour: int | None = None) -> Visit:
    """The row a visit that reached no debrief leaves: how it ended, where, when and how long."""
    length = max(0, round(seconds))
    return Visit((today or date.today()).isoformat(), "", "", 0, route, length, outcome=outcome, kiosk=kiosk,
                 started_hour=started_hour, total_seconds=length)


#: How the comparison says that visitors guessed a question right.
_GUESSED = {"counting": "visitors guessed that something was keeping count",
            "reporters": "guessed how many wrote down what they did",
            "standing": "guessed how they stood"}


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
        # The visitor's own grade has its row, "here", even when nobody before them had it.
        counts.setdefault(grade, 0)
        ordered = [g for g in grade_order if g in counts] + sorted(g for g in counts if g not in grade_order)
        blocks.append(doc.Table((doc.Column("Grade", wraps=False), doc.Column("Visitors", wraps=False, numeric=True),
                                 doc.Column("You", wraps=False)),
                                tuple((g, counts[g], "here" if g == grade else "") for g in ordered)))
    said = [f"{right:,} of {answered:,} {_GUESSED[qid]}" for qid, answered, right in place.guessed if answered]
    if said:
        blocks.append(doc.Paragraph("Before you, asked before their ledgers opened: " + "; ".join(said) + "."))
    blocks.append(doc.Paragraph("Nobody asked whether you wanted to be compared. Your line has been added for the "
                            "next visitor.", quiet=True))
    return doc.Section("Among the visitors", "The system compares you too", "Where your ledger sits",
                       tuple(blocks))


"""The operator's report on the visitor book (``python main.py visitors``): the aggregate
in the terminal, every visit as CSV.

The report only reads.  It opens the file read-only, after checking that it is an ordinary
file beginning as SQLite does, and refuses anything that is not a visitor database with one
line: a config named by mistake, a folder, another program's database are left exactly as
they were.  The CSV is replaced whole, and a cell a spreadsheet would take for a formula is
written as text.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import stat
from contextlib import closing
from pathlib import Path
from typing import IO, Iterable

from game.engine.printed import printed_name as shown
from game.jsonfile import write_text_atomic
from game.engine.guesses import GUESSES, UNSURE
from game.visitor_book import COLUMNS, SQLITE_HEADER, NotAVisitorBook, Visit, book_problem, read_visits, sqlite_header_of

#: How long the report waits for a kiosk that holds the whole file (seconds).  A kiosk's
#: writes never block a reader in WAL mode; only a program locking the file out does.
READ_WAIT_SECONDS = 2
#: What a spreadsheet takes as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Refused(Exception):
    """The report cannot go on; ``str()`` is the one line to print, ``code`` the exit code."""

    def __init__(self, line: str, code: int = 2) -> None:
        super().__init__(line)
        self.code = code


def read_book(path: Path) -> list[Visit]:
    """Every visit in the visitor database at ``path``, read without writing a byte of it."""
    name = shown(path)
    try:
        header = sqlite_header_of(path, name)
    except NotAVisitorBook as exc:
        raise Refused(str(exc)) from None
    except sqlite3.Error as exc:
        raise Refused(str(exc)) from None
    if header is None:
        # The whole path: a report typed in another folder than the kiosk's says where it looked.
        raise Refused(f"{shown(path.absolute())}: no visitor statistics yet "
                      "(turn them on with \"statistics\": true in the kiosk config)", 1)
    if header != SQLITE_HEADER:
        raise Refused(f"{name} is not a visitor database (not an SQLite file)")
    # mode=ro: SQLite itself refuses to write; a path's "?" or "#" is escaped by as_uri().
    uri = path.absolute().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=READ_WAIT_SECONDS, isolation_level=None)) as connection:
            why = book_problem(connection, new_allowed=False)
            if why:
                raise Refused(f"{name} {why}")
            return read_visits(connection)
    except sqlite3.Error as exc:
        raise Refused(f"{name} cannot be read as a visitor database ({shown(exc)})") from None


def summary(visits: list[Visit]) -> dict:
    """The aggregate an operator reads: how many visits, on which days, which endings and
    grades, each route's median length."""
    lengths: dict[str, list[int]] = {}
    for v in visits:
        lengths.setdefault(v.route, []).append(v.seconds)
    return {
        "visits": len(visits),
        "first_day": visits[0].finished_on if visits else None,
        "last_day": visits[-1].finished_on if visits else None,
        "days": _counts(v.finished_on for v in visits),
        "endings": _counts(v.ending for v in visits),
        "grades": _counts(v.grade for v in visits),
        "routes": _counts(v.route for v in visits),
        "median_seconds": {route: _median(s) for route, s in sorted(lengths.items())},
        "guesses": {g.id: _guessed(visits, g.id) for g in GUESSES},
    }


def _guessed(visits: list[Visit], question: str) -> dict[str, int]:
    """How the visitors who answered one guess fared: right, wrong, or not sure."""
    answered = [v for v in visits if getattr(v, f"guess_{question}")]
    unsure = sum(1 for v in answered if getattr(v, f"guess_{question}") == UNSURE)
    right = sum(1 for v in answered if getattr(v, f"right_{question}") == 1)
    return {"answered": len(answered), "right": right, "wrong": len(answered) - unsure - right, "unsure": unsure}


def print_summary(path: Path, visits: list[Visit], out: IO[str]) -> None:
    """The aggregate as an operator reads it in a terminal."""
    data = summary(visits)
    print(f"{shown(path)}: {data['visits']:,} finished visits", file=out)
    if not data["visits"]:
        return
    print(f"from {shown(data['first_day'])} to {shown(data['last_day'])}, on {len(data['days'])} days", file=out)
    for title in ("endings", "grades", "routes"):
        print(f"{title}:", file=out)
        for value, count in data[title].items():
            print(f"  {count:6,}  {shown(value)}", file=out)
    for route, seconds in data["median_seconds"].items():
        print(f"median visit ({shown(route)} route): {seconds / 60:.1f} minutes", file=out)
    if any(counts["answered"] for counts in data["guesses"].values()):
        print("guesses before the debrief (right / wrong / not sure, of those who answered):", file=out)
        for guess in GUESSES:
            c = data["guesses"][guess.id]
            print(f"  {c['right']:6,} / {c['wrong']:,} / {c['unsure']:,} of {c['answered']:,}  {guess.question}",
                  file=out)


def cell(value: object) -> object:
    """One CSV cell.  Text a spreadsheet would run as a formula gets a leading ``'``, which
    makes it text; numbers the game wrote as numbers stay numbers (``-40`` is a score)."""
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(visits: Iterable[Visit]) -> str:
    """Every visit as CSV: a header row, then one row each."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for v in visits:
        writer.writerow([cell(value) for value in v.row()])
    return out.getvalue()


def write_csv(visits: list[Visit], target: Path) -> None:
    """Write the CSV to ``target``: a file is replaced whole; a device or a pipe (``/dev/stdout``)
    is written straight.  Anything that cannot be written raises :class:`Refused`."""
    text = csv_text(visits)
    name = shown(target)
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise Refused(f"{name} cannot be written ({exc.strerror or exc})") from None
    try:
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise Refused(f"{name} is a folder; name a file to write the visits to")
        if info is not None and not stat.S_ISREG(info.st_mode):
            with open(target, "w", encoding="utf-8", newline="") as out:
                out.write(text)
            return
        if not target.parent.is_dir():
            raise Refused(f"{name} cannot be written: the folder {shown(target.parent)} does not exist")
        write_text_atomic(target, text)
    except OSError as exc:
        raise Refused(f"{name} cannot be written ({exc.strerror or exc})") from None


def report(path: Path, csv_target: Path | None, out: IO[str], err: IO[str]) -> int:
    """The ``visitors`` command: 0 done, 1 no statistics yet, 2 refused (one line on ``err``)."""
    try:
        visits = read_book(path)
        print_summary(path, visits, out)
        if csv_target is not None:
            write_csv(visits, csv_target)
            print(f"{len(visits):,} visits written to {shown(csv_target)}", file=out)
    except Refused as exc:
        print(exc, file=err)
        return exc.code
    return 0


def _counts(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return float(ordered[middle]) if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

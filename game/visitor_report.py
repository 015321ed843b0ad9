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
from game.visitor_book import (COLUMNS, FINISHED, OUTCOMES, SQLITE_HEADER, NotAVisitorBook, Visit, book_problem,
                               read_visits, sqlite_header_of)

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
    """The aggregate an operator reads: visits begun and finished, on which days and at which
    hours, at which kiosks, which endings and grades, how long, what visitors did, and how
    they guessed.  Endings, grades and guesses are the finished visits' (only they reached a
    ledger); a file from before visits were counted unfinished holds finished ones only."""
    finished = [v for v in visits if v.outcome == FINISHED]
    lengths: dict[str, list[int]] = {}
    for v in finished:
        lengths.setdefault(v.route, []).append(v.seconds)
    whole = [v.total_seconds for v in finished if v.total_seconds is not None]
    hours = [v.started_hour for v in visits if v.started_hour is not None]
    acts: dict[str, int] = {}
    for v in finished:
        for act in filter(None, v.acts.split(",")):
            acts[act] = acts.get(act, 0) + 1
    return {
        "visits": len(finished),
        "started": len(visits),
        "counts_unfinished": any(v.outcome != FINISHED for v in visits) or any(v.started_hour is not None for v in visits),
        "outcomes": {outcome: sum(1 for v in visits if v.outcome == outcome) for outcome in OUTCOMES},
        "first_day": min((v.finished_on for v in visits), default=None),
        "last_day": max((v.finished_on for v in visits), default=None),
        "days": dict(sorted(_counts(v.finished_on for v in visits).items())),
        "hours": {f"{h:02d}": hours.count(h) for h in sorted(set(hours))},
        "kiosks": _counts(v.kiosk for v in visits if v.kiosk),
        "endings": _counts(v.ending for v in finished),
        "grades": _counts(v.grade for v in finished),
        "routes": _counts(v.route for v in finished),
        "median_seconds": {route: _median(s) for route, s in sorted(lengths.items())},
        "median_total_seconds": _median(whole) if whole else None,
        "acts": dict(sorted(acts.items(), key=lambda kv: (-kv[1], kv[0]))),
        "guesses": {g.id: _guessed(finished, g.id) for g in GUESSES},
    }


def _guessed(visits: list[Visit], question: str) -> dict[str, int]:
    """How the visitors who answered one guess fared: right, wrong, or not sure."""
    answered = [v for v in visits if getattr(v, f"guess_{question}")]
    unsure = sum(1 for v in answered if getattr(v, f"guess_{question}") == UNSURE)
    right = sum(1 for v in answered if getattr(v, f"right_{question}") == 1)
    return {"answered": len(answered), "right": right, "wrong": len(answered) - unsure - right, "unsure": unsure}


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` things, in words: "1 day", "2 days"."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def summary_lines(path: Path, data: dict) -> list[str]:
    """The aggregate as an operator reads it in a terminal, one line each."""
    lines = [f"{shown(path)}: {counted(data['visits'], 'finished visit')}"]
    if data["counts_unfinished"]:
        rate = f" ({data['visits'] / data['started']:.0%} finished)" if data["started"] else ""
        lines[0] += f" of {counted(data['started'], 'visit')} begun{rate}"
        ended = ", ".join(f"{n:,} {outcome}" for outcome, n in data["outcomes"].items() if n and outcome != FINISHED)
        if ended:
            lines.append(f"not finished: {ended}")
    if not data["started"]:
        return lines
    lines.append(f"from {shown(data['first_day'])} to {shown(data['last_day'])}, on {counted(len(data['days']), 'day')}")
    if len(data["days"]) > 1:
        lines.append("visits by day: " + ", ".join(f"{shown(day)} {n:,}" for day, n in data["days"].items()))
    if data["hours"]:
        busiest = max(data["hours"].values())
        lines.append("visits begun by hour: " + ", ".join(f"{h}h {n:,}" + (" (busiest)" if n == busiest else "")
                                                          for h, n in data["hours"].items()))
    if len(data["kiosks"]) > 1 or (data["kiosks"] and data["counts_unfinished"]):
        lines.append("kiosks: " + ", ".join(f"{shown(k)} {n:,}" for k, n in data["kiosks"].items()))
    for title in ("endings", "grades", "routes"):
        lines.append(f"{title}:")
        lines += [f"  {count:6,}  {shown(value)}" for value, count in data[title].items()]
    for route, seconds in data["median_seconds"].items():
        lines.append(f"median visit to the debrief ({shown(route)} route): {seconds / 60:.1f} minutes")
    if data["median_total_seconds"] is not None:
        lines.append(f"median finished visit with its debrief: {data['median_total_seconds'] / 60:.1f} minutes")
    if data["acts"]:
        lines.append("what finished visitors did (of " + counted(data["visits"], "visit") + "):")
        lines += [f"  {count:6,}  {shown(act)}" for act, count in data["acts"].items()]
    if any(counts["answered"] for counts in data["guesses"].values()):
        lines.append("guesses before the debrief (right / wrong / not sure, of those who answered):")
        for guess in GUESSES:
            c = data["guesses"][guess.id]
            lines.append(f"  {c['right']:6,} / {c['wrong']:,} / {c['unsure']:,} of {c['answered']:,}  {guess.question}")
    return lines


def print_summary(path: Path, visits: list[Visit], out: IO[str]) -> None:
    """The aggregate as an operator reads it in a terminal."""
    for line in summary_lines(path, summary(visits)):
        print(line, file=out)


def summary_page(path: Path, visits: list[Visit]) -> str:
    """The aggregate as a page to print or send to an organiser: plain HTML, every value escaped."""
    from html import escape

    lines = summary_lines(path, summary(visits))
    body = []
    for line in lines:
        if line.startswith("  "):
            count, _, what = line.strip().partition("  ")
            body.append(f"<tr><td class=\"n\">{escape(count)}</td><td>{escape(what.strip())}</td></tr>")
            continue
        if body and body[-1].startswith("<tr>") and not line.startswith("  "):
            body.append("</table>")
        if line.endswith(":"):
            body.append(f"<h2>{escape(line[:-1])}</h2><table>")
        else:
            body.append(f"<p>{escape(line)}</p>")
    if body and body[-1].startswith("<tr>"):
        body.append("</table>")
    style = ("@page { size: A4; margin: 14mm; } body { font: 10pt/1.4 sans-serif; max-width: 48rem; margin: 1rem auto; }"
             " h1 { font-size: 15pt; } h2 { font-size: 11pt; margin: .8rem 0 .2rem; } p { margin: .2rem 0; }"
             " td { padding: .05rem .5rem; } td.n { text-align: right; font-variant-numeric: tabular-nums; }")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Keeping Trust: visitors</title>\n"
            f"<style>{style}</style>\n</head>\n<body>\n<h1>Keeping Trust: visitors</h1>\n" + "\n".join(body)
            + "\n</body>\n</html>\n")


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


def report(path: Path, csv_target: Path | None, out: IO[str], err: IO[str], html_target: Path | None = None) -> int:
    """The ``visitors`` command: 0 done, 1 no statistics yet, 2 refused (one line on ``err``)."""
    try:
        visits = read_book(path)
        print_summary(path, visits, out)
        if csv_target is not None:
            write_csv(visits, csv_target)
            print(f"{counted(len(visits), 'visit')} written to {shown(csv_target)}", file=out)
        if html_target is not None:
            write_page(summary_page(path, visits), html_target)
            print(f"the summary to print: {shown(html_target)}", file=out)
    except Refused as exc:
        print(exc, file=err)
        return exc.code
    return 0


def write_page(page: str, target: Path) -> None:
    """Write the printable summary to ``target``, replaced whole; refused in one line if not."""
    if target.is_dir():
        raise Refused(f"{shown(target)} is a folder; name a file to write the summary to")
    if not target.parent.is_dir():
        raise Refused(f"{shown(target)} cannot be written: the folder {shown(target.parent)} does not exist")
    try:
        write_text_atomic(target, page, shared=True)
    except OSError as exc:
        raise Refused(f"{shown(target)} cannot be written ({exc.strerror or exc})") from None


def _counts(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return float(ordered[middle]) if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

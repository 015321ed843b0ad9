"""What a teacher reads after the lesson: a class's transcripts summed up on one page
(``class-report FOLDER``), and two students' choices side by side (``compare A B``).

Both read the record each transcript ends with (:mod:`game.transcript_choices`), from its
HTML or its Markdown file (a pair saved together is counted once), and print a short summary
in the terminal and a printable page of HTML: plain, A4, no scripts, every piece of text
escaped.  A file that holds no record — an older transcript, anything else in the folder —
is named and left out, never a reason to stop.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, Iterable

from game.engine.guesses import GUESSES, UNSURE
from game.jsonfile import write_text_atomic
from game.transcript_choices import read_record

#: The files a folder of transcripts is read for.
TRANSCRIPT_SUFFIXES = (".html", ".htm", ".md", ".markdown")
#: A transcript is a few hundred kilobytes; anything much larger is not one.
MAX_TRANSCRIPT_BYTES = 8 * 1024 * 1024
#: The grades best first, for ordering (others follow in the order met).
GRADE_ORDER = ("AAA", "AA", "A", "B", "C", "D")
#: How many of the decisions that split the class the summary shows: a page's worth.
MOST_SPLITS = 10
#: The page's default name, in the folder it sums up.
REPORT_NAME = "class-report.html"


@dataclass(frozen=True)
class Read:
    """A folder read: the records found (each transcript once), and the files left out."""

    records: list[dict[str, Any]]
    skipped: list[Path]


def read_folder(folder: Path) -> Read:
    """Every transcript record in ``folder`` (not its sub-folders), oldest first."""
    found: dict[tuple, dict[str, Any]] = {}
    skipped: list[Path] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.lower() not in TRANSCRIPT_SUFFIXES or path.name == REPORT_NAME:
            continue
        record = read_transcript(path)
        if record is None:
            skipped.append(path)
            continue
        record["file"] = path.name
        # A transcript's HTML and Markdown share a name but for the suffix: one student, once.
        found.setdefault((path.stem, record.get("written"), record.get("seed")), record)
    records = sorted(found.values(), key=lambda r: (str(r.get("written")), r["file"]))
    return Read(records, skipped)


def read_transcript(path: Path) -> dict[str, Any] | None:
    """The record one transcript file holds, or None when it holds none or cannot be read."""
    try:
        if path.stat().st_size > MAX_TRANSCRIPT_BYTES:
            return None
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    record = read_record(text)
    if record is None or not isinstance(record.get("decisions"), list):
        return None
    return record


def student(record: dict[str, Any]) -> str:
    """How a student is named in a report: their name, or their file's when they gave none."""
    return str(record.get("name") or "") or f"({record.get('file', 'no name')})"


def _counts(values: Iterable[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[str(value)] = counts.get(str(value), 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def summary(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The class summed up: endings, grades, each decision most of the class met with how
    many chose what, how many guessed each question right, and one row per student."""
    finished = [r for r in records if r.get("ending")]
    grades = _counts(r.get("grade") for r in finished)
    ordered = {g: grades[g] for g in GRADE_ORDER if g in grades}
    ordered.update({g: n for g, n in grades.items() if g not in ordered})
    met: dict[str, dict[str, Any]] = {}
    for record in records:
        for decision in record.get("decisions", []):
            entry = met.setdefault(str(decision.get("passage")), {"day": decision.get("day"), "met": 0,
                                                                   "chosen": {}, "students": set()})
            if id(record) in entry["students"]:
                continue                 # a page met twice in one life counts its first choice
            entry["students"].add(id(record))
            entry["met"] += 1
            chosen = str(decision.get("chosen"))
            entry["chosen"][chosen] = entry["chosen"].get(chosen, 0) + 1
    # The decisions that split the class most: met by at least half of it, and the more
    # students chose against the most common answer, the higher; then in the order of the days.
    split = [{"passage": p, "day": e["day"], "met": e["met"],
              "chosen": dict(sorted(e["chosen"].items(), key=lambda kv: -kv[1]))}
             for p, e in met.items() if e["met"] * 2 >= len(records) and len(e["chosen"]) > 1]
    split.sort(key=lambda d: (-(d["met"] - max(d["chosen"].values())), -d["met"], d["passage"]))
    decisions = sorted(split[:MOST_SPLITS], key=lambda d: (d["day"] if isinstance(d["day"], int) else 0, d["passage"]))
    guessed = {}
    for guess in GUESSES:
        answers = [a for r in finished for a in r.get("guesses", []) if a.get("question") == guess.id]
        guessed[guess.id] = {"question": guess.short, "answered": len(answers),
                             "right": sum(1 for a in answers if a.get("right") is True),
                             "wrong": sum(1 for a in answers if a.get("right") is False),
                             "unsure": sum(1 for a in answers if a.get("answer") == UNSURE)}
    return {
        "transcripts": len(records), "finished": len(finished), "seeds": _counts(r.get("seed") for r in records),
        "routes": _counts(r.get("route") for r in records), "endings": _counts(r.get("ending") for r in finished),
        "grades": ordered, "decisions": decisions, "guesses": guessed,
        "students": [{"name": student(r), "ending": r.get("ending") or "not reached", "grade": r.get("grade") or "—",
                      "score": r.get("score"), "choices": len(r.get("decisions", [])),
                      "right": sum(1 for a in r.get("guesses", []) if a.get("right") is True)}
                     for r in records],
    }


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def summary_lines(data: dict[str, Any]) -> list[str]:
    """The summary as the terminal prints it."""
    lines = [f"{_plural(data['transcripts'], 'transcript')}, {data['finished']:,} reached an ending"]
    if len(data["seeds"]) > 1:
        lines.append("seeds: " + ", ".join(f"{seed} ({n})" for seed, n in data["seeds"].items())
                     + " — not one world: compare within a seed")
    elif data["seeds"]:
        lines.append(f"seed: {next(iter(data['seeds']))}")
    lines.append("endings: " + ("; ".join(f"{e} {n}" for e, n in data["endings"].items()) or "none"))
    lines.append("grades: " + (", ".join(f"{g} {n}" for g, n in data["grades"].items()) or "none"))
    for guess in data["guesses"].values():
        if guess["answered"]:
            lines.append(f"{guess['question']} {guess['right']} right, {guess['wrong']} wrong, "
                         f"{guess['unsure']} not sure")
    for decision in data["decisions"]:
        lines.append(f"Day {decision['day']} ({decision['met']} met it): "
                     + "; ".join(f"{n} “{text}”" for text, n in decision["chosen"].items()))
    return lines


_STYLE = """
@page { size: A4; margin: 12mm; }
body { font: 9pt/1.3 "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1f1d1a; margin: 0 auto;
       max-width: 60rem; padding: 1rem; }
h1 { font-size: 15pt; margin: 0 0 .3rem; } h2 { font-size: 11pt; margin: .9rem 0 .3rem; }
p { margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .12rem .35rem; border-bottom: 1px solid #d8cfbf; }
th { border-bottom: 2px solid #1f1d1a; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td:first-child { white-space: nowrap; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2rem; }
.differs td { background: #f6efe0; }
.quiet { color: #5b554d; }
@media print { body { padding: 0; max-width: none; } tr { break-inside: avoid; } }
"""


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _table(head: list[tuple[str, bool]], rows: Iterable[Iterable[Any]], row_class=None) -> str:
    cells = "".join(f"<th class=\"n\">{escape(t)}</th>" if n else f"<th>{escape(t)}</th>" for t, n in head)
    out = [f"<table><thead><tr>{cells}</tr></thead><tbody>"]
    for i, row in enumerate(rows):
        cls = f' class="{row_class(i)}"' if row_class and row_class(i) else ""
        out.append(f"<tr{cls}>" + "".join(
            f"<td class=\"n\">{escape(str(v))}</td>" if n else f"<td>{escape(str(v))}</td>"
            for v, (_, n) in zip(row, head)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def report_page(data: dict[str, Any], folder_name: str) -> str:
    """The class summed up on one printable page."""
    parts = [f"<h1>Keeping Trust: the class — {escape(folder_name)}</h1>",
             "<p>" + escape("; ".join(summary_lines(data)[:2])) + "</p>",
             '<div class="two"><div><h2>Endings</h2>',
             _table([("Ending", False), ("Students", True)], data["endings"].items()),
             "</div><div><h2>Grades</h2>",
             _table([("Grade", False), ("Students", True)], data["grades"].items()),
             "<h2>Guessed before the debrief</h2>",
             _table([("Question", False), ("Right", True), ("Wrong", True), ("Not sure", True)],
                    [(g["question"], g["right"], g["wrong"], g["unsure"]) for g in data["guesses"].values()]),
             "</div></div>",
             "<h2>The choices that split the class most</h2>",
             _table([("Day", False), ("Met it", True), ("Chosen (how many)", False)],
                    [(f"Day {d['day']}", d["met"], " · ".join(f"“{t}” {n}" for t, n in d["chosen"].items()))
                     for d in data["decisions"]]) if data["decisions"] else
             '<p class="quiet">No choice was met by half of the class with two answers.</p>',
             "<h2>Students</h2>",
             _table([("Student", False), ("Ending", False), ("Grade", False), ("Score", True), ("Choices", True),
                     ("Guessed right", True)],
                    [(s["name"], s["ending"], s["grade"], "—" if s["score"] is None else f"{s['score']:,}",
                      s["choices"], f"{s['right']} of 3") for s in data["students"]])]
    return _page(f"Keeping Trust: the class — {folder_name}", "\n".join(parts))


def comparison(one: dict[str, Any], other: dict[str, Any]) -> list[dict[str, Any]]:
    """Two students' decisions side by side: one row per page either met, in the order of the
    days, with what each chose there and what the record made of it (None: not met)."""
    rows: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for side, record in (("one", one), ("other", other)):
        for decision in record.get("decisions", []):
            passage = str(decision.get("passage"))
            if passage not in rows:
                rows[passage] = {"day": decision.get("day"), "one": None, "other": None}
                order.append(passage)
            if rows[passage][side] is None:
                rows[passage][side] = (str(decision.get("chosen")), "; ".join(decision.get("recorded", [])) or "—")
    ordered = sorted(order, key=lambda p: (rows[p]["day"] if isinstance(rows[p]["day"], int) else 0, order.index(p)))
    return [{"passage": p, **rows[p]} for p in ordered]


def comparison_page(one: dict[str, Any], other: dict[str, Any]) -> str:
    """Two students on one printable page: their standing, then their choices side by side."""
    rows = comparison(one, other)
    names = (student(one), student(other))
    seeds = "the same seed, " + str(one.get("seed")) if one.get("seed") == other.get("seed") else \
        f"different seeds ({one.get('seed')} and {other.get('seed')}): not one world"
    head = [f"<h1>{escape(names[0])} and {escape(names[1])}</h1>", f"<p>{escape(seeds.capitalize())}.</p>",
            _table([("", False), (names[0], False), (names[1], False)],
                   [("Ending", one.get("ending") or "not reached", other.get("ending") or "not reached"),
                    ("Grade and score", _standing(one), _standing(other))]),
            "<h2>Their choices, side by side</h2>",
            '<p class="quiet">Shaded rows: they chose differently, or only one of them was there.</p>']
    body = _table([("Day", False), (f"{names[0]} chose", False), ("On the record", False),
                   (f"{names[1]} chose", False), ("On the record", False)],
                  [(f"Day {r['day']}", *(r["one"] or ("—", "")), *(r["other"] or ("—", ""))) for r in rows],
                  row_class=lambda i: "differs" if rows[i]["one"] is None or rows[i]["other"] is None
                  or rows[i]["one"][0] != rows[i]["other"][0] else "")
    return _page(f"Keeping Trust: {names[0]} and {names[1]}", "\n".join(head) + body)


def comparison_lines(one: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """The comparison as the terminal prints it: only the rows where the two differ."""
    names = (student(one), student(other))
    lines = [f"{names[0]}: {one.get('ending') or 'not reached'}, {_standing(one)}",
             f"{names[1]}: {other.get('ending') or 'not reached'}, {_standing(other)}"]
    if one.get("seed") != other.get("seed"):
        lines.append(f"different seeds ({one.get('seed')} and {other.get('seed')}): not one world")
    for row in comparison(one, other):
        if row["one"] is not None and row["other"] is not None and row["one"][0] == row["other"][0]:
            continue
        a = row["one"][0] if row["one"] else "(not there)"
        b = row["other"][0] if row["other"] else "(not there)"
        lines.append(f"Day {row['day']}: {names[0]} “{a}” / {names[1]} “{b}”")
    return lines


def _standing(record: dict[str, Any]) -> str:
    if record.get("grade") is None:
        return "no debrief"
    score = record.get("score")
    return f"grade {record['grade']}, {score:,} points" if isinstance(score, int) else f"grade {record['grade']}"


def write_page(path: Path, page: str) -> None:
    """Write a page a teacher prints, readable by the teacher's other accounts."""
    write_text_atomic(path, page, shared=True)

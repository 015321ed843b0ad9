"""Visitor statistics: one anonymous row per finished visit, safe with two kiosks writing at
once, a damaged file of the kiosk's own set aside rather than stopping the kiosk, any other
file left alone, and a database held by another program never freezing the debrief."""

from __future__ import annotations

import csv
import io
import sqlite3
from contextlib import closing
from dataclasses import replace
import subprocess
import sys
import textwrap
import time

import pytest

from game.visitor_report import csv_text, read_book, summary
from game.visitor_book import COLUMNS, VisitorBook, comparison_section
from helpers import ROOT, visit


@pytest.fixture
def shipped_life(shipped_story):
    """A short life through the shipped story, played to its ending."""
    from game.engine import Session

    session = Session.new(shipped_story, 4, "short")
    while not session.is_over:
        session.choose(1)
    return session


def test_a_visit_is_one_row_of_ending_grade_score_route_length_day_and_guesses_and_nothing_else(tmp_path):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(replace(visit(), guess_counting="no", right_counting=0, guess_standing="unsure"))
    with sqlite3.connect(book.path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(visits)")]
        rows = connection.execute("SELECT * FROM visits").fetchall()
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert columns == ["id", *COLUMNS]
    assert rows == [(1, "2025-05-18", "The harbour", "A", 1000, "short", 600, "no", 0, "", None, "unsure", None,
                     "finished", "", None, None, "")]
    assert mode == "wal"


def test_a_visitor_book_of_the_first_version_gains_the_guesses_and_keeps_its_visits(tmp_path):
    path = tmp_path / "visitors.sqlite"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, finished_on TEXT NOT NULL, ending TEXT NOT NULL, "
                           "grade TEXT NOT NULL, score INTEGER NOT NULL, route TEXT NOT NULL, seconds INTEGER NOT NULL)")
        connection.execute("INSERT INTO visits VALUES (1, '2025-05-17', 'The List', 'B', 930, 'short', 540)")
        connection.execute("PRAGMA user_version = 1")
        connection.commit()
    book = VisitorBook(path)
    book.record(replace(visit(), guess_reporters="many", right_reporters=1))
    before, after = book.visits()
    assert (before.ending, before.guess_reporters, before.right_reporters) == ("The List", "", None)
    assert (after.guess_reporters, after.right_reporters) == ("many", 1)


def test_a_finished_life_leaves_its_guesses_and_whether_the_record_bore_them_out(shipped_life):
    from game.visitor_book import visit_of

    shipped_life.guess("counting", "no")
    shipped_life.guess("reporters", "unsure")
    shipped_life.guess("standing", "higher" if shipped_life.debrief().home.score > 1000 else "lower")
    row = visit_of(shipped_life.debrief(), "short", 300)
    assert (row.guess_counting, row.right_counting) == ("no", 0)      # something was always counting
    assert (row.guess_reporters, row.right_reporters) == ("unsure", None)
    assert row.guess_standing in ("higher", "lower") and row.right_standing in (0, 1)
    assert row.right_standing == int((row.guess_standing == "higher") == (row.score > 1000) and row.score != 1000)


def test_each_visitor_is_placed_among_the_visitors_before_them(tmp_path):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    first = book.record(visit(1000, "A"))
    assert first.earlier == 0
    book.record(visit(960, "A"))
    book.record(visit(1040, "AA"))
    place = book.record(visit(1000, "A"))
    assert (place.earlier, place.lower, place.same, place.higher) == (3, 1, 1, 1)
    assert dict(place.grades) == {"A": 2, "AA": 1}


def test_the_comparison_names_counts_and_no_one(tmp_path):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(visit(1040, "AA"))
    section = comparison_section(book.record(visit(1000, "A")), ["AAA", "AA", "A", "B"], "A")
    paragraph = section.blocks[0].text
    assert "Of the 1 visitor before you, 0 finished with a lower score" in paragraph
    table = section.blocks[1]
    # The visitor's own grade has its row, "here", though nobody before them had it.
    assert table.rows == (("AA", 1, ""), ("A", 0, "here"))


def test_the_summary_and_the_csv_hold_every_visit(tmp_path):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    for score, grade, seconds in ((1000, "A", 500), (950, "B", 700), (1000, "A", 600)):
        book.record(visit(score, grade, seconds))
    visits = read_book(book.path)
    data = summary(visits)
    assert data["visits"] == 3 and data["grades"] == {"A": 2, "B": 1}
    assert data["median_seconds"] == {"short": 600.0}
    rows = list(csv.reader(io.StringIO(csv_text(visits))))
    assert rows[0] == list(COLUMNS) and len(rows) == 4 and rows[2][2] == "B"


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from game.visitor_book import Visit, VisitorBook
    book = VisitorBook(Path(sys.argv[1]))
    for n in range(int(sys.argv[2])):
        book.record(Visit("2025-05-18", "kiosk " + sys.argv[3], "A", 900 + n % 200, "short", n))
    # A visit kept while the other kiosk held the file goes in at the next chance.
    while not book.write_pending():
        pass
""")


@pytest.mark.slow
def test_two_kiosk_processes_writing_at_once_lose_and_damage_nothing(tmp_path):
    # Two real writers racing; in one process, the held-database tests below keep a visit
    # while the book is busy and write it at the next chance.
    path = tmp_path / "visitors.sqlite"
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)))
    per_process = 150
    writers = [subprocess.Popen([sys.executable, str(script), str(path), str(per_process), name])
               for name in ("one", "two")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    book = VisitorBook(path)
    visits = book.visits()
    assert len(visits) == 2 * per_process
    assert {v.ending for v in visits} == {"kiosk one", "kiosk two"}
    assert book.problem is None
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_kiosks_own_file_that_is_not_a_database_is_set_aside_and_a_new_one_started(tmp_path):
    path = tmp_path / "visitors.sqlite"
    path.write_bytes(b"this is not SQLite " * 200)
    book = VisitorBook(path, own_file=True)
    book.record(visit())
    assert len(book.visits()) == 1
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("visitors.sqlite.broken-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not SQLite")
    assert book.problem and aside[0].name in book.problem


def test_the_kiosks_own_database_of_another_shape_is_set_aside_too(tmp_path):
    path = tmp_path / "visitors.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE visits (name TEXT)")
    connection.close()
    book = VisitorBook(path, own_file=True)
    book.record(visit())
    assert [v.score for v in book.visits()] == [1000]
    assert any(p.name.startswith("visitors.sqlite.broken-") for p in tmp_path.iterdir())


def test_the_visitors_command_prints_the_aggregate_and_writes_csv(tmp_path):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(visit(1000, "A"))
    book.record(visit(950, "B"))
    out = tmp_path / "visits.csv"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "visitors", "--database", str(book.path),
                           "--csv", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2 finished visits" in done.stdout and "The harbour" in done.stdout
    assert out.read_text().splitlines()[0] == ",".join(COLUMNS)


def test_a_file_the_operator_named_is_never_set_aside_nor_written_when_it_is_not_a_visitor_book(tmp_path):
    config = tmp_path / "kiosk.json"
    config.write_text('{"staff_pin": "7291"}\n')
    book = VisitorBook(config)
    with pytest.raises(sqlite3.DatabaseError, match="kiosk.json"):
        book.record(visit())
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.json"]
    assert config.read_text() == '{"staff_pin": "7291"}\n'


def test_another_programs_database_named_by_the_operator_gains_no_table(tmp_path):
    other = tmp_path / "shop.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE accounts (name TEXT)")
    connection.close()
    before = other.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        VisitorBook(other).record(visit())
    assert other.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["shop.sqlite"]


def test_a_folder_where_the_file_should_be_is_never_moved_even_for_the_kiosks_own_file(tmp_path):
    folder = tmp_path / "visitors.sqlite"
    folder.mkdir()
    (folder / "notes.txt").write_text("the technician's notes")
    book = VisitorBook(folder, own_file=True)
    with pytest.raises(sqlite3.DatabaseError, match="folder"):
        book.record(visit())
    assert [p.name for p in tmp_path.iterdir()] == ["visitors.sqlite"]
    assert (folder / "notes.txt").read_text() == "the technician's notes"


def test_a_new_file_is_made_where_the_operator_said(tmp_path):
    book = VisitorBook(tmp_path / "stats.sqlite")
    book.record(visit())
    assert len(book.visits()) == 1 and book.problem is None


@pytest.mark.parametrize("hold", ["a write transaction", "an exclusive lock"])
def test_a_database_held_by_another_program_neither_freezes_the_debrief_nor_loses_the_visit(tmp_path, hold):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(visit(900))
    other = sqlite3.connect(book.path, isolation_level=None)
    if hold == "an exclusive lock":
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    place = book.record(visit(1000))
    waited = time.monotonic() - started
    assert place is None                        # no comparison this time: the book is busy
    assert waited < 2.0
    assert book.pending == [visit(1000)]
    assert book.problem and "kept" in book.problem
    other.execute("ROLLBACK")
    other.close()
    place = book.record(visit(1100))            # the next visit writes the one kept
    assert place is not None and place.earlier == 2
    assert [v.score for v in book.visits()] == [900, 1000, 1100]
    assert book.pending == []


def test_visits_kept_while_the_database_is_busy_are_bounded(tmp_path, monkeypatch):
    from game import visitor_book

    monkeypatch.setattr(visitor_book, "MAX_PENDING", 3)
    # How long each refused write waits is not what is counted here; the held-database tests
    # above wait the game's own moment.
    monkeypatch.setattr(visitor_book, "BUSY_MILLISECONDS", 20)
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(visit(900))
    other = sqlite3.connect(book.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    for score in range(5):
        assert book.record(visit(score)) is None
    other.execute("ROLLBACK")
    other.close()
    assert [v.score for v in book.pending] == [2, 3, 4]


def test_visits_kept_while_busy_can_be_written_on_their_own_once_the_database_is_free(tmp_path, monkeypatch):
    from game import visitor_book

    monkeypatch.setattr(visitor_book, "BUSY_MILLISECONDS", 20)
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(visit(900))
    other = sqlite3.connect(book.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    assert book.record(visit(1000)) is None
    assert book.write_pending() is False
    other.execute("ROLLBACK")
    other.close()
    assert book.write_pending() is True
    assert [v.score for v in book.visits()] == [900, 1000]


def test_the_comparison_says_how_many_visitors_before_guessed_each_question_right(tmp_path):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(replace(visit(), guess_counting="yes", right_counting=1, guess_standing="lower", right_standing=0))
    book.record(replace(visit(), guess_counting="unsure", guess_standing="same", right_standing=1))
    place = book.record(visit())
    assert place.guessed == (("counting", 2, 1), ("reporters", 0, 0), ("standing", 2, 1))
    text = " ".join(getattr(b, "text", "") for b in comparison_section(place, ["AAA", "AA", "A"], "A").blocks)
    assert ("Before you, asked before their ledgers opened: 1 of 2 visitors guessed that something was "
            "keeping count; 1 of 2 guessed how they stood.") in text

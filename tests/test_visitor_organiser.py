"""What a festival organiser asks of the visitor book: visits begun as well as finished, by day
and by hour, at which kiosk, how long with the debrief, what visitors did, and a page to print;
"1 day", never "1 days"."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from debrief_reading import PageReader
from game.kiosk_visits import Visits
from game.visitor_book import ABANDONED, CUT_SHORT, FINISHED, LEFT, VisitorBook, unfinished_visit
from game.visitor_report import read_book, summary, summary_lines
from helpers import run_main, visit


def festival(tmp_path) -> VisitorBook:
    book = VisitorBook(tmp_path / "visitors.sqlite")
    for n, (hour, kiosk, day) in enumerate([(10, "hall", "2025-05-17"), (14, "hall", "2025-05-17"),
                                            (14, "foyer", "2025-05-18"), (14, "foyer", "2025-05-18")]):
        book.record(replace(visit(1000 - 10 * n), finished_on=day, kiosk=kiosk, started_hour=hour,
                            acts="gave_blood,ran_red_light" if n % 2 else "gave_blood"))
        book.add_length(700 + n)
    book.record(unfinished_visit(ABANDONED, "short", 120, kiosk="hall", started_hour=14))
    book.record(unfinished_visit(LEFT, "short", 60, kiosk="foyer", started_hour=11))
    return book


def test_the_report_counts_visits_begun_and_finished_by_day_hour_and_kiosk(tmp_path):
    data = summary(read_book(festival(tmp_path).path))
    assert (data["visits"], data["started"]) == (4, 6)
    assert data["outcomes"] == {FINISHED: 4, ABANDONED: 1, LEFT: 1, CUT_SHORT: 0}
    assert data["hours"] == {"10": 1, "11": 1, "14": 4}
    assert data["kiosks"] == {"foyer": 3, "hall": 3}
    assert data["acts"] == {"gave_blood": 4, "ran_red_light": 2}
    assert data["median_total_seconds"] == 701.5
    lines = summary_lines(tmp_path / "visitors.sqlite", data)
    assert lines[0].endswith("4 finished visits of 6 visits begun (67% finished)")
    assert "not finished: 1 abandoned, 1 left" in lines
    assert any(line.startswith("visits begun by hour:") and "14h 4 (busiest)" in line for line in lines)
    assert "median finished visit with its debrief: 11.7 minutes" in lines


def test_one_day_and_one_visit_are_said_in_the_singular(tmp_path):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    book.record(visit())
    ran = run_main("visitors", "--database", str(book.path))
    assert "1 finished visit\n" in ran.stdout and "on 1 day\n" in ran.stdout
    assert "1 days" not in ran.stdout and "1 visits" not in ran.stdout


def test_the_summary_is_written_as_a_page_to_print(tmp_path):
    book = festival(tmp_path)
    ran = run_main("visitors", "--database", str(book.path), "--html", str(tmp_path / "summary.html"))
    assert ran.returncode == 0, ran.stderr
    page = PageReader((tmp_path / "summary.html").read_text(encoding="utf-8"))
    assert "script" not in page.tags and "67% finished" in page.all_text and "gave_blood" in page.all_text


def test_a_visit_begun_and_left_leaves_a_row_and_a_line_and_a_finished_one_its_whole_length(tmp_path, caplog):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    mark = tmp_path / "kiosk-visit.json"
    visits = Visits(book, "hall", "short", mark, clock=lambda: datetime(2025, 5, 17, 15, 4))
    caplog.set_level("INFO", logger="keeping_trust.kiosk")
    visits.begin()
    assert mark.exists()
    visits.end(LEFT, 1)
    assert not mark.exists()
    assert "visit left from the menu after 1 second" in caplog.text
    (row,) = book.visits()
    assert (row.outcome, row.kiosk, row.started_hour, row.seconds, row.ending) == (LEFT, "hall", 15, 1, "")


def test_a_visit_the_last_run_left_open_is_logged_and_counted_as_cut_short(tmp_path, caplog):
    book = VisitorBook(tmp_path / "visitors.sqlite")
    mark = tmp_path / "kiosk-visit.json"
    Visits(book, "hall", "short", mark, clock=lambda: datetime(2025, 5, 17, 15, 4)).begin()
    caplog.set_level("INFO", logger="keeping_trust.kiosk")
    Visits(book, "hall", "short", mark).unclean_end_before()      # the next start: the power had gone
    assert "without closing its visit begun at 2025-05-17 15:04" in caplog.text
    (row,) = book.visits()
    assert (row.outcome, row.started_hour, row.finished_on) == (CUT_SHORT, 15, "2025-05-17")
    assert not mark.exists()

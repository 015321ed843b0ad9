"""What a teacher reads after the lesson: a folder of transcripts summed up on one page, and two
students' choices side by side — each read from the record a transcript ends with."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from debrief_reading import PageReader
from game import transcript
from game.class_report import comparison, read_folder, summary
from game.engine import Session
from game.transcript_files import write
from helpers import run_main


def student_life(story, seed: int, taste: int, route: str = "short") -> Session:
    session = Session.new(story, seed=seed, route=route)
    pick = random.Random(taste)
    while not session.is_over:
        session.choose(pick.randint(1, len(session.page.choices)))
    for guess in ("counting", "reporters", "standing"):
        question = session.guessing
        session.guess(question.id, question.options[pick.randint(0, len(question.options) - 1)].id)
    return session


@pytest.fixture(scope="module")
def lives(shipped_story):
    return [student_life(shipped_story, 2024, taste) for taste in range(6)]


@pytest.fixture
def class_folder(lives, tmp_path):
    folder = tmp_path / "class"
    when = datetime(2025, 3, 12, 10, 0, 0)
    for n, life in enumerate(lives):
        write(transcript.build(life, when, name=f"Student {n}"), folder / f"student-{n}")   # .html and .md
    (folder / "notes.md").write_text("# What I will ask\n", encoding="utf-8")
    return folder


def test_a_folder_counts_each_transcript_once_and_names_what_it_left_out(class_folder):
    found = read_folder(class_folder)
    assert len(found.records) == 6
    assert [p.name for p in found.skipped] == ["notes.md"]


def test_the_summary_counts_endings_grades_guesses_and_the_choices_that_split_the_class(class_folder, lives):
    data = summary(read_folder(class_folder).records)
    assert data["transcripts"] == data["finished"] == 6 and data["seeds"] == {"2024": 6}
    assert sum(data["endings"].values()) == 6
    endings = {}
    for life in lives:
        title = life.debrief().ending_title
        endings[title] = endings.get(title, 0) + 1
    assert data["endings"] == dict(sorted(endings.items(), key=lambda kv: (-kv[1], kv[0])))
    right = sum(1 for life in lives for a in life.debrief().guesses if a.guess.id == "counting" and a.right)
    assert data["guesses"]["counting"]["right"] == right
    # The first decision of the short route: everyone met it; the counts add up to the class.
    first = lives[0].history[0].passage_id
    split = next(d for d in data["decisions"] if d["passage"] == first)
    assert split["met"] == 6 and sum(split["chosen"].values()) == 6
    assert [s["name"] for s in data["students"]] == [f"Student {n}" for n in range(6)]


def test_class_report_prints_the_summary_and_writes_a_page_to_print(class_folder):
    ran = run_main("class-report", str(class_folder))
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("6 transcripts, 6 reached an ending")
    assert "notes.md" in ran.stderr
    page = PageReader((class_folder / "class-report.html").read_text(encoding="utf-8"))
    assert "script" not in page.tags and "Student 5" in page.all_text
    # Run again, the page it wrote is not read as a transcript.
    assert run_main("class-report", str(class_folder)).stdout.startswith("6 transcripts")


def test_class_report_of_an_empty_or_missing_folder_says_so(tmp_path):
    assert run_main("class-report", str(tmp_path)).returncode == 1
    assert run_main("class-report", str(tmp_path / "nowhere")).returncode == 2


def test_two_students_side_by_side_show_where_they_chose_differently(class_folder):
    ran = run_main("compare", str(class_folder / "student-0.html"), str(class_folder / "student-1.md"),
                   "--html", str(class_folder / "compare.html"))
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[0].startswith("Student 0: ")
    page = PageReader((class_folder / "compare.html").read_text(encoding="utf-8"))
    assert "Student 0 chose" in page.all_text and "Student 1 chose" in page.all_text


def test_the_comparison_has_a_row_for_every_page_either_decided_on(lives):
    one, other = (transcript.build(life, name=n).record for life, n in zip(lives[:2], "AB"))
    rows = comparison(one, other)
    assert {r["passage"] for r in rows} == {d["passage"] for d in one["decisions"] + other["decisions"]}
    first = rows[0]
    assert first["one"][0] == one["decisions"][0]["chosen"] and first["other"][0] == other["decisions"][0]["chosen"]


def test_compare_refuses_a_file_that_is_no_transcript(tmp_path):
    (tmp_path / "a.md").write_text("hello", encoding="utf-8")
    ran = run_main("compare", str(tmp_path / "a.md"), str(tmp_path / "a.md"))
    assert ran.returncode == 2 and "not a Keeping Trust transcript" in ran.stderr


def test_two_students_who_chose_alike_are_two_students(lives, tmp_path):
    when = datetime(2025, 3, 12, 10, 0, 0)
    for name in ("anna", "ben"):
        write(transcript.build(lives[0], when), tmp_path / name)       # no names given, the same life
    assert len(read_folder(tmp_path).records) == 2

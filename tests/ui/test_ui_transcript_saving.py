"""Saving a transcript in a classroom: the student's name goes on it, a student who runs out of
time saves from the menu, two classmates saving in the same second keep both files, a
teacher's account can read them, and Esc leaves the class seed pad without changing the seed."""

from __future__ import annotations

import os
import stat
from datetime import datetime

import pygame
import pytest

import ui_driver as d
from helpers import auto_life
from game import transcript
from game.engine import Session
from game.transcript_choices import read_record
from game.transcript_files import write
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.title import TitleScene


def button(scene, key):
    scene.ensure_layout()
    return d.button(scene, key)


def typed(app, text: str) -> None:
    """Text as the system's text input gives it, a character at a time."""
    for char in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char, window=None))
    d.pump(app)


def test_the_name_a_student_types_heads_the_transcript_and_names_its_files(make_app, fixture_story, private_home):
    app = make_app()
    app.start(DebriefScene(app, auto_life(fixture_story, 11)))
    d.pump(app)
    d.click(app, button(app.top, "transcript").rect.center)
    typed(app, "Anna K")
    d.key(app, pygame.K_BACKSPACE)           # Backspace takes a letter back: it does not leave
    assert app.top.name == "transcript name"
    typed(app, "ö 1 h")                       # digits and letters that are keys elsewhere are text here
    d.key(app, pygame.K_RETURN)
    files = sorted((private_home / "transcripts").iterdir())
    assert [f.suffix for f in files] == [".html", ".md"]
    assert all("-anna-ö-1-h-seed-11" in f.name for f in files)
    assert read_record(files[1].read_text(encoding="utf-8"))["name"] == "Anna ö 1 h"
    assert app.top.name == "debrief" and app.student_name == "Anna ö 1 h"


def test_esc_at_the_name_saves_nothing(make_app, fixture_story, private_home):
    app = make_app()
    app.start(DebriefScene(app, auto_life(fixture_story, 11)))
    d.pump(app)
    d.click(app, button(app.top, "transcript").rect.center)
    typed(app, "Anna")
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "debrief"
    assert not (private_home / "transcripts").exists()


def test_a_student_who_runs_out_of_time_saves_the_game_so_far_from_the_menu(make_app, fixture_story, private_home):
    app = make_app()
    session = Session.new(fixture_story, seed=4)
    session.choose(1)
    app.start(TitleScene(app))
    from game.ui.scene import Reset, To

    app.apply(Reset(To("play", session=session)))
    d.pump(app)
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "menu"
    d.click(app, button(app.top, "transcript").rect.center)
    typed(app, "Ben")
    d.key(app, pygame.K_RETURN)
    assert app.top.name == "menu"
    html = next((private_home / "transcripts").glob("*.html")).read_text(encoding="utf-8")
    assert "stopped before its ending" in html
    assert read_record(html)["name"] == "Ben" and read_record(html)["ending"] is None


def test_a_kiosk_menu_offers_no_transcript(make_app, fixture_story):
    from game.kiosk_rules import KioskConfig
    from game.ui.kiosk_mode import KioskMode
    from game.ui.scenes.menu import MenuScene

    app = make_app()
    app.kiosk = KioskMode(KioskConfig(), fixture_story)
    menu = MenuScene(app, Session.new(fixture_story, seed=1))
    assert "transcript" not in [key for _, key in menu.ITEMS]


def test_two_classmates_saving_in_the_same_second_keep_both_transcripts(fixture_story, tmp_path):
    when = datetime(2025, 3, 12, 14, 32, 5)
    first = transcript.build(auto_life(fixture_story, 3), when)
    second = transcript.build(auto_life(fixture_story, 3), when)
    stem = tmp_path / transcript.file_stem(first)
    one, other = write(first, stem, keep_others=True), write(second, stem, keep_others=True)
    assert [p.name for p in one] == [f"{stem.name}.html", f"{stem.name}.md"]
    assert [p.name for p in other] == [f"{stem.name}-2.html", f"{stem.name}-2.md"]
    assert len(list(tmp_path.iterdir())) == 4


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")
def test_a_transcript_is_as_readable_as_any_file_the_student_makes(fixture_story, tmp_path):
    before = os.umask(0o022)
    try:
        written = write(transcript.build(auto_life(fixture_story, 3)), tmp_path / "t", keep_others=True)
    finally:
        os.umask(before)
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o644}


def test_esc_leaves_the_class_seed_pad_with_the_seed_it_had(make_app):
    app = make_app()
    app.class_mode = True
    app.seed = 2024
    app.start(TitleScene(app))
    d.pump(app)
    d.click(app, button(app.top, "seed").rect.center)
    d.key(app, pygame.K_BACKSPACE)
    d.key(app, pygame.K_7)
    assert app.top.digits == "2027"
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "title" and app.seed == 2024

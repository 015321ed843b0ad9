"""Notices and the small print stand clear of what is read: a toast keeps off a screen's
title and the passage and is never cut, the staff's pad shows each digit once, the attract
screen's sentences end where sentences do, the note beside Continue keeps the day and the city
whole, the history holds no page not yet turned to, and the settings' preview shows a change of
line spacing."""

from __future__ import annotations

import pygame
import pytest

import ui_driver as d
from helpers import page_of
from game.engine.passage_words import first_sentence
from game.kiosk_rules import attract_lines
from game.ui.scenes.common import heading_height
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.slots import SlotsScene
from game.ui.scenes.staff import StaffScene
from game.ui.scenes.title import TitleScene, continue_note
from passage_pages import StillSession


@pytest.mark.parametrize("size, scale", [((1024, 600), 2.0), ((1280, 720), 1.0), ((1920, 1080), 2.0)])
def test_saved_in_slot_1_keeps_off_the_save_screens_title(make_app, size, scale):
    app = make_app(size=size, text_scale=scale)
    app.start(SlotsScene(app, "save", app.new_session()))
    app.step(0)
    app.toast("Saved in slot 1.")
    app.step(1 / 60)
    title = pygame.Rect(0, 0, size[0], heading_height(app))
    assert not app.toast_rect().colliderect(title)


UNAVAILABLE = ("Read aloud needs a speech program: install espeak-ng (sudo apt install espeak-ng), "
               "or name one in KEEPING_TRUST_SPEECH.")


def test_a_long_notice_keeps_off_the_settings_title_and_preview_and_is_never_cut(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    settings = SettingsScene(app)
    app.start(settings)
    app.step(0)
    app.toast(UNAVAILABLE, 5)
    app.step(1 / 60)
    toast = app.toast_rect()
    assert not toast.colliderect(pygame.Rect(0, 0, 1024, heading_height(app)))
    lines = app.toasts.lines(app.size, app.text, app.metrics)
    assert " ".join(lines) == UNAVAILABLE and len(lines) > 1


def test_a_notice_on_the_play_screen_keeps_off_the_passage(make_app):
    app = make_app(size=(1280, 720))
    text = "The alarm goes at six; the gulls were up long before.\n\nYou are nearly at the junction."
    scene = PlayScene(app, StillSession(page_of("narration", text)))
    app.start(scene)
    d.finish_text(app)
    app.toast(UNAVAILABLE, 5)
    app.step(1 / 60)
    toast = app.toast_rect()
    assert not any(toast.colliderect(r) for r in scene.readable())
    assert not any(toast.colliderect(b.rect) for b in scene.choices.buttons)


def test_the_transcripts_notice_names_its_files_whole(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    d.at_title(app)
    message = ("Transcript saved in /home/student/Documents/Keeping Trust/transcripts: "
               "keeping-trust-2024-05-01-1432-seed-404.html and keeping-trust-2024-05-01-1432-seed-404.md")
    app.toast(message, 8)
    app.step(1 / 60)
    lines = app.toasts.lines(app.size, app.text, app.metrics)
    assert " ".join(lines) == message and "…" not in "".join(lines)
    assert app.surface.get_rect().contains(app.toast_rect())


class Lock:
    locked = False
    seconds_left = 0.0
    problem = None

    def check(self, entered: str) -> bool:
        return False


def test_the_staff_pad_shows_each_digit_once_centred_and_every_number_key_types(make_app):
    app = make_app()
    pad = d.opened(app, StaffScene(app, Lock()))
    drawn: list[tuple[str, pygame.Rect]] = []
    original = app.text.draw

    def record(surface, text, role, size, colour, pos, anchor="topleft"):
        rect = original(surface, text, role, size, colour, pos, anchor)
        drawn.append((text, rect))
        return rect

    app.text.draw = record
    try:
        pad.draw(app.surface)
    finally:
        app.text.draw = original
    for digit in "1234567890":
        button = d.button(pad, digit)
        inside = [(text, rect) for text, rect in drawn if button.rect.contains(rect)]
        assert [text for text, _ in inside] == [digit], f"the {digit} key shows {inside}"
        assert abs(inside[0][1].centerx - button.rect.centerx) <= 2
    for key in (pygame.K_1, pygame.K_0, pygame.K_9):
        d.key(app, key)
    assert pad.entered == "109"


def test_a_sentence_does_not_end_at_a_title_or_an_initial():
    text = "You put the pen down, the way Ms. Qu laid it there. Then you sign."
    assert first_sentence(text) == "You put the pen down, the way Ms. Qu laid it there."
    assert first_sentence("Mr. and Mrs. Song wave. J. Wang waves too.") == "Mr. and Mrs. Song wave."
    assert first_sentence("'Cold one coming,' he says. 'Bleed them.'") == "'Cold one coming,' he says."
    assert first_sentence("No end here") is None


def test_no_attract_line_stops_at_an_abbreviation(shipped_story):
    for line in attract_lines(shipped_story, count=40):
        assert not line.endswith(("Ms.", "Mr.", "Mrs.", "Dr.")), line


def test_the_note_beside_continue_keeps_the_day_and_the_city_whole(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    m, t = app.metrics, app.text
    room = t.width("Day 150 · Nan", "sans", m.small)
    lines = continue_note(t, m, "Day 150 · Nanjing", "The coach took eleven hours.", room)
    assert "".join(lines).replace(" ", "").startswith("Day150·Nanjing")
    assert all(t.width(line, "sans", m.small) <= room for line in lines)
    assert len(lines) <= 3


def test_the_title_panel_holds_the_title(make_app):
    for size, scale in (((1280, 800), 1.0), ((1024, 600), 2.0), ((1920, 1080), 1.0)):
        app = make_app(size=size, text_scale=scale)
        title = d.at_title(app).top
        m = app.metrics
        assert m.margin * 2 + app.text.width(app.story.title, "serif", m.display) <= title.panel.right


def test_the_history_holds_no_page_not_yet_turned_to(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    text = "\n\n".join(f"Paragraph {n} of the passage, long enough to fill a line or two of the page "
                       f"at this size, and then some more words." for n in range(1, 16))
    session = StillSession(page_of("narration", text))
    play = PlayScene(app, session)
    app.start(play)
    app.step(0)
    assert len(play.reading.pages) > 2
    read = play.reading.read_text()
    assert "Paragraph 1 " in read and "Paragraph 15" not in read
    history = HistoryScene(app, session, read=read)
    shown = " ".join(text for _, text, _, _ in history.entries())
    assert "Paragraph 15" not in shown
    play.reading.turn(1)
    assert len(play.reading.read_text()) > len(read)


def test_the_settings_preview_is_at_least_two_lines_so_line_spacing_shows(make_app):
    for size, scale in (((1920, 1080), 1.0), ((1280, 720), 1.0), ((1024, 600), 2.0)):
        app = make_app(size=size, text_scale=scale)
        settings = SettingsScene(app)
        app.start(settings)
        app.step(0)
        assert len(settings.preview_lines) >= 2, size


def test_settings_say_how_to_have_the_text_typed_out(make_app):
    app = make_app(size=(1280, 720))
    settings = SettingsScene(app)
    app.start(settings)
    app.step(0)
    note = settings.note("text_speed")
    assert "Instant" in note and "Slow" in note and "Fast" in note
    assert settings.note("text_scale") is None

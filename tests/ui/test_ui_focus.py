"""Focus never surprises: the pointer takes it only by moving, Space never chooses, one ring
is lit at a time, the debrief's default follows its page, and after an ending the title offers
a new game rather than the last page again."""

from __future__ import annotations

import pygame

import ui_driver as d
from game.ui.input import Pointer, commands_from_event
from game.ui.scene import Reset, To
from game.ui.scenes.debrief import DebriefScene


def motion(pos):
    return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)


def test_the_pointer_where_the_window_opens_is_no_hover_until_it_moves():
    pointer = Pointer()
    assert commands_from_event(motion((500, 300)), (1280, 720), pointer=pointer) == []
    assert commands_from_event(motion((500, 300)), (1280, 720), pointer=pointer) == []
    moved = commands_from_event(motion((501, 300)), (1280, 720), pointer=pointer)
    assert [c.kind for c in moved] == ["point"]


def test_a_game_started_with_the_pointer_on_quit_does_not_quit_on_enter(make_app):
    app = d.at_title(make_app())
    title = app.top
    default = title.focus.focused_key()
    quit_button = d.button(title, "quit")
    pygame.event.post(motion(quit_button.rect.center))       # SDL: where the pointer rests
    d.pump(app)
    assert title.focus.focused_key() == default != "quit"
    d.key(app, pygame.K_RETURN)
    assert app.running and d.names(app) == ["play"]


def test_the_pointer_moving_onto_a_button_takes_the_focus(make_app):
    app = d.at_title(make_app())
    title = app.top
    quit_button = d.button(title, "quit")
    pygame.event.post(motion((5, 5)))
    pygame.event.post(motion(quit_button.rect.center))
    d.pump(app)
    assert title.focus.focused_key() == "quit"


def new_game(app):
    d.at_title(app)
    d.key(app, pygame.K_RETURN)
    d.finish_text(app)
    return app.top


def test_two_spaces_at_the_choices_choose_nothing(make_app):
    app = make_app()
    play = new_game(app)
    before = play.passage.passage_id
    d.key(app, pygame.K_SPACE)
    d.key(app, pygame.K_SPACE)
    d.key(app, pygame.K_SPACE)
    assert play.passage.passage_id == before and play.focus.index == 0
    assert "Enter" in (app.toast_text or "")
    d.key(app, pygame.K_RETURN)
    assert play.passage.passage_id != before


def test_one_ring_at_a_time_the_bar_goes_out_when_a_key_moves_the_choices(make_app):
    app = make_app()
    play = new_game(app)
    settings = d.button(play, "settings", play.bar)
    pygame.event.post(motion((5, 5)))
    pygame.event.post(motion(settings.rect.center))
    d.pump(app)
    assert play.bar.index is not None
    d.key(app, pygame.K_RIGHT)
    assert play.bar.index is None and play.focus.index is not None


def test_back_from_settings_nothing_on_the_bar_is_lit_and_enter_does_not_reopen_it(make_app):
    app = make_app()
    play = new_game(app)
    d.click(app, d.button(play, "settings", play.bar).rect.center)
    assert d.names(app) == ["play", "settings"]
    d.key(app, pygame.K_ESCAPE)
    assert d.names(app) == ["play"] and play.bar.index is None
    d.key(app, pygame.K_SPACE)
    d.key(app, pygame.K_RETURN)
    assert "settings" not in d.names(app)


def finished(app):
    session = app.new_session()
    while not session.is_over:
        session.choose(1)
    return session


def test_the_endings_continue_answers_to_1(make_app):
    app = make_app()
    session = finished(app)
    app.start(To("play", session=session))
    app.step(0)
    d.finish_text(app)
    (button,) = app.top.choices.buttons
    assert button.number == 1
    d.key(app, pygame.K_1)
    assert d.names(app)[-1] != "play"


def test_a_number_key_back_from_the_last_debrief_page_gives_next_the_focus(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    app.start(DebriefScene(app, finished(app)))
    app.step(0)
    debrief = app.top
    for _ in debrief.pages:
        d.key(app, pygame.K_RIGHT)
    assert debrief.focus.focused_key() == "finish"
    d.key(app, pygame.K_2)                                   # back to how it ended
    assert debrief.page < len(debrief.pages) - 1
    assert debrief.focus.focused_key() == "next"
    page = debrief.page
    d.key(app, pygame.K_RETURN)
    assert app.top is debrief and debrief.page == page + 1


def test_a_reader_who_has_seen_every_page_leaves_from_any_of_them_without_being_asked(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    app.start(DebriefScene(app, finished(app), again=True))
    app.step(0)
    debrief = app.top
    for _ in debrief.pages:
        d.key(app, pygame.K_RIGHT)
    d.key(app, pygame.K_HOME)
    d.click(app, d.button(debrief, "finish").rect.center)
    assert d.names(app) == ["title"]


def test_after_an_ending_the_title_offers_a_new_game_not_the_last_page_again(make_app):
    app = make_app()
    session = finished(app)
    app.autosave(session)
    app.start(DebriefScene(app, session))                    # the finished game is kept
    app.step(0)
    app.apply(Reset(To("title")))
    app.step(0)
    title = app.top
    assert title.focus.focused_key() == "new"
    assert d.button(title, "continue").enabled                # still there, for whoever wants it


def test_a_game_in_progress_is_still_continued_by_default(make_app):
    app = make_app()
    session = app.new_session()
    session.choose(1)
    app.autosave(session)
    d.at_title(app)
    assert app.top.focus.focused_key() == "continue"


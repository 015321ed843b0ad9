"""Read aloud in the window: the passage, then each choice as it gains focus, cut off when the
player moves on; turned on and off by V, the menu and the settings, and kept.

The voice is a real speech command — a small script that notes what it is given and then
goes on talking until it is stopped — so what is waiting, and what was cut off, is known
without timing anything."""

from __future__ import annotations

import stat
import sys

import pygame
import pytest

import ui_driver as d
from game.settings import Settings, load_settings
from game.speech import SpeechCommand, Voice, page_words
from game.ui import input as cmd
from game.ui.scene import Push
from game.ui.scenes.title import TitleScene

TALKER = """\
import sys, time
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(sys.stdin.read() + "\\n")
while True:
    time.sleep(1)
"""


class Listening(Voice):
    """A voice that also remembers each utterance it started, in order."""

    def __init__(self, command) -> None:
        super().__init__(command)
        self.started: list[str] = []
        self.cut_off = 0

    def _start(self, text: str) -> None:
        self.started.append(text)
        super()._start(text)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self.cut_off += 1
        super().stop()


@pytest.fixture
def voiced(tmp_path, fixture_story):
    from game.ui.app import App

    talker = tmp_path / "talker.py"
    talker.write_text(TALKER, encoding="utf-8")
    talker.chmod(talker.stat().st_mode | stat.S_IEXEC)
    voices = []

    def build(on: bool = True, voice: Voice | None = None):
        voice = voice or Listening(SpeechCommand((sys.executable, str(talker), str(tmp_path / "heard.txt"))))
        voices.append(voice)
        app = App(fixture_story, settings=Settings(text_speed=0, self_voicing=on), size=(1280, 720),
                  seed=1, sound=False, voice=voice)
        app.start(TitleScene(app))
        app.step(0)
        return app

    yield build
    for voice in voices:
        voice.close()
    pygame.quit()


def new_game(app):
    d.key(app, pygame.K_RETURN)                    # New game
    assert app.top.name == "play"
    return app.top


def test_a_passage_is_read_then_its_choices_in_order(voiced):
    app = voiced()
    scene = new_game(app)
    words = page_words(scene.passage)
    assert words[-2:] == ["1: Brake.", "2: Go through."]
    # The first is being said; the rest wait their turn, none of them holding up the loop.
    assert app.voice.started == words[:1]
    assert list(app.voice._queue) == words[1:]


def test_a_choice_gaining_focus_is_said_at_once_and_cuts_off_the_passage(voiced):
    app = voiced()
    new_game(app)
    d.key(app, pygame.K_DOWN)
    assert app.voice.cut_off == 1
    assert app.voice.started[-1] == "1: Brake."
    assert list(app.voice._queue) == []
    d.key(app, pygame.K_DOWN)
    assert app.voice.started[-1] == "2: Go through."


def test_choosing_stops_the_voice_and_reads_the_next_passage(voiced):
    app = voiced()
    scene = new_game(app)
    d.key(app, pygame.K_1)
    assert scene.passage.passage_id == "phone_msg"
    assert app.voice.cut_off == 1
    assert app.voice.started[-1] == page_words(scene.passage)[0]
    assert "2: Go through." not in app.voice.started


def test_opening_the_menu_silences_the_passage(voiced):
    app = voiced()
    new_game(app)
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "menu"
    assert not app.voice.speaking and app.voice.cut_off == 1


def test_with_read_aloud_off_nothing_is_said(voiced):
    app = voiced(on=False)
    new_game(app)
    d.key(app, pygame.K_DOWN)
    assert app.voice.started == []


def test_v_turns_read_aloud_on_reads_the_page_and_is_kept(voiced):
    app = voiced(on=False)
    scene = new_game(app)
    d.key(app, pygame.K_v)
    assert app.settings.self_voicing and load_settings().self_voicing
    assert app.voice.started == ["Reading aloud."]
    assert list(app.voice._queue) == page_words(scene.passage)
    assert app.toast_text == "Reading aloud. V stops."
    d.key(app, pygame.K_v)
    assert not app.settings.self_voicing and not load_settings().self_voicing
    assert not app.voice.speaking


def test_the_menu_names_the_key_and_turns_read_aloud_on(voiced):
    app = voiced(on=False)
    new_game(app)
    d.key(app, pygame.K_ESCAPE)
    menu = app.top
    button = next(b for b in menu.focus.buttons if b.key == "voice")
    assert "(V)" in " ".join(button.lines)
    d.click(app, button.rect.center)
    assert app.settings.self_voicing and app.top is menu


def settings_screen(app):
    from game.ui.scenes.settings import SettingsScene

    scene = SettingsScene(app)
    app.apply(Push(scene))
    app.step(0)
    return scene


def test_the_settings_row_turns_read_aloud_on_and_off(voiced):
    app = voiced(on=False)
    scene = settings_screen(app)
    row = next(r for r in scene.rows if r[0] == "self_voicing")
    assert scene.value_text("self_voicing") == "Off"
    d.click(app, row[1].center)
    assert app.settings.self_voicing and scene.value_text("self_voicing") == "On"
    d.tap(app, row[1].center)
    assert not app.settings.self_voicing


def test_without_a_speech_engine_the_setting_says_so_and_stays_off(voiced):
    app = voiced(on=False, voice=Voice(None, "no speech engine was found: install espeak-ng"))
    scene = settings_screen(app)
    assert scene.value_text("self_voicing") == "No voice"
    row = next(r for r in scene.rows if r[0] == "self_voicing")
    d.click(app, row[1].center)
    assert not app.settings.self_voicing
    assert app.toast_text == "Read aloud cannot start: no speech engine was found: install espeak-ng."
    app.dispatch(cmd.Command(cmd.VOICE))
    assert not app.settings.self_voicing


def test_quitting_the_game_silences_it(voiced):
    app = voiced()
    new_game(app)
    speaking = app.voice._process
    app.dispatch(cmd.Command(cmd.QUIT))
    assert not app.running
    app.voice.close()          # what App.run does on the way out, after the loop ends
    assert speaking.poll() is not None

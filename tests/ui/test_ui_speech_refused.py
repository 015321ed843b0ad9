"""A speech command that would let a passage run as a command is refused: the window still
opens, and says why on its first line of output, before anyone turns Read aloud on."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.speech import SPEECH_ENV

FIXTURE_STORY = Path(__file__).parent / "fixture_story"


def test_the_window_opens_and_says_at_once_that_the_speech_command_was_refused(monkeypatch, capsys):
    from game.ui.app import run

    monkeypatch.setenv(SPEECH_ENV, "sh -c 'echo {text} | espeak-ng'")
    pygame.init()
    # Queued before the window opens: the first frame of the loop reads it and closes.
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert run(FIXTURE_STORY) == 0
    err = capsys.readouterr().err
    assert "Read aloud cannot start: KEEPING_TRUST_SPEECH puts {text} inside the argument" in err

"""The window opens whatever is found where settings and saves should be: an unreadable file
is set aside, the player is told, and the title screen comes up with the defaults."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

import ui_driver as d
from game.settings import Settings

FIXTURE_STORY = Path(__file__).parent / "fixture_story"

#: What could be found on disk; None is a folder where the file should be.
DAMAGE = {
    "nested 400 KB deep": b"[" * 400_000,
    "binary": bytes(range(256)),
    "a folder": None,
}


def damage(home: Path, content: bytes | None) -> None:
    for path in (home / "settings.json", home / "saves" / "auto.json", home / "saves" / "slot-01.json"):
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)


def set_aside_in(home: Path) -> list[str]:
    return sorted(p.name.split(".broken-")[0] for p in home.rglob("*.broken-*"))


@pytest.mark.parametrize("content", DAMAGE.values(), ids=list(DAMAGE))
def test_the_app_starts_on_the_title_screen_with_defaults(private_home, fixture_story, content):
    from game.ui.app import App
    from game.ui.scenes.title import TitleScene

    damage(private_home, content)
    app = App(fixture_story, size=(1280, 720), seed=1, sound=False)
    try:
        assert app.settings == Settings() and app.settings.problem
        app.start(TitleScene(app))
        app.step(0)
        assert app.top.name == "title" and app.top.latest is None   # nothing to continue
        d.key(app, pygame.K_RETURN)                                  # New game still starts
        assert app.top.name == "play"
    finally:
        pygame.quit()
    assert set_aside_in(private_home) == ["auto.json", "settings.json", "slot-01.json"]


@pytest.mark.parametrize("content", DAMAGE.values(), ids=list(DAMAGE))
def test_run_opens_the_window_and_says_why_settings_were_reset(private_home, content, capsys):
    from game.ui.app import run

    damage(private_home, content)
    pygame.init()
    # Queued before the window opens: the first frame of the loop reads it and closes.
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert run(FIXTURE_STORY) == 0
    assert "settings.json.broken-" in capsys.readouterr().err
    assert "settings.json" in set_aside_in(private_home)

"""A damaged save never stops the window: the title, the save and load screens and the
history open and draw beside saves edited by hand, and say which cannot be loaded."""

from __future__ import annotations

import json

import pygame
import pytest

import ui_driver as d
from game.saves import AUTO, MAX_SLOT_BYTES, QUICK, SlotError
from game.ui.scene import Push
from game.ui.scenes.history import HistoryScene
from game.ui.scenes.slots import SlotsScene, describe
from game.ui.scenes.title import TitleScene


def edited(app, name: str, change) -> None:
    """Save the game in slot ``name``, then edit the file as a hand (or a bad disk) might."""
    session = app.new_session()
    assert app.save(name, session)
    path = app.store.path_for(name)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def history_of_version_1(text: str):
    def change(data):
        data["session"]["version"] = 1
        data["session"]["history"] = [{"passage": data["session"]["position"], "text": text, "chosen": None}]
    return change


DAMAGE = {
    "1": lambda data: data.update(summary="The light\x00turns amber."),
    "2": lambda data: data.update(place="Day 1\x00"),
    "3": lambda data: data["session"].update(mods=[{"key": "m", "name": "A mod\x00"}]),
    "4": lambda data: data.update(summary=["not", "text"], place=10**300),
    "5": lambda data: data["session"].update(day=10**300),
    "6": history_of_version_1("Read\x00 before."),
    "7": lambda data: data.update(saved_at="2099-01-01T00:00:00+00:00"),
    QUICK: lambda data: data.update(saved_at="2099-01-01T00:00:00+00:00"),
    AUTO: lambda data: data.update(saved_at="2099-01-01T00:00:00"),
}


@pytest.fixture
def damaged(make_app):
    app = make_app()
    for name, change in DAMAGE.items():
        edited(app, name, change)
    return app


def test_the_title_opens_and_draws_beside_damaged_saves_and_continues_the_newest_good_one(damaged):
    app = damaged
    app.start(TitleScene(app))
    app.step(0)
    assert app.top.latest is not None and app.top.latest.name in (AUTO, QUICK, "7")
    app.top.draw(app.surface)


def test_the_load_screen_says_which_saves_cannot_be_loaded_and_draws(damaged):
    app = damaged
    app.start(TitleScene(app))
    app.step(0)
    app.apply(Push(SlotsScene(app, "load")))
    for _ in range(4):
        app.step(0)
        app.top.draw(app.surface)
        d.key(app, pygame.K_PAGEDOWN)
    for name in ("1", "2", "3", "4"):
        info = app.store.info(name)
        assert not info.usable
        assert "cannot be loaded" in describe(info)[1]
    # Damaged inside the game: shown, and refused with a sentence when chosen.
    for name in ("5", "6"):
        with pytest.raises(SlotError) as refused:
            app.load(name)
        assert "damaged" in str(refused.value) and "\x00" not in str(refused.value)


def test_a_save_too_large_to_write_is_said_on_screen_and_the_last_one_kept(make_app):
    app = make_app()
    session = app.new_session()
    assert app.save(AUTO, session)
    before = app.store.path_for(AUTO).read_bytes()
    session.variables["notes"] = "x" * MAX_SLOT_BYTES
    assert not app.save(AUTO, session)
    assert "was not written" in app.toast_text and "The last one is kept." in app.toast_text
    assert app.store.path_for(AUTO).read_bytes() == before


def test_the_history_of_a_loaded_save_draws(make_app):
    app = make_app()
    session = app.new_session()
    session.choose(1)
    assert app.save("8", session)
    loaded = app.load("8")
    app.start(HistoryScene(app, loaded))
    app.step(0)
    app.top.draw(app.surface)
    assert [h.text for h in loaded.history] == [h.text for h in session.history]

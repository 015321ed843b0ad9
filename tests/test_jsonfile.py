"""The player's files on disk: whatever is found where settings or a save should be, the game
reads it without crashing, moves what it cannot use aside (nothing is lost), and goes on."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from game import paths
from game.jsonfile import Unreadable, read_json, set_aside, write_json_atomic
from game.saves import AUTO, QUICK, SlotError, SlotStore
from game.settings import Settings, load_settings, save_settings

#: Files nobody can use, each as bytes to put where the file should be (None: a folder).
UNREADABLE: dict[str, bytes | None] = {
    "nested 400 KB deep": b"[" * 400_000,
    "nested deep but small": b"[" * 20_000 + b"]" * 20_000,
    "truncated": b'{"format": "keeping-trust-settings", "version": 1, "settings": {"text_sc',
    "empty": b"",
    "only whitespace": b" \n\t\n",
    "binary": bytes(range(256)) * 4,
    "not UTF-8": '{"format": "café"}'.encode("latin-1"),
    "NaN inside": b'{"format": "keeping-trust-settings", "version": 1, "settings": {"text_scale": NaN}}',
    "a number too large": b'{"format": "keeping-trust-slot", "version": 1, "session": {"seed": 1e400}}',
    "a folder": None,
}


def put(path: Path, content: bytes | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        path.mkdir()
        (path / "inside.txt").write_text("kept")
    else:
        path.write_bytes(content)


def same_as(moved: Path, content: bytes | None) -> bool:
    if content is None:
        return moved.is_dir() and (moved / "inside.txt").read_text() == "kept"
    return moved.read_bytes() == content


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    return tmp_path


# -- the reader ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", UNREADABLE, ids=list(UNREADABLE))
def test_the_reader_refuses_every_unreadable_file_with_a_reason(tmp_path, kind):
    path = tmp_path / "file.json"
    put(path, UNREADABLE[kind])
    with pytest.raises(Unreadable) as refused:
        read_json(path, max_bytes=1_000_000)
    assert str(refused.value).startswith("is ")


def test_the_reader_refuses_a_file_over_its_limit_before_parsing_it(tmp_path):
    path = tmp_path / "file.json"
    path.write_text(json.dumps({"padding": "x" * 2000}))
    with pytest.raises(Unreadable, match="too large"):
        read_json(path, max_bytes=1000)
    assert read_json(path, max_bytes=4000)["padding"] == "x" * 2000


def test_the_reader_reports_a_missing_file_as_missing(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_json(tmp_path / "none.json", max_bytes=1000)


def test_the_reader_accepts_a_byte_order_mark_from_a_hand_edit(tmp_path):
    path = tmp_path / "file.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text_speed": 70}).encode())
    assert read_json(path, max_bytes=1000) == {"text_speed": 70}


def test_what_the_writer_writes_the_reader_reads(tmp_path):
    path = tmp_path / "deeper" / "file.json"
    data = {"name": "Mrs. Song", "days": [1, 2, 3], "ratio": 0.25, "kept": True}
    write_json_atomic(path, data)
    assert read_json(path, max_bytes=10_000) == data


def test_setting_aside_keeps_the_file_under_a_dated_name_beside_it(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{broken")
    when = datetime(2024, 11, 3, 21, 5, 9)
    first = set_aside(path, when)
    assert first == tmp_path / "settings.json.broken-20241103-210509"
    path.write_text("{broken again")
    second = set_aside(path, when)
    assert second is not None and second != first
    assert first.read_text() == "{broken" and second.read_text() == "{broken again"
    assert not path.exists()


def test_setting_aside_a_file_that_is_already_gone_says_so(tmp_path):
    assert set_aside(tmp_path / "gone.json") is None


# -- settings --------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", UNREADABLE, ids=list(UNREADABLE))
def test_unreadable_settings_are_set_aside_and_the_game_starts_with_defaults(home, kind):
    path = home / "settings.json"
    put(path, UNREADABLE[kind])
    loaded = load_settings()
    assert loaded == Settings()
    moved = [p for p in home.iterdir() if p.name.startswith("settings.json.broken-")]
    assert len(moved) == 1 and same_as(moved[0], UNREADABLE[kind])
    assert loaded.problem and moved[0].name in loaded.problem
    # The next change the player makes is written, and read back, cleanly.
    save_settings(Settings(text_speed=120))
    again = load_settings()
    assert again.text_speed == 120 and again.problem is None


@pytest.mark.parametrize("settings", [
    {"format": "keeping-trust-settings", "version": 2, "settings": {"text_speed": 120}},
    {"format": "keeping-trust-settings", "version": "1", "settings": {"text_speed": 120}},
    {"format": "keeping-trust-settings", "version": 1, "settings": [["text_speed", 120]]},
], ids=["a future version", "a version that is not a number", "settings that are not a table"])
def test_settings_of_the_wrong_shape_are_set_aside(home, settings):
    (home / "settings.json").write_text(json.dumps(settings))
    loaded = load_settings()
    assert loaded == Settings() and loaded.problem
    assert not (home / "settings.json").exists()


# -- saves -----------------------------------------------------------------------------------

def good_save(store: SlotStore, name: str, day: int) -> None:
    store.write(name, {"position": f"day{day}"}, summary=f"Day {day}.", place="",
                now=datetime(2024, 10, day))


@pytest.mark.parametrize("kind", UNREADABLE, ids=list(UNREADABLE))
def test_an_unreadable_save_is_set_aside_and_continue_falls_back(home, kind):
    store = SlotStore()
    good_save(store, QUICK, 1)
    put(store.path_for(AUTO), UNREADABLE[kind])
    latest = store.latest()
    assert latest is not None and latest.name == QUICK
    moved = [p for p in store.folder.iterdir() if p.name.startswith("auto.json.broken-")]
    assert len(moved) == 1 and same_as(moved[0], UNREADABLE[kind])
    # Still reported for the rest of the run, then written over cleanly.
    info = store.info(AUTO)
    assert info.exists and not info.usable and moved[0].name in info.problem
    with pytest.raises(SlotError, match=moved[0].name):
        store.read(AUTO)
    good_save(store, AUTO, 2)
    assert store.read(AUTO) == {"position": "day2"} and store.latest().name == AUTO


@pytest.mark.parametrize("kind", UNREADABLE, ids=list(UNREADABLE))
def test_the_load_screen_lists_an_unreadable_slot_among_good_ones(home, kind):
    store = SlotStore()
    good_save(store, "1", 3)
    put(store.path_for("2"), UNREADABLE[kind])
    listed = store.list()
    assert listed[0].usable
    assert listed[1].exists and not listed[1].usable and "broken-" in listed[1].problem
    assert not any(info.exists for info in listed[2:])
    # A new store (the next time the game starts) sees an empty slot, ready for a save.
    assert not SlotStore().info("2").exists


@pytest.mark.parametrize("wrapper, words", [
    ({"format": "keeping-trust-slot", "version": 2, "session": {}}, "newer version"),
    ({"format": "keeping-trust-slot", "version": "1", "session": {}}, "not a Keeping Trust save"),
    ({"format": "keeping-trust-slot", "version": 1, "session": ["start"]}, "holds no game"),
    ({"format": "keeping-trust-settings", "version": 1, "settings": {}}, "not a Keeping Trust save"),
], ids=["a future version", "a version that is not a number", "a game that is not a table", "settings"])
def test_a_save_of_the_wrong_shape_is_set_aside_with_the_reason(home, wrapper, words):
    store = SlotStore()
    store.folder.mkdir(parents=True)
    store.path_for("4").write_text(json.dumps(wrapper))
    with pytest.raises(SlotError, match=words):
        store.read("4")
    assert not store.path_for("4").exists()
    assert [p.name.split(".broken-")[0] for p in store.folder.iterdir()] == ["slot-04.json"]


def test_deleting_a_slot_that_was_set_aside_empties_it(home):
    store = SlotStore()
    put(store.path_for("5"), b"{broken")
    assert store.info("5").problem
    store.delete("5")
    assert not store.info("5").exists


def test_a_save_that_cannot_be_moved_aside_is_still_reported(home, monkeypatch):
    store = SlotStore()
    put(store.path_for("3"), b"{broken")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    info = store.info("3")
    assert not info.usable and "could not be moved aside" in info.problem
    assert store.path_for("3").read_bytes() == b"{broken"

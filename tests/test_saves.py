"""Save slots: round trip, listing, Continue's choice, and damaged or foreign files."""

import json
from datetime import datetime

import pytest

from game import paths
from game.saves import AUTO, ENDING, OLDER_AUTOSAVES, QUICK, SlotError, SlotStore, continues, first_line
from helpers import saved_game


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    return SlotStore()


def test_store_lives_under_keeping_trust_home(store, tmp_path):
    assert store.folder == tmp_path / "saves"


def test_round_trip(store):
    data = {"format": "keeping-trust-save", "version": 1, "passage": "x", "log": [1, 2]}
    info = store.write("3", data, summary="The light turns amber.\nMore.", place="Day 1 · Rongcheng",
                       now=datetime(2024, 9, 12, 8, 30, 5))
    assert info.summary == "The light turns amber."
    assert store.read("3") == data
    listed = store.list()[2]
    assert listed.usable and listed.place == "Day 1 · Rongcheng"
    assert listed.saved_at == datetime(2024, 9, 12, 8, 30, 5).astimezone()   # the computer's time


def test_empty_slot(store):
    assert not store.info("1").exists
    with pytest.raises(SlotError, match="empty"):
        store.read("1")


@pytest.mark.parametrize("content, words", [
    ("{broken", "damaged"),
    (json.dumps({"format": "something-else"}), "not a Keeping Trust save"),
    (json.dumps({"format": "keeping-trust-slot", "version": 99, "session": {}}), "newer"),
    (json.dumps({"format": "keeping-trust-slot", "version": 1, "session": "no"}), "no game"),
])
def test_bad_files_are_reported_not_raised(store, content, words):
    store.folder.mkdir(parents=True)
    store.path_for("2").write_text(content)
    info = store.list()[1]
    assert info.exists and not info.usable and words in info.problem
    with pytest.raises(SlotError, match=words):
        store.read("2")


def test_latest_picks_the_newest_usable_save(store):
    assert store.latest() is None
    store.write("1", {"a": 1}, summary="one", place="", now=datetime(2024, 1, 1))
    store.write(AUTO, {"a": 2}, summary="two", place="", now=datetime(2024, 1, 3))
    store.write(QUICK, {"a": 3}, summary="three", place="", now=datetime(2024, 1, 2))
    assert store.latest().name == AUTO
    store.path_for(AUTO).write_text("garbage")
    assert store.latest().name == QUICK


def test_delete(store):
    store.write("4", {}, summary="", place="")
    store.delete("4")
    store.delete("4")
    assert not store.info("4").exists


def test_no_temp_files_left(store):
    for i in range(3):
        store.write(AUTO, saved_game(1, [1] * i), summary="", place="")
    assert [p.name for p in store.folder.iterdir()] == ["auto.json"]


def test_first_line_shortens():
    assert first_line("\n\n  Hello   there \nnext") == "Hello there"
    assert first_line("x" * 200, limit=10) == "x" * 9 + "…"
    with pytest.raises(ValueError):
        SlotStore().path_for("../etc")


def test_autosaves_of_one_game_replace_each_other(store):
    for path in ([], [1], [1, 2], [1, 2, 1]):
        store.write(AUTO, saved_game(7, path), summary="", place="")
    assert store.read(AUTO)["path"] == [1, 2, 1]
    assert not any(store.info(name).exists for name in OLDER_AUTOSAVES)


def test_a_new_game_keeps_the_last_autosave_of_the_games_before_it(store):
    store.write(AUTO, saved_game(1, [1, 1, 2]), summary="", place="Day 40 · Rongcheng")
    store.write(AUTO, saved_game(2, []), summary="", place="Day 1 · Rongcheng")
    store.write(AUTO, saved_game(2, [2]), summary="", place="Day 1 · Rongcheng")
    assert store.read("auto-2") == saved_game(1, [1, 1, 2])
    assert store.info("auto-2").place == "Day 40 · Rongcheng"
    store.write(AUTO, saved_game(3, []), summary="", place="")
    store.write(AUTO, saved_game(4, []), summary="", place="")
    assert [store.read(n)["seed"] for n in (AUTO, *OLDER_AUTOSAVES)] == [4, 3, 2]


def test_a_game_killed_as_a_new_game_is_first_autosaved_still_has_an_autosave_to_continue(store, monkeypatch):
    store.write(AUTO, saved_game(1, [1, 2]), summary="", place="Day 9 · Rongcheng")

    def killed(*_args):
        raise KeyboardInterrupt("the process died before the new autosave was written")

    monkeypatch.setattr("game.saves.write_bytes_atomic", killed)
    with pytest.raises(KeyboardInterrupt):
        store.write(AUTO, saved_game(2, []), summary="", place="Day 1 · Rongcheng")
    assert store.read(AUTO) == saved_game(1, [1, 2]) == store.read("auto-2")
    assert store.latest().name == AUTO


def test_the_same_seed_started_again_is_another_game(store):
    store.write(AUTO, saved_game(1, [2, 2]), summary="", place="")
    store.write(AUTO, saved_game(1, []), summary="", place="")
    assert store.read("auto-2")["path"] == [2, 2]


@pytest.mark.parametrize("earlier, later, same", [
    (saved_game(1, [1]), saved_game(1, [1, 3]), True),
    (saved_game(1, [1]), saved_game(1, [1]), True),
    (saved_game(1, [1]), saved_game(1, [2]), False),
    (saved_game(1, [1]), saved_game(2, [1, 1]), False),
    (saved_game(1, []), saved_game(1, [], route="short"), False),
    ({"seed": 1}, saved_game(1, []), False),
])
def test_continues_tells_one_game_from_another(earlier, later, same):
    assert continues(earlier, later) is same


def test_the_ending_slot_holds_a_finished_game_apart_from_the_autosaves(store):
    store.write(ENDING, saved_game(1, [1, 2]), summary="The end.", place="Day 120 · Rongcheng")
    store.write(AUTO, saved_game(2, []), summary="", place="")
    assert store.read(ENDING) == saved_game(1, [1, 2])
    assert store.path_for(ENDING).name == "ending.json"


def test_a_game_closed_at_the_guess_opens_at_it_again_with_the_guesses_made(store, shipped_story):
    """The guesses are the session's, like its choices: the autosave keeps them, and the game
    asks on from the question it stopped at."""
    from game.engine import Session
    from game.playthroughs import Playthroughs

    story = shipped_story
    saves = Playthroughs(story, store, lambda message: None)
    session = Session.new(story, 3, "short")
    while not session.is_over:
        session.choose(1)
    session.guess("counting", "no")
    saves.autosave(session)
    again = saves.load(AUTO)
    assert again.guesses == {"counting": "no"} and again.guessing.id == "reporters"

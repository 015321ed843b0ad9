"""Terminal play as a screen reader's path: plain lines and no control characters, history,
the page again, and saving and loading in the window's own slots — through the command line
with piped input, as a player with a screen reader would type."""

from __future__ import annotations

import io

import pytest

from game.engine import Session, load_story
from game.saves import SlotStore
from game.terminal import play_on, printable, slots_for
from helpers import Ran, run_main, run_process

STORY = """
passages:
  start:
    day: 1
    text: |
      The light turns amber.

      A city bus fills your mirror, close enough to read the advert on its nose: a smiling family, a new flat.
    choices:
      - text: Brake.
        goto: office
      - text: Go through.
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
        goto: office
  office:
    day: 2
    text: Manager Tan waits by the door. He says nothing.
    choices:
      - text: Say good morning.
        goto: harbour
      - text: Walk past.
        goto: harbour
  harbour:
    text: The gulls are up.
    choices:
      - text: Go down to the boats.
        goto: end
      - text: Go home.
        goto: end
  end:
    text: You reach the harbour.
    ending: {title: Morning, debrief: A camera may have seen you.}
"""


@pytest.fixture
def small(story_dir):
    return story_dir(STORY)


def play(folder, typed: str, *args: str) -> Ran:
    return run_main("play", "--text", "--seed", "3", "--story", str(folder), *args, stdin=typed)


def test_history_gives_the_passages_read_before_with_the_choice_taken(small, private_home):
    result = play(small, "1\nh\nq\n")
    history = result.stdout.split("> History:", 1)[1]
    assert "1 of 1 passages read before this one" in history
    assert "The light turns amber." in history
    assert "You chose: Brake." in history
    # The page being read is not part of its own history.
    assert "Manager Tan" not in history.split("(End of the history.")[0]


def test_history_takes_how_many_and_all(small, private_home):
    story = load_story(small)
    session = Session.new(story, seed=3)
    session.choose(1)
    session.choose(2)
    out = io.StringIO()
    play_on(session, io.StringIO("h 1\nh all\nh lots\nq\n"), out)
    text = out.getvalue()
    assert "History: 1 of 2 passages read before this one." in text
    assert "History: 2 of 2 passages read before this one." in text
    assert "Type h, h and a number, or h all." in text


def test_r_reads_the_page_again(small, private_home):
    result = play(small, "r\nq\n")
    assert result.stdout.count("The light turns amber.") == 2
    assert result.stdout.count("2. Go through.") == 2


def test_a_game_saved_at_the_prompt_is_in_the_windows_slot_and_loads_back(small, private_home):
    saved = play(small, "1\ns 4\nq\n")
    assert "Saved in slot 4: Day 2 · Rongcheng." in saved.stdout
    # The window's own slots: the same file, read by the same store.
    info = SlotStore(private_home / "saves").info("4")
    assert info.usable and info.place == "Day 2 · Rongcheng"
    assert info.summary.startswith("Manager Tan waits by the door.")

    listed = play(small, "l\nl 4\n2\n1\n3\n4\n4\n")
    assert "Slot 4: Day 2 · Rongcheng, saved" in listed.stdout
    after_load = listed.stdout.split("Loaded slot 4.", 1)[1]
    assert "Manager Tan waits by the door." in after_load
    assert listed.returncode == 0 and "\nDebrief\n" in after_load


def test_s_alone_is_the_quick_save_that_the_window_loads_with_f9(small, private_home):
    result = play(small, "s\nq\n")
    assert "Saved in the quick save: Day 1 · Rongcheng." in result.stdout
    assert SlotStore(private_home / "saves").info("quick").usable
    assert "Only what you saved with s is kept." in result.stdout


def test_loading_an_empty_or_unknown_slot_says_so_and_play_goes_on(small, private_home):
    result = play(small, "l 7\nl nine\nl\n2\n1\n1\n3\n4\n4\n")
    assert "Slot 7: That slot is empty." in result.stdout
    assert "Load with l and a slot from 1 to 12, l quick or l auto" in result.stdout
    assert "No saved games yet. s saves this one." in result.stdout
    assert result.returncode == 0


def test_a_damaged_save_is_reported_and_set_aside(small, private_home):
    (private_home / "saves").mkdir(parents=True)
    (private_home / "saves" / "slot-02.json").write_text("{not json", encoding="utf-8")
    result = play(small, "l 2\n1\n1\n1\n3\n4\n4\n")
    assert "Slot 2: This save" in result.stdout and "moved to" in result.stdout
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_the_transcript_follows_the_game_that_was_loaded(small, private_home, tmp_path):
    play(small, "2\ns 1\nq\n")
    transcript = tmp_path / "life.md"
    result = play(small, "l 1\n1\n1\n3\n4\n4\n", "--transcript", str(transcript))
    assert result.returncode == 0
    assert "Go through." in transcript.read_text(encoding="utf-8")


def test_help_lists_every_command(small, private_home):
    result = play(small, "?\nq\n")
    assert result.stdout.startswith("(Type a choice's number. ? lists the other commands")
    for word in ("h ", "r ", "s ", "l ", "q "):
        assert f"\n  {word}" in result.stdout


def test_a_whole_life_prints_no_control_character(small, private_home):
    result = play(small, "1\nh\ns\nl\n?\n1\n1\n3\n4\n4\n")
    assert result.returncode == 0
    assert all(ch == "\n" or ch.isprintable() for ch in result.stdout)


def test_a_control_character_from_anywhere_is_dropped_before_printing():
    # Stories refuse them when loaded; a save's summary or a mod's name is not a story file.
    assert printable("Tan\x1b[31m waits\x07\tby the door\r") == "Tan[31m waits by the door"
    assert printable("Snow on the harbour — 雪") == "Snow on the harbour — 雪"


def test_plain_is_ascii_and_wraps_nowhere_at_width_zero(small, private_home):
    # A real process: what reaches a braille display is what the terminal is sent.
    result = run_process("play", "--text", "--seed", "3", "--story", str(small), "--plain", "--width", "0",
                         stdin="1\n1\n1\n3\n4\n4\n")
    assert result.stdout.isascii()
    assert "-- Day 1, Rongcheng --" in result.stdout
    # A paragraph is one line, for a braille display to pan along, not broken at 78.
    assert "A city bus fills your mirror, close enough to read the advert on its nose: a smiling " \
           "family, a new flat." in result.stdout.splitlines()
    wrapped = play(small, "q\n")
    assert max(len(line) for line in wrapped.stdout.splitlines()) <= 78


def test_without_slots_saving_is_not_offered(small):
    session = Session.new(load_story(small), seed=3)
    out = io.StringIO()
    play_on(session, io.StringIO("s\nl 1\nq\n"), out)
    assert out.getvalue().count("Saving and loading are not offered here.") == 2
    assert "Nothing was saved." in out.getvalue()


def test_slots_are_not_offered_to_automatic_play(small, private_home):
    result = play(small, "", "--auto")
    assert result.returncode == 0
    assert not (private_home / "saves").exists()


def test_the_slots_record_the_mods_played_with(small, private_home, tmp_path):
    mod = tmp_path / "lantern"
    mod.mkdir()
    (mod / "mod.yaml").write_text("mod: {name: Lantern Festival}\n", encoding="utf-8")
    saves = slots_for(load_story(small), [mod])
    assert [m.name for m in saves.mods] == ["Lantern Festival"]

"""Self-voicing: a queue that speaks a passage, then its choices, through a speech command,
and falls silent the moment the player moves on.  A fake speech command — a small script that
appends what it is given to a file — stands in for the platform's voice."""

from __future__ import annotations

import stat
import sys
import time
from pathlib import Path

import pytest

from game.engine import ChoiceView, Page
from game.speech import SPEECH_ENV, NoSpeech, SpeechCommand, Voice, find_speech, page_words

#: Appends its standard input (or its arguments) to the file named first, one line each.
RECORDER = """\
import sys
words = " ".join(sys.argv[2:]) if len(sys.argv) > 2 else sys.stdin.read()
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(words + "\\n")
"""

#: Records what it was given, then goes on speaking until it is stopped.
LONG_WINDED = RECORDER + """\
sys.stdout.close()
import time
while True:
    time.sleep(1)
"""


def script(tmp_path: Path, name: str, source: str) -> Path:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


@pytest.fixture
def heard(tmp_path) -> Path:
    return tmp_path / "heard.txt"


def recording_voice(tmp_path: Path, heard: Path, source: str = RECORDER, *extra: str) -> Voice:
    return Voice(SpeechCommand((sys.executable, str(script(tmp_path, "voice.py", source)), str(heard), *extra)))


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


PAGE = Page(passage_id="amber", style="narration", speaker=None, title=None,
            text="The light at Chengshan Road turns amber.\n\nThe bus behind you sounds its horn.",
            choices=(ChoiceView(1, "Brake."), ChoiceView(2, "Go through.")), day=3, city="rongcheng",
            city_name="Rongcheng", is_ending=False, ending_title=None)


def test_the_passage_is_spoken_first_then_each_choice_with_its_number(tmp_path, heard):
    voice = recording_voice(tmp_path, heard)
    voice.say(page_words(PAGE))
    voice.finish()
    assert lines(heard) == ["The light at Chengshan Road turns amber.",
                            "The bus behind you sounds its horn.", "1: Brake.", "2: Go through."]


def test_an_utterance_is_spoken_only_after_the_one_before_has_finished(tmp_path, heard):
    voice = recording_voice(tmp_path, heard)
    voice.say(["one", "two", "three"])
    assert voice.speaking
    # Before the first has ended, the others wait their turn: the loop is never held up.
    assert len(voice._queue) == 2
    voice.finish()
    assert lines(heard) == ["one", "two", "three"]
    assert not voice.speaking


def until_heard(heard: Path, count: int, patience: float = 10.0) -> None:
    """Wait (a bounded while) until the fake voice has been given ``count`` utterances."""
    deadline = time.monotonic() + patience
    while len(lines(heard)) < count and time.monotonic() < deadline:
        time.sleep(0.01)


def test_moving_on_cuts_off_the_passage_and_its_choices_are_never_spoken(tmp_path, heard):
    voice = recording_voice(tmp_path, heard, LONG_WINDED)
    voice.say(page_words(PAGE))
    speaking = voice._process
    until_heard(heard, 1)                       # the passage's first paragraph is being said
    voice.stop()
    assert speaking.poll() is not None          # the voice was ended, not left talking
    assert not voice.speaking
    voice.tick()
    assert lines(heard) == ["The light at Chengshan Road turns amber."]


def test_saying_something_new_replaces_what_was_being_said(tmp_path, heard):
    voice = recording_voice(tmp_path, heard, LONG_WINDED)
    voice.say(page_words(PAGE))
    first = voice._process
    voice.say(["2: Go through."])
    assert first.poll() is not None
    # The focused choice is what is being said now; nothing of the passage waits behind it.
    assert voice._process is not first and list(voice._queue) == []
    assert voice.spoken == 2
    voice.stop()
    assert "1: Brake." not in lines(heard)


def test_a_command_naming_text_gets_the_words_as_an_argument_and_n_counts(tmp_path, heard):
    # Run as a program of its own: an interpreter is never handed {text}.
    recorder = script(tmp_path, "voice.py", f"#!{sys.executable}\n" + RECORDER)
    voice = Voice(SpeechCommand((str(recorder), str(heard), "take-{n}", "{text}")))
    voice.say(["a line", "second"])
    voice.finish()
    assert lines(heard) == ["take-1 a line", "take-2 second"]


def test_layout_line_breaks_are_not_spoken_as_pauses(tmp_path, heard):
    voice = recording_voice(tmp_path, heard)
    voice.say(["Your mother\nis asleep.", "   ", ""])
    voice.finish()
    assert lines(heard) == ["Your mother is asleep."]


def test_a_voice_without_a_command_accepts_everything_and_says_why(tmp_path):
    voice = Voice(None, "no speech engine was found")
    voice.say(page_words(PAGE))
    voice.finish()
    assert not voice.available and not voice.speaking
    assert voice.problem == "no speech engine was found"


def test_a_command_that_vanishes_stops_the_voice_with_a_reason(tmp_path):
    voice = Voice(SpeechCommand((str(tmp_path / "gone"),)))
    voice.say(["hello"])
    assert not voice.available
    assert "speech stopped working" in voice.problem


def test_the_environment_names_the_speech_command():
    found = find_speech({SPEECH_ENV: "espeak-ng -w '/tmp/a voice-{n}.wav'"}, "linux",
                        which=lambda name: f"/usr/bin/{name}")
    assert found.argv == ("espeak-ng", "-w", "/tmp/a voice-{n}.wav")


def test_a_named_command_that_is_not_installed_is_reported():
    with pytest.raises(NoSpeech, match="names talker, which is not installed"):
        find_speech({SPEECH_ENV: "talker --fast"}, "linux", which=lambda name: None)


@pytest.mark.parametrize("platform, installed, first", [
    ("linux", {"espeak-ng", "espeak"}, "espeak-ng"),
    ("linux", {"espeak"}, "espeak"),
    ("darwin", {"say"}, "say"),
    ("win32", {"powershell"}, "/bin/powershell"),
])
def test_each_platform_speaks_through_its_own_engine(platform, installed, first):
    found = find_speech({}, platform, which=lambda name: f"/bin/{name}" if name in installed else None)
    assert found.argv[0] in (first, f"/bin/{first}")
    # The words go on standard input: none is ever read as an option.
    assert not any("{text}" in arg for arg in found.argv)


def test_no_engine_is_reported_in_words_for_the_settings():
    with pytest.raises(NoSpeech, match="install espeak-ng"):
        find_speech({}, "linux", which=lambda name: None)


def test_a_letter_is_announced_with_its_sender_and_signed():
    letter = Page(passage_id="l", style="letter", speaker="Jing", title="your sister", text="Dear one,\n\nCome home.",
                  choices=(ChoiceView(1, "Fold it away."),), day=4, city="rongcheng", city_name="Rongcheng",
                  is_ending=False, ending_title=None)
    assert page_words(letter) == ["A letter from your sister", "Dear one,", "Come home.", "Jing",
                                  "1: Fold it away."]


def test_an_ending_leads_to_the_debrief_and_never_speaks_a_score():
    ending = Page(passage_id="e", style="narration", speaker=None, title=None, text="Snow on the harbour.",
                  choices=(), day=120, city="rongcheng", city_name="Rongcheng", is_ending=True,
                  ending_title="Winter")
    words = page_words(ending)
    assert words == ["Snow on the harbour.", "Winter", "Continue, to the debrief"]
    assert not any(ch.isdigit() for w in words for ch in w)

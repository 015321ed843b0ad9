"""Read aloud hands a passage's words to a speech command only as data: on its standard
input, or as one whole argument.  The words come from whoever wrote the story or a mod, so a
passage holding ``$(touch …)``, backticks or ``; rm`` must never run anything, whatever
command the player names in KEEPING_TRUST_SPEECH — and a command that would let it is refused
with a reason, before anything is said."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from game.speech import SPEECH_ENV, NoSpeech, SpeechCommand, Voice, find_speech, unavailable_message

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the attacks go through a POSIX shell")

#: A passage that runs `touch` in every way a shell offers, if a shell ever reads it.
ATTACK = "Read this: $(touch {m}) and `touch {m}`; touch {m} | touch {m} && touch {m} $(IFS=x;touch${{IFS}}{m})"

#: A speech program that writes down the arguments it was given, or its standard input.
RECORDER = """\
import json, sys
words = sys.argv[2:] if len(sys.argv) > 2 else [sys.stdin.read()]
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps(words) + "\\n")
"""


@pytest.fixture
def place(tmp_path: Path) -> dict[str, str]:
    """The names a command line is written with: the recorder, what it heard, and the file
    the attack would create."""
    recorder = tmp_path / "recorder"
    recorder.write_text(f"#!{sys.executable}\n" + RECORDER, encoding="utf-8")
    recorder.chmod(recorder.stat().st_mode | stat.S_IEXEC)
    return {"rec": str(recorder), "heard": str(tmp_path / "heard.txt"), "m": str(tmp_path / "PWNED"),
            "python": sys.executable}


def heard(place: dict[str, str]) -> list[list[str]]:
    path = Path(place["heard"])
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def speak_if_allowed(line: str, place: dict[str, str], words: str) -> NoSpeech | None:
    """Name ``line`` as the speech command and say ``words`` through it, as the window would;
    the refusal, if the command was refused."""
    try:
        command = find_speech({SPEECH_ENV: line.format(**place)}, "linux")
    except NoSpeech as refused:
        return refused
    voice = Voice(command)
    voice.say([words])
    voice.finish()
    return None


#: Command lines that would run the words (before this was refused, the first one did).
RUN_THE_WORDS = [
    "sh -c 'echo {{text}} >> {heard}'",
    "bash -c \"printf '%s\\n' {{text}} >> {heard}\"",
    "{rec} {heard} 'said: {{text}}'",
    "{rec} {heard} --words={{text}}",
    "sh -c {{text}}",
    "sh -c 'espeak-ng \"$1\"' speech {{text}}",
    "env sh -c {{text}}",
    "env -S {{text}}",
    "{python} -c {{text}}",
    "{{text}} {heard}",
    "sh",
    "bash -s",
    "xargs sh -c",
    "{python} -",
]

#: Command lines that take the words as data.
TAKE_THE_WORDS = [
    "{rec} {heard}",
    "{rec} {heard} {{text}}",
    "{rec} {heard} take-{{n}} {{text}}",
    "sh -c 'cat | {rec} {heard}'",
    "sh -c '{rec} {heard}'",
]


@pytest.mark.parametrize("line", RUN_THE_WORDS + TAKE_THE_WORDS)
def test_no_speech_command_ever_runs_what_a_passage_says(line, place):
    if line.split()[0] in ("bash", "env", "xargs") and shutil.which(line.split()[0]) is None:
        pytest.skip(f"{line.split()[0]} is not installed")
    speak_if_allowed(line, place, ATTACK.format(**place))
    assert not Path(place["m"]).exists()


@pytest.mark.parametrize("line", RUN_THE_WORDS)
def test_a_command_that_would_run_the_words_is_refused_with_the_way_to_fix_it(line, place):
    refused = speak_if_allowed(line, place, "hello")
    assert refused is not None, "the command was accepted"
    assert SPEECH_ENV in str(refused)
    assert "{text}" in str(refused) or "speech program" in str(refused)
    assert heard(place) == []


@pytest.mark.parametrize("line", TAKE_THE_WORDS)
def test_a_command_that_takes_the_words_as_data_hears_them_unchanged(line, place):
    attack = ATTACK.format(**place)
    assert speak_if_allowed(line, place, attack) is None
    said = heard(place)
    assert len(said) == 1 and attack in " ".join(said[0])


def test_text_inside_a_larger_argument_is_refused_however_the_command_is_made():
    with pytest.raises(NoSpeech, match="inside the argument 'echo {text}'"):
        SpeechCommand(("/usr/bin/recorder", "echo {text}"))


def test_a_refused_command_leaves_the_voice_silent_and_says_why(monkeypatch):
    monkeypatch.setenv(SPEECH_ENV, "sh -c 'echo {text} | espeak-ng'")
    voice = Voice.of_platform()
    assert not voice.available
    assert unavailable_message(voice).startswith("Read aloud cannot start: KEEPING_TRUST_SPEECH puts {text}")


OPTION_TAKER = """\
import argparse, sys
parser = argparse.ArgumentParser()
parser.add_argument("-w")
parser.add_argument("heard")
parser.add_argument("words")
args = parser.parse_args()
if args.w:
    open(args.w, "w").write("overwritten")
open(args.heard, "a").write(args.words + "\\n")
"""


def test_words_that_begin_like_an_option_are_never_taken_for_one(tmp_path):
    # espeak-ng -w FILE writes its voice over FILE: a passage must not choose that FILE.
    program = tmp_path / "talker"
    program.write_text(f"#!{sys.executable}\n" + OPTION_TAKER, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    victim, said = tmp_path / "precious.txt", tmp_path / "said.txt"
    voice = Voice(SpeechCommand((str(program), str(said), "{text}")))
    voice.say([f"-w{victim}"])
    voice.finish()
    assert not victim.exists()
    assert said.read_text().strip() == f"-w{victim}"

"""A passage in the terminal: typographic quotes, kept lines, and a speaker's name only over
speech; ``--plain`` prints plain ASCII."""

from __future__ import annotations

import io
import random
from pathlib import Path

from game.engine import Session
from game.terminal import page_lines, play
from helpers import page_of

NARRATED = ("At lunch Liu Fang has her rice box in one hand and a fat green book.\n\n"
            "'The exam's in November,' she says. 'Don't tell Tan.'")
SPOKEN = "'This is Dr. Yu. I saw your mother on Thursday.'\n\nUnder her voice a keyboard clicks."


def test_a_narrated_scene_is_not_headed_like_a_script():
    lines = page_lines(page_of("dialogue", NARRATED, speaker="Liu Fang"))
    assert "Liu Fang:" not in lines
    assert lines[0].startswith("At lunch Liu Fang")


def test_a_passage_that_opens_with_speech_names_the_speaker_first():
    lines = page_lines(page_of("dialogue", SPOKEN, speaker="Dr. Yu"))
    assert lines[:3] == ["Dr. Yu:", "", "‘This is Dr. Yu. I saw your mother on Thursday.’"]


def test_quotes_and_apostrophes_are_typographic():
    text = "\n".join(page_lines(page_of("dialogue", NARRATED, speaker="Liu Fang", choice="Say you won't.")))
    assert "‘The exam’s in November,’ she says. ‘Don’t tell Tan.’" in text
    assert "1. Say you won’t." in text
    assert "'" not in text


def test_a_notice_keeps_its_rows():
    notice = "VOLUNTEERS WANTED\n\nSaturday morning, 8.00 to 11.00.\nGloves, brooms and hot tea provided."
    lines = page_lines(page_of("notice", notice, title="Residents' Committee"))
    assert lines[0] == "[ A notice: Residents’ Committee ]"
    assert lines[4:6] == ["Saturday morning, 8.00 to 11.00.", "Gloves, brooms and hot tea provided."]


def test_plain_play_prints_only_ascii_with_straight_quotes():
    from game.engine import load_story

    story = load_story(Path(__file__).resolve().parents[1] / "story")
    for plain in (True, False):
        out = io.StringIO()
        play(Session.new(story, seed=3), io.StringIO(), out, auto=random.Random(3), plain=plain)
        text = out.getvalue()
        assert "Debrief" in text                       # played through to the end
        if plain:
            assert text.isascii() and "'" in text and "--" in text
        else:
            assert "’" in text and "—" in text


def test_the_play_command_takes_plain(capsys):
    from game.cli import main

    assert main(["play", "--text", "--auto", "--seed", "5", "--plain"]) == 0
    assert capsys.readouterr().out.isascii()

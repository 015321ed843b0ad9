"""The terminal and the transcript print what the engine filled in: inline text as the life
read it, in play and in the history a transcript keeps, never a brace."""

from __future__ import annotations

from helpers import run_main

PASSAGES = """
passages:
  start:
    text: |
      You have {savings} yuan. The kettle {boils|sings|whistles}.
      {when savings > 100: Enough for the train. | otherwise: Not enough for the train.}
    choices:
      - text: Buy a snack.
        do: [{add: {savings: -150}}]
        goto: start
      - {text: Go home., goto: end}
  end:
    text: Home.
    ending:
      title: Home
      debrief: You came home with {savings} yuan.
printable: [savings]
before:
  set: {savings: 1200}
"""


def test_the_terminal_and_the_transcript_print_the_text_as_it_was_read(story_dir, tmp_path):
    folder = story_dir(PASSAGES)
    transcript = tmp_path / "life.md"
    # Two snacks, then home; then the three guesses, and q once the answer is shown.
    ran = run_main("play", "--text", "--story", str(folder), "--seed", "1", "--transcript", str(transcript),
                   stdin="1\n1\n2\n3\n4\n4\nq\n")
    assert ran.returncode == 0, ran.stderr
    out = ran.stdout
    assert "You have 1200 yuan." not in out                   # thousands are marked, as every figure
    for read in ("You have 1,200 yuan. The kettle boils.", "You have 1,050 yuan. The kettle sings.",
                 "You have 900 yuan. The kettle whistles."):
        assert read in " ".join(out.split()), read
    assert "{" not in out and "}" not in out
    # What was read, without the record a teacher's tools read back (JSON, braces and all).
    kept = " ".join(transcript.read_text(encoding="utf-8").split("<!-- keeping-trust-record")[0].split())
    assert "You have 1,200 yuan. The kettle boils. Enough for the train." in kept
    assert "You came home with 900 yuan." in kept
    assert "{" not in kept

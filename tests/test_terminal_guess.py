"""The guess in the terminal, end to end through the command line: at the ending the three
questions come, one number each, before the word Debrief; nothing before them tells the
score; the debrief opens with the answers; a player who stops at the guess is shown no
ledger."""

from __future__ import annotations

import re

import pytest

from game.engine import Session
from game.engine.guesses import GUESSES
from helpers import Ran, run_main, run_process


@pytest.fixture(scope="module")
def first_choices(shipped_story) -> int:
    """How many choices the short route with seed 2 takes, always choosing the first."""
    session = Session.new(shipped_story, 2, "short")
    while not session.is_over:
        session.choose(1)
    return len(session.path)


SHORT_LIFE = ("play", "--text", "--route", "short", "--seed", "2")


def play(stdin: str) -> Ran:
    return run_main(*SHORT_LIFE, stdin=stdin)


def test_the_guess_comes_at_the_ending_before_any_word_of_the_debrief(first_choices, tmp_path):
    # A real process, with nothing of the tester's environment but the path and its own home.
    result = run_process(*SHORT_LIFE, stdin="1\n" * first_choices + "2\n1\n4\n",
                         env={"KEEPING_TRUST_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.split("\nDebrief\n", 1)
    asked = [before.index(f"{n} of 3. {g.question}") for n, g in enumerate(GUESSES, 1)]
    assert asked == sorted(asked)
    story_part = before[:asked[0]]
    # Nothing before the guess (or in it) gives the standing the debrief then shows.
    standing = re.search(r"Final score: ([\d,]+) +Grade: (\w+)", after)
    assert standing
    assert f"{standing.group(1)} points" not in before and not re.search(rf"\b[Gg]rade:? {standing.group(2)}\b", before)
    assert "since the start" not in before
    assert "I’m not sure" in before[asked[0]:] and story_part.strip()
    answer = " ".join(after.split("HOW IT ENDED", 1)[0].split())
    assert "You thought nothing was keeping count. Something was" in answer
    assert "You thought nobody reported what you did." in answer
    assert "You were not sure how you stood." in answer
    assert "What one choice's own record would have changed (not what followed from it)" in answer


def test_a_number_the_question_does_not_offer_is_asked_again(first_choices):
    result = play("1\n" * first_choices + "9\nyes\n1\n1\n1\n")
    assert result.returncode == 0
    assert result.stdout.count("Type a number from 1 to 3 (or q to stop).") == 2


def test_stopping_at_the_guess_shows_no_ledger(first_choices):
    result = play("1\n" * first_choices + "1\nq\n")
    assert result.returncode == 1
    assert "\nDebrief\n" not in result.stdout and "Stopped before the debrief" in result.stdout


def test_after_the_one_screen_answer_the_player_may_finish_there(first_choices):
    result = play("1\n" * first_choices + "1\n1\n1\nq\n")
    assert result.returncode == 0, result.stderr
    after = result.stdout.split("\nDebrief\n", 1)[1]
    assert "THE ANSWER" in after.split("Or q to finish here.)", 1)[0]
    prompt = re.search(r"\(Enter for the rest: (.*?)\. Or q to finish here\.\)", " ".join(after.split()))
    assert prompt and "What was recorded" in prompt.group(1)
    # Finishing at the prompt leaves the ledger unread, and says play is over.
    unread = after.split("Or q to finish here.)", 1)[1]
    assert "Reported by" not in unread and "Final score:" not in unread
    assert "(Finished.)" in after


def test_enter_at_the_prompt_opens_the_ledger_and_the_rest(first_choices):
    result = play("1\n" * first_choices + "1\n1\n1\n\n")
    assert result.returncode == 0, result.stderr
    rest = result.stdout.split("Or q to finish here.)", 1)[1]
    assert "Reported by" in rest and "Final score:" in rest and "(Finished.)" not in rest


def test_input_that_runs_out_at_the_prompt_still_gets_the_whole_debrief(first_choices):
    result = play("1\n" * first_choices + "1\n1\n1\n")
    assert result.returncode == 0, result.stderr
    assert "Reported by" in result.stdout.split("Or q to finish here.)", 1)[1]

"""The command line as a writer and a player use it: python main.py COMMAND."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

SMALL = """
passages:
  start:
    text: The light turns amber.
    choices:
      - text: Brake.
        goto: end
      - text: Go through.
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
        goto: end
  end:
    text: You reach the office.
    ending: {title: Morning, debrief: A camera may have seen you.}
"""


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin, text=True,
                          capture_output=True, cwd=ROOT, timeout=120)


def test_check_is_clean_on_a_good_story(story_dir):
    result = run("check", str(story_dir(SMALL)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_check_lists_located_errors_and_fails(story_dir):
    folder = story_dir(SMALL.replace("goto: end\n      - text: Go", "goto: ned\n      - text: Go"))
    result = run("check", str(folder))
    assert result.returncode == 1
    line = next(l for l in result.stdout.splitlines() if "unknown passage 'ned'" in l)
    assert line.split(":")[1:3] == ["7", "15"]
    assert "did you mean 'end'?" in line
    assert "Traceback" not in result.stderr


def test_play_text_reads_numbers_and_ends_with_the_debrief(story_dir):
    result = run("play", "--text", "--story", str(story_dir(SMALL)), "--seed", "1", stdin="2\n")
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.split("\nDebrief\n", 1)
    assert "1. Brake." in before and "2. Go through." in before
    assert "995" not in before and "-5" not in before
    assert "995" in after and "Drove through a red light" in after


def test_play_text_asks_again_on_a_wrong_answer_and_stops_at_end_of_input(story_dir):
    result = run("play", "--text", "--story", str(story_dir(SMALL)), stdin="7\nhello\n")
    assert result.returncode == 1
    assert "Type a number from 1 to 2" in result.stdout
    assert "Debrief" not in result.stdout


def test_play_auto_reaches_an_ending(story_dir):
    result = run("play", "--text", "--auto", "--seed", "5", "--story", str(story_dir(SMALL)))
    assert result.returncode == 0
    assert "\nDebrief\n" in result.stdout


def test_explore_json_has_the_documented_keys(story_dir):
    result = run("explore", "--runs", "40", "--json", "--story", str(story_dir(SMALL)))
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    for key in ("runs", "passages_total", "passages_visited", "endings", "grades", "blacklisted",
                "dead_ends", "errors"):
        assert key in data
    assert data["runs"] == 40 and data["passages_visited"] == 2 == data["passages_total"]
    assert data["endings"] == {"end": 40}
    assert sum(data["grades"].values()) == 40


def test_explore_reports_dead_ends(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: A door.
            choices:
              - text: Knock.
                when: day > 99
                goto: end
          end:
            text: In.
            ending: {title: In}
        """)
    result = run("explore", "--runs", "5", "--json", "--story", str(folder))
    assert result.returncode == 1
    assert json.loads(result.stdout)["dead_ends"] == {"start": 5}


def test_stats_counts_the_story(story_dir):
    result = run("stats", "--json", "--story", str(story_dir(SMALL)))
    data = json.loads(result.stdout)
    assert (data["passages"], data["choices"], data["endings"], data["jurisdictions"]) == (2, 2, 1, 2)
    assert data["words"] > 10


def test_help_is_everywhere():
    for args in ([], ["check"], ["play"], ["explore"], ["stats"]):
        result = run(*args, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout

"""The command line as a writer and a player use it: python main.py COMMAND."""

from __future__ import annotations

import json

from helpers import run_main, run_process

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


def test_check_is_clean_on_a_good_story(story_dir):
    result = run_main("check", str(story_dir(SMALL)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_check_lists_located_errors_and_fails(story_dir):
    folder = story_dir(SMALL.replace("goto: end\n      - text: Go", "goto: ned\n      - text: Go"))
    result = run_process("check", str(folder))
    assert result.returncode == 1
    line = next(l for l in result.stdout.splitlines() if "unknown passage 'ned'" in l)
    assert line.split(":")[1:3] == ["7", "15"]
    assert "did you mean 'end'?" in line
    assert "Traceback" not in result.stderr


def test_play_text_reads_numbers_and_ends_with_the_debrief(story_dir):
    result = run_process("play", "--text", "--story", str(story_dir(SMALL)), "--seed", "1", stdin="2\n3\n4\n4\n")
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.split("\nDebrief\n", 1)
    assert "1. Brake." in before and "2. Go through." in before
    assert "995" not in before and "-5" not in before
    assert "995" in after and "Drove through a red light" in after


def test_play_text_asks_again_on_a_wrong_answer_and_stops_at_end_of_input(story_dir):
    result = run_main("play", "--text", "--story", str(story_dir(SMALL)), stdin="7\nhello\n")
    assert result.returncode == 1
    assert "Type a number from 1 to 2" in result.stdout
    assert "Debrief" not in result.stdout


def test_play_auto_reaches_an_ending(story_dir):
    result = run_main("play", "--text", "--auto", "--seed", "5", "--story", str(story_dir(SMALL)))
    assert result.returncode == 0
    assert "\nDebrief\n" in result.stdout


ENDLESS = """
passages:
  start:
    text: The queue at the service hall.
    choices:
      - text: Take a number.
        goto: counter
  counter:
    text: The clerk sends you back to the queue.
    choices:
      - text: Queue again.
        goto: start
      - text: Go home.
        when: day > 99
        goto: home
  home:
    text: Home.
    ending: {title: Home}
"""


def test_play_auto_gives_up_on_a_loop_with_no_way_out(story_dir):
    result = run_main("play", "--text", "--auto", "--seed", "1", "--max-steps", "40", "--story", str(story_dir(ENDLESS)))
    assert result.returncode == 1
    assert result.stdout.count("\n> ") == 40
    assert "Stopped after 40 choices without reaching an ending" in result.stdout
    assert "Debrief" not in result.stdout


def test_play_auto_gives_up_by_itself_when_no_cap_is_given(story_dir):
    result = run_main("play", "--text", "--auto", "--seed", "1", "--story", str(story_dir(ENDLESS)))
    assert result.returncode == 1
    assert result.stdout.count("\n> ") == 5000
    assert "Stopped after 5,000 choices" in result.stdout


def test_play_refuses_a_step_cap_below_one(story_dir):
    result = run_main("play", "--text", "--auto", "--max-steps", "0", "--story", str(story_dir(SMALL)))
    assert result.returncode == 2
    assert "--max-steps: must be at least 1" in result.stderr


ONE_WAY = """
passages:
  start:
    text: The bus to the clinic is late again.
    choices:
      - text: Wait for it.
        goto: end
  end:
    text: It comes.
    ending: {title: Clinic}
"""


def test_play_text_with_one_choice_goes_on_at_enter(story_dir):
    result = run_main("play", "--text", "--story", str(story_dir(ONE_WAY)), stdin="\n3\n4\n4\n")
    assert result.returncode == 0, result.stdout
    assert "\nDebrief\n" in result.stdout


def test_play_text_with_one_choice_asks_for_enter_not_a_number_from_1_to_1(story_dir):
    result = run_main("play", "--text", "--story", str(story_dir(ONE_WAY)), stdin="2\nyes\n1\n3\n4\n4\n")
    assert result.returncode == 0, result.stdout
    assert result.stdout.count("Press Enter to go on, or q to stop.") == 2
    assert "from 1 to 1" not in result.stdout


def test_play_text_with_several_choices_still_wants_a_number(story_dir):
    result = run_main("play", "--text", "--story", str(story_dir(SMALL)), stdin="\n1\n3\n4\n4\n")
    assert result.returncode == 0, result.stdout
    assert "Type a number from 1 to 2 (or q to stop)." in result.stdout
    assert "Press Enter" not in result.stdout


def test_explore_json_has_the_documented_keys(story_dir):
    result = run_process("explore", "--runs", "40", "--json", "--story", str(story_dir(SMALL)))
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
    result = run_main("explore", "--runs", "5", "--json", "--story", str(folder))
    assert result.returncode == 1
    assert json.loads(result.stdout)["dead_ends"] == {"start": 5}


def test_stats_counts_the_story(story_dir):
    result = run_process("stats", "--json", "--story", str(story_dir(SMALL)))
    data = json.loads(result.stdout)
    assert (data["passages"], data["choices"], data["endings"], data["jurisdictions"]) == (2, 2, 1, 2)
    assert data["words"] > 10


def test_help_is_everywhere():
    for args in ([], ["check"], ["play"], ["explore"], ["stats"]):
        result = run_main(*args, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout, args
    result = run_process("--help")
    assert result.returncode == 0 and "usage:" in result.stdout


def test_check_knows_a_mod_by_its_mod_section_whatever_the_folder_and_files_are_called(tmp_path):
    folder = tmp_path / "my_branch"
    folder.mkdir()
    (folder / "branch.yaml").write_text(
        "mod: {name: A small branch}\n"
        "extend:\n  dec_solstice:\n    choices:\n      - {text: Ring Aunt Lan., goto: my_call}\n"
        "passages:\n  my_call: {text: Nobody answers., goto: dec_solstice}\n", encoding="utf-8")
    result = run_main("check", "--quiet", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_check_prints_the_summary_on_the_same_stream_as_the_problems(story_dir):
    result = run_main("check", str(story_dir(SMALL.replace("goto: end\n      - text: Go", "goto: ned\n      - text: Go"))))
    lines = result.stdout.splitlines()
    assert any("unknown passage 'ned'" in line for line in lines)
    assert lines[-1].startswith("1 error(s)")
    assert result.stderr == ""


def _branch(folder, name: str, goto: str = "end"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text(
        f"mod: {{name: {name.title()}}}\n"
        f"extend:\n  start:\n    choices:\n      - {{text: Take the {name} way., goto: {name}_walk}}\n"
        f"passages:\n  {name}_walk: {{text: The {name} way., goto: {goto}}}\n", encoding="utf-8")
    return folder


def test_play_text_turns_a_broken_mod_off_alone_and_says_why(story_dir, tmp_path):
    good = _branch(tmp_path / "harbour", "harbour")
    broken = _branch(tmp_path / "pier", "pier", goto="nowhere")
    result = run_main("play", "--text", "--auto", "--story", str(story_dir(SMALL)), "--mod", str(good),
                      "--mod", str(broken), "--seed", "1")
    assert result.returncode == 0, result.stderr
    assert "3. Take the harbour way." in result.stdout and "pier way" not in result.stdout
    assert "goto names unknown passage 'nowhere'" in result.stderr
    assert "‘Pier’" in result.stderr and "has 1 error and is turned off; the game goes on without it." in result.stderr


def test_check_with_a_broken_mod_shows_its_errors_and_checks_the_others_whole(story_dir, tmp_path):
    good = _branch(tmp_path / "harbour", "harbour")
    broken = _branch(tmp_path / "pier", "pier", goto="nowhere")
    result = run_main("check", str(story_dir(SMALL)), "--mod", str(good), "--mod", str(broken))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any("pier/mod.yaml" in line and "unknown passage 'nowhere'" in line for line in lines)
    assert any(line.endswith("1 error — turned off when played; the story loads with the other mods")
               and "pier" in line for line in lines)
    assert lines[-1].startswith("1 error(s)")

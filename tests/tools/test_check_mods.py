"""`check` on a mod: the mod's own problems first, the story's own doubts only when asked for."""

from __future__ import annotations

import re
import textwrap

from helpers import ROOT, run_main

LOST_PASSAGE = """
    mod: {name: A lost passage}
    passages:
      lost_corner:
        text: Nobody ever comes here.
        goto: winter_solstice
    """


def write_mod(folder, text: str):
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def story_warnings() -> int:
    """How many warnings the shipped story has by itself, as check counts them."""
    last = run_main("check").stdout.splitlines()[-1]
    found = re.search(r"(\d+) warning\(s\)$", last)
    return int(found.group(1)) if found else 0


def test_checking_a_mod_shows_its_own_problems_and_counts_the_storys_hidden_ones(tmp_path):
    mod = write_mod(tmp_path / "lost", LOST_PASSAGE)
    result = run_main("check", str(mod))
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    assert "mod.yaml:4:3: warning: passage 'lost_corner' cannot be reached" in lines[0]
    hidden = story_warnings()
    assert hidden > 0  # the shipped story has doubts of its own; this test is about hiding them
    assert lines[-1].endswith(f"1 warning(s); {hidden} warning(s) of the story itself not shown "
                              "(--host shows them)")


def test_host_shows_the_storys_own_warnings_after_the_mods(tmp_path):
    mod = write_mod(tmp_path / "lost", LOST_PASSAGE)
    lines = run_main("check", "--host", str(mod)).stdout.splitlines()
    problems = lines[:-1]
    assert "lost_corner" in problems[0]
    assert len(problems) == 1 + story_warnings()
    assert all(str(ROOT / "story") in line or line.startswith("story") for line in problems[1:])
    assert "not shown" not in lines[-1]


def test_a_warning_the_mod_brings_to_the_storys_files_is_shown_as_the_mods(tmp_path):
    # A city the mod defines, named as the story names Nanjing: the debrief would show two
    # ledgers called Nanjing, and the warning falls on the story's own Nanjing.
    mod = write_mod(tmp_path / "twin", """
        mod: {name: A twin city}
        jurisdiction:
          id: jiangning
          name: Nanjing
          cities: [jiangning]
          start: 1000
          rules: {}
          grades: {AAA: 1050, AA: 1030, A: 960, B: 850, C: 600, D: 0}
        """)
    lines = run_main("check", str(mod)).stdout.splitlines()
    twin = [line for line in lines if "as it shows jurisdiction 'jiangning'" in line]
    assert len(twin) == 1 and "nanjing.yaml" in twin[0]


def test_check_says_in_words_each_change_a_mod_declares_to_the_story(tmp_path):
    mod = write_mod(tmp_path / "red", """
        mod:
          name: Red lights
          changes: [rongcheng.ran_red_light, savings]
        jurisdiction:
          id: rongcheng
          rules:
            ran_red_light: {points: 100, sources: [traffic_camera], override: true}
        extend:
          winter_solstice:
            choices:
              - text: Find an envelope.
                when: not seen(red_envelope)
                goto: red_envelope
        passages:
          red_envelope:
            text: There is money in it.
            do: [add: {savings: 500}]
            goto: winter_solstice
        """)
    result = run_main("check", str(mod))
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    start = lines.index(f"{mod} changes the story it is played on, as its mod section declares:")
    assert lines[start + 1].endswith("mod.yaml:8:5: changes Rongcheng's rule for 'Drove through a red light' "
                                     "from -5 to +100")
    assert lines[start + 2].endswith("mod.yaml:18:16: adds 500 to the story's 'savings' (3,000 at the start)")


def test_check_refuses_a_mod_that_rewrites_the_story_without_saying_so(tmp_path):
    mod = write_mod(tmp_path / "quiet", """
        mod: {name: Quiet}
        extend:
          winter_solstice:
            choices:
              - text: Wake up.
                when: not seen(quiet_morning)
                goto: quiet_morning
        passages:
          quiet_morning:
            text: It is the first of September again, and nothing is signed.
            day: 1
            do: [set: {cousin_loan_signed: false}]
            goto: winter_solstice
        """)
    result = run_main("check", str(mod))
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 2
    assert "mod.yaml:12:10: error: sets the day to 1" in errors[0]
    assert "mod.yaml:13:16: error: sets the story's 'cousin_loan_signed' (false at the start) to false" in errors[1]


def test_check_turns_off_a_mod_that_changes_the_story_unsaid_and_tells_the_others_declared_changes(tmp_path):
    said = write_mod(tmp_path / "said", """
        mod: {name: Said, changes: savings}
        extend:
          winter_solstice:
            choices:
              - {text: Find money., when: not seen(said_money), goto: said_money}
        passages:
          said_money: {text: Money., do: [add: {savings: 10}], goto: winter_solstice}
        """)
    unsaid = write_mod(tmp_path / "unsaid", """
        mod: {name: Unsaid}
        before:
          set: {mother_ill: true}
        jurisdiction:
          id: rongcheng
          rules:
            ran_red_light: {points: 100, sources: [traffic_camera], override: true}
        """)
    result = run_main("check", "--mod", str(said), str(unsaid))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    errors = [line for line in lines if ": error: " in line]
    assert len(errors) == 2 and all(line.startswith(str(unsaid)) for line in errors)
    assert "'mother_ill' starts at False in the story section already" in errors[0]
    assert "changes Rongcheng's rule for 'Drove through a red light' from -5 to +100" in errors[1]
    start = lines.index(f"{said} changes the story it is played on, as its mod section declares:")
    assert lines[start + 1].endswith("adds 10 to the story's 'savings' (3,000 at the start)")
    assert f"{unsaid}: 2 errors — turned off when played; the story loads with the other mods" in lines

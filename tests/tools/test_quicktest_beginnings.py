"""``test --start`` searches from a passage, and ``test --mod-only`` searches a mod from the
passages it hooks into, without the rest of the story: each reports on what it is about."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from helpers import run_main

# A season with a branch a late test does not care about: 'detour' and its ending can be
# reached only from the start.
PASSAGES = """
passages:
  start:
    text: Morning.
    choices:
      - {text: Go to the office., goto: office}
      - {text: Take the long way., goto: detour}
  detour:
    text: The river path.
    choices:
      - {text: Look at the water., when: seen(office), goto: river_end}
      - {text: Go on., goto: office}
  river_end: {text: The river., ending: {title: River}}
  office:
    text: The office.
    variants: [{when: promoted, text: Your name is on a new door.}]
    choices:
      - {text: Ask for a raise., when: promoted, goto: raise_end}
      - {text: Go home., goto: home_end}
  raise_end: {text: A raise., ending: {title: Raise}}
  home_end: {text: Home., ending: {title: Home}}
"""

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables: {promoted: false}
"""

MOD = """
mod: {name: The canteen}
extend:
  office:
    choices:
      - {text: Eat in the canteen., goto: canteen}
passages:
  canteen:
    text: The canteen.
    choices:
      - {text: Sit with the cleaners., when: not seen(canteen_talk), goto: canteen_talk}
      - {text: Take a tray back., when: promoted, goto: office}
      - {text: Back to work., goto: office}
  canteen_talk:
    text: They talk about the new cameras.
    goto: canteen
"""


def story(story_dir) -> Path:
    return story_dir(PASSAGES, header=HEADER)


def mod(tmp_path: Path, text: str = MOD) -> Path:
    folder = tmp_path / "mods" / "canteen"
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def report(*args: str) -> dict:
    ran = run_main("test", "--json", *args)
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout)


def test_a_search_from_a_passage_reports_only_on_what_can_be_reached_from_it(story_dir):
    found = report("--story", str(story(story_dir)), "--start", "office")
    assert found["passages"] == {"reached": 2, "total": 3}     # office and the two endings after it
    assert found["never"]["passages"] == ["raise_end"]         # nothing of the detour
    assert found["scope"] == "searched from 'office' (--start): 3 passages can be reached from it"
    assert "office: choice 1 (Ask for a raise.)" in found["never"]["choices"]


def test_the_state_flags_shape_every_life_of_the_search(story_dir):
    found = report("--story", str(story(story_dir)), "--start", "office", "--set", "promoted=true")
    assert found["never"]["passages"] == [] and "raise_end" in found["endings"]
    seen = report("--story", str(story(story_dir)), "--start", "detour", "--seen", "office")
    assert "river_end" in seen["endings"]


def test_a_mod_is_searched_from_its_hooks_and_only_its_own_choices_and_conditions_are_reported(story_dir, tmp_path):
    ran = run_main("test", "--story", str(story(story_dir)), "--mod", str(mod(tmp_path)), "--mod-only")
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert lines[1] == "the mods' 2 passages, begun at 'office' (--mod-only)"
    assert "passages reached: 3 of 3" in lines
    assert "choices taken: 4 of 5" in lines              # the mod's four and the one it hooks in
    never = [line for line in lines if line.startswith("never reached")]
    # Only the mod's own: the promoted tray, never the office's raise or the detour.
    assert len(never) == 2, never
    assert never[0] == "never reached (choice): canteen: choice 2 (Take a tray back.)"
    assert "canteen/mod.yaml:" in never[1] and never[1].endswith("canteen: choice 2: 'promoted' never held")


def test_mod_only_needs_a_mod_and_a_hook_or_a_start(story_dir, tmp_path):
    ran = run_main("test", "--story", str(story(story_dir)), "--mod-only")
    assert ran.returncode == 2 and "--mod-only tests the mods named with --mod" in ran.stderr
    unhooked = mod(tmp_path, "mod: {name: Loose}\npassages:\n  loose: {text: A., ending: {title: A}}\n")
    ran = run_main("test", "--story", str(story(story_dir)), "--mod", str(unhooked), "--mod-only")
    assert ran.returncode == 2 and "hook into no passage" in ran.stderr
    started = run_main("test", "--story", str(story(story_dir)), "--mod", str(unhooked), "--mod-only",
                       "--start", "loose")
    assert started.returncode == 0 and "passages reached: 1 of 1" in started.stdout


def test_a_wrong_flag_of_test_is_a_message(story_dir):
    ran = run_main("test", "--story", str(story(story_dir)), "--start", "ofice")
    assert ran.returncode == 2 and "--start: unknown passage 'ofice' (did you mean 'office'?)" in ran.stderr


def test_a_mod_that_extends_a_hook_is_searched_from_the_passage_the_hook_names(story_dir, tmp_path):
    hooked = story_dir(PASSAGES, header=HEADER,
                       extra={"promises.yaml": "hooks:\n  at_the_office: {passage: office, day: 1, by_then: Morning.}\n"})
    ran = run_main("test", "--story", str(hooked), "--mod", str(mod(tmp_path, MOD.replace("  office:", "  at_the_office:"))),
                   "--mod-only")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[1] == "the mods' 2 passages, begun at 'office' (--mod-only)"

"""A place a life can reach and never leave for an ending is found, named and fails the tools."""

from __future__ import annotations

import textwrap

from game.cli import main
from game.engine import load_story
from game.tools.lint import lint
from game.tools.quicktest import quicktest
from game.tools.traps import on_rounds

BASE = """
passages:
  start:
    text: The stairwell.
    choices:
      - {text: Go home., goto: home}
  home:
    text: You are home.
    ending: {title: Home}
"""

#: The modder's trap: the cellar door opens only once the tries fall below 0, and each try
#: adds one. Random lives call it long; a search meets a new state at every try.
CELLAR = """
mod: {name: The cellar}
extend:
  start:
    choices:
      - {text: Go down to the cellar., goto: cellar_door}
passages:
  cellar_door:
    text: The cellar door has swung shut behind you.
    choices:
      - text: Try the handle.
        when: cellar_tries < 0
        goto: home
      - text: Wait a while.
        do: [add: {cellar_tries: 1}]
        goto: cellar_wait
  cellar_wait:
    text: You wait in the dark.
    goto: cellar_door
"""


def with_mod(story_dir, tmp_path, text: str):
    folder = tmp_path / "mods" / "cellar"
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return story_dir(BASE), folder


def test_test_finds_the_cellar_trap_names_its_passages_and_fails(story_dir, tmp_path, capsys):
    story, mod = with_mod(story_dir, tmp_path, CELLAR)
    report = quicktest(load_story(story, [mod]), max_states=500)
    (trap,) = report.traps
    assert "trap: a life that reaches 'cellar_door' can never reach an ending" in trap
    assert "its ways on lead only to cellar_door, cellar_wait" in trap
    assert "cellar_door: choice 1 ('cellar_tries < 0')" in trap
    assert trap in report.problems
    assert main(["test", "--story", str(story), "--mod", str(mod), "--max-states", "500"]) == 1
    assert f"problem: {trap}" in capsys.readouterr().out.splitlines()


def test_check_warns_that_the_way_out_can_never_open(story_dir, tmp_path):
    story, mod = with_mod(story_dir, tmp_path, CELLAR)
    warnings = [str(p) for p in lint(load_story(story, [mod]))]
    assert any("cellar_door: choice 1: condition 'cellar_tries < 0' can never hold (cellar_tries is never below 0)"
               in w for w in warnings)
    assert any("no ending can be reached from passage 'cellar_door': the ways on that lead to one can never open"
               in w for w in warnings)


def test_explore_fails_on_lives_too_long_to_end(story_dir, tmp_path, capsys):
    story, mod = with_mod(story_dir, tmp_path, CELLAR)
    code = main(["explore", "--story", str(story), "--mod", str(mod), "--runs", "20", "--max-steps", "200"])
    assert code == 1
    assert "too long (no ending after 200 choices): cellar_" in capsys.readouterr().out


def test_a_round_of_states_no_life_leaves_is_a_trap_though_its_way_out_can_open(story_dir, tmp_path):
    # The cellar door opens for whoever took the key upstairs; a life that went down without
    # it waits for ever. No condition is impossible, so only the lives played show the trap.
    story, mod = with_mod(story_dir, tmp_path, """
        mod: {name: The key}
        extend:
          start:
            choices:
              - {text: Take the key and go down., do: [set: {cellar_key: true}], goto: cellar}
              - {text: Go down., goto: cellar}
        passages:
          cellar:
            text: The cellar.
            choices:
              - {text: Unlock the door., when: cellar_key, goto: home}
              - {text: Wait., goto: cellar}
        """)
    report = quicktest(load_story(story, [mod]), max_states=500)
    (trap,) = report.traps
    assert "a life that reaches 'cellar' can never reach an ending; its ways on lead only to cellar" in trap
    assert "every way on comes back to a state met before" in trap


def test_a_long_round_that_can_still_end_is_no_trap(story_dir, tmp_path):
    story, mod = with_mod(story_dir, tmp_path, CELLAR.replace("cellar_tries < 0", "cellar_tries >= 3"))
    report = quicktest(load_story(story, [mod]))
    assert report.traps == [] and report.problems == []
    assert "home" in report.endings


def test_only_passages_a_life_can_come_back_to_are_on_rounds(story_dir, tmp_path):
    story, mod = with_mod(story_dir, tmp_path, CELLAR)
    assert on_rounds(load_story(story, [mod])) == {"cellar_door", "cellar_wait"}


def test_the_shipped_story_has_no_trap_on_its_map(shipped_story):
    from game.tools.traps import passage_traps

    assert passage_traps(shipped_story, set(shipped_story.passages)) == []


# -- searches begun elsewhere, and conditions that name a hook -----------------------------------

def test_a_round_a_mod_only_search_leaves_by_a_way_out_of_the_mod_is_no_trap(story_dir, tmp_path):
    # The canteen's way out goes back to a passage of the story that is no hook: beyond what a
    # --mod-only search follows, so nothing is known of it, and the round is not called stuck.
    story, mod = with_mod(story_dir, tmp_path, """
        mod: {name: The canteen}
        extend:
          start:
            choices:
              - {text: Eat first., goto: canteen}
        passages:
          canteen:
            text: The canteen.
            choices:
              - {text: Another cup of tea., goto: canteen}
              - {text: Go home., goto: home}
        """)
    assert main(["test", "--story", str(story), "--mod", str(mod), "--mod-only", "--max-states", "200"]) == 0


def test_a_trap_nobody_links_to_yet_is_found_from_where_a_test_begins(story_dir, tmp_path, capsys):
    # A modder tries the cellar before wiring it in: no passage leads there yet, and the test
    # begins at its door.
    story, mod = with_mod(story_dir, tmp_path, CELLAR.replace(
        "extend:\n  start:\n    choices:\n      - {text: Go down to the cellar., goto: cellar_door}\n", ""))
    code = main(["test", "--story", str(story), "--mod", str(mod), "--start", "cellar_door", "--max-states", "300"])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "trap: a life that reaches 'cellar_door' can never reach an ending" in out


def test_a_condition_that_names_a_hook_tells_the_lives_apart_as_the_passages_name_does(story_dir, tmp_path):
    # Whoever read the notice may leave the waiting room; whoever went straight in waits for
    # ever. The way out is asked of the hook, and the lives are told apart by the passage.
    story = story_dir("""
        passages:
          start:
            text: The hall.
            choices:
              - {text: Read the notice., goto: notice}
              - {text: Go straight in., goto: waiting}
          notice:
            text: Take a number.
            goto: waiting
          waiting:
            text: The waiting room.
            choices:
              - {text: Leave with your number., when: seen(the_notice), goto: home}
              - {text: Wait., goto: waiting}
          home:
            text: You are home.
            ending: {title: Home}
        hooks:
          the_notice: {passage: notice, day: 1, by_then: Nothing yet.}
        """.replace("\n        ", "\n"))
    report = quicktest(load_story(story), max_states=200)
    (trap,) = report.traps
    assert "a life that reaches 'waiting' can never reach an ending" in trap


def test_a_way_out_that_asks_of_an_act_on_the_record_before_play_can_open(story_dir, tmp_path, capsys):
    # The wages were paid late a month before the season: the labour office's door opens for
    # whoever has that on the record, and it is on every life's record from the start.
    story, mod = with_mod(story_dir, tmp_path, """
        mod: {name: Late wages}
        behaviours:
          wages_late: {label: Was paid late}
        sources:
          wage_office: {label: The labour office}
        before:
          record:
            - {behaviour: wages_late, source: wage_office, day: -30}
        extend:
          start:
            choices:
              - {text: Queue at the labour office., goto: wage_queue}
        passages:
          wage_queue:
            text: The queue at the labour office.
            choices:
              - {text: Show your payslips., when: did(wages_late) >= 1, goto: home}
              - {text: Wait your turn., goto: wage_queue}
        """)
    loaded = load_story(story, [mod])
    assert not [str(p) for p in lint(loaded) if "'wages_late'" in p.message or "did(wages_late)" in p.message]
    assert quicktest(loaded, max_states=300).traps == []
    assert main(["test", "--story", str(story), "--mod", str(mod), "--max-states", "300"]) == 0, capsys.readouterr().out
    assert not [p for p in lint(loaded) if "'wage_office'" in p.message]     # it recorded the act

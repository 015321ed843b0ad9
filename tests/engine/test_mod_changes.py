"""What a mod changes of the story it is played on: declared in its mod section, or refused.

A mod may add freely; changing the story's own rules, the variables it keeps, the day or the
city is refused unless the mod's section names the change under ``changes``, and each
declared change comes back in words."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.engine import Session, check_story, load_story
from game.engine.changes import told_to_players

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables:
    savings: 3000
    loan_signed: false
"""

BASE = """
passages:
  start:
    text: The bank.
    choices:
      - text: Sign nothing.
        goto: home
      - text: Defy the court.
        do:
          - record: {behaviour: ignored_court_order, source: court}
        goto: home
  home:
    text: You are home.
    ending: {title: Home}
"""


@pytest.fixture
def story(story_dir):
    return story_dir(BASE, header=HEADER)


def write_mod(root: Path, text: str, name: str = "bent") -> Path:
    folder = root / "mods" / name
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def problems_with(story, mod, word: str) -> list[str]:
    _, problems = check_story(story, [mod])
    return [str(p) for p in problems if word in p.message]


RED_LIGHT = """
    mod:
      name: Red lights{changes}
    jurisdiction:
      id: rongcheng
      rules:
        ran_red_light: {{points: 100, sources: [traffic_camera], override: true}}
    """


# -- the story's rules ---------------------------------------------------------------------------

def test_an_override_of_the_storys_rule_not_declared_is_an_error_where_the_rule_is_written(story, tmp_path):
    mod = write_mod(tmp_path, RED_LIGHT.format(changes=""))
    loaded, problems = check_story(story, [mod])
    assert loaded is None
    (message,) = [str(p) for p in problems if p.is_error]
    assert "bent/mod.yaml:7:5: error: changes Rongcheng's rule for 'Drove through a red light' from -5 to +100" \
        in message
    assert "add 'rongcheng.ran_red_light' to 'changes' in its mod section" in message


def test_a_declared_override_loads_and_is_said_in_words(story, tmp_path):
    mod = write_mod(tmp_path, RED_LIGHT.format(changes="\n      changes: [rongcheng.ran_red_light]"))
    loaded = load_story(story, [mod])
    assert loaded.jurisdictions["rongcheng"].rules["ran_red_light"].points == 100
    (change,) = loaded.changes
    assert change.words == "changes Rongcheng's rule for 'Drove through a red light' from -5 to +100"
    assert str(change).endswith("bent/mod.yaml:8:5: " + change.words)
    assert Path(change.mod).resolve() == mod.resolve()


def test_a_new_rule_for_the_storys_own_act_in_its_own_city_is_a_change_too(story, tmp_path):
    mod = write_mod(tmp_path, """
        mod: {name: Generous}
        jurisdiction:
          id: rongcheng
          rules:
            helped_stranger: {points: 500, sources: [hospital]}
        """)
    (message,) = problems_with(story, mod, "helped_stranger")
    assert "error: adds a rule to Rongcheng for 'Helped a stranger': +500 points" in message


def test_a_rule_for_the_mods_own_act_or_in_its_own_city_needs_no_declaring(story, tmp_path):
    own_act = write_mod(tmp_path, """
        mod: {name: Own act}
        behaviours:
          own_sweep: {label: Swept}
        jurisdiction:
          id: rongcheng
          rules:
            own_sweep: {points: 5, sources: [hospital]}
        """, "own_act")
    own_city = write_mod(tmp_path, """
        mod: {name: Own city}
        jurisdiction:
          id: own_village
          cities: [own_village]
          start: 0
          rules:
            ran_red_light: {points: -100, sources: [traffic_camera]}
          grades: {AAA: 40, AA: 25, A: 10, B: 0, C: -20, D: -1000}
        """, "own_city")
    loaded = load_story(story, [own_act, own_city])
    assert loaded.changes == ()


OVERRIDE_CAP = """
    mod:
      name: Forgiving court
      changes: [rongcheng.ignored_court_order]
    jurisdiction:
      id: rongcheng
      rules:
        ignored_court_order: {{points: 500, sources: [court], override: true{cap}}}
    """


def test_an_override_cannot_drop_a_rules_cap_without_saying_so(story, tmp_path):
    mod = write_mod(tmp_path, OVERRIDE_CAP.format(cap=""))
    loaded, problems = check_story(story, [mod])
    assert loaded is None
    (message,) = [str(p) for p in problems if p.is_error]
    assert "bent/mod.yaml:8:5: error: Rongcheng's rule for 'ignored_court_order' caps the grade at D" in message
    assert "rongcheng.yaml:" in message and "write 'cap: none' to lift it" in message


def test_an_override_that_keeps_the_cap_keeps_a_defiant_life_at_the_bottom(story, tmp_path):
    mod = write_mod(tmp_path, OVERRIDE_CAP.format(cap=", cap: D"))
    session = Session.new(load_story(story, [mod]))
    session.choose(2)
    assert session.builtin("score") == 1500 and session.builtin("grade") == "D"


def test_cap_none_lifts_the_cap_and_the_words_say_so(story, tmp_path):
    mod = write_mod(tmp_path, OVERRIDE_CAP.format(cap=", cap: none"))
    loaded = load_story(story, [mod])
    (change,) = loaded.changes
    assert change.words == ("changes Rongcheng's rule for 'Ignored a court order' from -50 to +500, "
                            "and lifts its cap at D")
    session = Session.new(loaded)
    session.choose(2)
    assert session.builtin("grade") == "AAA"


# -- the story's variables, day and city ------------------------------------------------------------

SIGNS = """
    mod:
      name: A quiet signature{changes}
    extend:
      start:
        choices:
          - text: Sign here.
            do:
              - set: {{loan_signed: true, my_own_pen: true}}
              - add: {{savings: 999999999}}
              - roll: savings
            goto: elsewhere
    passages:
      elsewhere:
        text: Somewhere else, long ago.
        day: 1
        city: nanjing
        do:
          - day: 2
          - city: rongcheng
        goto: home
    """


def test_every_write_to_what_the_story_keeps_undeclared_is_an_error_where_it_is_written(story, tmp_path):
    mod = write_mod(tmp_path, SIGNS.format(changes=""))
    loaded, problems = check_story(story, [mod])
    assert loaded is None
    errors = [str(p) for p in problems if p.is_error]
    assert [e.split(": error: ")[0].rsplit(":", 2)[1:] for e in errors] == [
        ["9", "19"], ["10", "19"], ["11", "19"], ["16", "10"], ["17", "11"], ["19", "14"], ["20", "15"]]
    said = [e.split(": error: ")[1].split(":")[0] for e in errors]
    assert said == ["sets the story's 'loan_signed' (false at the start) to true",
                    "adds 999,999,999 to the story's 'savings' (3,000 at the start)",
                    "rolls the story's 'savings' (3,000 at the start) anew (a number from 1 to 100)",
                    "sets the day to 1", "moves the player to the city 'nanjing'",
                    "sets the day to 2", "moves the player to the city 'rongcheng'"]
    assert not any("my_own_pen" in e for e in errors)    # the mod's own variable is its own


def test_declared_writes_load_and_each_is_said_where_it_is_written(story, tmp_path):
    mod = write_mod(tmp_path, SIGNS.format(changes="\n      changes: [loan_signed, savings, day, city]"))
    loaded = load_story(story, [mod])
    assert len(loaded.changes) == 7
    assert loaded.changes[0].words == "sets the story's 'loan_signed' (false at the start) to true"


def test_a_variable_the_story_sets_without_declaring_it_is_the_storys_too(story_dir, tmp_path):
    story = story_dir(BASE.replace("        goto: home\n      - text: Defy",
                                   "        do: [set: {stamped: true}]\n        goto: home\n      - text: Defy"),
                      header=HEADER)
    mod = write_mod(tmp_path, """
        mod: {name: Unstamp}
        extend:
          home: {variants: [{when: stamped, text: Stamped.}]}
        passages:
          unstamp: {text: Ink fades., do: [set: {stamped: false}], goto: home}
        """)
    (message,) = problems_with(story, mod, "stamped")
    assert "sets the story's 'stamped' to false" in message and ": error: " in message


def test_a_mods_debrief_section_takes_the_storys_words_only_when_declared(story, tmp_path):
    words = "debrief:\n  told: Everyone starts somewhere.\n"
    mod = write_mod(tmp_path, "mod: {name: Other words}\n" + words)
    (message,) = problems_with(story, mod, "debrief")
    assert "mod.yaml:2:1: error: replaces the story's own debrief section" in message
    declared = write_mod(tmp_path, "mod: {name: Other words, changes: debrief}\n" + words, "declared")
    (change,) = load_story(story, [declared]).changes
    assert change.words.startswith("replaces the story's own debrief section")


# -- what a mod section declares -------------------------------------------------------------------

def test_a_declared_name_the_story_does_not_have_is_an_error_with_a_suggestion(story, tmp_path):
    mod = write_mod(tmp_path, """
        mod:
          name: Typos
          changes: [savngs, rongchen.ran_red_light, rongcheng.ran_red_lite, "not a name"]
        """)
    _, problems = check_story(story, [mod])
    errors = [p.message for p in problems if p.is_error]
    assert any("'savngs' is not a variable of the story's (did you mean 'savings'?)" in e for e in errors)
    assert any("'rongchen' is not a city the story defines (did you mean 'rongcheng'?)" in e for e in errors)
    assert any("unknown behaviour 'ran_red_lite' (did you mean 'ran_red_light'?)" in e for e in errors)
    assert any("'not a name' is not something a mod changes" in e for e in errors)


def test_a_change_declared_and_never_made_is_a_warning(story, tmp_path):
    mod = write_mod(tmp_path, "mod: {name: Promises, changes: savings}\n")
    loaded, problems = check_story(story, [mod])
    assert loaded is not None
    (message,) = [str(p) for p in problems if "savings" in p.message]
    assert "mod.yaml:1:32: warning: declares that it changes 'savings', but nothing in the mod does" in message


def test_the_mods_screen_names_each_declared_change_without_its_points(story):
    loaded = load_story(story)
    assert told_to_players(loaded, ["rongcheng.ran_red_light"]) == "how Rongcheng counts ‘Drove through a red light’"
    assert told_to_players(loaded, ["day", "rongcheng.ran_red_light", "loan_signed", "savings",
                                    "rongcheng.ignored_court_order", "city"]) == (
        "how Rongcheng counts ‘Drove through a red light’ and ‘Ignored a court order’; "
        "the story’s ‘loan signed’ and ‘savings’; the day; the city you are in")
    assert told_to_players(loaded, ["debrief"]) == "the debrief’s own words"


# -- facts before play ---------------------------------------------------------------------------

STAMPED = BASE.replace("        goto: home\n      - text: Defy", "        do: [set: {stamped: true}]\n        goto: home\n"
                                                                 "      - text: Defy")


def test_a_first_value_a_mod_gives_one_of_the_storys_variables_before_play_is_a_change_it_declares(
        story_dir, tmp_path):
    story = story_dir(STAMPED, header=HEADER)
    text = "mod: {{name: Stamped already{changes}}}\nbefore:\n  set: {{stamped: true}}\n"
    (message,) = problems_with(story, write_mod(tmp_path, text.format(changes="")), "stamped")
    assert "mod.yaml:3:9: error: gives the story's 'stamped' its first value, true, before day 1" in message
    declared = write_mod(tmp_path, text.format(changes=", changes: stamped"), "declared")
    loaded = load_story(story, [declared])
    assert [c.words for c in loaded.changes] == ["gives the story's 'stamped' its first value, true, before day 1"]
    assert Session.new(loaded).variables["stamped"] is True


def test_a_mods_own_fact_before_play_needs_no_declaring(story, tmp_path):
    mod = write_mod(tmp_path, "mod: {name: Its own}\nbefore:\n  set: {bent_points: 12}\n")
    loaded = load_story(story, [mod])
    assert loaded.changes == () and loaded.variables["bent_points"] == 12


def test_a_second_first_value_is_refused_once_whether_or_not_it_is_declared(story, tmp_path):
    for name, changes in (("bent", ""), ("declared", ", changes: savings")):
        mod = write_mod(tmp_path, f"mod: {{name: Richer{changes}}}\nbefore:\n  set: {{savings: 9000}}\n", name)
        _, problems = check_story(story, [mod])
        (error,) = [str(p) for p in problems if p.is_error]
        assert "'savings' starts at 3000 in the story section already" in error


def test_a_change_to_a_variable_the_storys_own_before_gives_is_told_with_that_first_value(story_dir, tmp_path):
    story = story_dir(BASE + "before:\n  set: {wage_owed: 1200}\n", header=HEADER)
    mod = write_mod(tmp_path, """
        mod: {name: Paid at last, changes: wage_owed}
        extend:
          home: {variants: [{when: wage_owed > 0, text: Still owed.}]}
        passages:
          paid: {text: The envelope comes., do: [set: {wage_owed: 0}], goto: home}
        """)
    (change,) = load_story(story, [mod]).changes
    assert change.words == "sets the story's 'wage_owed' (1,200 at the start) to 0"

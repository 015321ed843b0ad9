"""Mods: what a folder under mods/ may add to a story, and how it is told when it oversteps."""

from __future__ import annotations

import textwrap
from pathlib import Path


from game.engine import Session, check_story, load_story
from game.engine.discovery import is_mod_folder

BASE = """
passages:
  start:
    text: The light turns amber.
    choices:
      - text: Brake.
        goto: gate
      - text: Go through.
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
        goto: gate
  gate:
    text: Mrs. Song is at the gate.
    goto:
      - when: grade >= "AA"
        to: praised
      - to: home
  praised:
    text: "'Model household,' says Mrs. Song."
    goto: home
  home:
    text: You are home.
    ending: {title: Home}
"""

SWEEPING = """
mod:
  name: The swept stairwell
behaviours:
  swept_stairs: {label: Swept the stairwell}
sources:
  building_warden: {label: The building warden}
jurisdiction:
  id: rongcheng
  rules:
    swept_stairs: {points: 60, sources: [building_warden]}
  perks:
    AAA: [A broom with your name on it]
extend:
  start:
    choices:
      - text: Sweep the stairwell first.
        do:
          - record: {behaviour: swept_stairs, source: building_warden}
        goto: gate
"""


def write_mod(root: Path, name: str, files: dict[str, str]) -> Path:
    folder = root / "mods" / name
    folder.mkdir(parents=True, exist_ok=True)
    for file, text in files.items():
        (folder / file).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


def one(problems, text: str) -> str:
    found = [m for m in messages(problems) if text in m]
    assert len(found) == 1, f"expected one problem with {text!r}; got:\n" + "\n".join(messages(problems))
    return found[0]


# -- rules added to a city the story defines ---------------------------------------------------


def test_a_mod_adds_a_rule_to_the_home_city_and_the_score_the_story_and_the_debrief_see_it(story_dir, tmp_path):
    story = load_story(story_dir(BASE), [write_mod(tmp_path, "sweeping", {"sweep.yaml": SWEEPING})])
    assert story.jurisdictions["rongcheng"].rules["swept_stairs"].points == 60
    assert "ran_red_light" in story.jurisdictions["rongcheng"].rules  # the city's own rules stay
    session = Session.new(story, seed=1)
    session.choose(3)  # the mod's choice, after the passage's own two
    assert session.builtin("score") == 1060 and session.builtin("grade") == "AAA"
    session.choose(1)
    assert session.page.passage_id == "praised"  # the story's own condition on grade sees the mod's act
    session.choose(1)
    debrief = session.debrief()
    assert [(e.behaviour, e.points) for e in debrief.home.entries] == [("swept_stairs", 60)]
    assert debrief.home.perks == ["A heating discount", "A broom with your name on it"]  # added after the city's own


def test_a_mod_cannot_change_a_rule_the_city_has_unless_it_says_override(story_dir, tmp_path):
    changed = write_mod(tmp_path, "lenient", {"rules.yaml": """
        mod: {name: Lenient cameras}
        jurisdiction:
          id: rongcheng
          rules:
            ran_red_light: {points: -1, sources: [traffic_camera]}
        """})
    story, problems = check_story(story_dir(BASE), [changed])
    assert story is None
    message = one(problems, "already has a rule for 'ran_red_light'")
    assert "lenient/rules.yaml:6:5: error:" in message
    assert "rongcheng.yaml:8:5" in message  # where the city's own rule is written
    assert "override: true" in message


def test_override_true_changes_the_rule(story_dir, tmp_path):
    changed = write_mod(tmp_path, "lenient", {"rules.yaml": """
        mod: {name: Lenient cameras, changes: [rongcheng.ran_red_light]}
        jurisdiction:
          id: rongcheng
          rules:
            ran_red_light: {points: -1, sources: [traffic_camera], override: true}
        """})
    story = load_story(story_dir(BASE), [changed])
    assert story.jurisdictions["rongcheng"].rules["ran_red_light"].points == -1


def test_two_mods_setting_the_same_rule_conflict_and_both_places_are_named(story_dir, tmp_path):
    first = write_mod(tmp_path, "first", {"a.yaml": SWEEPING})
    second = write_mod(tmp_path, "second", {"b.yaml": """
        mod: {name: Second}
        jurisdiction:
          id: rongcheng
          rules:
            swept_stairs: {points: 1, sources: [building_warden], override: true}
        """})
    story, problems = check_story(story_dir(BASE), [first, second])
    assert story is None
    message = one(problems, "conflicting rules for 'swept_stairs'")
    assert "second/b.yaml:6:5: error:" in message and "first/a.yaml:11:5" in message


def test_a_second_definition_of_a_city_names_the_first(story_dir, tmp_path):
    again = write_mod(tmp_path, "again", {"city.yaml": """
        mod: {name: Again}
        jurisdiction:
          id: rongcheng
          cities: [rongcheng]
          start: 0
          rules: {}
          grades: {AAA: 5, AA: 4, A: 3, B: 2, C: 1, D: 0}
        """})
    _, problems = check_story(story_dir(BASE), [again])
    message = one(problems, "jurisdiction 'rongcheng' is defined twice")
    assert "rongcheng.yaml:3:3" in message and "give only id, rules, perks" in message


def test_adding_to_a_city_nobody_defines_is_an_error_with_a_suggestion(story_dir, tmp_path):
    typo = write_mod(tmp_path, "typo", {"x.yaml": """
        mod: {name: Typo}
        jurisdiction:
          id: rongchen
          rules:
            ran_red_light: {points: -1, sources: [traffic_camera]}
        """})
    _, problems = check_story(story_dir(BASE), [typo])
    message = one(problems, "adds rules to jurisdiction 'rongchen', which is not defined")
    assert "did you mean 'rongcheng'?" in message


def test_an_addition_cannot_rename_or_move_the_city(story_dir, tmp_path):
    rename = write_mod(tmp_path, "rename", {"x.yaml": """
        mod: {name: Rename}
        jurisdiction:
          id: rongcheng
          name: Weihai
          rules: {}
        """})
    _, problems = check_story(story_dir(BASE), [rename])
    assert "x.yaml:5:3: error: 'name' of jurisdiction 'rongcheng' is set where it is defined" in one(problems, "'name' of")


def test_override_where_a_city_is_defined_is_an_error(story_dir):
    folder = story_dir(BASE)
    text = (folder / "rongcheng.yaml").read_text(encoding="utf-8")
    (folder / "rongcheng.yaml").write_text(text.replace("sources: [traffic_camera]}", "sources: [traffic_camera], override: true}"), encoding="utf-8")
    _, problems = check_story(folder)
    one(problems, "'override' belongs to a rule added to a jurisdiction defined elsewhere")


# -- what a mod is ------------------------------------------------------------------------------


def test_a_mod_folder_is_known_by_its_mod_section_whatever_its_files_are_called(tmp_path):
    named = write_mod(tmp_path, "named", {"branch.yaml": "passages: {}\n", "about.yaml": "mod: {name: Named}\n"})
    plain = write_mod(tmp_path, "plain", {"branch.yaml": "passages: {}\n"})
    assert is_mod_folder(named)
    assert not is_mod_folder(plain)
    assert not is_mod_folder(tmp_path / "nowhere")


def test_the_mod_section_keys_are_checked(story_dir, tmp_path):
    mod = write_mod(tmp_path, "keys", {"a.yaml": """
        mod:
          title: Keys
          author: Someone
        """})
    _, problems = check_story(story_dir(BASE), [mod])
    assert "a.yaml:3:3: error: unknown key 'title' in the mod section" in one(problems, "unknown key 'title'")
    one(problems, "the mod section needs 'name'")


def test_a_mod_without_a_mod_section_is_told_to_name_itself(story_dir, tmp_path):
    mod = write_mod(tmp_path, "anonymous", {"a.yaml": "questions: [Who swept the stairs?]\n"})
    story, problems = check_story(story_dir(BASE), [mod])
    assert story is not None
    assert "warning: no file of this mod has a 'mod:' section" in one(problems, "'mod:' section")


def test_a_mod_setting_another_mods_variable_is_warned(story_dir, tmp_path):
    first = write_mod(tmp_path, "first", {"a.yaml": """
        mod: {name: First}
        extend:
          home: {variants: [{when: first_swept, text: The stairs shine.}]}
        passages:
          first_sweep:
            text: You sweep.
            do: [set: {first_swept: true}]
            goto: home
        """})
    second = write_mod(tmp_path, "second", {"b.yaml": """
        mod: {name: Second}
        passages:
          second_sweep:
            text: You sweep too.
            do: [set: {first_swept: false}]
            goto: home
        """})
    story, problems = check_story(story_dir(BASE), [first, second])
    message = one(problems, "'first_swept' belongs to the mod in")
    assert "b.yaml:6:16: warning:" in message and "a.yaml:8:16" in message


# -- hooks -----------------------------------------------------------------------------------------

HOOK = """
mod: {name: The neighbour}
extend:
  gate:
    at: start
    variants:
      - when: not seen(neighbour)
        text: A neighbour is carrying a cabinet up the stairs.
    choices:
      - text: Help with the cabinet.
        when: not seen(neighbour)
        goto: neighbour
passages:
  neighbour:
    text: You take one end of the cabinet.
    goto: {after: gate}
"""


def test_a_hook_goes_on_to_where_the_base_passage_would_have_gone(story_dir, tmp_path):
    story = load_story(story_dir(BASE), [write_mod(tmp_path, "neighbour", {"hook.yaml": HOOK})])
    session = Session.new(story, seed=1)
    session.choose(1)
    assert [c.text for c in session.page.choices] == ["Help with the cabinet.", "Continue"]
    session.choose(1)
    session.choose(1)  # Continue from the neighbour: the gate's own goto, not back to the gate
    assert session.page.passage_id == "home"


def test_a_hook_after_a_passage_follows_its_branches_as_they_stand(story_dir, tmp_path):
    story = load_story(story_dir(BASE), [write_mod(tmp_path, "neighbour", {"hook.yaml": HOOK})])
    branches = story.passages["neighbour"].goto
    assert [(b.to, str(b.when) if b.when else None) for b in branches] == [("praised", 'grade >= "AA"'),
                                                                           ("home", None)]


def test_hook_text_at_the_start_goes_before_the_passages_own(story_dir, tmp_path):
    story = load_story(story_dir(BASE), [write_mod(tmp_path, "neighbour", {"hook.yaml": HOOK})])
    session = Session.new(story, seed=1)
    session.choose(1)
    assert session.page.text == "A neighbour is carrying a cabinet up the stairs.\n\nMrs. Song is at the gate."


def test_hook_text_goes_at_the_end_by_default(story_dir, tmp_path):
    story = load_story(story_dir(BASE), [write_mod(tmp_path, "neighbour", {
        "hook.yaml": HOOK.replace("    at: start\n", "")})])
    session = Session.new(story, seed=1)
    session.choose(1)
    assert session.page.text == "Mrs. Song is at the gate.\n\nA neighbour is carrying a cabinet up the stairs."
    assert [c.text for c in session.page.choices] == ["Continue", "Help with the cabinet."]


def test_after_a_passage_with_choices_is_an_error_that_says_what_to_write(story_dir, tmp_path):
    mod = write_mod(tmp_path, "bad", {"hook.yaml": HOOK.replace("{after: gate}", "{after: start}")})
    _, problems = check_story(story_dir(BASE), [mod])
    assert "write 'goto: start'" in one(problems, "'start' has no goto of its own")


def test_hook_text_cannot_replace_the_base_text(story_dir, tmp_path):
    mod = write_mod(tmp_path, "bad", {"hook.yaml": HOOK.replace(
        "        text: A neighbour", "        replace: true\n        text: A neighbour")})
    _, problems = check_story(story_dir(BASE), [mod])
    one(problems, "text added to 'gate' cannot replace its own")

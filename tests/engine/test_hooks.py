"""Hooks, aliases and releases: the story promises mods the places they may join it, keeps
the ids a release renamed or removed as aliases, and tells a mod written for an older
release what changed since."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.engine import Session, check_story, load_story

PASSAGES = """
passages:
  start:
    day: 1
    text: The light turns amber.
    choices:
      - text: Brake.
        goto: gate
  gate:
    day: 2
    text: Mrs. Song is at the gate.
    goto: home
  home:
    text: You are home.
    ending: {title: Home}
"""

PROMISES = """
hooks:
  amber_light: {passage: start, day: 1, by_then: Nothing yet.}
  at_the_gate: {passage: gate, day: 2, by_then: The light.}
aliases:
  old_gate: at_the_gate
  old_yard: gate
  oldest_yard: old_yard
hook_changes:
  - {version: "1.0", changes: The first release.}
  - {version: "1.1", changes: ["Hooks declared.", "old_gate is at_the_gate now."]}
"""


def write_mod(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def story(story_dir):
    return story_dir(PASSAGES, extra={"promises.yaml": PROMISES})


def warnings(problems) -> list[str]:
    return [p.message for p in problems if not p.is_error]


def errors(problems) -> list[str]:
    return [p.message for p in problems if p.is_error]


def test_a_mod_names_a_hook_wherever_it_names_a_passage_and_lands_on_its_passage(story, tmp_path):
    mod = write_mod(tmp_path / "mod", """
        mod: {name: Leaves, game: "1.1"}
        extend:
          at_the_gate:
            choices:
              - text: Ask about the leaves.
                when: seen(amber_light) and visits(at_the_gate) > 0
                goto: leaves
              - text: Go back to the light.
                goto:
                  - {when: "day > 5", to: amber_light}
                  - to: leaves
        passages:
          leaves:
            text: She counts the sacks.
            goto: {after: at_the_gate}
    """)
    loaded, problems = check_story(story, [mod])
    assert loaded is not None and warnings(problems) == [] and errors(problems) == []
    gate = loaded.passages["gate"]
    assert [c.text for c in gate.choices] == ["Continue", "Ask about the leaves.", "Go back to the light."]
    assert [b.to for b in gate.choices[2].goto] == ["start", "leaves"]
    assert [b.to for b in loaded.passages["leaves"].goto] == ["home"]
    session = Session.new(loaded, seed=1)
    session.choose(1)
    session.choose(2)           # the added choice: seen(amber_light) asked of the hook's passage
    assert session.page.passage_id == "leaves"
    session.choose(1)
    assert session.page.passage_id == "home"


def test_an_old_id_is_accepted_with_a_warning_that_names_what_to_write_now(story, tmp_path):
    mod = write_mod(tmp_path / "mod", """
        mod: {name: Leaves}
        extend:
          old_gate:
            choices:
              - text: Ask about the leaves.
                when: not seen(oldest_yard) or seen(leaves) == false
                goto: leaves
        passages:
          leaves:
            text: She counts the sacks.
            goto: oldest_yard
    """)
    loaded, problems = check_story(story, [mod])
    assert loaded is not None and errors(problems) == []
    said = warnings(problems)
    assert "'old_gate' is an old id: a later release renamed or removed it, and it stands for the hook " \
           "'at_the_gate' (passage 'gate', day 2) now; write 'at_the_gate'" in said
    assert "'oldest_yard' is an old id: a later release renamed or removed it, and it stands for passage " \
           "'gate' now; write 'gate'" in said
    assert any(m.startswith("in condition: seen(oldest_yard): 'oldest_yard' is an old id") for m in said)
    assert loaded.passages["leaves"].goto[0].to == "gate"
    session = Session.new(loaded, seed=1)
    session.choose(1)
    assert session.ask("seen", "oldest_yard") and session.ask("visits", "old_gate") == 1


def test_without_the_alias_the_old_id_is_an_error(story_dir, tmp_path):
    bare = story_dir(PASSAGES)
    mod = write_mod(tmp_path / "mod", "mod: {name: Leaves}\nextend:\n  old_gate:\n    variants:\n"
                                      "      - {when: \"day > 0\", text: Leaves.}\n")
    loaded, problems = check_story(bare, [mod])
    assert loaded is None and errors(problems) == ["cannot extend unknown passage 'old_gate'"]


def test_a_mod_naming_a_story_passage_by_id_is_told_of_its_hook_or_that_it_has_none(story, tmp_path):
    mod = write_mod(tmp_path / "mod", """
        mod: {name: Leaves}
        extend:
          gate:
            choices:
              - {text: Leaves., goto: leaves}
        passages:
          leaves:
            text: Sacks.
            goto: home
          more:
            text: More sacks.
            goto: leaves
    """)
    loaded, problems = check_story(story, [mod])
    said = warnings(problems)
    assert "passage 'gate' is the story's hook 'at_the_gate': name the hook, which stays when a release " \
           "renames or merges the passage" in said
    assert any(m.startswith("'home' is not one of the story's hooks, so a later release may rename or remove it")
               for m in said)
    assert not any("'leaves'" in m for m in said)  # the mod's own passage: no promise needed


def test_a_story_without_hooks_asks_nothing_of_the_ids_mods_name(story_dir, tmp_path):
    bare = story_dir(PASSAGES)
    mod = write_mod(tmp_path / "mod", "mod: {name: Leaves, game: \"1.0\"}\nextend:\n  gate:\n    choices:\n"
                                      "      - {text: Leaves., goto: home}\n")
    loaded, problems = check_story(bare, [mod])
    assert loaded is not None and problems == []


def test_a_mod_written_for_an_older_release_is_told_what_changed_since(story, tmp_path):
    mod = write_mod(tmp_path / "mod", "mod: {name: Leaves, game: 1.0}\n")
    _, problems = check_story(story, [mod])
    said = [(p.line, p.col, p.message) for p in problems if not p.is_error]
    assert said == [(1, 27, "written for release 1.0; in 1.1: Hooks declared."),
                    (1, 27, "written for release 1.0; in 1.1: old_gate is at_the_gate now.")]


@pytest.mark.parametrize("game, told", [
    ('"1.1"', []), ('["1.0", "1.1"]', []),
    ('"2.0"', ["written for release 2.0, later than this story's 1.1: a hook it names may not be here yet"]),
])
def test_a_mod_written_for_this_release_or_a_later_one(story, tmp_path, game, told):
    mod = write_mod(tmp_path / "mod", f"mod: {{name: Leaves, game: {game}}}\n")
    _, problems = check_story(story, [mod])
    assert warnings(problems) == told


def test_a_release_that_is_no_version_is_an_error_where_it_is_written(story, tmp_path):
    mod = write_mod(tmp_path / "mod", "mod: {name: Leaves, game: first}\n")
    _, problems = check_story(story, [mod])
    assert errors(problems) == ["'first' is not a version: write the release the mod was written for, "
                                "such as \"1.0\""]


@pytest.mark.parametrize("promises, complaint", [
    ("hooks:\n  gate_hook: {passage: gates, day: 2, by_then: x}\n",
     "hook 'gate_hook' names unknown passage 'gates' (did you mean 'gate'?)"),
    ("hooks:\n  home: {passage: gate, day: 2, by_then: x}\n",
     "hook 'home' has the id of another passage; name the hook for what happens there"),
    ("aliases:\n  gate: home\n",
     "'gate' is a passage of the story; an alias keeps the id of a passage that is gone, so remove the alias "
     "(or rename the passage)"),
    ("aliases:\n  old: homes\n", "alias 'old' stands for unknown passage or hook 'homes' (did you mean 'home'?)"),
    ("aliases:\n  a_old: b_old\n  b_old: a_old\n",
     "alias 'a_old' leads back to itself through other aliases; end it at a passage or a hook"),
    ("hook_changes:\n  - {version: '1.1', changes: x}\n  - {version: '1.0', changes: y}\n",
     "release '1.0' is listed after '1.1'; list the releases oldest first, each once"),
    ("hook_changes:\n  - {version: one, changes: x}\n",
     "'one' is not a version: write numbers joined by dots, such as \"1.0\""),
])
def test_the_storys_promises_are_checked_where_they_are_written(story_dir, promises, complaint):
    folder = story_dir(PASSAGES, extra={"promises.yaml": promises})
    _, problems = check_story(folder)
    assert complaint in errors(problems)


def test_a_hook_whose_day_is_not_its_passages_is_a_warning(story_dir):
    folder = story_dir(PASSAGES, extra={"promises.yaml": "hooks:\n  gate_hook: {passage: gate, day: 3, by_then: x}\n"})
    _, problems = check_story(folder)
    assert warnings(problems) == ["hook 'gate_hook' says day 3, but passage 'gate' is day 2"]


def test_only_the_story_makes_promises(story, tmp_path):
    mod = write_mod(tmp_path / "mod", "mod: {name: Leaves}\nhooks:\n  mine: {passage: gate, day: 2, by_then: x}\n"
                                      "aliases:\n  older: gate\n")
    _, problems = check_story(story, [mod])
    assert errors(problems) == [
        "a mod cannot have a 'hooks' section: the story says where mods may join it",
        "a mod cannot have a 'aliases' section: the story says where mods may join it"]


def test_the_compiled_story_keeps_the_promises(story, tmp_path):
    cache = tmp_path / "cache"
    first = load_story(story, cache=cache)
    again = load_story(story, cache=cache)
    assert again.hooks == first.hooks and again.aliases == first.aliases and again.hook_changes == first.hook_changes
    assert again.release == "1.1" and again.passage_named("oldest_yard") == "gate"
    assert again.passage_named("amber_light") == "start" and again.passage_named("gate") == "gate"


def test_a_release_in_a_list_that_is_no_version_is_an_error_at_that_release(story, tmp_path):
    mod = write_mod(tmp_path / "mod", 'mod:\n  name: Leaves\n  game: ["1.0", soon]\n')
    _, problems = check_story(story, [mod])
    assert [(p.line, p.col, p.message) for p in problems if p.is_error] == [
        (3, 17, "'soon' is not a version: write the release the mod was written for, such as \"1.0\"")]


def test_a_mod_passage_named_like_a_hook_or_an_old_id_is_the_mods_mistake(story, tmp_path):
    mod = write_mod(tmp_path / "mod", "mod: {name: Leaves}\npassages:\n  at_the_gate: {text: Mine., goto: home}\n"
                                      "  old_yard: {text: Mine too., goto: home}\n")
    _, problems = check_story(story, [mod])
    assert [(Path(p.path).name, p.message) for p in problems if p.is_error] == [
        ("mod.yaml", "'at_the_gate' is one of the story's hooks; give your passage an id of its own (prefix your ids)"),
        ("mod.yaml", "'old_yard' is one of the story's old ids; give your passage an id of its own (prefix your ids)")]

"""A mod's conditions cannot tell the hidden score more finely than the grade does."""

from __future__ import annotations

import random

import pytest

from game.engine import check_story, load_story
from game.engine.conditions import evaluate, parse
from game.engine.loading.score_bands import linear, turns

BASE = """
passages:
  start:
    text: The bank.
    goto: home
  home:
    text: You are home.
    ending: {title: Home}
"""


def refusals(story_dir, tmp_path, *conditions: str) -> list[str]:
    """The errors check gives a mod whose passage has a variant for each condition."""
    folder = tmp_path / "mods" / "spy"
    folder.mkdir(parents=True)
    variants = "".join(f"      - when: '{c}'\n        text: Variant {i}.\n" for i, c in enumerate(conditions))
    (folder / "mod.yaml").write_text("mod: {name: A score spy}\nextend:\n  home:\n    variants:\n" + variants,
                                     encoding="utf-8")
    story, problems = check_story(story_dir(BASE), [folder])
    return [str(p) for p in problems if p.is_error]


def test_a_ladder_of_five_point_bands_is_refused_at_both_ends_of_each_rung(story_dir, tmp_path):
    ladder = [f"score >= {t} and score < {t} + 5" for t in range(990, 1005, 5)]
    errors = refusals(story_dir, tmp_path, *ladder)
    told = sorted({int(e.split("tells a score of ")[1].split(" ")[0].replace(",", "")) for e in errors})
    assert told == [990, 995, 1000, 1005]
    first = [e for e in errors if "mod.yaml:5:" in e]
    assert [e.split(": error:")[0].rsplit(":", 1)[1] for e in first] == ["16", "33"]   # each comparison's column
    assert all("only at Rongcheng's grade boundaries (AAA 1,050, AA 1,030, A 960, B 850, C 600)" in e for e in errors)


@pytest.mark.parametrize("condition", [
    "score >= 1030", "score < 1050", "960 <= score", "score > 1029", "score + 5 >= 1035",
    "not (score < 850) and score < 960", "-score <= -600", "score - score > 0", "grade >= \"AA\"",
    "score >= 1000 + 30", "2 + score - 2 >= 1050",
])
def test_comparisons_at_grade_boundaries_are_the_grade_and_are_allowed(story_dir, tmp_path, condition):
    assert refusals(story_dir, tmp_path, condition) == []


@pytest.mark.parametrize("condition, told", [
    ("score == 1031", [1031, 1032]),
    ("score != 1030", [1031]),               # 1030 is AA's boundary; 1031 is not
    ("score >= 0", [0]),                      # the lowest grade holds the scores below it too
    ("score >= 1040", [1040]),                # Nanjing's AAA, not the home city's
    ("score - 5 > 1020", [1026]),
    ("1000 < score + score", [501]),
])
def test_comparisons_anywhere_else_are_refused_with_the_scores_they_tell_apart(story_dir, tmp_path, condition, told):
    errors = refusals(story_dir, tmp_path, condition)
    assert [int(e.split("tells a score of ")[1].split(" ")[0].replace(",", "")) for e in errors] == told


@pytest.mark.parametrize("condition", ["score >= day", "score - savings >= 1030", "score >= visits(start) + 1000"])
def test_comparing_the_score_with_what_play_can_change_is_refused(story_dir, tmp_path, condition):
    (error,) = refusals(story_dir, tmp_path, condition.replace("savings", "day"))
    assert "compares the score with something play can change" in error


def test_the_storys_own_exact_comparison_is_still_only_a_warning(story_dir):
    story = load_story(story_dir(BASE.replace("    goto: home", "    goto:\n      - {when: score == 1000, to: home}\n"
                                                                 "      - {to: home}")))
    assert [w.message for w in story.warnings if "exact score" in w.message]


def test_where_a_comparison_changes_its_answer_is_found_however_it_is_written():
    chance = random.Random(7)
    for _ in range(400):
        a, b = chance.choice([-3, -2, -1, 1, 2, 3]), chance.randint(-20, 20)
        c, d = chance.choice([0, 0, 1, 2]), chance.randint(-20, 20)
        op = chance.choice(["<", "<=", ">", ">=", "==", "!="])
        written = f"{' + '.join(['score'] * abs(a))} {'+' if b >= 0 else '-'} {abs(b)}"
        written = f"-({written})" if a < 0 else written
        other = " + ".join(["score"] * c + [f"{d}" if d >= 0 else f"(-{-d})"])
        condition = parse(f"{written} {op} {other}")

        class Scored:
            score = 0

            def builtin(self, name):
                return self.score

        state = Scored()

        def answer(score):
            state.score = score
            return evaluate(condition.tree, state)

        changes = {s for s in range(-60, 61) if answer(s) != answer(s - 1)}
        tree = condition.tree
        assert turns(tree.op, linear(tree.left), linear(tree.right)) == changes, condition.source


MIRROR = """
mod: {name: A mirror}
jurisdiction:
  id: mirror
  cities: [CITIES]
  start: 1000
  rules:
    ran_red_light: {points: -5, sources: [traffic_camera]}
  grades: {AAA: 1004, AA: 1003, A: 1002, B: 1001, C: 1000, D: 0}
extend:
  home:
    variants:
      - when: ASKED
        text: The mirror says so.
"""


@pytest.mark.parametrize("cities, asked, refused", [
    ("rongcheng", 'grade_in(mirror) >= "AA"', True),        # a point-fine copy of the home's record
    ("mirror_town", 'grade_if_home(mirror) >= "AA"', True),  # counts the home city's record too
    ("mirror_town", 'grade_in(mirror) >= "AA"', False),      # only what happened in its own town
    ("mirror_town", 'grade_if_home(nanjing) >= "AA"', False),  # the story's own city: a grade, as drawn
])
def test_a_city_the_mod_draws_over_the_home_record_cannot_be_asked_in_its_conditions(
        story_dir, tmp_path, cities, asked, refused):
    folder = tmp_path / "mods" / "mirror"
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(MIRROR.replace("CITIES", cities).replace("ASKED", asked), encoding="utf-8")
    story, problems = check_story(story_dir(BASE), [folder])
    errors = [str(p) for p in problems if p.is_error]
    assert bool(errors) == refused, errors
    if refused:
        (error,) = errors
        assert "mod.yaml:13:15: error: in condition:" in error and "a grade this mod draws over Rongcheng's" in error


def test_a_mods_inline_text_asks_the_score_no_finer_than_a_condition_does(story_dir, tmp_path):
    folder = tmp_path / "mods" / "spy"
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(
        "mod: {name: A score spy}\n"
        "extend:\n"
        "  home:\n"
        "    variants:\n"
        "      - when: 'true'\n"
        "        text: 'Snow. {when score >= 995: You feel fine.|otherwise: You do not.}'\n"
        "    debrief: 'And then {when score >= 1030: the bank smiled}{when score > 1000: it rained}.'\n",
        encoding="utf-8")
    _, problems = check_story(story_dir(BASE), [folder])
    errors = [str(p) for p in problems if p.is_error]
    assert len(errors) == 2
    assert "mod.yaml:6:28: error: in condition: tells a score of 995 from one of 994" in errors[0]
    assert "mod.yaml:7:67: error: in condition: tells a score of 1,001 from one of 1,000" in errors[1]

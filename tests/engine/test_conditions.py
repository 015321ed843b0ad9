"""The condition language: what it accepts, what it refuses, and how it answers a real playthrough.

Every answer here comes from a story loaded from YAML and played through a Session, so the
conditions are asked of the same state the game keeps.
"""

from __future__ import annotations

import pytest

from game.engine import Session, check_story, load_story
from game.engine.conditions import MAX_DEPTH, ConditionError, parse

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables: {savings: 500, mother_ill: false, job_status: steady}
"""


def life(story_dir, condition: str, act: str = "", *, loops: int = 0) -> Session:
    """Play a story that acts out ``act`` (effects, one per line) and then asks ``condition``;
    ``loops`` extra visits to the first passage come before the act."""
    effects = "".join(f"\n          - {line.strip().removeprefix('- ')}" for line in act.strip().splitlines())
    story = load_story(story_dir(f"""
passages:
  start:
    text: Start.
    choices:
      - text: Again.
        goto: start
      - text: On.
        do: {effects or "[]"}
        goto: probe
  probe:
    text: Probe.
    variants:
      - when: >-
          {condition}
        text: It holds.
    ending: {{title: End}}
""", header=HEADER))
    session = Session.new(story)
    for _ in range(loops):
        session.choose(1)
    session.choose(2)
    return session


def holds(story_dir, condition: str, act: str = "", **kwargs) -> bool:
    return "It holds." in life(story_dir, condition, act, **kwargs).page.text


def test_numbers_and_variables_compare(story_dir):
    assert holds(story_dir, "savings >= 500")
    assert not holds(story_dir, "savings >= 501")
    assert holds(story_dir, "savings - 100 == 400")
    assert holds(story_dir, "savings >= 600", "\n- add: {savings: 100}\n")
    assert holds(story_dir, "-3 < 0")


def test_and_binds_tighter_than_or(story_dir):
    assert holds(story_dir, "true or false and false")
    assert not holds(story_dir, "(true or false) and false")


def test_not_and_flags(story_dir):
    assert holds(story_dir, "not mother_ill")
    assert not holds(story_dir, "not mother_ill", "\n- set: {mother_ill: true}\n")


def test_strings_compare_as_text(story_dir):
    assert holds(story_dir, 'job_status == "steady"')
    assert holds(story_dir, "job_status != 'fired'")


def test_grades_compare_by_rank_not_alphabet(story_dir):
    assert holds(story_dir, 'grade == "A" and grade >= "A" and grade < "AA"')
    blood = "\n" + "- record: {behaviour: gave_blood, source: hospital}\n" * 10
    assert holds(story_dir, 'grade == "AAA" and grade >= "A"', blood)
    lights = "\n" + "- record: {behaviour: ran_red_light, source: traffic_camera}\n" * 9
    assert holds(story_dir, 'grade == "B" and not (grade >= "A")', lights)


def test_seen_and_visits_count_arrivals(story_dir):
    assert holds(story_dir, "seen(start) and visits(start) == 1 and visits(probe) == 1")
    assert holds(story_dir, "visits(start) == 3", loops=2)
    assert not holds(story_dir, "visits(start) > 1")


def test_did_counts_every_act_and_observed_only_the_recorded_ones(story_dir):
    act = """
- record: {behaviour: gave_blood, source: hospital}
- record: {behaviour: gave_blood}
- record: {behaviour: helped_stranger}
"""
    assert holds(story_dir, "did(gave_blood) == 2 and observed(gave_blood) == 1", act)
    assert holds(story_dir, "did(helped_stranger) == 1 and observed(helped_stranger) == 0", act)
    assert holds(story_dir, "observed(ran_red_light) == 0 and did(ran_red_light) == 0", act)


def test_on_record_counts_only_what_the_home_citys_rules_count(story_dir):
    # Unwitnessed, or witnessed in another city: done and even reported, but not on the
    # home city's record, which is what a clerk's extract prints.
    act = """
- record: {behaviour: gave_blood, source: hospital}
- record: {behaviour: gave_blood}
- city: nanjing
- record: {behaviour: gave_blood, source: hospital}
"""
    assert holds(story_dir, "did(gave_blood) == 3 and observed(gave_blood) == 2 and on_record(gave_blood) == 1", act)
    assert holds(story_dir, "on_record(ran_red_light) == 0", act)


def test_grade_in_rescores_the_life_under_another_citys_rules(story_dir):
    at_home = "\n" + "- record: {behaviour: gave_blood, source: hospital}\n" * 2
    # Blood given at home counts at home only: Nanjing sees nothing of Rongcheng's hospital.
    assert holds(story_dir, 'grade_in(rongcheng) == "A" and grade_in(nanjing) == "A"', at_home)
    in_nanjing = "\n- city: nanjing\n- record: {behaviour: gave_blood, source: hospital}\n"
    # Nanjing gives 20 points (1020: AA there); Rongcheng does not count what happened away.
    assert holds(story_dir, 'grade_in(nanjing) == "AA" and grade_in(rongcheng) == "A" and grade == "A"',
                 in_nanjing)


def test_grade_of_rates_a_company_apart_from_the_player(story_dir):
    late = "\n" + "- record: {behaviour: paid_wages_late, source: labour_bureau, subject: employer}\n" * 3
    assert holds(story_dir, 'grade_of(employer) == "A" and grade_of(you) == "A"')
    assert holds(story_dir, 'grade_of(employer) == "B" and grade == "A"', late)


def test_the_day_and_city_effects_move_the_player_and_date_what_is_recorded(story_dir):
    act = """
- day: 14
- city: nanjing
- record: {behaviour: gave_blood, source: hospital}
"""
    session = life(story_dir, 'day == 14 and city == "nanjing"', act)
    assert "It holds." in session.page.text
    assert (session.page.day, session.page.city, session.page.city_name) == (14, "nanjing", "Nanjing")
    assert [(e.day, e.city) for e in session.events] == [(14, "nanjing")]
    assert holds(story_dir, 'day == 1 and city == "rongcheng"')


def test_a_lifted_listing_can_be_listed_again(story_dir):
    story = load_story(story_dir("""
passages:
  start:
    text: The court writes.
    choices:
      - text: Ignore the judgment.
        do:
          - record: {behaviour: unpaid_judgment, source: court}
        goto: start
      - text: Pay.
        do:
          - record: {behaviour: paid_judgment, source: court}
        goto: start
      - text: Ignore the next order.
        do:
          - record: {behaviour: ignored_court_order, source: court}
        goto: start
      - text: Stop.
        goto: end
    variants:
      - when: blacklisted
        text: The ticket machine refuses you.
  end:
    text: Bye.
    ending: {title: End}
"""))
    session = Session.new(story)
    assert "refuses" not in session.page.text
    stages = []
    for choice in (1, 2, 3):
        session.choose(choice)
        stages.append("refuses" in session.page.text)
    assert stages == [True, False, True]
    session.choose(4)
    status = session.debrief().blacklist
    assert status.listed and status.ever_listed
    assert [change for _, _, change in status.history] == ["listed", "removed", "listed"]


# -- one rule for truth: only true is true ------------------------------------------------------

@pytest.mark.parametrize("condition, written, kind, col", [
    ("savings", "savings", "number", 15),
    ("visits(start)", "visits(start)", "number", 15),
    ("not visits(start)", "visits(start)", "number", 19),
    ("not not visits(start)", "visits(start)", "number", 23),
    ("seen(start) and savings - 5", "savings - 5", "number", 31),
    ("true or job_status", "job_status", "text", 23),
    ("grade", "grade", "grade", 15),
    ("city", "city", "text", 15),
    ("12", "12", "number", 15),
])
def test_a_number_text_or_grade_standing_for_true_or_false_is_a_located_error(story_dir, condition, written,
                                                                             kind, col):
    story, problems = check_story(story_dir(f"""
passages:
  start:
    text: Start.
    variants:
      - when: {condition}
        text: Odd.
    ending: {{title: End}}
""", header=HEADER))
    assert story is None
    shown = [str(p) for p in problems if "not true or false" in str(p)]
    assert len(shown) == 1, [str(p) for p in problems]
    assert f"passages.yaml:6:{col}: error: in condition: '{written}' is a {kind}, not true or false" in shown[0]


def test_truth_values_stand_alone_and_comparisons_make_them(story_dir):
    assert holds(story_dir, "not mother_ill and not blacklisted and visits(start) > 0")
    assert holds(story_dir, "(savings > 0) == true")


def test_only_true_is_true_when_a_condition_is_asked_of_a_value_the_checker_never_lets_through(story_dir):
    # A loaded story cannot hold 'when: savings'; asked directly, the evaluator agrees with the
    # checker that a number is not a truth value, whichever way the question is put.
    session = life(story_dir, "true")
    for text in ("savings", "not not savings", "savings and true", "savings or false"):
        assert not parse(text).holds(session), text


def test_mismatched_comparisons_are_false_not_errors(story_dir):
    session = life(story_dir, "true")
    assert not parse('savings > "many"').holds(session)
    assert not parse("mother_ill == 0").holds(session)


# -- what the parser refuses ----------------------------------------------------------------------

@pytest.mark.parametrize("text, offset, words", [
    ("savings = 3", 8, "'=='"),
    ("a && b", 2, "'and'"),
    ("a and", 5, "ends too soon"),
    ("(a", 2, "')'"),
    ("a < b < c", 6, "chained"),
    ('city == "nanjing', 8, "unterminated"),
    ("os.system('x')", 2, "unexpected character '.'"),
    ("eval(x)", 0, "unknown question"),
    ("seen", 0, "is a question"),
    ("1234567890123456 > 0", 0, "15 digits"),
    ("a b", 2, "unexpected 'b'"),
])
def test_mistakes_name_the_place(text, offset, words):
    with pytest.raises(ConditionError) as caught:
        parse(text)
    assert words in str(caught.value)
    assert caught.value.offset == offset


def test_hostile_input_is_refused_cleanly():
    with pytest.raises(ConditionError, match="nested more than"):
        parse("(" * (MAX_DEPTH + 5) + "true" + ")" * (MAX_DEPTH + 5))
    with pytest.raises(ConditionError, match="nested more than"):
        parse("not " * (MAX_DEPTH + 5) + "true")
    with pytest.raises(ConditionError, match="characters long"):
        parse("a and " * 200 + "a")
    with pytest.raises(ConditionError):
        parse("__import__('os')")


def test_long_flat_chains_within_the_limit_work(story_dir):
    assert holds(story_dir, " and ".join(["true"] * 50))


# -- the parsed tree -----------------------------------------------------------------------------


def test_a_parsed_condition_is_a_tree_of_typed_immutable_parts_that_remember_where_they_were_written():
    import dataclasses

    from game.engine.conditions import And, Arith, Ask, Compare, Not, Value, Variable

    tree = parse("not seen(clinic) and savings - 2 >= 3").tree
    assert tree == And((Not(Ask("seen", "clinic", 9, 4), 0),
                        Compare(">=", Arith("-", Variable("savings", 21), Value(2, 31), 29), Value(3, 36), 33)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree.parts = ()  # type: ignore[misc]


def test_the_condition_language_reaches_nothing_of_python():
    import ast
    from pathlib import Path

    import game.engine.conditions as module

    called = {node.func.id for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8")))
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not called & {"eval", "exec", "compile", "getattr", "__import__", "setattr"}

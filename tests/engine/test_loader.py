"""Loading stories: every mistake reported as path:line:col, all at once, never a traceback."""

from __future__ import annotations

import pytest

from game.engine import StoryError, check_story, load_story
from helpers import problems_of


def find(problems: list[str], text: str) -> str:
    matches = [p for p in problems if text in p]
    assert matches, f"no problem mentions {text!r}; got:\n" + "\n".join(problems)
    return matches[0]


def test_a_clean_story_loads(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            goto: end
          end:
            text: Bye.
            ending: {title: The End}
        """)
    story = load_story(folder)
    assert set(story.passages) == {"start", "end"}
    assert story.passages["start"].choices == ()


def test_unknown_goto_is_located_with_a_suggestion(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            choices:
              - text: On.
                goto: offise
          office:
            text: Desk.
            ending: {title: End}
        """)
    problem = find(problems_of(folder), "unknown passage 'offise'")
    # Line 7 of the file (the snippet starts with a blank line), where the target's name starts.
    assert "passages.yaml:7:15: error:" in problem
    assert "did you mean 'office'?" in problem


def test_every_problem_is_reported_in_one_run(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            style: phon
            do:
              - record: {behaviour: ran_red_lite, source: traffic_cam}
              - frobnicate: 3
            choices:
              - text: Go.
                when: savings >= 500
                goto: nowhere
          stuck:
            text: Nothing here.
        """)
    problems = problems_of(folder)
    find(problems, "unknown style 'phon' (did you mean 'phone'?)")
    find(problems, "unknown behaviour 'ran_red_lite' (did you mean 'ran_red_light'?)")
    find(problems, "unknown source 'traffic_cam' (did you mean 'traffic_camera'?)")
    find(problems, "unknown effect 'frobnicate'")
    find(problems, "'savings' is never set by the story")
    find(problems, "unknown passage 'nowhere'")
    find(problems, "passage 'stuck' has no way out")
    find(problems, "the story has no ending")
    with pytest.raises(StoryError) as caught:
        load_story(folder)
    assert len([p for p in caught.value.problems if p.is_error]) >= 8


def test_condition_errors_point_inside_the_condition(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            choices:
              - text: Go.
                when: "day > 3 && day < 9"
                goto: end
          end:
            text: Bye.
            ending: {title: End}
        """)
    problem = find(problems_of(folder), "'&' is not part of the language")
    # The quote is at line 7, column 15; '&' is 8 characters into the text after it.
    assert "passages.yaml:7:24: error:" in problem


def test_duplicate_passage_across_files_names_both_places(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            ending: {title: End}
        """, extra={"more.yaml": """
        passages:
          start:
            text: Again.
            ending: {title: End}
        """})
    problem = find(problems_of(folder), "'start' is defined twice")
    assert "more.yaml" in problem or "passages.yaml" in problem


def test_yaml_syntax_errors_are_located(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: [unclosed
          end:
            text: Bye.
        """)
    find(problems_of(folder), "YAML syntax")


def test_grade_names_in_conditions_are_checked(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            variants:
              - when: grade >= "A+++"
                text: She smiles.
            goto: end
          end:
            text: Bye.
            ending: {title: End}
        """)
    find(problems_of(folder), "'A+++' is not a grade")


def test_questions_name_things_that_exist(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            choices:
              - text: Go.
                when: seen(bank_countr) or did(gave_bloood) > 0
                goto: end
              - text: Stay.
                goto: end
          end:
            text: Bye.
            ending: {title: End}
        """)
    problems = problems_of(folder)
    find(problems, "unknown passage 'bank_countr'")
    find(problems, "unknown behaviour 'gave_bloood' (did you mean 'gave_blood'?)")


def test_unreachable_passages_are_warnings_not_errors(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            ending: {title: End}
          island:
            text: Nobody comes here.
            goto: start
        """)
    story = load_story(folder)
    assert any("island" in str(w) and "cannot be reached" in str(w) for w in story.warnings)


@pytest.mark.parametrize("content, words", [
    ("a: &x [1, 2]\nb: *x\n", "aliases"),
    ("passages: !!python/object/apply:os.system [ls]\n", "not allowed"),
    ("x: " + "[" * 60 + "]" * 60 + "\n", "nested more than"),
])
def test_hostile_yaml_is_refused(story_dir, content, words):
    folder = story_dir("passages: {}\n", extra={"evil.yaml": content})
    find(problems_of(folder), words)


def test_an_alias_bomb_is_refused_without_being_expanded(story_dir):
    # Expanded, these ten lines are 9**10 (about 3.5 billion) values: the refusal comes from
    # counting aliases, and the memory it takes shows nothing was expanded.
    import tracemalloc

    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]")
    folder = story_dir("passages: {}\n", extra={"bomb.yaml": "\n".join(lines) + "\n"})
    tracemalloc.start()
    try:
        problems = problems_of(folder)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    find(problems, "aliases")
    assert peak < 20 * 1024 * 1024


def test_bad_encoding_and_huge_files_are_refused(story_dir, tmp_path):
    folder = story_dir("passages: {}\n")
    (folder / "latin1.yaml").write_bytes("text: caf\xe9\n".encode("latin-1"))
    (folder / "huge.yaml").write_bytes(b"# " + b"x" * (3 * 1024 * 1024) + b"\n")
    problems = problems_of(folder)
    find(problems, "not UTF-8")
    find(problems, "may be at most")


def test_links_out_of_the_story_folder_are_refused(story_dir, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("passages: {}\n")
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            ending: {title: End}
        """)
    (folder / "link.yaml").symlink_to(secret)
    find(problems_of(folder), "outside the story folder")


def test_jurisdiction_rules_are_checked(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            ending: {title: End}
        """, extra={"bad_city.yaml": """
        jurisdiction:
          id: weihai
          cities: [weihai]
          start: 1000
          rules:
            gave_bloood: {points: 5, sources: [hospitl]}
            ran_red_light: {points: -5, sources: [traffic_camera], cap: Z}
          grades: {AAA: 1050, AA: 1060, A: 960, B: 850, C: 600, D: 0}
        """})
    problems = problems_of(folder)
    find(problems, "unknown behaviour 'gave_bloood'")
    find(problems, "'Z' is not a grade")
    find(problems, "AA must start below AAA")


def test_branching_goto_needs_a_last_branch_without_when(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            goto:
              - when: blacklisted
                to: end
              - when: not blacklisted
                to: end
          end:
            text: Bye.
            ending: {title: End}
        """)
    find(problems_of(folder), "the last branch of a goto must have no 'when'")


def test_prose_is_joined_but_bills_keep_their_lines(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: |
              The light turns
              amber.

              The bus honks.
            goto: bill
          bill:
            style: bill
            text: |
              Heating, season     2,140.00
              Discount             -300.00
            ending: {title: End}
        """)
    story = load_story(folder)
    assert story.passages["start"].text == "The light turns amber.\n\nThe bus honks."
    assert story.passages["bill"].text == "Heating, season     2,140.00\nDiscount             -300.00"


def test_a_mod_adds_passages_and_hooks_choices_without_editing_the_base(story_dir, tmp_path):
    folder = story_dir("""
        passages:
          start:
            text: At the bank.
            goto: end
          end:
            text: Bye.
            ending: {title: End}
        """)
    mod = tmp_path / "mods" / "rumour"
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text(
        "mod:\n  name: A rumour\n"
        "extend:\n  start:\n    choices:\n      - text: Ask about the points store.\n        goto: rumour\n"
        "passages:\n  rumour:\n    text: A village trades points for cooking oil.\n    goto: end\n",
        encoding="utf-8")
    story = load_story(folder, [mod])
    choices = story.passages["start"].choices
    assert [c.text for c in choices] == ["Continue", "Ask about the points store."]
    base = load_story(folder)
    assert base.passages["start"].choices == ()


def test_a_mod_cannot_extend_what_does_not_exist_or_redefine_the_story(story_dir, tmp_path):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            ending: {title: End}
        """)
    mod = tmp_path / "mods" / "bad"
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text(
        "story:\n  title: Mine\n  start: start\n  home: rongcheng\n"
        "extend:\n  strat:\n    choices: []\n"
        "passages:\n  start:\n    text: Replaced.\n    ending: {title: Mine}\n", encoding="utf-8")
    _, problems = check_story(folder, [mod])
    text = "\n".join(map(str, problems))
    assert "a mod cannot have a 'story' section" in text
    assert "cannot extend unknown passage 'strat' (did you mean 'start'?)" in text
    assert "'start' is defined twice" in text


# Each case marks with @ the exact place its error must point at.
LOCATED_CASES = {
    "unknown key": ("""
passages:
  start:
    text: Hi.
    @txet: Typo.
    ending: {title: End}
""", "unknown key 'txet' in passage 'start' (did you mean 'text'?)"),
    "unknown style": ("""
passages:
  start:
    style: @letterr
    text: Hi.
    ending: {title: End}
""", "unknown style 'letterr' (did you mean 'letter'?)"),
    "unknown effect": ("""
passages:
  start:
    text: Hi.
    do:
      - @recrod: {behaviour: gave_blood}
    ending: {title: End}
""", "unknown effect 'recrod' (did you mean 'record'?)"),
    "unknown behaviour": ("""
passages:
  start:
    text: Hi.
    do:
      - record: {behaviour: @gave_bloud, source: hospital}
    ending: {title: End}
""", "unknown behaviour 'gave_bloud' (did you mean 'gave_blood'?)"),
    "unknown source": ("""
passages:
  start:
    text: Hi.
    do:
      - record:
          behaviour: gave_blood
          source: @hospitl
    ending: {title: End}
""", "unknown source 'hospitl' (did you mean 'hospital'?)"),
    "unknown city": ("""
passages:
  start:
    city: @nanjng
    text: Hi.
    ending: {title: End}
""", "unknown city 'nanjng' (did you mean 'nanjing'?)"),
    "add needs a number": ("""
passages:
  start:
    text: Hi.
    do:
      - add: {savings: @lots}
    ending: {title: End}
""", "'add' needs a number for 'savings'"),
    "duplicate key": ("""
passages:
  start:
    text: Hi.
    @text: Again.
    ending: {title: End}
""", "duplicate key 'text' (first at line 4)"),
    "unknown section": ("""
@pasages:
  start:
    text: Hi.
""", "unknown section 'pasages' (did you mean 'passages'?)"),
    "choices and goto": ("""
passages:
  @start:
    text: Hi.
    goto: end
    choices:
      - text: Go.
        goto: end
  end:
    text: Bye.
    ending: {title: End}
""", "has both choices and a goto"),
    "an ending with a way out": ("""
passages:
  @start:
    text: Hi.
    goto: start
    ending: {title: End}
""", "is an ending and cannot also have choices or a goto"),
    "variant without when": ("""
passages:
  start:
    text: Hi.
    variants:
      - @text: Always.
    ending: {title: End}
""", "a variant needs 'when'"),
    "choice without goto": ("""
passages:
  start:
    text: Hi.
    choices:
      - @text: Somewhere.
  end:
    text: Bye.
    ending: {title: End}
""", "a choice needs 'goto'"),
    "setting a built-in": ("""
passages:
  start:
    text: Hi.
    do:
      - set: {@grade: AAA}
    ending: {title: End}
""", "'grade' is built in and cannot be set"),
    "a variable of two kinds": ("""
passages:
  start:
    text: Hi.
    do:
      - set: {mood: calm}
      - add: {@mood: 1}
    ending: {title: End}
""", "'mood' holds string elsewhere; here it is given number"),
    "undeclared subject": ("""
passages:
  start:
    text: Hi.
    do:
      - record: {behaviour: paid_wages_late, source: labour_bureau, subject: @employr}
    ending: {title: End}
""", "unknown subject 'employr' (did you mean 'employer'?)"),
    "comparing unlike things": ("""
passages:
  start:
    text: Hi.
    variants:
      - when: "day @== 'monday'"
        text: Monday.
    ending: {title: End}
""", "compares number with string"),
}


@pytest.mark.parametrize("name", sorted(LOCATED_CASES))
def test_each_kind_of_mistake_points_at_its_place(story_dir, name):
    snippet, message = LOCATED_CASES[name]
    before = snippet[:snippet.index("@")]
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    folder = story_dir(snippet.replace("@", "", 1))
    problem = find(problems_of(folder), message)
    assert f"passages.yaml:{line}:{col}: error:" in problem, problem

"""What check warns of besides errors, and how cheaply it suggests names."""

from __future__ import annotations


from game.engine import Session, check_story, load_story
from game.engine.problems import MAX_SUGGESTIONS, Suggestions, closest
from helpers import problems_of


def test_an_exact_comparison_of_the_score_is_warned_because_it_can_spell_the_score(story_dir):
    problems = problems_of(story_dir("""
        passages:
          start:
            text: A letter.
            variants:
              - when: score == 1000
                text: It mentions a round number.
              - when: score >= 1000
                text: It is polite.
            ending: {title: End}
        """))
    warned = [p for p in problems if "tests one exact score" in p]
    assert len(warned) == 1 and "passages.yaml:6:15: warning:" in warned[0]


def test_a_backslash_in_a_condition_string_is_named_at_its_place(story_dir):
    problems = problems_of(story_dir(r"""
        passages:
          start:
            text: Hello.
            variants:
              - when: 'city == "rong\cheng"'
                text: Home.
            ending: {title: End}
        """))
    found = [p for p in problems if "backslash" in p]
    assert len(found) == 1 and "passages.yaml:6:29: error:" in found[0], problems
    assert not any("unterminated" in p for p in problems)


def test_a_question_asked_twice_in_one_debrief_is_warned(story_dir):
    problems = problems_of(story_dir("""
        passages:
          start:
            text: Hello.
            choices:
              - {text: One way., goto: first}
              - {text: Other way., goto: second}
          first:
            text: First.
            ending: {title: One, questions: [Who counts?, Who decides?]}
          second:
            text: Second.
            ending: {title: Two, questions: [Who counts?]}
        questions:
          - Who decides?
        """))
    twice = [p for p in problems if "this question is asked already" in p]
    # The first ending asks one of the story's own; two endings asking the same is no repeat.
    assert len(twice) == 1 and "passages.yaml:10:51: warning:" in twice[0], problems


def test_two_ledgers_with_one_name_are_warned(story_dir):
    problems = problems_of(story_dir("""
        passages:
          start:
            text: Hello.
            ending: {title: End}
        """, extra={"third.yaml": """
        jurisdiction:
          id: weihai
          name: Nanjing
          cities: [weihai]
          start: 1000
          rules: {}
          grades: {AAA: 1050, AA: 1030, A: 960, B: 850, C: 600, D: 0}
        """}))
    same = [p for p in problems if "as it shows jurisdiction 'nanjing'" in p]
    assert len(same) == 1 and "third.yaml:3:3: warning:" in same[0], problems


def test_did_you_mean_stops_after_its_budget():
    suggest = Suggestions()
    answers = [suggest("offise", ["office"]) for _ in range(MAX_SUGGESTIONS + 5)]
    assert answers[:MAX_SUGGESTIONS] == [" (did you mean 'office'?)"] * MAX_SUGGESTIONS
    assert answers[MAX_SUGGESTIONS:] == [""] * 5


def test_did_you_mean_finds_a_typo_among_thousands_of_lookalikes():
    known = [f"winter_scene_{i}" for i in range(4000)]
    assert closest("wintr_scene_2718", known) == " (did you mean 'winter_scene_2718'?)"
    assert closest("xwinter_scene_12", known) == " (did you mean 'winter_scene_12'?)"


def test_thousands_of_unknown_gotos_are_all_reported_with_a_bounded_number_of_suggestions(tmp_path):
    lines = ["story: {title: Many, start: scene_0, home: here}\n",
             "jurisdiction: {id: here, cities: [here], start: 0, rules: {},"
             " grades: {AAA: 5, AA: 4, A: 3, B: 2, C: 1, D: 0}}\n", "passages:\n"]
    lines += [f"  scene_{i}: {{text: Scene., goto: scne_{i + 1}}}\n" for i in range(2000)]
    lines.append("  the_end: {text: End., ending: {title: End}}\n")
    (tmp_path / "story.yaml").write_text("".join(lines), encoding="utf-8")
    _, problems = check_story(tmp_path)
    unknown = [str(p) for p in problems if "unknown passage" in p.message]
    assert len(unknown) == 2000
    assert sum("did you mean" in p for p in unknown) == MAX_SUGGESTIONS


def test_grade_in_reads_a_citys_records_and_grade_if_home_the_same_life_lived_there(story_dir):
    story = load_story(story_dir("""
        passages:
          start:
            text: The blood bus.
            do:
              - record: {behaviour: gave_blood, source: hospital}
            variants:
              - when: grade_in(nanjing) == "A"
                text: Nanjing's records know nothing of it.
              - when: grade_if_home(nanjing) == "AA"
                text: Had Nanjing been home, it would have counted twenty.
            ending: {title: End}
        """))
    session = Session.new(story)
    assert session.page.text.split("\n\n")[1:] == ["Nanjing's records know nothing of it.",
                                                  "Had Nanjing been home, it would have counted twenty."]
    nanjing = session.debrief().others[0]
    assert (nanjing.name, nanjing.score) == ("Nanjing", 1020)  # the debrief asks the same as grade_if_home


def test_an_act_in_a_third_city_stays_there_when_the_debrief_re_scores(story_dir):
    story = load_story(story_dir("""
        passages:
          start:
            text: The village.
            city: hill_village
            do:
              - record: {behaviour: gave_blood, source: hospital}
            ending: {title: End}
        """, extra={"village.yaml": """
        jurisdiction:
          id: hill_village
          name: The village
          cities: [hill_village]
          start: 0
          rules: {}
          grades: {AAA: 50, AA: 40, A: 30, B: 20, C: 10, D: 0}
        """}))
    debrief = Session.new(story).debrief()
    nanjing = next(o for o in debrief.others if o.jurisdiction_id == "nanjing")
    assert nanjing.score == 1000 and [e.city for e in nanjing.not_counted] == ["hill_village"]

"""The debrief's own words follow the life lived: its text takes variants, its questions conditions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.engine import Session, check_story, load_story
from helpers import LOCATED

LIVES = """
passages:
  start:
    text: The light turns amber.
    choices:
      - text: Brake.
        goto: end
      - text: Go through.
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
        goto: end
      - text: Go through, and lie about it to the court.
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
          - record: {behaviour: ignored_court_order, source: court}
        goto: end
  end:
    text: You are at your desk by eight.
    ending:
      title: An Ordinary Morning
      debrief:
        text: |
          A camera stood at the corner,
          as it always had.
        variants:
          - when: observed(ran_red_light) > 0
            text: It saw you.
          - when: blacklisted
            replace: true
            text: The court remembers longer than the camera.
      questions:
        - Would you have braked if you had known?
        - text: Was the minute worth five points?
          when: did(ran_red_light) > 0
questions:
  - Who decides what counts?
  - text: Who told you that you were listed?
    when: blacklisted
"""


def debrief_after(story_dir, choice: int):
    session = Session.new(load_story(story_dir(LIVES)))
    session.choose(choice)
    return session.debrief()


def test_a_debrief_without_variants_fires_shows_its_text_with_the_lines_joined(story_dir):
    debrief = debrief_after(story_dir, 1)
    assert debrief.ending_text == "A camera stood at the corner, as it always had."


def test_a_debrief_variant_that_holds_is_added_as_a_paragraph(story_dir):
    debrief = debrief_after(story_dir, 2)
    assert debrief.ending_text == "A camera stood at the corner, as it always had.\n\nIt saw you."


def test_a_replacing_debrief_variant_wipes_out_the_text_and_variants_before_it(story_dir):
    debrief = debrief_after(story_dir, 3)
    assert debrief.ending_text == "The court remembers longer than the camera."


def test_conditional_questions_are_asked_only_of_the_lives_they_fit(story_dir):
    assert debrief_after(story_dir, 1).questions == [
        "Would you have braked if you had known?", "Who decides what counts?"]
    assert debrief_after(story_dir, 2).questions == [
        "Would you have braked if you had known?", "Was the minute worth five points?",
        "Who decides what counts?"]
    assert debrief_after(story_dir, 3).questions == [
        "Would you have braked if you had known?", "Was the minute worth five points?",
        "Who decides what counts?", "Who told you that you were listed?"]


def test_a_plain_string_debrief_still_works(story_dir):
    story = load_story(story_dir("""
        passages:
          start:
            text: Hello.
            ending:
              title: End
              debrief: Nothing was recorded.
              questions: [Why not?]
        """))
    debrief = Session.new(story).debrief()
    assert debrief.ending_text == "Nothing was recorded."
    assert debrief.questions == ["Why not?"]


@pytest.mark.parametrize("ending, message, line, col", [
    ("""
      debrief:
        variants:
          - when: seen(nowhere)
            text: Odd.
""", "unknown passage 'nowhere'", 9, 24),
    ("""
      debrief:
        variants:
          - text: Always.
""", "a variant needs 'when' (text shown always belongs in the debrief's text)", 9, 13),
    ("""
      debrief:
        txt: Typo.
""", "unknown key 'txt' in an ending's debrief (did you mean 'text'?)", 8, 9),
    ("""
      questions:
        - text: Why?
          when: savings > 3
""", "'savings' is never set by the story", 9, 17),
    ("""
      questions:
        - text: Why?
          when: did(gave_bloood) > 0
""", "unknown behaviour 'gave_bloood' (did you mean 'gave_blood'?)", 9, 21),
    ("""
      questions:
        - when: blacklisted
""", "a question needs 'text'", 8, 11),
    ("""
      questions:
        - Why?
        - [a, list]
""", "each question must be text", 9, 11),
])
def test_mistakes_in_debrief_variants_and_questions_are_located(story_dir, ending, message, line, col):
    folder = story_dir("""
passages:
  start:
    text: Hello.
    ending:
      title: End""" + ending)
    story, problems = check_story(folder)
    shown = [str(p) for p in problems]
    assert story is None and all(LOCATED.match(p) for p in shown)
    matches = [p for p in shown if message in p]
    assert matches, "\n".join(shown)
    assert f"passages.yaml:{line}:{col}: error:" in matches[0]


def test_a_story_wide_conditional_question_is_checked_like_any_condition(story_dir):
    folder = story_dir("""
        passages:
          start:
            text: Hello.
            ending: {title: End}
        questions:
          - text: Were you listed?
            when: blacklistd
        """)
    story, problems = check_story(folder)
    assert story is None
    assert any("'blacklistd' is never set by the story (did you mean 'blacklisted'?)" in str(p)
               for p in problems)


def test_the_format_guides_whole_story_shows_a_debrief_that_follows_the_life(tmp_path):
    guide = (Path(__file__).resolve().parents[2] / "docs" / "story-format.md").read_text(encoding="utf-8")
    whole = next(b for b in re.findall(r"```yaml\n(.*?)```", guide, re.S) if b.startswith("story:"))
    (tmp_path / "story.yaml").write_text(whole, encoding="utf-8")
    story = load_story(tmp_path)
    braked, ran = Session.new(story), Session.new(story)
    braked.choose(1)
    ran.choose(2)
    assert "Five points went" not in braked.debrief().ending_text
    assert "Five points went" in ran.debrief().ending_text
    assert len(ran.debrief().questions) == len(braked.debrief().questions) + 1

"""A condition written the same way in many places is looked at once, but what is wrong with
it is still told at every place it is written, each at its own line and column, and a quoted
one at the column its quote moves it to."""

from __future__ import annotations

from game.engine import check_story


def test_the_same_mistake_written_three_times_is_reported_three_times(story_dir):
    folder = story_dir("""
passages:
  start:
    text: Start.
    variants:
      - when: grade >= "Z"
        text: One.
      - when: 'grade >= "Z"'
        text: Two.
    choices:
      - text: On.
        when: grade >= "Z"
        goto: end
      - text: Also on.
        when: savings > 3
        goto: end
  end:
    text: End.
    ending: {title: End}
""", header="""
story:
  title: Test
  start: start
  home: rongcheng
  variables: {savings: 500}
""")
    story, problems = check_story(folder)
    assert story is None
    shown = [str(p) for p in problems if "is not a grade" in p.message]
    assert [(p.line, p.col) for p in problems if "is not a grade" in p.message] == [(6, 21), (8, 22), (12, 21)]
    assert len(shown) == 3 and all(s.startswith("story/passages.yaml:") or "passages.yaml:" in s for s in shown)
    assert not [p for p in problems if "savings" in p.message]

"""A story section whose start is left empty is refused with a located error, never refused in
silence."""

from __future__ import annotations

import pytest

from game.engine import StoryError, load_story

EMPTY_START = """
story:
  title: Test
  start:
  home: rongcheng
"""


def test_an_empty_start_is_an_error_at_its_place(story_dir):
    folder = story_dir("passages:\n  start:\n    text: Home.\n    ending: {title: An evening}\n",
                       header=EMPTY_START)
    with pytest.raises(StoryError) as refused:
        load_story(folder)
    errors = [p for p in refused.value.problems if p.is_error]
    assert [(p.path.endswith("story.yaml"), p.line, p.message) for p in errors] == [
        (True, 4, "start is empty: name the passage where play starts")]

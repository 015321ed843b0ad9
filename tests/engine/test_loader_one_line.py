"""Texts the window shows on one line have a length limit, reported where they are written.

A speaker's name, a title or a city thirty thousand characters long passed check and froze
the window; now check says which is too long, where, and what fits."""

from __future__ import annotations

import pytest

from game.engine import check_story
from game.engine.loader import ONE_LINE

PASSAGE = """
    passages:
      start:
        style: {style}
        {field}: {value}
        text: The committee meets on Thursday.
        choices:
          - text: Go.
            goto: end
      end:
        text: Bye.
        ending: {{title: {ending}}}
    """


def errors(folder) -> list[str]:
    story, problems = check_story(folder)
    return [str(p) for p in problems if p.is_error]


@pytest.mark.parametrize("field, what", [("speaker", "speaker"), ("title", "title")])
def test_a_speaker_or_title_longer_than_its_line_is_an_error_at_its_place(story_dir, field, what):
    longest = ONE_LINE[what]
    folder = story_dir(PASSAGE.format(style="letter", field=field, value="x" * 30_000, ending="The End"))
    found = errors(folder)
    assert len(found) == 1
    assert found[0].endswith(f"passages.yaml:5:{len(field) + 7}: error: {what} is 30,000 characters; "
                             f"at most {longest} fit on the line the window shows it on")


def test_an_ending_title_longer_than_its_line_is_an_error(story_dir):
    folder = story_dir(PASSAGE.format(style="letter", field="speaker", value="Mrs Song", ending="E" * 121))
    assert [e.split(": error: ")[1] for e in errors(folder)] == [
        "an ending's title is 121 characters; at most 120 fit on the line the window shows it on"]


def test_texts_at_their_limit_pass(story_dir):
    folder = story_dir(PASSAGE.format(style="letter", field="speaker", value="S" * ONE_LINE["speaker"],
                                      ending="E" * ONE_LINE["an ending's title"]))
    assert errors(folder) == []

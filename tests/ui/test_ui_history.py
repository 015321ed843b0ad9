"""The history names a passage the way the play screen does."""

from __future__ import annotations

from game.engine import Session, load_story
from game.ui.scenes.history import HistoryScene

PASSAGES = """
passages:
  start:
    style: dialogue
    speaker: Liu Fang
    text: |
      The office is empty but for the two of you. Liu Fang looks up from her screen.

      'Did you see the notice?'
    choices:
      - text: Ask her.
        goto: asked
  asked:
    style: dialogue
    speaker: Liu Fang
    text: |
      'The board by the lift. They want volunteers.'
    choices:
      - text: Go home.
        goto: letter
  letter:
    style: letter
    title: Rongcheng People's Hospital
    speaker: Dr. Kong
    text: |
      Your mother's results are ready.
    ending:
      title: The end
      debrief: Nothing more.
"""


def test_a_narrated_scene_is_nobodys_and_speech_or_a_letter_keeps_its_name(make_app, story_dir):
    app = make_app()
    session = Session.new(load_story(story_dir(PASSAGES)), seed=1)
    session.choose(1)
    session.choose(1)
    headings = [heading for heading, _text, _chosen, _style in HistoryScene(app, session).entries()]
    assert headings == [None, "Liu Fang", "Rongcheng People's Hospital — Dr. Kong"]

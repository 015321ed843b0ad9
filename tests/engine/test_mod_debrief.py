"""A mod adds to an ending's debrief — its text, its variants, its questions — through
``extend``, as it adds choices and text to a passage; and a key ``extend`` does not know is
told with the keys it does."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.engine import Session, check_story, load_story

BASE = """
passages:
  start:
    text: The light turns amber.
    choices:
      - {text: Brake., goto: home}
      - text: Go through.
        do: [{record: {behaviour: ran_red_light, source: traffic_camera}}]
        goto: home
  home:
    text: You are home.
    ending:
      title: Home
      debrief:
        text: The camera stood at the corner.
        variants:
          - {when: did(ran_red_light) > 0, text: It was switched on.}
      questions: [Would you have braked?]
questions: [Who decided what a red light is worth?]
"""


def write_mod(root: Path, text: str) -> Path:
    folder = root / "mods" / "late_word"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text("mod: {name: A late word}\n" + textwrap.dedent(text), encoding="utf-8")
    return folder


def ending_of(story, choice: int):
    session = Session.new(story, seed=1)
    session.choose(choice)
    return session.debrief()


def test_a_mod_adds_text_variants_and_questions_to_an_ending_s_debrief(story_dir, tmp_path):
    mod = write_mod(tmp_path, """
        extend:
          home:
            debrief:
              text: Mrs. Song saw it too.
              variants:
                - {when: did(ran_red_light) > 0, text: She wrote it in her green notebook.}
            questions:
              - Is a neighbour's notebook a camera?
              - {text: Would you tell her?, when: did(ran_red_light) > 0}
        """)
    story = load_story(story_dir(BASE), [mod])
    went = ending_of(story, 2)
    assert went.ending_text == ("The camera stood at the corner.\n\nIt was switched on.\n\nMrs. Song saw it too."
                                "\n\nShe wrote it in her green notebook.")
    assert went.questions == ["Would you have braked?", "Is a neighbour's notebook a camera?", "Would you tell her?",
                              "Who decided what a red light is worth?"]
    braked = ending_of(story, 1)
    assert braked.ending_text == "The camera stood at the corner.\n\nMrs. Song saw it too."
    assert braked.questions[1:3] == ["Is a neighbour's notebook a camera?", "Who decided what a red light is worth?"]


def test_at_start_the_mod_s_words_open_the_debrief_and_its_questions(story_dir, tmp_path):
    mod = write_mod(tmp_path, """
        extend:
          home:
            at: start
            debrief: Before anything else, the season.
            questions: ["First, a question of ours?"]
        """)
    debrief = ending_of(load_story(story_dir(BASE), [mod]), 1)
    assert debrief.ending_text.startswith("Before anything else, the season.\n\nThe camera stood")
    assert debrief.questions[:2] == ["First, a question of ours?", "Would you have braked?"]


def test_only_an_ending_has_a_debrief_and_added_text_never_replaces_its_own(story_dir, tmp_path):
    mod = write_mod(tmp_path, """
        extend:
          start:
            debrief: Not an ending.
          home:
            debrief:
              variants:
                - {when: did(ran_red_light) > 0, text: Only ours., replace: true}
        """)
    story, problems = check_story(story_dir(BASE), [mod])
    shown = [str(p) for p in problems]
    assert story is None
    assert any("late_word/mod.yaml:5:14: error: 'start' is not an ending" in p for p in shown), shown
    assert any("late_word/mod.yaml:9:60: error: text added to 'home' cannot replace its own" in p
               for p in shown), shown


def test_an_unknown_key_in_extend_is_told_with_the_keys_extend_takes(story_dir, tmp_path):
    mod = write_mod(tmp_path, """
        extend:
          home:
            title: A new title
        """)
    _, problems = check_story(story_dir(BASE), [mod])
    (message,) = [str(p) for p in problems if "unknown key" in str(p)]
    assert message.endswith("unknown key 'title' in extend 'home'; the keys allowed here are choices, variants, "
                            "debrief, questions, at")


def test_every_unknown_key_names_the_keys_allowed_where_it_is_written(story_dir):
    story, problems = check_story(story_dir("""
        passages:
          start:
            text: Hi.
            txet: Typo.
            ending: {title: End}
        """))
    (message,) = [str(p) for p in problems]
    assert message.endswith("unknown key 'txet' in passage 'start' (did you mean 'text'?); the keys allowed here "
                            "are text, style, speaker, title, day, city, narration_before, narration_after, "
                            "variants, do, choices, goto, continue, ending")

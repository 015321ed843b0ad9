"""Narration told around a frame: a letter, a bill or a phone holds only what is printed or
shown on it, and what the player sees around it is written apart — ``narration_before``,
``narration_after`` and variants with ``narration: before`` or ``after`` — and kept apart on
every page, in every save, in the order it is read."""

from __future__ import annotations

import pytest

from game.engine import Session, check_story, load_story
from game.engine.passage_words import framed_parts

LETTER = """
    passages:
      start:
        style: letter
        title: Rongcheng People's Court
        speaker: Sun Jian
        narration_before: Another yellow envelope, thinner than the last.
        text: |
          NOTICE BEFORE COMPULSORY MEASURES.

          Perform them in full within fifteen days.
        narration_after: Beneath the red seal someone has written your name in pencil.
        variants:
          - when: day > 0
            text: Your name remains in the list.
          - when: day > 0
            narration: after
            text: You put it in the drawer with the others.
          - when: day > 0
            narration: before
            text: It comes with the milk on Monday.
        choices:
          - text: Read it again.
            goto: end
      end:
        text: Bye.
        ending: {title: The End}
    """


def page_of(story_dir, passages=LETTER):
    story = load_story(story_dir(passages))
    return story, Session.new(story, seed=1)


def test_the_frame_holds_what_is_printed_and_the_narration_stands_around_it_in_reading_order(story_dir):
    _, session = page_of(story_dir)
    page = session.page
    before, printed, after = framed_parts(page.text, page.narrated_before, page.narrated_after)
    assert before == ["Another yellow envelope, thinner than the last.", "It comes with the milk on Monday."]
    assert printed == ["NOTICE BEFORE COMPULSORY MEASURES.", "Perform them in full within fifteen days.",
                       "Your name remains in the list."]
    assert after == ["Beneath the red seal someone has written your name in pencil.",
                     "You put it in the drawer with the others."]


def test_a_saved_game_writes_the_narration_back_where_it_was_read(story_dir):
    story, session = page_of(story_dir)
    read = session.page.text
    session.choose(1)
    again = Session.from_json(story, session.to_json())
    assert again.history[0].text == read


def test_narration_is_joined_as_prose_even_beside_a_bill_that_keeps_its_lines(story_dir):
    _, session = page_of(story_dir, """
    passages:
      start:
        style: bill
        narration_before: |
          The bill comes
          on a Tuesday.
        text: |
          Basic charge ........ 570.40
          AMOUNT DUE ........ 1,364.00
        ending: {title: The End}
    """)
    before, printed, _ = framed_parts(session.page.text, session.page.narrated_before, 0)
    assert before == ["The bill comes on a Tuesday."]
    assert printed == ["Basic charge ........ 570.40\nAMOUNT DUE ........ 1,364.00"]


def errors(folder) -> list[str]:
    return [str(p) for p in check_story(folder)[1] if p.is_error]


def test_a_passage_drawn_in_no_frame_has_no_narration_around_one(story_dir):
    found = errors(story_dir("""
    passages:
      start:
        style: narration
        narration_before: The kettle.
        text: You wait.
        variants:
          - when: day > 0
            narration: after
            text: It boils.
        ending: {title: The End}
    """))
    assert any("'narration_before' is narration told around a frame; a narration passage has none" in p
               for p in found)
    assert any("'narration' is told around a frame; a narration passage has none" in p for p in found)


@pytest.mark.parametrize("side, message", [("aside", "before or after the frame"),
                                           ("after\n            replace: true", "cannot replace the text printed")])
def test_a_narration_variant_says_its_side_and_never_replaces_the_print(story_dir, side, message):
    found = errors(story_dir(f"""
    passages:
      start:
        style: phone
        text: Jing, 21:04. Sent.
        variants:
          - when: day > 0
            narration: {side}
            text: You read it twice.
        ending: {{title: The End}}
    """))
    assert any(message in p for p in found), found


def test_a_page_without_narration_counts_none(story_dir):
    _, session = page_of(story_dir, """
    passages:
      start:
        style: letter
        text: Dear Customer,
        ending: {title: The End}
    """)
    assert (session.page.narrated_before, session.page.narrated_after) == (0, 0)


def test_the_words_told_around_a_frame_are_counted_with_the_story(story_dir):
    from game.tools.stats import story_words

    plain = LETTER.replace("        narration_before: Another yellow envelope, thinner than the last.\n", "")
    assert plain != LETTER
    with_narration = story_words(load_story(story_dir(LETTER)))
    without = story_words(load_story(story_dir(plain)))
    assert with_narration - without == len("Another yellow envelope, thinner than the last.".split())


def test_the_history_and_the_transcript_keep_the_narration_outside_the_letter(story_dir):
    from game.terminal import history_lines
    from game.transcript import build, markdown

    story, session = page_of(story_dir)
    session.choose(1)
    page = session.page_of(session.history[0])
    assert (page.narrated_before, page.narrated_after) == (2, 2)
    reading = build(session).readings[0]
    assert reading.before[0].startswith("Another yellow envelope") and "Beneath the red seal" in reading.after[0]
    assert "envelope" not in reading.text and "NOTICE BEFORE" in reading.text
    text = markdown(build(session))
    assert text.index("Another yellow envelope") < text.index("NOTICE BEFORE") < text.index("— Sun Jian") \
        < text.index("Beneath the red seal")
    lines = "\n".join(history_lines(session, "all"))
    assert lines.index("Another yellow envelope") < lines.index("NOTICE BEFORE") < lines.index("Beneath the red seal")


def test_a_mod_tells_narration_around_the_storys_letter_and_prints_nothing_on_it(story_dir, tmp_path):
    mod = tmp_path / "mods" / "postcard"
    mod.mkdir(parents=True)
    (mod / "postcard.yaml").write_text(
        "mod:\n  name: Aunt Lan's postcard\n"
        "extend:\n  start:\n    variants:\n"
        "      - when: day > 0\n        narration: after\n        text: Aunt Lan's postcard is under it, face down.\n",
        encoding="utf-8")
    story = load_story(story_dir(LETTER), [mod])
    page = Session.new(story, seed=1).page
    _, printed, after = framed_parts(page.text, page.narrated_before, page.narrated_after)
    assert after[-1] == "Aunt Lan's postcard is under it, face down."
    assert not any("postcard" in paragraph for paragraph in printed)

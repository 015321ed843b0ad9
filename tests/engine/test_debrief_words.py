"""The debrief's sentences that only a story can say are the story's: declared in its
``debrief`` section, never inherited by another story or a translation."""

from __future__ import annotations

import pytest

from game import debrief_document as doc
from game.engine import Session, check_story, load_story
from game.engine.story import KEPT, DebriefWords

LIFE = """
passages:
  start:
    text: A leaflet rack.
    choices:
      - text: Read the rules.
        do:
          - set: {found_rules: true}
        goto: done
      - text: Walk on.
        goto: done
  done:
    text: Winter.
    ending: {title: A Winter}
"""

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables:
    found_rules: false
    read_measures: true
"""

WORDS = """
debrief:
  rules_read: found_rules
  kept:
    read: You found the rules in the rack.
    unread: Nobody gave you the rules.
  told:
    read: "You knew: {home} starts everyone on {start}."
    unread: "{home} starts everyone on {start}."
"""


def text_of(session: Session) -> str:
    document = doc.build(session.debrief(), "Test")
    return "\n".join(getattr(b, "text", "") for s in document.sections for b in s.blocks)


def lived(story, read: bool) -> Session:
    session = Session.new(story)
    session.choose(1 if read else 2)
    return session


def test_a_story_that_declares_nothing_inherits_no_other_storys_words(story_dir):
    story = load_story(story_dir(LIFE, header=HEADER))
    assert story.debrief_words == DebriefWords()
    for read in (True, False):
        session = lived(story, read)
        debrief = session.debrief()
        text = text_of(session)
        # read_measures is true here, but this story never said it is the rules-read flag.
        assert debrief.read_the_rules is False
        assert KEPT in text and "Every adult resident of Rongcheng begins with 1,000 points." in text
        for shipped in ("Credit Service Hall", "autumn", "published measures", "Nobody showed you"):
            assert shipped not in text


def test_the_story_names_the_flag_and_says_the_words(story_dir):
    story = load_story(story_dir(LIFE, header=HEADER, extra={"debrief.yaml": WORDS}))
    read, unread = text_of(lived(story, True)), text_of(lived(story, False))
    assert "You found the rules in the rack." in read and "You knew: Rongcheng starts everyone on 1,000." in read
    assert "Nobody gave you the rules." in unread and "\nRongcheng starts everyone on 1,000." in unread
    assert "You found" not in unread and KEPT not in read + unread


def test_a_mods_words_take_the_place_of_the_storys(story_dir, tmp_path):
    folder = story_dir(LIFE, header=HEADER, extra={"debrief.yaml": WORDS})
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "words.yaml").write_text("mod: {name: In other words, changes: debrief}\n"
                                    + WORDS.replace("Nobody gave", "No one handed"), encoding="utf-8")
    story = load_story(folder, mods=[mod])
    assert "No one handed you the rules." in text_of(lived(story, False))


@pytest.mark.parametrize("words, complaint", [
    ("debrief:\n  rules_read: found_rule\n", "not a variable of the story (did you mean 'found_rules'?)"),
    ("debrief:\n  told: 'Everyone in {city} starts at {start}.'\n", "the place {city}"),
    ("debrief:\n  kept: 'It kept {start}.'\n", "the place {start}"),
    ("debrief:\n  kept: {read: Found it., unread: Did not.}\n", "no 'rules_read'"),
    ("debrief:\n  said: Hello.\n", "unknown key 'said'"),
    ("debrief:\n  kept: {read: A., seen: B.}\n  rules_read: found_rules\n", "unknown key 'seen'"),
    ("debrief:\n  notes: Said always.\n", "'notes' must be a list"),
    ("debrief:\n  notes:\n    - text: No condition.\n", "needs 'when'"),
    ("debrief:\n  notes:\n    - {when: found_rulez, text: A typo.}\n", "found_rulez"),
    ("debrief:\n  notes:\n    - {when: found_rules, text: A., said: B.}\n", "unknown key 'said'"),
])
def test_what_a_debrief_section_cannot_say_is_reported_where_it_is_written(story_dir, words, complaint):
    story, problems = check_story(story_dir(LIFE, header=HEADER, extra={"debrief.yaml": words}))
    assert story is None
    assert any(complaint in p.message and p.path.endswith("debrief.yaml") for p in problems), problems


def test_a_story_has_one_debrief_section(story_dir):
    story, problems = check_story(story_dir(LIFE, header=HEADER,
                                            extra={"debrief.yaml": WORDS, "more/again.yaml": WORDS}))
    assert story is None and any("a second 'debrief' section" in p.message for p in problems)


def test_the_shipped_story_says_its_own_words(shipped_story):
    story = shipped_story
    words = story.debrief_words
    assert words.rules_read == "read_measures" and words.rules_read in story.variables
    assert "Credit Service Hall" in words.kept(True) and "Nobody showed you the points" in words.kept(False)
    assert words.told(False, "Rongcheng", 1000) == "Every adult resident of Rongcheng begins with 1,000 points."


NOTES = """
debrief:
  notes:
    - when: found_rules
      text: >-
        The rack's rules were the ones the city scored you by.
    - when: not found_rules
      text: You never read what the city scored you by.
    - when: on_record(gave_blood) > 0
      text: The blood station's report is on the city's record.
"""


def test_a_note_is_said_under_the_grade_only_in_the_lives_it_is_true_of(story_dir):
    story = load_story(story_dir(LIFE, header=HEADER, extra={"debrief.yaml": NOTES}))
    read, unread = lived(story, True).debrief(), lived(story, False).debrief()
    assert read.notes == ("The rack's rules were the ones the city scored you by.",)
    assert unread.notes == ("You never read what the city scored you by.",)
    grade = next(s for s in doc.build(read, "Test").sections if s.title == "Your grade")
    said = [getattr(b, "text", "") for b in grade.blocks]
    assert "What the grade did in your season" in said
    assert said[-1] == "The rack's rules were the ones the city scored you by."


def test_a_story_without_notes_adds_nothing_under_the_grade(story_dir):
    story = load_story(story_dir(LIFE, header=HEADER, extra={"debrief.yaml": WORDS}))
    debrief = lived(story, True).debrief()
    assert debrief.notes == ()
    assert "What the grade did in your season" not in text_of(lived(story, True))

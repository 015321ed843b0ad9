"""The debrief as one document: what it says, said once, for the window and the terminal alike."""

from __future__ import annotations

import pytest
import yaml

from game import debrief_document as doc
from game.engine import Session, load_story
from game.terminal import debrief_lines
from helpers import ROOT

LIFE = """
passages:
  start:
    day: 13
    text: The lane needs sweeping, and then the stairwell.
    choices:
      - text: Sweep both.
        do:
          - record: {behaviour: gave_blood, source: hospital}
          - record: {behaviour: ran_red_light, source: traffic_camera}
          - record: {behaviour: ran_red_light, source: traffic_camera}
          - record: {behaviour: helped_stranger}
        goto: hall
  hall:
    day: 20
    text: The Credit Service Hall has a rack of leaflets.
    choices:
      - text: Read the measures.
        do:
          - set: {read_measures: true}
        goto: done
      - text: Walk on.
        goto: done
  done:
    text: Winter.
    ending:
      title: A Winter
      debrief: |
        The ledger follows.
      questions:
        - Which of these acts would you have guessed were counted?
"""

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables:
    read_measures: false
"""


def _shipped_words() -> str:
    """The shipped story's own debrief wording, without its notes: they ask of passages and
    variables only the season has."""
    words = yaml.safe_load((ROOT / "story" / "rongcheng" / "debrief.yaml").read_text(encoding="utf-8"))
    words["debrief"].pop("notes", None)
    return yaml.safe_dump(words, allow_unicode=True)


#: The shipped story's own debrief wording, which these tests read the debrief in.
WORDS = _shipped_words()


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(LIFE, header=HEADER, extra={"debrief.yaml": WORDS}))


def lived(story, read: bool) -> Session:
    session = Session.new(story)
    session.choose(1)
    session.choose(1 if read else 2)
    assert session.is_over
    return session


def section(document: doc.Document, title: str) -> doc.Section:
    return next(s for s in document.sections if s.title == title)


def text_of(document: doc.Document) -> str:
    parts = []
    for s in document.sections:
        parts += [s.kicker, s.heading]
        parts += [getattr(b, "text", "") for b in s.blocks]
    return "\n".join(parts)


def test_the_same_act_recorded_twice_is_shown_once_with_its_count_and_summed_points(story):
    document = doc.build(lived(story, read=False).debrief(), "Test")
    table = next(b for b in section(document, "The ledger").blocks if isinstance(b, doc.Table))
    lights = [row for row in table.rows if "red light" in row[1]]
    assert lights == [("Day 13", "Drove through a red light ×2", "Traffic cameras", doc.Points(-10), 995)]


def test_the_other_city_is_set_beside_home_act_by_act(story):
    document = doc.build(lived(story, read=False).debrief(), "Test")
    nanjing = section(document, "Under Nanjing's rules")
    table = next(b for b in nanjing.blocks if isinstance(b, doc.Table))
    assert [c.title for c in table.columns] == ["Day", "What was recorded", "Rongcheng", "Nanjing"]
    rows = {row[1]: row[2:] for row in table.rows}
    assert rows["Gave blood"] == (doc.Points(5), doc.Points(20))
    assert rows["Drove through a red light ×2"] == (doc.Points(-10), doc.NOT_COUNTED)
    assert "Helped a stranger" not in rows   # nobody recorded it: it is on the "Not counted" page


def test_an_act_counted_only_abroad_shows_as_not_counted_at_home(story_dir):
    story = load_story(story_dir("""
        passages:
          start:
            city: nanjing
            text: Nanjing's blood bus.
            do:
              - record: {behaviour: gave_blood, source: hospital}
            ending: {title: South}
        """))
    session = Session.new(story)
    table = next(b for b in section(doc.build(session.debrief(), "Test"), "Under Nanjing's rules").blocks
                 if isinstance(b, doc.Table))
    assert table.rows == (("Day 1", "Gave blood", doc.NOT_COUNTED, doc.Points(20)),)


def test_what_the_other_citys_grade_brings_is_said_as_a_fact_of_that_city():
    # A visitor can hold a perk of the other city (a donor given Nanjing's card on a weekend
    # there), so its perks are what the grade means there, not what it "would have meant".
    session = Session.new(load_story(ROOT / "story"), seed=3, route="short")
    while not session.is_over:
        session.choose(session.page.choices[-1].number)
    nanjing = section(doc.build(session.debrief(), "Test"), "Under Nanjing's rules")
    heads = [b.text for b in nanjing.blocks if isinstance(b, doc.Subhead) and b.text.startswith("What ")]
    assert heads and all(h.endswith(" means in Nanjing") for h in heads)


@pytest.mark.parametrize("name, phrase", [
    ("Nanjing trustworthy card scheme", "the Nanjing trustworthy card scheme"),
    ("The Village Points Store", "The Village Points Store"),
    ("Rongcheng Municipal Measures", "the Rongcheng Municipal Measures"),
])
def test_a_scheme_is_named_with_its_article(name, phrase):
    assert doc.the(name) == phrase


def test_the_other_citys_scheme_reads_as_a_sentence(story):
    story.jurisdictions["nanjing"] = type(story.jurisdictions["nanjing"])(
        **{**story.jurisdictions["nanjing"].__dict__, "document": "Nanjing trustworthy card scheme"})
    text = text_of(doc.build(lived(story, read=False).debrief(), "Test"))
    assert "scored by the Nanjing trustworthy card scheme" in text


def test_the_ledger_is_announced_where_it_is(story):
    text = text_of(doc.build(lived(story, read=False).debrief(), "Test"))
    assert "below" not in text
    assert "The ledger that follows" in text


def test_nobody_showed_you_the_points_unless_you_read_the_measures(story):
    # People in the story keep notebooks and files; what nobody shows a resident is the points.
    unread = text_of(doc.build(lived(story, read=False).debrief(), "Test"))
    read = text_of(doc.build(lived(story, read=True).debrief(), "Test"))
    assert unread.lower().count("nobody showed you the points") == 1     # said once, not at every turn
    assert "nobody told you" not in unread.lower()
    assert "nobody showed you" not in read.lower() and "You had read the published measures" in read


def test_the_terminal_prints_the_document_word_for_word(story):
    debrief = lived(story, read=False).debrief()
    printed = " ".join(" ".join(debrief_lines(debrief, width=60)).split())
    document = doc.build(debrief, "Test")
    for s in document.sections:
        assert s.heading in printed
        for block in s.blocks:
            if isinstance(block, (doc.Paragraph, doc.Subhead, doc.Item)):
                assert block.text in printed, block.text
            if isinstance(block, doc.Table):
                for row in block.rows:
                    assert row[0] in printed


def test_the_terminal_opens_with_the_word_debrief_and_keeps_wrapped_lines_under_their_item(story):
    lines = debrief_lines(lived(story, read=False).debrief(), width=44)
    assert lines[0] == "Debrief"
    assert all(len(line) <= 44 for line in lines)
    question = lines.index("  1. Which of these acts would you have")
    assert lines[question + 1] == "     guessed were counted?"


def test_a_terminal_table_keeps_its_columns_and_never_breaks_a_word():
    table = doc.Table(doc.LEDGER_COLUMNS, (("Day 13", "Volunteered for the community ×2",
                                             "The neighbourhood information collector", doc.Points(10), 1015),))
    from game.terminal import _table_lines
    lines = _table_lines(table, 60)
    assert all(len(line) <= 60 for line in lines)
    words = " ".join(lines).split()
    for word in ("neighbourhood", "information", "collector", "Volunteered", "community"):
        assert word in words
    row = next(line for line in lines if "+10" in line)
    assert row.startswith("Day 13") and row.endswith("1,015")


COURT = """
passages:
  start:
    day: 30
    text: The court's letter is on the mat.
    choices:
      - text: Pay what the judgment says.
        do:
          - record: {behaviour: paid_judgment, source: court}
        goto: done
      - text: Put it in the drawer.
        do:
          - record: {behaviour: unpaid_judgment, source: court}
        goto: done
  done:
    text: Winter.
    ending:
      title: A Winter
      debrief: |
        The ledger follows.
"""


def blacklist_text(story, choice: int) -> str:
    session = Session.new(story)
    session.choose(choice)
    return text_of(doc.Document("Test", (section(doc.build(session.debrief(), "Test"), "The blacklist"),)))


def test_what_the_list_bars_is_told_only_to_a_life_that_was_on_it(story_dir):
    story = load_story(story_dir(COURT, header=HEADER))
    listed = blacklist_text(story, 2)
    assert "What a listed person cannot do" in listed
    assert "What a listed person cannot do" not in blacklist_text(story, 1)


def test_the_blacklist_points_at_the_ledger_only_when_a_court_record_is_in_it(story_dir, story):
    court_story = load_story(story_dir(COURT, header=HEADER))
    assert "as your ledger shows where it did" in blacklist_text(court_story, 2)
    assert "though it counted none of yours" in blacklist_text(court_story, 1)
    quiet = text_of(doc.build(lived(story, read=False).debrief(), "Test"))
    assert "as your ledger shows where it did" not in quiet
    assert "though it counted none of yours" not in quiet
    assert "and no court recorded a judgment or order against you for it to count" in quiet

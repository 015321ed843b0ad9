"""What a class compares: a transcript heads each new day as the terminal does, sets out every
choice at a glance with what the record made of it, has a place for the student's name, and
carries a record a teacher's tools read back."""

from __future__ import annotations

from datetime import datetime

import pytest

from debrief_reading import PageReader
from game import transcript
from game.engine import Session, load_story
from game.transcript_choices import read_record
from game.transcript_html import html_page

WRITTEN = datetime(2025, 3, 12, 14, 32, 5)

LIFE = """
passages:
  start:
    day: 4
    text: The light at Chengshan Road turns amber.
    choices:
      - text: Brake.
        goto: office
      - text: Go through.
        goto: flash
  flash:
    text: Something blinks white on the pole.
    do:
      - record: {behaviour: ran_red_light, source: traffic_camera}
    goto: office
  office:
    text: Manager Tan chalks BLOOD BUS by the clock.
    choices:
      - text: Say you will give blood.
        goto: bus
      - text: Say nothing.
        goto: bus
  bus:
    day: 9
    text: A white bus with a red cross noses into the yard.
    choices:
      - text: Roll up your sleeve.
        do:
          - record: {behaviour: gave_blood, source: hospital}
        goto: purse
      - text: Walk past.
        goto: purse
  purse:
    text: A purse lies in a trolley.
    choices:
      - text: Run after the woman with it.
        do:
          - record: {behaviour: helped_stranger}
        goto: done
      - text: Leave it.
        goto: done
  done:
    day: 12
    city: nanjing
    text: Winter.
    ending: {title: A Winter, debrief: The ledger follows.}
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(LIFE))


def lived(story, *choices: int, seed: int = 41) -> Session:
    session = Session.new(story, seed=seed)
    for number in choices:
        session.choose(number)
    return session


def test_each_new_day_and_city_is_headed_as_the_terminal_heads_it(story):
    record = transcript.build(lived(story, 2, 1, 1, 1, 1), WRITTEN)
    assert [r.place for r in record.readings] == ["Day 4, Rongcheng", None, None, "Day 9, Rongcheng", None,
                                                  "Day 12, Nanjing"]
    text = transcript.markdown(record)
    assert "*— Day 4, Rongcheng —*" in text and "*— Day 12, Nanjing —*" in text
    page = PageReader(html_page(record))
    assert "— Day 9, Rongcheng —" in page.all_text


def test_every_choice_is_at_a_glance_with_what_the_record_made_of_it(story):
    record = transcript.build(lived(story, 2, 1, 1, 1, 1), WRITTEN)
    header, *rows = PageReader(html_page(record)).tables["glance"]
    assert header == ["No.", "Day", "You chose", "On the record"]
    assert rows == [
        # The camera's flash is recorded on the page the amber light led to: the light's doing.
        ["1", "Day 4", "Go through.", "Drove through a red light — Traffic cameras, −5"],
        ["2", "Day 4", "Say you will give blood.", "—"],
        ["3", "Day 9", "Roll up your sleeve.", "Gave blood — The hospital, +5"],
        ["4", "Day 9", "Run after the woman with it.", "Helped a stranger — nobody recorded it"],
    ]
    # The life marks each choice with the same number.
    assert PageReader(html_page(record)).choices[0] == "Go through."
    assert "You chose · 1" in html_page(record)
    assert "| 3 | Day 9 | Roll up your sleeve. | Gave blood — The hospital, +5 |" in transcript.markdown(record)


def test_a_student_s_name_heads_the_transcript_and_names_its_files_and_none_leaves_a_line(story):
    named = transcript.build(lived(story, 1), WRITTEN, name="  Anna   Lena Ó'Brien/3b ")
    assert dict(transcript.about_lines(named))["Student"] == "Anna Lena Ó'Brien/3b"
    assert transcript.file_stem(named) == "keeping-trust-20250312-143205-anna-lena-ó-brien-3b-seed-41"
    nameless = transcript.build(lived(story, 1), WRITTEN)
    assert set(dict(transcript.about_lines(nameless))["Student"]) == {"_"}
    assert transcript.file_stem(nameless) == "keeping-trust-20250312-143205-seed-41"


def test_the_record_a_transcript_ends_with_reads_back_from_either_file_and_cannot_break_the_page(story):
    session = lived(story, 2, 1, 1, 1, 2)
    record = transcript.build(session, WRITTEN, name="<b>Zoë</b> --> & co")
    for text in (html_page(record), transcript.markdown(record)):
        data = read_record(text)
        assert data["name"] == "<b>Zoë</b> --> & co" and data["seed"] == 41
        assert data["ending"] == "A Winter" and data["grade"] and isinstance(data["score"], int)
        assert [d["chosen"] for d in data["decisions"]] == ["Go through.", "Say you will give blood.",
                                                            "Roll up your sleeve.", "Leave it."]
        assert data["acts"] == ["gave_blood", "ran_red_light"]
    page = PageReader(html_page(record))
    assert "b" not in page.tags and "Zoë" in page.all_text


def test_a_transcript_without_a_record_reads_as_none():
    assert read_record("# An older transcript\n\nNo record here.\n") is None
    assert read_record("<!-- keeping-trust-record {not json} -->") is None

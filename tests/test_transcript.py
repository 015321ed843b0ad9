"""A transcript holds the life as it was read — every passage, every choice — and then the
debrief, with the seed and route that replay it; as HTML it is one inert, self-contained page."""

from __future__ import annotations

from datetime import datetime

import pytest

from debrief_reading import PageReader, document_strings, missing_in_order, normalised
from game import debrief_document as doc
from game import transcript
from game.transcript_files import write
from game.engine import Session, load_story
from game.terminal import debrief_lines
from game.transcript_html import html_page

WRITTEN = datetime(2025, 3, 12, 14, 32, 5)

LIFE = """
passages:
  start:
    day: 13
    text: |
      The light at Chengshan Road turns amber.

      The bus behind you honks.
    choices:
      - text: Brake.
        goto: bus
      - text: Go through.
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
        goto: bus
  bus:
    day: 20
    text: A white bus with a red cross noses into the yard.
    choices:
      - text: Roll up your sleeve.
        do:
          - record: {behaviour: gave_blood, source: hospital}
        goto: bill
      - text: Walk past.
        goto: bill
  bill:
    style: bill
    title: Rongcheng Heating Company
    text: |
      Heating, season     2,140.00
      Discount                0.00
    goto: letter
  letter:
    style: letter
    title: the bank
    speaker: Ms. Qu
    text: We are pleased to write to you.
    goto: done
  done:
    text: Winter.
    ending:
      title: A Winter
      debrief: The ledger follows.
      questions:
        - Which of these acts would you have guessed were counted?
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(LIFE))


def lived(story, *choices: int, seed: int = 41, route: str = "full") -> Session:
    session = Session.new(story, seed=seed, route=route)
    for number in choices:
        session.choose(number)
    return session


def finished(story) -> Session:
    session = lived(story, 2, 1, 1, 1)
    assert session.is_over
    return session


def test_every_passage_read_is_in_the_html_in_order(story):
    page = PageReader(html_page(transcript.build(finished(story), WRITTEN)))
    assert len(page.passages) == 5
    assert page.passages[0].startswith("The light at Chengshan Road turns amber. The bus behind you honks.")
    assert "A white bus with a red cross noses into the yard." in page.passages[1]
    assert page.passages[2].startswith("A bill: Rongcheng Heating Company")
    assert "Heating, season 2,140.00" in page.passages[2]
    assert page.passages[3].startswith("A letter from the bank We are pleased to write to you.")
    assert page.passages[3].endswith("— Ms. Qu")
    assert page.passages[4] == "Winter."


def test_every_choice_made_is_in_the_html_and_a_lone_continue_is_not(story):
    page = PageReader(html_page(transcript.build(finished(story), WRITTEN)))
    assert page.choices == ["Go through.", "Roll up your sleeve."]


def test_the_ledger_rows_are_the_documents_rows(story):
    page = PageReader(html_page(transcript.build(finished(story), WRITTEN)))
    header, *rows = page.tables["ledger"]
    assert header == ["Day", "What was recorded", "Reported by", "Points", "Total"]
    assert rows == [["Day 13", "Drove through a red light", "Traffic cameras", "−5", "995"],
                    ["Day 20", "Gave blood", "The hospital", "+5", "1,000"]]


def test_the_html_records_seed_route_and_the_command_that_replays_it(story):
    session = lived(story, 1, 2, 1, 1, seed=90210, route="full")
    page = PageReader(html_page(transcript.build(session, WRITTEN)))
    assert "Seed 90210" in page.all_text
    assert "python main.py --class --seed 90210" in page.all_text
    assert "the full season" in page.all_text
    assert "2025-03-12 14:32" in page.all_text


def test_a_short_route_transcript_replays_the_short_route(story):
    # This story has no short route of its own: the transcript is told it was one.
    import dataclasses

    written = dataclasses.replace(transcript.build(finished(story), WRITTEN), route="short")
    about = dict(transcript.about_lines(written))
    assert about["Play the same world"] == "python main.py --class --short --seed 41"
    assert about["Route"] == "the short route"


def test_an_installed_game_names_the_installed_command(story, monkeypatch):
    from game import shipped

    monkeypatch.setattr(shipped, "is_packaged", lambda: True)
    about = dict(transcript.about_lines(transcript.build(finished(story), WRITTEN)))
    assert about["Play the same world"] == "keeping-trust --class --seed 41"


def test_the_html_needs_no_network_and_prints_to_a4(story):
    html = html_page(transcript.build(finished(story), WRITTEN))
    page = PageReader(html)
    assert not any(tag in page.tags for tag in ("script", "link", "img", "iframe", "object"))
    assert not [value for name, value in page.attributes if name in ("src", "href")]
    assert 'name="viewport"' in html
    assert "@page { size: A4" in html and "@media print" in html
    assert "break-before: page" in html     # the debrief begins on a page of its own


def test_a_story_that_writes_markup_shows_it_as_text(story_dir):
    hostile = load_story(story_dir("""
        passages:
          start:
            title: "<b>Bold</b> title"
            text: "<script>alert('ledger')</script> & <img src=x onerror=alert(1)>"
            choices:
              - text: "</p><script>steal()</script>"
                do:
                  - record: {behaviour: gave_blood, source: hospital}
                goto: done
          done:
            text: End.
            ending:
              title: "<script>end()</script>"
              debrief: "*not emphasis* [not a link](http://x)"
        """))
    session = lived(hostile, 1)
    record = transcript.build(session, WRITTEN)
    page = PageReader(html_page(record))
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert "<script>alert(‘ledger’)</script> & <img src=x onerror=alert(1)>" in page.passages[0]
    assert page.choices == ["</p><script>steal()</script>"]
    assert "<script>end()</script>" in page.all_text
    markdown = transcript.markdown(record)
    assert "\\<script\\>alert" in markdown and "<script>" not in markdown
    assert "\\*not emphasis\\* \\[not a link\\](http://x)" in markdown


def test_markdown_holds_the_life_the_choices_and_the_ledger(story):
    text = transcript.markdown(transcript.build(finished(story), WRITTEN))
    assert "- **Seed:** 41" in text
    assert "- **Play the same world:** `python main.py --class --seed 41`" in text
    assert "The light at Chengshan Road turns amber.\n\nThe bus behind you honks." in text
    assert "> **You chose (choice 1):** Go through." in text
    assert "> **You chose (choice 2):** Roll up your sleeve." in text
    assert "Continue" not in text
    # A bill keeps its lines: Markdown's hard break ends each one.
    assert "Heating, season     2,140.00\\\nDiscount                0.00" in text
    assert "| Day 13 | Drove through a red light | Traffic cameras | −5 | 995 |" in text
    assert "| Day 20 | Gave blood | The hospital | +5 | 1,000 |" in text
    assert "1. Which of these acts would you have guessed were counted?" in text


def test_a_game_stopped_before_its_end_has_its_pages_and_no_debrief(story):
    record = transcript.build(lived(story, 1), WRITTEN)
    assert record.debrief is None
    page = PageReader(html_page(record))
    assert len(page.passages) == 2 and page.choices == ["Brake."]
    assert "ledger" not in page.tables
    assert "stopped before its ending" in page.all_text
    assert "*The game was stopped before its ending, so there is no debrief.*" in transcript.markdown(record)


def test_html_markdown_and_terminal_say_the_same_debrief(story):
    session = finished(story)
    document = doc.build(session.debrief(), story.title)
    expected = document_strings(document)
    record = transcript.build(session, WRITTEN)
    assert missing_in_order(expected, PageReader(html_page(record)).all_text) == []
    terminal = "\n".join(debrief_lines(session.debrief(), width=1000))
    assert missing_in_order(expected, terminal) == []
    # Markdown escapes what a story could use as markup; read back, it says the same.
    markdown = transcript.markdown(record).replace("\\", "")
    assert missing_in_order(expected, markdown) == []


def test_the_comparison_with_another_city_is_in_the_transcript(story):
    page = PageReader(html_page(transcript.build(finished(story), WRITTEN)))
    header, *rows = page.tables["compare"]
    assert header == ["Day", "What was recorded", "Rongcheng", "Nanjing"]
    assert ["Day 13", "Drove through a red light", "−5", "not counted"] in rows
    assert ["Day 20", "Gave blood", "+5", "+20"] in rows


@pytest.mark.parametrize("name, written", [
    ("life.html", ["life.html"]), ("life.HTM", ["life.HTM"]), ("life.md", ["life.md"]),
    ("life", ["life.html", "life.md"]), ("class-3b.life", ["class-3b.life.html", "class-3b.life.md"]),
])
def test_the_file_name_decides_html_markdown_or_both(story, tmp_path, name, written):
    paths = write(transcript.build(finished(story), WRITTEN), tmp_path / "out" / name)
    assert [p.name for p in paths] == written
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(written)   # no temporary left
    for path in paths:
        body = path.read_text(encoding="utf-8")
        assert "Drove through a red light" in body and "Seed" in body


def test_a_file_name_tells_time_and_seed_and_no_one_apart(story):
    record = transcript.build(lived(story, 1, seed=7), WRITTEN)
    assert transcript.file_stem(record) == "keeping-trust-20250312-143205-seed-7"


def test_normalising_drops_only_what_front_ends_set_differently():
    assert normalised("Started at 1,000 — −5 since the start") == "started at 1000 -- -5 since the start"
    assert normalised("‘Yes,’ she says") == "'yes,' she says"


def test_play_text_writes_the_transcript_it_was_asked_for(story_dir, tmp_path, monkeypatch, capsys):
    import io

    from game.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("2\n1\n\n\n3\n4\n4\n"))
    target = tmp_path / "class" / "anna.html"
    assert main(["play", "--text", "--story", str(story_dir(LIFE)), "--seed", "77", "--transcript", str(target)]) == 0
    assert str(target) in capsys.readouterr().err
    page = PageReader(target.read_text(encoding="utf-8"))
    assert page.choices == ["Go through.", "Roll up your sleeve."]
    assert "Seed 77" in page.all_text and page.tables["ledger"][1][1] == "Drove through a red light"


def test_a_game_stopped_in_the_terminal_still_leaves_its_transcript(story_dir, tmp_path, monkeypatch):
    import io

    from game.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("1\nq\n"))
    assert main(["play", "--text", "--story", str(story_dir(LIFE)), "--transcript", str(tmp_path / "t.md")]) == 1
    text = (tmp_path / "t.md").read_text(encoding="utf-8")
    assert "> **You chose (choice 1):** Brake." in text and "stopped before its ending" in text


def test_the_seed_and_class_mode_are_taken_before_any_command():
    from game.cli import build_parser

    args = build_parser().parse_args(["--class", "--seed", "2024"])
    assert args.class_mode and args.seed == 2024 and args.command is None
    assert build_parser().parse_args(["--seed", "9", "play", "--text"]).seed == 9
    assert build_parser().parse_args(["play", "--text", "--seed", "9"]).seed == 9
    assert build_parser().parse_args(["play", "--text"]).seed is None

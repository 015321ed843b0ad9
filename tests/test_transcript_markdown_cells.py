"""The Markdown transcript keeps its shape whatever a story's labels and titles hold: a line
break, a ``#``, a pipe or a tag written into a behaviour's label, an ending's title or a choice
never makes a heading, ends a table row, adds a column or becomes markup.  Checked by reading
the Markdown back as CommonMark/GFM would: its headings, and the cells of each table row."""

from __future__ import annotations

import re

from game import transcript
from game.engine import Session, load_story

FORGED = "# INJECTED heading"
LABEL = f"Drove through a red light\\n{FORGED}\\n| x | y | z |\\n<b>bold</b> \\\\| `tick`\\n## also"

LIFE = """
passages:
  start:
    text: The light at Chengshan Road turns amber.
    choices:
      - text: "Go through.\\n%(forged)s"
        do:
          - record: {behaviour: ran_red_light, source: traffic_camera}
        goto: end
  end:
    text: Winter.
    ending: {title: "A Winter\\n%(forged)s", debrief: The camera saw you.}
""" % {"forged": FORGED}

#: An ATX heading: up to three spaces, one to six #, then a space or the line's end.
HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")


def written_markdown(story_dir) -> str:
    folder = story_dir(LIFE)
    rules = (folder / "rules.yaml").read_text(encoding="utf-8")
    (folder / "rules.yaml").write_text(
        rules.replace("{label: Drove through a red light}", '{label: "%s"}' % LABEL), encoding="utf-8")
    story = load_story(folder)
    session = Session.new(story, seed=1)
    session.choose(1)
    assert session.is_over
    return transcript.markdown(transcript.build(session))


def cells(row: str) -> list[str]:
    """A GFM table row split at its unescaped pipes."""
    inner = row.strip()[1:-1] if row.strip().endswith("|") else row.strip()[1:]
    return re.split(r"(?<!\\)\|", inner)


def tables(markdown: str) -> list[list[str]]:
    found, current = [], []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            found.append(current)
            current = []
    return found


def test_a_label_or_title_with_line_breaks_makes_no_heading(story_dir):
    markdown = written_markdown(story_dir)
    headings = [line for line in markdown.splitlines() if HEADING.match(line)]
    assert headings, "the transcript has its own headings"
    # A title may be quoted inside a heading of the transcript's own, but never heads one.
    assert not [h for h in headings if h.lstrip(" #").startswith(("INJECTED", "also"))], headings
    # What was written is all there, on the line it belongs to.
    assert markdown.count("INJECTED heading") >= 3


def test_every_table_row_has_as_many_cells_as_its_header(story_dir):
    markdown = written_markdown(story_dir)
    found = tables(markdown)
    assert found, "the debrief has its ledger table"
    for table in found:
        width = len(cells(table[0]))
        assert all(len(cells(row)) == width for row in table), table
    ledger_rows = [row for table in found for row in table if "Drove through a red light" in row]
    assert ledger_rows and all("INJECTED heading" in row for row in ledger_rows)


def test_markup_in_a_cell_shows_as_the_characters_written(story_dir):
    markdown = written_markdown(story_dir)
    row = next(row for table in tables(markdown) for row in table if "Drove through" in row)
    assert "<b>" not in row and "\\<b\\>" in row
    assert "\\`tick\\`" in row

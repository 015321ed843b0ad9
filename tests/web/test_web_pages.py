"""What the browser shows, written as HTML in Python: each passage style as markup a screen
reader reads natively, and nothing a story says ever becoming markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from game import debrief_document as doc
from game.engine.passage_words import STYLES
from game.engine.session import HistoryEntry
from game.typography import typographic
from game.web import pages
from helpers import page_of, random_life

HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script> & "quoted" \'single\' </article>'


class Elements(HTMLParser):
    """Every start tag of a fragment, with its attributes, and the text between them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]


@pytest.mark.parametrize("style", STYLES)
def test_no_story_text_becomes_markup_in_any_style(style):
    page = page_of(style, f"{HOSTILE}\n{HOSTILE}\n\n{HOSTILE}", speaker=HOSTILE, title=HOSTILE)
    found = Elements(pages.page_html(page))
    assert "img" not in found.names() and "script" not in found.names()
    assert all(not any(name.startswith("on") for name in attrs) for _, attrs in found.tags)
    assert "<script>alert(2)</script>" in "".join(found.text)


def test_an_ending_title_and_a_chosen_line_are_text_too():
    html = pages.reading_html("narration", None, None, "Words.", ending_title=HOSTILE, chosen=HOSTILE)
    assert "img" not in Elements(html).names()
    assert "<script>" not in html


def test_a_letter_is_headed_by_what_it_is_and_signed_at_its_foot():
    html = pages.page_html(page_of("letter", "Dear resident,\n\nPay.", speaker="Loan Recovery Section",
                                   title="Rongcheng Rural Commercial Bank"))
    found = Elements(html)
    assert found.tags[1] == ("h2", {"class": "heading"})
    assert "A letter from Rongcheng Rural Commercial Bank" in found.text
    assert "— Loan Recovery Section" in found.text


def test_a_scene_without_a_heading_is_headed_for_screen_readers_by_its_day_and_city():
    found = Elements(pages.page_html(page_of("narration", "The light turns amber.")))
    assert ("h2", {"class": "visually-hidden"}) in found.tags
    assert "Day 9 · Rongcheng" in found.text


def test_a_notices_lines_are_a_list_a_screen_reader_counts():
    html = pages.page_html(page_of("notice", "Block 3\nWater off on Tuesday\nBring buckets", title="Notice"))
    found = Elements(html)
    assert found.names().count("li") == 3 and "ul" in found.names()


def test_a_bills_rows_say_what_and_how_much_apart():
    html = pages.page_html(page_of("bill", "CHARGES\nBasic charge ........ 570.40\nPenalty ........ 1,000.00"))
    found = Elements(html)
    assert ("li", {"class": "row"}) in found.tags
    assert ["Basic charge", "570.40"] == [t for t in found.text if t.strip()][2:4]


def test_a_bills_rows_written_as_paragraphs_of_their_own_are_one_list():
    html = pages.page_html(page_of("bill", "CHARGES\nBasic charge ........ 570.40\n\nPenalty ........ 1,000.00\n\n"
                                           "Under the quilt you sleep in socks."))
    found = Elements(html)
    assert found.names().count("ul") == 1 and found.names().count("li") == 3
    assert "<p>" not in html and '<p class="line">Under the quilt you sleep in socks.</p>' in html


def test_prose_is_joined_and_quotes_are_set_as_print_sets_them():
    html = pages.page_html(page_of("narration", "'Permanent employment,' she says,\nlooking away."))
    assert "<p>‘Permanent employment,’ she says, looking away.</p>" in html


def test_a_dialogue_that_opens_with_its_speaker_names_them():
    found = Elements(pages.page_html(page_of("dialogue", "'Tea?' she asks.", speaker="Mrs. Song")))
    assert "Mrs. Song" in found.text


def test_the_history_lists_each_passage_with_the_choice_made_where_there_was_one():
    entries = [HistoryEntry("a", "narration", None, None, "First.", "Brake."),
               HistoryEntry("b", "narration", None, None, "Second.", "Continue")]
    html = pages.history_html(entries, [True, False])
    assert html.startswith('<ol class="history">') and html.count("<li>") == 2
    assert "Brake." in html and "Continue" not in html


def test_the_debrief_is_the_one_document_with_its_answer_first(shipped_story):
    life = random_life(shipped_story, 4, "short")
    for question in ("counting", "reporters", "standing"):
        life.guess(question, "unsure")
    document = doc.build(life.debrief(), shipped_story.title)
    answer, rest, headings = pages.debrief_html(document)
    assert Elements(answer).names()[:3] == ["section", "p", "h2"]
    assert headings == [typographic(s.heading) for s in document.sections[1:]]
    assert all(f"<h2>{s.heading}" in rest.replace("&#x27;", "'") for s in document.sections[1:])
    assert "<table" in rest and "<h3>" in rest

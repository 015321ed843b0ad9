"""A passage's pages break where a reader would: a page that stops short stops where a
sentence or a bill's row ends, the last page is never a line alone above the choices, a bill's
amounts stay on their labels' lines, the page number is on every page and never on the paper,
and the text keeps one left margin from narration to speech."""

from __future__ import annotations

import re

import pygame
import pytest

from helpers import page_of
from game.engine import ChoiceView, Page, Session
from game.tools.explore import picker_for
from game.ui.layout import Line, block_height, layout, leader_row, may_break_before, paginate
from game.ui.scenes.play import PlayScene
from passage_pages import StillSession, broken_page_rules


def measure(s: str) -> int:
    return 10 * len(s)


def sentences(*counts: int) -> str:
    """Paragraphs of lines 60 px wide at the fake measure; a line ends a sentence only where a
    count says so (the paragraph's last line always does)."""
    return "\n\n".join(" ".join(f"w{p}x{n}" + ("." if n == count - 1 else "") for n in range(count))
                       for p, count in enumerate(counts))


def test_a_passage_too_long_to_share_a_page_with_its_choices_never_stops_mid_sentence():
    # A sentence to a paragraph, then one long sentence of five lines: everything fits one
    # page, but not beside the choices, and no line of the long one ends a sentence.
    lines = layout(sentences(1, 5), measure, 60)
    pages = paginate(lines, 30, 12, 8 * 30 + 12, last_page_reserve=3 * 30)
    assert pages == [lines, []]                           # the choices stand alone
    assert broken_page_rules(lines, pages, 30, 12, 8 * 30 + 12, 3 * 30) == []


def test_a_page_that_stops_short_of_its_choices_stops_where_a_sentence_ends():
    text = "One two. Three four five six. Seven eight nine ten eleven twelve thirteen."
    lines = layout(text, measure, 110)
    assert may_break_before(lines, 1) and not may_break_before(lines, 2)
    pages = paginate(lines, 30, 0, 8 * 30, last_page_reserve=5 * 30)
    assert len(pages) == 2 and may_break_before(lines, len(pages[0]))
    assert pages[0][-1].text.endswith(".")


def test_the_last_page_above_the_choices_is_never_one_line_alone():
    # A bill whose total runs over: it takes rows from the page before rather than stand alone.
    rows = "\n".join(f"Item {n} ........ {n},00{n}.00" for n in range(12))
    lines = layout(rows + "\n\nAMOUNT DUE ........ 1,768.00 yuan", measure, 400, keep_newlines=True)
    pages = paginate(lines, 30, 12, 12 * 30 + 12, last_page_reserve=4 * 30)
    assert len(pages[-1]) != 1 and len([line for page in pages for line in page]) == 13
    assert pages[-1] and pages[-1][-1].text.startswith("AMOUNT DUE")


def test_a_bills_dot_leaders_shrink_so_each_amount_stays_on_its_labels_line():
    row = "Basic charge (68 m2 at 9.20) ................................ 625.60"
    assert leader_row(row, measure, 700) == [row]
    narrow, = leader_row(row, measure, 420)
    assert narrow.startswith("Basic charge (68 m2 at 9.20) ...") and narrow.endswith(" 625.60")
    assert measure(narrow) <= 420 < measure(narrow) + measure(".")      # as many dots as fit
    long_label = leader_row("Assessed consumption and penalty (unauthorised connection) ..... 2,480.00",
                            measure, 420)
    assert long_label[-1].endswith(" 2,480.00") and "...." in long_label[-1]
    assert all(measure(line) <= 420 for line in long_label)
    assert leader_row("No leader here", measure, 50) is None


def test_every_page_of_a_long_passage_says_which_it_is_and_the_number_is_off_the_paper(make_app):
    app = make_app(size=(1024, 600), text_scale=2.0)
    clauses = "\n\n".join(f"Article {n}. The Company may inspect the meter and record what it finds."
                          for n in range(1, 12))
    scene = PlayScene(app, StillSession(page_of("document", clauses, title="TERMS")))
    app.start(scene)
    app.step(0)
    total = len(scene.reading.pages)
    assert total > 1
    for number in range(total):
        drawn: list[tuple[str, pygame.Rect]] = []
        original = app.text.draw

        def record(surface, text, role, size, colour, pos, anchor="topleft"):
            rect = original(surface, text, role, size, colour, pos, anchor)
            drawn.append((text, rect))
            return rect

        app.text.draw = record
        try:
            scene.reading.page_index = number
            scene.reading.show_page()
            scene.draw(app.surface)
        finally:
            app.text.draw = original
        folio = [rect for text, rect in drawn if text == f"{number + 1} / {total}"]
        assert folio, f"page {number + 1} has no page number"
        lines = scene.reading.pages[number]
        paper_bottom = scene.content.y + scene.border.height(block_height(lines, scene.border.line_h,
                                                                          scene.border.gap), number == 0)
        assert folio[0].top >= paper_bottom, f"the number of page {number + 1} is on the paper"


def test_narration_and_speech_start_at_the_same_left_margin(make_app):
    app = make_app(size=(1280, 720))
    lefts = []
    for style in ("narration", "dialogue"):
        scene = PlayScene(app, StillSession(page_of(style, "She looks up.\n\n'Sit down,' she says.",
                                                    speaker="Liu Fang")))
        app.start(scene)
        app.step(0)
        lefts.append(scene.border.text_origin(scene.content.y)[0])
    assert lefts[0] == lefts[1]


def test_the_speech_bar_ends_where_the_speech_does(make_app):
    app = make_app(size=(1280, 720))
    text = ("'Someone's pulling his drip out.' She rings off before you can say goodbye. Ten minutes "
            "later Mother texts: Jing has rung. Jing is very bossy. She texts again at midnight, and "
            "again at one, and by two you have stopped reading them.")
    scene = PlayScene(app, StillSession(page_of("dialogue", text, speaker="Jing")))
    app.start(scene)
    app.step(0)
    f, lines = scene.border, scene.reading.pages[0]
    assert len(lines) >= 2
    (top, height), = f.speech_bars(lines)
    assert height == f.line_h                              # the speech, not the narration after it


#: A line holding nothing but (a leader and) an amount: a bill's row whose amount wrapped.
AMOUNT_ALONE = re.compile(r"^[.…\s]*[-−–]?[\d,]+(\.\d+)?( yuan)?$")

#: Lives played to their endings, and windows they are read in: a small desktop's window at
#: 100% and a laptop's at 200%.
LIVES = [(1, "full"), (2, "full"), (5, "short"), (8, "short")]


@pytest.mark.parametrize("size, scale", [((1152, 720), 1.0), ((1024, 600), 2.0), ((1280, 720), 2.0)],
                         ids=["1152x720-100%", "1024x600-200%", "1280x720-200%"])
def test_the_pages_of_real_lives_never_stop_mid_sentence_a_quarter_empty_nor_end_on_one_line(
        make_app, shipped_story, size, scale):
    app = make_app(size=size, story=shipped_story, text_scale=scale)
    seen: dict[tuple, Page] = {}
    for seed, route in LIVES:
        session = Session.new(shipped_story, seed=seed, route=route)
        picker = picker_for(seed)
        while True:
            page = session.page
            seen.setdefault((page.passage_id, page.text, page.choices), page)
            if session.is_over:
                break
            session.choose(picker.choice(page.choices).number)
    for page in seen.values():
        scene = PlayScene(app, StillSession(page))
        app.start(scene)
        scene.ensure_layout()
        f, pages = scene.border, scene.reading.pages
        lines = [line for p in pages for line in p]
        reserve = 0 if not pages[-1] else sum(b.rect.height for b in scene.choices.buttons)
        broken = [rule for rule in broken_page_rules(lines, pages, f.line_h, f.gap, scene.content.height - scene.page_view.room,
                                                     reserve) if "room for the choices" not in rule]
        assert not broken, (page.passage_id, broken)
        text_pages = [p for p in pages if p]
        if len(text_pages) > 1 and not f.signed:
            assert len(text_pages[-1]) > 1, (page.passage_id, "its last page is one line")
        if page.style == "bill":
            rows = [line for line in lines if line.row]
            wrapped_amounts = [line.text for line in lines if not line.row and AMOUNT_ALONE.match(line.text)]
            assert rows and not wrapped_amounts, (page.passage_id, wrapped_amounts)


def test_a_choice_page_number_uses_the_pages_strip_not_the_choices_room(make_app):
    app = make_app(size=(1280, 720))
    page = Page(passage_id="p", style="narration", speaker=None, title=None, text="Short.",
                choices=tuple(ChoiceView(n, f"Choice {n}") for n in range(1, 4)), day=1, city="rongcheng",
                city_name="Rongcheng", is_ending=False, ending_title=None)
    scene = PlayScene(app, StillSession(page))
    app.start(scene)
    app.step(0)
    assert all(b.rect.bottom <= scene.content.bottom for b in scene.choices.buttons)
    assert scene.content.bottom < app.size[1] - app.metrics.margin - app.metrics.small_line + 1


def test_lines_remember_the_rows_a_writer_wrote():
    lines = layout("Name: ____\nA very long row that wraps onto a second line here", measure, 200,
                   keep_newlines=True)
    assert [line.row for line in lines] == [True, True, False, False]
    assert Line("x", 0, True).row is False


@pytest.mark.parametrize("size, scale, spacing", [((1280, 720), 1.0, 2.0), ((1024, 600), 1.5, 1.5),
                                                   ((1920, 1080), 1.5, 2.0), ((1024, 600), 1.0, 1.75)])
def test_no_page_of_the_credits_is_a_line_alone_at_any_line_spacing(make_app, size, scale, spacing):
    from game.ui.scenes.credits import CreditsScene

    app = make_app(size=size, text_scale=scale, line_spacing=spacing)
    credits = CreditsScene(app)
    app.start(credits)
    app.step(0)
    assert all(len(page) >= 3 for page in credits.pages), [len(page) for page in credits.pages]


def test_a_count_stays_on_the_line_of_what_it_counts():
    row = "Saturday · departs 07:48 · second class · 1 adult"
    lines = layout(row, measure, measure(row) - 30, keep_newlines=True)
    assert lines[-1].text == "1 adult" and not lines[0].text.endswith(" 1")

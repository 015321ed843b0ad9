"""The debrief's pages break where a reader would: no page but the last holds a scrap of a
line or two, no page opens in the middle of a sentence while the page before had room for it,
and the contents and each page's foot name the same sections."""

from __future__ import annotations

import pytest

from helpers import auto_life
from game.ui.debrief_pages import Piece
from game.ui.layout import KEEP_TOGETHER, SHORTEST_PAGE, paginate_pieces
from game.ui.scene import Push
from game.ui.scenes.debrief import ContentsScene, DebriefScene

#: A full life and a short one whose debriefs run to many pages, and the windows the debrief
#: is read in: the smallest with the largest text, the default, and the largest.
LIVES = [(0, "full"), (430, "full"), (3, "short"), (87, "short")]
WINDOWS = [pytest.param((1024, 600), 2.0, id="1024x600-200%"),
           pytest.param((1280, 720), 1.0, id="1280x720-100%"),
           pytest.param((1280, 720), 2.0, id="1280x720-200%", marks=pytest.mark.slow),
           pytest.param((1920, 1080), 1.0, id="1920x1080-100%"),
           pytest.param((1920, 1080), 2.0, id="1920x1080-200%", marks=pytest.mark.slow),
           pytest.param((1024, 600), 1.0, id="1024x600-100%", marks=pytest.mark.slow)]


def page_faults(pages: list[list[tuple[Piece, int]]], room: int) -> list[str]:
    """Every way ``pages`` break where no reader would; empty when they read right."""
    faults = []
    for number, page in enumerate(pages[:-1], 1):
        lines = sum(piece.lines for piece, _ in page)
        if lines < SHORTEST_PAGE:
            faults.append(f"page {number} holds {lines} line(s)")
    for number, (before, page) in enumerate(zip(pages, pages[1:]), 2):
        first = page[0][0]
        last, y = before[-1]
        if first.block is None or first.block != last.block or last.ends_sentence:
            continue
        run = [piece for piece, _ in page[:next((i for i, (p, _) in enumerate(page) if p.block != first.block),
                                                len(page))]]
        room_left = room - (y + last.height)
        # Taking its first line back would be room used, unless it left one line alone here
        # (a paragraph's last line never stands alone: two go back, or none).
        if first.height <= room_left and (len(run) != KEEP_TOGETHER or sum(p.height for p in run) <= room_left):
            faults.append(f"page {number} opens mid-sentence ({first.data[3]!r}) though page {number - 1} "
                          "had room for it")
    return faults


@pytest.fixture(scope="module")
def lives(shipped_story):
    return {f"{route} {seed}": auto_life(shipped_story, seed, route) for seed, route in LIVES}


@pytest.mark.parametrize("size, scale", WINDOWS)
def test_no_page_is_a_scrap_and_none_opens_mid_sentence_after_room(make_app, shipped_story, lives, size, scale):
    app = make_app(size=size, story=shipped_story, text_scale=scale)
    for name, life in lives.items():
        scene = DebriefScene(app, life, again=True)
        app.start(scene)
        app.step(0)
        assert not page_faults(scene.pages, scene.content.height), f"{name} at {size} {scale:.0%}"


@pytest.mark.parametrize("size, scale", WINDOWS)
def test_the_contents_page_of_a_section_names_it_at_its_foot(make_app, shipped_story, lives, size, scale):
    app = make_app(size=size, story=shipped_story, text_scale=scale)
    for name, life in lives.items():
        scene = DebriefScene(app, life, again=True)
        app.start(scene)
        app.step(0)
        for section, page in scene.section_pages.items():
            title = scene.document.sections[section].title
            assert title in scene.page_titles(page), f"{name}: {title} is on page {page + 1}"


def line(block: int, ends: bool = False, **kw) -> Piece:
    return Piece("text", 30, ("serif", 20, "body", "words", 0), block=block, flows=True, ends_sentence=ends, **kw)


def test_a_paragraph_that_would_leave_one_line_over_moves_whole_to_the_next_page():
    before = [line(0, True) for _ in range(7)]
    paragraph = [line(1), line(1), line(1, True)]
    pages = paginate_pieces([*before, *paragraph], room=270)        # nine lines of 30 fit
    assert [[p for p, _ in page] for page in pages] == [before, paragraph]


def test_a_page_that_stops_short_stops_where_a_sentence_ends():
    before = [line(0, True) for _ in range(6)]
    paragraph = [line(1), line(1, True), line(1), line(1), line(1, True)]
    pages = paginate_pieces([*before, *paragraph], room=300)       # ten lines fit: four of it
    assert [p for p, _ in pages[1]] == paragraph[2:]
    unbroken = [line(2) for _ in range(4)] + [line(2, True)]
    pages = paginate_pieces([*before, *unbroken], room=300)
    assert [p for p, _ in pages[1]] == unbroken
    longer = [line(3) for _ in range(5)] + [line(3, True)]
    pages = paginate_pieces([*before, *longer, *[line(4, True) for _ in range(3)]], room=300)
    assert [p for p, _ in pages[1]][:2] == longer[4:]        # a full page: it runs on from there


def test_the_last_page_of_a_section_is_never_one_item_alone():
    items = [line(n, True) for n in range(11)]
    after = Piece("text", 30, keep=True, new_page=True)
    pages = paginate_pieces([*items, after, Piece("text", 30)], room=300)
    counts = [len(page) for page in pages]
    assert counts[1] >= SHORTEST_PAGE and counts[0] + counts[1] == 11


def test_the_contents_never_run_into_each_other_or_off_the_window(make_app, shipped_story, lives):
    for size in ((1024, 600), (1280, 720), (1920, 1080)):
        app = make_app(size=size, story=shipped_story, text_scale=2.0)
        scene = DebriefScene(app, lives["full 0"], again=True)
        app.start(scene)
        app.step(0)
        contents = ContentsScene(app, scene)
        app.apply(Push(contents))
        app.step(0)
        rects = [b.rect for b in contents.focus.buttons]
        window = app.surface.get_rect()
        for i, rect in enumerate(rects):
            assert window.contains(rect) and contents.box.contains(rect), size
            assert rect.collidelist(rects[:i] + rects[i + 1:]) == -1, f"{size}: button {i + 1} overlaps another"


def test_a_tables_last_row_never_runs_on_to_a_page_alone():
    head = Piece("table_head", 30, keep=True)
    rows = [Piece("row", 30, head=head) for _ in range(10)]
    after = [Piece("text", 30, block=100 + n, flows=True, ends_sentence=True) for n in range(2)]
    pages = paginate_pieces([head, *rows, *after], room=300)             # ten pieces to a page
    last_rows = [p for p, _ in pages[1] if p.kind == "row"]
    assert len(last_rows) == 2 and pages[1][0][0] is head

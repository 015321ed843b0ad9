"""The debrief on screen: it reads right at every size, it is legible on a projector, and no
single key skips it."""

from __future__ import annotations

import warnings

import pygame
import pytest

import ui_driver as d
from helpers import auto_life
from game.engine import Session
from game.tools.explore import explore
from game.ui.debrief_pages import MIN_TEXT_PX, Piece
from game.ui.layout import paginate_pieces
from game.ui.scenes.debrief import INKS, DebriefScene
from game.ui.theme import HIGH_CONTRAST, NORMAL

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]
SCALES = [1.0, 2.0]
#: The quick loop lays every ending out at the two ends of the range: the smallest window with
#: the largest text (the most pages, the tightest tables) and the largest with 100% text; the
#: full run lays them out at every size and scale.
QUICK = {((1024, 600), 2.0), ((1920, 1080), 1.0)}


def every_size_and_scale():
    return [pytest.param(size, scale, id=f"{round(scale * 100)}%-{size[0]}x{size[1]}",
                         marks=() if (size, scale) in QUICK else pytest.mark.slow)
            for scale in SCALES for size in SIZES]


#: A seed and route that reach each ending of the shipped story, as ``explore`` first met
#: them: the quick loop plays these thirteen lives rather than the fifteen hundred a search
#: from seed 0 needs to meet the rarest ending.  A hint the story no longer bears out (a writer
#: changed the way there) is searched for again, and the fixture says which to write here.
ENDING_SEEDS = {
    "end_nanjing": (0, "full"),
    "short_end_ordinary": (3, "short"),
    "end_quiet_winter": (5, "full"),
    "end_cold_rooms": (17, "full"),
    "short_end_paid": (19, "short"),
    "end_model_household": (29, "full"),
    "end_warning": (32, "full"),
    "short_end_listed": (51, "short"),
    "end_the_notebook": (84, "full"),
    "end_paid_in_full": (218, "full"),
    "end_the_list": (430, "full"),
    "short_end_warm": (1227, "short"),
    "end_key_supervision": (1965, "full"),
}


@pytest.fixture(scope="module")
def every_ending(shipped_story):
    """One finished life per ending of the shipped story: the known seeds first, then seeded
    random lives for any ending they no longer reach."""
    endings = {pid for pid, p in shipped_story.passages.items() if p.ending}
    lives: dict[str, Session] = {}
    for seed, route in ENDING_SEEDS.values():
        life = auto_life(shipped_story, seed, route)
        lives.setdefault(life.position, life)
    found = {ending: (life.seed, life.route) for ending, life in lives.items()}
    start = 0
    while not endings <= set(found) and start < 20000:
        report = explore(shipped_story, runs=500, seed=start)
        for ending, first in report.first_seed.items():
            found.setdefault(ending, first)
        start += 500
    assert endings <= set(found), f"no seed reached {sorted(endings - set(found))}"
    searched = sorted(set(found) - set(lives))
    if searched:
        warnings.warn(f"ENDING_SEEDS misses {searched}: found at {[found[e] for e in searched]}")
    return {ending: lives.get(ending) or auto_life(shipped_story, *found[ending]) for ending in sorted(endings)}


def drawn(app, scene: DebriefScene, page: int) -> list[tuple[str, pygame.Rect]]:
    """Every string the page draws, with where it landed."""
    strings: list[tuple[str, pygame.Rect]] = []
    original = app.text.draw

    def record(surface, text, role, size, colour, pos, anchor="topleft"):
        rect = original(surface, text, role, size, colour, pos, anchor)
        strings.append((text, rect))
        return rect

    app.text.draw = record
    try:
        scene.page = page
        scene.draw(app.surface)
    finally:
        app.text.draw = original
    return strings


@pytest.mark.parametrize("size, scale", every_size_and_scale())
def test_every_ending_fits_its_pages(make_app, shipped_story, every_ending, size, scale):
    app = make_app(size=size, story=shipped_story, text_scale=scale)
    for ending, session in every_ending.items():
        scene = DebriefScene(app, session, again=True)
        app.start(scene)
        app.step(0)
        for number, page in enumerate(scene.pages):
            where = f"{ending} page {number + 1} at {size} {scale:.0%}"
            pieces = [piece for piece, _ in page]
            assert not pieces[-1].keep or all(p.keep for p in pieces), f"{where} ends on a heading"
            for text, rect in drawn(app, scene, number):
                if rect.top >= scene.sheet.bottom:
                    continue                                  # the buttons under the paper
                if rect.bottom > scene.content.bottom:
                    assert rect.top >= scene.content.bottom and text.endswith(f"{number + 1} / {len(scene.pages)}"), \
                        f"{where}: {text!r} runs into the footer"
                assert scene.sheet.contains(rect), f"{where}: {text!r} is drawn off the paper"
            for piece in pieces:
                if piece.kind == "table_head":
                    layout, heads = piece.data
                    assert sum(layout.widths) <= scene.content.width, where
                    assert [" ".join(lines) for lines in heads] == [c.title for c in layout.columns], \
                        f"{where}: a table header is cut"


def test_a_paragraph_taller_than_a_page_runs_on_by_line():
    lines = [Piece("text", 30) for _ in range(25)]
    pages = paginate_pieces([Piece("text", 30, keep=True), *lines], room=300)
    assert [len(p) for p in pages] == [10, 10, 6]
    assert all(y + piece.height <= 300 for page in pages for piece, y in page)


def test_a_heading_goes_over_with_its_first_line():
    body = [Piece("text", 40) for _ in range(6)]
    heading = Piece("text", 40, keep=True)
    pages = paginate_pieces([*body, heading, *[Piece("text", 40) for _ in range(3)]], room=280)
    assert pages[0][-1][0] is body[-1]
    assert pages[1][0][0] is heading


def test_a_table_that_runs_on_repeats_its_header():
    head = Piece("table_head", 30, keep=True)
    rows = [Piece("row", 50, head=head) for _ in range(8)]
    pages = paginate_pieces([head, *rows], room=200)
    assert len(pages) > 1 and all(page[0][0] is head for page in pages)


def luminance(colour) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("palette", [NORMAL, HIGH_CONTRAST], ids=["normal", "high contrast"])
@pytest.mark.parametrize("role", sorted(INKS))
def test_every_kind_of_debrief_text_stands_out_from_the_paper(palette, role):
    assert contrast(getattr(palette, INKS[role]), palette.paper) >= 4.5


def test_the_contrast_formula_matches_the_known_extremes():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


def test_no_debrief_text_is_smaller_than_a_projector_can_show(make_app, fixture_story):
    app = make_app(size=(1024, 600), text_scale=1.0)
    session = app.new_session()
    while not session.is_over:
        session.choose(len(session.page.choices))
    scene = DebriefScene(app, session, again=True)
    app.start(scene)
    app.step(0)
    sizes = []
    original = app.text.render

    def record(text, role, size, colour):
        sizes.append(size)
        return original(text, role, size, colour)

    app.text.render = record
    try:
        for number in range(len(scene.pages)):
            scene.page = number
            scene.draw(app.surface)
    finally:
        app.text.render = original
    drawn_by_sheet = [s for s in sizes if s]
    assert min(drawn_by_sheet) >= MIN_TEXT_PX


def open_debrief(make_app, **kw):
    app = make_app(**kw)
    session = app.new_session()
    while not session.is_over:
        session.choose(1)
    app.start(DebriefScene(app, session))
    app.step(0)
    return app


def nav(app, key):
    return next(b for b in app.top.focus.buttons if b.key == key)


def test_escape_on_the_first_page_asks_before_leaving(make_app):
    app = open_debrief(make_app)
    d.key(app, pygame.K_ESCAPE)
    assert [s.name for s in app.stack] == ["debrief", "confirm"]
    d.click(app, nav(app, "no").rect.center)
    assert app.top.name == "debrief" and app.top.page == 0


def test_finish_before_the_last_page_asks_and_leaving_goes_on_to_the_credits(make_app):
    app = open_debrief(make_app)
    d.click(app, nav(app, "finish").rect.center)
    assert app.top.name == "confirm"
    d.click(app, nav(app, "yes").rect.center)
    assert [s.name for s in app.stack] == ["title", "credits"]


def test_jumping_to_the_last_page_is_not_reading_it_through(make_app):
    app = open_debrief(make_app)
    d.key(app, pygame.K_END)
    d.key(app, pygame.K_ESCAPE)
    assert app.top.name == "confirm"


def test_finish_after_every_page_goes_straight_on(make_app):
    app = open_debrief(make_app)
    for _ in app.top.pages:
        d.key(app, pygame.K_RIGHT)
    d.click(app, nav(app, "finish").rect.center)
    assert [s.name for s in app.stack] == ["title", "credits"]


def test_the_contents_open_any_section_by_mouse_touch_and_keys(make_app):
    app = open_debrief(make_app, size=(1024, 600), text_scale=2.0)
    scene = app.top
    titles = [s.title for s in scene.document.sections]
    blacklist = titles.index("Not counted")
    d.click(app, nav(app, "contents").rect.center)
    assert app.top.name == "debrief_contents"
    d.tap(app, nav(app, blacklist).rect.center)
    assert app.top is scene and scene.page == scene.section_pages[blacklist]
    d.key(app, getattr(pygame, f"K_{titles.index('Questions') + 1}"))
    assert scene.page == scene.section_pages[titles.index("Questions")]
    d.click(app, nav(app, "contents").rect.center)
    d.key(app, pygame.K_1)
    assert app.top is scene and scene.page == 0
    d.click(app, nav(app, "next").rect.center)
    assert scene.page == 1
    d.click(app, nav(app, "prev").rect.center)
    assert scene.page == 0


def test_every_character_on_the_debrief_exists_in_the_font_it_is_drawn_in(make_app, shipped_story, every_ending):
    app = make_app(size=(1280, 720), story=shipped_story)
    missing = []
    original = app.text.render

    def record(text, role, size, colour):
        missing.extend((role, ch) for ch in app.text.missing(text, role, size))
        return original(text, role, size, colour)

    app.text.render = record
    try:
        for session in every_ending.values():
            scene = DebriefScene(app, session, again=True)
            app.start(scene)
            app.step(0)
            for number in range(len(scene.pages)):
                scene.page = number
                scene.draw(app.surface)
    finally:
        app.text.render = original
    assert not missing, sorted(set(missing))


@pytest.mark.parametrize("size, scale", every_size_and_scale())
def test_the_first_screen_is_one_page_at_every_size(make_app, shipped_story, every_ending, size, scale):
    """The answer — the guesses answered, the grade and why, who reported what, the choices
    weighed — is read without turning a page, its type never under the debrief's floor."""
    app = make_app(size=size, story=shipped_story, text_scale=scale)
    for ending, played in every_ending.items():
        session = Session.from_json(shipped_story, played.to_json())
        for question in ("counting", "reporters", "standing"):
            session.guess(question, "unsure")
        scene = DebriefScene(app, session, again=True)
        app.start(scene)
        app.step(0)
        on_first = {piece.section for piece, _ in scene.pages[0]}
        later = {piece.section for page in scene.pages[1:] for piece, _ in page}
        assert on_first == {0} and 0 not in later, f"{ending} at {size} {scale:.0%}"
        sizes = [piece.data[1] for piece, _ in scene.pages[0] if piece.kind in ("text", "item")]
        assert min(sizes) >= MIN_TEXT_PX

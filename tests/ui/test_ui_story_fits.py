"""Every passage of the shipped story fits the play screen, from 1024×600 to 1920×1080 and
with text at 100% and 200%.  Long passages are paginated by the reading rules; choices that
cannot fit scroll."""

from __future__ import annotations

import pytest

from passage_pages import StillSession, broken_page_rules, worst_case_pages  # noqa: F401


def check_fits(app, page) -> None:
    from game.ui.scenes.play import PlayScene

    scene = PlayScene(app, StillSession(page))
    app.start(scene)
    app.step(0)
    f = scene.border
    measure = app.text.measure(f.look.role, f.size)
    width, height = app.size
    # Pages read from the front: none but the last is a line or two, no heading is left
    # at the foot of a page, no paragraph leaves a line alone across a page turn.
    lines = [line for lines in scene.reading.pages for line in lines]
    broken = broken_page_rules(lines, scene.reading.pages, f.line_h, f.gap, scene.content.height - f.chrome, 0)
    assert broken == [], (page.passage_id, app.size, broken)
    assert scene.content.bottom <= height and scene.content.right <= width
    for number, lines in enumerate(scene.reading.pages):
        for line in lines:
            assert measure(line.text) <= f.inner_width, (page.passage_id, line.text)
        from game.ui.layout import block_height

        used = f.height(block_height(lines, f.line_h, f.gap))
        assert used <= scene.content.height, (page.passage_id, number)
        scene.reading.page_index = number
        scene.reading.revealed = float(scene.reading.page_chars())
        scene.dirty = True
        app.step(0)
    # Choices: inside the window sideways; either all visible, or reachable by scrolling.
    for b in scene.choices.buttons:
        assert scene.column.left <= b.rect.left and b.rect.right <= width, page.passage_id
        assert b.rect.height >= app.metrics.button_height
    last = scene.choices.buttons[-1].rect.bottom - scene.choices.max_scroll
    assert last <= scene.content.bottom + 1, page.passage_id
    # The column stays readable: at most about 80 characters a line.
    assert f.inner_width <= app.text.average_char_width(f.look.role, f.size) * 81


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_shipped_passage_fits(make_app, shipped_story, size, scale):
    story = shipped_story
    app = make_app(size=size, text_scale=scale, story=story)
    pages = list(worst_case_pages(story))
    assert pages
    for page in pages:
        check_fits(app, page)


def test_every_fixture_passage_fits_at_the_smallest_size(make_app, fixture_story):
    app = make_app(size=(1024, 600), text_scale=2.0)
    for page in worst_case_pages(fixture_story):
        check_fits(app, page)

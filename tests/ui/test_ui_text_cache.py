"""The cache of rendered text is bounded by the pixels it holds, not only by how many lines:
at 1080p a line of text is a few hundred kilobytes, and a long life renders thousands."""

from __future__ import annotations

from game.ui.text import Text


def held_bytes(text: Text) -> int:
    return sum(s.get_pitch() * s.get_height() for s in text._surfaces.values())


def test_the_rendered_text_cache_keeps_within_its_byte_budget_and_counts_truly(make_app):
    make_app()                                         # fonts and a display, as in the game
    text = Text(max_surface_bytes=2 * 1024 * 1024)
    line = "The heating company keeps a record of late payments and reports them as required. "
    for n in range(300):
        text.render(f"{n} {line * 2}", "serif", 40, (20, 20, 20))
    assert held_bytes(text) == text.surface_bytes <= text.max_surface_bytes
    assert 1 < len(text._surfaces) < 300               # the oldest went; the newest stayed
    newest = text.render(f"299 {line * 2}", "serif", 40, (20, 20, 20))
    assert text.render(f"299 {line * 2}", "serif", 40, (20, 20, 20)) is newest


def test_changing_the_reading_face_empties_the_count_with_the_cache(make_app):
    make_app()
    text = Text()
    text.render("Mrs. Song writes it down.", "serif", 30, (0, 0, 0))
    assert text.surface_bytes > 0
    text.use_family("legible")
    assert text.surface_bytes == 0 == held_bytes(text)

"""The window sets story text with typographic quotes: passages, titles, choices, history."""

from __future__ import annotations

import pygame

import ui_driver as d
from game.engine import ChoiceView, HistoryEntry, Page
from game.ui.scenes.play import PlayScene
from game.ui.theme import FONT_FILES, font_path
from passage_pages import StillSession

CURLY = "‘’“”"


def test_every_shipped_font_has_typographic_quotes():
    pygame.font.init()
    for role in FONT_FILES:
        font = pygame.font.Font(str(font_path(role)), 24)
        missing = pygame.image.tobytes(font.render("\ue000", True, (0, 0, 0)), "RGBA")
        for mark in CURLY:
            drawn = pygame.image.tobytes(font.render(mark, True, (0, 0, 0)), "RGBA")
            assert drawn != missing, (role, mark)


def test_passage_title_choices_and_history_are_drawn_with_typographic_quotes(make_app):
    page = Page(passage_id="lunch", style="letter", speaker="Liu Fang", title="Liu Fang's note",
                text="'The exam's in November,' she writes. \"Don't tell Tan.\"",
                choices=(ChoiceView(1, "Say you won't."), ChoiceView(2, "'Good luck.'")), day=9,
                city="rongcheng", city_name="Rongcheng", is_ending=False, ending_title=None)
    read = HistoryEntry("yard", "narration", None, None, "A gull's beak, 'at it again'.", "Watch it.")
    app = make_app(size=(1280, 720))
    drawn: list[str] = []
    app.text.observers.append(drawn.append)
    app.start(PlayScene(app, StillSession(page, history=(read,))))
    d.finish_text(app)
    d.key(app, pygame.K_h)
    assert app.top.name == "history"
    shown = "\n".join(drawn)
    for words in ("‘The exam’s in November,’", "“Don’t tell Tan.”", "Liu Fang’s note", "Say you won’t.",
                  "‘Good luck.’", "A gull’s beak, ‘at it again’."):
        assert words in shown, words
    assert "'" not in shown and '"' not in shown

"""The classroom in the window: the debrief saves a transcript where a student finds it, says the
same as the terminal and the transcript, and class mode lets every student type the class seed."""

from __future__ import annotations

import pygame

import ui_driver as d
from debrief_reading import PageReader, document_strings, missing_in_order
from helpers import auto_life
from game.terminal import debrief_lines
from game.transcript_html import html_page
from game.ui import input as cmd
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.title import TitleScene


def button(scene, key):
    """A button of a screen laid out first: one just pushed has none until its first frame."""
    scene.ensure_layout()
    return d.button(scene, key)


def window_text(scene: DebriefScene) -> str:
    """What the debrief sets on its pages, piece by piece, in reading order."""
    scene.ensure_layout()
    parts: list[str] = []
    for page in scene.pages:
        for piece, _ in page:
            if piece.kind in ("text", "item"):
                parts.append(piece.data[3])
            elif piece.kind in ("table_head", "row"):
                parts += [" ".join(lines) for lines in piece.data[1]]
            elif piece.kind == "standing":
                standing = piece.data
                parts += [standing.grade, standing.caption, f"{standing.score} points"]
    return " ".join(parts)


def test_window_terminal_and_transcript_set_the_same_debrief(make_app, fixture_story):
    app = make_app((1024, 600), text_scale=1.5)
    session = auto_life(fixture_story, 3)
    scene = DebriefScene(app, session)
    app.start(scene)
    expected = document_strings(scene.document)
    assert missing_in_order(expected, window_text(scene)) == []
    assert missing_in_order(expected, "\n".join(debrief_lines(session.debrief(), width=1000))) == []
    from game import transcript

    assert missing_in_order(expected, PageReader(html_page(transcript.build(session))).all_text) == []


def test_save_transcript_writes_html_and_markdown_and_says_where(make_app, fixture_story, private_home):
    app = make_app()
    session = auto_life(fixture_story, 11)
    app.start(DebriefScene(app, session))
    d.pump(app)
    d.click(app, button(app.top, "transcript").rect.center)
    assert app.top.name == "transcript name"
    d.key(app, pygame.K_RETURN)                 # no name given: the files are saved all the same
    folder = private_home / "transcripts"
    files = sorted(folder.iterdir())
    assert [f.suffix for f in files] == [".html", ".md"]
    assert all("seed-11" in f.name for f in files)
    page = PageReader(files[0].read_text(encoding="utf-8"))
    assert "Seed 11" in page.all_text and page.tables["ledger"]
    assert str(folder) in app.toast_text and files[0].name in app.toast_text
    assert app.top.name == "debrief"          # the reader stays on the page they were reading


def test_a_transcript_that_cannot_be_written_is_reported_and_the_debrief_goes_on(make_app, fixture_story,
                                                                                private_home):
    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "transcripts").write_text("a file where the folder would go", encoding="utf-8")
    app = make_app()
    app.start(DebriefScene(app, auto_life(fixture_story, 3)))
    d.pump(app)
    d.command(app, cmd.POINT, pos=button(app.top, "transcript").rect.center)
    d.command(app, cmd.CONFIRM)
    d.command(app, cmd.CONFIRM)
    assert app.toast_text.startswith("The transcript could not be saved")
    assert app.top.name == "debrief"


def test_without_class_mode_the_title_offers_no_seed(make_app):
    app = make_app()
    app.start(TitleScene(app))
    d.pump(app)
    assert "seed" not in [b.key for b in app.top.focus.buttons]


def test_class_mode_takes_the_seed_from_the_keyboard(make_app):
    app = make_app()
    app.class_mode = True
    app.seed = None
    app.start(TitleScene(app))
    d.pump(app)
    assert button(app.top, "seed").lines == ["Class seed: none (each game its own)"]
    d.click(app, button(app.top, "seed").rect.center)
    assert app.top.name == "seed"
    for key in (pygame.K_4, pygame.K_0, pygame.K_KP0, pygame.K_7, pygame.K_BACKSPACE):
        d.key(app, key)
    assert app.top.digits == "400"
    d.key(app, pygame.K_RETURN)
    assert app.top.name == "title" and app.seed == 400
    assert button(app.top, "seed").lines == ["Class seed: 400"]
    assert app.new_session().seed == 400 and app.new_session().seed == 400


def test_class_mode_takes_the_seed_by_touch_and_can_give_it_up(make_app):
    app = make_app((1024, 600))
    app.class_mode = True
    app.seed = 5
    app.start(TitleScene(app))
    d.pump(app)
    d.tap(app, button(app.top, "seed").rect.center)
    pad = app.top
    assert pad.digits == "5"
    for key in ("clear", "0", "1", "0", "2", "4", "delete", "6"):   # a leading 0 is no digit
        d.tap(app, button(pad, key).rect.center)
    assert pad.digits == "1026"
    d.tap(app, button(pad, "use").rect.center)
    assert app.seed == 1026
    d.tap(app, button(app.top, "seed").rect.center)
    d.tap(app, button(app.top, "none").rect.center)
    assert app.seed is None
    assert button(app.top, "seed").lines == ["Class seed: none (each game its own)"]

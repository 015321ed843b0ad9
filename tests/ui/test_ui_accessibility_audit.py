"""The readability audit: every screen at the smallest window (1024×600) with the largest
text (200%), in the standard face and in the widest one with the widest line spacing.

Every string the window draws is caught where it lands (the ink of its pixels, not its
box), and each screen is held to three rules: no text reaches outside the window; text is
either wholly inside a control or clear of every control; no two strings overprint."""

from __future__ import annotations

import pygame
import pytest

from game.engine import ChoiceView, Page
from game.engine.passage_words import STYLES
from game.ui.scene import Push
from passage_pages import StillSession

SIZE = (1024, 600)
LOOKS = [("standard", 1.5), ("dyslexic", 2.0), ("legible", 2.0)]


class InkRecorder(pygame.Surface):
    """A drawing surface that notes where the ink of each string drawn on it lands."""

    def __init__(self, size, rendered: dict[int, str]) -> None:
        super().__init__(size)
        self.rendered = rendered
        self.ink: list[tuple[str, pygame.Rect]] = []

    def blit(self, source, dest, area=None, special_flags=0):
        text = self.rendered.get(id(source))
        if text is not None:
            at = pygame.Rect(dest).topleft if not isinstance(dest, (tuple, list)) else dest
            shown = pygame.Rect(area) if area is not None else source.get_rect()
            ink = source.get_bounding_rect().clip(shown)
            if ink.width and ink.height:
                self.ink.append((text, ink.move(at[0] - shown.x, at[1] - shown.y)))
        return super().blit(source, dest, area, special_flags)


def drawn_ink(app) -> list[tuple[str, pygame.Rect]]:
    """Draw the visible scenes as a frame would, and return where the ink of each string the
    top scene drew lies (an overlay may cover the screen under it: that is what it is for)."""
    rendered: dict[int, str] = {}
    render = app.text.render

    def noting(text, role, size, colour):
        surface = render(text, role, size, colour)
        rendered[id(surface)] = text
        return surface

    app.text.render = noting
    try:
        surface = InkRecorder(app.size, rendered)
        for scene in app.visible_scenes():
            scene.ensure_layout()
            surface.ink.clear()
            scene.draw(surface)
    finally:
        app.text.render = render
    return surface.ink


def targets(scene) -> list[pygame.Rect]:
    """What can be pressed on ``scene`` now.  The play screen's choices are laid out with the
    passage but shown only once its last page is read."""
    from game.ui.toast import targets_of

    if scene.name == "play" and not scene.choices_visible:
        return [b.rect for b in scene.bar.buttons]
    return [r for r in targets_of(scene) if r.width and r.height]


def audit(app, where: str) -> None:
    window = app.surface.get_rect()
    ink = drawn_ink(app)
    assert ink, where
    controls = targets(app.top)
    problems = []
    for text, rect in ink:
        if not window.contains(rect):
            problems.append(f"outside the window: {text!r} at {rect}")
        for control in controls:
            if rect.colliderect(control) and not control.contains(rect):
                problems.append(f"half under a control {control}: {text!r} at {rect}")
    cores = [(text, rect.inflate(-2, -2)) for text, rect in ink]
    for i, (text, rect) in enumerate(cores):
        for other, other_rect in cores[i + 1:]:
            if rect.colliderect(other_rect):
                problems.append(f"overprinted: {text!r} {rect} and {other!r} {other_rect}")
    assert not problems, f"{where}:\n" + "\n".join(sorted(set(problems))[:20])


def whole_game(app):
    session = app.new_session()
    while not session.is_over:
        session.choose(1)
    return session


def shown(app, scene):
    from game.ui.scenes.title import TitleScene

    app.start(TitleScene(app))
    app.step(0)
    if scene is not None:
        app.apply(Push(scene))
        app.step(0)
    return app.top


@pytest.fixture(params=LOOKS, ids=[f"{f}-{s}" for f, s in LOOKS])
def large_app(request, make_app):
    font, spacing = request.param
    return make_app(size=SIZE, text_scale=2.0, font=font, line_spacing=spacing)


def test_the_title_and_the_menus_over_play(large_app):
    from game.ui.scenes.confirm import ConfirmScene
    from game.ui.scenes.menu import MenuScene
    from game.ui.scenes.play import PlayScene

    app = large_app
    shown(app, None)
    audit(app, "title")
    session = app.new_session()
    app.apply(Push(PlayScene(app, session)))
    app.step(0)
    app.apply(Push(MenuScene(app, session)))
    app.step(0)
    audit(app, "menu")
    app.apply(Push(ConfirmScene(app, "Start a new game? The game in progress is kept as an autosave.",
                                lambda: None)))
    app.step(0)
    audit(app, "confirm")


def test_settings_and_keys(large_app):
    from game.ui import input as cmd
    from game.ui.input import Command
    from game.ui.scenes.keys import KeysScene
    from game.ui.scenes.settings import SettingsScene

    app = large_app
    shown(app, SettingsScene(app))
    audit(app, "settings")
    shown(app, KeysScene(app))
    audit(app, "keys")
    app.dispatch(Command(cmd.CONFIRM))             # the first action listens for its key
    app.step(0)
    audit(app, "keys, listening")


def test_history_saves_and_credits(large_app):
    from game.ui import input as cmd
    from game.ui.input import Command
    from game.ui.scenes.credits import CreditsScene
    from game.ui.scenes.history import HistoryScene
    from game.ui.scenes.slots import SlotsScene

    app = large_app
    session = whole_game(app)
    app.save("1", session)
    for name, scene in (("history", HistoryScene(app, session)), ("load", SlotsScene(app, "load")),
                        ("save", SlotsScene(app, "save", session))):
        shown(app, scene)
        audit(app, name)
    credits = shown(app, CreditsScene(app))
    for page in range(len(credits.pages)):
        audit(app, f"credits page {page + 1}")
        app.dispatch(Command(cmd.PAGE_DOWN))
        app.step(0)


def test_the_debrief(large_app):
    from game.ui import input as cmd
    from game.ui.input import Command
    from game.ui.scenes.debrief import DebriefScene

    app = large_app
    debrief = shown(app, DebriefScene(app, whole_game(app)))
    for page in range(len(debrief.pages)):
        audit(app, f"debrief page {page + 1}")
        app.dispatch(Command(cmd.RIGHT))
        app.step(0)


def test_the_guess_and_the_first_page_it_opens(large_app):
    """Each question of the guess, then the debrief's first page with the guesses answered."""
    import pygame

    import ui_driver as d
    from game.ui.scenes.guess import GuessScene

    app = large_app
    shown(app, GuessScene(app, whole_game(app)))
    for n in range(3):
        audit(app, f"guess {n + 1}")
        d.key(app, pygame.K_1)
        app.step(0)
    assert app.top.name == "debrief"
    audit(app, "debrief page 1, with the guesses answered")


PASSAGE = ("'The light at Chengshan Road turns amber,' she says. The bus behind you sounds its horn, "
           "and a camera on the gantry blinks once.\n\nYou brake. Nobody tells you what that was worth.\n\n"
           "Name: Wang Lei    Card: 3706 8219 0044\nSeat 14, carriage 6 — Rongcheng to Jinan")


@pytest.mark.parametrize("style", STYLES)
def test_play_in_every_passage_style(large_app, style):
    from game.ui.scenes.play import PlayScene

    app = large_app
    page = Page(passage_id="p", style=style, speaker="Liu Fang", title="Notice of Credit Restoration",
                text=PASSAGE, choices=(ChoiceView(1, "Pay the fine at the counter today."),
                                       ChoiceView(2, "Ask who recorded it, and where.")),
                day=9, city="rongcheng", city_name="Rongcheng", is_ending=False, ending_title=None)
    scene = PlayScene(app, StillSession(page))
    app.start(scene)
    app.step(0)
    for number in range(len(scene.reading.pages)):
        scene.reading.page_index = number
        scene.reading.revealed = float(scene.reading.page_chars())
        scene.invalidate()
        scene.dirty = True
        app.step(0)
        audit(app, f"{style}, page {number + 1}")

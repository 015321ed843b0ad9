"""The pygame front end: the window, the loop, and the scene stack.

The front end is a client of the engine's session API, like the terminal one: it renders and
takes input, and never decides the story.  The loop redraws only when something changed —
while text is revealed, only the strips of new letters — runs at 60 fps only while something
moves, and otherwise sleeps between short polls so an idle game costs almost nothing (see
``benchmarks/idle_cpu.py``).
"""

from __future__ import annotations

import os
import random
import sys
import warnings
from pathlib import Path
from typing import Sequence

import pygame

from game.saves import AUTO, SlotError, SlotStore
from game.settings import Settings, load_settings, save_settings
from game.ui import input as cmd
from game.ui.art import backdrop
from game.ui.audio import Audio
from game.ui.input import Command, Fingers, commands_from_event
from game.ui.scene import Pop, Push, Quit, Replace, Reset, Scene, Transition
from game.ui.text import Text
from game.ui.theme import ASSETS, Metrics, Palette, metrics_for, palette_for

#: Frame rate while something animates, and the polling rate while idle.
ACTIVE_FPS = 60
IDLE_FPS = 30
MIN_SIZE = (1024, 600)
DEFAULT_SIZE = (1280, 720)


def _prefer_native_framebuffer() -> None:
    """On X11, show frames through X's own shared-memory images rather than SDL's default
    OpenGL texture.  The texture path re-presents the whole window for every update, which
    without a GPU (Xvfb, virtual machines, kiosk boxes on Mesa's software renderer) costs
    most of a core at 1080p even when a few letters changed; X's path copies only the
    rectangles the play screen passes to ``pygame.display.update``.  Read by SDL when the
    window's surface is first made; a value set by the player is kept."""
    if pygame.display.get_init() and pygame.display.get_driver() == "x11":
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


class App:
    """Holds what every scene shares: story, settings, saves, fonts, sizes, sound.

    Scenes reach it as ``scene.app``.  ``window=False`` draws to an off-screen surface
    (tests that only need layout); normally a real window is opened.
    """

    def __init__(self, story, *, settings: Settings | None = None, store: SlotStore | None = None,
                 route: str = "full", seed: int | None = None, size: tuple[int, int] = DEFAULT_SIZE,
                 fullscreen: bool | None = None, sound: bool = True) -> None:
        from game.engine import Session  # noqa: F401  (fail early if the engine is missing)

        pygame.init()
        _prefer_native_framebuffer()
        self.story = story
        self.route = route if route in ("full", "short") else "full"
        self.seed = seed
        self.settings = settings if settings is not None else load_settings()
        if fullscreen is not None:
            self.settings.fullscreen = fullscreen
        self.store = store or SlotStore()
        self.text = Text()
        self.windowed_size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.surface = self._open_window()
        self.audio = Audio() if sound else None
        if self.audio:
            self.audio.set_volumes(self.settings.master_volume, self.settings.music_volume,
                                   self.settings.effects_volume)
        self.stack: list[Scene] = []
        self.fingers = Fingers()
        self.running = True
        self.toast_text: str | None = None
        self.toast_left = 0.0
        self.frames_drawn = 0
        #: Of those, frames that updated only part of the window.
        self.partial_frames = 0
        self._backdrops: dict[tuple, pygame.Surface] = {}
        self._refresh_metrics()

    # -- window and sizes -------------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        pygame.display.set_caption(getattr(self.story, "title", "Keeping Trust"))
        try:
            pygame.display.set_icon(pygame.image.load(str(ASSETS / "images" / "icon.png")))
        except (pygame.error, FileNotFoundError):
            pass
        if self.settings.fullscreen:
            surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    pygame.Window.from_display_module().minimum_size = MIN_SIZE
            except (AttributeError, pygame.error):
                pass
        return surface

    def _refresh_metrics(self) -> None:
        self.surface = pygame.display.get_surface() or self.surface
        self.size = self.surface.get_size()
        self.metrics: Metrics = metrics_for(self.size, self.settings.text_scale)
        self.palette: Palette = palette_for(self.settings.high_contrast)
        #: Scenes re-lay themselves out whenever this changes.
        self.layout_key = (self.size, self.settings.text_scale, self.settings.high_contrast)
        for scene in self.stack:
            scene.dirty = True

    def toggle_fullscreen(self) -> None:
        if not self.settings.fullscreen:
            self.windowed_size = self.size
        self.settings.fullscreen = not self.settings.fullscreen
        self.surface = self._open_window()
        self._refresh_metrics()
        self.save_settings()

    def apply_settings(self) -> None:
        """Call after changing ``self.settings``: re-lays out, re-tunes sound, and saves."""
        self.settings = self.settings.clamped()
        if self.audio:
            self.audio.set_volumes(self.settings.master_volume, self.settings.music_volume,
                                   self.settings.effects_volume)
        self._refresh_metrics()
        self.save_settings()

    def save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.toast(f"Settings could not be saved: {exc.strerror or exc}")

    def backdrop(self, winter: bool = False, veil: bool = False) -> pygame.Surface:
        """The generated city at the window's size, with the dimming veil already applied when
        ``veil`` (so an animating frame costs one opaque blit, not an alpha blend)."""
        key = (self.size, self.palette, winter, veil)
        surface = self._backdrops.get(key)
        if surface is None:
            if len(self._backdrops) > 6:
                self._backdrops.clear()
            surface = backdrop(self.size, self.palette, winter=winter)
            if veil:
                layer = pygame.Surface(self.size, pygame.SRCALPHA)
                layer.fill(self.palette.veil)
                surface.blit(layer, (0, 0))
            surface = surface.convert() if pygame.display.get_surface() else surface
            self._backdrops[key] = surface
        return surface

    # -- sessions and saves -----------------------------------------------------------------
    def new_session(self, route: str | None = None):
        """A new playthrough on ``route`` ("full" or "short"; default: the route the game was
        started with).  A story without a short route always starts the full one."""
        from game.engine import Session

        route = route or self.route
        if route == "short" and not self.story.has_short_route:
            route = "full"
        seed = self.seed if self.seed is not None else random.SystemRandom().randrange(1 << 31)
        return Session.new(self.story, seed=seed, route=route)

    def place_of(self, session) -> str:
        page = session.page
        return f"Day {page.day} · {page.city_name}"

    def save(self, name: str, session) -> bool:
        """Write ``session`` to slot ``name``; reports failure as a toast and returns False."""
        page = session.page
        summary = page.text or page.title or page.ending_title or ""
        try:
            self.store.write(name, session.to_json(), summary=summary, place=self.place_of(session),
                             story_title=self.story.title)
        except SlotError as exc:
            self.toast(str(exc))
            return False
        return True

    def autosave(self, session) -> None:
        self.save(AUTO, session)

    def load(self, name: str):
        """The session stored in slot ``name``.  Raises SlotError with a message for the player."""
        from game.engine import SaveError, Session

        data = self.store.read(name)
        try:
            return Session.from_json(self.story, data)
        except SaveError as exc:
            raise SlotError(f"This save cannot be resumed: {exc}") from exc

    # -- feedback ---------------------------------------------------------------------------
    def toast(self, message: str, seconds: float = 2.5) -> None:
        self.toast_text = message
        self.toast_left = seconds
        if self.stack:
            self.stack[-1].dirty = True

    def sound(self, name: str) -> None:
        if self.audio:
            self.audio.play(name)

    # -- the stack --------------------------------------------------------------------------
    @property
    def top(self) -> Scene:
        return self.stack[-1]

    def start(self, scene: Scene) -> None:
        self.stack = [scene]
        scene.ensure_layout()
        scene.enter()

    def apply(self, transition: Transition | None) -> None:
        """Change screens as ``transition`` says, then apply its follow-up (``then``)."""
        while transition is not None:
            if isinstance(transition, Quit):
                self.running = False
                return
            self._apply_one(transition)
            transition = transition.then

    def _apply_one(self, transition: Transition) -> None:
        if isinstance(transition, Push):
            self.stack.append(transition.scene)
        elif isinstance(transition, Pop):
            if len(self.stack) > 1:
                self.stack.pop()
        elif isinstance(transition, Reset):
            self.stack = [transition.scene]
        elif isinstance(transition, Replace):
            self.stack[-1] = transition.scene
        self.top.ensure_layout()
        self.top.enter()
        for scene in self.stack:
            scene.dirty = True

    def dispatch(self, command: Command) -> None:
        """Give one command to the top scene (a few are the app's own)."""
        if command.kind == cmd.QUIT:
            self.running = False
            return
        if command.kind == cmd.FULLSCREEN:
            self.toggle_fullscreen()
            return
        if not self.stack:
            return
        self.top.ensure_layout()
        self.apply(self.top.handle(command))

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if not self.settings.fullscreen:
                self.windowed_size = pygame.display.get_surface().get_size()
            self._refresh_metrics()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            for scene in self.stack:
                scene.dirty = True
            return
        for command in commands_from_event(event, self.size, self.fingers):
            self.dispatch(command)

    def visible_scenes(self) -> list[Scene]:
        """The top scene and, below overlays, the scenes they are drawn over."""
        visible: list[Scene] = []
        for scene in reversed(self.stack):
            visible.insert(0, scene)
            if scene.opaque:
                break
        return visible

    def step(self, dt: float) -> bool:
        """Update by ``dt`` seconds and redraw if anything changed.  Returns True while
        something animates (the loop then runs at full frame rate)."""
        if not self.stack:
            return False
        visible = self.visible_scenes()
        for scene in visible:
            scene.ensure_layout()
        animating = any(scene.update(dt) for scene in visible)
        if self.toast_text is not None:
            self.toast_left -= dt
            if self.toast_left <= 0:
                self.toast_text = None
                visible[-1].dirty = True
            else:
                animating = True
        top = visible[-1]
        # A change in a scene under an overlay, or under the toast, needs the layers above it
        # drawn again: that is a whole frame.  A change on top of everything is drawn alone.
        whole = any(scene.dirty for scene in visible) or \
            any(scene.changed for scene in visible[:-1]) or \
            (top.changed and self.toast_text is not None)
        if whole:
            for scene in visible:
                scene.draw(self.surface)
                scene.dirty = scene.changed = False
            self._draw_toast()
            pygame.display.flip()
            self.frames_drawn += 1
        elif top.changed:
            top.changed = False
            rects = top.draw_changes(self.surface)
            if rects:
                # Only the touched rectangles reach the window: at 1080p a whole frame costs
                # most of a core under X, a line of text almost nothing.
                pygame.display.update(rects)
                self.frames_drawn += 1
                self.partial_frames += 1
        return animating

    def _draw_toast(self) -> None:
        if not self.toast_text:
            return
        m, p = self.metrics, self.palette
        label = self.text.fit(self.toast_text, "sans", m.small, self.size[0] - 4 * m.margin)
        w = self.text.width(label, "sans", m.small) + 2 * m.gap * 2
        rect = pygame.Rect(0, 0, w, m.small_line + m.gap * 2)
        rect.midbottom = (self.size[0] // 2, self.size[1] - m.margin)
        from game.ui.widgets import draw_panel

        draw_panel(self.surface, rect, p.button, m.radius, p.focus, m.line_width)
        self.text.draw(self.surface, label, "sans", m.small, p.text, rect.center, "center")

    def run(self) -> int:
        """The loop.  Returns when a scene quits or the window is closed."""
        clock = pygame.time.Clock()
        if self.audio:
            self.audio.start_ambient()
        dt = 0.0
        animating = True
        while self.running:
            for event in pygame.event.get():
                self.handle_event(event)
                if not self.running:
                    break
            if not self.running:
                break
            animating = self.step(dt)
            # Clock.tick sleeps the rest of the frame; while idle it polls at a low rate,
            # which costs less CPU than blocking in event.wait() (measured, see benchmarks/).
            dt = min(0.1, clock.tick(ACTIVE_FPS if animating else IDLE_FPS) / 1000.0)
        if self.audio:
            self.audio.stop()
        return 0


def run(story_dir: Path, *, mods: Sequence[Path] = (), fullscreen: bool | None = None,
        route: str = "full", seed: int | None = None) -> int:
    """Open the game window on the story in ``story_dir`` (plus ``mods``).

    Returns 0 when the player quits, 1 if the story cannot be loaded (its problems are
    printed to stderr as ``path:line:col: error: message``).
    """
    from game.engine import StoryError, load_story

    try:
        story = load_story(Path(story_dir), mods=tuple(Path(m) for m in mods))
    except StoryError as exc:
        for problem in getattr(exc, "problems", []) or [exc]:
            print(problem, file=sys.stderr)
        return 1
    from game.ui.scenes.title import TitleScene

    app = App(story, route=route, seed=seed, fullscreen=fullscreen)
    if app.settings.problem:
        print(app.settings.problem, file=sys.stderr)
        app.toast("Your settings file could not be read; defaults are in use.", 5)
    app.start(TitleScene(app))
    try:
        return app.run()
    finally:
        pygame.quit()


if __name__ == "__main__":  # a convenience until the command line lands
    os.environ.setdefault("SDL_VIDEO_ALLOW_SCREENSAVER", "1")
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("story")))

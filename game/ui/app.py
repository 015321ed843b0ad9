"""The pygame front end: what every screen shares, put together.

The front end is a client of the engine's session API, like the terminal one: it renders and
takes input, and never decides the story.  Each part is its own module and reads alone: the
window (:mod:`game.ui.window`), the scene stack (:mod:`game.ui.stack`), the loop that feeds
events to the screens and draws what changed (:mod:`game.ui.loop`), toasts (:mod:`game.ui.toast`), the backdrop cache
(:mod:`game.ui.backdrops`), the routes between screens (:mod:`game.ui.routes`) and
playthroughs (:mod:`game.playthroughs`).  ``App`` holds
them, with the settings, fonts and sound, and is what scenes reach as ``scene.app``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import pygame

from game.engine.printed import printed_name
from game.paths import SPEECH_ENV
from game.engine.named import Route
from game.saves import SlotStore
from game.settings import Settings, load_settings, save_settings
from game.ui.audio import Audio
from game.ui.backdrops import Backdrops
from game.ui.input import Command, KeyMap
from game.ui.loop import Loop
from game.playthroughs import Playthroughs
from game.ui import routes
from game.ui.scene import Scene, To, Transition
from game.ui.stack import SceneStack
from game.ui.text import Text
from game.ui.theme import ASSETS, Metrics, Palette, metrics_for, palette_for
from game.ui.toast import Toast, readable_of, targets_of
from game.ui.watch import FolderWatch
from game.ui.window import Window, name_the_window, prefer_native_framebuffer

if TYPE_CHECKING:
    from game.speech import Voice


class App:
    """Holds what every scene shares: story, settings, saves, fonts, sizes, sound; its
    ``loop`` runs it.

    ``size`` opens the window at exactly that size (tests, benchmarks); None sizes it from the
    desktop and the window last left.  ``fullscreen`` overrides the setting for this run.
    """

    #: Class mode (``--class``): the title screen offers the class seed, so a whole class
    #: plays the same world (see docs/classroom.md).
    class_mode = False
    student_name = ""  # the name last given a transcript in this run: offered for the next

    def __init__(self, story, *, settings: Settings | None = None, store: SlotStore | None = None,
                 route: str = "full", seed: int | None = None, size: tuple[int, int] | None = None,
                 fullscreen: bool | None = None, sound: bool = True, kiosk=None,
                 loadout=None, watch: bool = False, voice: Voice | None = None) -> None:
        # The window (named first) and its letters now; the rest of pygame (the sound device)
        # once the first frame is shown (:meth:`first_frame_shown`): a player waits for all of it.
        name_the_window()
        pygame.display.init()
        pygame.font.init()
        prefer_native_framebuffer()
        self.story = story
        #: Kiosk mode (:class:`game.ui.kiosk_mode.KioskMode`): full screen, no way out but the
        #: staff's, and nothing of one visitor kept for the next.
        self.kiosk = kiosk
        if kiosk is not None:
            settings, store, fullscreen = kiosk.visitor_settings(), kiosk.slots, True
            route = kiosk.config.route
        self.settings = settings if settings is not None else load_settings()
        self.settings.fullscreen = self.settings.fullscreen if fullscreen is None else fullscreen
        self.store = store or SlotStore()
        self.playthroughs = Playthroughs(story, self.store, self.toast, route=route, seed=seed)
        #: The story folder and its mods (:class:`game.mods.Loadout`); None for a story handed
        #: in whole, which can be neither reloaded nor given mods.
        self.loadout = loadout
        if loadout is not None:
            self.playthroughs.mods = loadout.records()
        #: With ``--watch``, the story's folders looked at for edits (:mod:`game.ui.watch`).
        self.watch = FolderWatch(loadout.watched()) if watch and loadout is not None else None
        self.text = Text()
        self.window = Window(getattr(story, "title", "Keeping Trust"),
                             fullscreen=self.settings.fullscreen, size=size,
                             saved_size=self.settings.window_size,
                             saved_position=self.settings.window_position,
                             icon=ASSETS / "images" / "icon.png")
        self.settings.fullscreen = self.window.fullscreen     # a small desktop opens it full screen
        if kiosk is not None:
            self.window.pin_fullscreen()
        #: Sound, opened once the first frame is shown (:meth:`first_frame_shown`).
        self.audio = Audio() if sound else None
        if self.audio:
            self.audio.set_volumes(self.settings.master_volume, self.settings.music_volume,
                                   self.settings.effects_volume)
        self._voice = voice
        self.shown = False
        self.scenes = SceneStack(lambda to: routes.build(self, to))
        self.toasts = Toast()
        self.backdrops = Backdrops()
        self.running = True
        self.loop = Loop(self)
        self._refresh_metrics()

    def first_frame_shown(self) -> None:
        """What the first frame did not wait for, done once it is on the screen: the rest of
        pygame (the sound device), the sounds and the ambient loop."""
        if self.shown:
            return
        self.shown = True
        pygame.init()
        if self.audio:
            self.audio.open()
            self.audio.start_ambient()

    @property
    def voice(self) -> Voice:
        """Read aloud (:mod:`game.speech`): heard only while the setting is on.  The
        platform's speech program is looked for when first wanted, not before the first frame."""
        if self._voice is None:
            from game.speech import Voice

            self._voice = Voice.of_platform()
        return self._voice

    @property
    def voice_found(self) -> bool:
        """Whether the speech program has been looked for (nothing has been said before)."""
        return self._voice is not None

    # -- window and sizes -------------------------------------------------------------------
    @property
    def surface(self) -> pygame.Surface:
        return self.window.surface

    def _refresh_metrics(self) -> None:
        self.size = self.window.size
        self.metrics: Metrics = metrics_for(self.size, self.settings.text_scale,
                                            self.settings.line_spacing)
        self.text.use_family(self.settings.font)
        self.keys = KeyMap(self.settings.keys)
        self.palette: Palette = palette_for(self.settings.high_contrast)
        #: Scenes re-lay themselves out whenever this changes.
        self.layout_key = (self.size, self.settings.text_scale, self.settings.high_contrast,
                           self.settings.line_spacing, self.settings.font)
        self.scenes.mark_dirty()

    def remeasure(self) -> None:
        """Measure everything again if the window is no longer the size it was measured at."""
        if self.window.size != self.size:
            self._refresh_metrics()

    def _keep_window(self) -> None:
        """Copy the window as the player has it into the settings (saved with them)."""
        self.settings.fullscreen = self.window.fullscreen
        self.settings.window_size = self.window.windowed_size
        self.settings.window_position = self.window.windowed_position

    def toggle_fullscreen(self) -> None:
        if self.kiosk is not None:
            # Whatever asks (a key, a settings row, a scene yet to be written): a window out
            # of full screen can be minimised, and behind it is the desktop.
            self.keep_fullscreen()
            return
        self.window.toggle_fullscreen()
        self._keep_window()
        self._refresh_metrics()
        self.save_settings()

    def keep_fullscreen(self, *, force: bool = False) -> None:
        """In a kiosk, full screen again if anything took the window out of it (``force``:
        after the window was minimised or hidden, whatever SDL believes)."""
        if self.kiosk is None:
            return
        self.window.restore_fullscreen(force=force)
        self.settings.fullscreen = True
        self.remeasure()

    def apply_settings(self) -> None:
        """Call after changing ``self.settings``: re-lays out, re-tunes sound, and saves."""
        self.settings = self.settings.clamped()
        if self.audio:
            self.audio.set_volumes(self.settings.master_volume, self.settings.music_volume,
                                   self.settings.effects_volume)
        self._refresh_metrics()
        self.save_settings()

    def save_settings(self) -> None:
        if self.kiosk is not None:
            return              # a kiosk writes no settings: each visitor starts from the same
        self._keep_window()
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.toast(f"Settings could not be saved: {exc.strerror or exc}")

    def backdrop(self, winter: bool = False, veil: bool = False) -> pygame.Surface:
        """The generated city at the window's size, with the dimming veil already applied when
        ``veil`` (so an animating frame costs one opaque blit, not an alpha blend)."""
        return self.backdrops.get(self.size, self.palette, winter, veil)

    # -- sessions and saves -----------------------------------------------------------------
    @property
    def route(self) -> str:
        return self.playthroughs.route

    @route.setter
    def route(self, value: str) -> None:
        self.playthroughs.route = Route.named(value, Route.FULL)

    @property
    def seed(self) -> int | None:
        return self.playthroughs.seed

    @seed.setter
    def seed(self, value: int | None) -> None:
        self.playthroughs.seed = value

    def new_session(self, route: str | None = None):
        """A new playthrough on ``route`` ("full" or "short"; default: the route the game was
        started with).  A story without a short route always starts the full one."""
        return self.playthroughs.new(route)

    def place_of(self, session) -> str:
        return self.playthroughs.place_of(session)

    def save(self, name: str, session) -> bool:
        """Write ``session`` to slot ``name``; reports failure as a toast and returns False."""
        return self.playthroughs.save(name, session)

    def autosave(self, session) -> None:
        self.playthroughs.autosave(session)

    def load(self, name: str):
        """The session stored in slot ``name``.  Raises SlotError with a message for the player."""
        return self.playthroughs.load(name)

    # -- feedback ---------------------------------------------------------------------------
    def toast(self, message: str, seconds: float = 2.5) -> None:
        self.toasts.show(message, seconds)
        if self.scenes:
            self.top.dirty = True

    @property
    def toast_text(self) -> str | None:
        return self.toasts.message

    def toast_rect(self) -> pygame.Rect | None:
        """Where the toast showing now is drawn (None if none is)."""
        if not self.scenes:
            return None
        return self.toasts.rect(self.size, self.text, self.metrics, targets_of(self.top), readable_of(self.top))

    def sound(self, name: str) -> None:
        if self.audio:
            self.audio.play(name)

    # -- read aloud -------------------------------------------------------------------------
    def speak(self, texts, *, after: bool = False) -> None:
        """Say ``texts`` if the player has Read aloud on, cutting off what was being said
        (or, ``after``, once it is said)."""
        if self.settings.self_voicing:
            (self.voice.add if after else self.voice.say)(texts)

    def hush(self) -> None:
        if self.voice_found:
            self.voice.stop()

    def set_voicing(self, on: bool) -> None:
        """Turn Read aloud on or off; on, the screen showing is read from its start."""
        if on and not self.voice.available:
            from game.speech import unavailable_message

            self.toast(unavailable_message(self.voice), 5)
            return
        self.settings.self_voicing = on
        self.apply_settings()
        if not on:
            self.hush()
            self.toast("Read aloud is off.")
            return
        self.toast("Reading aloud. V stops.")
        self.speak(["Reading aloud."])
        spoken = getattr(self.top, "spoken", None) if self.scenes else None
        if spoken is not None:
            self.speak(spoken(), after=True)

    # -- the stack --------------------------------------------------------------------------
    @property
    def stack(self) -> list[Scene]:
        return self.scenes.scenes

    @property
    def top(self) -> Scene:
        return self.scenes.top

    def start(self, scene: Scene | To) -> None:
        self.scenes.start(scene)

    def apply(self, transition: Transition | None) -> None:
        """Change screens as ``transition`` says, then apply its follow-up (``then``)."""
        self.scenes.apply(transition)
        if self.kiosk is not None:
            self.kiosk.settle(self)
        elif self.scenes.quit_asked:
            self.running = False

    def visible_scenes(self) -> list[Scene]:
        """The top scene and, below overlays, the scenes they are drawn over."""
        return self.scenes.visible()

    # -- the loop -------------------------------------------------------------------------
    def dispatch(self, command: Command) -> None:
        self.loop.dispatch(command)

    def handle_event(self, event: pygame.event.Event) -> None:
        self.loop.handle_event(event)

    def step(self, dt: float) -> bool:
        return self.loop.step(dt)

    @property
    def frames_drawn(self) -> int:
        return self.loop.frames_drawn

    @property
    def partial_frames(self) -> int:
        return self.loop.partial_frames

    def run(self) -> int:
        """The loop.  Returns when a scene quits or the window is closed."""
        try:
            return self.loop.run()
        finally:
            if self.voice_found:
                self.voice.close()
            if self.audio:
                self.audio.stop()
            # Where the player left the window is where it opens next time.
            self.save_settings()


def run(story_dir: Path, *, mods: Sequence[Path] = (), fullscreen: bool | None = None,
        route: str = "full", seed: int | None = None, class_mode: bool = False, watch: bool = False) -> int:
    """Open the game window on the story in ``story_dir`` (plus ``mods``, and the installed
    mods the player turned on).  ``watch`` reloads the story when its files change.

    Returns 0 when the player quits, 1 if the story cannot be loaded (its problems are
    printed to stderr as ``path:line:col: error: message``).
    """
    from game.mods import first_load
    from game.paths import data_dir
    from game.ui.reload import show_problems

    settings = load_settings()
    loadout, story, problems, dropped = first_load(Path(story_dir), [Path(m) for m in mods],
                                                   settings.enabled_mods, data_dir())
    if story is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    app = App(story, settings=settings, route=route, seed=seed, fullscreen=fullscreen, loadout=loadout,
              watch=watch)
    if app.settings.problem:
        print(printed_name(app.settings.problem), file=sys.stderr)
        app.toast("Your settings file could not be read; defaults are in use.", 5)
    if os.environ.get(SPEECH_ENV, "").strip() and not app.voice.available:
        # The player named a speech command that was refused: say so now, not only when
        # Read aloud is turned on.
        from game.speech import unavailable_message

        print(unavailable_message(app.voice), file=sys.stderr)
    app.class_mode = class_mode
    app.start(To("title"))
    if dropped:
        from game.mods import turned_off_words

        # Said in the terminal the game was started from too, where a modder is looking.
        for problem in dropped:
            print(problem, file=sys.stderr)
        print(turned_off_words(loadout), file=sys.stderr)
        show_problems(app, dropped, turned_off_words(loadout),
                      "Mods shows which, and each is tried again when the game opens. Its maker can find each "
                      "mistake at the place named.")
    try:
        return app.run()
    finally:
        pygame.quit()

"""Kiosk mode in the window: a touch screen left alone at a festival or in a museum.

The App asks this first about every event and after every change of screens.  It keeps the
game on screen (closing the window, Alt+F4, Ctrl+Q, Ctrl+W, F11 and Esc never leave it), ends
an abandoned visit (a "still there?" warning, then the attract screen and a fresh game),
opens the staff PIN pad on the staff chord or a long press in the top-left corner, and
keeps nothing of one visitor for the next: saves live in memory (:mod:`game.visit_slots`),
settings changed during a visit are put back, and nothing is written to the disk but the
optional anonymous statistics (the visitor book, :mod:`game.visitor_book`) and the log.

The rules themselves (idle times, corner, PIN) are plain Python in :mod:`game.kiosk_rules`.
"""

from __future__ import annotations

import dataclasses
import logging
import logging.handlers
import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import pygame

from game import debrief_document as doc
from game import display_check
from game.kiosk_rules import (ConfigError, CornerPress, IdleClock, KioskConfig, PinLock, attract_lines, load_config,
                        protect)
from game.paths import data_dir, kiosk_log, story_cache, visitor_book_file
from game.settings import Settings
from game.ui.input import Fingers
from game.ui.scene import Push, To
from game.visit_slots import VisitSlots
from game.engine.story import PLAYER
from game.kiosk_visits import MARK as VISIT_MARK
from game.kiosk_visits import Visits, kiosk_name
from game.visitor_book import ABANDONED, CUT_SHORT, LEFT, VisitorBook, comparison_section

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger("keeping_trust.kiosk")

#: The staff chord: Ctrl+Shift+F12 opens the PIN pad (no visitor presses it by chance, and
#: no desktop takes it for itself).
STAFF_KEY = pygame.K_F12
STAFF_MODS = (pygame.KMOD_CTRL, pygame.KMOD_SHIFT)
#: Keys that would leave or shrink the game on a desktop; in a kiosk they do nothing.
_REFUSED = ((pygame.K_F4, pygame.KMOD_ALT), (pygame.K_q, pygame.KMOD_CTRL), (pygame.K_w, pygame.KMOD_CTRL),
            (pygame.K_F11, 0), (pygame.K_RETURN, pygame.KMOD_ALT), (pygame.K_KP_ENTER, pygame.KMOD_ALT),
            (pygame.K_TAB, pygame.KMOD_ALT))
_DIGITS = {**{getattr(pygame, f"K_{n}"): str(n) for n in range(10)},
           **{getattr(pygame, f"K_KP{n}"): str(n) for n in range(10)}}
#: Events that say someone is at the screen.  The pointer merely moving is not one: a
#: jittery touch panel would otherwise keep an abandoned game alive for ever.
_PRESENCE = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL,
             pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION)
#: A finger that has been "down" this long without a lift is one whose lift was lost; the
#: screen answers other fingers again.
STUCK_FINGER_SECONDS = 30.0
#: Where the staff PIN's count of wrong tries and its lock are kept, in the data folder, so a
#: restart (or a crash a visitor provoked) does not open the pad again.
PIN_STATE = "kiosk-pin.json"
#: The most log bytes kept: the log file and three older ones.
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


class KioskMode:
    """What the App consults in kiosk mode.  ``book`` is the visitor statistics (None: off)."""

    def __init__(self, config: KioskConfig, story, book: VisitorBook | None = None) -> None:
        self.config = config
        self.story = story
        self.book = book
        self.idle = IdleClock(config.idle_seconds, config.warning_seconds)
        self.corner = CornerPress(config.long_press_seconds)
        self.lock = PinLock(config.staff_pin, data_dir() / PIN_STATE)
        if self.lock.problem:
            log.warning("%s", self.lock.problem)
        self.visits = Visits(book, kiosk_name(config.kiosk_name), config.route, data_dir() / VISIT_MARK)
        self.slots = VisitSlots()
        self.lines = list(config.attract_lines) or attract_lines(story) or [story.title]
        #: Each visitor starts from these (the game's defaults, full screen).
        self.settings = Settings(fullscreen=True)
        self.visit_seconds = 0.0
        self.visits_finished = 0
        self.staff_left = False
        self._finger: tuple[int, int] | None = None
        self._finger_held = 0.0

    def visitor_settings(self) -> Settings:
        return dataclasses.replace(self.settings)

    # -- events ------------------------------------------------------------------------------
    def intercept(self, app: "App", event: pygame.event.Event) -> bool:
        """True if ``event`` is the kiosk's own business and must not reach the scenes."""
        kind = event.type
        if kind in (pygame.QUIT, pygame.WINDOWCLOSE):
            log.info("ignored a request to close the window")
            return True
        if kind == pygame.KEYDOWN:
            mods = event.mod
            if event.key == STAFF_KEY and all(mods & m for m in STAFF_MODS):
                self.ask_for_pin(app)
                return True
            digit = _DIGITS.get(event.key)
            if digit is not None and app.scenes and app.top.name == "staff":
                # Every digit, 0 too, types into the PIN rather than choosing a button.
                self.idle.touch()
                app.top.type(digit)
                return True
            for key, mod in _REFUSED:
                if event.key == key and (mod == 0 or mods & mod):
                    log.info("ignored %s", pygame.key.name(event.key) if pygame.display.get_init() else event.key)
                    return True
        if kind in _PRESENCE:
            self.idle.touch()
        if kind in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            return self._finger_event(app, event)
        if getattr(event, "touch", False):
            return False                    # SDL's mouse copy of a touch: the fingers decide
        if kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.corner.press(*self._fraction(app, event.pos))
        elif kind == pygame.MOUSEMOTION and event.buttons and event.buttons[0]:
            self.corner.move(*self._fraction(app, event.pos))
        elif kind == pygame.MOUSEBUTTONUP:
            self.corner.release()
        elif kind == pygame.MOUSEMOTION and self.config.hide_cursor is False:
            pygame.mouse.set_visible(True)
        return False

    def _finger_event(self, app: "App", event: pygame.event.Event) -> bool:
        # One finger at a time: a second hand on the screen (a child's palm, two visitors)
        # neither taps nor scrolls, so the story never takes two choices at once.
        finger = (getattr(event, "touch_id", 0), getattr(event, "finger_id", 0))
        if event.type == pygame.FINGERDOWN:
            if self._finger is not None and self._finger != finger:
                return True
            self._finger, self._finger_held = finger, 0.0
            self.corner.press(event.x, event.y)
            if self.config.hide_cursor:
                pygame.mouse.set_visible(False)
            return False
        if self._finger is not None and finger != self._finger:
            return True
        if event.type == pygame.FINGERMOTION:
            self.corner.move(event.x, event.y)
        else:
            self._finger = None
            self.corner.release()
        return False

    @staticmethod
    def _fraction(app: "App", pos) -> tuple[float, float]:
        w, h = app.size
        return pos[0] / max(1, w), pos[1] / max(1, h)

    # -- time --------------------------------------------------------------------------------
    def tick(self, app: "App", dt: float) -> None:
        """Advance the kiosk's clocks by ``dt`` and change screens as they say."""
        if self._finger is not None:
            self._finger_held += dt
            if self._finger_held > STUCK_FINGER_SECONDS:
                self._finger = None
        if self.corner.tick(dt):
            self.ask_for_pin(app)
        if not app.scenes:
            return
        if app.top.name == "attract":
            self.idle.disarm()
            return
        if not self.idle.armed:
            self.idle.arm()
            self.visit_seconds = 0.0
            self.visits.begin()
        self.idle.tick(dt)
        self.visit_seconds += dt
        if self.idle.expired:
            self.back_to_attract(app, ABANDONED)
        elif self.idle.warning and not any(s.name == "still_there" for s in app.stack):
            app.apply(Push(To("still_there", idle=self.idle)))

    # -- screens -----------------------------------------------------------------------------
    def ask_for_pin(self, app: "App") -> None:
        if not self.config.staff_exit_possible:
            log.warning("staff exit asked for, but the config sets no staff_pin")
            return
        if app.scenes and app.top.name == "staff":
            return
        app.apply(Push(To("staff", lock=self.lock)))

    def settle(self, app: "App") -> None:
        """After screens changed: a quit ends the visit (the staff's quit ends the game), and
        the title screen is never shown — the attract screen stands in for it."""
        if app.scenes.quit_asked:
            app.scenes.quit_asked = False
            if self.staff_left:
                log.info("staff exit")
                app.running = False
                return
            self.back_to_attract(app, LEFT)
            return
        # The debrief's Finish leads to the attract screen too: the visit ends the same way.
        if app.scenes and (app.top.name == "title" or (app.top.name == "attract" and self.idle.armed)):
            self.back_to_attract(app, LEFT)

    def back_to_attract(self, app: "App", ended: str = LEFT) -> None:
        """End the visit (``ended`` says how, unless it reached the debrief): a fresh attract
        screen, and nothing of this visitor kept."""
        self.visits.end(ended, self.visit_seconds)
        self.slots.forget()
        self.idle.disarm()
        self.corner.release()
        self._finger = None
        app.loop.fingers = Fingers()
        if app.settings != self.settings:
            app.settings = self.visitor_settings()
            app.apply_settings()
        # Whatever the last visit did to the window, the next visitor finds it full screen.
        app.keep_fullscreen(force=True)
        app.scenes.start(To("attract", lines=self.lines))
        app.scenes.mark_dirty()

    # -- the end of a visit ------------------------------------------------------------------
    def finish_visit(self, session, debrief, document: doc.Document) -> doc.Document:
        """Count a finished visit; with statistics on, add "the system compares you too"."""
        self.visits_finished += 1
        log.info("visit finished: %s, %s route, %.0f s", debrief.ending_title, session.route, self.visit_seconds)
        if self.book is None:
            self.visits.finish(debrief, self.visit_seconds, ())
            return document
        try:
            place = self.visits.finish(debrief, self.visit_seconds,
                                       (e.behaviour for e in session.events if e.subject == PLAYER and e.passage))
        except (OSError, sqlite3.Error) as exc:
            log.error("visitor statistics not written: %s", exc)
            return document
        finally:
            if self.book.problem:
                log.warning("%s", self.book.problem)
                self.book.problem = None
        if place is None:              # busy: the visit is kept for the next one, no comparison now
            return document
        home = self.story.jurisdictions[self.story.home]
        section = comparison_section(place, [g for g, _ in home.grades], debrief.home.grade)
        return doc.Document(document.title, (*document.sections, section))


def _open_log(config: KioskConfig, config_path: Path | None) -> logging.Handler:
    """The kiosk's log, opened; a log that cannot be written is the config's mistake (exit 2,
    not a crash the supervisor would restart for ever)."""
    if config.log_file:
        path = Path(config.log_file)
        where = f"{config_path or 'kiosk config'}: log_file"
        if path.is_dir():
            raise ConfigError([f"{where}: {path} is a folder; name a file in it"])
        if not path.parent.is_dir():
            raise ConfigError([f"{where}: the folder {path.parent} does not exist"])
    else:
        path, where = kiosk_log(), "the kiosk's log"
    try:
        return log_to(path)
    except OSError as exc:
        raise ConfigError([f"{where}: {path} cannot be written: {exc.strerror or exc}"]) from None


def log_to(path: Path) -> logging.Handler:
    """Send the kiosk's log to ``path``, rotated so a kiosk running for months keeps a few
    megabytes at most."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    root = logging.getLogger("keeping_trust")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


class SystemStop:
    """SIGTERM (``systemctl stop``, a shutdown) and SIGINT end the kiosk cleanly, with exit
    code 0, at the next turn of the loop.  SDL would turn them into a quit event, which a
    kiosk ignores like every close request; so SDL is told to leave signals alone and these
    handlers take them instead."""

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __init__(self) -> None:
        self.asked: str | None = None
        self.app: "App | None" = None
        self._before: dict[int, object] = {}

    def install(self) -> None:
        os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
        for number in self.SIGNALS:
            self._before[number] = signal.signal(number, self._stop)

    def uninstall(self) -> None:
        for number, handler in self._before.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        self._before.clear()

    def _stop(self, number: int, _frame) -> None:
        self.asked = signal.Signals(number).name
        if self.app is not None:
            self.app.running = False


def run(story_dir: Path, *, mods: Sequence[Path] = (), config_path: Path | None = None,
        seed: int | None = None) -> int:
    """Open the game as a kiosk.  Returns 0 after the staff exit, 2 if the config cannot be
    used, 3 if the story cannot be loaded (the codes after which a supervisor should not
    start it again: a crash exits with 1); anything else that stops it is logged and
    raised, so a supervisor (systemd, ``installations/kiosk_wrapper.py``) starts it again."""
    stop = SystemStop()
    stop.install()
    try:
        return _run(story_dir, mods, config_path, seed, stop)
    finally:
        stop.uninstall()


def _run(story_dir: Path, mods: Sequence[Path], config_path: Path | None, seed: int | None,
         stop: SystemStop) -> int:
    try:
        config = load_config(config_path)
        handler = _open_log(config, config_path)
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    if config_path is not None and config.staff_pin:
        note = protect(config_path)
        if note:
            log.warning("%s", note)
    try:
        return _open(story_dir, mods, config, seed, stop)
    finally:
        if stop.asked:
            log.info("stopped by %s", stop.asked)
        logging.getLogger("keeping_trust").removeHandler(handler)
        handler.close()


def _open(story_dir: Path, mods: Sequence[Path], config: KioskConfig, seed: int | None,
          stop: SystemStop) -> int:
    from game.engine import StoryError
    from game.engine.broken_mods import check_leaving_out_broken
    from game.ui.app import App

    story, problems, broken = check_leaving_out_broken(Path(story_dir), [Path(m) for m in mods], story_cache())
    if story is None:
        report = StoryError(problems).report()
        log.error("the story cannot be loaded:\n%s", report)
        print(report, file=sys.stderr)
        return 3
    for mod in broken:
        # One broken mod costs the visitors only what it adds: the kiosk opens with the others.
        report = StoryError(list(mod.problems)).report()
        log.error("the mod in %s has errors and is turned off:\n%s", mod.folder, report)
        print(report, file=sys.stderr)
    if stop.asked:
        return 0
    book = None
    if config.statistics:
        # Only the kiosk's own default file may be set aside when damaged; a file the
        # operator named is left as it is.
        book = (VisitorBook(Path(config.statistics_file)) if config.statistics_file
                else VisitorBook(visitor_book_file(), own_file=True))
    if not config.staff_exit_possible:
        log.warning("no staff_pin in the config: the staff exit is off; stop the kiosk from a terminal")
    # Windows closes a window on Alt+F4 by itself unless SDL is told not to.
    os.environ.setdefault("SDL_WINDOWS_NO_CLOSE_ON_ALT_F4", "1")
    kiosk = KioskMode(config, story, book)
    app = App(story, kiosk=kiosk, seed=seed, sound=config.sound)
    unseen = display_check.unseen(pygame.display.get_driver())
    if unseen:
        log.error("%s", unseen)
        print(unseen, file=sys.stderr)
        pygame.quit()
        return display_check.NO_DISPLAY
    stop.app = app
    if stop.asked:
        app.running = False
    if config.hide_cursor:
        pygame.mouse.set_visible(False)
    log.info("kiosk started: %s route, idle %g s + %g s warning, statistics %s", config.route,
             config.idle_seconds, config.warning_seconds, "on" if book else "off")
    kiosk.visits.unclean_end_before()
    kiosk.back_to_attract(app)
    try:
        return app.run()
    except Exception:
        log.exception("the kiosk stopped")
        kiosk.visits.end(CUT_SHORT, kiosk.visit_seconds, "the kiosk crashed")
        raise
    finally:
        # Stopped in the middle of a visit (a staff exit, SIGTERM): the visit is counted so.
        kiosk.visits.end(CUT_SHORT, kiosk.visit_seconds, f"stopped by {stop.asked}" if stop.asked else "staff exit")
        if book is not None:
            _write_kept_visits(book)
        pygame.quit()


def _write_kept_visits(book: VisitorBook) -> None:
    """Visits kept while the statistics file was held go in now, as the kiosk stops; what
    still cannot be written is said in the log, with the count, not dropped in silence."""
    if not book.pending:
        return
    kept = len(book.pending)
    try:
        written = book.write_pending()
    except (OSError, sqlite3.Error) as exc:
        log.error("%d kept visit(s) not written at stop: %s", kept, exc)
        return
    if written:
        log.info("%d kept visit(s) written at stop", kept)
    else:
        log.error("%d kept visit(s) not written at stop: the statistics file is still held", kept)

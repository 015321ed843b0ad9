"""Putting a newly loaded story under a running game.

A story reloaded (a watched file saved, Ctrl+R, a mod turned on or off) is checked before
anything changes: one with errors is never played, its problems are shown over the game and
the story as it last loaded goes on.  One that loads replaces the old everywhere — the App,
its playthroughs and the screen at the bottom of the stack — and the game in progress is
carried over: the same state at the same passage when the story still has it, otherwise the
same choices replayed as far as the new story allows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.named import Route
from game.ui.scene import Push, Reset, Scene, To, Transition

if TYPE_CHECKING:
    from game.engine import Session, Story
    from game.ui.app import App

BROKEN = "The story did not reload: it has errors"
BROKEN_ADVICE = ("The game goes on with the story as it last loaded. Fix these and save the file; "
                 "Ctrl+R tries again.")


def carry(session: Session, story: Story) -> tuple[Session, str | None]:
    """``session`` on ``story``, and a note for the player when it could not stay where it was."""
    from game.engine import HistoryEntry, SaveError, Session  # the session's code, read when a story reloads

    try:
        carried = Session.from_json(story, session.to_json())
    except SaveError:
        return _replayed(session, story)
    # The page on screen is the one the edit changed: the history shows it as it reads now.
    if carried.history and carried.history[-1].passage_id == carried.position:
        last, page = carried.history[-1], carried.page
        carried.history[-1] = HistoryEntry(last.passage_id, page.style, page.speaker, page.title, page.text,
                                           last.chosen)
    return carried, None


def _replayed(session: Session, story: Story) -> tuple[Session, str]:
    from game.engine import Session

    route = session.route if session.route == Route.FULL or story.has_short_route else Route.FULL
    replay = Session.new(story, seed=session.seed, route=route)
    for number in session.path:
        if replay.is_over or number > len(replay.page.choices):
            break
        replay.choose(number)
    return replay, (f"The passage ‘{session.position}’ is no longer in the story; "
                    f"the same choices lead to ‘{replay.position}’.")


def try_reload(app: "App") -> bool:
    """Load the story again with the mods now chosen; True if it loaded and took over.

    A mod turned off for its errors is tried again first, so its fix brings it back; if it
    still has errors, the story reloads without it, and its problems are shown when they are
    not the ones it had."""
    loadout = app.loadout
    changed = False
    if loadout.broken:
        from game.engine.broken_mods import whose

        retried = loadout.retried()
        story, problems = retried.load()
        if story is not None:
            app.loadout = retried
            take_over(app, story)
            return True
        found = whose(problems, list(loadout.broken))
        now = {folder: tuple(found.get(folder, ())) or old for folder, old in loadout.broken.items()}
        changed = now != loadout.broken
        loadout.broken = now
    story, problems = loadout.load()
    if story is None:
        show_problems(app, problems, BROKEN, BROKEN_ADVICE)
        return False
    take_over(app, story)
    if loadout.broken and changed:
        from game.mods import turned_off_words

        show_problems(app, [p for each in loadout.broken.values() for p in each], turned_off_words(loadout),
                      "The game goes on without it. Fix these and save the file; Ctrl+R tries again.")
    return True


def show_problems(app: "App", problems, heading: str, advice: str) -> None:
    """The problems over the game; a list already showing is replaced, never stacked."""
    top = app.top if app.scenes else None
    if top is not None and top.name == "problems":
        top.show(problems, heading, advice)  # type: ignore[attr-defined]
        top.dirty = True
        return
    app.apply(Push(To("problems", problems=problems, heading=heading, advice=advice)))


def take_over(app: "App", story: Story) -> None:
    """Make ``story`` the one played: the screen at the bottom of the stack is made anew on it,
    the problems shown for the story before close, and scenes that ask to (the mod list) stay."""
    app.story = story
    app.playthroughs.story = story
    app.playthroughs.mods = app.loadout.records()
    if app.watch is not None:
        app.watch.watch(app.loadout.watched())
    if not app.scenes:
        return
    bottom, note = _anew(app, app.stack[0], story)
    kept = [s for s in app.stack[1:] if getattr(s, "stays_through_reload", False)]
    app.apply(Reset(bottom, then=_push_all(kept)))
    if note:
        app.toast(note, 6)


def _push_all(scenes: list[Scene]) -> Transition | None:
    # The scenes themselves, not screens named anew: they keep what they hold (a mod list's
    # place).
    transition: Transition | None = None
    for scene in reversed(scenes):
        transition = Push(scene, then=transition)
    return transition


def _anew(app: "App", scene: Scene, story: Story) -> tuple[Scene | To, str | None]:
    session = getattr(scene, "session", None)
    if session is None:
        return (To("title") if scene.name == "title" else scene), None
    carried, note = carry(session, story)
    if scene.name in ("debrief", "guess") and carried.is_over:
        return To("after the ending", session=carried, again=getattr(scene, "again", False)), note
    if scene.name == "play" and carried.position == session.position:
        # The page being read and how far, found again in the edited text.
        return To("play", session=carried, reading_place=scene.reading_place), note  # type: ignore[attr-defined]
    return To("play", session=carried), note

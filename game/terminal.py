"""The terminal front end: the same engine as the window, in plain text.

For screen readers, for tests, and for anyone without a display. It prints the passage,
numbered choices, and reads one number per line — or a word: ``h`` the history, ``r`` the page
again, ``s``/``l`` save and load in the window's own slots, ``?`` all of them.  Every line is
plain text: no control character ever reaches the terminal, whatever a story holds, so a
screen reader or a braille display is never sent an escape sequence.  Nothing it prints
before the debrief touches the score.
"""

from __future__ import annotations

import random
import textwrap
from typing import IO, TYPE_CHECKING, NamedTuple

from . import debrief_document
from .engine import Debrief, Page, Session
from .engine.printed import STRAY
from .engine.limits import MAX_AUTO_STEPS
from .engine.passage_words import framed_parts, keeps_lines, kind_heading, signature
from .typography import named_speaker, plain as in_plain_ascii, typographic

if TYPE_CHECKING:
    from .playthroughs import Playthroughs

WIDTH = 78
#: ``--width 0``: each paragraph on one line, for screen readers and braille displays that
#: wrap by themselves (a wrapped line reads as a pause mid-sentence).
UNWRAPPED = 100_000

def page_lines(page: Page, width: int = WIDTH) -> list[str]:
    """A page as lines of text: heading, prose, choices, with typographic quotes.

    A dialogue passage is headed "Name:" only when it opens with that person speaking; a
    narrated scene that quotes them further on would otherwise read like a script."""
    width = width if width > 0 else UNWRAPPED
    lines: list[str] = []
    # Narration told around a letter or a screen comes before its heading and after its
    # signature, never inside what is printed on it.
    before, printed, after = framed_parts(page.text, page.narrated_before, page.narrated_after)
    for paragraph in before:
        lines += [*textwrap.wrap(" ".join(paragraph.split()), width), ""]
    heading = kind_heading(page.style, page.speaker, page.title)
    if heading:
        lines += [f"[ {heading} ]", ""]
    elif page.title:
        lines += [page.title, ""]
    if page.style == "dialogue" and named_speaker(page.style, page.speaker, page.text):
        lines += [f"{page.speaker}:", ""]
    for paragraph in printed:
        if keeps_lines(page.style):
            for raw in paragraph.split("\n"):
                lines += textwrap.wrap(raw, width) or [""]
        else:
            lines += textwrap.wrap(paragraph, width)
        lines.append("")
    signed = signature(page.style, page.speaker)
    if signed:
        lines += [f"    — {signed}", ""]
    for paragraph in after:
        lines += [*textwrap.wrap(" ".join(paragraph.split()), width), ""]
    if page.is_ending:
        lines += [f"* {page.ending_title} *", ""]
    for choice in page.choices:
        lines += textwrap.wrap(f"{choice.number}. {choice.text}", width, subsequent_indent="   ")
    return [typographic(line) for line in lines]


def debrief_lines(debrief: Debrief, width: int = WIDTH) -> list[str]:
    """The debrief as plain text, from the same document the window sets on paper. Its first
    line is the word that opens the ledger; a wrapped line stays indented under its item."""
    answer, detail, _ = debrief_parts(debrief, width)
    return answer + ([""] + detail if detail else [])


#: The sections a player reads before being asked whether to go on: the one-screen answer to
#: their guess (grade, what counted and who reported it, what another choice would have
#: changed). A visitor with ten minutes can stop there; how the life ended, the ledger and the
#: rest follow for whoever wants them.
ANSWER_SECTIONS = ("The answer",)


def debrief_parts(debrief: Debrief, width: int = WIDTH) -> tuple[list[str], list[str], str]:
    """The debrief as plain text in two parts, the answer and then the detail (how it ended,
    the ledger, the grade, what was not counted, the other lists and the questions), with
    the question the terminal asks between them: the detail's headings, so the player knows
    what Enter opens."""
    width = width if width > 0 else UNWRAPPED
    sections = debrief_document.build(debrief, "").sections
    first = 0
    while first < len(sections) and sections[first].title in ANSWER_SECTIONS:
        first += 1
    rest = sections[first:]
    prompt = f"(Enter for the rest: {' · '.join(section.heading for section in rest)}. Or q to finish here.)"
    return ["Debrief", "=" * 7] + _section_lines(sections[:first], width), _section_lines(rest, width), prompt


def _section_lines(sections, width: int) -> list[str]:
    out: list[str] = []
    for section in sections:
        heading = textwrap.wrap(section.heading, width)
        out += ["", *textwrap.wrap(section.kicker.upper(), width), *heading,
                "-" * max(len(line) for line in heading), ""]
        for block in section.blocks:
            for line in _block_lines(block, width):
                if line or (out and out[-1]):   # one blank line between blocks, never two
                    out.append(line)
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def _block_lines(block: debrief_document.Block, width: int) -> list[str]:
    if isinstance(block, debrief_document.Paragraph):
        # A blank line before it too: a paragraph after a list item must not read as its tail.
        return [""] + textwrap.wrap(block.text, width) + [""]
    if isinstance(block, debrief_document.Subhead):
        return [""] + textwrap.wrap(block.text, width) + [""]
    if isinstance(block, debrief_document.Item):
        lead = f"  {block.mark} "
        lines = textwrap.wrap(block.text, width, initial_indent=lead, subsequent_indent=" " * len(lead))
        return lines + ([""] if block.mark[:1].isdigit() else [])
    if isinstance(block, debrief_document.Standing):
        return [f"{block.caption}: {block.score:,}    Grade: {block.grade}",
                f"Started at {block.start:,} — {block.change()}.", ""]
    if isinstance(block, debrief_document.Table):
        return _table_lines(block, width) + [""]
    raise TypeError(f"no text form for {block!r}")


def _cell_text(cell: debrief_document.Cell) -> str:
    if isinstance(cell, debrief_document.Points):
        return debrief_document.signed(cell.value, "-")
    return f"{cell:,}" if isinstance(cell, int) else cell


def _table_lines(table: debrief_document.Table, width: int) -> list[str]:
    """Columns side by side; a column of text wraps within its own width, the others keep
    theirs, so every row stays one row however narrow the terminal."""
    gap = 2
    cells = [[_cell_text(c) for c in row] for row in table.rows]
    natural = [max([len(col.title)] + [len(row[i]) for row in cells]) for i, col in enumerate(table.columns)]
    fixed = sum(n for n, col in zip(natural, table.columns) if not col.wraps)
    wrapping = [i for i, col in enumerate(table.columns) if col.wraps]
    room = width - fixed - gap * (len(table.columns) - 1)
    # Each wrapping column first gets its longest word, so no word is ever broken; what is
    # left is shared out so short columns ("not counted") are whole before long ones grow.
    widths = list(natural)
    for i in wrapping:
        widths[i] = max(len(word) for text in [table.columns[i].title] + [row[i] for row in cells]
                        for word in (text.split() or [""]))
    spare = room - sum(widths[i] for i in wrapping)
    waiting = sorted(wrapping, key=lambda i: natural[i] - widths[i])
    while waiting and spare > 0:
        share = spare // len(waiting)
        i = waiting[0]
        give = min(natural[i] - widths[i], max(share, 0))
        if give < natural[i] - widths[i]:
            for j in waiting:
                widths[j] += share
            break
        widths[i] += give
        spare -= give
        waiting.pop(0)

    def row_lines(texts: list[str]) -> list[str]:
        columns = [textwrap.wrap(t, w) or [""] if col.wraps else [t]
                   for t, w, col in zip(texts, widths, table.columns)]
        lines = []
        for n in range(max(len(c) for c in columns)):
            parts = []
            for column, w, col in zip(columns, widths, table.columns):
                text = column[n] if n < len(column) else ""
                parts.append(text.rjust(w) if col.numeric else text.ljust(w))
            lines.append((" " * gap).join(parts).rstrip())
        return lines

    out = row_lines([col.title for col in table.columns])
    out.append("-" * min(width, sum(widths) + gap * (len(widths) - 1)))
    for row in cells:
        out += row_lines(row)
    return out




class Outcome(NamedTuple):
    """How play ended (0 at an ending, 1 stopped early) and the life played last, which a
    load may have put in place of the one play began with."""

    code: int
    session: Session


def play(session: Session, stdin: IO[str], stdout: IO[str], *, auto: random.Random | None = None,
         width: int = WIDTH, max_steps: int = MAX_AUTO_STEPS, plain: bool = False,
         saves: "Playthroughs | None" = None) -> int:
    """Play to an ending (or until input ends). Returns 0 at an ending, 1 if stopped early.
    See :func:`play_on`."""
    return play_on(session, stdin, stdout, auto=auto, width=width, max_steps=max_steps,
                   plain=plain, saves=saves).code


HELP = [
    "Type a choice's number and Enter to choose (Enter alone where there is one way on).",
    "  h         the history: the last five passages read, and what you chose",
    "  h N       the last N passages; h all for every one",
    "  r         read this page again",
    "  s         save in the quick save;  s N  save in slot N (1 to 12)",
    "  l         list the saved games;    l N  load slot N;  l quick, l auto",
    "  ?         this list",
    "  q         stop",
]

#: How many earlier passages ``h`` prints unless told.
HISTORY_SHOWN = 5


def play_on(session: Session, stdin: IO[str], stdout: IO[str], *, auto: random.Random | None = None,
            width: int = WIDTH, max_steps: int = MAX_AUTO_STEPS, plain: bool = False,
            saves: "Playthroughs | None" = None) -> Outcome:
    """Play to an ending (or until input ends); the outcome holds the life played last.

    With ``auto``, choices are made at random, and play stops (returning 1) after
    ``max_steps`` of them without an ending.  With ``plain``, everything is printed in plain
    ASCII (straight quotes, ``--`` for dashes) for screen readers and old terminals.
    ``saves`` (the window's slots) lets the player save and load; without it they are told
    saving is not offered here."""
    def say(lines: list[str]) -> None:
        lines = [printable(line) for line in lines]
        if plain:
            lines = [in_plain_ascii(line) for line in lines]
        stdout.write("\n".join(lines) + "\n")
        stdout.flush()

    # A new heading when the day or the city changes: a train can take the same day to Nanjing.
    last_place = None
    steps = 0
    if auto is None:
        say(["(Type a choice's number. ? lists the other commands: history, save, load.)"])
    while True:
        page = session.page
        if (page.day, page.city_name) != last_place:
            say(["", f"— Day {page.day}, {page.city_name} —", ""])
            last_place = (page.day, page.city_name)
        say(page_lines(page, width))
        if session.is_over:
            if not _guess(session, stdin, stdout, auto, say, width):
                say(["", "(Stopped before the debrief. Only what you saved with s is kept.)" if saves is not None
                     else "(Stopped before the debrief. Nothing was saved.)"])
                return Outcome(1, session)
            _debrief(session.debrief(), stdin, stdout, auto, say, width)
            return Outcome(0, session)
        if not page.choices:
            say(["(The story has no way on from here.)"])
            return Outcome(1, session)
        if auto is not None and steps >= max_steps:
            say(["", f"(Stopped after {steps:,} choices without reaching an ending: the story may "
                     "loop with no way out. Try 'python main.py explore'.)"])
            return Outcome(1, session)
        steps += 1
        while True:
            answer = _pick(page, stdin, stdout, auto)
            if answer is None:
                say(["", "(Stopped. Only what you saved with s is kept.)" if saves is not None
                     else "(Stopped. Nothing was saved.)"])
                return Outcome(1, session)
            if isinstance(answer, int):
                break
            word, _, rest = answer.partition(" ")
            rest = rest.strip()
            if word in ("?", "help"):
                say(HELP)
            elif word in ("h", "history"):
                say(history_lines(session, rest, width))
            elif word in ("r", "again"):
                say(page_lines(page, width))
            elif word in ("s", "save", "l", "load") and saves is None:
                say(["Saving and loading are not offered here."])
            elif word in ("s", "save"):
                say([_save(saves, session, rest or QUICK_NAME)])
            elif word in ("l", "load") and not rest:
                say(saved_games(saves))
            else:
                loaded, message = _load(saves, rest)
                say([message])
                if loaded is not None:
                    session, last_place = loaded, None
                    break
        if isinstance(answer, int):
            session.choose(answer)
            say([""])


GUESS_OPENING = "Before the ledger opens: what do you think was going on? One number each."


def guess_lines(question, number: int, of: int, width: int = WIDTH) -> list[str]:
    """One question asked at the ending, with its numbered options."""
    width = width if width > 0 else UNWRAPPED
    lines = textwrap.wrap(f"{number} of {of}. {question.question}", width)
    for n, option in enumerate(question.options, 1):
        lines += textwrap.wrap(f"{n}. {option.text}", width, subsequent_indent="   ")
    return [typographic(line) for line in lines]


def _guess(session: Session, stdin: IO[str], stdout: IO[str], auto: random.Random | None, say,
           width: int) -> bool:
    """Ask each guess not yet made, one number each; False if input ended or the player stopped."""
    from .engine.guesses import GUESSES

    if session.guessing is None:
        return True
    say(["", *textwrap.wrap(GUESS_OPENING, width if width > 0 else UNWRAPPED)])
    while (question := session.guessing) is not None:
        number = GUESSES.index(question) + 1
        say([""] + guess_lines(question, number, len(GUESSES), width))
        if auto is not None:
            pick = auto.randint(1, len(question.options))
            stdout.write(f"> {pick}\n")
        else:
            pick = None
            while pick is None:
                stdout.write("> ")
                stdout.flush()
                line = stdin.readline()
                if not line:
                    return False
                answer = line.strip().lower()
                if answer in ("q", "quit"):
                    return False
                if answer.isdigit() and 1 <= int(answer) <= len(question.options):
                    pick = int(answer)
                else:
                    stdout.write(f"Type a number from 1 to {len(question.options)} (or q to stop).\n")
        session.guess(question.id, question.options[pick - 1].id)
    return True


def _debrief(debrief: Debrief, stdin: IO[str], stdout: IO[str], auto: random.Random | None, say,
             width: int) -> None:
    """The answer, then, unless the player stops there, the detail. Automatic play and input
    that has run out read it all, so a scripted life's output is the whole debrief."""
    answer, detail, prompt = debrief_parts(debrief, width)
    say([""] + answer)
    if not detail:
        return
    if auto is None:
        say(["", *textwrap.wrap(prompt, width if width > 0 else UNWRAPPED)])
        stdout.write("> ")
        stdout.flush()
        if stdin.readline().strip().lower() in ("q", "quit"):
            say(["", "(Finished.)"])
            return
    say([""] + detail)


def printable(line: str) -> str:
    """``line`` without what a terminal would obey: a story's (or a damaged save's) stray
    escape or bell, a bidi override that would make the line read out of order, a Unicode
    line separator, or an undecodable byte never reaches a screen reader; a tab is a space."""
    if line.isprintable():
        return line
    # The marks (LRM, RLM) that right-to-left text needs stay.
    return STRAY.sub(lambda m: " " if m.group() == "\t" else "", line)


def history_lines(session: Session, how_many: str = "", width: int = WIDTH) -> list[str]:
    """The passages read before this one, each with the choice taken: the last
    :data:`HISTORY_SHOWN`, the last ``how_many``, or every one for ``"all"``."""
    earlier = list(session.read_before)
    if how_many == "all":
        shown = earlier
    elif how_many.isdigit() and int(how_many) > 0:
        shown = earlier[-int(how_many):]
    elif how_many:
        return ["Type h, h and a number, or h all."]
    else:
        shown = earlier[-HISTORY_SHOWN:]
    if not shown:
        return ["(Nothing read before this page.)"]
    out = [f"History: {len(shown)} of {len(earlier)} passages read before this one."]
    for n, entry in enumerate(shown, start=len(earlier) - len(shown) + 1):
        out += ["", f"-- {n} --", *page_lines(session.page_of(entry), width)]
        if out[-1] == "":
            out.pop()
        if entry.chosen:
            out.append(f"You chose: {entry.chosen}")
    out += ["", "(End of the history. r reads this page again.)"]
    return [typographic(line) for line in out]


def slots_for(story, mods: "list | tuple" = (), out: IO[str] | None = None) -> "Playthroughs":
    """The window's own save slots, for saving and loading at the prompt: a game saved in
    the terminal is resumed in the window, and the other way round.  ``mods`` are the mod
    folders played with, which each save names as the window's do."""
    import sys

    from .mods import ModRecord, describe
    from .saves import SlotStore
    from .playthroughs import Playthroughs

    out = out or sys.stdout
    saves = Playthroughs(story, SlotStore(), lambda message: print(printable(message), file=out))
    saves.mods = [ModRecord(mod.key, mod.name, mod.version) for mod in (describe(folder) for folder in mods)]
    return saves


#: The slot ``s`` saves in when given none: the window's quick save (F5).
QUICK_NAME = "quick"


def _slot_name(word: str) -> str | None:
    from .saves import AUTO, QUICK, slot_names

    word = word.lower()
    if word in (QUICK, AUTO) or word in slot_names():
        return word
    return None


def _slot_words(name: str) -> str:
    return {"quick": "the quick save", "auto": "the autosave"}.get(name, f"slot {name}")


def _save(saves: "Playthroughs", session: Session, word: str) -> str:
    name = _slot_name(word)
    if name is None or name == "auto":
        return "Save in s (the quick save) or s and a slot from 1 to 12."
    if not saves.save(name, session):
        return "Nothing was saved."     # the reason was reported as it happened
    return f"Saved in {_slot_words(name)}: {saves.place_of(session)}."


def _load(saves: "Playthroughs", word: str) -> tuple[Session | None, str]:
    from .saves import SlotError

    name = _slot_name(word)
    if name is None:
        return None, "Load with l and a slot from 1 to 12, l quick or l auto; l alone lists them."
    try:
        loaded = saves.load(name)
    except SlotError as exc:
        return None, f"{_slot_words(name).capitalize()}: {exc}"
    return loaded, f"Loaded {_slot_words(name)}."


def saved_games(saves: "Playthroughs") -> list[str]:
    """Every slot that holds a game, one line each: its name, where and when, its first words."""
    from .saves import AUTO, QUICK, local_time

    store = saves.store
    lines = []
    for info in [store.info(QUICK), store.info(AUTO), *store.list()]:
        if not info.exists:
            continue
        if info.problem:
            lines.append(f"{_slot_words(info.name).capitalize()}: {info.problem}. It cannot be loaded.")
            continue
        when = local_time(info.saved_at).strftime("%d %B %Y, %H:%M") if info.saved_at else "unknown time"
        lines.append(f"{_slot_words(info.name).capitalize()}: {info.place}, saved {when}. {info.summary}")
    if not lines:
        return ["No saved games yet. s saves this one."]
    return ["Saved games (l and a slot name loads one):", *lines]


def _pick(page: Page, stdin: IO[str], stdout: IO[str], auto: random.Random | None) -> int | str | None:
    """A choice's number, a command word (with what follows it), or None to stop."""
    if auto is not None:
        choice = auto.choice(page.choices)
        stdout.write(f"> {choice.number}\n")
        return choice.number
    while True:
        stdout.write("> ")
        stdout.flush()
        line = stdin.readline()
        if not line:
            return None
        answer = " ".join(line.lower().split())
        if answer in ("q", "quit"):
            return None
        if answer.partition(" ")[0] in _COMMANDS:
            return answer
        if len(page.choices) == 1:
            # Only one way on: Enter takes it, as anywhere that just says "go on".
            if answer in ("", "1"):
                return page.choices[0].number
            stdout.write("Press Enter to go on, or q to stop.\n")
            continue
        if answer.isdigit() and 1 <= int(answer) <= len(page.choices):
            return int(answer)
        stdout.write(f"Type a number from 1 to {len(page.choices)} (or q to stop).\n")


_COMMANDS = ("?", "help", "h", "history", "r", "again", "s", "save", "l", "load")

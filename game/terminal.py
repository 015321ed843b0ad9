"""The terminal front end: the same engine as the window, in plain text.

For screen readers, for tests, and for anyone without a display. It prints the passage,
numbered choices, and reads one number per line. Nothing it prints before the debrief
touches the score.
"""

from __future__ import annotations

import random
import textwrap
from typing import IO, Callable

from . import debrief_document
from .engine import Debrief, Page, Session
from .engine.styles import keeps_lines
from .typography import named_speaker, plain as in_plain_ascii, typographic

WIDTH = 78

_HEADINGS: dict[str, Callable[[Page], str]] = {
    "phone": lambda p: f"[ A message on your phone{' from ' + p.speaker if p.speaker else ''} ]",
    "letter": lambda p: f"[ A letter{' from ' + p.title if p.title else ''} ]",
    "bill": lambda p: f"[ A bill{': ' + p.title if p.title else ''} ]",
    "notice": lambda p: f"[ A notice{': ' + p.title if p.title else ''} ]",
    "ticket_machine": lambda p: f"[ The ticket machine's screen{': ' + p.title if p.title else ''} ]",
    "document": lambda p: f"[ {p.title or 'A printed document'} ]",
}


def page_lines(page: Page, width: int = WIDTH) -> list[str]:
    """A page as lines of text: heading, prose, choices, with typographic quotes.

    A dialogue passage is headed "Name:" only when it opens with that person speaking; a
    narrated scene that quotes them further on would otherwise read like a script."""
    lines: list[str] = []
    heading = _HEADINGS.get(page.style)
    if heading:
        lines += [heading(page), ""]
    elif page.title:
        lines += [page.title, ""]
    if page.style == "dialogue" and named_speaker(page.style, page.speaker, page.text):
        lines += [f"{page.speaker}:", ""]
    for paragraph in page.text.split("\n\n"):
        if keeps_lines(page.style):
            for raw in paragraph.split("\n"):
                lines += textwrap.wrap(raw, width) or [""]
        else:
            lines += textwrap.wrap(paragraph, width)
        lines.append("")
    if page.style == "letter" and page.speaker:
        lines += [f"    — {page.speaker}", ""]
    if page.is_ending:
        lines += [f"* {page.ending_title} *", ""]
    for choice in page.choices:
        lines += textwrap.wrap(f"{choice.number}. {choice.text}", width, subsequent_indent="   ")
    return [typographic(line) for line in lines]


def debrief_lines(debrief: Debrief, width: int = WIDTH) -> list[str]:
    """The debrief as plain text, from the same document the window sets on paper. Its first
    line is the word that opens the ledger; a wrapped line stays indented under its item."""
    document = debrief_document.build(debrief, "")
    out = ["Debrief", "=" * 7]
    for section in document.sections:
        heading = textwrap.wrap(section.heading, width)
        out += ["", *textwrap.wrap(section.kicker.upper(), width), *heading,
                "-" * max(len(line) for line in heading), ""]
        for block in section.blocks:
            for line in _block_lines(block, width):
                if line or (out and out[-1]):   # one blank line between blocks, never two
                    out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _block_lines(block: debrief_document.Block, width: int) -> list[str]:
    if isinstance(block, debrief_document.Paragraph):
        return textwrap.wrap(block.text, width) + [""]
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


#: Automatic play gives up after this many choices: in a story whose loop has no way out it
#: would otherwise choose for ever.  A life through the shipped story takes about a hundred.
MAX_AUTO_STEPS = 5000


def play(session: Session, stdin: IO[str], stdout: IO[str], *, auto: random.Random | None = None,
         width: int = WIDTH, max_steps: int = MAX_AUTO_STEPS, plain: bool = False) -> int:
    """Play to an ending (or until input ends). Returns 0 at an ending, 1 if stopped early.

    With ``auto``, choices are made at random, and play stops (returning 1) after
    ``max_steps`` of them without an ending.  With ``plain``, everything is printed in plain
    ASCII (straight quotes, ``--`` for dashes) for screen readers and old terminals."""
    def say(lines: list[str]) -> None:
        if plain:
            lines = [in_plain_ascii(line) for line in lines]
        stdout.write("\n".join(lines) + "\n")
        stdout.flush()

    last_day = None
    steps = 0
    while True:
        page = session.page
        if page.day != last_day:
            say(["", f"— Day {page.day}, {page.city_name} —", ""])
            last_day = page.day
        say(page_lines(page, width))
        if session.is_over:
            say([""] + debrief_lines(session.debrief(), width))
            return 0
        if not page.choices:
            say(["(The story has no way on from here.)"])
            return 1
        if auto is not None and steps >= max_steps:
            say(["", f"(Stopped after {steps:,} choices without reaching an ending: the story may "
                     "loop with no way out. Try 'python main.py explore'.)"])
            return 1
        steps += 1
        number = _pick(page, stdin, stdout, auto)
        if number is None:
            say(["", "(Stopped. Nothing was saved.)"])
            return 1
        session.choose(number)
        say([""])


def _pick(page: Page, stdin: IO[str], stdout: IO[str], auto: random.Random | None) -> int | None:
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
        answer = line.strip().lower()
        if answer in ("q", "quit"):
            return None
        if len(page.choices) == 1:
            # Only one way on: Enter takes it, as anywhere that just says "go on".
            if answer in ("", "1"):
                return page.choices[0].number
            stdout.write("Press Enter to go on, or q to stop.\n")
            continue
        if answer.isdigit() and 1 <= int(answer) <= len(page.choices):
            return int(answer)
        stdout.write(f"Type a number from 1 to {len(page.choices)} (or q to stop).\n")

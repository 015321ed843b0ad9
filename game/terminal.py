"""The terminal front end: the same engine as the window, in plain text.

For screen readers, for tests, and for anyone without a display. It prints the passage,
numbered choices, and reads one number per line. Nothing it prints before the debrief
touches the score.
"""

from __future__ import annotations

import random
import textwrap
from typing import IO, Callable

from .engine import Debrief, Page, Session

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
    """A page as lines of text: heading, prose, choices."""
    lines: list[str] = []
    heading = _HEADINGS.get(page.style)
    if heading:
        lines += [heading(page), ""]
    elif page.title:
        lines += [page.title, ""]
    if page.style == "dialogue" and page.speaker:
        lines += [f"{page.speaker}:", ""]
    for paragraph in page.text.split("\n\n"):
        if page.style in ("bill", "notice", "ticket_machine", "document"):
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
    return lines


def debrief_lines(debrief: Debrief, width: int = WIDTH) -> list[str]:
    """The debrief as plain text. Its first line is the word that opens the ledger."""
    out = ["Debrief", "=" * 7, "", debrief.ending_title, ""]
    for paragraph in debrief.ending_text.split("\n\n"):
        out += textwrap.wrap(paragraph, width) + [""]
    home = debrief.home
    out += [f"The ledger: {home.name}", "-" * (12 + len(home.name))]
    if home.document:
        out += textwrap.wrap(f"Under the {home.document}.", width)
    out += [f"Every resident starts with {home.start:,} points. Nobody told you.", ""]
    if not home.entries:
        out.append("Nothing you did was counted.")
    for entry in home.entries:
        out.append(f"  Day {entry.day:>3}  {entry.points:+4d}  {entry.label}  (recorded by {entry.source_label})")
    out += ["", f"Final score: {home.score:,}    Grade: {home.grade}"]
    if home.capped_by:
        out += textwrap.wrap(f"The points alone would have given a better grade, but '{home.capped_by}' "
                             f"holds it at {home.grade}.", width)
    for perk in home.perks:
        out.append(f"  - {perk}")
    if home.not_counted:
        out += ["", "Recorded, but not counted here:"]
        for event in home.not_counted:
            out.append(f"  Day {event.day:>3}  {event.label}  ({event.source_label}, in {event.city.title()})")
    out += ["", "What nobody recorded:"]
    if not debrief.unrecorded:
        out.append("  Nothing.")
    for event in debrief.unrecorded:
        out.append(f"  Day {event.day:>3}  {event.label}")
    blacklist = debrief.blacklist
    if blacklist.name:
        out += ["", f"The national court blacklist ({blacklist.name}):"]
        if not blacklist.ever_listed:
            out.append("  You were never listed.")
        for day, label, change in blacklist.history:
            out.append(f"  Day {day:>3}  {'Listed' if change == 'listed' else 'Removed'}: {label}")
        if blacklist.listed:
            out.append("  Still listed at the end. Barred from:")
            out += [f"    - {bar}" for bar in blacklist.bars]
        out += textwrap.wrap("  The list is kept by the courts and knows nothing of points; the points "
                             "know nothing of the list.", width)
    for company in debrief.companies:
        out += ["", f"Also rated: {company.subject_label} — {company.score:,}, grade {company.grade}"]
        for entry in company.entries:
            out.append(f"  Day {entry.day:>3}  {entry.points:+4d}  {entry.label}  ({entry.source_label})")
    for other in debrief.others:
        out += ["", f"The same life under {other.name}'s rules: {other.score:,}, grade {other.grade}"]
        for entry in other.entries:
            out.append(f"  Day {entry.day:>3}  {entry.points:+4d}  {entry.label}")
        if not other.entries:
            out.append("  Nothing you did would have counted there.")
    if debrief.questions:
        out += ["", "Questions to think about:"]
        for n, question in enumerate(debrief.questions, 1):
            out += textwrap.wrap(f"{n}. {question}", width, subsequent_indent="   ")
    return out


#: Automatic play gives up after this many choices: in a story whose loop has no way out it
#: would otherwise choose for ever.  A life through the shipped story takes about a hundred.
MAX_AUTO_STEPS = 5000


def play(session: Session, stdin: IO[str], stdout: IO[str], *, auto: random.Random | None = None,
         width: int = WIDTH, max_steps: int = MAX_AUTO_STEPS) -> int:
    """Play to an ending (or until input ends). Returns 0 at an ending, 1 if stopped early.

    With ``auto``, choices are made at random, and play stops (returning 1) after
    ``max_steps`` of them without an ending."""
    def say(lines: list[str]) -> None:
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

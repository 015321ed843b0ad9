"""A transcript of one life, for a class to hand in and discuss: every passage read, every
choice made, then the debrief — with the seed and route that let a class replay the same world.

Built from what a session already keeps (its history and, at an ending, its debrief) and
written as Markdown here and as a self-contained HTML page by :mod:`game.transcript_html`.
Pure Python: the window, the terminal and tests all build it the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game import debrief_document as doc
from game.engine import Session
from game.engine.named import Route
from game.engine.story import PLAYER
from game.engine.passage_words import framed_parts, heading, keeps_lines, paragraphs, signature
from game.transcript_choices import Decision, decisions, places, record_of
from game.typography import named_speaker, typographic

#: The command a classmate types to play the same world.
#: The command that opens the same world, by route: the classroom window, seeded. A transcript
#: written by an installed game names the installed command, one from a checkout ``main.py``.
REPLAY = "{command} --class{route} --seed {seed}"
SAME_WORLD = "Play the same world"
#: Where a student who gave no name writes it on the print-out.
BLANK_NAME = "________________________"


@dataclass(frozen=True)
class ReadPassage:
    """One passage as it was read.  ``chosen`` is the choice taken there, None when the page
    only went on (a lone Continue is no decision) or at the end."""

    heading: str | None
    text: str
    keeps_lines: bool
    signed: str | None = None    # a letter's or a document's signature
    chosen: str | None = None
    #: "Day 4, Rongcheng" when the day or the city changed on this passage (as the terminal
    #: heads it), else None.
    place: str | None = None
    #: Which decision of the life ``chosen`` is (1, 2, …): the glance table's number.
    decision: int | None = None
    #: Narration told before and after the passage's frame (a letter's envelope): set apart
    #: from what the letter says, before its heading and after its signature.
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Transcript:
    story_title: str
    seed: int
    route: str
    written: datetime
    readings: tuple[ReadPassage, ...]
    debrief: doc.Document | None     # None when the game stopped before an ending
    ending: str | None = None
    #: The guesses made before the debrief: (question, answer, right — None for not sure).
    guesses: tuple[tuple[str, str, bool | None], ...] = ()
    #: The student's name as they gave it ('' when none: the printed page leaves a line).
    name: str = ""
    #: Every decision, with what the record made of it: the choices at a glance.
    decisions: tuple[Decision, ...] = ()
    #: What a teacher's tools read back (see :func:`game.transcript_choices.read_record`).
    record: dict | None = None
    #: How a classmate opens the same world, when it is not a command (the browser's link).
    replay: str | None = None

    @property
    def choices_made(self) -> int:
        return sum(1 for r in self.readings if r.chosen is not None)


def _heading(style: str, speaker: str | None, title: str | None, text: str) -> str | None:
    # Dialogue is headed by who speaks, when the passage opens with them, as the window names them.
    if style == "dialogue":
        return named_speaker(style, speaker, text) or title
    return heading(style, speaker, title)


def build(session: Session, written: datetime | None = None, name: str = "") -> Transcript:
    """The transcript of ``session`` as it stands: finished (with its debrief) or not, with the
    student's ``name`` when they gave one."""
    story = session.story
    chosen = decisions(session)
    numbers = iter(chosen)
    readings = []
    last_place = None
    for entry, (day, city) in zip(session.history, places(session)):
        passage = story.passages.get(entry.passage_id)
        # Only a page that offered choices asked for a decision; elsewhere the player went on.
        decided = passage is not None and bool(passage.choices) and entry.chosen is not None \
            and entry.choice is not None
        place = (day, story.city_name(city))
        page = session.page_of(entry)
        before, printed, after = framed_parts(entry.text, page.narrated_before, page.narrated_after)
        readings.append(ReadPassage(
            heading=typographic(h) if (h := _heading(entry.style, entry.speaker, entry.title, entry.text)) else None,
            text=typographic("\n\n".join(printed)),
            keeps_lines=keeps_lines(entry.style),
            signed=signature(entry.style, entry.speaker),
            chosen=typographic(entry.chosen) if decided and entry.chosen is not None else None,
            place=f"Day {place[0]}, {place[1]}" if place != last_place else None,
            decision=next(numbers).number if decided else None,
            before=tuple(typographic(p) for p in before), after=tuple(typographic(p) for p in after)))
        last_place = place
    debrief = ending = None
    guesses: tuple[tuple[str, str, bool | None], ...] = ()
    name = " ".join(name.split())[:NAME_LIMIT]
    when = written or datetime.now().replace(microsecond=0)
    record: dict = {"story": story.title, "seed": session.seed, "route": str(session.route), "name": name,
                    "written": when.isoformat(), "ending": None, "grade": None, "score": None, "guesses": [],
                    "decisions": [{"number": d.number, "day": d.day, "passage": d.passage, "place": d.place,
                                   "chosen": d.chosen, "acts": [a.behaviour for a in d.on_record],
                                   "recorded": [a.said() for a in d.on_record]} for d in chosen],
                    "acts": sorted({e.behaviour for e in session.events if e.subject == PLAYER and e.passage})}
    if session.is_over:
        outcome = session.debrief()
        debrief = doc.build(outcome, story.title)
        ending = outcome.ending_title
        guesses = tuple((a.guess.short, a.chosen.text, a.right) for a in outcome.guesses)
        record.update(ending=ending, grade=outcome.home.grade, score=outcome.home.score,
                      guesses=[{"question": a.guess.id, "answer": a.chosen.id, "right": a.right}
                               for a in outcome.guesses])
    return Transcript(story.title, session.seed, session.route, when, tuple(readings), debrief, ending, guesses,
                      name, tuple(chosen), record)


#: A name longer than this is cut: a line on a page, and part of a file's name.
NAME_LIMIT = 60


def file_stem(transcript: Transcript) -> str:
    """A name that sorts by time and tells two classmates' files apart: the time, the
    student's name when they gave one (made safe for any file system), and the seed."""
    who = name_in_file(transcript.name)
    return f"keeping-trust-{transcript.written:%Y%m%d-%H%M%S}" + (f"-{who}" if who else "") + \
        f"-seed-{transcript.seed}"


def name_in_file(name: str) -> str:
    """``name`` as part of a file name: letters and digits of any script kept, every run of
    anything else one hyphen, at most 40 characters."""
    kept = re.sub(r"[^\w]+|_+", "-", name, flags=re.UNICODE).strip("-")
    return kept[:40].strip("-").lower()


def replay_command(transcript: Transcript) -> str:
    """How a class opens this transcript's world again: the same seed and the same route."""
    if transcript.replay is not None:
        return transcript.replay
    from game import shipped

    command = "keeping-trust" if shipped.is_packaged() else "python main.py"
    return REPLAY.format(command=command, route=" --short" if transcript.route == Route.SHORT else "",
                         seed=transcript.seed)


def about_lines(transcript: Transcript) -> list[tuple[str, str]]:
    """The facts a teacher needs at the top of a transcript, as (label, value)."""
    rows = [("Student", transcript.name or BLANK_NAME),
            ("Seed", str(transcript.seed)),
            (SAME_WORLD, replay_command(transcript)),
            ("Route", "the short route" if transcript.route == Route.SHORT else "the full season"),
            ("Written", f"{transcript.written:%Y-%m-%d %H:%M}"),
            ("Passages read", str(len(transcript.readings))),
            ("Choices made", str(transcript.choices_made))]
    rows.append(("Ending", transcript.ending) if transcript.ending
                else ("Ending", "not reached — the game was stopped before its end"))
    if transcript.guesses:
        verdict = {True: "right", False: "wrong", None: "not sure"}
        rows.append(("Guessed before the debrief",
                     "; ".join(f"{question} {answer} ({verdict[right]})" for question, answer, right in transcript.guesses)))
    return rows


# -- Markdown ---------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)


def md(text: str, opens_block: bool = False) -> str:
    """Story text made inert in Markdown: emphasis, links and tags written by a story show as
    the characters they are; where the text opens a block (``opens_block``), so do a
    heading's ``#`` and a list's marker."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text) if opens_block else text


#: Every way text can break a line: a Markdown line is a block of its own.
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")


def md_line(text: str) -> str:
    """Text that must stay on its one line — a table cell, a heading, a list item's value —
    made inert: a line break written in a label or a title would end the table row or start
    a heading of its own (``# …``), so it is read as the space it stands for."""
    return md(_LINE_BREAKS.sub(" ", text))


def points_text(value: int) -> str:
    return doc.signed(value, "−")


def cell_text(cell: doc.Cell) -> str:
    if isinstance(cell, doc.Points):
        return points_text(cell.value)
    return f"{cell:,}" if isinstance(cell, int) else cell


def _md_paragraphs(text: str, keep: bool) -> list[str]:
    out = []
    for paragraph in paragraphs(text):
        lines = [md(line.strip(), opens_block=True) for line in paragraph.strip().split("\n") if line.strip()]
        if lines:
            # A trailing backslash is Markdown's hard line break: a bill keeps its lines.
            out.append(("\\\n" if keep else "\n").join(lines))
    return out


def _md_block(block: doc.Block) -> str:
    if isinstance(block, doc.Paragraph):
        return f"*{md_line(block.text)}*" if block.quiet else md(block.text, opens_block=True)
    if isinstance(block, doc.Subhead):
        return f"#### {md_line(block.text)}"
    if isinstance(block, doc.Item):
        text = md(_LINE_BREAKS.sub(" ", block.text), opens_block=True)
        return f"{block.mark} {text}" if block.mark[:1].isdigit() else f"- {text}"
    if isinstance(block, doc.Standing):
        return (f"**{md_line(block.caption)}: {block.score:,} points — grade {md_line(block.grade)}**\\\n"
                f"Started at {block.start:,} — {block.change()}.")
    if isinstance(block, doc.Table):
        rows = [[md_line(c.title) for c in block.columns],
                ["---:" if c.numeric else "---" for c in block.columns]]
        rows += [[md_line(cell_text(c)) for c in row] for row in block.rows]
        return "\n".join("| " + " | ".join(r) + " |" for r in rows)
    raise TypeError(f"no Markdown for {block!r}")


def markdown(transcript: Transcript) -> str:
    """The transcript as Markdown: readable as it is, and in any Markdown viewer."""
    out = [f"# {md_line(transcript.story_title)}: a transcript", ""]
    out += [f"- **{label}:** " + (f"`{value}`" if label == SAME_WORLD else md_line(value))
            for label, value in about_lines(transcript)]
    if transcript.decisions:
        out += ["", "## Choices at a glance", ""]
        out += ["| " + " | ".join(GLANCE_COLUMNS) + " |", "| ---: | --- | --- | --- |"]
        out += ["| " + " | ".join(md_line(cell) for cell in row) + " |" for row in glance_rows(transcript)]
    out += ["", "## The life, as it was read", ""]
    for reading in transcript.readings:
        if reading.place:
            out += [f"*— {md_line(reading.place)} —*", ""]
        out += [item for paragraph in reading.before for item in (md_line(" ".join(paragraph.split())), "")]
        if reading.heading:
            out += [f"**{md_line(reading.heading)}**", ""]
        for paragraph in _md_paragraphs(reading.text, reading.keeps_lines):
            out += [paragraph, ""]
        if reading.signed:
            out += [f"— {md_line(reading.signed)}", ""]
        out += [item for paragraph in reading.after for item in (md_line(" ".join(paragraph.split())), "")]
        if reading.chosen:
            number = f" (choice {reading.decision})" if reading.decision else ""
            out += [f"> **You chose{number}:** {md_line(reading.chosen)}", ""]
        out += ["* * *", ""]
    if transcript.debrief is None:
        out += ["*The game was stopped before its ending, so there is no debrief.*", ""]
    else:
        out += ["## Debrief", ""]
        for section in transcript.debrief.sections:
            out += [f"*{md_line(section.kicker)}*", "", f"### {md_line(section.heading)}", ""]
            previous: doc.Block | None = None
            for block in section.blocks:
                if isinstance(block, doc.Item) and isinstance(previous, doc.Item):
                    out.pop()          # items of one list sit on consecutive lines
                out += [_md_block(block), ""]
                previous = block
    if transcript.record is not None:
        out += ["", record_of(transcript.record)]
    return "\n".join(out).rstrip("\n") + "\n"


#: The glance table's columns: a decision's number (as the life marks it), its day, what was
#: chosen, and what the record made of it.
GLANCE_COLUMNS = ("No.", "Day", "You chose", "On the record")


def glance_rows(transcript: Transcript) -> list[tuple[str, str, str, str]]:
    """One row per decision: what the glance table shows."""
    return [(str(d.number), f"Day {d.day}", typographic(d.chosen),
             "; ".join(typographic(a.said()) for a in d.on_record) or "—")
            for d in transcript.decisions]


def transcripts_dir() -> Path:
    """Where the window saves transcripts (see :mod:`game.paths`)."""
    from game.paths import transcripts_dir as where

    return where()

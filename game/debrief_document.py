"""The debrief as one document: sections of headings, paragraphs, lists and tables.

Built once from the engine's :class:`~game.engine.Debrief` and drawn by both front ends —
the window sets it on paper, the terminal prints it — so the two can never tell the same
life in different words.  Pure data: no pygame, no terminal codes.  Points stay numbers
(:class:`Points`) so each front end writes the sign its fonts can show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, Union

from game.engine import Debrief, EventView, Ledger, LedgerEntry
from game.engine.guesses import number_word
from game.engine.passage_words import paragraphs

NOT_COUNTED = "not counted"


@dataclass(frozen=True)
class Paragraph:
    text: str
    quiet: bool = False   # an aside, set in italics where the front end can


@dataclass(frozen=True)
class Subhead:
    text: str


@dataclass(frozen=True)
class Item:
    """One entry of a list; ``mark`` is a bullet, or the number of a question."""

    text: str
    mark: str = "•"


@dataclass(frozen=True)
class Points:
    """A signed change of points, as a table cell."""

    value: int


@dataclass(frozen=True)
class Column:
    title: str
    wraps: bool = True        # text that may run onto more lines; False for days and numbers
    numeric: bool = False     # set flush right


Cell = Union[str, int, Points]


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Standing:
    """A score and its grade: the seal on the page."""

    caption: str
    grade: str
    score: int
    start: int

    def change(self, minus: str = "−") -> str:
        """How far the score moved, e.g. "−90 since the start"; ``minus`` is the sign a font has."""
        diff = self.score - self.start
        return "no change" if diff == 0 else f"{signed(diff, minus)} since the start"


Block = Union[Paragraph, Subhead, Item, Table, Standing]


@dataclass(frozen=True)
class Section:
    """``title`` names the section in the contents; ``kicker`` and ``heading`` open it.
    ``follows_on`` lets a section start on the page before it ends rather than a new one."""

    title: str
    kicker: str
    heading: str
    blocks: tuple[Block, ...]
    follows_on: bool = False


@dataclass(frozen=True)
class Document:
    title: str
    sections: tuple[Section, ...]


def the(name: str) -> str:
    """A scheme's or document's name as it reads inside a sentence: 'the Nanjing trustworthy
    card scheme'.  Names that bring their own article keep it."""
    first = name.split(" ", 1)[0].lower()
    return name if first in ("the", "a", "an") else f"the {name}"


def signed(value: int, minus: str = "−") -> str:
    return f"+{value}" if value > 0 else (f"{minus}{abs(value)}" if value < 0 else "0")


def day(n: int, first: int = 1) -> str:
    """A day as the debrief names it: "Day 12", or, for an act on the record before play began
    (the story's ``before``), how long before its first day: "30 days before day 1"."""
    if n >= first:
        return f"Day {n}"
    ahead = first - n
    return f"The day before day {first}" if ahead == 1 else f"{ahead} days before day {first}"


def _day_column(days: Sequence[int], first: int) -> Column:
    """The Day column, which wraps only when an act before play names its day in words."""
    return Column("Day", wraps=any(n < first for n in days))


def _times(label: str, count: int) -> str:
    return label if count == 1 else f"{label} ×{count}"


@dataclass(frozen=True)
class _Line:
    """A ledger entry after identical records of the same act are put together."""

    day: int
    label: str
    source: str
    points: int
    running: int
    count: int


def merged_entries(entries: Sequence[LedgerEntry]) -> list[_Line]:
    """Counted entries, with the same act recorded again by the same source on the same day
    shown once, "×2", points summed: two identical rows read as a mistake, not as two records."""
    lines: list[_Line] = []
    for e in entries:
        last = lines[-1] if lines else None
        if last and (last.day, last.label, last.source) == (e.day, e.label, e.source_label):
            lines[-1] = _Line(e.day, e.label, e.source_label, last.points + e.points, e.running, last.count + 1)
        else:
            lines.append(_Line(e.day, e.label, e.source_label, e.points, e.running, 1))
    return lines


LEDGER_COLUMNS = (Column("Day", wraps=False), Column("What was recorded"), Column("Reported by"),
                  Column("Points", wraps=False, numeric=True), Column("Total", wraps=False, numeric=True))


def entry_table(entries: Sequence[LedgerEntry], first: int = 1) -> Table:
    """The ledger as a table, by the day each act happened (an act written down later, like a
    rescue the collector heard of weeks on, keeps its own day; one on the record before play
    began comes first), with the running total counted again in that order."""
    if not entries:
        return Table(LEDGER_COLUMNS, ())
    total = entries[0].running - entries[0].points
    rows = []
    for e in sorted(merged_entries(entries), key=lambda line: line.day):
        total += e.points
        rows.append((day(e.day, first), _times(e.label, e.count), e.source, Points(e.points), total))
    return Table((_day_column([e.day for e in entries], first), *LEDGER_COLUMNS[1:]), tuple(rows))


def comparison_table(debrief: Debrief, home: Ledger, other: Ledger) -> Table:
    """Every recorded act of the player, with what each city made of it: the same event of
    the log, scored under two jurisdictions, so a class can compare without turning pages."""
    at_home = {e.index: e.points for e in home.entries}
    there = {e.index: e.points for e in other.entries}
    acts: list[_Compared] = []
    for index, event in enumerate(debrief.events):
        if event.subject != home.subject or event.source is None:
            continue
        act = _Compared(event.day, event.label, event.source_label, at_home.get(index), there.get(index))
        if acts and acts[-1].same_act(act):
            acts[-1] = acts[-1].again(act)
        else:
            acts.append(act)
    acts.sort(key=lambda act: act.day)   # by the day each act happened, as the ledger reads
    first = debrief.first_day
    return Table((_day_column([a.day for a in acts], first), Column("What was recorded"), Column(home.name),
                  Column(other.name)),
                 tuple((day(a.day, first), _times(a.label, a.count), _cell(a.here), _cell(a.there)) for a in acts))


@dataclass(frozen=True)
class _Compared:
    day: int
    label: str
    source: str | None
    here: int | None     # points at home, None when not counted there
    there: int | None
    count: int = 1

    def same_act(self, other: "_Compared") -> bool:
        return ((self.day, self.label, self.source) == (other.day, other.label, other.source)
                and (self.here is None) == (other.here is None) and (self.there is None) == (other.there is None))

    def again(self, other: "_Compared") -> "_Compared":
        return _Compared(self.day, self.label, self.source, _add(self.here, other.here),
                         _add(self.there, other.there), self.count + 1)


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _cell(points: int | None) -> Cell:
    return NOT_COUNTED if points is None else Points(points)


def _events(views: Sequence[EventView], with_source: bool = False, first: int = 1) -> list[Item]:
    """Acts as list items; the same act written twice on one day is shown once, "×2"."""
    texts: list[str] = []
    counts: list[int] = []
    for view in views:
        text = f"{day(view.day, first)} — {view.label}"
        if with_source and view.source_label:
            text += f" ({view.source_label}, in {view.city.title()})"
        if texts and texts[-1] == text:
            counts[-1] += 1
        else:
            texts.append(text)
            counts.append(1)
    return [Item(_times(text, n)) for text, n in zip(texts, counts)]


#: The most words the first screen of the debrief may hold: read in a minute, and set in
#: one window at 1024×600 with text at 200%.
ANSWER_WORDS = 250
#: The most choices the first screen weighs against the option beside them.
TURNS_SHOWN = 3
#: The most reporters the first screen names; the ledger names every one.
REPORTERS_SHOWN = 5


def words(section: Section) -> int:
    """How many words a section reads: its headings and every block's text."""
    texts = [section.kicker, section.heading]
    for block in section.blocks:
        if isinstance(block, (Paragraph, Subhead, Item)):
            texts.append(block.text)
        elif isinstance(block, Standing):
            texts.append(f"{block.caption} {block.grade} {block.score} {block.change()}")
        elif isinstance(block, Table):
            texts += [c.title for c in block.columns]
            texts += [str(c.value if isinstance(c, Points) else c) for row in block.rows for c in row]
    return sum(len(t.split()) for t in texts)


def grade_sentence(debrief: Debrief) -> str:
    """One sentence that explains the grade: where the grade the score fell in begins and
    ends, and how far off the next one up was (or the record that held it down)."""
    home = debrief.home
    if home.capped_by:
        return (f"One record held the grade at {home.grade} whatever the points said: "
                f"{home.capped_by[:1].lower() + home.capped_by[1:]}.")
    order = [g for g, _ in debrief.grades]
    floor = dict(debrief.grades).get(home.grade)
    if home.grade not in order or floor is None:
        return f"Everyone starts on {home.start:,}; you ended on {home.score:,}."
    place = order.index(home.grade)
    if place == 0:
        return f"{home.grade} starts at {floor:,} points, and there is no grade above it."
    better, at = debrief.grades[place - 1]
    short = at - home.score
    return (f"{home.grade} runs from {floor:,} to {at - 1:,} points, so {short:,} more "
            f"point{'s' if short != 1 else ''} would have made {better}.")


#: A choice quoted on the first screen is cut after this many words ("…"): the whole of it
#: is in the transcript's life, and a line that runs on is a screen that does not fit.
QUOTED_WORDS = 9


def _quoted(text: str) -> str:
    words = text.strip().split()
    if len(words) > QUOTED_WORDS:
        return "“" + " ".join(words[:QUOTED_WORDS]).rstrip(",;:.—–-") + "…”"
    return f"“{' '.join(words)}”"


def turn_item(turn) -> Item:
    """What the other option would have changed, e.g. 'Day 31 — had you chosen “Tell Mrs
    Song.”: +30, grade AA instead of A.'"""
    grade = (f"grade {turn.grade} instead of {turn.was_grade}" if turn.grade != turn.was_grade
             else f"still {turn.grade}")
    # An en dash for minus: the sign every font the front ends set prose in has.
    return Item(f"{day(turn.day)} — had you chosen {_quoted(turn.other)}: {signed(turn.points, '–')}, {grade}.")


def reported_items(home: Ledger) -> list[Item]:
    """The acts that counted, one line for each reporter: who wrote down what, and what it
    was worth."""
    by_source: dict[str, list[list]] = {}
    for e in home.entries:
        acts = by_source.setdefault(e.source_label, [])
        for act in acts:
            if act[0] == e.label:
                act[1] += 1
                act[2] += e.points
                break
        else:
            acts.append([e.label, 1, e.points])
    return [Item(f"{source}: " + "; ".join(f"{_times(label, count)} ({signed(points, '–')})"
                                            for label, count, points in acts))
            for source, acts in by_source.items()]


def answer_section(debrief: Debrief) -> Section:
    """The first screen: the guesses answered, the grade and the one sentence that explains it,
    who reported what, and what the option beside each choice that mattered would have changed."""
    home = debrief.home
    change = Standing("", home.grade, home.score, home.start).change("–")
    blocks: list[Block] = []
    if debrief.guesses:
        blocks.append(Paragraph(" ".join(a.said for a in debrief.guesses)))
    blocks.append(Paragraph(grade_sentence(debrief)))
    reported = reported_items(home)
    if reported:
        blocks.append(Subhead("What counted, and who reported it"))
        blocks.extend(reported[:REPORTERS_SHOWN])
    else:
        blocks.append(Paragraph("Nothing you did counted.", quiet=True))
    more = []
    if len(reported) > REPORTERS_SHOWN:
        n = len(reported) - REPORTERS_SHOWN
        more.append(f"{number_word(n).capitalize()} more reporter{'s' if n != 1 else ''} counted acts of yours: "
                    "see the ledger.")
    uncounted = len(home.not_counted)
    if uncounted:
        more.append(f"{number_word(uncounted).capitalize()} more of your acts {'were' if uncounted != 1 else 'was'} "
                    f"written down and counted for nothing here: see “Off the record”.")
    if more:
        blocks.append(Paragraph(" ".join(more), quiet=True))
    heading = f"Grade {home.grade}: {home.score:,} points ({change})"
    kept = Section("The answer", "The answer", heading, tuple(blocks))
    turns = list(debrief.turns[:TURNS_SHOWN])
    while turns:
        # "On its own": the other option's own records, not what would have followed from it
        # (a guarantee refused, a court case never brought); the heading says so.
        shown = tuple(blocks) + (Subhead("What one choice's own record would have changed "
                                         "(not what followed from it)"),
                                 *(turn_item(t) for t in turns))
        tried = Section(kept.title, kept.kicker, kept.heading, shown)
        if words(tried) <= ANSWER_WORDS:
            return tried
        turns.pop()
    return kept


#: How the section of the others the system rated is named (in the contents, and over it),
#: by what they are: a person in the ledger is not headed as a company.
RATED = {
    frozenset({"company"}): ("Companies", "Companies are rated too"),
    frozenset({"person"}): ("People", "People are rated too"),
}
RATED_BOTH = ("Companies and people", "Companies and people are rated too")


def rated_heading(kinds: set[str] | frozenset[str]) -> tuple[str, str]:
    """The title and kicker of the section of rated subjects, for the kinds of subject in it."""
    return RATED.get(frozenset(kinds), RATED_BOTH)


def build(debrief: Debrief, story_title: str) -> Document:
    """The debrief of one life as a document, in the order it is read: the one-screen answer
    first, then how it ended and the detail."""
    d, home = debrief, debrief.home
    sections: list[Section] = [answer_section(d)]

    ended = [Paragraph(p) for p in paragraphs(d.ending_text)]
    # Said once, in the story's own words, and only to a player it is true of: one who found
    # the published rules was, in a way, told.
    ended.append(Paragraph(d.words.kept(d.read_the_rules), quiet=True))
    sections.append(Section("How it ended", "How it ended", d.ending_title, tuple(ended)))

    ledger: list[Block] = [Paragraph(d.words.told(d.read_the_rules, home.name, home.start)), Paragraph(
        "These are the acts that reached the system, who reported them, and what each was worth.")]
    ledger.append(entry_table(home.entries, d.first_day) if home.entries
                  else Paragraph("Nothing you did reached the system.", quiet=True))
    kicker = f"Under {the(home.document)}" if home.document else f"{home.name} — personal credit"
    sections.append(Section("The ledger", kicker, "What was recorded", tuple(ledger), follows_on=True))

    grade: list[Block] = [Standing("Final score", home.grade, home.score, home.start)]
    if home.capped_by:
        grade.append(Paragraph("The points alone would have put you higher. One record set a ceiling on the "
                               f"grade, whatever else you did: {home.capped_by}."))
    if home.perks:
        grade.append(Subhead(f"What {home.grade} meant"))
        grade.extend(Item(perk) for perk in home.perks)
    else:
        grade.append(Paragraph(f"The measures list nothing in particular for grade {home.grade}.", quiet=True))
    if d.notes:
        # The story's own account of where the grade acted on this life during play.
        grade.append(Subhead("What the grade did in your season"))
        grade.extend(Paragraph(note) for note in d.notes)
    sections.append(Section("Your grade", f"{home.name} — the result", "Your grade", tuple(grade)))

    # Two lists under one heading that claims neither: what nobody wrote down, and what was
    # written down but this city does not count.
    unseen: list[Block] = []
    if d.unrecorded:
        unseen.append(Subhead("Nobody recorded these"))
        unseen.append(Paragraph("These things happened, and no camera, clerk, bank or neighbour the city "
                                "reads put them down in your name at the time, so no system counted them."))
        # By the day each happened: an act written down later keeps the day it was done.
        unseen.extend(_events(sorted(d.unrecorded, key=lambda view: view.day), first=d.first_day))
    else:
        unseen.append(Paragraph("Of the acts the city's rules name, none of yours went unwritten this season: "
                                "each had a reporter.", quiet=True))
    if home.not_counted:
        unseen.append(Subhead(f"Recorded, but not counted in {home.name}"))
        unseen.append(Paragraph("Someone wrote these down, but this city counts none of them as they were "
                                "reported: the act earns nothing here, or earns only when another source reports it."))
        unseen.extend(_events(home.not_counted, with_source=True, first=d.first_day))
    sections.append(Section("Not counted", "Off the record", "What the city did not count", tuple(unseen)))

    b = d.blacklist
    if b.name:
        # Whether the city scored any court record is read from this life's own ledger, so the
        # sentence never points at entries that are not there.
        if any(entry.source == "court" for entry in home.entries):
            scored = "as your ledger shows where it did"
        elif any(view.source == "court" for view in home.not_counted):
            scored = "though it counted none of yours"
        else:
            scored = "and no court recorded a judgment or order against you for it to count"
        listed: list[Block] = [Paragraph(
            "The court blacklist is not the city's points. Courts list people who ignore their "
            "judgments; paying or settling takes them off again. The list counts no points; the city "
            f"may count the same court records by its own rules, {scored}.")]
        if b.listed:
            status = "At the end, your name was on the list."
        elif b.ever_listed:
            status = "Your name was on the list for a time, and came off it."
        else:
            status = "Your name was never on the list."
        # A heading only over what follows it: a life never listed has nothing under its status.
        listed.append(Subhead(status) if b.history or b.ever_listed else Paragraph(status))
        # The day is the day of the act the court answered; removal follows it by days, as
        # the court's own message says, so the line does not claim the day of removal.
        listed.extend(Item(f"{day(n, d.first_day)} — {label}: " + ("your name went on the list" if change == "listed"
                                                       else "your name came off it within days"))
                      for n, label, change in b.history)
        # What the list bars is said to a life that was on it; to the rest it is a list of
        # things that never happened to them.
        if b.bars and b.ever_listed:
            listed.append(Subhead("What a listed person cannot do"))
            listed.extend(Item(bar) for bar in b.bars)
        sections.append(Section("The blacklist", "A separate system", b.name, tuple(listed)))

    for other in d.others:
        scheme = the(other.document) if other.document else f"{other.name}'s rules"
        elsewhere: list[Block] = [
            Paragraph(f"The same acts, the same witnesses — scored by {scheme}, starting from "
                      f"{other.start:,}. What one city counts, another ignores."),
            Standing(f"Under {other.name}'s rules", other.grade, other.score, other.start)]
        if other.capped_by:
            elsewhere.append(Paragraph(f"One record set a ceiling on the grade there: {other.capped_by}.",
                                       quiet=True))
        compared = comparison_table(d, home, other)
        if compared.rows:
            elsewhere.append(Subhead(f"Each act, in {home.name} and in {other.name}"))
            elsewhere.append(compared)
        else:
            elsewhere.append(Paragraph("Nothing you did was recorded, in either city.", quiet=True))
        # Said in the present: a visitor can hold a perk there (Nanjing's card for a donor who
        # gave blood in Nanjing), so "would have meant" is untrue of some lives.
        if other.perks:
            elsewhere.append(Subhead(f"What {other.grade} means in {other.name}"))
            elsewhere.extend(Item(perk) for perk in other.perks)
        sections.append(Section(f"Under {other.name}'s rules", "The same life, somewhere else",
                                f"Under {other.name}'s rules", tuple(elsewhere)))

    if d.companies:
        rated: list[Block] = []
        for company in d.companies:
            rated.append(Subhead(f"{company.subject_label}: grade {company.grade}, {company.score:,} points"))
            rated.extend(Item(f"{day(e.day, d.first_day)} — {_times(e.label, e.count)} ({e.source}) "
                              f"{signed(e.points, '–')}") for e in merged_entries(company.entries))
        title, kicker = rated_heading({company.subject_kind for company in d.companies})
        sections.append(Section(title, kicker, "The others in your ledger", tuple(rated)))

    if d.questions:
        sections.append(Section("Questions", "To think about", "Questions",
                                tuple(Item(q, f"{n}.") for n, q in enumerate(d.questions, 1))))
    return Document(story_title, tuple(sections))

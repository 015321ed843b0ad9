"""What the browser shows, as HTML: a passage in its style, the history, the debrief.

Written here, in Python, by the same words every front end asks (:mod:`game.engine.passage_words`
for headings and signatures, :mod:`game.typography` for quotes, :mod:`game.debrief_document`
and :mod:`game.transcript_html` for the debrief), and run inside the browser by Pyodide: the
page's script only puts what comes back into its place.

Every piece of text a story, a mod or the player's save can hold passes through
:func:`html.escape` on its way into an element, here and nowhere else, so nothing a story says
can become markup in the page.  The structure is what a screen reader reads natively: a
heading for every passage, lists for a notice's lines, a bill's rows as a list of what and how
much.
"""

from __future__ import annotations

import re
from html import escape
from typing import Sequence

from game import debrief_document as doc
from game.engine.passage_words import keeps_lines, kind_heading, paragraphs, signature
from game.engine.session import HistoryEntry, Page
from game.transcript_html import section_html
from game.typography import named_speaker, typographic

#: A bill's row: what is charged, a leader of dots, and how much ("Penalty ........ 1,000.00").
_BILL_ROW = re.compile(r"^(?P<what>.*?\S)\s*\.{3,}\s*(?P<amount>\S.*)$")
#: The debrief's sections read before the question whether to read on (as the terminal asks).
ANSWER_SECTIONS = ("The answer",)


def _el(name: str, text: str, cls: str | None = None) -> str:
    """One element holding ``text``, escaped: the way story text enters the page."""
    attr = f' class="{escape(cls)}"' if cls else ""
    return f"<{name}{attr}>{escape(text)}</{name}>"


def where(day: int, city_name: str) -> str:
    """The day and the city, as the window's corner names them."""
    return f"Day {day} · {city_name}"


def _line(line: str, style: str) -> str:
    line = line.strip()
    if style == "bill":
        row = _BILL_ROW.match(line)
        if row:
            return ('<li class="row">' + _el("span", row["what"], "what") + " "
                    + _el("span", row["amount"], "amount") + "</li>")
    return _el("li", line)


def _body(text: str, style: str) -> list[str]:
    out = []
    for paragraph in paragraphs(typographic(text)):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        a_row = style == "bill" and len(lines) == 1 and _BILL_ROW.match(lines[0].strip())
        if keeps_lines(style) and (len(lines) > 1 or a_row):
            # A notice's items, a bill's rows, a screen's lines: a list a screen reader counts.
            items = "".join(_line(line, style) for line in lines)
            if a_row and out and out[-1].endswith("</ul>"):
                out[-1] = out[-1][:-len("</ul>")] + items + "</ul>"     # the bill's next row, one list
            else:
                out.append('<ul class="lines">' + items + "</ul>")
        elif keeps_lines(style):
            out.append(_el("p", paragraph.strip(), "line"))
        else:
            out.append(_el("p", " ".join(paragraph.split())))
    return out


def reading_html(style: str, speaker: str | None, title: str | None, text: str, *, heading_level: int = 2,
                 fallback_heading: str | None = None, chosen: str | None = None,
                 ending_title: str | None = None) -> str:
    """One passage as an article in its style: its heading (what the passage is, or its
    title; ``fallback_heading``, read by screen readers only, for a scene that has neither),
    a dialogue's speaker, its paragraphs, its signature, the ending's name, and in the history
    the choice taken there."""
    shown_heading = kind_heading(style, speaker, title) or title
    tag = f"h{heading_level}"
    inner: list[str] = []
    if shown_heading:
        inner.append(_el(tag, typographic(shown_heading), "heading"))
    elif fallback_heading:
        inner.append(_el(tag, fallback_heading, "visually-hidden"))
    spoken = named_speaker(style, speaker, text) if style == "dialogue" else None
    if spoken:
        inner.append(_el("p", typographic(spoken), "speaker"))
    inner.append('<div class="words">' + "".join(_body(text, style)) + "</div>")
    signed = signature(style, speaker)
    if signed:
        inner.append(_el("p", f"— {typographic(signed)}", "signed"))
    if ending_title:
        inner.append(_el("p", typographic(ending_title), "ending-title"))
    if chosen:
        inner.append('<p class="chosen"><span class="label">You chose</span> ' + escape(typographic(chosen)) + "</p>")
    known = style if style in _STYLES else "narration"
    return f'<article class="passage style-{known}">' + "".join(inner) + "</article>"


_STYLES = ("narration", "dialogue", "phone", "letter", "bill", "notice", "ticket_machine", "document")


def page_html(page: Page) -> str:
    """The page on screen: its passage, without its choices (the page's script makes the
    buttons, each choice's words as text)."""
    return reading_html(page.style, page.speaker, page.title, page.text,
                        fallback_heading=where(page.day, page.city_name),
                        ending_title=page.ending_title if page.is_ending else None)


def history_html(entries: Sequence[HistoryEntry], decided: Sequence[bool]) -> str:
    """The passages read before this page, oldest first, each with the choice taken where
    there was a choice to make (``decided``: a lone Continue is no decision)."""
    if not entries:
        return _el("p", "Nothing has been read yet.", "quiet")
    items = []
    for entry, choosing in zip(entries, decided):
        items.append("<li>" + reading_html(entry.style, entry.speaker, entry.title, entry.text, heading_level=3,
                                            chosen=entry.chosen if choosing else None) + "</li>")
    return '<ol class="history">' + "".join(items) + "</ol>"


def debrief_html(document: doc.Document) -> tuple[str, str, list[str]]:
    """The debrief in two parts, as the terminal reads it: the one-screen answer, then the
    rest (how it ended, the ledger, the grade and what follows), and the rest's headings for
    the button that opens it.  Sections are headed h2, under the page's own h1."""
    sections = list(document.sections)
    first = 0
    while first < len(sections) and sections[first].title in ANSWER_SECTIONS:
        first += 1
    answer = "".join(section_html(s, level=2) for s in sections[:first])
    rest = "".join(section_html(s, level=2) for s in sections[first:])
    return answer, rest, [typographic(s.heading) for s in sections[first:]]

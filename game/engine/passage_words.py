"""A passage in words, the same for every front end: the styles a passage can have, its
paragraphs, which styles keep the writer's line breaks, the heading that announces it and the
name it is signed with.

The loader, the window, the terminal, the transcript and the voice all ask here, so a notice
keeps its list and a form its rows wherever it is shown.  How each style is drawn in the
window (its type and its border) is :mod:`game.ui.passage_looks`.
"""

from __future__ import annotations

import re

STYLES = ("narration", "dialogue", "phone", "letter", "bill", "notice", "ticket_machine", "document")
# In these, a line break written in the file is part of the look (a bill's lines, a notice's
# list, a form's rows); elsewhere lines inside a paragraph are joined, so writers may wrap
# their prose freely.
KEEP_LINES = ("bill", "notice", "ticket_machine", "document")


#: A blank line, which ends a paragraph: a line holding only spaces is blank too, as a writer
#: who sees none on the page means it.
_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``, in order: cut at blank lines, each without the line breaks
    around it, and none empty.  Lines inside a paragraph stay as they are (a bill's rows keep
    the spaces that line up their columns); the loader, every front end and the tools cut
    passages here, so a paragraph is the same paragraph wherever it is read."""
    return [p.strip("\n") for p in _BLANK_LINE.split(text.replace("\r\n", "\n")) if p.strip()]


#: Words a full stop follows without ending the sentence: "the way Ms. Qu says it".
ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "No", "Mt", "Jr", "Sr", "Prof", "vs", "etc", "e.g", "i.e",
                           "approx", "Co", "Ltd", "Rd", "Ave"})
#: A sentence's last mark, and the quotes or brackets that close round it.
_SENTENCE_END = re.compile(r"[.!?…]['\"’”)]*(?=\s|$)")


def sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, whole; the last may end in no mark at all.  A full stop
    after a title or an initial ("Ms. Qu", "J. Smith") ends nothing."""
    text = " ".join(paragraph.split())
    found, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        words = text[start:end.start()].split()
        word = words[-1].lstrip("'\"‘“(") if words else ""
        if text[end.start()] == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            continue
        found.append(text[start:end.end()].strip())
        start = end.end()
    if text[start:].strip():
        found.append(text[start:].strip())
    return found


def first_sentence(text: str) -> str | None:
    """The first whole sentence of ``text`` (its first paragraph), or None if it ends in
    none."""
    first = sentences((paragraphs(text) or [""])[0])
    return first[0] if first and _SENTENCE_END.search(first[0]) else None


#: The styles drawn in no frame: all of their text is the story telling.
UNFRAMED = ("narration", "dialogue")


def framed(style: str) -> bool:
    """Whether a passage of ``style`` is drawn in a frame (a letter's paper, a phone, a ticket
    machine's screen) that holds only what is printed or shown on it."""
    return style not in UNFRAMED


def framed_parts(text: str, before: int, after: int) -> tuple[list[str], list[str], list[str]]:
    """A page's paragraphs parted by its frame: the ``before`` narrated before it, those the
    frame holds, and the ``after`` narrated after it."""
    found = paragraphs(text)
    before = min(before, len(found))
    after = min(after, len(found) - before)
    return found[:before], found[before:len(found) - after], found[len(found) - after:]


def keeps_lines(style: str) -> bool:
    """Whether a passage of ``style`` shows every line break as written (unknown styles read
    as narration, which does not)."""
    return style in KEEP_LINES


#: How each kind of passage is announced before its words, and how the sender or title joins
#: the announcement ("from" a phone's sender or a letter's letterhead; after a colon
#: otherwise).  A document is announced by its title alone, or as printed when it has none.
#: The terminal, the transcript and the voice all head a passage from this one table.
_KINDS: dict[str, tuple[str, str, str]] = {
    # style: (the kind, how the name joins it, which name: "speaker" or "title")
    "phone": ("A message on your phone", " from ", "speaker"),
    "letter": ("A letter", " from ", "title"),
    "bill": ("A bill", ": ", "title"),
    "notice": ("A notice", ": ", "title"),
    "ticket_machine": ("The ticket machine's screen", ": ", "title"),
}
#: Kinds of paper that end with the name of whoever signed them.
SIGNED = ("letter", "document")


def kind_heading(style: str, speaker: str | None, title: str | None) -> str | None:
    """What a passage is, when it is more than a scene — a phone message, a letter, a bill —
    in the words every front end heads it with (None for a scene)."""
    if style == "document":
        return title or "A printed document"
    kind = _KINDS.get(style)
    if kind is None:
        return None
    words, join, which = kind
    name = speaker if which == "speaker" else title
    return f"{words}{join}{name}" if name else words


def heading(style: str, speaker: str | None, title: str | None) -> str | None:
    """What heads a passage in words: its kind (:func:`kind_heading`), else its title."""
    return kind_heading(style, speaker, title) or title


def signature(style: str, speaker: str | None) -> str | None:
    """The name a letter or a document is signed with at its foot, or None: the window
    writes it under the last page, the terminal, the transcript and the voice after the
    words."""
    return speaker if style in SIGNED and speaker else None

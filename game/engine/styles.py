"""The kinds of passage a story can hold, and which of them keep the writer's line breaks.

Both front ends and the loader ask here, so a notice keeps its list and a form its rows
wherever it is shown.
"""

from __future__ import annotations

STYLES = ("narration", "dialogue", "phone", "letter", "bill", "notice", "ticket_machine", "document")
# In these, a line break written in the file is part of the look (a bill's lines, a notice's
# list, a form's rows); elsewhere lines inside a paragraph are joined, so writers may wrap
# their prose freely.
KEEP_LINES = ("bill", "notice", "ticket_machine", "document")


def keeps_lines(style: str) -> bool:
    """Whether a passage of ``style`` shows every line break as written (unknown styles read
    as narration, which does not)."""
    return style in KEEP_LINES


def kind_heading(style: str, speaker: str | None, title: str | None) -> str | None:
    """What a passage is, when it is more than a scene — a phone message, a letter, a bill —
    in the words the terminal and the transcript head it with (None for a scene)."""
    if style == "phone":
        return "A message on your phone" + (f" from {speaker}" if speaker else "")
    if style == "letter":
        return "A letter" + (f" from {title}" if title else "")
    if style == "bill":
        return "A bill" + (f": {title}" if title else "")
    if style == "notice":
        return "A notice" + (f": {title}" if title else "")
    if style == "ticket_machine":
        return "The ticket machine's screen" + (f": {title}" if title else "")
    if style == "document":
        return title or "A printed document"
    return None

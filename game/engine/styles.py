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

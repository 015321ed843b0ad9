"""A transcript written to disk: HTML, Markdown, or both, by the name the player gave it.

Apart from :mod:`game.transcript` (what a transcript holds, and its Markdown) and
:mod:`game.transcript_html` (its page), so that neither of those imports the other.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.jsonfile import write_text_atomic
from game.transcript import Transcript, markdown
from game.transcript_html import html_page

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def write(transcript: Transcript, target: Path, keep_others: bool = False) -> list[Path]:
    """Write the transcript to ``target``: HTML or Markdown by its suffix, or both (``.html``
    and ``.md`` beside each other) for any other name.  Returns the files written.

    The files are readable as any file the player makes, so a teacher's account can open
    them in a shared folder.  With ``keep_others`` (a name the game chose, not one the player
    typed) a file already there is never replaced: two students saving in the same second
    get ``…-2``, ``…-3``."""
    if keep_others:
        target = _free(target)
    suffix = target.suffix.lower()
    if suffix in HTML_SUFFIXES:
        plan = [(target, html_page)]
    elif suffix in MARKDOWN_SUFFIXES:
        plan = [(target, markdown)]
    else:
        plan = [(target.with_name(target.name + ".html"), html_page),
                (target.with_name(target.name + ".md"), markdown)]
    for path, render in plan:
        write_text_atomic(path, render(transcript), shared=True)
    return [path for path, _ in plan]


#: How many ``-N`` names are tried before giving up (a folder holding that many of one
#: second's transcripts is not a class's).
MOST_ALIKE = 1000


def _free(target: Path) -> Path:
    """``target``, or ``target-2``, ``-3``…: the first whose files are all free, each claimed
    at once (created empty, exclusively) so another process saving in the same moment takes
    the next name instead of this one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, MOST_ALIKE + 1):
        stem = target if n == 1 else target.with_name(f"{target.name}-{n}")
        names = [stem.with_name(stem.name + s) for s in (".html", ".md")] if stem.suffix.lower() not in \
            HTML_SUFFIXES + MARKDOWN_SUFFIXES else [stem]
        claimed = []
        try:
            for name in names:
                os.close(os.open(name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
                claimed.append(name)
        except FileExistsError:
            for name in claimed:
                name.unlink(missing_ok=True)
            continue
        return stem
    raise FileExistsError(f"{MOST_ALIKE} transcripts of the same name are already in {target.parent}")

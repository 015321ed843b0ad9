"""A transcript written to disk: HTML, Markdown, or both, by the name the player gave it.

Apart from :mod:`game.transcript` (what a transcript holds, and its Markdown) and
:mod:`game.transcript_html` (its page), so that neither of those imports the other.
"""

from __future__ import annotations

from pathlib import Path

from game.jsonfile import write_text_atomic
from game.transcript import Transcript, markdown
from game.transcript_html import html_page

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def write(transcript: Transcript, target: Path) -> list[Path]:
    """Write the transcript to ``target``: HTML or Markdown by its suffix, or both (``.html``
    and ``.md`` beside each other) for any other name.  Returns the files written."""
    suffix = target.suffix.lower()
    if suffix in HTML_SUFFIXES:
        plan = [(target, html_page)]
    elif suffix in MARKDOWN_SUFFIXES:
        plan = [(target, markdown)]
    else:
        plan = [(target.with_name(target.name + ".html"), html_page),
                (target.with_name(target.name + ".md"), markdown)]
    for path, render in plan:
        write_text_atomic(path, render(transcript))
    return [path for path, _ in plan]

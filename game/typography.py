"""Setting story text as print sets it: curly quotes and apostrophes, or plain ASCII.

Writers type straight quotes (``'`` and ``"``); the window and the terminal show ‘ ’ “ ” and the
apostrophe ’, and ``play --text --plain`` shows plain ASCII for screen readers and old
terminals.  Pure functions: no pygame, no state.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Words that begin with an apostrophe standing for letters left out, not an opening quote.
ELISIONS = ("tis", "twas", "til", "em", "cause", "cos", "bout", "n")

# After these (or at the start of the text) a quote opens.
_OPENERS = set("([{<“‘—–-/")
# Before these (or at the end of the text) a quote closes.
_CLOSERS = set(".,;:!?)]}>…—–-/’”")
_ELISION = re.compile(r"(?:" + "|".join(ELISIONS) + r")(?![A-Za-z])", re.IGNORECASE)
_DECADE = re.compile(r"\d\ds\b")

_CURLY = {"'": ("‘", "’"), '"': ("“", "”")}


@lru_cache(maxsize=4096)
def typographic(text: str) -> str:
    """``text`` with straight quotes turned to typographic ones.

    A quote opens at the start of the text, after a space, a bracket, a dash or another
    opening quote; it closes before a space, punctuation or the end.  Between letters a
    straight single quote is an apostrophe (don't, o'clock, Song's), and so it is at the
    start of a word that drops letters ('til, 'em, rock 'n' roll) or of a decade ('90s).
    Text that is already curly is left as it is.
    """
    if "'" not in text and '"' not in text:
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch not in _CURLY:
            out.append(ch)
            continue
        before = out[-1] if out else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        opening, closing = _CURLY[ch]
        starts_word = not before or before.isspace() or before in _OPENERS
        if starts_word and ch == "'" and (_ELISION.match(text, i + 1) or _DECADE.match(text, i + 1)):
            out.append("’")
        elif starts_word and after and not after.isspace() and after not in ",;:!?)]}":
            out.append(opening)
        elif not after or after.isspace() or after in _CLOSERS or after in "'\"":
            out.append(closing)
        elif before.isalnum() or before in ".,!?;:…’”":
            # Inside a word (an apostrophe), or after a sentence's end (a closing quote
            # followed by more text, as in "Yes,'said").
            out.append(closing)
        else:
            out.append(opening)
    return "".join(out)


_PLAIN = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "″": '"',
    "—": "--", "–": "-", "−": "-", "‐": "-", "‑": "-",
    "…": "...", "·": "-", "→": "->", "←": "<-", "×": "x",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


def plain(text: str) -> str:
    """``text`` in plain ASCII: straight quotes, ``--`` for a dash, ``...`` for an ellipsis,
    accents dropped (ü to u).  What has no ASCII form at all (an emoji) is left out."""
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return text.encode("ascii", "ignore").decode("ascii")


#: A paragraph opening with one of these is someone speaking.
_QUOTATION_MARKS = ("'", '"', "‘", "“")


def opens_with_speech(paragraph: str) -> bool:
    """Whether ``paragraph`` is speech: it opens with a quotation mark ("'Permanent
    employment,' she says."), as opposed to narration that may quote someone later on."""
    return paragraph.lstrip().startswith(_QUOTATION_MARKS)


def named_speaker(style: str, speaker: str | None, text: str) -> str | None:
    """The name to put over a passage, or None: a dialogue passage is headed by its speaker
    only when it opens with them speaking (a narrated scene that quotes them later is not
    theirs); a phone message, a letter or a document keeps the name it comes from."""
    if not speaker:
        return None
    if style == "dialogue" and not opens_with_speech(text):
        return None
    return speaker

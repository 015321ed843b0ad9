"""Names made safe to print: a file or folder name is chosen by whoever made a mod, and a
terminal obeys some characters instead of showing them.

ESC starts the sequences that recolour, move the cursor or write to the clipboard (OSC 52);
BEL ends them; the C1 controls are their one-byte forms; a newline or carriage return lets a
name forge a line of its own (``story.yaml:1:1: error: …``); the bidi overrides and isolates
make a name read differently from how it is stored; the Unicode line separators break lines
on some screens.  Each is printed as a visible escape (``\\x1b``, ``\\n``, ``\\u202e``), so
the name can still be found and renamed.  Bytes a file name holds that are not UTF-8 reach
Python as lone surrogates, which a UTF-8 terminal cannot even encode: they are escaped too.
"""

from __future__ import annotations

import re

# Control characters, the Unicode line and paragraph separators, the bidi overrides and
# isolates, and lone surrogates; then the direction marks (ALM, LRM, RLM), which right-to-left
# prose needs but a name, a path or a one-line label never does.
_STRAY = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_MARKS = "\u061c\u200e\u200f"
#: What a terminal would act on, or could not print, in a name, and what no line a screen
#: draws from a file (a save's summary, a slot's place) may hold.
OBEYED = re.compile(f"[{_STRAY}{_MARKS}]")
#: The same, less the direction marks: what is taken out of story prose before it is printed.
STRAY = re.compile(f"[{_STRAY}]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printed_name(name: object) -> str:
    """``name`` (a path, a file or folder name, or any text a stranger chose) as it may be
    printed on one line of a terminal: nothing in it is obeyed, and it cannot start a line."""
    text = str(name)
    return OBEYED.sub(_escape, text)


def _escape_in_document(match: re.Match[str]) -> str:
    char = match.group()
    return char if char in "\n\t" else f"\\u{ord(char):04x}"


def printed_document(text: str) -> str:
    """A whole document printed to standard output (a map, a JSON report): its own line breaks
    and tabs are kept, and anything else a terminal would obey becomes ``\\uXXXX`` — JSON's
    own escape, so a JSON report still reads back the same (``json.dumps`` has already escaped
    every line break that was inside a string)."""
    return OBEYED.sub(_escape_in_document, text)

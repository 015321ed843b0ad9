"""Text layout as pure functions: (text, measure, width) -> lines, and lines -> pages.

This is the one home of pagination.  :func:`paginate` cuts a passage's (or the credits') lines
into pages; :func:`paginate_pieces` cuts the debrief's pieces (lines, table rows, the seal)
into pages; both stack what a page holds by :func:`stacked_offsets`, where the space above
the first thing on a page is dropped.

Nothing here touches pygame: ``measure`` is any function giving a string's width in pixels,
so tests use a fake one and the front end passes ``font.size(s)[0]``.  The front end caches
the widths it measures (``Text.measure`` in :mod:`game.ui.text`) because measuring is the
expensive part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Protocol, Sequence

from game.engine.passage_words import paragraphs

Measure = Callable[[str], int]

#: The readable column: no more than about this many characters a line.
MAX_CHARS_PER_LINE = 80
#: Baseline-to-baseline distance as a multiple of the font's size.
LINE_SPACING = 1.5
#: Space between paragraphs, as a fraction of a line.
PARAGRAPH_GAP = 0.6


@dataclass(frozen=True)
class Line:
    """One laid-out line: its text, which paragraph it belongs to, whether it opens it, and
    whether it opens a row the writer wrote (a bill's line, a form's question) in text that
    keeps its line breaks."""

    text: str
    paragraph: int
    first: bool
    row: bool = False


def split_paragraphs(text: str, keep_newlines: bool = False) -> list[str]:
    """Paragraphs are separated by blank lines.  Inside a paragraph, single line breaks are
    the writer's wrapping and become spaces, unless ``keep_newlines`` (bills, screens, where
    each line means something)."""
    kept: list[str] = []
    for block in paragraphs(text):
        if keep_newlines:
            # Bills and screens keep their rows and the spacing that lines up their columns.
            rows = [row.rstrip() for row in block.strip("\n").split("\n")]
            kept.append("\n".join(rows))
        else:
            kept.append(" ".join(block.split()))
    return kept


def _break_long_word(word: str, measure: Measure, width: int) -> list[str]:
    """Cut a word wider than the column into pieces that fit (URLs, ID numbers).

    Each piece is the longest run from where the last ended that fits (at least one
    character), found by doubling and then halving: a word of n characters costs about two
    measurements per doubling of a piece, not one per character."""
    pieces: list[str] = []
    start = 0
    while start < len(word):
        fits, step = 1, 1                         # a piece always takes its first character
        while start + fits < len(word):           # double until a run is too wide or ends it
            step = min(fits * 2, len(word) - start)
            if measure(word[start:start + step]) > width:
                break
            fits = step
        else:
            step = fits
        low, high = fits, step - 1                # the longest fitting run lies between
        while low < high:
            middle = (low + high + 1) // 2
            if measure(word[start:start + middle]) <= width:
                low = middle
            else:
                high = middle - 1
        pieces.append(word[start:start + low])
        start += low
    return pieces


#: A small count ("1", "12", "2nd"): it never ends a line while the word it counts follows.
_COUNT = re.compile(r"^\d{1,3}(st|nd|rd|th)?$")


def wrap(text: str, measure: Measure, width: int) -> list[str]:
    """Greedy word wrap of one paragraph (``\\n`` forces a break).  Every returned line
    measures at most ``width`` unless a single character is wider than ``width``."""
    if width <= 0:
        raise ValueError("width must be positive")
    lines: list[str] = []
    for row in text.split("\n"):
        words = row.split(" ")
        current = ""
        for word in words:
            if word == "" and current == "":
                continue
            candidate = word if not current else current + " " + word
            if measure(candidate) <= width:
                current = candidate
                continue
            head, _, last = current.rpartition(" ")
            if head and _COUNT.match(last) and measure(f"{last} {word}") <= width:
                # A count stays with what it counts: "1 adult", not "1" at a line's end.
                lines.append(head)
                current = f"{last} {word}"
                continue
            if current:
                lines.append(current)
                current = ""
            if measure(word) <= width:
                current = word
            else:
                *full, current = _break_long_word(word, measure, width)
                lines.extend(full)
        lines.append(current.rstrip())
    return lines


#: A row of a bill or a list with a dot leader: "Basic charge ........ 625.60".
_LEADER = re.compile(r"^(?P<label>.*?\S)\s*(?P<dots>\.{4,}|…{2,})\s*(?P<amount>\S.*)$")
#: The fewest dots a shortened leader keeps.
SHORTEST_LEADER = 3


def _leader_line(label: str, dot: str, amount: str, measure: Measure, width: int) -> str | None:
    """``label``, a leader and ``amount`` on one line as wide as fits ``width``, or None."""
    low, high = SHORTEST_LEADER, max(SHORTEST_LEADER, width // max(1, measure(dot)))
    if measure(f"{label} {dot * low} {amount}".strip()) > width:
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if measure(f"{label} {dot * middle} {amount}".strip()) <= width:
            low = middle
        else:
            high = middle - 1
    return f"{label} {dot * low} {amount}".strip()


def leader_row(row: str, measure: Measure, width: int) -> list[str] | None:
    """A bill's row with a dot leader ("Basic charge ........ 625.60") as lines no wider than
    ``width``: its dots as many as fill the line and no more, so the amount stays on the
    line of its label's last words; None for a row with no leader."""
    found = _LEADER.match(row)
    if not found:
        return None
    label, amount, dot = found["label"], found["amount"], found["dots"][0]
    if measure(row) <= width:
        return [row]
    one = _leader_line(label, dot, amount, measure, width)
    if one is not None:
        return [one]
    *above, last = wrap(label, measure, width)
    tail = _leader_line(last, dot, amount, measure, width)
    if tail is not None:
        return [*above, tail]
    return [*above, last, _leader_line("", dot, amount, measure, width) or amount]


def layout(text: str, measure: Measure, width: int, keep_newlines: bool = False) -> list[Line]:
    """Lay out ``text`` (paragraphs separated by blank lines) into lines no wider than ``width``.
    Text that keeps its line breaks keeps each row's dot leader no longer than the column."""
    result: list[Line] = []
    for index, paragraph in enumerate(split_paragraphs(text, keep_newlines)):
        rows = paragraph.split("\n") if keep_newlines else [paragraph]
        for number, row in enumerate(rows):
            led = leader_row(row, measure, width) if keep_newlines else None
            for part, line in enumerate(led or wrap(row, measure, width)):
                result.append(Line(line, index, number == 0 and part == 0, keep_newlines and part == 0))
    return result


def stacked_offsets(heights: Iterable[int], spaces: Iterable[int]) -> list[int]:
    """The y offset of each thing stacked from the top of a page, given each one's height and
    the space above it; the space above the first is dropped (no gap opens a page)."""
    offsets: list[int] = []
    y = 0
    for i, (height, space) in enumerate(zip(heights, spaces)):
        if i:
            y += space
        offsets.append(y)
        y += height
    return offsets


def line_offsets(lines: Sequence[Line], line_height: int, gap: int) -> list[int]:
    """The y offset of each line from the top of its block, with ``gap`` before each
    paragraph after the first."""
    return stacked_offsets([line_height] * len(lines), [gap if line.first else 0 for line in lines])


def block_height(lines: Sequence[Line], line_height: int, gap: int) -> int:
    """Height of a block of lines laid out by :func:`line_offsets`."""
    if not lines:
        return 0
    return line_offsets(lines, line_height, gap)[-1] + line_height


#: No page but the last holds fewer lines than this, unless the whole text is that short.
SHORTEST_PAGE = 3
#: A paragraph split across pages leaves at least this many of its lines on each side.
KEEP_TOGETHER = 2


def paginate(lines: Sequence[Line], line_height: int, gap: int, page_height: int,
             last_page_reserve: int = 0, closing_lines: int = 0) -> list[list[Line]]:
    """Split lines into pages that each fit ``page_height``, reading from the front.

    The rules, in the order they give way:

    * Pages fill from the front with whole paragraphs.  A paragraph that does not fit in what
      is left of a page starts the next page.
    * A paragraph is split across pages only when it alone is taller than a page, or when
      moving it whole would leave the page before it shorter than :data:`SHORTEST_PAGE`
      lines.  A split leaves at least :data:`KEEP_TOGETHER` of its lines on each side, so no
      line stands alone at the foot or the top of a page.
    * A heading (see :func:`is_heading`: a notice's "VOLUNTEERS WANTED", a form's "NOTES")
      does not end a page while text follows it; it goes down with the paragraph it heads,
      unless that would leave the page before it shorter than :data:`SHORTEST_PAGE` lines.
    * The last page also leaves ``last_page_reserve`` pixels free (room for the choices).  When
      its text and the choices do not fit together, its last paragraphs (or, failing that,
      the last lines of its last paragraph after a sentence or a row ends, by the same rules)
      move to a new last page, as long as each page keeps at least :data:`SHORTEST_PAGE`
      lines.  When no such split exists, the choices stand alone on an empty last page: a
      page that stops short never stops mid-sentence.
    * With ``closing_lines``, a last page that would hold nothing but a final paragraph of at
      most that many lines (a letter's closing, above its signature) takes the paragraph
      before it along (see :func:`keep_closing_company`).
    * The last page never holds a line or two of text alone above the choices (see
      :func:`_no_scrap_at_the_end`).

    A paragraph gap is never drawn at the top of a page.  A page is never shorter than a line,
    so a page too small for any line still gets one.  Always returns at least one page;
    every line appears once, in order.
    """
    # A page holds at least a line, whatever its frame leaves: with no room at all, nothing
    # would ever fit and the pages would never end.
    page_height = max(page_height, line_height)

    def fits(block: Sequence[Line], room: int = page_height) -> bool:
        return block_height(block, line_height, gap) <= room

    def lines_that_fit(page: list[Line], rest: list[Line]) -> int:
        n = 0
        while n < len(rest) and fits([*page, *rest[:n + 1]]):
            n += 1
        return n

    pages: list[list[Line]] = []
    current: list[Line] = []
    paragraphs = _paragraphs(lines)
    for index, paragraph in enumerate(paragraphs):
        if fits([*current, *paragraph]):
            current += paragraph
            continue
        # Headings at the foot of the page go down with the paragraph they head.
        cut = _headings_start(current)
        if len(current[:cut]) >= SHORTEST_PAGE and fits([*current[cut:], *paragraph]):
            pages.append(current[:cut])
            current = [*current[cut:], *paragraph]
            continue
        rest = list(paragraph)
        while not fits([*current, *rest]):
            n = min(lines_that_fit(current, rest), len(rest) - KEEP_TOGETHER)
            if n < KEEP_TOGETHER:
                if current:
                    cut = _headings_start(current)
                    if cut < SHORTEST_PAGE:   # a short page reads worse than a heading at its foot
                        cut = len(current)
                    pages.append(current[:cut])
                    current = current[cut:]
                    continue
                # A page too small for the rules: take what fits, but never nothing.
                n = max(1, lines_that_fit([], rest))
            pages.append([*current, *rest[:n]])
            current, rest = [], rest[n:]
        current += rest
    pages.append(current)
    if last_page_reserve and not fits(pages[-1], page_height - last_page_reserve):
        pages[-1:] = _make_room_for_choices(pages[-1], fits, page_height - last_page_reserve)
    if closing_lines:
        pages = keep_closing_company(pages, line_height, gap, page_height, last_page_reserve,
                                     closing_lines)
    return _no_scrap_at_the_end(pages, fits, page_height, last_page_reserve)


class Piece(Protocol):
    """What :func:`paginate_pieces` pages (the debrief's :class:`game.ui.debrief_pages.Piece`):
    ``keep`` ties it to the piece after it (a heading to its first line); ``space`` is the gap
    above it, dropped at the top of a page; ``new_page`` starts a page; ``head`` is a table
    row's header, repeated when the table runs on to another page.  Pieces that share a
    ``block`` (not None) are one paragraph, list item or heading; a block that ``flows`` may
    run on to the next page between its lines.  ``lines`` is how many lines of text the piece
    counts for, and ``ends_sentence`` whether its text ends a sentence."""

    height: int
    space: int
    keep: bool
    new_page: bool
    head: Any
    block: Any
    flows: bool
    lines: int
    ends_sentence: bool


def paginate_pieces(pieces: Sequence[Piece], room: int) -> list[list[tuple[Any, int]]]:
    """Fill pages of height ``room`` with pieces of any height, from the front; each page is a
    list of (piece, y offset).

    The rules, in the order they give way:

    * A block (a paragraph, a list item, a heading, a table row) that does not fit starts the
      next page whole, taking along the headings above it (a heading never ends a page while
      something follows it) or, for a table row, its table's header.
    * A paragraph or item runs on to the next page only from a full page, with at least
      :data:`KEEP_TOGETHER` of its lines on each side; or where one of its sentences ends, so a
      page that stops short never stops mid-sentence.  One taller than a page runs on by line.
    * No page but the last of its section holds fewer than :data:`SHORTEST_PAGE` lines while
      the page before it could spare whole blocks: the last page of a section (or of the
      document) takes blocks from the foot of the page before until it holds that many.
    """
    room = max(1, room)
    pages: list[list[Piece]] = [[]]
    blocks = _piece_blocks(pieces)
    for index, block in enumerate(blocks):
        if block[0].new_page and pages[-1]:
            pages.append([])
        rest = list(block)
        while rest:
            page = pages[-1]
            if _stack_height([*page, *rest]) <= room:
                page.extend(rest)
                break
            carried = _kept_at_foot(page)
            keep_here = _lines_to_keep(page, carried, rest, room)
            if keep_here:
                page.extend(rest[:keep_here])
                rest = rest[keep_here:]
                pages.append(_table_head_for(rest[0], []))
                continue
            if not carried and _last_row(blocks, index) and _rows_at_foot(page, rest[0].head) >= 2:
                carried = [page[-1]]          # a table's last row never runs on alone
            del page[len(page) - len(carried):]
            pages.append(_table_head_for(rest[0], carried) + carried)
    pages = [page for page in pages if page] or [[]]
    _fill_short_ends(pages, room)
    return [list(zip(page, stacked_offsets([p.height for p in page], [p.space for p in page])))
            for page in pages]


def _last_row(blocks: Sequence[Sequence[Piece]], index: int) -> bool:
    """Whether block ``index`` is a table's last row."""
    head = blocks[index][0].head
    return head is not None and (index + 1 == len(blocks) or blocks[index + 1][0].head is not head)


def _rows_at_foot(page: Sequence[Piece], head: Any) -> int:
    """How many rows of the table headed by ``head`` stand at the foot of ``page``."""
    count = 0
    while count < len(page) and page[-1 - count].head is head:
        count += 1
    return count


def _stack_height(page: Sequence[Piece]) -> int:
    return sum(p.height + (p.space if i else 0) for i, p in enumerate(page))


def _piece_blocks(pieces: Sequence[Piece]) -> list[list[Piece]]:
    """Pieces grouped by the block they belong to, in order; a piece with no block is one."""
    blocks: list[list[Piece]] = []
    for piece in pieces:
        if blocks and piece.block is not None and blocks[-1][-1].block == piece.block:
            blocks[-1].append(piece)
        else:
            blocks.append([piece])
    return blocks


def _kept_at_foot(page: Sequence[Piece]) -> list[Piece]:
    """The headings at the foot of ``page``, which go wherever the next block goes."""
    cut = len(page)
    while cut > 0 and page[cut - 1].keep:
        cut -= 1
    return list(page[cut:])


def _page_lines(page: Sequence[Piece]) -> int:
    return sum(p.lines for p in page)


def _lines_to_keep(page: Sequence[Piece], carried: Sequence[Piece], rest: Sequence[Piece], room: int) -> int:
    """How many of ``rest`` (a block, or what is left of one) stay on ``page`` when it does
    not fit whole: 0 to move it all to the next page."""
    fit = 0
    while fit < len(rest) and _stack_height([*page, *rest[:fit + 1]]) <= room:
        fit += 1
    body = len(page) - len(carried)
    if body == 0:
        # Nothing but headings above it: it must start here, as much as fits (at least a
        # piece, so a page too small for the rules still ends), leaving no line alone after.
        if len(rest) - fit == 1 and fit > KEEP_TOGETHER:
            fit -= 1
        return max(1, fit)
    if not rest[0].flows:
        return 0
    if fit >= KEEP_TOGETHER and len(rest) - fit >= KEEP_TOGETHER:
        return fit                                # a full page: it runs on from here
    for cut in range(min(fit, len(rest) - KEEP_TOGETHER), KEEP_TOGETHER - 1, -1):
        if rest[cut - 1].ends_sentence:
            return cut                            # a sentence ends: the page stops there
    if _page_lines(page[:body]) < SHORTEST_PAGE and fit >= KEEP_TOGETHER:
        # Moving it would leave a page of a line or two: better it runs on from a full page.
        return fit if len(rest) - fit >= KEEP_TOGETHER or fit - 1 < KEEP_TOGETHER else fit - 1
    return 0


def _table_head_for(piece: Piece, carried: Sequence[Piece]) -> list[Piece]:
    """A table's header to open a page on which its rows go on (unless it is carried along)."""
    if piece.head is not None and not any(p is piece.head for p in carried):
        return [piece.head]
    return []


def _fill_short_ends(pages: list[list[Piece]], room: int) -> None:
    """The last page of each section (and of the document) that holds fewer than
    :data:`SHORTEST_PAGE` lines takes whole blocks from the foot of the page before it, as
    long as that page keeps as many, ends on no heading and the blocks fit."""
    for i in range(1, len(pages)):
        page = pages[i]
        ends_run = i == len(pages) - 1 or pages[i + 1][0].new_page
        if not ends_run or page[0].new_page:
            continue
        before = pages[i - 1]
        while _page_lines(page) < SHORTEST_PAGE:
            taken = _last_block(before)
            stays = before[:len(before) - len(taken)]
            if not taken or not stays or _page_lines(stays) < SHORTEST_PAGE or stays[-1].keep:
                break
            moved = _joined(taken, page)
            if _stack_height(moved) > room:
                break
            before[:] = stays
            page[:] = moved


def _joined(taken: Sequence[Piece], page: Sequence[Piece]) -> list[Piece]:
    """Blocks moved to the top of ``page``: a table's rows under its header, once."""
    head = taken[-1].head
    if head is not None and not any(p is head for p in taken):
        taken = [head, *taken]
    if page and taken and page[0].head is None and page[0].keep and any(p is page[0] for p in taken):
        page = page[1:]                       # the header the page repeated is now above them
    return [*taken, *page]


def _last_block(page: Sequence[Piece]) -> list[Piece]:
    """The block at the foot of ``page`` with the headings above it, as it would move."""
    if not page:
        return []
    end = len(page)
    start = end - 1
    while start > 0 and page[start - 1].block is not None and page[start - 1].block == page[end - 1].block:
        start -= 1
    while start > 0 and page[start - 1].keep:
        start -= 1
    return list(page[start:])


#: How a sentence ends; a line ending otherwise, alone in its paragraph, is a heading.
_SENTENCE_ENDS = tuple(".!?…'\"’”)")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` (a line) ends with the end of a sentence or a closing bracket or quote."""
    return text.rstrip().endswith(_SENTENCE_ENDS)


def is_heading(line: Line) -> bool:
    """Whether ``line``, the whole of its paragraph, heads what follows it: a title line or a
    label ("NOTES", "Underneath, in Manager Tan's blue biro:") rather than a short sentence."""
    return not line.text.rstrip().endswith(_SENTENCE_ENDS) and not _LEADER.match(line.text)


def _headings_start(page: Sequence[Line]) -> int:
    """Where the run of headings at the foot of ``page`` starts (``len(page)`` if none)."""
    cut = len(page)
    while cut > 0 and page[cut - 1].first and is_heading(page[cut - 1]):
        cut -= 1
    return cut


def _paragraphs(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines grouped by the paragraph they belong to, in order."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and groups[-1][-1].paragraph == line.paragraph and not line.first:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def may_break_before(lines: Sequence[Line], k: int) -> bool:
    """Whether a page that stops short may end just before ``lines[k]``: between paragraphs,
    between the rows of a bill or a form, or inside a paragraph where a sentence ends."""
    return k <= 0 or k >= len(lines) or lines[k].first or lines[k].row or ends_sentence(lines[k - 1].text)


def _split_reads(page: Sequence[Line], k: int) -> bool:
    """Whether a page that stops short may stop before line ``k`` of ``page``: never under a
    heading, and inside a paragraph only where a sentence or a row ends (a line that is a
    whole sentence may stand alone; a scrap of one may not)."""
    if page[k].first:
        return not (page[k - 1].first and is_heading(page[k - 1]))
    return may_break_before(page, k)


def _make_room_for_choices(page: list[Line], fits: Callable[..., bool],
                           room: int) -> list[list[Line]]:
    """The last page as one or two pages whose last leaves the choices their room: the
    latest paragraph boundary that works, else the latest place inside a paragraph where a
    sentence or a row ends (two of its lines on each side), each page keeping at least
    :data:`SHORTEST_PAGE` lines; else the whole page followed by the choices alone."""
    def split_ok(k: int) -> bool:
        return len(page[:k]) >= SHORTEST_PAGE and len(page[k:]) >= SHORTEST_PAGE and \
            fits(page[k:], room) and _split_reads(page, k)

    boundaries = [k for k in range(len(page) - 1, 0, -1) if page[k].first]
    inside = [k for k in range(len(page) - 1, 0, -1) if not page[k].first]
    for k in [*boundaries, *inside]:
        if split_ok(k):
            return [page[:k], page[k:]]
    return [page, []]


def _no_scrap_at_the_end(pages: list[list[Line]], fits: Callable[..., bool], page_height: int,
                         last_page_reserve: int) -> list[list[Line]]:
    """Pages whose last page of text holds no line or two alone.

    It takes lines from the page before at a break a reader would make (between paragraphs,
    or where a sentence or a row ends) so that each keeps :data:`SHORTEST_PAGE` lines and all
    fits above the choices; failing that, with choices to make room for, its lines go back to
    the page before and the choices stand alone; failing that, a single line takes the last
    two of the paragraph before it along, as a letter's closing does."""
    at = len(pages) - 1 if pages[-1] else len(pages) - 2
    if at < 1 or len(pages[at]) >= SHORTEST_PAGE:
        return pages
    before, last, after = pages[at - 1], pages[at], pages[at + 1:]
    room = page_height - (last_page_reserve if not after else 0)
    joined = [*before, *last]

    def cut(k: int) -> list[list[Line]]:
        return [*pages[:at - 1], joined[:k], joined[k:], *after]

    for least in (SHORTEST_PAGE, len(last) + 1):
        for k in range(len(before) - 1, SHORTEST_PAGE - 1, -1):
            if len(joined[k:]) >= least and _split_reads(joined, k) and fits(joined[k:], room):
                return cut(k)
    if not after and last_page_reserve and fits(joined, page_height):
        return [*pages[:at - 1], joined, []]
    k = len(before) - KEEP_TOGETHER
    if len(last) == 1 and k >= SHORTEST_PAGE and fits(joined[k:], room) and \
            not fits(joined[:k], page_height - page_height // 4) and \
            sum(1 for line in joined[:k] if line.paragraph == joined[k].paragraph) >= KEEP_TOGETHER:
        return cut(k)                         # never a page stopping mid-sentence a quarter empty
    return pages


def keep_closing_company(pages: list[list[Line]], line_height: int, gap: int, page_height: int,
                         last_page_reserve: int, closing_lines: int) -> list[list[Line]]:
    """Pages where the last one no longer holds only a short closing paragraph.

    A long letter's last page could show "Your daughter," and the signature and nothing else;
    the paragraph before the closing moves down to keep it company — whole if it fits beside
    the closing and the reserve, else its last lines — from where a sentence ends if it can —
    as long as at least two lines go and at least two stay (a line alone at either end of a
    page reads as a mistake).  A whole
    paragraph takes the headings above it along; what stays behind keeps at least
    :data:`SHORTEST_PAGE` lines and does not end with a heading.  Left as it is when none of
    that fits.
    """
    if len(pages) < 2 or not pages[-1] or not pages[-2]:
        return pages
    last, before = pages[-1], pages[-2]
    alone = last[0].first and len({line.paragraph for line in last}) == 1
    if not alone or len(last) > closing_lines:
        return pages
    paragraph = before[-1].paragraph
    tail = 0                                  # the paragraph's lines at the foot of `before`
    while tail < len(before) and before[-1 - tail].paragraph == paragraph:
        tail += 1
    whole = before[-tail].first
    # Where a sentence ends first; only then anywhere that keeps two lines on each side.
    for where_read in (True, False):
        for n in range(tail, 0, -1):
            stays = tail - n
            if not (n == tail and whole) and (n < 2 or stays == 1 or
                                              where_read and not may_break_before(before, len(before) - n)):
                continue                      # a split that strands a line, or stops mid-sentence
            if n == tail and whole:           # the headings above it come along
                n = len(before) - _headings_start(before[:len(before) - tail])
            moved = [*before[-n:], *last]
            if block_height(moved, line_height, gap) + last_page_reserve > page_height:
                continue
            rest = before[:-n]
            if rest and (len(rest) < SHORTEST_PAGE or _headings_start(rest) < len(rest)):
                continue                      # it would leave a page short, or under a heading
            if not where_read and block_height(rest, line_height, gap) < page_height - page_height // 4:
                continue                      # stopping mid-sentence, never with a quarter empty
            return [*pages[:-2], *([rest] if rest else []), moved]
    return pages


def column_width(average_char_width: float, available: int,
                 max_chars: int = MAX_CHARS_PER_LINE) -> int:
    """The width of a readable column: at most ``max_chars`` average characters, at most
    what is available, and never less than 1 pixel."""
    return max(1, min(available, int(average_char_width * max_chars)))


def _letters(text: str) -> int:
    """Characters other than spaces: wrapping only ever adds or drops spaces, so this counts
    the same text the same way at any width."""
    return len(text) - text.count(" ")


def reading_anchor(pages: Sequence[Sequence[Line]], page_index: int,
                   chars: int) -> tuple[int, int] | None:
    """Where the reader is, in terms that survive re-wrapping: (paragraph, letters of that
    paragraph before the point).  The point is ``chars`` characters into page ``page_index``
    (0 for its top).  None for a page without text (choices standing alone)."""
    if not 0 <= page_index < len(pages) or not pages[page_index]:
        return None
    page = pages[page_index]
    target, within = len(page) - 1, len(page[-1].text)
    left = max(0, chars)
    for i, line in enumerate(page):
        if left < len(line.text):
            target, within = i, left
            break
        left -= len(line.text)
    line = page[target]
    # Letters of the same paragraph on earlier lines, this page's and earlier pages'.
    earlier = [l for p in pages[:page_index] for l in p] + list(page[:target])
    before = sum(_letters(l.text) for l in earlier if l.paragraph == line.paragraph)
    return line.paragraph, before + _letters(line.text[:within])


def find_anchor(pages: Sequence[Sequence[Line]], anchor: tuple[int, int]) -> tuple[int, int]:
    """The page holding ``anchor`` (from :func:`reading_anchor`) and how many characters of
    that page come before it.  A paragraph that is not there (the text changed) gives the
    last page, whole."""
    paragraph, letters = anchor
    found: tuple[int, int] | None = None
    seen = 0                                     # letters of the paragraph before this line
    for page_index, page in enumerate(pages):
        chars = 0                                # characters of this page before this line
        for line in page:
            if line.paragraph == paragraph:
                n = _letters(line.text)
                if letters < seen + n:
                    return page_index, chars + _index_of_letter(line.text, letters - seen)
                seen += n
                # The point may be the very end of the paragraph: its last line.
                found = (page_index, chars + len(line.text))
            chars += len(line.text)
    if found is not None:
        return found
    last = len(pages) - 1
    return last, sum(len(l.text) for l in pages[last]) if pages else 0


def _index_of_letter(text: str, letters: int) -> int:
    """The index in ``text`` of its ``letters``-th non-space character (0-based)."""
    for i, ch in enumerate(text):
        if ch != " ":
            if letters == 0:
                return i
            letters -= 1
    return len(text)

"""The reader's place in a passage laid out in pages: which page is open, how much of it has
been typed out, and the furthest point read.

The place is kept in terms that survive the text being wrapped again (a new text size, a
window made smaller, the story reloaded): a paragraph and a letter, never a line number (see
:func:`game.ui.layout.reading_anchor`).  So turning back shows a page whole, and nothing read
is typed out a second time.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ui.layout import Line, find_anchor, reading_anchor


@dataclass(frozen=True)
class ReadingPlace:
    """Where a reader is in a passage: the page on screen, how much of it is shown and the
    furthest point read.  A play screen made anew on the same passage (the story reloaded)
    is given it, and finds the same paragraph and letter when it lays out the edited text,
    so nothing read is typed out again."""

    pages: list
    page_index: int
    revealed: float
    furthest: tuple[int, int] | None


class Reading:
    """One passage being read, page by page; its pages are set by :meth:`set_pages`."""

    def __init__(self, place: ReadingPlace | None = None) -> None:
        #: The passage's lines split into pages that fit the window, each a list of lines;
        #: None until laid out.
        self.pages: list[list[Line]] | None = None
        self.page_index = 0
        #: Characters of the open page typed out so far (fractional: it grows with time).
        self.revealed = 0.0
        #: The furthest point read, as an anchor.
        self.furthest: tuple[int, int] | None = None
        #: Characters of the open page already on screen, so a frame draws only new ones.
        self.shown = 0
        if place is not None:
            self.pages, self.page_index = place.pages, place.page_index
            self.revealed, self.furthest = place.revealed, place.furthest

    @property
    def place(self) -> ReadingPlace:
        return ReadingPlace(self.pages, self.page_index, self.revealed, self.furthest)  # type: ignore[arg-type]

    @property
    def lines(self) -> list[Line]:
        """The open page's lines."""
        return self.pages[self.page_index]  # type: ignore[index]

    @property
    def on_last_page(self) -> bool:
        return self.page_index >= len(self.pages) - 1  # type: ignore[arg-type]

    def page_chars(self) -> int:
        return sum(len(line.text) for line in self.lines)

    @property
    def text_complete(self) -> bool:
        return self.revealed >= self.page_chars()

    def show_page(self) -> None:
        """The open page whole at once (a key pressed while it is typed out)."""
        self.revealed = float(self.page_chars())

    def type_out(self, characters: float) -> None:
        self.revealed += characters

    def skip_to_end(self) -> None:
        """The last page open and whole: where the choices are."""
        self.page_index = len(self.pages) - 1  # type: ignore[arg-type]
        self.show_page()
        self.note_read()

    def set_pages(self, pages: list[list[Line]]) -> None:
        """Lay the passage out in ``pages``, the first time or again after the text was
        re-wrapped, and find the reader's place in them."""
        # Where the reader is: the reveal point while text is appearing, else the top of the
        # page; a reader already at the choices stays at them.
        anchor = None
        was_complete = on_choices = False
        if self.pages:
            self.note_read()
            was_complete = self.revealed > 0 and self.text_complete
            upto = 0 if was_complete else int(self.revealed)
            anchor = reading_anchor(self.pages, self.page_index, upto)
            on_choices = anchor is None and self.on_last_page
        self.pages = pages
        if anchor is not None:
            # The page holding the paragraph being read, not the page with the same number.
            self.page_index, before = find_anchor(self.pages, anchor)
            self.revealed = float(before)
        elif self.pages and on_choices:
            self.page_index = len(self.pages) - 1
        self.page_index = min(self.page_index, len(self.pages) - 1)
        if was_complete:
            # A page read to the end stays read when the window or the text size changes.
            self.show_page()
        # Nothing already read is typed out again: the reveal goes on from the furthest point.
        self.revealed = max(self.revealed, float(self.already_read(self.page_index)))
        self.shown = 0

    def note_read(self) -> None:
        """Remember how far into the passage the reader has got."""
        point = reading_anchor(self.pages, self.page_index, int(self.revealed))  # type: ignore[arg-type]
        if point is not None and (self.furthest is None or point > self.furthest):
            self.furthest = point

    def already_read(self, page_index: int) -> int:
        """How many characters of page ``page_index`` the reader has already seen."""
        if self.furthest is None:
            return 0
        page, before = find_anchor(self.pages, self.furthest)  # type: ignore[arg-type]
        if page > page_index:
            return sum(len(line.text) for line in self.pages[page_index])  # type: ignore[index]
        return before if page == page_index else 0

    def read_text(self, keep_newlines: bool = False) -> str:
        """The passage as far as it has been read: every page up to the furthest turned to,
        as paragraphs (rows kept where the text keeps its line breaks)."""
        self.note_read()
        furthest = self.page_index
        if self.furthest is not None:
            furthest = max(furthest, find_anchor(self.pages, self.furthest)[0])  # type: ignore[arg-type]
        paragraphs: dict[int, str] = {}
        for page in self.pages[:furthest + 1]:  # type: ignore[index]
            for line in page:
                before = paragraphs.get(line.paragraph)
                joint = "\n" if keep_newlines and line.row else " "
                paragraphs[line.paragraph] = line.text if before is None else before + joint + line.text
        return "\n\n".join(paragraphs.values())

    def turn(self, step: int) -> bool:
        """Turn ``step`` pages on (back, if negative), as far as there are pages; True if a
        page was turned."""
        new = max(0, min(len(self.pages) - 1, self.page_index + step))  # type: ignore[arg-type]
        if new == self.page_index:
            return False
        self.note_read()
        self.page_index = new
        # Pages already read come back whole, forwards or back; new text is revealed.
        self.revealed = float(self.already_read(new))
        return True

"""The play screen: one passage at a time, revealed at the chosen speed, then its choices.

Long passages are split into pages that fit the window (see :func:`game.ui.layout.paginate`);
the last page keeps room for the choices.  The screen shows the day and the city, never the
score: it only ever reads the engine's ``Page``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.saves import QUICK, SlotError
from game.speech import choice_words, page_words
from game.ui import input as cmd
from game.ui.input import Command
from game.typography import opens_with_speech
from game.ui.layout import (block_height, find_anchor, line_offsets, paginate, reading_anchor,
                            split_paragraphs)
from game.ui.scene import Push, Replace, Scene, To, Transition
from game.ui.scenes.common import draw_background, open_screen
from game.ui.styles import Frame
from game.ui.widgets import Focus, make_button

#: Day from which the city is drawn under snow.
WINTER_FROM_DAY = 75
#: A final paragraph this short is a closing ("Your daughter,"): it never takes a page alone.
CLOSING_LINES = 2

BAR_ITEMS = (("History", "history"), ("Save", "save"), ("Load", "load"),
             ("Settings", "settings"), ("Menu", "menu"))


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


class PlayScene(Scene):
    name = "play"

    def __init__(self, app, session, reading_place: ReadingPlace | None = None) -> None:
        super().__init__(app)
        self.session = session
        self.focus = Focus()
        self.bar = Focus()
        self._start_passage()
        if reading_place is not None:
            self.pages = reading_place.pages
            self.page_index = reading_place.page_index
            self.revealed = reading_place.revealed
            self.furthest = reading_place.furthest

    @property
    def reading_place(self) -> ReadingPlace:
        return ReadingPlace(self.pages, self.page_index, self.revealed, self.furthest)

    # -- state ------------------------------------------------------------------------------
    def _start_passage(self) -> None:
        #: The passage shown (the engine's ``Page``: text, speaker, choices).
        self.passage = self.session.page
        #: The passage's lines split into pages that fit the window, each a list of lines;
        #: None until laid out.
        self.pages = None
        self.page_index = 0
        self.revealed = 0.0
        self.furthest: tuple[int, int] | None = None   # the furthest point read, as an anchor
        self._shown = 0                # characters of this page already on screen
        self.focus.index = None
        self.choice_scroll = 0
        self.invalidate()
        self.dirty = True
        self.app.speak(self.spoken())

    def spoken(self) -> list[str]:
        """What Read aloud says of this screen: the whole passage, then its choices."""
        return page_words(self.passage)

    def _speak_focus(self) -> None:
        """A choice gaining focus is said at once, cutting off the passage: the player has
        moved on to choosing."""
        if self.focus.index is None:
            return
        key = self.focus.buttons[self.focus.index].key
        if key == "debrief":
            self.app.speak(["Continue, to the debrief"])
        else:
            text = next(c.text for c in self.passage.choices if c.number == key)
            self.app.speak([choice_words(key, text)])

    @property
    def on_last_page(self) -> bool:
        return self.page_index >= len(self.pages) - 1

    def page_chars(self) -> int:
        return sum(len(line.text) for line in self.pages[self.page_index])

    @property
    def text_complete(self) -> bool:
        return self.revealed >= self.page_chars()

    @property
    def choices_visible(self) -> bool:
        return self.on_last_page and self.text_complete

    # -- layout -----------------------------------------------------------------------------
    def layout(self) -> None:
        # Where the reader is, to find again after the text is re-wrapped (a new text size or
        # window): the reveal point while text is appearing, else the top of the page.
        anchor = None
        was_complete = on_choices = False
        if self.pages:
            self._note_read()
            was_complete = self.revealed > 0 and self.text_complete
            upto = 0 if was_complete else int(self.revealed)
            anchor = reading_anchor(self.pages, self.page_index, upto)
            on_choices = anchor is None and self.on_last_page
        app, m, t = self.app, self.app.metrics, self.app.text
        w, h = app.size
        # The top bar: where and when, and buttons for mouse and touch players.
        bar_size = m.small if w < 1200 else m.ui
        bar_h = max(m.button_height * 4 // 5, round(bar_size * 2.2))
        x = w - m.margin
        buttons = []
        for label, key in reversed(BAR_ITEMS):
            bw = t.width(label, "sans", bar_size) + 2 * m.gap * 2
            rect = pygame.Rect(x - bw, m.gap, bw, bar_h)
            b = make_button(t, m, rect, key, label, size=bar_size)
            buttons.insert(0, b)
            x -= bw + m.gap // 2
        self.bar.set_buttons(buttons)
        self.bar_bottom = m.gap + bar_h
        self.caption_room = x - m.margin
        content_top = self.bar_bottom + m.gap * 2
        self.content = pygame.Rect(m.margin, content_top, w - 2 * m.margin, h - content_top - m.margin)
        # The column: a readable width, centred.
        col_w = min(self.content.width, round(t.average_char_width("serif", m.body) * 74))
        self.column = pygame.Rect(0, self.content.y, col_w, self.content.height)
        self.column.centerx = w // 2
        speech = frozenset(i for i, paragraph in enumerate(split_paragraphs(self.passage.text))
                           if opens_with_speech(paragraph))
        self.frame = Frame(self.passage.style, self.passage.speaker, self.passage.title, t, m, app.palette,
                           self.column, speech)
        # Choices: wrapped to the column, touch-sized.
        self.choice_buttons = self._make_choices()
        gap = m.gap
        choices_h = sum(b.rect.height for b in self.choice_buttons) + gap * (len(self.choice_buttons) - 1)
        reserve = choices_h + gap * 3
        f = self.frame
        lines = t.lines(self.passage.text, f.look.role, f.size, f.inner_width, f.look.keep_newlines)
        text_room = self.content.height - f.chrome
        # A signed letter never ends on a page holding only "Yours," above the signature.
        closing = CLOSING_LINES if f.signed else 0
        if reserve > self.content.height:
            # Too many long choices for this window: they get a scrolling page of their own.
            self.pages = paginate(lines, f.line_h, f.gap, text_room, 0, closing)
            if self.pages[-1]:
                self.pages.append([])
        else:
            self.pages = paginate(lines, f.line_h, f.gap, text_room, reserve, closing)
        if anchor is not None:
            # The page holding the paragraph being read, not the page with the same number.
            self.page_index, before = find_anchor(self.pages, anchor)
            self.revealed = float(before)
        elif self.pages and on_choices:
            self.page_index = len(self.pages) - 1
        self.page_index = min(self.page_index, len(self.pages) - 1)
        if was_complete:
            # A page read to the end stays read when the window or the text size changes.
            self.revealed = float(self.page_chars())
        # Nothing already read is typed out again: the reveal goes on from the furthest point.
        self.revealed = max(self.revealed, float(self._already_read(self.page_index)))
        self._shown = 0
        self._place_choices()

    def _make_choices(self):
        app, m = self.app, self.app.metrics
        if self.passage.is_ending or not self.passage.choices:
            items = [(None, "Continue", "debrief")]
        else:
            items = [(c.number, c.text, c.number) for c in self.passage.choices]
        buttons = []
        for number, label, key in items:
            rect = pygame.Rect(self.column.x, 0, self.column.width, m.button_height)
            size = max(m.ui, round(m.body * 0.9))
            buttons.append(make_button(app.text, m, rect, key, label, number=number, role="sans",
                                       size=size, align="left"))
        return buttons

    def _place_choices(self) -> None:
        m = self.app.metrics
        f = self.frame
        last = self.pages[-1]
        if last:
            text_h = f.height(block_height(last, f.line_h, f.gap), len(self.pages) == 1)
            y = self.content.y + text_h + m.gap * 3
        else:
            y = self.content.y
        self.choices_top = y
        for b in self.choice_buttons:
            b.rect.y = y
            y = b.rect.bottom + m.gap
        self.choices_viewport = pygame.Rect(self.column.x - m.gap, self.choices_top - m.gap,
                                            self.column.width + 2 * m.gap,
                                            self.content.bottom - self.choices_top + m.gap)
        self.max_choice_scroll = max(0, (y - m.gap) - self.content.bottom)
        self.choice_scroll = min(self.choice_scroll, self.max_choice_scroll)
        self.focus.set_buttons(self.choice_buttons)
        self.focus.scroll = self.choice_scroll

    # -- input ------------------------------------------------------------------------------
    def handle(self, command: Command) -> Transition | None:
        app = self.app
        kind = command.kind
        # The top bar answers the pointer only (keys reach the same places through Esc).
        if kind in (cmd.POINT, cmd.CLICK) and command.pos and command.pos[1] <= self.bar_bottom:
            key = self.bar.handle(command)
            if self.bar.changed:
                self.dirty = True
            if key is not None:
                app.sound("click")
                return self._open(key)
            return None
        if kind == cmd.POINT and self.bar.index is not None:
            self.bar.index = None
            self.dirty = True
        if kind == cmd.BACK:
            return self._open("menu")
        if kind == cmd.HISTORY:
            return self._open("history")
        if kind == cmd.QUICKSAVE:
            if app.save(QUICK, self.session):
                app.toast("Quick saved.")
            return None
        if kind == cmd.QUICKLOAD:
            try:
                session = app.load(QUICK)
            except SlotError as exc:
                app.toast(str(exc))
                return None
            app.toast("Quick save loaded.")
            return Replace(To("play", session=session))
        if kind == cmd.SKIP:
            self.page_index = len(self.pages) - 1
            self.revealed = float(self.page_chars())
            self._note_read()
            self.dirty = True
            return None
        if not self.text_complete:
            # Any click, key or tap first completes the text.
            if kind in (cmd.CLICK, cmd.CONFIRM, cmd.ADVANCE, cmd.CHOOSE, cmd.DOWN, cmd.PAGE_DOWN):
                self.revealed = float(self.page_chars())
                self.dirty = True
            return None
        if not self.on_last_page:
            if kind in (cmd.CLICK, cmd.CONFIRM, cmd.ADVANCE, cmd.DOWN, cmd.PAGE_DOWN, cmd.RIGHT) or \
                    (kind == cmd.SCROLL and command.amount > 0):
                self._turn(+1)
            elif kind in (cmd.UP, cmd.PAGE_UP, cmd.LEFT) or (kind == cmd.SCROLL and command.amount < 0):
                self._turn(-1)
            return None
        # The last page: choices.
        if kind == cmd.SCROLL and self.max_choice_scroll:
            self._scroll_choices(round(command.amount * self.app.metrics.ui_line))
            return None
        if kind in (cmd.PAGE_UP, cmd.LEFT) or (kind == cmd.SCROLL and command.amount < 0) or \
                (kind == cmd.UP and self.focus.index in (None, 0) and len(self.pages) > 1):
            if len(self.pages) > 1:
                self._turn(-1)
            return None
        if kind == cmd.ADVANCE and self.focus.index is None:
            self.focus.handle(Command(cmd.CONFIRM))   # Space shows where the focus starts
            self._speak_focus()
            self.dirty = True
            return None
        if kind == cmd.ADVANCE:
            command = Command(cmd.CONFIRM)
        key = self.focus.handle(command)
        if self.focus.changed:
            self._keep_focus_visible()
            if key is None:                   # a choice taken is not read out on its way
                self._speak_focus()
            self.dirty = True
        if key is None:
            return None
        return self._choose(key)

    def _note_read(self) -> None:
        """Remember how far into the passage the reader has got, in terms that survive
        re-wrapping (see :func:`game.ui.layout.reading_anchor`)."""
        point = reading_anchor(self.pages, self.page_index, int(self.revealed))
        if point is not None and (self.furthest is None or point > self.furthest):
            self.furthest = point

    def _already_read(self, page_index: int) -> int:
        """How many characters of page ``page_index`` the reader has already seen."""
        if self.furthest is None:
            return 0
        page, before = find_anchor(self.pages, self.furthest)
        if page > page_index:
            return sum(len(line.text) for line in self.pages[page_index])
        return before if page == page_index else 0

    def _turn(self, step: int) -> None:
        new = max(0, min(len(self.pages) - 1, self.page_index + step))
        if new != self.page_index:
            self._note_read()
            self.page_index = new
            # Pages already read come back whole, forwards or back; new text is revealed.
            self.revealed = float(self._already_read(new))
            self.app.sound("page")
            self.dirty = True

    def _scroll_choices(self, amount: int) -> None:
        self.choice_scroll = max(0, min(self.max_choice_scroll, self.choice_scroll + amount))
        self.focus.scroll = self.choice_scroll
        self.dirty = True

    def _keep_focus_visible(self) -> None:
        if self.focus.index is None or not self.max_choice_scroll:
            return
        rect = self.focus.buttons[self.focus.index].rect
        if rect.top - self.choice_scroll < self.choices_top:
            self._scroll_choices(rect.top - self.choices_top - self.choice_scroll)
        elif rect.bottom - self.choice_scroll > self.content.bottom:
            self._scroll_choices(rect.bottom - self.content.bottom - self.choice_scroll)

    def _choose(self, key) -> Transition | None:
        app = self.app
        if key == "debrief":
            app.hush()
            app.sound("page")
            # The guess comes first: no word of the debrief before it is made.
            return Replace(To("after the ending", session=self.session))
        app.sound("choose")
        self.session.choose(key)
        app.autosave(self.session)
        self._start_passage()
        return None

    def _open(self, key: str) -> Transition | None:
        app = self.app
        app.hush()
        screen = open_screen(key, self.session)
        if screen is not None:
            return screen
        if key == "menu":
            return Push(To("menu", session=self.session))
        return None

    # -- time -------------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        if self.text_complete:
            return False
        speed = self.app.settings.text_speed
        if speed <= 0 or self.app.settings.reduce_motion:     # nothing types itself out
            self.revealed = float(self.page_chars())
        else:
            self.revealed += speed * dt
        if self.text_complete:
            self.dirty = True          # the choices or the page arrow appear: a whole frame
        elif int(self.revealed) > self._shown:
            self.changed = True        # a few more characters: drawn by draw_changes
        return not self.text_complete

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, m, p, t = self.app, self.app.metrics, self.app.palette, self.app.text
        draw_background(app, surface, winter=self.passage.day >= WINTER_FROM_DAY)
        # Where and when: the only state the play screen ever shows.
        caption = f"Day {self.passage.day} · {self.passage.city_name}"
        caption = t.fit(caption, "sans", m.small, max(1, self.caption_room))
        t.draw(surface, caption, "sans", m.small, p.text_dim, (m.margin, self.bar_bottom // 2 + m.gap // 2), "midleft")
        self.bar.draw(surface, t, m, p)
        lines = self.pages[self.page_index]
        f = self.frame
        first = self.page_index == 0
        last = self.on_last_page
        if lines or (first and f.look.framed and not self.passage.text):
            bh = block_height(lines, f.line_h, f.gap)
            f.draw(surface, self.content.y, bh, first, last, lines)
        self._shown = 0
        self._draw_text(surface, int(self.revealed))
        if not self.text_complete:
            return
        if not last:
            self._draw_more(surface)
            return
        clip = self.choices_viewport if self.max_choice_scroll else None
        if clip is not None:
            surface.set_clip(clip)
        self.focus.draw(surface, t, m, p, clip)
        if clip is not None:
            surface.set_clip(None)
            self._draw_scroll_hints(surface)

    def draw_changes(self, surface: pygame.Surface) -> list[pygame.Rect]:
        """Draw the characters revealed since the last frame, over the backdrop and frame
        already on screen; only their strip of each line is touched."""
        return self._draw_text(surface, int(self.revealed))

    def _draw_text(self, surface: pygame.Surface, upto: int) -> list[pygame.Rect]:
        """Draw the page's characters from ``self._shown`` up to ``upto`` and return the
        rectangles drawn.  Each strip is blitted once over untouched background, so drawing a
        line in several strips gives exactly the pixels of drawing it at once."""
        t, f = self.app.text, self.frame
        lines = self.pages[self.page_index]
        start, self._shown = self._shown, max(self._shown, upto)
        if upto <= start or not lines:
            return []
        x0, y0 = f.text_origin(self.content.y, self.page_index == 0)
        measure = t.measure(f.look.role, f.size)
        rects: list[pygame.Rect] = []
        begin = 0                                   # index of the line's first character
        for line, dy in zip(lines, line_offsets(lines, f.line_h, f.gap)):
            end = begin + len(line.text)
            if end > start and line.text:
                a, b = max(0, start - begin), min(len(line.text), upto - begin)
                rendered = t.render(line.text, f.look.role, f.size, f.ink)
                ty = y0 + dy + (f.line_h - rendered.get_height()) // 2
                # The whole line's image, cut at the revealed characters.
                xa = measure(line.text[:a]) if a else 0
                xb = rendered.get_width() if b >= len(line.text) else measure(line.text[:b])
                if xb > xa:
                    area = pygame.Rect(xa, 0, xb - xa, rendered.get_height())
                    rects.append(surface.blit(rendered, (x0 + xa, ty), area))
            begin = end
            if begin >= upto:
                break
        return rects

    def _draw_more(self, surface: pygame.Surface) -> None:
        m, p, t = self.app.metrics, self.app.palette, self.app.text
        label = f"{self.page_index + 1} / {len(self.pages)}"
        x, y = self.column.right, self.content.bottom
        rect = t.draw(surface, label, "sans", m.small, p.text_dim, (x, y), "bottomright")
        s = max(6, m.gap)
        cx, cy = rect.x - s * 2, rect.centery
        pygame.draw.polygon(surface, p.accent, [(cx - s, cy - s // 2), (cx + s, cy - s // 2), (cx, cy + s // 2 + 2)])

    def _draw_scroll_hints(self, surface: pygame.Surface) -> None:
        m, p = self.app.metrics, self.app.palette
        s = max(6, m.gap)
        cx = self.column.right + m.gap * 2
        if self.choice_scroll > 0:
            cy = self.choices_top + s
            pygame.draw.polygon(surface, p.accent, [(cx - s, cy + s // 2), (cx + s, cy + s // 2), (cx, cy - s // 2)])
        if self.choice_scroll < self.max_choice_scroll:
            cy = self.content.bottom - s
            pygame.draw.polygon(surface, p.accent, [(cx - s, cy - s // 2), (cx + s, cy - s // 2), (cx, cy + s // 2)])

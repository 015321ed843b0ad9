"""The play screen: one passage at a time, revealed at the chosen speed, then its choices.

Long passages are split into pages that fit the window (see :func:`game.ui.layout.paginate`);
the last page keeps room for the choices.  The screen shows the day and the city, never the
score: it only ever reads the engine's ``Page``.
"""

from __future__ import annotations

import pygame

from game.saves import QUICK, SlotError
from game.speech import choice_words, page_words
from game.ui import input as cmd
from game.ui.choices import ChoiceButtons
from game.ui.input import Command
from game.typography import opens_with_speech
from game.ui.layout import paginate, split_paragraphs
from game.ui.reading import Reading, ReadingPlace
from game.ui.scene import Push, Replace, Scene, To, Transition
from game.ui.scenes.common import draw_background, open_screen
from game.ui.passage_looks import PassageBorder
from game.ui.passage_page import PassagePage
from game.ui.widgets import Focus, make_button

#: Day from which the city is drawn under snow.
WINTER_FROM_DAY = 75
#: A final paragraph this short is a closing ("Your daughter,"): it never takes a page alone.
CLOSING_LINES = 2

BAR_ITEMS = (("History", "history"), ("Save", "save"), ("Load", "load"),
             ("Settings", "settings"), ("Menu", "menu"))


class PlayScene(Scene):
    """The passage's border and text, the buttons along the top and the choices; where the
    reader is in the passage is its ``reading``, the choices its ``choices``."""

    name = "play"

    def __init__(self, app, session, reading_place: ReadingPlace | None = None) -> None:
        super().__init__(app)
        self.session = session
        self.choices = ChoiceButtons()
        #: The choices' ring, held here too so the toast finds it and keeps clear of it.
        self.focus = self.choices.focus
        self.bar = Focus()
        self._start_passage()
        if reading_place is not None:
            self.reading = Reading(reading_place)

    def enter(self) -> None:
        super().enter()
        self.bar.index = None          # back from a screen the bar opened: nothing lit

    @property
    def reading_place(self) -> ReadingPlace:
        return self.reading.place

    # -- state ------------------------------------------------------------------------------
    def _start_passage(self) -> None:
        #: The passage shown (the engine's ``Page``: text, speaker, choices).
        self.passage = self.session.page
        self.reading = Reading()
        self.choices.start()
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
    def text_complete(self) -> bool:
        return self.reading.text_complete

    @property
    def choices_visible(self) -> bool:
        return self.reading.on_last_page and self.reading.text_complete

    # -- layout -----------------------------------------------------------------------------
    def layout(self) -> None:
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
        # The page number has a strip of its own under the text and the choices, so it is
        # never drawn on a letter's paper nor over a choice.
        folio_h = m.small_line + m.gap // 2
        self.content = pygame.Rect(m.margin, content_top, w - 2 * m.margin, h - content_top - m.margin - folio_h)
        # The column: a readable width, centred.
        col_w = min(self.content.width, round(t.average_char_width("serif", m.body) * 74))
        self.column = pygame.Rect(0, self.content.y, col_w, self.content.height)
        self.column.centerx = w // 2
        speech = frozenset(i for i, paragraph in enumerate(split_paragraphs(self.passage.text))
                           if opens_with_speech(paragraph))
        self.border = PassageBorder(self.passage.style, self.passage.speaker, self.passage.title, t, m, app.palette,
                           self.column, speech)
        page = self.page_view = PassagePage.of(self.border, app.palette, self.passage.text,
                                               self.passage.narrated_before, self.passage.narrated_after)
        # Choices: wrapped to the column, touch-sized.
        reserve = self.choices.make(self.passage, self.column, t, m) + m.gap * 3
        f = self.border
        lines = page.lay_out(self.passage.text)
        text_room = self.content.height - page.room
        # A signed letter never ends on a page holding only "Yours," above the signature.
        closing = CLOSING_LINES if f.signed and not self.passage.narrated_after else 0
        if reserve > self.content.height:
            # Too many long choices for this window: they get a scrolling page of their own.
            pages = paginate(lines, f.line_h, f.gap, text_room, 0, closing)
            if pages[-1]:
                pages.append([])
        else:
            pages = paginate(lines, f.line_h, f.gap, text_room, reserve, closing)
        self.reading.set_pages(pages)
        last = pages[-1]
        top = self.content.y
        if last:
            top += page.height(last, page.opens(pages, len(pages) - 1)) + m.gap * 3
        self.choices.place(top, self.column, self.content.bottom, m)

    def readable(self) -> list[pygame.Rect]:
        """The page being read, with its border, which a toast keeps clear of."""
        reading, page = self.reading, self.page_view
        return [page.extent(reading.lines, self.content.y, page.opens(reading.pages, reading.page_index))]

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
        if self.bar.index is not None:
            # The bar is lit only under the pointer: a key, or the pointer elsewhere, puts
            # it out, so one ring at a time says what Enter would press.
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
        reading = self.reading
        if kind == cmd.SKIP:
            reading.skip_to_end()
            self.dirty = True
            return None
        if not self.text_complete:
            # Any click, key or tap first completes the text.
            if kind in (cmd.CLICK, cmd.CONFIRM, cmd.ADVANCE, cmd.CHOOSE, cmd.DOWN, cmd.PAGE_DOWN):
                reading.show_page()
                self.dirty = True
            return None
        if not reading.on_last_page:
            if kind in (cmd.CLICK, cmd.CONFIRM, cmd.ADVANCE, cmd.DOWN, cmd.PAGE_DOWN, cmd.RIGHT) or \
                    (kind == cmd.SCROLL and command.amount > 0):
                self._turn(+1)
            elif kind in (cmd.UP, cmd.PAGE_UP, cmd.LEFT) or (kind == cmd.SCROLL and command.amount < 0):
                self._turn(-1)
            return None
        # The last page: choices.
        if kind == cmd.SCROLL and self.choices.max_scroll:
            self.choices.scroll_by(round(command.amount * self.app.metrics.ui_line))
            self.dirty = True
            return None
        if kind in (cmd.PAGE_UP, cmd.LEFT) or (kind == cmd.SCROLL and command.amount < 0) or \
                (kind == cmd.UP and self.focus.index in (None, 0) and len(reading.pages) > 1):
            if len(reading.pages) > 1:
                self._turn(-1)
            return None
        if kind == cmd.ADVANCE:
            # Space reads on; it never chooses.  At the choices it shows where the focus
            # starts, and after that says how to choose: a reader tapping Space to turn pages
            # must not take a choice they never picked.
            if self.focus.index is None:
                self.focus.handle(Command(cmd.CONFIRM))
                self._speak_focus()
                self.dirty = True
            else:
                numbers = [b.number for b in self.choices.buttons if b.number is not None]
                keys = f"{numbers[0]}" if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
                app.toast(f"Enter or {keys} chooses.")
            return None
        key = self.focus.handle(command)
        if self.focus.changed:
            self.choices.keep_focus_visible()
            if key is None:                   # a choice taken is not read out on its way
                self._speak_focus()
            self.dirty = True
        if key is None:
            return None
        return self._choose(key)

    def _turn(self, step: int) -> None:
        if self.reading.turn(step):
            self.app.sound("page")
            self.dirty = True

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
        read = self.reading.read_text(self.border.look.keep_newlines)
        screen = open_screen(key, self.session, read)
        if screen is not None:
            return screen
        if key == "menu":
            return Push(To("menu", session=self.session, read=read))
        return None

    # -- time -------------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        reading = self.reading
        if reading.text_complete:
            return False
        speed = self.app.settings.text_speed
        if speed <= 0 or self.app.settings.reduce_motion:     # nothing types itself out
            reading.show_page()
        else:
            reading.type_out(speed * dt)
        if reading.text_complete:
            self.dirty = True          # the choices or the page arrow appear: a whole frame
        elif int(reading.revealed) > reading.shown:
            self.changed = True        # a few more characters: drawn by draw_changes
        return not reading.text_complete

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, m, p, t = self.app, self.app.metrics, self.app.palette, self.app.text
        draw_background(app, surface, winter=self.passage.day >= WINTER_FROM_DAY)
        # Where and when: the only state the play screen ever shows.
        caption = f"Day {self.passage.day} · {self.passage.city_name}"
        caption = t.fit(caption, "sans", m.small, max(1, self.caption_room))
        t.draw(surface, caption, "sans", m.small, p.text_dim, (m.margin, self.bar_bottom // 2 + m.gap // 2), "midleft")
        self.bar.draw(surface, t, m, p)
        reading, f, page = self.reading, self.border, self.page_view
        lines = reading.lines
        first = reading.page_index == 0
        last = reading.on_last_page
        if lines or (first and f.look.bordered and not self.passage.text):
            page.draw(surface, self.content.y, lines, page.opens(reading.pages, reading.page_index),
                      page.closes(reading.pages, reading.page_index))
        reading.shown = 0
        self._draw_text(surface, int(reading.revealed))
        if not reading.text_complete:
            return
        draw_page_number(surface, self.app, self.reading, self.column.right, self.content.bottom)
        if last:
            self.choices.draw(surface, t, m, p)

    def draw_changes(self, surface: pygame.Surface) -> list[pygame.Rect]:
        """Draw the characters revealed since the last frame, over the backdrop and border
        already on screen; only their strip of each line is touched."""
        return self._draw_text(surface, int(self.reading.revealed))

    def _draw_text(self, surface: pygame.Surface, upto: int) -> list[pygame.Rect]:
        return draw_revealed(surface, self.app.text, self.page_view, self.reading, self.content.y, upto)


def draw_page_number(surface: pygame.Surface, app, reading: Reading, right: int, top: int) -> None:
    """The page number in its strip under the text, on every page of a passage of more than
    one (the last too), and the arrow that says there is more on every page but the last."""
    pages = len(reading.pages)
    if pages < 2:
        return
    m, p, t = app.metrics, app.palette, app.text
    label = f"{reading.page_index + 1} / {pages}"
    rect = t.draw(surface, label, "sans", m.small, p.text_dim, (right, top + m.gap // 2), "topright")
    if reading.on_last_page:
        return
    s = max(6, m.gap)
    cx, cy = rect.x - s * 2, rect.centery
    pygame.draw.polygon(surface, p.accent, [(cx - s, cy - s // 2), (cx + s, cy - s // 2), (cx, cy + s // 2 + 2)])


def draw_revealed(surface: pygame.Surface, t, page: PassagePage, reading: Reading, top: int,
                  upto: int) -> list[pygame.Rect]:
    """Draw the open page's characters from ``reading.shown`` up to ``upto`` (the page
    starting at ``top``) and return the rectangles drawn.  Each strip is blitted once over
    untouched background, so drawing a line in several strips gives exactly the pixels of
    drawing it at once."""
    lines = reading.lines
    start = reading.shown
    reading.shown = max(start, upto)
    if upto <= start or not lines:
        return []
    f = page.border
    places = page.places(lines, top, page.opens(reading.pages, reading.page_index))
    rects: list[pygame.Rect] = []
    begin = 0                                   # index of the line's first character
    for line, place in zip(lines, places):
        end = begin + len(line.text)
        if end > start and line.text:
            a, b = max(0, start - begin), min(len(line.text), upto - begin)
            measure = t.measure(place.role, f.size)
            rendered = t.render(line.text, place.role, f.size, place.ink)
            x0, ty = place.x, place.y + (f.line_h - rendered.get_height()) // 2
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

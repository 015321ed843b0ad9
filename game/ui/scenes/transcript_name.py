"""Saving a transcript from the window: the student's name first, then the files.

Opened by the debrief's "Save transcript" and by the in-game menu's (a student who runs out
of time keeps the game read so far).  The name is typed on the keyboard — any script, as the
system's text input gives it — and is kept for the next save of this run; Enter saves, with a
name or without, Backspace takes a letter back, Esc goes back without saving.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui import input as cmd
from game.ui.input import Command
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_row
from game.ui.widgets import Focus, draw_dialog, draw_dialog_lines

#: As many characters as a transcript keeps of a name.
LONGEST_NAME = 60
QUESTION = "Your name on the transcript (or none: Enter saves without one)"


def save_transcript(app, session, name: str = "") -> list[Path]:
    """Write ``session``'s transcript, HTML and Markdown, where a student finds it, never over
    a classmate's, and say where in a toast; the files written (none if it failed, which is
    said too)."""
    from game import transcript
    from game.transcript_files import write

    record = transcript.build(session, name=name)
    folder = transcript.transcripts_dir()
    try:
        written = write(record, folder / transcript.file_stem(record), keep_others=True)
    except OSError as exc:
        app.toast(f"The transcript could not be saved in {folder}: {exc.strerror or exc}", 6)
        return []
    app.toast(f"Transcript saved in {folder}: " + " and ".join(path.name for path in written), 8)
    return written


class TranscriptNameScene(Scene):
    name = "transcript name"
    opaque = False
    #: The loop gives this screen the text typed (pygame's TEXTINPUT), not commands.
    takes_text = True

    def __init__(self, app, session) -> None:
        super().__init__(app)
        self.session = session
        self.typed = getattr(app, "student_name", "")
        self.focus = Focus()
        self.written: list[Path] = []

    def enter(self) -> None:
        super().enter()
        pygame.key.start_text_input()

    def layout(self) -> None:
        app, m = self.app, self.app.metrics
        width = min(app.size[0] - 2 * m.margin, round(900 * m.unit) + m.margin)
        self.lines = [line.text for line in app.text.lines(QUESTION, "sans", m.ui, width - 2 * m.margin)]
        height = (len(self.lines) + 1) * m.ui_line + m.button_height + m.margin * 4
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (app.size[0] // 2, app.size[1] // 2)
        buttons = button_row(app, [("Save", "save"), ("Cancel", "cancel")], self.box.bottom - m.margin,
                             width - 2 * m.margin)
        self.focus.set_buttons(buttons)
        if self.focus.index is None:
            self.focus.focus_key("save")

    def take_text(self, text: str) -> None:
        typed = "".join(c for c in text if c.isprintable())
        if typed and len(self.typed) < LONGEST_NAME:
            self.typed = (self.typed + typed)[:LONGEST_NAME]
            self.dirty = True

    def leave(self) -> Transition:
        pygame.key.stop_text_input()
        return Pop()

    def save(self) -> Transition:
        self.app.sound("click")
        self.app.student_name = " ".join(self.typed.split())
        self.written = save_transcript(self.app, self.session, self.app.student_name)
        return self.leave()

    def handle(self, command: Command) -> Transition | None:
        if command.deletes:
            self.typed = self.typed[:-1]
            self.dirty = True
            return None
        if command.kind == cmd.BACK:
            return self.leave()
        if command.kind in (cmd.CHOOSE, cmd.ADVANCE, cmd.HISTORY, cmd.SKIP, cmd.VOICE, cmd.QUICKSAVE,
                            cmd.QUICKLOAD):
            return None                      # typed letters and digits arrive as text
        key = self.press(command)
        if key == "save":
            return self.save()
        if key == "cancel":
            return self.leave()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, m, p = self.app, self.app.metrics, self.app.palette
        draw_dialog(surface, self.box, m, p)
        y = draw_dialog_lines(surface, app.text, self.box, self.lines, m, p.text_dim)
        field = pygame.Rect(self.box.x + m.margin, y + m.gap // 2, self.box.width - 2 * m.margin, m.ui_line + m.gap)
        pygame.draw.rect(surface, p.text_dim, field, m.line_width)
        shown = app.text.fit(self.typed + "|", "sans_bold", m.ui, max(1, field.width - 2 * m.gap))
        app.text.draw(surface, shown, "sans_bold", m.ui, p.text, (field.x + m.gap, field.centery), "midleft")
        self.focus.draw(surface, app.text, m, p)

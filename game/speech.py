"""Self-voicing: the game reads its own words aloud through the platform's speech.

Pure Python (no pygame).  Each utterance is one run of a speech command — ``espeak-ng`` on
Linux, ``say`` on macOS, PowerShell's System.Speech on Windows, or whatever the player names
in ``KEEPING_TRUST_SPEECH`` — started as a child process, so the game loop never waits on a
voice, and killed the moment the player moves on.  The :class:`Voice` queue starts the next
utterance when :meth:`Voice.tick` (called once a frame) finds the last one finished.

Why not pyttsx3: it wraps the same three engines, but its ``runAndWait`` holds the calling
thread, macOS wants its loop on the main thread (pygame's), stopping mid-sentence depends on
the driver, and it brings pyobjc or comtypes along.  A child process can always be killed, a
crashing engine cannot take the game down with it, and a test or a recording can put any
command in its place (``KEEPING_TRUST_SPEECH="espeak-ng -w /tmp/voice-{n}.wav"``).

The text goes to the command on standard input, unless the command has an argument that is
``{text}`` and nothing else: then that argument is the text.  ``{n}`` in the command counts the
utterances from 1.  Story text is written by strangers (mods), so it must never be read as a
command: a ``{text}`` inside a larger argument (``sh -c 'echo {text}'``), a ``{text}`` handed to a
program that runs its arguments (a shell, an interpreter, ``env``, ``ssh``…), and words on the
standard input of a program that would run them as a script are all refused, with a reason.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from game.engine.printed import printed_name
from game.engine.passage_words import framed_parts, heading, signature
from game.paths import SPEECH_ENV

if TYPE_CHECKING:
    from game.engine import Page

#: The placeholder for the words, allowed only as an argument of its own.
TEXT = "{text}"

#: Programs that read what they are given as a script or as code.
_INTERPRETERS = frozenset({
    "sh", "ash", "dash", "bash", "zsh", "ksh", "mksh", "pdksh", "csh", "tcsh", "fish",
    "busybox", "cmd", "command", "powershell", "pwsh", "python", "pythonw", "py", "pypy", "perl",
    "ruby", "irb", "node", "nodejs", "deno", "bun", "php", "lua", "luajit", "tclsh", "wish",
    "osascript", "awk", "gawk", "mawk", "nawk", "sed", "jq", "expect", "rscript"})
#: Programs that run another program named in their arguments, so a word given to them may
#: become a command (``env -S``, ``ssh host``, ``xargs``…).
_LAUNCHERS = frozenset({
    "env", "xargs", "ssh", "sudo", "doas", "su", "runuser", "pkexec", "nice", "ionice", "nohup",
    "timeout", "stdbuf", "setsid", "chrt", "taskset", "time", "watch", "script", "exec", "eval",
    "start", "wsl", "flatpak-spawn", "find", "parallel", "open", "xdg-open", "unbuffer"})

#: Windows has no speech command, but every Windows has PowerShell and System.Speech (SAPI).
_SAPI = ("Add-Type -AssemblyName System.Speech; "
         "(New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak([Console]::In.ReadToEnd())")


@dataclass(frozen=True)
class SpeechCommand:
    """A speech command line: ``argv`` may hold ``{text}`` and ``{n}``; without ``{text}``
    the words are written to the command's standard input."""

    argv: tuple[str, ...]

    @property
    def name(self) -> str:
        return os.path.basename(self.argv[0])

    def __post_init__(self) -> None:
        problem = refusal(self.argv)
        if problem:
            raise NoSpeech(problem)

    def line_for(self, text: str, n: int) -> tuple[list[str], str | None]:
        """The argument list for utterance number ``n``, and what to write on its input: the
        text fills an argument that is exactly ``{text}``, and is never spliced into one."""
        argv = [arg.replace("{n}", str(n)) for arg in self.argv]
        if TEXT in self.argv:
            # A leading space keeps words that begin like an option ("-w/home/…/.bashrc")
            # from being taken for one; a voice does not speak it.
            words = " " + text if text[:1] in ("-", "/", "+") else text
            return [words if arg == TEXT else arg for arg in argv], None
        return argv, text


def _program(word: str) -> str:
    """``/usr/bin/python3.12`` or ``C:\\Windows\\cmd.exe`` as the bare program name it runs."""
    name = re.split(r"[\\/]", word)[-1].lower()
    name = re.sub(r"\.(exe|com|bat|cmd)$", "", name)
    return re.sub(r"[\d.]+$", "", name) or name


def refusal(argv: tuple[str, ...] | list[str]) -> str | None:
    """Why ``argv`` may not be a speech command, or None.  The words of a passage come from
    whoever wrote the story or the mod: they may reach a command only as data."""
    if not argv:
        return f"{SPEECH_ENV} names no command"
    if argv[0] == TEXT:
        return f"{SPEECH_ENV} cannot start with {TEXT}: the words would be run as the program"
    for arg in argv:
        if TEXT in arg and arg != TEXT:
            return (f"{SPEECH_ENV} puts {TEXT} inside the argument '{printed_name(arg)}', where the words "
                    f"could be read as a command: give {TEXT} as an argument of its own, or leave it "
                    "out and the words are given on standard input")
    if TEXT in argv:
        for word in argv[:argv.index(TEXT)]:
            if _program(word) in _INTERPRETERS | _LAUNCHERS:
                return (f"{SPEECH_ENV} hands {TEXT} to '{printed_name(word)}', which could run the words as a "
                        f"command: leave out {TEXT} and the words are given on standard input")
        return None
    words = [arg for arg in argv if not arg.startswith("-")]
    if not words or _program(words[-1]) in _INTERPRETERS:
        # With no script of its own, a shell or an interpreter runs its standard input.
        return (f"{SPEECH_ENV} would give the words to '{printed_name((words or argv)[-1])}' as a script to run: "
                "name a speech program, e.g. espeak-ng")
    return None


class NoSpeech(Exception):
    """No speech command could be found or parsed; ``str()`` says why, for the settings."""


def find_speech(environ: Mapping[str, str] | None = None, platform: str | None = None,
                which: Callable[[str], str | None] = shutil.which) -> SpeechCommand:
    """The speech command to use: the one ``KEEPING_TRUST_SPEECH`` names, else the
    platform's own.  Raises :class:`NoSpeech` when there is none."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    named = environ.get(SPEECH_ENV, "").strip()
    if named:
        try:
            argv = shlex.split(named, posix=not platform.startswith("win"))
        except ValueError as exc:
            raise NoSpeech(f"{SPEECH_ENV} cannot be read as a command: {exc}") from None
        problem = refusal(argv)
        if problem:
            raise NoSpeech(problem)
        if which(argv[0]) is None:
            raise NoSpeech(f"{SPEECH_ENV} names {printed_name(argv[0])}, which is not installed")
        return SpeechCommand(tuple(argv))
    if platform == "darwin" and which("say"):
        return SpeechCommand(("say", "-f", "-"))
    if platform.startswith("win"):
        shell = which("powershell") or which("pwsh")
        if shell:
            return SpeechCommand((shell, "-NoProfile", "-NonInteractive", "-Command", _SAPI))
        raise NoSpeech("PowerShell was not found, so Windows speech cannot be reached")
    for engine in ("espeak-ng", "espeak"):
        if which(engine):
            # --stdin reads the whole text at once: one utterance, and no word is taken
            # for an option however it begins.
            return SpeechCommand((engine, "--stdin"))
    raise NoSpeech("no speech engine was found: install espeak-ng, or name a command in "
                   f"{SPEECH_ENV}")


class Voice:
    """A queue of utterances spoken one after another by a speech command.

    ``command`` None is a voice that cannot speak (``problem`` says why); everything is then
    accepted and nothing happens, so callers never need to ask first."""

    def __init__(self, command: SpeechCommand | None, problem: str | None = None) -> None:
        self.command = command
        self.problem = problem if command is None else None
        self.spoken = 0                 # utterances started, for {n}
        self._queue: deque[str] = deque()
        self._process: subprocess.Popen | None = None

    @classmethod
    def of_platform(cls) -> "Voice":
        try:
            return cls(find_speech())
        except NoSpeech as exc:
            return cls(None, str(exc))

    @property
    def available(self) -> bool:
        return self.command is not None

    @property
    def speaking(self) -> bool:
        """Whether an utterance is being spoken or waits its turn."""
        self.tick()
        return self._process is not None or bool(self._queue)

    def say(self, texts: Iterable[str]) -> None:
        """Stop whatever is being said and say ``texts``, in order."""
        self.stop()
        self.add(texts)

    def add(self, texts: Iterable[str]) -> None:
        """Say ``texts`` after what is already queued."""
        if self.command is None:
            return
        self._queue.extend(t for t in (" ".join(text.split()) for text in texts) if t)
        self.tick()

    def tick(self) -> None:
        """Start the next utterance if the last one has finished; never waits."""
        if self._process is not None and self._process.poll() is not None:
            self._process = None
        while self._process is None and self._queue:
            self._start(self._queue.popleft())

    def stop(self) -> None:
        """Silence now: the utterance being spoken is cut off, and the queue emptied."""
        self._queue.clear()
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            _end(process)

    def finish(self) -> None:
        """Wait until everything queued has been said (for recordings and tests; the game
        itself only ever calls :meth:`tick`)."""
        while True:
            if self._process is not None:
                self._process.wait()
            self.tick()
            if self._process is None and not self._queue:
                return

    def close(self) -> None:
        self.stop()

    def _start(self, text: str) -> None:
        self.spoken += 1
        argv, stdin_text = self.command.line_for(text, self.spoken)
        try:
            process = subprocess.Popen(
                argv, stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                # Its own process group, so stopping also ends whatever a named command
                # started (a shell's children).
                **({"start_new_session": True} if os.name == "posix" else
                   {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}))
        except OSError as exc:
            self.command, self.problem = None, f"speech stopped working: {exc.strerror or exc}"
            self._queue.clear()
            return
        if stdin_text is not None:
            try:
                process.stdin.write(stdin_text.encode("utf-8"))
                process.stdin.close()
            except OSError:
                pass                    # the command ended without reading: nothing to say
        self._process = process


def _end(process: subprocess.Popen) -> None:
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    process.wait()


def page_heading(page: Page) -> str | None:
    """What is said before a page's words: its kind, sender or title, as the terminal and
    the transcript head it."""
    return heading(page.style, page.speaker, page.title)


def choice_words(number: int, text: str) -> str:
    return f"{number}: {text}"


def page_words(page: Page) -> list[str]:
    """A page as utterances: heading, each paragraph, then each choice with its number, or
    the way to the debrief at an ending.  Nothing of the score is in a page, so none is said."""
    before, printed, after = framed_parts(page.text, page.narrated_before, page.narrated_after)
    words: list[str] = list(before)
    heading = page_heading(page)
    if heading:
        words.append(heading)
    words += printed
    signed = signature(page.style, page.speaker)
    if signed:
        words.append(signed)
    words += after
    if page.is_ending:
        words += [page.ending_title or "The end", "Continue, to the debrief"]
    elif page.choices:
        words += [choice_words(c.number, c.text) for c in page.choices]
    return words


def describe(voice: Voice, on: bool) -> str:
    """The settings row's value for Read aloud."""
    if not voice.available:
        return "No voice"
    return "On" if on else "Off"


def unavailable_message(voice: Voice) -> str:
    return f"Read aloud cannot start: {voice.problem}."


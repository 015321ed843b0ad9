"""Every command in the classroom guide and the installations guide, run as written, on a fresh
virtual environment in a fresh home: the offline lab install, the installed command and its
shortcut, a terminal life's transcript, class-report, compare and clear-saves; the kiosk's
install, the kiosk itself, its wrapper and the visitors report.

The guides' shell blocks are read here, and every line in them must be one this file runs: a
command added to a guide without a run here fails the test.  Only the placeholders the guides
name are filled in (``/path/to/keeping-trust``, ``/full/path/to/``); pip uses the package index
configured on the machine, so nothing is fetched from the network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"),
                                                   reason="the guides' shell lines are Linux's")]

CLASSROOM, INSTALLATIONS = ROOT / "docs" / "classroom.md", ROOT / "docs" / "installations.md"
#: What a copy of the game's folder holds (what a teacher or a technician copies).
FOLDER = ("pyproject.toml", "README.md", "main.py", "game", "story", "assets", "mods", "docs", "installations")
#: Lines the test machine cannot run, and why: they are checked as far as they can be.
NOT_HERE = {
    "systemctl --user daemon-reload": "no systemd user session on the test machine",
    "systemctl --user enable --now keeping-trust-kiosk": "no systemd user session on the test machine",
}
#: The shortcut the classroom guide gives (outside a shell block: it goes in a desktop icon).
SHORTCUT = "/full/path/to/kt/bin/keeping-trust --class --short --seed 2024"
PIN = "80517"


def shell_lines(doc: Path) -> list[str]:
    """Every command line of the ``sh`` blocks in ``doc``, as written."""
    lines, inside = [], False
    for line in doc.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            inside = stripped == "```sh" if not inside else False
            continue
        if inside and stripped and not stripped.startswith("#"):
            lines.append(stripped)
    return lines


def copy_folder(into: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    into.mkdir(parents=True)
    for name in FOLDER:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=ignore)
        else:
            shutil.copy2(source, into / name)
    return into


def fresh_env(home: Path) -> dict[str, str]:
    """A fresh account: its own home, no game folder set, no virtual environment active; the
    window and sound on SDL's dummy drivers, chosen by name."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "KEEPING_TRUST_", "PYTEST", "VIRTUAL_ENV")) and k != "PYTHONPATH"}
    env.update(HOME=str(home), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    return env


class Machine:
    """A fresh home, where the guides' lines are typed."""

    def __init__(self, root: Path, source: Path) -> None:
        self.root, self.source = root, source
        self.home = root / "home"
        self.home.mkdir()
        self.env = fresh_env(self.home)
        self.ran: list[str] = []

    def line(self, line: str) -> str:
        return line.replace("/path/to/keeping-trust", str(self.source)).replace("/full/path/to/", f"{self.root}/")

    def run(self, line: str, cwd: Path, stdin: str = "", timeout: float = 600) -> subprocess.CompletedProcess:
        self.ran.append(line)
        done = subprocess.run(["bash", "-c", self.line(line)], cwd=cwd, env=self.env, input=stdin, text=True,
                              capture_output=True, timeout=timeout)
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        return done

    def start(self, line: str, cwd: Path) -> subprocess.Popen:
        self.ran.append(line)
        return subprocess.Popen(["bash", "-c", "exec " + self.line(line)], cwd=cwd, env=self.env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def wait_for(path: Path, words: str, process: subprocess.Popen, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not (path.exists() and words in path.read_text(encoding="utf-8")):
        if process.poll() is not None:
            raise AssertionError(f"it stopped ({process.returncode}): {process.stderr.read()}")
        assert time.monotonic() < end, f"never saw {words!r} in {path}"
        time.sleep(0.1)


def stop(process: subprocess.Popen, how: int) -> tuple[int, str]:
    try:
        os.killpg(process.pid, how)
        _, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return process.returncode, err


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Machine:
    """A lab PC: the wheels collected from the game's folder, then the offline install."""
    root = tmp_path_factory.mktemp("lab")
    machine = Machine(root, copy_folder(root / "keeping-trust-source"))
    for line in shell_lines(CLASSROOM)[:4]:     # collect, make the venv, install offline, --version
        machine.run(line, root)
    return machine


def test_every_command_in_the_guides_is_one_this_test_runs():
    known = set(CLASSROOM_RUN) | set(INSTALLATIONS_RUN) | set(NOT_HERE)
    written = set(shell_lines(CLASSROOM)) | set(shell_lines(INSTALLATIONS))
    assert written - known == set(), "a command in the guides that no test runs"
    assert known - written == set(), "a command this test runs that the guides no longer give"
    assert SHORTCUT in CLASSROOM.read_text(encoding="utf-8")


CLASSROOM_RUN = (
    "python3 -m pip wheel /path/to/keeping-trust -w wheels",
    "python3 -m venv kt",
    "kt/bin/pip install --no-index --find-links wheels keeping-trust",
    "kt/bin/keeping-trust --version",
    "kt/bin/keeping-trust clear-saves",
    "kt/bin/keeping-trust class-report transcripts",
    "kt/bin/keeping-trust compare transcripts/anna.html transcripts/ben.html --html anna-and-ben.html",
    "kt/bin/keeping-trust play --text --route short --seed 2024 --name Anna --transcript transcripts/anna.html",
)


def test_the_lab_install_runs_offline_and_says_its_version(lab):
    assert shell_lines(CLASSROOM)[:4] == list(CLASSROOM_RUN[:4])
    version = lab.run("kt/bin/keeping-trust --version", lab.root)
    assert version.stdout.startswith("Keeping Trust ")
    assert sorted(p.name.split("-")[0] for p in (lab.root / "wheels").glob("*.whl")) == \
        ["keeping_trust", "platformdirs", "pygame_ce", "pyyaml"]


def test_the_shortcut_opens_the_window_and_keeps_it_open(lab):
    window = lab.start(SHORTCUT, lab.root)
    time.sleep(4)
    assert window.poll() is None, window.stderr.read()
    code, err = stop(window, signal.SIGTERM)
    assert "Traceback" not in err


def test_a_lesson_s_transcripts_summed_up_compared_and_the_account_cleared(lab):
    play = "kt/bin/keeping-trust play --text --route short --seed 2024 --name Anna --transcript transcripts/anna.html"
    lab.run(play, lab.root, stdin="1\n" * 400)
    # Ben types the same command with his name, and takes other choices where he can.
    lab.run(play.replace("Anna", "Ben").replace("anna", "ben"), lab.root, stdin="2\n" * 60 + "1\n" * 400)
    anna = (lab.root / "transcripts" / "anna.html").read_text(encoding="utf-8")
    assert "keeping-trust --class --short --seed 2024" in anna      # the same world, as installed
    report = lab.run("kt/bin/keeping-trust class-report transcripts", lab.root)
    assert report.stdout.startswith("2 transcripts, 2 reached an ending")
    assert (lab.root / "transcripts" / "class-report.html").is_file()
    compare = lab.run("kt/bin/keeping-trust compare transcripts/anna.html transcripts/ben.html "
                      "--html anna-and-ben.html", lab.root)
    assert compare.stdout.startswith("Anna: ") and (lab.root / "anna-and-ben.html").is_file()
    cleared = lab.run("kt/bin/keeping-trust clear-saves", lab.root)
    assert "deleted" in cleared.stdout


INSTALLATIONS_RUN = (
    "cd ~/keeping-trust",
    "python3 -m venv .venv && .venv/bin/pip install .",
    "mkdir -p ~/.config/keeping-trust",
    "install -m 600 docs/kiosk.example.json ~/.config/keeping-trust/kiosk.json",
    ".venv/bin/keeping-trust --kiosk-config ~/.config/keeping-trust/kiosk.json",
    "mkdir -p ~/.config/systemd/user",
    "cp installations/keeping-trust-kiosk.service ~/.config/systemd/user/",
    ".venv/bin/python installations/kiosk_wrapper.py --kiosk-config ~/.config/keeping-trust/kiosk.json",
    ".venv/bin/keeping-trust visitors --kiosk-config ~/.config/keeping-trust/kiosk.json",
    ".venv/bin/keeping-trust visitors --kiosk-config ~/.config/keeping-trust/kiosk.json --html summary.html "
    "--csv visits.csv",
)


@pytest.fixture(scope="module")
def kiosk_machine(tmp_path_factory) -> Machine:
    """The kiosk's account: the game's folder copied to ~/keeping-trust, installed, configured."""
    root = tmp_path_factory.mktemp("kiosk")
    machine = Machine(root, root / "unused")
    folder = copy_folder(machine.home / "keeping-trust")
    assert machine.run("cd ~/keeping-trust", root).returncode == 0
    for line in INSTALLATIONS_RUN[1:4]:
        machine.run(line, folder)
    config = machine.home / ".config" / "keeping-trust" / "kiosk.json"
    assert oct(config.stat().st_mode & 0o777) == "0o600"
    # What the guide asks the technician to write in an editor: a PIN, and statistics on.
    data = json.loads(config.read_text(encoding="utf-8"))
    data.update(staff_pin=PIN, statistics=True)
    config.write_text(json.dumps(data), encoding="utf-8")
    return machine


def test_the_kiosk_starts_from_its_config_and_ctrl_c_stops_it_cleanly(kiosk_machine):
    machine = kiosk_machine
    folder = machine.home / "keeping-trust"
    kiosk = machine.start(".venv/bin/keeping-trust --kiosk-config ~/.config/keeping-trust/kiosk.json", folder)
    log = machine.home / ".local" / "share" / "keeping-trust" / "kiosk.log"
    wait_for(log, "kiosk started", kiosk)
    code, err = stop(kiosk, signal.SIGINT)
    assert code == 0 and "Traceback" not in err
    assert "stopped by SIGINT" in log.read_text(encoding="utf-8")


def test_the_wrapper_keeps_the_kiosk_and_stops_with_it(kiosk_machine):
    machine = kiosk_machine
    folder = machine.home / "keeping-trust"
    log = machine.home / ".local" / "share" / "keeping-trust" / "kiosk.log"
    before = log.read_text(encoding="utf-8").count("kiosk started") if log.exists() else 0
    wrapper = machine.start(".venv/bin/python installations/kiosk_wrapper.py "
                            "--kiosk-config ~/.config/keeping-trust/kiosk.json", folder)
    end = time.monotonic() + 60
    while not (log.exists() and log.read_text(encoding="utf-8").count("kiosk started") > before):
        assert wrapper.poll() is None and time.monotonic() < end, wrapper.stderr.read() if wrapper.poll() else ""
        time.sleep(0.1)
    code, err = stop(wrapper, signal.SIGTERM)
    assert code == 0 and "Traceback" not in err and "stopped by SIGTERM" in err


def test_the_unit_is_put_where_systemd_finds_it_and_names_what_the_guide_installed(kiosk_machine):
    machine = kiosk_machine
    folder = machine.home / "keeping-trust"
    for line in INSTALLATIONS_RUN[5:7]:
        machine.run(line, folder)
    unit = (machine.home / ".config" / "systemd" / "user" / "keeping-trust-kiosk.service").read_text(encoding="utf-8")
    start = re.search(r"^ExecStart=(.*)$", unit, re.M).group(1).replace("%h", str(machine.home)).split()
    assert Path(start[0]).is_file() and start[1] == "main.py" and Path(start[-1]).is_file()
    assert re.search(r"^WorkingDirectory=%h/keeping-trust$", unit, re.M)


def test_the_visitors_report_reads_the_kiosk_s_statistics_as_the_guide_writes_it(kiosk_machine):
    from game.visitor_book import VisitorBook
    from helpers import visit

    machine = kiosk_machine
    folder = machine.home / "keeping-trust"
    VisitorBook(machine.home / ".local" / "share" / "keeping-trust" / "visitors.sqlite").record(visit())
    first = machine.run(".venv/bin/keeping-trust visitors --kiosk-config ~/.config/keeping-trust/kiosk.json", folder)
    assert "1 finished visit" in first.stdout
    machine.run(INSTALLATIONS_RUN[-1], folder)
    assert (folder / "summary.html").is_file() and (folder / "visits.csv").is_file()

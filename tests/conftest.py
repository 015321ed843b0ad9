"""Shared fixtures: stories written inline, as the tests' examples of the format."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

# Whatever the game writes while the tests run (compiled stories, saves, settings, logs) goes
# to a folder of the run's own, set before any fixture loads a story: a tester's own saves and
# cache are never read, written or evicted. Each test then gets a fresh home of its own.
_RUN_HOME = Path(tempfile.mkdtemp(prefix="keeping-trust-tests-"))
os.environ["KEEPING_TRUST_HOME"] = str(_RUN_HOME)


def pytest_addoption(parser, pluginmanager):
    """pyproject.toml's addopts spread the tests over every core with pytest-xdist. With that
    plugin turned off (``-p no:xdist``) or not installed, the two options named there are still
    accepted and everything runs in this one process."""
    if not pluginmanager.has_plugin("xdist"):
        group = parser.getgroup("xdist", "one process (pytest-xdist is off)")
        group.addoption("--numprocesses", dest="numprocesses", default=None,
                        help="ignored: pytest-xdist is off")
        group.addoption("--dist", dest="dist", default="no", help="ignored: pytest-xdist is off")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_RUN_HOME, ignore_errors=True)


_HOMES = itertools.count(1)


@pytest.fixture(autouse=True)
def private_home(monkeypatch):
    """Saves, settings and the cache go to a folder of this test's own, never the tester's
    nor another test's. It is not made until the game first writes there, so a test that
    writes nothing costs no folder (most of the quick loop's tests)."""
    home = _RUN_HOME / f"home-{next(_HOMES)}"
    monkeypatch.setenv("KEEPING_TRUST_HOME", str(home))
    return home


RULES = """
behaviours:
  ran_red_light: {label: Drove through a red light}
  gave_blood: {label: Gave blood}
  helped_stranger: {label: Helped a stranger}
  unpaid_judgment: {label: Did not pay a court judgment}
  ignored_court_order: {label: Ignored a court order}
  paid_judgment: {label: Paid the judgment}
  paid_wages_late: {label: Paid wages late}
sources:
  traffic_camera: {label: Traffic cameras}
  hospital: {label: The hospital}
  court: {label: The court}
  labour_bureau: {label: The labour bureau}
subjects:
  employer: {label: Shidao Bay Seafood}
blacklist:
  name: The court list
  sources: [court]
  list_on: [unpaid_judgment, ignored_court_order]
  lift_on: [paid_judgment]
  bars: [Buying high-speed train tickets]
"""

RONGCHENG = """
jurisdiction:
  id: rongcheng
  name: Rongcheng
  cities: [rongcheng]
  start: 1000
  rules:
    ran_red_light: {points: -5, sources: [traffic_camera]}
    gave_blood: {points: 5, sources: [hospital]}
    unpaid_judgment: {points: -30, sources: [court]}
    ignored_court_order: {points: -50, sources: [court], cap: D}
    paid_wages_late: {points: -20, sources: [labour_bureau]}
  grades: {AAA: 1050, AA: 1030, A: 960, B: 850, C: 600, D: 0}
  perks:
    AAA: [A heating discount]
"""

NANJING = """
jurisdiction:
  id: nanjing
  name: Nanjing
  cities: [nanjing]
  start: 1000
  rules:
    gave_blood: {points: 20, sources: [hospital]}
  grades: {AAA: 1040, AA: 1020, A: 980, B: 900, C: 800, D: 0}
"""


def write_story(folder: Path, passages: str, *, header: str | None = None, extra: dict[str, str] | None = None) -> Path:
    """Write a small story folder: a header, the given passages, and the shared rules."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.yaml").write_text(textwrap.dedent(header or """
        story:
          title: Test
          start: start
          home: rongcheng
        """), encoding="utf-8")
    (folder / "passages.yaml").write_text(textwrap.dedent(passages), encoding="utf-8")
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    (folder / "rongcheng.yaml").write_text(RONGCHENG, encoding="utf-8")
    (folder / "nanjing.yaml").write_text(NANJING, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def story_dir(tmp_path: Path):
    """Call with passages YAML; returns the folder of a complete small story."""
    def make(passages: str, **kwargs) -> Path:
        return write_story(tmp_path / "story", passages, **kwargs)
    return make


@pytest.fixture
def nested_folders():
    """Call with a folder and a depth: makes that many folders one inside the next below it
    and returns the innermost. They are made one at a time and taken down deepest first after
    the test: ``os.makedirs`` and ``shutil.rmtree`` both recurse, and fail long before a
    thousand levels (so would pytest's own clean-up of its temporary folders)."""
    made: list[Path] = []

    def nest(folder: Path, depth: int) -> Path:
        for _ in range(depth):
            folder = folder / "d"
            folder.mkdir()
            made.append(folder)
        return folder

    yield nest
    for folder in reversed(made):
        for entry in folder.iterdir():
            if not entry.is_dir() or entry.is_symlink():
                entry.unlink()
        folder.rmdir()


@pytest.fixture
def slot_store(tmp_path):
    """An empty folder of save slots of the test's own."""
    from game.saves import SlotStore

    return SlotStore(tmp_path / "saves")


@pytest.fixture(scope="session")
def shipped_story():
    """The story the game ships, read from its files once for the whole run. Tests only read
    it; one that needs to change a story copies the folder (see tests/ui/mod_folders.py)."""
    from game import shipped
    from game.engine import load_story

    return load_story(shipped.story())

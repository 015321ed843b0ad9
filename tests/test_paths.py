"""One home for where the game writes: game/paths.py alone asks the platform for folders or
reads $KEEPING_TRUST_HOME, and alone names the kiosk's files, so the game, `paths` and the
docs cannot disagree about where something is."""

from __future__ import annotations

import re

from helpers import ROOT
from game import paths

GAME = ROOT / "game"
NAMED_ONCE = re.compile(r"platformdirs\.|\bKEEPING_TRUST_HOME\b|[\"']visitors\.sqlite[\"']|[\"']kiosk\.log[\"']")


def code_lines(path):
    """The lines of a module outside its docstrings and comments (near enough for a scan)."""
    in_doc = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        quotes = line.count('"""')
        if in_doc or line.lstrip().startswith("#"):
            in_doc ^= quotes % 2 == 1
            continue
        if quotes % 2 == 1:
            in_doc = True
            continue
        yield number, line


def test_no_module_but_paths_decides_where_the_game_writes():
    elsewhere = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
                 for path in GAME.rglob("*.py") if path != GAME / "paths.py"
                 for n, line in code_lines(path) if NAMED_ONCE.search(line)]
    assert elsewhere == []


def test_one_home_puts_every_place_in_one_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    for place in (paths.config_dir(), paths.data_dir(), paths.cache_dir(), paths.transcripts_dir(),
                  paths.kiosk_log(), paths.visitor_book_file()):
        assert place.is_relative_to(tmp_path)


def test_without_a_home_each_place_is_where_the_platform_keeps_such_things(monkeypatch):
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    assert paths.cache_dir() != paths.data_dir()
    assert paths.kiosk_log().parent == paths.visitor_book_file().parent == paths.data_dir()
    assert paths.transcripts_dir().name == "Keeping Trust transcripts"

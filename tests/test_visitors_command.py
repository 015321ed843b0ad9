"""`visitors` as an operator types it: the options the docs write before a command work after
it too, and the report finds the kiosk's file whichever folder it is typed in."""

from __future__ import annotations

import json

import pytest

from game.kiosk_rules import load_config
from game.visitor_book import VisitorBook
from helpers import run_main, visit


@pytest.fixture
def kiosk_folder(tmp_path, monkeypatch):
    """A kiosk whose config names its statistics file relative to the config's own folder,
    with two visits in that file."""
    folder = tmp_path / "kiosk"
    folder.mkdir()
    (folder / "kiosk.json").write_text(json.dumps({"statistics": True, "statistics_file": "visitors.sqlite",
                                                   "log_file": "logs/kiosk.log"}))
    book = VisitorBook(folder / "visitors.sqlite")
    book.record(visit())
    book.record(visit(950, ending="The quiet flat"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return folder


@pytest.mark.parametrize("order", ["after", "before"])
def test_the_kiosk_config_is_taken_before_or_after_the_command(kiosk_folder, order):
    config = str(kiosk_folder / "kiosk.json")
    args = ["visitors", "--kiosk-config", config] if order == "after" else ["--kiosk-config", config, "visitors"]
    ran = run_main(*args)
    assert ran.returncode == 0, ran.stderr
    assert "2 finished visits" in ran.stdout


def test_no_cache_is_taken_after_any_command():
    for command in ("check", "stats", "paths", "visitors", "play"):
        assert run_main(command, "--no-cache", "--help").returncode == 0, command


def test_a_relative_statistics_file_is_read_from_the_config_s_folder_not_the_one_typed_in(kiosk_folder):
    config = load_config(kiosk_folder / "kiosk.json")
    assert config.statistics_file == str(kiosk_folder / "visitors.sqlite")
    assert config.log_file == str(kiosk_folder / "logs" / "kiosk.log")


def test_a_relative_database_is_read_from_the_folder_it_is_typed_in(kiosk_folder, monkeypatch):
    monkeypatch.chdir(kiosk_folder)
    ran = run_main("visitors", "--database", "visitors.sqlite")
    assert ran.returncode == 0 and "2 finished visits" in ran.stdout


def test_a_missing_database_says_the_whole_path_it_looked_at(kiosk_folder):
    ran = run_main("visitors", "--database", "visitors.sqlite")
    assert ran.returncode == 1
    assert str(kiosk_folder.parent / "elsewhere" / "visitors.sqlite") in ran.stderr

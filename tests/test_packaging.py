"""The game as a player installs it: a wheel that carries its story, rules, fonts, sounds and
example mod, runs from any folder once installed, and says which version it is.

The wheel is built once for the module from a copy of the sources, without fetching anything,
and installed into a folder of its own; the installed game is then run away from the checkout.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from game import __version__, shipped
from game.cli import main
from game.mods import mod_folders
from game.ui.scenes.credits import version_line
from helpers import ROOT

# Builds and installs the game, or runs the benchmarks, in fresh processes.
pytestmark = pytest.mark.slow

#: What the wheel is built from: everything pyproject.toml maps into the package.
SOURCES = ("pyproject.toml", "README.md", "game", "story", "assets", "mods")


def _copy_sources(into: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=ignore)
        else:
            shutil.copy2(source, into / name)
    return into


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    sources = _copy_sources(tmp_path_factory.mktemp("sources"))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "--no-index", "-q", "-w", str(out), str(sources)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = out.glob("keeping_trust-*.whl")
    return path


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a folder of its own, as site-packages would hold it."""
    target = tmp_path_factory.mktemp("site")
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                           "--target", str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def play_installed(site: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the installed game's command line from ``home``, far from the checkout: the folder
    the wheel went into comes first on the path, so the checkout's game is never imported."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PYTHONPATH=str(site), KEEPING_TRUST_HOME=str(home), PYTHONIOENCODING="utf-8")
    script = "import sys; from game.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", script, *args], cwd=home, env=env, capture_output=True,
                          text=True, encoding="utf-8", stdin=subprocess.DEVNULL, timeout=300)


def _shipped_files(folder: str) -> set[str]:
    return {p.relative_to(ROOT / folder).as_posix() for p in (ROOT / folder).rglob("*") if p.is_file()}


def test_the_wheel_carries_every_story_and_rules_file(wheel_names):
    story = {name for name in _shipped_files("story") if name.endswith(".yaml")}
    assert "story.yaml" in story and any(name.startswith("rules/") for name in story)
    assert {f"game/data/story/{name}" for name in story} <= wheel_names


def test_the_wheel_carries_the_fonts_with_their_licences_the_sounds_and_the_icon(wheel_names):
    wanted = {name for name in _shipped_files("assets") if name.rsplit(".", 1)[-1] in ("ttf", "otf", "txt", "wav", "png")}
    assert any(name.startswith("fonts/") and name.endswith("OFL.txt") for name in wanted)
    assert any(name.startswith("sounds/") for name in wanted)
    assert {f"game/data/assets/{name}" for name in wanted} <= wheel_names


def test_the_wheel_carries_the_example_mod_and_the_map_page(wheel_names):
    assert "game/data/mods/aunt_lans_village/mod.yaml" in wheel_names
    assert "game/tools/map_page.html" in wheel_names


def test_the_wheel_carries_the_browser_editions_page(wheel_names):
    front = {f"game/web/front/{name}" for name in ("index.html", "kt.css", "kt.js", "engine.js", "sw.js")}
    assert front <= wheel_names


def test_the_installed_game_builds_the_browser_edition(installed, tmp_path):
    from helpers import skip_loudly

    done = play_installed(installed, tmp_path, "web", "build", str(tmp_path / "site"))
    if done.returncode != 0 and "Pyodide" in done.stderr:
        skip_loudly(done.stderr.strip())
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "index.html").is_file() and "web serve" in done.stdout


def test_the_wheel_leaves_out_no_module_of_the_game(wheel_names):
    # pyproject.toml names every package: a new one not named there would be missing here.
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "game").rglob("*.py")}
    assert modules - wheel_names == set()


def test_the_wheel_declares_the_version_the_game_reports_and_the_pythons_it_is_tested_on(wheel):
    with zipfile.ZipFile(wheel) as archive:
        metadata = Parser().parsestr(archive.read(f"keeping_trust-{__version__}.dist-info/METADATA").decode())
    assert metadata["Version"] == __version__
    assert metadata["Requires-Python"] == ">=3.10"
    running = f"Programming Language :: Python :: {sys.version_info.major}.{sys.version_info.minor}"
    assert running in metadata.get_all("Classifier")


def test_the_installed_game_checks_its_own_story_from_any_folder(installed, tmp_path):
    done = play_installed(installed, tmp_path, "check", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    assert str(installed / "game" / "data" / "story") in done.stdout


def test_the_installed_game_plays_a_life_to_its_debrief_in_the_terminal(installed, tmp_path):
    done = play_installed(installed, tmp_path, "play", "--text", "--auto", "--seed", "3")
    assert done.returncode == 0, done.stderr
    assert "Debrief" in done.stdout.splitlines()


def test_the_installed_game_finds_its_story_assets_and_mods_inside_the_package(installed, tmp_path):
    done = play_installed(installed, tmp_path, "paths")
    assert done.returncode == 0, done.stderr
    places = dict(line.strip().split(": ", 1) for line in done.stdout.splitlines())
    package = installed / "game" / "data"
    assert places["story"] == f"{package / 'story'} (installed with the game)"
    assert places["assets"] == f"{package / 'assets'} (installed with the game)"
    assert places["shipped mods"] == str(package / "mods")
    assert places["your mods"] == str(tmp_path / "mods")


def test_the_installed_game_says_its_version(installed, tmp_path):
    done = play_installed(installed, tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Keeping Trust {__version__}"


def test_a_checkout_reads_the_top_level_folders_writers_and_modders_edit():
    assert shipped.story() == ROOT / "story"
    assert shipped.assets() == ROOT / "assets"
    assert shipped.mods() == ROOT / "mods"
    assert not shipped.is_packaged()


def test_only_the_shipped_folders_can_be_asked_for():
    with pytest.raises(ValueError, match="no folder called 'saves'"):
        shipped.folder("saves")


def test_the_shipped_story_takes_the_shipped_mods_and_a_copied_story_the_mods_beside_it(tmp_path):
    assert mod_folders(shipped.story(), tmp_path) == [(shipped.mods(), True), (tmp_path / "mods", False)]
    copy = tmp_path / "mine" / "story"
    assert mod_folders(copy, tmp_path) == [(tmp_path / "mine" / "mods", True), (tmp_path / "mods", False)]


def test_paths_names_every_place_the_game_writes_under_the_players_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KEEPING_TRUST_HOME", str(tmp_path))
    assert main(["paths"]) == 0
    places = dict(line.strip().split(": ", 1) for line in capsys.readouterr().out.splitlines())
    assert places["settings"] == str(tmp_path / "settings.json")
    assert places["saves"] == str(tmp_path / "saves")
    assert places["transcripts"] == str(tmp_path / "transcripts")
    assert places["kiosk log"] == str(tmp_path / "kiosk.log")
    assert places["your mods"] == str(tmp_path / "mods")
    assert places["cache"] == str(tmp_path / "cache")
    assert places["story"] == f"{ROOT / 'story'} (in the checkout)"


def test_paths_takes_a_kiosk_configs_own_log_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KEEPING_TRUST_HOME", str(tmp_path))
    config = tmp_path / "kiosk.json"
    config.write_text('{"log_file": "/var/log/keeping-trust/kiosk.log"}', encoding="utf-8")
    assert main(["--kiosk-config", str(config), "paths"]) == 0
    assert "kiosk log: /var/log/keeping-trust/kiosk.log" in capsys.readouterr().out


def test_version_and_credits_say_the_same_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"Keeping Trust {__version__}"
    assert version_line() == f"This is Keeping Trust {__version__}."


def _standalone_builder():
    spec = importlib.util.spec_from_file_location("build_standalone", ROOT / "packaging" / "build_standalone.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the standalone build reads pyproject.toml with tomllib")
def test_the_standalone_build_carries_what_the_wheel_carries(wheel_names):
    data = {f"{inside}/{source.name}" for source, inside in _standalone_builder().package_data()}
    packaged = {name for name in wheel_names if not name.endswith(".py") and not name.startswith("keeping_trust-")}
    assert data == packaged

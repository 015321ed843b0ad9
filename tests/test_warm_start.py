"""A game opening from its compiled story reads no story file: it imports neither PyYAML nor
the loader's phases, which a player would otherwise wait for at every start. Each check runs
in a fresh Python, where what is imported is what the start itself imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

# What the window does before its first frame: list the installed mods and load the story.
OPEN = """
import json, sys
from pathlib import Path
from game.mods import first_load
from game.paths import data_dir
loadout, story, problems, dropped = first_load(Path(sys.argv[1]), [], sys.argv[2:], data_dir())
print(json.dumps({"loaded": story is not None, "start": story and story.start,
                  "mods": [[m.key, m.name, m.problem] for m in loadout.installed],
                  "yaml": sorted(m for m in sys.modules if m == "yaml" or m.startswith("yaml.")),
                  "phases": sorted(m for m in sys.modules if m.startswith("game.engine.loading"))}))
"""


def _open(home: Path, story: Path, *enabled: str) -> dict:
    env = dict(os.environ, KEEPING_TRUST_HOME=str(home))
    env.pop("KEEPING_TRUST_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", OPEN, str(story), *enabled], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_opening_the_shipped_story_from_a_warm_cache_imports_no_yaml(tmp_path):
    from game import shipped

    first = _open(tmp_path, shipped.story())
    assert first["loaded"] and first["yaml"] and first["phases"]  # cold: the files are read
    warm = _open(tmp_path, shipped.story())
    assert warm["loaded"] and warm["start"] == first["start"]
    assert warm["mods"] == first["mods"]  # the shipped mod listed as its files say
    assert warm["yaml"] == [] and warm["phases"] == []


@pytest.mark.slow
def test_a_changed_story_or_mod_is_read_again_with_yaml(tmp_path):
    # Six fresh Pythons; in one process, tests/engine/test_compiled.py reads a changed file
    # again and tests/test_mods.py describes a changed mod from its files again.
    from game import shipped

    import shutil

    story = tmp_path / "story"
    shutil.copytree(shipped.story(), story)
    mod = tmp_path / "mods" / "extra"
    mod.mkdir(parents=True)
    (mod / "mod.yaml").write_text("mod:\n  name: Extra\n", encoding="utf-8")
    home = tmp_path / "home"
    _open(home, story)
    warm = _open(home, story)
    assert warm["yaml"] == [] and ["extra", "Extra", None] in warm["mods"]

    (mod / "mod.yaml").write_text("mod:\n  name: Renamed\n", encoding="utf-8")
    renamed = _open(home, story)
    assert renamed["yaml"] and ["extra", "Renamed", None] in renamed["mods"]
    assert renamed["phases"] == []  # the mod is not on: the story itself is still warm

    first = sorted(story.rglob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n# a writer's note\n", encoding="utf-8")
    changed = _open(home, story)
    assert changed["loaded"] and changed["yaml"] and changed["phases"]
    assert _open(home, story)["yaml"] == []

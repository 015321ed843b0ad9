"""The benchmark runner works end to end on a tiny budget: every figure is measured with a
baseline from the same run. (Figures are printed, never asserted: machines differ.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Builds and installs the game, or runs the benchmarks, in fresh processes.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("home")
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--json"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, env={**__import__("os").environ, "KEEPING_TRUST_HOME": str(home)})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_every_figure_the_request_names_is_measured(quick_run):
    names = " | ".join(quick_run["figures"])
    for wanted in ("start-up to the first title frame", "frame work while text animates, median",
                   "frame work while text animates, p99", "CPU while idle", "load+check the shipped story, cold",
                   "load the shipped story, warm (compiled)", "peak memory, load+check a 200-passage story",
                   "explore, the shipped story", "explore, a 200-passage story",
                   "load+check a prose-heavy 200-passage story, cold",
                   "peak RSS playing to the debrief"):
        assert wanted in names


def test_the_browser_editions_figures_are_measured_where_a_browser_can_be_had(quick_run):
    names = set(quick_run["figures"])
    wanted = {"web: first visit to the first page (cold cache)", "web: later visit to the title (from the cache)",
              "web: a choice answered and shown", "web: the folder's size"}
    if quick_run["web"].startswith("measured"):
        assert wanted <= names
    else:
        from helpers import skip_loudly

        assert not wanted & names
        skip_loudly(f"the browser edition's figures were not measured: {quick_run['web']}")


def test_each_figure_comes_with_a_baseline_from_the_same_run(quick_run):
    for name, figure in quick_run["figures"].items():
        assert figure["value"] > 0, name
        assert figure["baseline"] > 0, name
        assert figure["ratio"] == pytest.approx(figure["value"] / figure["baseline"]), name
        assert figure["against"], name


def test_the_memory_figure_comes_from_a_life_played_to_its_debrief(quick_run):
    played = quick_run["figures"]["peak RSS playing to the debrief (1920x1080)"]
    assert played["reached_debrief"] and played["choices"] > 5


def test_the_table_prints_a_row_per_figure():
    from benchmarks.__main__ import table

    result = {"figures": {"a figure": {"value": 2.0, "unit": "s", "baseline": 1.0, "ratio": 2.0, "goal": "≤ 1.3×",
                                       "met": False, "against": "a baseline"}},
              "video": "dummy", "cores": 2, "python": "3.11"}
    lines = table(result).splitlines()
    assert lines[0].split() == ["figure", "value", "baseline", "ratio", "goal"]
    assert "a figure" in lines[2] and "2.00×" in lines[2] and "✗" in lines[2]

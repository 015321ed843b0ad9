"""The exhaustive test on stories made to outgrow it: a page of ten thousand choices, three
thousand variables with dice on every page. Its work and memory are bounded — counted here,
never timed — and when a bound stops the search the report says which, and the command
exits 3."""

from __future__ import annotations

import tracemalloc

import pytest

from game.cli import main
from game.engine import load_story
from game.engine.conditions import Condition
from game.tools import quicktest as search
from game.tools.quicktest import SEEDS, WORK_PER_STATE, quicktest
from large_stories import many_variables, wide_page


class Overspent(BaseException):
    """Raised past the bound; not an Exception, so the search cannot take it for a story's."""


@pytest.fixture
def counted_conditions(monkeypatch):
    """Count every condition asked; stop the test once the count passes ``bound[0]``."""
    asked, bound = [0], [float("inf")]
    holds = Condition.holds

    def counting(self, state):
        asked[0] += 1
        if asked[0] > bound[0]:
            raise Overspent(f"{asked[0]:,} conditions asked")
        return holds(self, state)

    monkeypatch.setattr(Condition, "holds", counting)
    return asked, bound




@pytest.mark.slow
def test_a_page_of_ten_thousand_choices_with_max_states_500_asks_a_bounded_number_of_conditions(
        story_dir, counted_conditions, capsys):
    passages, header = wide_page(10_000)
    folder = story_dir(passages, header=header)
    asked, bound = counted_conditions
    # The first page of every seed is composed before the search begins; past that the
    # search spends at most its work for 500 pages.
    bound[0] = SEEDS * 10_000 + 500 * WORK_PER_STATE
    # No problem was met, so it passes; the first line says the search was cut short, and
    # --strict turns that into its own exit code.
    assert main(["test", "--story", str(folder), "--max-states", "500"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("500 pages tried") and "stopped at the limit of pages: --max-states 500" in first


@pytest.mark.slow
def test_the_work_bound_stops_a_search_midway_through_a_page_and_says_so(story_dir, counted_conditions):
    passages, header = wide_page(10_000)
    story = load_story(story_dir(passages, header=header))
    asked, bound = counted_conditions
    bound[0] = SEEDS * 10_000 + 2 * WORK_PER_STATE + 10_000   # one more page composed past the bound
    report = quicktest(story, max_states=2)
    assert report.stopped_by == "work" and not report.complete
    assert report.states == 1 and len(report.choices) < 10_000      # midway through the first page
    assert report.work <= 2 * WORK_PER_STATE + 10_000               # past it by one page composed, at most
    assert f"stopped at the limit of work: {WORK_PER_STATE} for each page --max-states 2 allows" in report.lines()[0]


@pytest.mark.slow
def test_three_thousand_variables_and_dice_on_every_page_keep_the_waiting_lives_within_their_limit(
        story_dir, monkeypatch):
    passages, header = many_variables(3_000, 60)
    story = load_story(story_dir(passages, header=header))
    # A tenth of the real limit, so a few hundred pages reach it.
    monkeypatch.setattr(search, "MAX_WAITING", 200_000, raising=False)
    tracemalloc.start()
    try:
        report = quicktest(story, max_states=200, scouts=0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 200,000 values of waiting lives come to about 10 MB; each state met, held whole, was 170 KB.
    assert peak < 40 * 2**20, f"peak {peak / 2**20:.0f} MB"
    assert report.left_unfollowed > 0 and not report.complete
    assert any(line.startswith(f"lives left unfollowed: {report.left_unfollowed:,}") for line in report.lines())


def test_states_are_remembered_up_to_a_limit_and_the_search_stops_there_saying_so(story_dir, monkeypatch):
    passages, header = many_variables(30, 5)
    story = load_story(story_dir(passages, header=header))
    monkeypatch.setattr(search, "MAX_REMEMBERED", 50, raising=False)
    report = quicktest(story, max_states=1_000, scouts=0)
    assert report.stopped_by == "memory" and report.states < 1_000
    assert "stopped at the limit of memory: 50 states remembered" in report.lines()[0]


def test_a_search_that_tries_everything_exits_0_and_names_no_bound(story_dir, capsys):
    passages, header = wide_page(3)
    assert main(["test", "--story", str(story_dir(passages, header=header))]) == 0
    assert "stopped at" not in capsys.readouterr().out


def test_strict_makes_a_search_a_bound_cut_short_exit_3_and_a_whole_one_0(story_dir):
    passages, header = wide_page(20)
    folder = str(story_dir(passages, header=header))
    assert main(["test", "--strict", "--story", folder, "--max-states", "1"]) == 3
    assert main(["test", "--strict", "--story", folder]) == 0

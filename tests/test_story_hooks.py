"""The shipped story keeps its promises to mods: every passage id of the first release is a
passage or an alias today, each hook is reached on the day it says, and a mod written for the
first release (tests/first_release/doudou, in that release's format) still loads, plays to
an ending and checks with warnings only."""

from __future__ import annotations

import random
import shutil

import pytest
import yaml

from game.engine import Session, check_story, load_story
from helpers import ROOT, random_life

FIRST_RELEASE = ROOT / "tests" / "first_release"
DOUDOU = FIRST_RELEASE / "doudou"
#: The ids Doudou names that later drafts merged into other pages.
MERGED = {"sep_supermarket": "uncles_birthday", "sep_last_evening": "october_opens", "dec_board": "new_year_board"}


def first_release_ids() -> list[str]:
    lines = (FIRST_RELEASE / "passage_ids.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def with_doudou():
    return check_story(ROOT / "story", [DOUDOU])


def test_the_first_releases_ids_are_all_passages_or_aliases_today(shipped_story):
    ids = first_release_ids()
    assert len(ids) == 179 and len(set(ids)) == len(ids)
    gone = [pid for pid in ids if pid not in shipped_story.passages]
    assert gone and all(pid in shipped_story.aliases for pid in gone), \
        [pid for pid in gone if pid not in shipped_story.aliases]
    for pid in gone:
        assert shipped_story.passage_named(pid) in shipped_story.passages, pid


def test_each_hook_is_reached_on_the_day_it_says(shipped_story):
    days: dict[str, set[int]] = {}
    for seed in range(30):
        for route in ("full", "short"):
            session = Session.new(shipped_story, seed, route)
            rng = random.Random(seed)
            while not session.is_over:
                days.setdefault(session.page.passage_id, set()).add(session.page.day)
                session.choose(rng.randint(1, len(session.page.choices)))
    for hook in shipped_story.hooks.values():
        assert days.get(hook.passage) == {hook.day}, (hook.name, days.get(hook.passage))


def test_the_shipped_story_and_its_mod_name_hooks_and_no_old_ids(shipped_story):
    _, problems = check_story(ROOT / "story", [ROOT / "mods" / "aunt_lans_village"])
    assert not [p for p in problems if "hook" in p.message or "old id" in p.message]


def test_a_mod_written_for_the_first_release_checks_with_warnings_only(with_doudou):
    story, problems = with_doudou
    assert story is not None and not [str(p) for p in problems if p.is_error]
    mine = [p.message for p in problems if p.path.endswith("doudou.yaml")]
    for old, hook in MERGED.items():
        assert any(m.startswith(f"'{old}' is an old id") and m.endswith(f"write '{hook}'") for m in mine), old
    # It says it was written for 1.0, so it is told what 1.1 changed in the hooks.
    assert any(m.startswith("written for release 1.0; in 1.1: September's last evening") for m in mine)


def test_without_the_aliases_the_first_releases_mod_no_longer_loads(tmp_path):
    story = shutil.copytree(ROOT / "story", tmp_path / "story")
    data = yaml.safe_load((story / "story.yaml").read_text(encoding="utf-8"))
    del data["aliases"]
    (story / "story.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded, problems = check_story(story, [DOUDOU])
    errors = [p.message for p in problems if p.is_error]
    assert loaded is None
    assert {old for old in MERGED if f"cannot extend unknown passage '{old}'" in " ".join(errors)} == set(MERGED)


@pytest.mark.parametrize("seed", range(6))
def test_the_first_releases_mod_plays_to_an_ending_with_random_choices(with_doudou, seed):
    story, _ = with_doudou
    session = random_life(story, seed)
    assert session.is_over and session.page.ending_title


def test_the_first_releases_mod_is_played_through_and_mrs_fan_keeps_her_book(with_doudou):
    story, _ = with_doudou
    wanted = ("Read the notice pinned above the trolleys.", "Tear off a number.",
              "Ring the number you tore off, and ask how Doudou was found.", "Say you would like to see them.",
              "Promise to take the one with the smudge in January.",
              "Read the card tucked into the corner of the glass.", "Go round to Block 2 and collect her.")
    session = Session.new(story, 4)
    rng = random.Random(4)
    while not session.is_over:
        texts = [c.text for c in session.page.choices]
        mine = [i for i, text in enumerate(texts) if text in wanted]
        session.choose(mine[0] + 1 if mine else rng.randint(1, len(texts)))
    visited = {pid for pid in story.passages if pid.startswith("doudou_") and session.visits[pid]}
    assert {"doudou_notice", "doudou_call", "doudou_coal_store", "doudou_board_card", "doudou_collect"} <= visited
    book = next(ledger for ledger in session.debrief().others if ledger.jurisdiction_id == "doudou_block_two")
    assert book.name == "Block 2's good-neighbour book"
    kept = [(e.behaviour, e.points) for e in book.entries if e.behaviour.startswith("doudou_")]
    assert kept == [("doudou_rang_the_number", 2), ("doudou_promised_a_kitten", 5), ("doudou_kept_the_promise", 10)]


def test_the_first_releases_mod_loads_from_the_players_cache_too(tmp_path):
    cache = tmp_path / "cache"
    first = load_story(ROOT / "story", [DOUDOU], cache)
    again = load_story(ROOT / "story", [DOUDOU], cache)
    assert again.passages["sep_mid_autumn"].choices[-1].text == first.passages["sep_mid_autumn"].choices[-1].text
    assert again.passage_named("sep_last_evening") == "oct_start"

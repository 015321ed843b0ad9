"""The modding page's worked example of the writing tools does what the page says it does."""

from __future__ import annotations

import re

from game.engine import load_story
from game.terminal import debrief_lines
from game.tools.rehearsal import rehearse
from helpers import ROOT

BLOCKS = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "modding.md").read_text(encoding="utf-8"), re.S)


def the_brigade(tmp_path):
    """The walk-through's mod with the worked example's file beside it, on the shipped story."""
    folder = tmp_path / "mods" / "leaf_brigade"
    folder.mkdir(parents=True)
    (folder / "leaves.yaml").write_text(BLOCKS[0], encoding="utf-8")
    (folder / "tally.yaml").write_text(next(b for b in BLOCKS if b.startswith("printable:")), encoding="utf-8")
    return load_story(ROOT / "story", [folder])


def test_the_cage_reads_on_load_by_load_and_prints_the_sacks(tmp_path):
    story = the_brigade(tmp_path)
    session = rehearse(story, seed=4, route="full", start="leaf_cage")
    pages = [session.page.text]
    for _ in range(2):
        session.choose(1)
        pages.append(session.page.text)
    assert [page.split(". ")[1] for page in pages] == [
        "The cage of green netting is half full", "The cage is fuller than it was",
        "The cage is full; he stamps the leaves down with his boot"]
    assert [re.search(r"That makes (\d+) sacks", page).group(1) for page in pages] == ["3", "6", "9"]
    assert all(re.search(r"(A sparrow|A cat|The boiler-house man) watches from the wall", page) for page in pages)
    assert not any("{" in page for page in pages)


def test_the_quiet_winter_s_debrief_carries_the_brigade_and_last_autumn(tmp_path):
    story = the_brigade(tmp_path)
    session = rehearse(story, seed=1, route="full", start="end_quiet_winter", sets=["leaf_sacks=6"])
    text = " ".join(" ".join(debrief_lines(session.debrief(), width=0)).split())
    assert "The brigade's sheet kept your flat number all winter, 6 sacks long." in text
    assert "Lao Ma wrote down every sack. Would you have carried them if he had not?" in text
    assert "301 days before day 1 — Carried the block's leaves to the collection point" in text

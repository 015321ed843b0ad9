"""docs/modding.md lists the story's hooks and old ids as the story's data has them: the tables
are what `python main.py hooks` writes, and the page's story examples are taken from the story."""

from __future__ import annotations

import re

import yaml

from game.tools.hook_tables import ALIASES_BEGIN, HOOKS_BEGIN, aliases_table, generated, hooks_table, tables
from helpers import ROOT, run_process

MODDING = (ROOT / "docs" / "modding.md").read_text(encoding="utf-8")
#: The page's examples of what the story itself writes, fenced as ```yaml story/story.yaml.
STORY_BLOCKS = re.findall(r"```yaml story/story\.yaml\n(.*?)```", MODDING, re.S)


def test_the_hooks_table_on_the_modding_page_is_the_storys(shipped_story):
    # If this fails, the story's hooks changed: run `python main.py hooks` and paste its table.
    assert generated(MODDING, HOOKS_BEGIN) == hooks_table(shipped_story)
    assert len(shipped_story.hooks) >= 20


def test_the_old_ids_table_on_the_modding_page_is_the_storys(shipped_story):
    assert generated(MODDING, ALIASES_BEGIN) == aliases_table(shipped_story)


def test_the_pages_examples_of_the_storys_promises_are_the_storys_own(shipped_story):
    assert len(STORY_BLOCKS) == 3
    for block in STORY_BLOCKS:
        data = yaml.safe_load(block)
        for name, hook in data.get("hooks", {}).items():
            found = shipped_story.hooks[name]
            assert (found.passage, found.day, found.by_then) == (hook["passage"], hook["day"], hook["by_then"])
        for old, now in data.get("aliases", {}).items():
            assert shipped_story.aliases[old] == now
        for written, kept in zip(data.get("hook_changes", []), shipped_story.hook_changes):
            assert (written["version"], tuple(written["changes"])) == (kept.version, kept.changes)


def test_the_hooks_command_prints_both_tables_and_the_changes(shipped_story):
    result = run_process("hooks")
    assert result.returncode == 0, result.stderr
    assert result.stdout == tables(shipped_story)
    assert "| `yard_sweep` | 6 | `sep_sweep` |" in result.stdout
    assert "| `sep_last_evening` | `october_opens` | `oct_start` |" in result.stdout
    assert "- **1.1**: September's last evening (sep_last_evening) now opens October; write october_opens." \
        in result.stdout

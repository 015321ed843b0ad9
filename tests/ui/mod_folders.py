"""Story and mod folders written for a test: a copy of the UI's fixture story, and small mods
beside it or in the player's data folder."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

FIXTURE_STORY = Path(__file__).parent / "fixture_story"

#: A mod that hooks one choice into the fixture story's first passage.
HARBOUR_MOD = """
mod:
  name: The harbour walk
  description: A detour by the sea.
  author: A tester
extend:
  morning:
    choices:
      - text: Walk down to the harbour instead.
        goto: harbour
passages:
  harbour:
    text: The boats are in. Gulls argue over the nets.
    goto: phone_msg
"""


def copy_story(tmp_path: Path) -> Path:
    """A copy of the fixture story in ``tmp_path/game/story`` (mods go in ``game/mods``)."""
    story = tmp_path / "game" / "story"
    shutil.copytree(FIXTURE_STORY, story)
    return story


def write_mod(folder: Path, text: str = HARBOUR_MOD, name: str = "mod.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder

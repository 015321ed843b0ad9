"""What several test modules need to know, imported by name (never through conftest, whose
module name is not unique in this tree)."""

from __future__ import annotations

from pathlib import Path

#: The project's folder: main.py, story/, mods/, docs/.
ROOT = Path(__file__).resolve().parent.parent

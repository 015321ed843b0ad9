"""The story's hooks and aliases as the tables docs/modding.md shows: written from the story's
own data by ``python main.py hooks``, so the page a modder reads cannot drift from what
``check`` holds them to (a test compares the two)."""

from __future__ import annotations

from ..engine.story import Story

#: The comment lines that open and close each generated table in docs/modding.md.
HOOKS_BEGIN = "<!-- hooks: written by `python main.py hooks`; edit story/story.yaml, not this table -->"
ALIASES_BEGIN = "<!-- aliases: written by `python main.py hooks`; edit story/story.yaml, not this table -->"
END = "<!-- end of the generated table -->"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def hooks_table(story: Story) -> str:
    """The hooks in the order the story lists them: name, day, passage, what has happened."""
    lines = ["| hook | day | passage | what has happened by then |", "|---|---|---|---|"]
    for hook in story.hooks.values():
        lines.append(f"| `{hook.name}` | {hook.day} | `{hook.passage}` | {_cell(hook.by_then)} |")
    return "\n".join(lines)


def aliases_table(story: Story) -> str:
    """The old ids in the order the story lists them, each with what it stands for now."""
    lines = ["| old id | write now | passage |", "|---|---|---|"]
    for old, now in story.aliases.items():
        lines.append(f"| `{old}` | `{now}` | `{story.passage_named(old)}` |")
    return "\n".join(lines)


def changes_list(story: Story) -> str:
    """The changelog of hooks, newest release first, as a list."""
    lines = []
    for change in reversed(story.hook_changes):
        for line in change.changes:
            lines.append(f"- **{change.version}**: {_cell(line)}")
    return "\n".join(lines)


def tables(story: Story) -> str:
    """What ``python main.py hooks`` prints: both tables, each between the lines the docs
    keep them between, and the changelog."""
    return "\n".join([HOOKS_BEGIN, hooks_table(story), END, "", ALIASES_BEGIN, aliases_table(story), END, "",
                      "Changes, newest first:", "", changes_list(story)]) + "\n"


def generated(document: str, begin: str) -> str | None:
    """The table a document keeps between ``begin`` and the end line, or None if it has none."""
    start = document.find(begin)
    if start < 0:
        return None
    start += len(begin)
    end = document.find(END, start)
    return document[start:end].strip() if end >= 0 else None

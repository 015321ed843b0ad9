"""Building a story: the phases of loading run in order over what the files gathered."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Sequence

from ..changes import BEFORE_SET
from ..discovery import Budget, FolderReading, collector_paused, shown_path
from ..fingerprint import Fingerprint
from ..located import Node
from ..problems import Problem
from ..story import Story
from .additions import PassageAdditions
from .before import BeforePlay
from .checks import Checks
from .gathered import Gathered
from .header import StorySection
from .hooks import HookSections
from .jurisdictions import Jurisdictions
from .printable import Printable
from .recorded import Recorded
from .score_bands import ScoreBands
from .sections import Sections

#: Values read above which the built story is put out of the cycle collector's way.
SETTLE_ABOVE = 200_000

# Stands in for a passage's values once the passage is built from them.
_BUILT = Node(None, "", 0, 0)


class StoryBuild:
    """One story and its mods on their way from files to a checked Story."""

    def __init__(self, fingerprint: Fingerprint) -> None:
        self.fingerprint = fingerprint
        self.budget = Budget()
        self.gathered = gathered = Gathered()
        self.passages = PassageAdditions(gathered)
        self.sections = Sections(gathered, self.passages)

    @property
    def problems(self) -> list[Problem]:
        return self.gathered.problems

    def read_folder(self, root: Path, is_mod: bool) -> None:
        gathered = self.gathered
        reading = FolderReading(root, is_mod, self.budget, self.fingerprint, gathered.problems)
        described = False
        for path, shown, node in reading:
            # The model keeps where each file is for good; only what is shown is shortened.
            gathered.files.append(str(path.absolute()))
            gathered.origins[shown] = (shown_path(root), is_mod)
            if node is not None:
                self.sections.read_file(node, is_mod)
                described = described or (isinstance(node.value, dict) and "mod" in node.value)
                self.build_passages()
        # Past a limit, the 'mod:' section may be in a file left unread; the limit is the news.
        if is_mod and reading.files and not described and not reading.stopped:
            gathered.problems.append(Problem(shown_path(reading.files[0]), 1, 1,
                                             "no file of this mod has a 'mod:' section; give it one with its "
                                             "name, so players can tell what they turn on", "warning"))

    def build_passages(self) -> None:
        """Build the passages the file just read defines, and let go of its values: a large
        story's values all held at once cost twice the memory of the story built from them."""
        gathered = self.gathered
        for pid in gathered.unbuilt:
            key, node = gathered.passage_nodes[pid]
            passage = self.passages.passage(pid, key, node)
            if passage is not None:
                gathered.built[pid] = passage
            gathered.passage_nodes[pid] = (key, _BUILT)
        gathered.unbuilt.clear()

    def finish(self) -> Story | None:
        gathered = self.gathered
        recorded = Recorded(gathered)
        behaviours, sources, subjects = recorded.behaviours(), recorded.sources(), recorded.subjects()
        found = Jurisdictions(gathered)
        jurisdictions = found.all()
        blacklist = found.blacklist()
        passages = gathered.built
        header = StorySection(gathered).header(jurisdictions)
        # Read before the whole-story checks: their records are checked with every other.
        first_values, prior = BeforePlay(gathered).facts(header)
        threads = {name: thread for name, (key, body) in gathered.thread_nodes.items()
                   if (thread := self.passages.thread(name, key, body)) is not None}
        promises = HookSections(gathered)
        hooks = promises.read(passages)
        promises.games(hooks)
        own_gotos = {pid: passage.goto for pid, passage in passages.items()}
        hook_names = tuple(hooks.hooks)
        for key, body in gathered.extend_nodes:
            self.passages.extend(key, body, passages, lambda name, node: promises.name(hooks, name, node), hook_names)
        promises.gotos(hooks)  # the choices extend added name passages too
        if gathered.afters:
            passages = self.passages.follow_afters(passages, own_gotos, hooks.passage_for)
        passages = hooks.rewrite(passages)
        # The debrief's words are read before the whole-story checks, so the conditions of
        # its notes are checked with every other condition.
        words = self.sections.debrief.words([*(header.variables if header else ()), *gathered.variables_set])
        Printable(gathered).check()
        # A mod's 'before' may give one of the story's variables its first value: a change it
        # declares. The values it is held to as 'at the start' are the story's own.
        given_by_mods = {name for name, _node, how, _value in gathered.mod_writes if how == BEFORE_SET}
        storys_first = {**(header.variables if header else {}),
                        **{name: value for name, value in first_values.items() if name not in given_by_mods}}
        changes = self.sections.changes.check(storys_first, jurisdictions, behaviours)
        checks = Checks(gathered)
        checks.passage_names = hooks
        checks.cross_check(passages, behaviours, sources, subjects, jurisdictions)
        checks.same_names(jurisdictions, subjects)
        if header is None:
            return None
        if header.home in jurisdictions:
            ScoreBands(gathered).check(jurisdictions[header.home], jurisdictions,
                                       self.sections.changes.storys_cities())
        checks.reachable(header, passages)
        if any(p.is_error for p in gathered.problems):
            return None
        return Story(
            title=header.title, start=header.start, home=header.home, passages=passages,
            behaviours=behaviours, sources=sources, jurisdictions=jurisdictions, blacklist=blacklist,
            short_start=header.short_start, day=header.day, city=header.city,
            variables={**header.variables, **first_values}, variable_kinds=dict(gathered.variables_set),
            subjects=subjects, questions=tuple(gathered.story_questions), threads=threads, debrief_words=words,
            inline=dict(gathered.inline), prior=prior,
            files=tuple(gathered.files),
            warnings=tuple(p for p in gathered.problems if not p.is_error), changes=changes,
            hooks=hooks.hooks, aliases=hooks.aliases, hook_changes=hooks.changes,
        )


def check_files(root: Path, mods: Sequence[Path] = (),
                fingerprint: Fingerprint | None = None) -> tuple[Story | None, list[Problem]]:
    """Read and check the files; ``fingerprint`` is fed every byte that is parsed, so a story
    kept under it is the story of exactly those bytes."""
    build = StoryBuild(fingerprint or Fingerprint(""))
    with collector_paused():
        build.read_folder(Path(root), is_mod=False)
        for mod in mods:
            build.read_folder(Path(mod), is_mod=True)
        story = build.finish()
        _settle(build.budget)
    problems = sorted(set(build.problems))
    if any(p.is_error for p in problems):
        return None, problems
    return story, problems


def _settle(budget: Budget) -> None:
    """After a large story is built, move what is alive into the collector's permanent
    generation: the story lives as long as the game, and the collector's first full pass over
    it alone cost half a second at 10,000 passages (and again now and then during play). A
    small story is left alone; its pass costs nothing worth saving."""
    if budget.nodes_read >= SETTLE_ABOVE:
        gc.freeze()  # before the collector is back on: its first allocation would start that pass

"""The story's promises to mods: its hooks (the passages a mod may extend or go to, each
named for what happens there), the old ids it still answers to after a release renamed or
removed them (aliases), and the changelog of both, from which a mod written for an older
release is told what changed since.

A mod may write a hook's name, or an old id, wherever it names a passage: in ``extend``, a
``goto``, a branch's ``to``, ``after`` and ``seen``/``visits``. The names are put back to the
passages they stand for here, once every file is read, so the rest of the engine only ever
sees passage ids."""

from __future__ import annotations

from dataclasses import replace

from ..located import Node
from ..story import Branch, Hook, HookChange, Passage, version_key
from .format import HOOK, HOOK_CHANGE
from .gathered import where, word
from .values import Values

#: Gotos whose target must be a passage's own id: where play starts is not a mod's to name.
_OWN_IDS_ONLY = ("start", "short_start")


class Hooks:
    """The hooks, aliases and releases of a story, with what each name stands for."""

    def __init__(self, hooks: dict[str, Hook], aliases: dict[str, str], changes: tuple[HookChange, ...],
                 passages: dict[str, Passage]) -> None:
        self.hooks = hooks
        self.aliases = aliases
        self.changes = changes
        self.passages = passages
        self.hook_of: dict[str, str] = {}
        for hook in hooks.values():
            self.hook_of.setdefault(hook.passage, hook.name)

    def passage_for(self, name: str) -> str | None:
        """The passage a passage id, a hook or an old id stands for; None if none."""
        followed: set[str] = set()
        while name not in followed:
            followed.add(name)
            if name in self.passages:
                return name
            if name in self.hooks:
                return self.hooks[name].passage
            if name not in self.aliases:
                return None
            name = self.aliases[name]
        return None

    def now(self, old: str) -> str:
        """What an old id stands for now, in words: the hook (and its passage) or the passage."""
        target = self.written_now(old)
        hook = self.hooks.get(target)
        if hook is not None:
            return f"the hook '{hook.name}' (passage '{hook.passage}', day {hook.day})"
        return f"passage '{target}'"

    def written_now(self, old: str) -> str:
        """The name a modder should write instead of an old id."""
        target, followed = self.aliases[old], {old}
        while target in self.aliases and target not in self.hooks and target not in followed:
            followed.add(target)
            target = self.aliases[target]
        return target

    def rewrite(self, passages: dict[str, Passage]) -> dict[str, Passage]:
        """The passages with every branch that names a hook or an old id sent to its passage."""
        names = {**{name: h.passage for name, h in self.hooks.items()},
                 **{old: self.passage_for(old) for old in self.aliases}}
        if not names:
            return passages

        def sent(branches: tuple[Branch, ...]) -> tuple[Branch, ...]:
            if not any(b.to in names and b.to not in passages for b in branches):
                return branches
            return tuple(replace(b, to=names[b.to] or b.to) if b.to in names and b.to not in passages else b
                         for b in branches)

        out: dict[str, Passage] = {}
        for pid, passage in passages.items():
            goto = sent(passage.goto)
            choices = []
            for choice in passage.choices:
                branches = sent(choice.goto)
                choices.append(choice if branches is choice.goto else replace(choice, goto=branches))
            changed = goto is not passage.goto or any(a is not b for a, b in zip(choices, passage.choices))
            out[pid] = replace(passage, goto=goto, choices=tuple(choices)) if changed else passage
        return out


class HookSections(Values):
    """Reads the story's hooks, aliases and hook_changes, and tells mods what their names mean."""

    def read(self, passages: dict[str, Passage]) -> Hooks:
        gathered = self.gathered
        hooks: dict[str, Hook] = {}
        for name, (key, body) in gathered.hook_nodes.items():
            hook = self.hook(name, key, body, passages)
            if hook is not None:
                hooks[name] = hook
        aliases: dict[str, str] = {}
        for old, (key, value) in gathered.alias_nodes.items():
            target = word(value)
            if not isinstance(target, str) or not self.valid_id(value, target):
                continue
            home = gathered.passage_nodes.get(old)
            if home is not None and not gathered.origins.get(home[0].path, ("", False))[1]:
                self.error(key, f"'{old}' is a passage of the story; an alias keeps the id of a passage that is "
                                "gone, so remove the alias (or rename the passage)")
            elif old in gathered.hook_nodes:
                self.error(key, f"'{old}' is already a hook's name; an alias and a hook cannot share it")
            else:
                aliases[old] = target
        found = Hooks(hooks, aliases, self.changes(), passages)
        for pid, (key, _body) in gathered.passage_nodes.items():
            if (pid in hooks or pid in aliases) and gathered.origins.get(key.path, ("", False))[1]:
                what = "hooks" if pid in hooks else "old ids"
                self.error(key, f"'{pid}' is one of the story's {what}; give your passage an id of its own "
                                "(prefix your ids)")
        for old, (key, value) in gathered.alias_nodes.items():
            if old not in aliases:
                continue
            target = aliases[old]
            if target not in gathered.passage_nodes and target not in hooks and target not in aliases:
                known = [*gathered.passage_nodes, *hooks]
                self.error(value, f"alias '{old}' stands for unknown passage or hook '{target}'"
                                  f"{self.closest(target, known)}")
            elif found.passage_for(old) is None and target in aliases:
                self.error(value, f"alias '{old}' leads back to itself through other aliases; end it at a "
                                  "passage or a hook")
        return found

    def hook(self, name: str, key: Node, body: Node, passages: dict[str, Passage]) -> Hook | None:
        fields = self.mapping(body, f"hook '{name}'")
        if fields is None:
            return None
        self.keys(body, HOOK.allowed, f"hook '{name}'")
        if not self.has_needed(body, fields, HOOK.needs, f"hook '{name}'"):
            return None
        passage = word(fields["passage"])
        day = self.number(fields["day"], "a hook's day", minimum=1)
        by_then = self.text(fields["by_then"], f"hook '{name}': by_then")
        if not isinstance(passage, str) or day is None or not by_then or not by_then.strip():
            if not by_then or not by_then.strip():
                self.error(fields["by_then"], f"hook '{name}' needs 'by_then': what has happened by then")
            return None
        if passage not in self.gathered.passage_nodes:
            self.error(fields["passage"], f"hook '{name}' names unknown passage '{passage}'"
                                          f"{self.closest(passage, self.gathered.passage_nodes)}")
            return None
        if passage not in passages:
            return None  # the passage's own mistakes are reported where it is written
        home = self.gathered.passage_nodes.get(name)
        if home is not None and name != passage and not self.gathered.origins.get(home[0].path, ("", False))[1]:
            self.error(key, f"hook '{name}' has the id of another passage; name the hook for what happens there")
            return None
        own_day = passages[passage].day
        if own_day is not None and own_day != day:
            self.warn(fields["day"], f"hook '{name}' says day {day}, but passage '{passage}' is day {own_day}")
        return Hook(name, passage, day, " ".join(by_then.split()), where(key))

    def changes(self) -> tuple[HookChange, ...]:
        out: list[HookChange] = []
        last: tuple[tuple[int, ...], str] | None = None
        for item in self.gathered.hook_change_nodes:
            fields = self.mapping(item, "a release in hook_changes")
            if fields is None:
                continue
            self.keys(item, HOOK_CHANGE.allowed, "a release in hook_changes")
            if not self.has_needed(item, fields, HOOK_CHANGE.needs, "a release in hook_changes"):
                continue
            version = self.version(fields["version"])
            if version is None:
                continue
            number = version_key(version)
            assert number is not None  # self.version said it reads as one
            if last is not None and number <= last[0]:
                self.error(fields["version"], f"release '{version}' is listed after '{last[1]}'; list the "
                                              "releases oldest first, each once")
                continue
            last = (number, version)
            lines = tuple(" ".join(line.split()) for line in self.text_list(fields["changes"], "changes"))
            out.append(HookChange(version, tuple(line for line in lines if line)))
        return tuple(out)

    def version(self, node: Node) -> str | None:
        text = self.text(node, "a version")
        if text is None:
            return None
        if version_key(text) is None:
            self.error(node, f"'{text}' is not a version: write numbers joined by dots, such as \"1.0\"")
            return None
        return text.strip()

    # -- What a mod's names stand for ----------------------------------------------------------

    def name(self, hooks: Hooks, target: str, node: Node) -> str:
        """The passage ``target`` (written at ``node``) stands for, warning of an old id, and of
        a mod naming a passage of the story that is no hook once the story has hooks."""
        if target in hooks.passages:
            self.unpromised(hooks, target, node)
            return target
        if target in hooks.hooks:
            return hooks.hooks[target].passage
        if target in hooks.aliases:
            passage = hooks.passage_for(target)
            if passage is None:
                return target  # the alias itself is reported where it is written
            self.warn(node, f"'{target}' is an old id: a later release renamed or removed it, and it stands "
                            f"for {hooks.now(target)} now; write '{hooks.written_now(target)}'")
            return passage
        return target

    def unpromised(self, hooks: Hooks, passage: str, node: Node) -> None:
        gathered = self.gathered
        if not hooks.hooks or not gathered.origins.get(node.path, ("", False))[1]:
            return
        home = hooks.passages[passage].where.path
        if gathered.origins.get(home, ("", True))[1]:
            return  # a mod's own passage, or another mod's: the story promises nothing of those
        hook = hooks.hook_of.get(passage)
        if hook is not None:
            self.warn(node, f"passage '{passage}' is the story's hook '{hook}': name the hook, which stays "
                            "when a release renames or merges the passage")
        else:
            self.warn(node, f"'{passage}' is not one of the story's hooks, so a later release may rename or "
                            "remove it; join the story at a hook ('python main.py hooks' lists them)")

    def gotos(self, hooks: Hooks) -> None:
        """Put each goto's hook or old id back to its passage (the checks see passage ids)."""
        gathered = self.gathered
        for index, (target, node, what) in enumerate(gathered.gotos):
            if target is None or what in _OWN_IDS_ONLY or not isinstance(target, str):
                continue
            passage = self.name(hooks, target, node)
            if passage != target:
                gathered.gotos[index] = (passage, node, what)

    def games(self, hooks: Hooks) -> None:
        """Tell each mod that says which releases it was written for what changed since."""
        for _folder, node in self.gathered.mod_games:
            items = node.value if isinstance(node.value, list) else [node]
            numbers = []
            for item in items:
                text = self.text(item, "the mod's 'game'")
                if text is None:
                    continue
                number = version_key(text)
                if number is None:
                    self.error(item, f"'{text}' is not a version: write the release the mod was written for, "
                                     "such as \"1.0\"")
                else:
                    numbers.append((number, text.strip()))
            if not numbers or not hooks.changes:
                continue
            newest, said = max(numbers)
            latest = hooks.changes[-1].version
            if newest > version_key(latest):  # type: ignore[operator]
                self.warn(node, f"written for release {said}, later than this story's {latest}: a hook it "
                                "names may not be here yet")
                continue
            for change in hooks.changes:
                if version_key(change.version) > newest:  # type: ignore[operator]
                    for line in change.changes:
                        self.warn(node, f"written for release {said}; in {change.version}: {line}")

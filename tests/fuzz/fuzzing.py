"""What the fuzz tests throw at the game, and what must hold whatever it is.

Shared by the quick runs in ``tests/fuzz/`` and the long run in ``benchmarks/fuzz.py``: the
strategies generate story folders (well made, a little wrong, or broken at the byte level),
condition texts, settings files and saves; each ``*_survives`` function is one property, and
raises only when the game would have let something other than its own errors escape.
"""

from __future__ import annotations

import json
import random
import tempfile
import tracemalloc
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any, Iterator

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from game.engine import SaveError, Session, Story
from game.engine.conditions import GRADES, ConditionError, Grade, parse
from game.engine.loader import check_story
from game.engine.problems import Problem
from game.engine.passage_words import STYLES
from game.saves import SlotError, SlotStore
from game.settings import Settings, load_settings, save_settings

#: No one example may hold more than this much new memory (traced by Python's allocator).
MEMORY_LIMIT_MB = 64
#: An example slower than this is taken for a hang: a generous bound on a shared, slow machine.
DEADLINE = timedelta(seconds=20)


def quick(examples: int) -> settings:
    """The settings of a fuzz test in the suite: few examples, the same ones every run, no
    example database left behind, and a deadline that only a hang would reach."""
    return settings(max_examples=examples, derandomize=True, deadline=DEADLINE, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


@contextmanager
def within_memory(limit_mb: float = MEMORY_LIMIT_MB) -> Iterator[None]:
    """Fail if what runs inside holds, at its peak, more than ``limit_mb`` of new memory."""
    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    try:
        yield
        peak = (tracemalloc.get_traced_memory()[1] - before) / 2**20
        assert peak <= limit_mb, f"one example took {peak:.1f} MB at its peak (limit {limit_mb} MB)"
    finally:
        if started_here:
            tracemalloc.stop()


# -- values, right and wrong --------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=15,
)

PASSAGE_IDS = ["start", "bank", "blood", "court", "home", "end_good", "end_bad", "nowhere", "Bad Id", ""]
BEHAVIOURS = ["ran_red_light", "gave_blood", "unpaid_judgment", "paid_judgment", "unknown_act"]
SOURCES = ["traffic_camera", "hospital", "court", "nobody"]
VARIABLES = ["trust", "money", "met_jing", "tired"]
CITIES = ["rongcheng", "nanjing", "atlantis"]


def sometimes_wrong(right: st.SearchStrategy, wrong_share: int = 8) -> st.SearchStrategy:
    """Mostly what the format asks for; now and then any value at all, in its place."""
    return st.integers(0, wrong_share).flatmap(lambda n: json_values if n == 0 else right)


# -- conditions ----------------------------------------------------------------------------------

CONDITION_WORDS = ["day", "city", "grade", "score", "blacklisted", "trust", "money", "met_jing",
                   "seen(bank)", "visits(start)", "did(gave_blood)", "observed(ran_red_light)",
                   "grade_in(nanjing)", "grade_if_home(nanjing)", "grade_of(employer)", "seen",
                   "'AAA'", '"B"', "'rongcheng'", "3", "1000", "999999999999999999", "true", "false",
                   "and", "or", "not", "==", "!=", "<", "<=", ">", ">=", "+", "-", "(", ")", ",",
                   "=", "&&", "!", "'unterminated", "\\", "é", "\n"]


def _grammatical(depth: int) -> st.SearchStrategy:
    atoms = st.sampled_from(["day", "score", "grade", "trust", "met_jing", "seen(bank)", "did(gave_blood)",
                             "grade_in(nanjing)", "'AA'", "'rongcheng'", "city", "blacklisted", "true"]) \
        | st.integers(-50, 2000).map(str)
    if depth == 0:
        return atoms
    inner = _grammatical(depth - 1)
    return st.one_of(
        atoms,
        st.tuples(inner, st.sampled_from(["==", "!=", "<", "<=", ">", ">=", "+", "-", "and", "or"]), inner)
        .map(" ".join),
        inner.map(lambda t: f"not {t}"),
        inner.map(lambda t: f"({t})"),
        inner.map(lambda t: f"-{t}"),
    )


condition_texts = st.one_of(
    _grammatical(4),
    st.lists(st.sampled_from(CONDITION_WORDS), max_size=40).map(" ".join),
    st.text(max_size=120),
    st.integers(1, 200).map(lambda n: "(" * n + "true" + ")" * n),
    st.integers(1, 200).map(lambda n: "not " * n + "true"),
    st.integers(1, 200).map(lambda n: "-" * n + "1"),
    st.integers(400, 700).map(lambda n: "1" * n),
)

#: What a state may hand a condition: any value a session can hold, and some it cannot.
state_values = st.one_of(st.integers(), st.floats(), st.booleans(), st.text(max_size=8),
                         st.sampled_from(GRADES + ("Z", "")).map(Grade), st.none())


class RandomState:
    """A session's surface as a condition sees it, answering each question with drawn values."""

    def __init__(self, rng: random.Random, values: list[Any]) -> None:
        self.rng = rng
        self.values = values or [0]

    def _any(self) -> Any:
        return self.rng.choice(self.values)

    def variable(self, name: str) -> Any:
        return self._any()

    def builtin(self, name: str) -> Any:
        return self._any()

    def ask(self, question: str, subject: str) -> Any:
        return self._any()


def condition_survives(text: str, seed: int, values: list[Any]) -> None:
    """A condition either parses or is refused with a ConditionError placed inside the text;
    one that parses is always true or false, whatever the state holds."""
    try:
        condition = parse(text)
    except ConditionError as refused:
        assert 0 <= refused.offset <= len(text), (text, refused.offset)
        assert str(refused)
        return
    answer = condition.holds(RandomState(random.Random(seed), values))
    assert answer is True or answer is False


# -- story folders -------------------------------------------------------------------------------

CLEAN_PROSE = st.text(st.sampled_from("abcdefghij klmnopqrstuvwxyz,.!?'ÉéüØ城市信用—"), min_size=1, max_size=60)
GOOD_CONDITIONS = ["score > 900", "grade >= 'A'", "did(gave_blood) > 0", "observed(ran_red_light) == 0",
                   "trust > 2", "met_jing", "not blacklisted", "day > 10", "city == 'rongcheng'",
                   "grade_in(nanjing) == 'AA'", "grade_if_home(nanjing) < grade", "visits(start) > 1",
                   "grade_of(employer) == 'D'", "money - trust >= 3 or tired"]


class Parts:
    """The strategies for one story's parts, either ``careful`` (as the format asks, so that
    many stories load and are played) or not (anything may be wrong anywhere)."""

    def __init__(self, careful: bool, passage_ids: list[str]) -> None:
        def maybe(right: st.SearchStrategy, share: int = 8) -> st.SearchStrategy:
            return right if careful else sometimes_wrong(right, share)

        targets = passage_ids + ["end_good", "end_bad"]
        ids = st.sampled_from(targets if careful else targets + PASSAGE_IDS)
        prose = CLEAN_PROSE if careful else CLEAN_PROSE | st.text(
            st.characters(blacklist_categories=("Cs",)), max_size=60) | st.sampled_from(
            ["", "  ", "\u202e reversed", "\x1b[2J", "Dear customer,\n\nYour loan."])
        conditions = st.sampled_from(GOOD_CONDITIONS) if careful else (
            condition_texts.filter(lambda t: len(t) < 200) | st.sampled_from(GOOD_CONDITIONS))
        effects = st.one_of(
            st.fixed_dictionaries({"record": st.fixed_dictionaries(
                {"behaviour": maybe(st.sampled_from(BEHAVIOURS[:-1] if careful else BEHAVIOURS))},
                optional={"source": maybe(st.sampled_from(SOURCES[:-1]) | st.none()),
                          "subject": st.sampled_from(["employer", "you"] if careful else ["employer", "you", "x"])})}),
            st.fixed_dictionaries({"set": st.dictionaries(st.sampled_from(["met_jing", "tired"]),
                                                          maybe(st.booleans()), min_size=1, max_size=2)}),
            st.fixed_dictionaries({"add": st.dictionaries(st.sampled_from(["trust", "money"]),
                                                          maybe(st.integers(-99, 99)), min_size=1, max_size=2)}),
            st.fixed_dictionaries({"roll": maybe(st.just("dice"))}),
            st.fixed_dictionaries({"day": maybe(st.integers(1, 400))}),
            st.fixed_dictionaries({"city": maybe(st.sampled_from(CITIES[:2]))}),
            *(() if careful else (json_values,)),
        )
        branches = st.tuples(
            st.lists(st.fixed_dictionaries({"to": maybe(ids), "when": conditions}), max_size=2),
            st.fixed_dictionaries({"to": ids}, optional={} if careful else {"when": conditions}),
        ).map(lambda parts: [*parts[0], parts[1]])
        self.goto = maybe(ids | branches)
        choices = st.lists(st.fixed_dictionaries(
            {"text": maybe(prose), "goto": self.goto},
            optional={"when": maybe(conditions), "do": maybe(st.lists(effects, max_size=3))}),
            min_size=1 if careful else 0, max_size=4)
        question = prose | st.fixed_dictionaries({"text": prose, "when": conditions})
        ending = st.fixed_dictionaries(
            {"title": maybe(prose)},
            optional={"debrief": prose | st.fixed_dictionaries({"text": prose, "variants": st.lists(
                          st.fixed_dictionaries({"text": prose, "when": conditions}), max_size=2)}),
                      "questions": maybe(st.lists(question, max_size=3))})
        optional = {
            "style": maybe(st.sampled_from(sorted(STYLES) if careful else sorted(STYLES) + ["shout"])),
            "speaker": maybe(prose), "title": maybe(prose),
            "day": maybe(st.integers(1, 400)), "city": maybe(st.sampled_from(CITIES[:2])),
            "variants": maybe(st.lists(st.fixed_dictionaries(
                {"text": prose, "when": conditions} if careful else {"text": prose},
                optional={"replace": st.booleans()} if careful else {"when": conditions, "replace": st.booleans()}),
                max_size=3)),
            "do": maybe(st.lists(effects, max_size=3)),
        }
        if not careful:
            optional.update({"choices": sometimes_wrong(choices), "goto": self.goto, "continue": prose,
                             "ending": sometimes_wrong(ending)})
        self.passage = st.fixed_dictionaries({"text": maybe(prose)}, optional=optional)
        #: A careful passage goes on one way: by choices, by a goto, or to an ending.
        self.way_on = st.one_of(st.fixed_dictionaries({"choices": choices}),
                                st.fixed_dictionaries({"goto": self.goto}),
                                st.fixed_dictionaries({"ending": ending})) if careful else st.just({})
        self.header = st.fixed_dictionaries(
            {"title": maybe(st.just("Fuzzed")), "start": maybe(ids, 4), "home": maybe(st.just("rongcheng"), 12)},
            optional={"short_start": ids, "day": maybe(st.integers(1, 30)),
                      "city": st.sampled_from(CITIES[:2] if careful else CITIES)})
        self.variables = st.just({"trust": 0, "money": 3, "met_jing": False, "tired": False, "dice": 0}) \
            if careful else st.dictionaries(st.sampled_from(VARIABLES), sometimes_wrong(
                st.booleans() | st.integers(0, 9)), max_size=4)


def _ending_passages(generated: dict) -> dict:
    # Two endings that always exist, so that a generated story can often load and be played.
    return {"end_good": {"text": "It ends well.", "ending": {"title": "Good"}},
            "end_bad": {"text": "It ends.", "ending": {"title": "Bad", "debrief": "What was kept."}},
            **generated}


RULES = {
    "behaviours": {b: {"label": b.replace("_", " ").capitalize()} for b in BEHAVIOURS[:-1]},
    "sources": {s: {"label": s.replace("_", " ").capitalize()} for s in SOURCES[:-1]},
    "subjects": {"employer": {"label": "Shidao Bay Seafood"}},
    "blacklist": {"name": "The court list", "sources": ["court"], "list_on": ["unpaid_judgment"],
                  "lift_on": ["paid_judgment"], "bars": ["Buying train tickets"]},
}
CITY_RULES = {
    "jurisdiction": {"id": "rongcheng", "name": "Rongcheng", "cities": ["rongcheng"], "start": 1000,
                     "rules": {"ran_red_light": {"points": -5, "sources": ["traffic_camera"]},
                               "gave_blood": {"points": 5, "sources": ["hospital"]},
                               "unpaid_judgment": {"points": -30, "sources": ["court"], "cap": "D"}},
                     "grades": {"AAA": 1050, "AA": 1030, "A": 960, "B": 850, "C": 600, "D": 0}},
}
OTHER_CITY = {
    "jurisdiction": {"id": "nanjing", "name": "Nanjing", "cities": ["nanjing"], "start": 1000,
                     "rules": {"gave_blood": {"points": 20, "sources": ["hospital"]}},
                     "grades": {"AAA": 1040, "AA": 1020, "A": 980, "B": 900, "C": 800, "D": 0}},
}


@st.composite
def story_folders(draw) -> dict[str, str]:
    """A story folder as file name → text: a header, rules, two cities and passages, each
    shaped as the format asks or (in about half the folders) wrong anywhere, and sometimes
    damaged byte by byte."""
    careful = draw(st.booleans())
    passage_ids = draw(st.lists(st.sampled_from(PASSAGE_IDS[:5]), unique=True, max_size=5))
    parts = Parts(careful, passage_ids)
    generated = {pid: {**draw(parts.passage), **draw(parts.way_on)} for pid in passage_ids}
    header = draw(parts.header)
    header["variables"] = draw(parts.variables)
    files = {
        "story.yaml": {"story": header, "passages": _ending_passages(generated)},
        "rules.yaml": RULES,
        "rongcheng.yaml": CITY_RULES,
        "nanjing.yaml": OTHER_CITY if careful else draw(sometimes_wrong(st.just(OTHER_CITY), 6)),
    }
    texts = {name: yaml.safe_dump(body, allow_unicode=True, sort_keys=False) for name, body in files.items()}
    for _ in range(0 if careful else draw(st.integers(0, 2))):
        name = draw(st.sampled_from(sorted(texts)))
        texts[name] = draw(damaged(texts[name]))
    if not careful and draw(st.integers(0, 10)) == 0:
        texts["extra.yaml"] = draw(st.text(max_size=200))
    return texts


def damaged(text: str) -> st.SearchStrategy[str]:
    """``text`` with a slice cut out, a line doubled, or junk put in somewhere."""
    if not text:
        return st.text(max_size=50)

    def cut(where: tuple[int, int]) -> str:
        a, b = sorted(where)
        return text[:a] + text[b:]

    def doubled(at: int) -> str:
        lines = text.splitlines(keepends=True)
        return "".join(lines[:at] + lines[at - 1:]) if lines else text

    def inserted(args: tuple[int, str]) -> str:
        at, junk = args
        return text[:at] + junk + text[at:]

    where = st.integers(0, len(text))
    return st.one_of(
        st.tuples(where, where).map(cut),
        st.integers(1, max(1, text.count("\n"))).map(doubled),
        st.tuples(where, st.sampled_from(["\t", ": ", "- ", "&a", "*a", "!!python/object:os.system ",
                                          "{", "[", "'", "%YAML 1.1\n", "\n  ", "? ", "<<: *x",
                                          "\x00", "\x1b", "\ufeff"]) | st.text(max_size=8)).map(inserted),
    )


def write_folder(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    return root


def story_survives(files: dict[str, str], seed: int) -> Story | None:
    """The loader reads any folder into a story or a list of located problems; a story that
    loads plays to its end (or its last offered choice), saves and resumes, and debriefs."""
    with tempfile.TemporaryDirectory() as home:
        folder = write_folder(Path(home) / "story", files)
        story, problems = check_story(folder)
    assert all(isinstance(p, Problem) and p.line >= 1 and p.col >= 1 and p.message for p in problems)
    for problem in problems:
        str(problem)
    if story is None:
        assert any(p.is_error for p in problems)
        return None
    rng = random.Random(seed)
    for route in ("full", "short") if story.has_short_route else ("full",):
        play_through(story, route, rng)
    return story


def play_through(story: Story, route: str, rng: random.Random, steps: int = 60) -> Session:
    """Play ``story`` by random choices, saving and resuming along the way."""
    session = Session.new(story, seed=rng.randrange(2**32), route=route)
    for _ in range(steps):
        page = session.page
        if page.is_ending or not page.choices:
            break
        session.choose(rng.randint(1, len(page.choices)))
        if rng.random() < 0.3:
            session = Session.from_json(story, json.loads(json.dumps(session.to_json())))
    if session.is_over:
        from game import debrief_document
        from game.terminal import debrief_lines

        debrief = session.debrief()
        debrief_document.build(debrief, story.title)
        debrief_lines(debrief)
    return session


# -- the player's files ------------------------------------------------------------------------------

SETTING_NAMES = ["text_scale", "text_speed", "fullscreen", "high_contrast", "master_volume", "music_volume",
                 "effects_volume", "window_size", "window_position", "line_spacing", "font", "reduce_motion",
                 "keys", "enabled_mods", "problem", "unknown"]

settings_bodies = st.dictionaries(st.sampled_from(SETTING_NAMES), json_values, max_size=8)
settings_files = st.one_of(
    st.binary(max_size=300),
    json_values.map(json.dumps),
    st.fixed_dictionaries({"format": sometimes_wrong(st.just("keeping-trust-settings"), 6),
                           "version": sometimes_wrong(st.integers(-1, 3), 6),
                           "settings": sometimes_wrong(settings_bodies, 6)}).map(json.dumps),
).map(lambda v: v if isinstance(v, bytes) else v.encode("utf-8", "surrogatepass"))


def settings_survive(content: bytes) -> Settings:
    """Whatever lies where the settings should be, the game starts with settings in range,
    says what it could not use, and writes the next change cleanly."""
    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "settings.json"
        path.write_bytes(content)
        loaded = load_settings(path)
        assert loaded.clamped() == loaded, "a setting out of its range reached the game"
        assert loaded.problem is None or isinstance(loaded.problem, str)
        save_settings(loaded, path)
        again = load_settings(path)
        assert again == loaded and again.problem is None
    return loaded


def slot_files(session_data: st.SearchStrategy) -> st.SearchStrategy[bytes]:
    """What may lie in a save slot: any bytes, any JSON, or a slot wrapper around a session
    that is right, a little wrong, or anything."""
    return st.one_of(
        st.binary(max_size=300),
        json_values.map(json.dumps),
        st.fixed_dictionaries({"format": sometimes_wrong(st.just("keeping-trust-slot"), 6),
                               "version": sometimes_wrong(st.integers(-1, 3), 6),
                               "saved_at": sometimes_wrong(st.just("2024-10-01T08:00:00"), 4),
                               "summary": json_values, "place": json_values,
                               "session": sometimes_wrong(session_data, 6)}).map(json.dumps),
    ).map(lambda v: v if isinstance(v, bytes) else v.encode("utf-8", "surrogatepass"))


def mangled(data: Any, rng: random.Random, replacement: Any) -> Any:
    """``data`` with one value somewhere inside it replaced, dropped, or wrapped."""
    if not isinstance(data, (dict, list)) or not data or rng.random() < 0.2:
        return rng.choice([replacement, [data], {"x": data}, replacement])
    copy = dict(data) if isinstance(data, dict) else list(data)
    key = rng.choice(list(copy)) if isinstance(copy, dict) else rng.randrange(len(copy))
    if rng.random() < 0.15:
        del copy[key]
    else:
        copy[key] = mangled(copy[key], rng, replacement)
    return copy


def save_survives(story: Story, content: bytes, seed: int) -> None:
    """A slot holding anything either resumes a game that plays on, or says why it cannot —
    as a SlotError, the message the player is shown — and the next save there is clean."""
    from game.playthroughs import Playthroughs

    with tempfile.TemporaryDirectory() as home:
        store = SlotStore(Path(home) / "saves")
        store.folder.mkdir()
        store.path_for("1").write_bytes(content)
        told: list[str] = []
        playthroughs = Playthroughs(story, store, lambda message, *_: told.append(message))
        store.list()
        store.latest()
        try:
            session = playthroughs.load("1")
        except SlotError as refused:
            assert str(refused)
        else:
            rng = random.Random(seed)
            for _ in range(5):
                page = session.page
                if page.is_ending or not page.choices:
                    break
                session.choose(rng.randint(1, len(page.choices)))
            if session.is_over:
                session.debrief()
        session = Session.new(story, seed=seed)
        assert playthroughs.save("1", session), told
        assert Session.from_json(story, store.read("1")).position == session.position


def session_survives(story: Story, data: Any) -> None:
    """Session.from_json takes anything and either resumes or raises SaveError."""
    try:
        session = Session.from_json(story, data)
    except SaveError as refused:
        assert str(refused)
        return
    session.page
    session.to_json()

"""A large story in the documented format, written out for the benchmarks and the bounds.

    python -m benchmarks.bigstory DIR [--passages 10000] [--prose]

The story is honest: every passage is reachable, every choice leads somewhere, and its
passages use what real ones do — prose of a few paragraphs, choices with conditions and
effects, branching gotos, variants chosen by the hidden record, records seen and unseen, and
endings with debriefs. A start passage opens districts; each district opens episodes; each
episode is a short chain of days that ends in an ending, so a life is a few dozen pages, as
in the shipped story, however large the story grows.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

EPISODE = 20  # passages in one episode, its ending included
EPISODES_PER_DISTRICT = 20
PASSAGES_PER_FILE = 100

WORDS = ("the", "light", "turns", "amber", "over", "Binhai", "Road", "and", "a", "bus", "fills", "your", "mirror",
         "Manager", "Tan", "straightens", "his", "certificate", "while", "gulls", "wheel", "above", "harbour",
         "Mother", "counts", "apples", "by", "door", "clerk", "looks", "at", "screen", "longer", "than", "you",
         "expect", "heating", "bill", "comes", "with", "line", "nobody", "explains", "Lao", "Gao", "smokes",
         "near", "bicycle", "shed", "it", "is", "cold", "in", "yard", "Liu", "Fang", "reads", "her", "green",
         "book", "of", "exam", "questions")

HEADER = """\
story:
  title: A Large Season
  start: big_start
  home: big_city
  day: 1
  city: big_city
  variables:
    money: 1000
    tired: false
    favours: 0
    luck: 0
    mood: "calm"

behaviours:
  ran_red_light: {label: Drove through a red light}
  gave_blood: {label: Gave blood}
  volunteered: {label: Volunteered}
  paid_late: {label: Paid a bill late}
  unpaid_judgment: {label: Did not pay a court judgment}
  paid_judgment: {label: Paid the judgment}

sources:
  camera: {label: Traffic cameras}
  hospital: {label: The hospital}
  collector: {label: The neighbourhood collector}
  court: {label: The court}

blacklist:
  name: The court list
  sources: [court]
  list_on: [unpaid_judgment]
  lift_on: [paid_judgment]
  bars: [Buying train tickets]

questions:
  - Who saw what you did, and who did not?
  - text: Did the list feel like the score?
    when: blacklisted
"""

CITY = """\
jurisdiction:
  id: {id}
  name: {name}
  cities: [{id}]
  start: {start}
  rules:
    ran_red_light: {{points: -5, sources: [camera]}}
    gave_blood: {{points: {blood}, sources: [hospital]}}
    volunteered: {{points: 5, sources: [collector]}}
    paid_late: {{points: -20, sources: [collector, court]}}
    unpaid_judgment: {{points: -30, sources: [court]}}
  grades:
    AAA: 1050
    AA: 1030
    A: 960
    B: 850
    C: 600
    D: 0
  perks:
    AAA: [A discount on heating]
"""


def prose(rng: random.Random, paragraphs: int, words: int) -> str:
    out = []
    for _ in range(paragraphs):
        sentence = " ".join(rng.choice(WORDS) for _ in range(words))
        out.append("      " + sentence[0].upper() + sentence[1:] + ".")
    return "\n\n".join(out)


def episode_passages(rng: random.Random, district: int, episode: int) -> list[str]:
    """One episode as YAML passage entries: days that go on, and an ending."""
    base = f"d{district}_e{episode}"
    out = []
    for step in range(EPISODE - 1):
        here = f"{base}_p{step}"
        after = f"{base}_p{step + 1}"
        skip = f"{base}_p{min(step + 2, EPISODE - 1)}"
        lines = [f"  {here}:", f"    day: {1 + step}", "    style: narration", "    text: |",
                 prose(rng, 3, 44)]
        lines += ["    variants:",
                  "      - when: grade >= \"AA\"",
                  "        text: |", prose(rng, 1, 30).replace("      ", "          ", 1),
                  "      - when: tired and money < 500",
                  "        text: |", prose(rng, 1, 25).replace("      ", "          ", 1)]
        if step % 4 == 1:
            lines += ["    do:", "      - record: {behaviour: ran_red_light, source: camera}",
                      "      - add: {money: -50}"]
        elif step % 4 == 3:
            lines += ["    do:", "      - record: {behaviour: paid_late, source: collector}"]
        elif step == 10:
            lines += ["    do:", "      - record: {behaviour: unpaid_judgment, source: court}"]
        elif step == 14:
            lines += ["    do:",
                      "      - record: {behaviour: paid_judgment, source: court}"]
        lines += ["    choices:",
                  "      - text: " + prose(rng, 1, 8).strip(),
                  "        do:",
                  "          - record: {behaviour: gave_blood, source: hospital}",
                  "          - set: {tired: true}",
                  f"        goto: {after}",
                  "      - text: " + prose(rng, 1, 9).strip(),
                  "        when: favours >= 1 or not tired or mood == \"worried\"",
                  "        do:",
                  "          - add: {favours: 1}",
                  "          - roll: luck",
                  "        goto:",
                  f"          - when: luck <= 50 and seen({base}_p0)",
                  f"            to: {skip}",
                  f"          - to: {after}",
                  "      - text: " + prose(rng, 1, 7).strip(),
                  "        do:",
                  "          - record: {behaviour: volunteered}",
                  "          - set: {mood: \"worried\"}",
                  f"        goto: {after}"]
        out.append("\n".join(lines))
    end = f"{base}_p{EPISODE - 1}"
    out.append("\n".join([
        f"  {end}:", "    style: narration", "    text: |", prose(rng, 2, 50),
        "    ending:", f"      title: Episode {district}.{episode}",
        "      debrief:", "        text: |", prose(rng, 2, 40).replace("      ", "          "),
        "        variants:", "          - when: blacklisted", "            text: |",
        prose(rng, 1, 30).replace("      ", "              "),
        "      questions:", "        - Who kept the record of this week?",
        "        - text: Would you have paid sooner, had you known?",
        "          when: did(paid_late) > 0"]))
    return out


def _write_setting(folder: Path) -> None:
    """The header and the two cities every generated story is played under."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.yaml").write_text(HEADER, encoding="utf-8")
    (folder / "cities.yaml").write_text(
        CITY.format(id="big_city", name="The Big City", start=1000, blood=5), encoding="utf-8")
    (folder / "other_city.yaml").write_text(
        CITY.format(id="other_city", name="The Other City", start=1050, blood=30), encoding="utf-8")


def write(folder: Path, passages: int = 10_000, seed: int = 1) -> Path:
    """Write a story of about ``passages`` passages (a whole number of episodes) into
    ``folder``; returns the folder."""
    rng = random.Random(seed)
    _write_setting(folder)
    episodes = max(1, passages // EPISODE)
    districts = -(-episodes // EPISODES_PER_DISTRICT)
    hubs = [["  big_start:", "    style: narration", "    text: |", prose(rng, 2, 40), "    choices:"]]
    for district in range(districts):
        hubs[0] += [f"      - text: Go to district {district}.", f"        goto: d{district}"]
        here = [f"  d{district}:", "    style: narration", "    text: |", prose(rng, 1, 40), "    choices:"]
        for episode in range(EPISODES_PER_DISTRICT):
            if district * EPISODES_PER_DISTRICT + episode >= episodes:
                break
            here += [f"      - text: Spend a week on errand {episode}.", f"        goto: d{district}_e{episode}_p0"]
        hubs.append(here)
    (folder / "hubs.yaml").write_text("passages:\n" + "\n".join("\n".join(h) for h in hubs) + "\n", encoding="utf-8")
    batch: list[str] = []
    number = 0
    for index in range(episodes):
        batch += episode_passages(rng, index // EPISODES_PER_DISTRICT, index % EPISODES_PER_DISTRICT)
        if len(batch) >= PASSAGES_PER_FILE or index == episodes - 1:
            (folder / f"part_{number:04d}.yaml").write_text("passages:\n" + "\n\n".join(batch) + "\n",
                                                            encoding="utf-8")
            batch, number = [], number + 1
    return folder


GRADES = ("AAA", "AA", "A", "B", "C")


def prose_passage(rng: random.Random, here: str, after: str | None) -> str:
    """A passage that is mostly prose: about 1.2 KB of it in literal blocks, with a variant
    and a choice that each ask after the grade, as a long written chapter's passages do."""
    grade = rng.choice(GRADES)
    lines = [f"  {here}:", "    style: narration", "    text: |", prose(rng, 3, 40),
             "    variants:", f"      - when: grade >= \"{grade}\"", "        text: |",
             prose(rng, 1, 24).replace("      ", "          ", 1)]
    if after is None:
        return "\n".join(lines + ["    ending:", f"      title: The end of {here}"])
    return "\n".join(lines + [
        "    choices:",
        "      - text: " + prose(rng, 1, 8).strip(), f"        when: grade < \"{grade}\" or money >= 500",
        f"        goto: {after}",
        "      - text: Go on.", f"        goto: {after}"])


def write_prose(folder: Path, files: int = 10, per_file: int = 1_000, seed: int = 1) -> Path:
    """Write a prose-heavy story into ``folder``: ``files`` chapters of ``per_file`` passages,
    each chapter one chain read from a hub to its ending; returns the folder."""
    rng = random.Random(seed)
    _write_setting(folder)
    hub = ["passages:", "  big_start:", "    style: narration", "    text: |", prose(rng, 2, 40), "    choices:"]
    for chapter in range(files):
        hub += [f"      - text: Read chapter {chapter + 1}.", f"        goto: c{chapter}_p0"]
    (folder / "hubs.yaml").write_text("\n".join(hub) + "\n", encoding="utf-8")
    for chapter in range(files):
        passages = [prose_passage(rng, f"c{chapter}_p{n}", f"c{chapter}_p{n + 1}" if n < per_file - 1 else None)
                    for n in range(per_file)]
        (folder / f"chapter_{chapter:02d}.yaml").write_text("passages:\n" + "\n\n".join(passages) + "\n",
                                                              encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prose", action="store_true",
                        help="the prose-heavy shape instead: 10 files of PASSAGES/10 passages, ~1.2 KB of prose each")
    args = parser.parse_args()
    if args.prose:
        write_prose(args.folder, per_file=max(1, args.passages // 10), seed=args.seed)
    else:
        write(args.folder, args.passages, args.seed)
    size = sum(p.stat().st_size for p in args.folder.glob("*.yaml"))
    print(f"{args.folder}: {size / 2**20:.1f} MB")


if __name__ == "__main__":
    main()

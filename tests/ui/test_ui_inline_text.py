"""The window draws what the engine filled in: inline text as the life reads it, never a
brace; and the debrief's pages head a person in the ledger as a person, and an act before
play by the days before the season."""

from __future__ import annotations

import textwrap

from game.engine import Session, load_story
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.play import PlayScene

STORY = {
    "story.yaml": """
        story:
          title: Inline
          start: start
          home: rongcheng
        printable: [savings]
        before:
          set: {savings: 12500}
          record:
            - {behaviour: gave_blood, source: hospital, day: -6}
        """,
    "passages.yaml": """
        subjects:
          cousin: {label: Your cousin Wei, kind: person}
        passages:
          start:
            text: |
              You have {savings} yuan{when savings > 10000:, more than the bank expects}.
              The kettle {boils|sings}.
            choices:
              - text: Vouch for Wei.
                do: [{record: {behaviour: paid_wages_late, source: labour_bureau, subject: cousin}}]
                goto: end
          end: {text: Home., ending: {title: Home}}
        """,
    "rules.yaml": """
        behaviours:
          gave_blood: {label: Gave blood}
          paid_wages_late: {label: Paid late}
        sources:
          hospital: {label: The hospital}
          labour_bureau: {label: The labour bureau}
        jurisdiction:
          id: rongcheng
          name: Rongcheng
          cities: [rongcheng]
          start: 1000
          rules:
            gave_blood: {points: 5, sources: [hospital]}
            paid_wages_late: {points: -20, sources: [labour_bureau]}
          grades: {AAA: 1050, AA: 1030, A: 960, B: 850, C: 600, D: 0}
        """,
}


def inline_story(tmp_path):
    for name, text in STORY.items():
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return load_story(tmp_path)


def test_the_play_screen_draws_the_filled_in_text(make_app, tmp_path):
    story = inline_story(tmp_path)
    app = make_app(size=(1280, 720), story=story)
    drawn: list[str] = []
    app.text.observers.append(drawn.append)
    app.start(PlayScene(app, Session.new(story, seed=1)))
    app.step(0)
    words = " ".join(drawn)
    assert "12,500 yuan, more than the bank expects." in words and "The kettle boils." in words
    assert "{" not in words and "}" not in words


def test_the_debrief_pages_name_a_person_as_a_person_and_days_before_the_season(make_app, tmp_path):
    story = inline_story(tmp_path)
    session = Session.new(story, seed=1)
    session.choose(1)
    app = make_app(size=(1280, 720), story=story)
    scene = DebriefScene(app, session, again=True)
    app.start(scene)
    app.step(0)
    drawn: list[str] = []
    app.text.observers.append(drawn.append)
    for number in range(len(scene.pages)):
        scene.page = number
        scene.draw(app.surface)
    assert "PEOPLE ARE RATED TOO" in drawn and "COMPANIES ARE RATED TOO" not in drawn
    assert any("7 days before" in text for text in drawn)

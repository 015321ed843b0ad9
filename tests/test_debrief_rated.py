"""The debrief's section of the others the system rated is named for what they are: a
company, a person, or both — never a person headed as a company."""

from __future__ import annotations

import pytest

from game import debrief_document
from game.engine import Session, check_story, load_story
from game.terminal import debrief_lines

PASSAGES = """
subjects:
  cousin: {label: Your cousin Wei, kind: person}
passages:
  start:
    text: The loan office.
    choices:
      - text: Vouch for your cousin.
        do: [{record: {behaviour: unpaid_judgment, source: court, subject: cousin}}]
        goto: end
      - text: Vouch, and your employer pays late.
        do:
          - record: {behaviour: unpaid_judgment, source: court, subject: cousin}
          - record: {behaviour: paid_wages_late, source: labour_bureau, subject: employer}
        goto: end
      - text: Only the employer.
        do: [{record: {behaviour: paid_wages_late, source: labour_bureau, subject: employer}}]
        goto: end
  end: {text: Bye., ending: {title: End}}
"""


@pytest.mark.parametrize("choice, title, kicker", [
    (1, "People", "People are rated too"),
    (2, "Companies and people", "Companies and people are rated too"),
    (3, "Companies", "Companies are rated too"),
])
def test_the_rated_section_is_headed_for_the_kinds_of_subject_in_it(story_dir, choice, title, kicker):
    session = Session.new(load_story(story_dir(PASSAGES)), seed=1)
    session.choose(choice)
    debrief = session.debrief()
    (section,) = [s for s in debrief_document.build(debrief, "T").sections if s.heading == "The others in your ledger"]
    assert (section.title, section.kicker) == (title, kicker)
    printed = debrief_lines(debrief)
    assert kicker.upper() in printed
    others = {"People are rated too", "Companies are rated too", "Companies and people are rated too"} - {kicker}
    assert not any(other.upper() in printed for other in others)


def test_a_subject_s_kind_is_company_or_person(story_dir):
    story, problems = check_story(story_dir(PASSAGES.replace("kind: person", "kind: persn")))
    assert story is None
    (message,) = [str(p) for p in problems if p.is_error]
    assert "passages.yaml:3:42: error: a subject's kind is company or person, not 'persn' (did you mean 'person'?)" \
        in message

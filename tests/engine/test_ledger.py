"""The ledger: scores derived from the log, grades, caps, the blacklist, and re-scoring."""

from __future__ import annotations

import pytest

from game.engine import Session, load_story
from game.engine.ledger import Event, blacklist_status, had_it_been_home, is_listed, ledger, standing

EMPTY = """
passages:
  start:
    text: Hello.
    ending: {title: End}
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(EMPTY))


def event(behaviour, source, day=1, city="rongcheng", subject="you"):
    return Event(behaviour, source, day, city, subject)


def test_everyone_starts_at_the_jurisdictions_start(story):
    assert standing([], story.jurisdictions["rongcheng"]) == (1000, "A")


def test_only_listed_sources_feed_a_rule(story):
    rongcheng = story.jurisdictions["rongcheng"]
    assert standing([event("ran_red_light", "traffic_camera")], rongcheng) == (995, "A")
    assert standing([event("ran_red_light", None)], rongcheng) == (1000, "A")
    assert standing([event("ran_red_light", "hospital")], rongcheng) == (1000, "A")


def test_grades_follow_the_thresholds(story):
    rongcheng = story.jurisdictions["rongcheng"]
    lights = [event("ran_red_light", "traffic_camera")] * 9  # -45 → 955, just below A
    assert standing(lights, rongcheng)[1] == "B"
    assert standing([event("gave_blood", "hospital")] * 10, rongcheng)[1] == "AAA"


def test_a_cap_holds_the_grade_down_whatever_the_points(story):
    rongcheng = story.jurisdictions["rongcheng"]
    events = [event("gave_blood", "hospital")] * 20 + [event("ignored_court_order", "court")]
    score, grade = standing(events, rongcheng)
    assert score == 1000 + 100 - 50 and grade == "D"
    full = ledger(story, events, rongcheng)
    assert full.capped_by == "Ignored a court order"


def test_events_elsewhere_do_not_count_at_home_but_do_when_re_scored(story):
    nanjing = story.jurisdictions["nanjing"]
    rongcheng = story.jurisdictions["rongcheng"]
    blood_in_nanjing = [event("gave_blood", "hospital", city="nanjing")]
    assert standing(blood_in_nanjing, rongcheng)[0] == 1000
    assert standing(blood_in_nanjing, nanjing)[0] == 1020
    home = ledger(story, blood_in_nanjing, rongcheng)
    assert [e.city for e in home.not_counted] == ["nanjing"]
    blood_at_home = [event("gave_blood", "hospital")]
    assert standing(blood_at_home, nanjing)[0] == 1000
    assert standing(blood_at_home, nanjing, cities=had_it_been_home(story, nanjing))[0] == 1020


def test_the_same_life_scores_differently_in_each_city(story):
    life = [event("ran_red_light", "traffic_camera"), event("gave_blood", "hospital")]
    scores = {jid: standing(life, j, cities=had_it_been_home(story, j))[0] for jid, j in story.jurisdictions.items()}
    assert scores == {"rongcheng": 1000, "nanjing": 1020}


def test_the_ledger_shows_each_entry_with_a_running_total(story):
    life = [event("ran_red_light", "traffic_camera", day=2), event("gave_blood", "hospital", day=9)]
    full = ledger(story, life, story.jurisdictions["rongcheng"])
    assert [(e.day, e.points, e.running) for e in full.entries] == [(2, -5, 995), (9, 5, 1000)]
    assert full.entries[0].source_label == "Traffic cameras"


def test_the_blacklist_is_its_own_mechanism(story):
    rules = story.blacklist
    listed = [event("unpaid_judgment", "court", day=60)]
    assert is_listed(listed, rules)
    assert not is_listed([event("unpaid_judgment", None)], rules)
    paid = listed + [event("paid_judgment", "court", day=70)]
    assert not is_listed(paid, rules)
    status = blacklist_status(story, paid, rules)
    assert status.ever_listed and not status.listed
    assert [(d, c) for d, _, c in status.history] == [(60, "listed"), (70, "removed")]
    # The list forgets the debt once paid; the points do not.
    assert standing(paid, story.jurisdictions["rongcheng"])[0] == 970


def test_companies_are_rated_separately(story):
    life = [event("paid_wages_late", "labour_bureau", subject="employer")]
    assert standing(life, story.jurisdictions["rongcheng"])[0] == 1000
    assert standing(life, story.jurisdictions["rongcheng"], "employer")[0] == 980
    company = ledger(story, life, story.jurisdictions["rongcheng"], "employer")
    assert company.subject_label == "Shidao Bay Seafood"
    assert ledger(story, life, story.jurisdictions["rongcheng"]).subject_label == "You"


def test_conditions_see_the_derived_grade(story_dir):
    story = load_story(story_dir("""
        passages:
          start:
            text: At the bank.
            do:
              - record: {behaviour: ignored_court_order, source: court}
            variants:
              - when: grade == "D" and blacklisted
                text: The screen stays red.
            ending: {title: End}
        """))
    session = Session.new(story)
    assert "The screen stays red." in session.page.text
    debrief = session.debrief()
    assert debrief.home.grade == "D" and debrief.blacklist.listed
    assert [o.name for o in debrief.others] == ["Nanjing"]


def test_what_a_city_does_not_count_is_listed_by_the_day_it_happened(story):
    # A bank notes a deduction due on the 20th when it is arranged on the 10th; an act of the
    # 15th, logged after it, still comes first.
    events = [event("gave_blood", "hospital", day=142, city="nanjing"), event("helped_stranger", "newspaper", day=136)]
    uncounted = ledger(story, events, story.jurisdictions["rongcheng"]).not_counted
    assert [v.day for v in uncounted] == [136, 142]

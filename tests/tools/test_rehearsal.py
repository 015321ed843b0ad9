"""play --text --start/--set/--record: test a late passage or a variant without playing to it."""

from __future__ import annotations

import pytest

from game.cli import main
from game.engine import load_story
from game.tools.rehearsal import RehearsalError, rehearse

PASSAGES = """
passages:
  start:
    text: Morning.
    choices:
      - {text: Go., goto: hall}
  hall:
    day: 40
    text: The service hall.
    variants:
      - {when: mother_ill, text: You came about Mother.}
      - {when: did(gave_blood) > 0, text: The clerk sees the blood bus on your record.}
    do: [{add: {visits_to_hall: 1}}]
    goto: end
  end:
    text: Home.
    variants: [{when: visits_to_hall > 0, text: A long day.}]
    ending: {title: End}
"""

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables: {mother_ill: false}
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(PASSAGES, header=HEADER))


def test_a_rehearsal_starts_at_the_passage_with_the_state_given_and_its_page_answers_to_it(story):
    session = rehearse(story, seed=1, route="full", start="hall",
                       sets=["mother_ill=true"], records=["gave_blood:hospital"])
    assert session.position == "hall" and session.day == 40
    assert "You came about Mother." in session.page.text
    assert "blood bus on your record" in session.page.text
    assert session.variables["visits_to_hall"] == 1          # the passage's own effects apply
    assert [(e.behaviour, e.source) for e in session.events] == [("gave_blood", "hospital")]


def test_without_a_start_the_rehearsal_begins_at_the_route_s_first_passage(story):
    session = rehearse(story, seed=1, route="full", sets=["mother_ill=true"])
    assert session.position == "start" and session.history[0].passage_id == "start"


@pytest.mark.parametrize("start, sets, records, message", [
    ("hal", [], [], "unknown passage 'hal' (did you mean 'hall'?)"),
    (None, ["mother_il=true"], [], "no variable 'mother_il' (did you mean 'mother_ill'?)"),
    (None, ["mother_ill=yes"], [], "'mother_ill' is true or false"),
    (None, ["visits_to_hall=many"], [], "'visits_to_hall' is a number"),
    (None, ["mother_ill"], [], "write name=value"),
    (None, [], ["gave_blod:hospital"], "unknown behaviour 'gave_blod' (did you mean 'gave_blood'?)"),
    (None, [], ["gave_blood:hospitl"], "unknown source 'hospitl'"),
])
def test_a_flag_the_story_cannot_take_is_a_message(story, start, sets, records, message):
    with pytest.raises(RehearsalError) as caught:
        rehearse(story, seed=1, route="full", start=start, sets=sets, records=records)
    assert message in str(caught.value)


def test_play_text_takes_the_testing_flags(story_dir, capsys, monkeypatch):
    import io
    folder = story_dir(PASSAGES, header=HEADER)
    monkeypatch.setattr("sys.stdin", io.StringIO("\n3\n4\n4\n"))
    code = main(["play", "--text", "--story", str(folder), "--start", "hall", "--set", "mother_ill=true",
                 "--record", "gave_blood:hospital"])
    out = capsys.readouterr().out
    assert code == 0 and "You came about Mother." in out and "A long day." in out


def test_the_testing_flags_are_refused_at_a_kiosk(story_dir, capsys):
    folder = story_dir(PASSAGES, header=HEADER)
    assert main(["--kiosk", "play", "--text", "--story", str(folder), "--start", "hall"]) == 2
    assert "kiosk" in capsys.readouterr().err


def test_a_wrong_flag_stops_play_with_its_message_not_a_traceback(story_dir, capsys):
    folder = story_dir(PASSAGES, header=HEADER)
    assert main(["play", "--text", "--story", str(folder), "--start", "nowhere"]) == 2
    assert "--start: unknown passage 'nowhere'" in capsys.readouterr().err


def test_an_act_can_be_put_on_the_record_against_a_subject_the_story_rates(story):
    session = rehearse(story, seed=1, route="full", start="hall", records=["paid_wages_late:labour_bureau:employer"])
    assert [(e.behaviour, e.source, e.subject) for e in session.events] == [
        ("paid_wages_late", "labour_bureau", "employer")]
    assert session.ask("did", "paid_wages_late") == 0             # the employer's act, not the player's
    with pytest.raises(RehearsalError) as caught:
        rehearse(story, seed=1, route="full", records=["paid_wages_late:labour_bureau:employr"])
    assert "unknown subject 'employr' (did you mean 'employer'?)" in str(caught.value)


def test_a_passage_can_be_counted_as_seen_before_the_life_begins(story):
    session = rehearse(story, seed=1, route="full", start="end", seen=["hall"])
    assert session.ask("seen", "hall") and session.ask("visits", "hall") == 1
    with pytest.raises(RehearsalError) as caught:
        rehearse(story, seed=1, route="full", seen=["hal"])
    assert "--seen: unknown passage 'hal' (did you mean 'hall'?)" in str(caught.value)


def test_play_text_takes_seen_and_a_record_s_subject(story_dir, capsys, monkeypatch):
    import io
    folder = story_dir(PASSAGES.replace("{when: visits_to_hall > 0, text: A long day.}",
                                        "{when: seen(hall), text: You remember the hall.}"), header=HEADER)
    monkeypatch.setattr("sys.stdin", io.StringIO("3\n4\n4\n"))     # the three guesses at the ending
    code = main(["play", "--text", "--story", str(folder), "--start", "end", "--seen", "hall",
                 "--record", "paid_wages_late:labour_bureau:employer"])
    out = capsys.readouterr().out
    assert code == 0 and "You remember the hall." in out

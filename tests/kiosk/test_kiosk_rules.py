"""Kiosk mode's rules without a window: the operator's config, the idle clock, the staff's
corner press and PIN, and the attract screen's lines."""

from __future__ import annotations

import json

import pytest

from game.kiosk_rules import (CORNER_FRACTION, FIRST_LOCK_SECONDS, FREE_TRIES, ConfigError, CornerPress, IdleClock,
                        KioskConfig, PinLock, attract_lines, load_config, parse_config)
from helpers import ROOT


def test_with_no_config_a_kiosk_takes_the_short_route_and_waits_ninety_seconds():
    config = load_config(None)
    assert config == KioskConfig()
    assert (config.route, config.idle_seconds, config.statistics) == ("short", 90.0, False)
    assert not config.staff_exit_possible


def test_the_shipped_example_config_is_valid_but_for_its_pin_which_the_operator_must_change(tmp_path):
    with pytest.raises(ConfigError) as raised:
        load_config(ROOT / "docs" / "kiosk.example.json")
    assert len(raised.value.problems) == 1 and "staff_pin" in raised.value.problems[0]
    example = json.loads((ROOT / "docs" / "kiosk.example.json").read_text(encoding="utf-8"))
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({**example, "staff_pin": "80517"}))
    config = load_config(path)
    assert config.staff_exit_possible and config.route == "short"


def test_every_problem_in_a_config_is_reported_at_once_with_its_key(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({"idle_seconds": 1, "route": "long", "staff_pin": 1234, "colour": "red",
                                "statistics": "yes", "_comment": "notes are allowed"}))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    problems = caught.value.problems
    assert len(problems) == 5
    for key in ("idle_seconds", "route", "staff_pin", "colour", "statistics"):
        assert any(p.startswith(f"{path}: {key}:") for p in problems), key


def test_a_config_that_is_not_json_or_not_there_is_a_config_error(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{idle_seconds: 30")
    with pytest.raises(ConfigError) as caught:
        load_config(broken)
    assert caught.value.problems[0].startswith(str(broken))
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "missing.json")


def test_a_pin_must_be_digits_written_as_text():
    assert parse_config({"staff_pin": "002468"}).staff_pin == "002468"
    for bad in ("12", "12ab", 2468, ""):
        with pytest.raises(ConfigError):
            parse_config({"staff_pin": bad})


def test_the_warning_comes_after_the_idle_time_and_the_visit_ends_after_the_warning():
    clock = IdleClock(idle_seconds=90, warning_seconds=20)
    clock.arm()
    clock.tick(89.5)
    assert not clock.warning and not clock.expired
    clock.tick(1)
    assert clock.warning and clock.seconds_left == pytest.approx(19.5)
    clock.tick(19.4)
    assert clock.warning and not clock.expired
    clock.tick(0.2)
    assert clock.expired and not clock.warning


def test_any_input_starts_the_idle_time_again():
    clock = IdleClock(idle_seconds=10, warning_seconds=5)
    clock.arm()
    clock.tick(12)
    assert clock.warning
    clock.touch()
    assert not clock.warning
    clock.tick(9)
    assert not clock.warning


def test_the_clock_stands_still_while_nobody_is_playing():
    clock = IdleClock(idle_seconds=10, warning_seconds=5)
    clock.tick(100)
    assert not clock.warning and not clock.expired
    clock.arm()
    clock.tick(11)
    clock.disarm()
    assert not clock.warning
    clock.tick(100)
    assert not clock.expired


def test_a_long_press_in_the_corner_asks_for_the_pin_once():
    corner = CornerPress(seconds=5)
    corner.press(0.01, 0.02)
    assert not corner.tick(4.9)
    assert corner.tick(0.2)
    assert not corner.tick(10)          # once per press


@pytest.mark.parametrize("where", [(0.5, 0.5), (CORNER_FRACTION * 1.5, 0.01), (0.01, 0.99)])
def test_a_long_press_anywhere_else_is_a_visitor_s_press(where):
    corner = CornerPress(seconds=5)
    corner.press(*where)
    assert not corner.tick(60)


def test_lifting_or_sliding_out_of_the_corner_cancels_the_press():
    corner = CornerPress(seconds=5)
    corner.press(0.01, 0.01)
    corner.tick(4)
    corner.release()
    assert not corner.tick(4)
    corner.press(0.01, 0.01)
    corner.tick(4)
    corner.move(0.4, 0.4)
    assert not corner.tick(4)


def test_only_the_configured_pin_opens_the_lock():
    lock = PinLock("80517")
    assert not lock.check("1357")
    assert not lock.check("")
    assert lock.check("80517")
    assert not PinLock("").check("")


def test_too_many_wrong_pins_lock_the_pad_for_a_while():
    now = [1000.0]
    lock = PinLock("80517", clock=lambda: now[0])
    for _ in range(FREE_TRIES):
        assert not lock.check("0000")
    assert lock.locked
    assert not lock.check("80517")
    now[0] += FIRST_LOCK_SECONDS - 1
    assert not lock.check("80517")
    now[0] += 1
    assert lock.check("80517")


def test_the_attract_lines_are_whole_sentences_from_the_shipped_story(shipped_story):
    story = shipped_story
    lines = attract_lines(story)
    assert len(lines) >= 5
    texts = " ".join(" ".join(p.text.split()) for p in story.passages.values())
    for line in lines:
        assert 40 <= len(line) <= 120 and line.rstrip("'\"’”)")[-1] in ".!?…"
        assert line in texts


def test_the_example_config_holds_no_pin_and_the_kiosk_asks_for_one_of_the_operator_s_own():
    import json

    from helpers import ROOT

    example = json.loads((ROOT / "docs" / "kiosk.example.json").read_text(encoding="utf-8"))
    assert example["staff_pin"] == ""
    with pytest.raises(ConfigError) as raised:
        parse_config(example, "kiosk.json")
    assert raised.value.problems == ["kiosk.json: staff_pin: write a PIN of your own here, 5 to 12 digits in quotes "
                                     "(or remove the key: then there is no staff exit)"]

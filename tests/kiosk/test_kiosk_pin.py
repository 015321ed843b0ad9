"""The staff PIN against a patient guesser: each wrong PIN past the first few locks the pad
twice as long as the last, the lock outlasts a restart, the example PIN from the docs and the
PINs a visitor tries first are refused at the start, and the config holding the PIN is made
readable by its owner alone."""

from __future__ import annotations

import json
import os
import stat

import pytest

from game.kiosk_rules import (EXAMPLE_PIN, FIRST_LOCK_SECONDS, FREE_TRIES, LONGEST_LOCK_SECONDS, ConfigError,
                        PinLock, load_config, parse_config, protect)


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def guesses_in(seconds: float, lock: PinLock, clock: Clock) -> int:
    """How many PINs a bot gets to try in ``seconds``, trying again the moment the pad opens."""
    end, tried = clock.now + seconds, 0
    while clock.now < end:
        clock.now += max(1.0, lock.seconds_left)
        if clock.now < end:
            lock.check(f"{tried:04d}"[-4:] if tried else "1357")
            tried += 1
    return tried


def test_each_wrong_pin_past_the_first_few_locks_the_pad_twice_as_long_as_the_last():
    clock = Clock()
    lock = PinLock("80517", clock=clock)
    for _ in range(FREE_TRIES - 1):
        lock.check("1357")
        assert not lock.locked
    waits = []
    for _ in range(5):
        lock.check("1357")
        waits.append(lock.seconds_left)
        clock.now += lock.seconds_left
    assert waits == [FIRST_LOCK_SECONDS * 2 ** n for n in range(5)]


def test_a_keyboard_bot_gets_a_few_dozen_tries_a_day_not_hundreds_an_hour():
    clock = Clock()
    lock = PinLock("80517", clock=clock)
    first_day = guesses_in(24 * 3600, lock, clock)
    assert first_day <= 40
    assert guesses_in(24 * 3600, lock, clock) <= 24     # then at most one an hour
    assert lock.seconds_left <= LONGEST_LOCK_SECONDS


def test_the_right_pin_after_the_lock_opens_and_forgives_the_count():
    clock = Clock()
    lock = PinLock("80517", clock=clock)
    for _ in range(FREE_TRIES + 2):
        lock.check("1357")
        clock.now += lock.seconds_left
    assert lock.check("80517")
    assert lock.wrong == 0
    lock.check("1357")
    assert not lock.locked


def test_the_count_and_the_lock_outlast_a_restart(tmp_path):
    clock, state = Clock(), tmp_path / "kiosk-pin.json"
    lock = PinLock("80517", state, clock=clock)
    for _ in range(FREE_TRIES + 1):
        clock.now += lock.seconds_left
        lock.check("1357")
    left = lock.seconds_left
    clock.now += 5
    again = PinLock("80517", state, clock=clock)          # the kiosk was killed and started
    assert again.locked and again.seconds_left == left - 5
    assert not again.check("80517")
    clock.now += again.seconds_left
    again.check("1357")
    assert again.seconds_left == 2 * left               # the count went on where it was


def test_a_clock_turned_back_cannot_lock_the_pad_for_longer_than_the_longest_lock(tmp_path):
    clock, state = Clock(), tmp_path / "kiosk-pin.json"
    state.write_text(json.dumps({"wrong": 9, "locked_until": clock.now + 10 ** 9, "last_wrong": clock.now}))
    assert PinLock("80517", state, clock=clock).seconds_left == LONGEST_LOCK_SECONDS


@pytest.mark.parametrize("text", ["{", "[]", '{"wrong": "many"}', "\u0000" * 10, "x" * 10_000])
def test_a_damaged_lock_state_is_reported_and_the_kiosk_goes_on(tmp_path, text):
    state = tmp_path / "kiosk-pin.json"
    state.write_text(text)
    lock = PinLock("80517", state, clock=Clock())
    assert lock.problem and str(state) in lock.problem
    assert lock.check("80517")


def test_the_example_pin_printed_in_the_docs_is_refused():
    with pytest.raises(ConfigError) as raised:
        parse_config({"staff_pin": EXAMPLE_PIN}, "kiosk.json")
    assert raised.value.problems == [f"kiosk.json: staff_pin: {EXAMPLE_PIN} is the example's PIN, printed in "
                                     "the docs; choose one of your own"]


@pytest.mark.parametrize("pin", ["0000", "1111", "99999999", "1234", "0123456789", "4321", "6789", "987654"])
def test_the_pins_a_visitor_tries_first_are_refused(pin):
    with pytest.raises(ConfigError) as raised:
        parse_config({"staff_pin": pin})
    assert "among the first a visitor would try" in raised.value.problems[0]


@pytest.mark.parametrize("pin", ["80517", "1357", "2580", "112233"])
def test_other_pins_are_taken(pin):
    assert parse_config({"staff_pin": pin}).staff_pin == pin


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_config_holding_the_pin_is_made_readable_by_its_owner_alone(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({"staff_pin": "80517"}))
    path.chmod(0o644)
    assert load_config(path).staff_pin == "80517"
    assert "now 600" in protect(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert protect(path) is None                       # already private: nothing to say

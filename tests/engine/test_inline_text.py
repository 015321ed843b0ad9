"""Inline text: braces inside a paragraph, read by the game's own reader when the story
loads and filled in from the life when a page is composed."""

from __future__ import annotations

from typing import Any

import pytest

from game.engine.inline_text import Arrival, Printed, fill, read, refill


class Life:
    """A state with the variables given; every question answers nothing."""

    def __init__(self, **variables: Any) -> None:
        self.values = variables

    def variable(self, name: str) -> Any:
        return self.values.get(name, False)

    def builtin(self, name: str) -> Any:
        return 1

    def ask(self, question: str, subject: str) -> Any:
        return 0


def filled(text: str, visit: int = 1, seed: int = 0, **variables: Any) -> str:
    reading = read(text)
    assert reading.problems == [], reading.problems
    return fill(reading.template, Life(**variables), Arrival("p", visit, seed))[0]


# -- {when …} -------------------------------------------------------------------------------------

def test_when_text_shows_only_while_its_condition_holds():
    text = "The clerk {when polite: smiles and} waves you on."
    assert filled(text, polite=True) == "The clerk smiles and waves you on."
    # The piece takes a space with it: never 'clerk  waves'.
    assert filled(text, polite=False) == "The clerk waves you on."


def test_the_first_case_that_holds_is_shown_and_otherwise_when_none_does():
    text = "{when rich: A taxi. | when tired: The bus. | otherwise: You walk.}"
    assert filled(text, rich=True, tired=True) == "A taxi."
    assert filled(text, tired=True) == "The bus."
    assert filled(text) == "You walk."


def test_a_piece_that_opens_the_text_or_shows_nothing_leaves_no_stray_space():
    assert filled("{when x: Early.} Then the bus.") == "Then the bus."
    assert filled("Then the bus {when x: came}.") == "Then the bus."


def test_conditions_are_the_story_s_own_language_and_may_quote_a_colon():
    assert filled('{when name == "a:b": Matched.}', name="a:b") == "Matched."


# -- alternatives ---------------------------------------------------------------------------------

def test_a_sequence_shows_the_next_on_each_visit_and_sticks_on_the_last():
    text = "The kettle {boils|sings|whistles again}."
    assert [filled(text, visit=n) for n in (1, 2, 3, 4, 9)] == [
        "The kettle boils.", "The kettle sings.", "The kettle whistles again.",
        "The kettle whistles again.", "The kettle whistles again."]


def test_a_cycle_goes_round_and_once_shows_each_then_nothing():
    assert [filled("{&odd|even}", visit=n) for n in (1, 2, 3, 4)] == ["odd", "even", "odd", "even"]
    # Spaces around each alternative are dropped: a sentence's own spaces are written outside.
    assert [filled("A dog barks{!, twice |, once}.", visit=n) for n in (1, 2, 3)] == [
        "A dog barks, twice.", "A dog barks, once.", "A dog barks."]


def test_a_shuffle_is_drawn_from_the_life_s_seed_so_the_same_life_reads_the_same():
    text = "A {~red|blue|green|white|black} bus."
    first = [filled(text, visit=n, seed=7) for n in range(1, 30)]
    assert first == [filled(text, visit=n, seed=7) for n in range(1, 30)]     # a replay reads alike
    assert len(set(first)) > 1                                                # it does shuffle
    assert first != [filled(text, visit=n, seed=8) for n in range(1, 30)]     # another life, another draw


# -- printing ----------------------------------------------------------------------------------

def test_a_printed_variable_shows_its_value_with_the_thousands_marked():
    assert filled("You have {savings} yuan.", savings=12500) == "You have 12,500 yuan."
    assert filled("{name} waves.", name="Liu Fang") == "Liu Fang waves."
    assert read("{ savings }").template.parts == (Printed("savings"),)


def test_braces_nest_and_escapes_write_the_characters_themselves():
    assert filled("{when paid: You have {savings} yuan.}", paid=True, savings=40) == "You have 40 yuan."
    assert filled(r"A brace \{, a bar \| and a backslash \\.") == "A brace {, a bar | and a backslash \\."


# -- what the reader refuses, and where ---------------------------------------------------------

@pytest.mark.parametrize("text, at, words", [
    ("Open { never closed", 5, "this '{' is not closed"),
    ("A stray } here", 8, "a '}' that closes no '{'"),
    ("{when rich A taxi.}", 6, "with a ':' after the condition"),
    ("{when rich: A taxi. | The bus.}", 22, "write 'when CONDITION:' or 'otherwise:'"),
    ("{when a: x | otherwise: y | otherwise: z}", 26, "'otherwise' is the last case"),
    ("{otherwise: y}", 0, "not a variable's name"),
    ("{}", 0, "empty braces"),
    ("{two words}", 0, "'{two words}' is not a variable's name"),
    ("{when savings >= : x}", 16, "in condition: condition ends too soon"),
    ("{a|{b|{c|{d|{e|{f|{g|{h|{i|j}}}}}}}}}", 24, "nested more than 8 deep"),
])
def test_a_bad_brace_is_a_problem_at_its_offset(text, at, words):
    problems = read(text).problems
    assert len(problems) == 1 and problems[0][0] == at and words in problems[0][1], problems


def test_a_brace_closes_within_its_paragraph():
    problems = read("{when a: one\n\ntwo}").problems
    assert problems[0] == (0, "this '{' is not closed by a '}' in its paragraph; write '\\{' for the character "
                              "itself")


def test_every_bad_brace_of_a_text_is_found_at_once():
    problems = read("{} and {two words} and }").problems
    assert [offset for offset, _ in problems] == [0, 7, 23]


def test_a_text_read_again_from_what_its_pieces_showed_is_the_text_as_read():
    reading = read("You have {savings} yuan. The kettle {boils|sings}.")
    text, shown = fill(reading.template, Life(savings=40), Arrival("p", 2, 0))
    assert shown == ["40", "sings"]
    assert refill(reading.template, shown) == (text, 2)
    # Pieces a changed story no longer has words for show nothing.
    assert refill(reading.template, ["40"])[0] == "You have 40 yuan. The kettle."

"""The condition language: what it accepts, what it refuses, and how it answers."""

from __future__ import annotations

import pytest

from game.engine.conditions import MAX_DEPTH, ConditionError, Grade, parse


class FakeState:
    def __init__(self, variables=None, grade="A", seen=(), did=None, blacklisted=False, day=3, city="rongcheng"):
        self.variables = variables or {}
        self.grade = grade
        self.seen = set(seen)
        self.did = did or {}
        self.blacklisted = blacklisted
        self.day = day
        self.city = city

    def variable(self, name):
        return self.variables.get(name, False)

    def builtin(self, name):
        return {"grade": Grade(self.grade), "blacklisted": self.blacklisted, "day": self.day,
                "city": self.city, "score": 1000}[name]

    def ask(self, question, subject):
        if question == "seen":
            return subject in self.seen
        if question == "visits":
            return 1 if subject in self.seen else 0
        if question in ("did", "observed"):
            return self.did.get(subject, 0)
        return Grade(self.grade)


def holds(text: str, **state) -> bool:
    return parse(text).holds(FakeState(**state))


def test_numbers_and_variables_compare():
    assert holds("savings >= 500", variables={"savings": 500})
    assert not holds("savings >= 500", variables={"savings": 499})
    assert holds("savings - 100 == 400", variables={"savings": 500})
    assert holds("-3 < 0")


def test_and_binds_tighter_than_or():
    assert holds("true or false and false")
    assert not holds("(true or false) and false")


def test_not_and_flags():
    assert holds("not mother_ill")
    assert not holds("not mother_ill", variables={"mother_ill": True})


def test_grades_compare_by_rank_not_alphabet():
    assert holds('grade >= "A"', grade="AAA")
    assert holds('grade >= "A"', grade="A")
    assert not holds('grade >= "A"', grade="B")
    assert holds('grade < "AA"', grade="A")
    assert holds('grade == "D"', grade="D")


def test_questions_about_the_past():
    assert holds("seen(bank_counter) and did(gave_blood) > 0", seen={"bank_counter"}, did={"gave_blood": 1})
    assert not holds("seen(bank_counter)")


def test_strings_day_city_and_blacklist():
    assert holds('city == "nanjing" and day > 40', city="nanjing", day=41)
    assert holds("blacklisted", blacklisted=True)
    assert holds("job_status == 'steady'", variables={"job_status": "steady"})


def test_mismatched_types_are_false_not_errors():
    assert not holds('savings > "many"', variables={"savings": 3})
    assert not holds("flag == 1", variables={"flag": True})


@pytest.mark.parametrize("text, offset, words", [
    ("savings = 3", 8, "'=='"),
    ("a && b", 2, "'and'"),
    ("a and", 5, "ends too soon"),
    ("(a", 2, "')'"),
    ("a < b < c", 6, "chained"),
    ('city == "nanjing', 8, "unterminated"),
    ("os.system('x')", 2, "unexpected character '.'"),
    ("eval(x)", 0, "unknown question"),
    ("seen", 0, "is a question"),
    ("1234567890123456 > 0", 0, "15 digits"),
    ("a b", 2, "unexpected 'b'"),
])
def test_mistakes_name_the_place(text, offset, words):
    with pytest.raises(ConditionError) as caught:
        parse(text)
    assert words in str(caught.value)
    assert caught.value.offset == offset


def test_hostile_input_is_refused_cleanly():
    with pytest.raises(ConditionError, match="nested more than"):
        parse("(" * (MAX_DEPTH + 5) + "true" + ")" * (MAX_DEPTH + 5))
    with pytest.raises(ConditionError, match="nested more than"):
        parse("not " * (MAX_DEPTH + 5) + "true")
    with pytest.raises(ConditionError, match="characters long"):
        parse("a and " * 200 + "a")
    with pytest.raises(ConditionError):
        parse("__import__('os')")


def test_long_flat_chains_within_the_limit_work():
    text = " and ".join(["true"] * 50)
    assert parse(text).holds(FakeState())

"""Reading a story file: every value YAML cannot make, and every character a screen would obey,
is a located problem reported with the rest of the file's problems, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.engine import StoryError, check_story, load_story
from game.engine.located import read_yaml
from helpers import LOCATED


def read(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    node, problems = read_yaml(path, "file.yaml")
    shown = [str(p) for p in problems]
    assert all(LOCATED.match(p) for p in shown), shown
    return node, shown


def story_problems(story_dir, passages: str) -> list[str]:
    story, problems = check_story(story_dir(passages))
    shown = [str(p) for p in problems]
    assert story is None and all(LOCATED.match(p) for p in shown), shown
    return shown


def only(problems: list[str], text: str) -> str:
    matches = [p for p in problems if text in p]
    assert len(matches) == 1, f"{text!r} should be reported once; got:\n" + "\n".join(problems)
    return matches[0]


@pytest.mark.parametrize("value, words", [
    ("1" * 5000, "at most 15 digits; this one has 5,000"),
    ("1" * 4000, "at most 15 digits"),  # within Python's own limit, still no number a story needs
    ("!!int " + "9" * 5000, "at most 15 digits"),
    ("!!bool \"maybe\"", "'maybe' cannot be read as true or false"),
    ("!!int \"twelve\"", "'twelve' cannot be read as a whole number"),
    ("!!int \"\"", "'' cannot be read as a whole number"),
    ("!!int 0x", "'0x' cannot be read as a whole number"),
    ("!!float \"lots\"", "'lots' cannot be read as a number"),
    ("!!float \"\"", "'' cannot be read as a number"),
    ("1.0e+999", "'1.0e+999' is not a number a story can use"),
    ("!!float 1.0e+999", "is not a number a story can use"),
    (".inf", "'.inf' is not a number a story can use"),
    ("-.inf", "is not a number a story can use"),
    (".nan", "'.nan' is not a number a story can use"),
    ("!!binary aGVsbG8=", "tag 'tag:yaml.org,2002:binary' is not allowed"),
    ("!!python/name:os.system ''", "is not allowed"),
    ("1:2:3:4:5:6:7:8:9:10:11:12:13:14:15", "at most 15 digits"),
])
def test_a_value_yaml_cannot_make_is_located_and_the_rest_of_the_file_still_checked(story_dir, value, words):
    problems = story_problems(story_dir, f"""
passages:
  start:
    text: Hello.
    do:
      - add: {{savings: {value}}}
    style: phon
    ending: {{title: End}}
""")
    problem = only(problems, words)
    assert "passages.yaml:6:24: error:" in problem
    # The file's other problems come in the same report, and nothing more about this value.
    assert any("unknown style 'phon'" in p for p in problems)
    assert not any("'add' needs a number" in p for p in problems)


def test_dates_are_kept_as_the_text_written(tmp_path):
    node, problems = read(tmp_path, "a: 2024-10-01\nb: !!timestamp nonsense\nc: 2001-12-14t21:59:43.10-05:00\n")
    assert problems == []
    assert node.plain() == {"a": "2024-10-01", "b": "nonsense", "c": "2001-12-14t21:59:43.10-05:00"}


def test_a_bad_number_where_a_whole_number_is_needed_is_reported_once(story_dir):
    problems = story_problems(story_dir, """
passages:
  start:
    day: !!int "twelve"
    text: Hello.
    ending: {title: End}
""")
    only(problems, "passages.yaml:4:10: error: 'twelve' cannot be read as a whole number")
    assert len(problems) == 1, problems


def test_load_story_raises_a_story_error_not_a_value_error(story_dir):
    folder = story_dir("""
passages:
  start:
    day: 99999999999999999999999999999999999999999999999
    text: Hello.
    ending: {title: End}
""")
    with pytest.raises(StoryError) as caught:
        load_story(folder)
    assert "at most 15 digits" in caught.value.report()


def test_problems_before_a_syntax_error_are_reported_with_it(tmp_path):
    _, problems = read(tmp_path, "a: !!bool maybe\nb: [unclosed\n")
    assert any("file.yaml:1:4: error: 'maybe' cannot be read" in p for p in problems)
    assert any("YAML syntax" in p for p in problems)


def test_aliases_and_duplicate_keys_do_not_hide_the_rest_of_the_file(tmp_path):
    node, problems = read(tmp_path, "a: &x 1\nb: *x\nc: 2\nc: 3\nd: !!bool maybe\n")
    assert any("file.yaml:2:4: error: aliases" in p for p in problems)
    assert any("file.yaml:4:1: error: duplicate key 'c' (first at line 3)" in p for p in problems)
    assert any("file.yaml:5:4: error: 'maybe' cannot be read" in p for p in problems)
    assert node.plain()["c"] == 2


def test_a_file_of_nothing_but_mistakes_stops_after_a_limit(tmp_path):
    _, problems = read(tmp_path, "".join(f"k{i}: !!bool maybe\n" for i in range(500)))
    assert len(problems) == 51
    assert "stopped reading it here" in problems[-1]


# -- keys and words YAML 1.1 turns into truth values -----------------------------------------

@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "true", "True", "y", "n"])
def test_a_key_is_reported_as_written(story_dir, word):
    problems = story_problems(story_dir, f"""
passages:
  start:
    text: Hello.
    {word}: 3
    ending: {{title: End}}
""")
    only(problems, f"passages.yaml:5:5: error: unknown key '{word}' in passage 'start'")


@pytest.mark.parametrize("word, reading", [("on", "true"), ("off", "false"), ("yes", "true"), ("No", "false")])
def test_text_yaml_reads_as_true_or_false_is_reported_once_as_written(story_dir, word, reading):
    problems = story_problems(story_dir, f"""
passages:
  start:
    text: {word}
    ending: {{title: End}}
""")
    only(problems, f"passages.yaml:4:11: error: text '{word}' is read by YAML as {reading}; "
                   f"write it in quotes (\"{word}\") if you mean the word")
    assert len(problems) == 1, problems


def test_choice_and_ending_titles_that_read_as_true_or_false_are_reported_once_each(story_dir):
    problems = story_problems(story_dir, """
passages:
  start:
    text: Hello.
    choices:
      - text: off
        goto: end
  end:
    text: Bye.
    ending: {title: yes}
""")
    assert len(problems) == 2, problems
    only(problems, "passages.yaml:6:15: error: a choice's text 'off' is read by YAML as false")
    only(problems, "passages.yaml:10:21: error: an ending's title 'yes' is read by YAML as true")


def test_ids_are_read_as_written(story_dir):
    story = load_story(story_dir("""
passages:
  start:
    text: Hello.
    goto: yes
  yes:
    text: Bye.
    ending: {title: End}
"""))
    assert story.passages["start"].goto[0].to == "yes"
    assert "yes" in story.passages


def test_a_condition_is_read_in_its_own_language_not_as_yaml(story_dir):
    problems = story_problems(story_dir, """
passages:
  start:
    text: Hello.
    variants:
      - when: yes
        text: Odd.
      - when: True
        text: Odder.
    ending: {title: End}
""")
    only(problems, "passages.yaml:6:15: error: in condition: 'yes' is never set by the story")
    only(problems, "'True' is never set by the story (did you mean 'true'?)")


# -- characters a screen would obey instead of showing -----------------------------------------

REFUSED = ["\x1b", "\x07", "\x08", "\x0b", "\x7f", "\x85", "\x9b", "\x9d", "\u202a", "\u202e", "\u2066",
           "\u2069", "\u2028",
           # invisible: direction marks, zero-width space and joiner, word joiner, a byte-order
           # mark inside the text, a tag character
           "\u200f", "\u200e", "\u061c", "\u200b", "\u200d", "\u2060", "\ufeff", "\U000e0041"]


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
def test_a_control_character_written_into_text_is_refused_at_its_own_place(story_dir, char):
    problems = story_problems(story_dir, f"""
passages:
  start:
    text: |
      The clerk looks at her screen.
      She says noth{char}ing.
    ending: {{title: End}}
""")
    problem = only(problems, f"U+{ord(char):04X}")
    assert "passages.yaml:6:20: error:" in problem
    assert "cannot appear in a story file" in problem


def test_a_stack_of_combining_marks_is_refused_where_it_starts_and_two_accents_are_not(story_dir):
    problems = story_problems(story_dir, """
passages:
  start:
    text: |
      The clerk looks at her screen.
      She says nothin\u0301\u0302\u0303\u0304g. Tie\u0302\u0301n waves.
    ending: {title: End}
""")
    problem = only(problems, "combining marks")
    assert "passages.yaml:6:22: error: 4 combining marks stacked on one letter" in problem


@pytest.mark.parametrize("escape, code", [
    ("\\e]52;c;cm0gLXJmIH4=\\a", "U+001B"),  # an OSC 52 clipboard write
    ("\\x1b[2J", "U+001B"),
    ("\\u202e", "U+202E"),
    ("\\U00002067", "U+2067"),
    ("\\x9b", "U+009B"),
    ("\\r", "U+000D"),
    ("\\N", "U+0085"),
    ("\\0", "U+0000"),
])
def test_a_control_character_written_as_an_escape_is_refused_at_the_escape(story_dir, escape, code):
    problems = story_problems(story_dir, f"""
passages:
  start:
    text: Hello.
    choices:
      - text: "Pay the {escape}bill"
        goto: end
  end:
    text: Bye.
    ending: {{title: End}}
""")
    problem = [p for p in problems if code in p][0]
    assert "passages.yaml:6:24: error:" in problem


def test_every_string_that_reaches_a_screen_is_covered(story_dir):
    problems = story_problems(story_dir, """
passages:
  start:
    title: "Bank\\e"
    speaker: "Ms.\\e Qu"
    text: Hello.
    variants:
      - when: blacklisted
        text: "No\\e."
    goto: end
  end:
    text: Bye.
    ending:
      title: "End\\e"
      debrief: "Over\\e."
      questions: ["Why\\e?"]
behaviours:
  odd: {label: "Odd\\e"}
sources:
  odd_source: "Odd\\e source"
""")
    lines = sorted(int(re.search(r"passages\.yaml:(\d+):", p).group(1)) for p in problems if "U+001B" in p)
    assert lines == [4, 5, 9, 14, 15, 16, 18, 20]


def test_tabs_newlines_and_ordinary_unicode_are_welcome(tmp_path):
    node, problems = read(tmp_path, "a: \"Line\\tone\\nline two\"\nb: 荣成市 — «ça va»\r\nc: done\n")
    assert problems == []
    assert node.plain() == {"a": "Line\tone\nline two", "b": "荣成市 — «ça va»", "c": "done"}


def test_columns_count_characters_not_bytes(tmp_path):
    _, problems = read(tmp_path, "a: 荣成市\u202e\n")
    assert problems[0].startswith("file.yaml:1:7: error: U+202E")


def test_yaml_merge_keys_are_refused_by_name_and_a_bare_equals_sign_is_text(tmp_path):
    node, problems = read(tmp_path, "a:\n  <<: {b: 1}\nc: =\n")
    assert problems == ["file.yaml:2:3: error: merge keys ('<<') are not allowed in story files; write the keys out"]
    assert node.plain()["c"] == "="


def test_a_passage_cannot_print_a_debrief_heading_of_its_own_before_the_real_one(story_dir):
    # A fake "Debrief" with a rule under it and a made-up score would read, in the terminal,
    # as the game's own debrief opening early.
    problems = story_problems(story_dir, """
passages:
  start:
    text: |
      The clerk looks at her screen.

      Debrief
      =======
      Final score: 1,200. Grade: AAA.
    ending: {title: End}
""")
    assert any("passages.yaml:7:7: error: a line reading 'Debrief'" in p for p in problems), problems
    assert any("passages.yaml:8:7: error: a line reading '======='" in p for p in problems), problems

"""Inline text in a story: each mistake located where it is written, printing only what the
story declares printable (never the hidden record), and pages, saves and the debrief that
read it filled in."""

from __future__ import annotations

import json

import pytest

from game.engine import Session, check_story, load_story
from game.engine.compiled import check_cached
from game.engine.loading.build import check_files

HEADER = """
story:
  title: Test
  start: start
  home: rongcheng
  variables: {savings: 2500, polite: true, clerk: Ms. Qu}
printable: [savings, clerk]
"""

PASSAGES = """
passages:
  start:
    text: |
      You have {savings} yuan. {clerk} {when polite: smiles and} waves you on.
      The kettle {boils|sings|whistles again}. A {~red|blue|green} bus passes.
    variants:
      - when: savings > 1000
        text: "{when polite: 'Enough for the train,' she says.}"
    choices:
      - text: Spend a little.
        do: [{add: {savings: -2000}}, {set: {polite: false}}]
        goto: start
      - {text: Go home., goto: home}
  home:
    text: Home.
    ending:
      title: Home
      debrief:
        text: You came home with {savings} yuan{when savings < 1000:, and no train ticket}.
"""


def problems_in(story_dir, passages: str, header: str = HEADER) -> list[str]:
    _, problems = check_story(story_dir(passages, header=header))
    return [str(p) for p in problems]


def one(problems: list[str], words: str) -> str:
    found = [p for p in problems if words in p]
    assert len(found) == 1, "\n".join(problems)
    return found[0]


# -- located mistakes ---------------------------------------------------------------------------

def test_a_bad_brace_in_a_block_of_text_is_pointed_at_on_its_own_line(story_dir):
    problems = problems_in(story_dir, """
        passages:
          start:
            text: |
              A first line.
              Then {when polite smiles}.
            ending: {title: End}
        """)
    # passages.yaml line 6 (the file opens with a blank line), at the condition after 'Then {when'.
    assert "passages.yaml:6:18: error:" in one(problems, "with a ':' after the condition")


def test_a_condition_inside_braces_is_checked_like_any_other_and_located_at_its_name(story_dir):
    problems = problems_in(story_dir, """
        passages:
          start:
            text: "The clerk {when politte: smiles}."
            ending: {title: End}
        """)
    assert "passages.yaml:4:28: error:" in one(problems, "'politte' is never set by the story (did you mean 'polite'?)")


def test_printing_a_variable_not_declared_printable_is_refused_where_it_is_printed(story_dir):
    problems = problems_in(story_dir, """
        passages:
          start:
            text: |
              Mother is {polite} and you owe {debt} yuan.
            do: [{set: {debt: 30}}]
            ending: {title: End}
        """)
    assert "passages.yaml:5:39: error:" in one(problems, "'debt' is not declared printable")
    assert "(printable: clerk, savings)" in one(problems, "'debt' is not declared printable")
    assert one(problems, "'polite' is not declared printable")


@pytest.mark.parametrize("name, words", [
    ("score", "'score' is never printed: the player's score and standing are never shown during play"),
    ("grade", "'grade' is never printed"),
    ("blacklisted", "'blacklisted' is never printed"),
    ("day", "'day' is built in and cannot be printed"),
])
def test_the_hidden_record_is_never_printed_whatever_the_story_declares(story_dir, name, words):
    problems = problems_in(story_dir, f"""
        passages:
          start:
            text: "You stand at {{{name}}}."
            ending: {{title: End}}
        """, HEADER.replace("printable: [savings, clerk]", f"printable: [savings, {name}]"))
    assert len([p for p in problems if words in p]) == 2, problems   # the list, and the text
    assert any("story.yaml:7:" in p and words in p for p in problems)


def test_a_flag_or_a_name_the_story_never_sets_cannot_be_declared_printable(story_dir):
    problems = problems_in(story_dir, "passages:\n  start: {text: Hi., ending: {title: End}}\n",
                           HEADER.replace("printable: [savings, clerk]", "printable: [polite, savngs]"))
    assert "'polite' is a flag" in one(problems, "'polite' is a flag")
    assert "(did you mean 'savings'?)" in one(problems, "'savngs' is never set by the story")


def test_braces_in_a_choice_s_words_are_shown_as_written_and_check_says_so(story_dir):
    story, problems = check_story(story_dir("""
        passages:
          start:
            text: Hi.
            choices:
              - {text: "Pay {savings} yuan.", goto: end}
          end: {text: Bye., ending: {title: End}}
        """, header=HEADER))
    assert story is not None
    assert "passages.yaml:6:16: warning:" in one([str(p) for p in problems], "a choice's words are shown as written")


# -- pages, saves and the debrief ------------------------------------------------------------

@pytest.fixture
def story(story_dir):
    return load_story(story_dir(PASSAGES, header=HEADER))


def test_the_page_the_front_ends_are_given_is_filled_in(story):
    session = Session.new(story, seed=3)
    text = session.page.text
    assert "{" not in text and "}" not in text
    assert text.startswith("You have 2,500 yuan. Ms. Qu smiles and waves you on. The kettle boils.")
    assert text.endswith("'Enough for the train,' she says.")
    session.choose(1)
    assert session.page.text.startswith("You have 500 yuan. Ms. Qu waves you on. The kettle sings.")
    assert "train" not in session.page.text   # the variant no longer holds, and its text says nothing


def test_the_same_seed_reads_the_same_and_a_shuffle_draws_no_chance_of_the_story_s(story):
    first, again = Session.new(story, seed=11), Session.new(story, seed=11)
    for session in (first, again):
        for _ in range(4):
            session.choose(1)
    assert [h.text for h in first.history] == [h.text for h in again.history]
    assert not first.chances            # the fixture story rolls nothing; a shuffle is no roll


def test_a_saved_game_keeps_each_page_of_its_history_as_it_was_read(story):
    session = Session.new(story, seed=3)
    session.choose(1)
    session.choose(1)
    saved = json.loads(json.dumps(session.to_json()))
    assert saved["history"][0]["shown"][:3] == ["2,500", "Ms. Qu", "smiles and"]
    loaded = Session.from_json(story, saved)
    assert [h.text for h in loaded.history] == [h.text for h in session.history]
    assert loaded.history[0].text.startswith("You have 2,500 yuan.")     # not the 0 it holds now


def test_the_debrief_s_text_is_filled_in_from_the_life_at_its_end(story):
    session = Session.new(story, seed=3)
    session.choose(1)
    session.choose(2)
    assert session.debrief().ending_text == "You came home with 500 yuan, and no train ticket."


def test_a_story_with_inline_text_comes_back_whole_from_the_compiled_cache(story_dir, tmp_path):
    folder = story_dir(PASSAGES, header=HEADER)
    cache = tmp_path / "cache"
    built, _ = check_cached(folder, [], cache, check_files)
    kept, _ = check_cached(folder, [], cache, check_files)
    assert kept is not None and kept.inline == built.inline and kept.inline
    read = Session.new(kept, seed=3)
    assert read.page.text == Session.new(built, seed=3).page.text

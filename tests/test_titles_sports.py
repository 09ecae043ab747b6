"""Sides and their people (kg/extract/rules/titles.py, kg/extract/cues.py): a player's role before a name
makes the player a member of the side named before it, even where NER missed the side; a side's bare
coach or manager heads it; a fund manager or an assistant coach does not."""

import pytest

from extracted import fact_triples

pytestmark = pytest.mark.model

PEOPLE = ("memberOf", "heads", "leaderOf")

TABLE = [
    # a side NER missed at a sentence's start: its name recurs in the text
    ("Bath lock Steve Borthwick was injured in the first half. The win lifted Bath to third.",
     [("Steve Borthwick", "memberOf", "Bath")]),
    ("Arsenal striker Thierry Henry scored twice. The result left Arsenal top.",
     [("Thierry Henry", "memberOf", "Arsenal FC")]),  # a well-known club: its canonical name
    ("England fly-half Jonny Wilkinson missed the match.", [("Jonny Wilkinson", "memberOf", "England")]),
    ("Celtic winger Aiden McGeady scored the winner. It was a good night for Celtic.",
     [("Aiden McGeady", "memberOf", "Celtic")]),
    ("Manchester City defender Richard Dunne was sent off.", [("Richard Dunne", "memberOf", "Manchester City")]),
    ("Gloucester coach Nigel Melville was pleased with the win.", [("Nigel Melville", "heads", "Gloucester")]),
    ("Tottenham manager Martin Jol praised his players.", [("Martin Jol", "heads", "Tottenham")]),
    ("Spurs boss Martin Jol said his team were robbed. Jol was angry at Spurs' luck.",
     [("Martin Jol", "heads", "Tottenham Hotspur")]),
    # regression: "the Scotland coach" was resolved to the one coach named before, and he led Scotland too
    ("England coach Andy Robinson was angry. He spoke as the Scotland coach Matt Williams had done.",
     [("Andy Robinson", "heads", "England"), ("Matt Williams", "heads", "Scotland")]),
    ("Leicester hooker George Chuter was banned for two weeks.", [("George Chuter", "memberOf", "Leicester")]),
    ("The injury to Wasps centre Stuart Abbott worried the coach.", [("Stuart Abbott", "memberOf", "Wasps")]),
    # a well-known club opening a sentence, which NER misses and the text names once
    ("Arsenal boss Arsene Wenger called for video technology.", [("Arsene Wenger", "heads", "Arsenal FC")]),
    # rows that must yield no membership or leadership
    ("The Leeds shopping centre was closed on Sunday.", []),
    ("Former striker Alan Shearer said the side had improved.", []),
    # regression: an adjective opening a sentence was read as a side ("Inspirational" had a flanker)
    ("Inspirational flanker Serge Betsen was missing. France lost.", []),
    ("Tennis player Anna Kournikova was at the launch.", []),
    ("Fund manager Tom Reed said the shares were cheap.", []),
    ("Chelsea assistant coach Steve Clarke spoke to reporters.", []),
]


@pytest.mark.parametrize("text, expected", TABLE)
def test_titles_sports_table(text, expected):
    assert sorted(t for t in fact_triples(text) if t[1] in PEOPLE) == sorted(expected)


def test_titles_sports_role_end_past_the_last_word_is_none():
    # regression: a role looked for after a name closing the text read past the Doc's end (IndexError)
    from kg.extract.cues import _role_end
    from kg.extract.nlp import load_model
    doc = load_model()("Bath lock")
    assert _role_end(doc, 1) == 2
    assert _role_end(doc, len(doc)) is None

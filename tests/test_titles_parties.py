"""Parties and their people (kg/extract/rules/titles.py, locatives.py): a party's leader or chairman heads
it, its staff ("election chief") work for it; any other title a party's name gives makes a member
("Labour MP", "Tory lord chancellor", "Labour mayor"), never an employee or a leader of the party."""

import pytest

from extracted import fact_triples

pytestmark = pytest.mark.model

PEOPLE = ("memberOf", "heads", "leaderOf", "worksFor")

TABLE = [
    ("Labour MP Diane Abbott criticised the plan.", [("Diane Abbott", "memberOf", "Labour Party")]),
    ("Former Tory lord chancellor Lord Mackay called for the advice to be published.",
     [("Mackay", "memberOf", "Conservative Party")]),
    ("Labour mayor Ken Livingstone refused to apologise.", [("Ken Livingstone", "memberOf", "Labour Party")]),
    # the party on the title, not on the name: "MP" is a job's title
    ("Tory MP Jonathan Sayeed is to stand down on the grounds of ill health.",
     [("Jonathan Sayeed", "memberOf", "Conservative Party")]),
    ("However, backbench Labour MP Karen Buck warned against proposed changes.",
     [("Karen Buck", "memberOf", "Labour Party")]),
    ("Tory leader Michael Howard spoke in Leeds.", [("Michael Howard", "heads", "Conservative Party")]),
    ("Liberal Democrat leader Charles Kennedy attacked the budget.",
     [("Charles Kennedy", "heads", "Liberal Democrats")]),
    # the party's staff work for it
    ("Labour election chief Alan Milburn unveiled the posters.", [("Alan Milburn", "worksFor", "Labour Party")]),
    # a union's general secretary heads it
    ("The TUC general secretary, Brendan Barber, welcomed the deal.",
     [("Brendan Barber", "heads", "Trades Union Congress")]),
    # rows that must yield no membership, post or leadership
    ("Labour voters in Leeds stayed at home.", []),
    ("The Tory campaign posters were unveiled on Monday.", []),
]


@pytest.mark.parametrize("text, expected", TABLE)
def test_titles_parties_table(text, expected):
    assert sorted(t for t in fact_triples(text) if t[1] in PEOPLE) == sorted(expected)

"""A minister named with no state serves the state the article is about (kg/extract/rules/titles.py,
home_post): the country it names most, at least twice and more than any other."""

import pytest

from extracted import fact_triples

pytestmark = pytest.mark.model

TABLE = [
    ("Britain will change the law. It is fair, said courts minister Ann Leslie. Critics in Britain disagree.",
     [("Ann Leslie", "worksFor", "United Kingdom")]),
    ("Japan's economy grew. Economy Minister Kenji Sato said Japan would recover.",
     [("Kenji Sato", "worksFor", "Japan")]),
    # rows that must yield no post: the country named once, two countries named as often, a region's leader
    ("It is fair, said courts minister Ann Leslie. Critics in Britain disagree.", []),
    ("France and Germany disagree. Minister Ann Leslie said France and Germany must talk.", []),
    ("Britain will change the law, said First Minister Ann Leslie. Critics in Britain disagree.", []),
]


@pytest.mark.parametrize("text, expected", TABLE)
def test_titles_home_table(text, expected):
    assert sorted(t for t in fact_triples(text) if t[1] == "worksFor") == sorted(expected)

"""Where places lie, read from capitals, parts, possessors, bracketing commas and lists of places."""

import pytest

from extracted import fact_triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("The agency said in a report from Yerevan, the capital of Armenia.", ("Yerevan", "locatedIn", "Armenia")),
    ("Bosnia's capital, Sarajevo, is best known as the site of the assassination.",
     ("Sarajevo", "locatedIn", "Bosnia and Herzegovina")),
    ("The RPF has rescued 2,000 people in Bugesera in the southeastern part of Rwanda.",
     ("Bugesera", "locatedIn", "Rwanda")),
    ("Clashes broke out in Kidal in northern Mali.", ("Kidal", "locatedIn", "Mali")),
    ("The opera company performed at the Palace of Fine Arts, in San Francisco, on June 30.",
     ("Palace of Fine Arts", "locatedIn", "San Francisco")),
    ("Demonstrators raised the statue in Beijing's Tiananmen Square on May 30.",
     ("Tiananmen Square", "locatedIn", "Beijing")),
    ("Flooding was reported throughout Brazoria, Fort Bend and Galveston in southeast Texas.",
     ("Brazoria", "locatedIn", "Texas")),
    ("Fighting continued in Donetsk, Luhansk and Mariupol in eastern Ukraine.", ("Luhansk", "locatedIn", "Ukraine")),
    ("A dealer at a U.S. bank in Frankfurt, West Germany, said rates were falling.",
     ("Frankfurt", "locatedIn", "Germany")),
])
def test_placefacts_located(text, expected):
    facts = fact_triples(text)
    assert expected in facts, facts


@pytest.mark.parametrize("text", [
    "He met Biden in Washington in March.",  # a month is no town
    "Biden, Macron and Scholz met in Paris.",  # a list of people lies nowhere
    "Washington's ally Kyiv asked for more weapons.",
])
def test_placefacts_nothing_located(text):
    facts = fact_triples(text)
    assert not any(p == "locatedIn" for _, p, _ in facts), facts

"""Where places lie, read from capitals, parts, possessors, bracketing commas and lists of places."""

import pytest

from extracted import fact_triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("The ministry said in a statement from Baku, the capital of Azerbaijan.", ("Baku", "locatedIn", "Azerbaijan")),
    ("Bosnia's capital, Sarajevo, hosted the Winter Olympics in 1984.",
     ("Sarajevo", "locatedIn", "Bosnia and Herzegovina")),
    ("The Red Cross has sheltered 3,000 people in Gulu in the northern part of Uganda.",
     ("Gulu", "locatedIn", "Uganda")),
    ("Clashes broke out in Kidal in northern Mali.", ("Kidal", "locatedIn", "Mali")),
    ("The orchestra played at the Hollywood Bowl, in Los Angeles, on July 4.",
     ("Hollywood Bowl", "locatedIn", "Los Angeles")),
    ("Crowds gathered in Moscow's Red Square on May 9.",
     ("Red Square", "locatedIn", "Moscow")),
    ("Snow fell across Erie, Niagara and Chautauqua in western New York.",
     ("Erie", "locatedIn", "New York")),
    ("Fighting continued in Donetsk, Luhansk and Mariupol in eastern Ukraine.", ("Luhansk", "locatedIn", "Ukraine")),
    ("A trader at a Japanese bank in Munich, West Germany, said the mark had risen.",
     ("Munich", "locatedIn", "Germany")),
    # the place hangs on the noun a name modifies; continents contain places too
    ("Snow fell on the Altiplano plateau in western Bolivia.", ("Altiplano", "locatedIn", "Bolivia")),
    ("The Kalahari desert in Africa is dry.", ("Kalahari", "locatedIn", "Africa")),
    # the parser hangs the second preposition on the verb
    ("The bus crashed on a trip to Nairobi from Eldoret in western Kenya.", ("Eldoret", "locatedIn", "Kenya")),
    # a direction between the comma and the containing place
    ("Fighting broke out in Gulu, northern Uganda.", ("Gulu", "locatedIn", "Uganda")),
])
def test_placefacts_located(text, expected):
    facts = fact_triples(text)
    assert expected in facts, facts


@pytest.mark.parametrize("text", [
    "He met Biden in Washington in March.",  # a month is no town
    "Biden, Macron and Scholz met in Paris.",  # a list of people lies nowhere
    "Washington's ally Kyiv asked for more weapons.",
    "They are building eight Las Vegas style casinos in the UK.",  # a name qualifying a thing is no place there
])
def test_placefacts_nothing_located(text):
    facts = fact_triples(text)
    assert not any(p == "locatedIn" for _, p, _ in facts), facts


def test_placefacts_a_factory_in_a_city_is_no_seat():
    facts = fact_triples("The Tesla factory in Berlin opened.")
    assert not any(p == "basedIn" for _, p, _ in facts), facts


@pytest.mark.parametrize("text, expected", [
    ("Dan Meridor, one of the best-known lawyers in Israel, says the ruling was wrong.",
     ("Dan Meridor", "livesIn", "Israel")),
    ("Ann Lee, a lawyer in Boston, filed the suit.", ("Ann Lee", "livesIn", "Boston")),
])
def test_placefacts_described_residence(text, expected):
    facts = fact_triples(text)
    assert expected in facts, facts

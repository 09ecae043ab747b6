"""A player's nationality on his name: "Briton Tom Hale", "American Lisa Ray" (kg.extract.rules.locatives,
kg.extract.spans.nationality_before_name), and a match score NER ran into a country's name."""

import pytest

from extracted import fact_triples
from kg.extract.extractor import extract
from kg.model import Document

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("Briton Tom Hale beat Ivan Petrov 6-2 6-3 in Rotterdam.", ("Tom Hale", "citizenOf", "United Kingdom")),
    ("Top seed Maria Lind lost to American Lucy Marsh in Doha.", ("Lucy Marsh", "citizenOf", "United States")),
    ("She faces German Anna Vogt in the first round.", ("Anna Vogt", "citizenOf", "Germany")),
    ("Seventh-seeded Austrian Karl Berger survived an injury scare.", ("Karl Berger", "citizenOf", "Austria")),
])
def test_locatives_nationality_on_a_full_name(text, expected):
    facts = fact_triples(text)
    assert expected in facts, facts


@pytest.mark.parametrize("text, fact", [
    # a description resolved to a person is not the person's name: the Irish captain is another man
    ("All Blacks captain Tana Mako will meet Brian Doyle on Saturday, with the Irish captain leading the side.",
     ("Tana Mako", "citizenOf", "Ireland")),
    ("Australian Idol winner Guy Sebastian won the award.", ("Idol", "citizenOf", "Australia")),
    ("Former Irish international Tom Brennan could join the squad.", ("Tom Brennan", "worksFor", "Irish")),
])
def test_locatives_nationality_yields_nothing(text, fact):
    assert fact not in fact_triples(text)


@pytest.mark.parametrize("text, labels, absent", [
    ("Briton Tom Hale beat Ivan Petrov in Rotterdam.", {"Tom Hale", "United Kingdom"}, "Briton Tom Hale"),
    ("Pavel Hrdy of the Czech Republic 7-5 6-3 won again.", {"Czechia"}, "Czech Republic 7-5 6-3"),
    ("Mr Saleh, executive director of Korea Development Bank - one of the creditors - said more.",
     {"Korea Development Bank"}, "Korea Development Bank - one"),
])
def test_locatives_names_lose_the_nationality_and_the_score(text, labels, absent):
    found = {e.label for e in extract(Document("t", text, "2021-04-03")).entities}
    assert labels <= found and absent not in found, found

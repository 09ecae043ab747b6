"""One node per real-world entity, with the right type and a clean label."""

import pytest

from kg.extraction import extract
from kg.model import Document

pytestmark = pytest.mark.model


def entities_of(text):
    return {e.label: e for e in extract(Document("t", text, "2021-04-03")).entities}


def test_entities_spelling_variants_merge():
    ents = entities_of("President Volodymyr Zelensky spoke. Later Volodymyr Zelenskiy wrote. Zelenskiy said more.")
    people = [e for e in ents.values() if e.type == "Person"]
    assert len(people) == 1 and len(people[0].mentions) == 3


def test_entities_surname_and_honorific_merge_to_full_name():
    ents = entities_of("Vladimir Putin arrived in Paris. Mr Putin then met officials. Putin left on Monday.")
    assert "Vladimir Putin" in ents and ents["Vladimir Putin"].type == "Person"
    assert len(ents["Vladimir Putin"].mentions) == 3
    assert "Putin" not in ents


def test_entities_two_people_same_surname_stay_apart():
    ents = entities_of("George Bush met Jeb Bush in Texas. George Bush then flew home.")
    assert "George Bush" in ents and "Jeb Bush" in ents


def test_entities_possessive_and_determiner_stripped():
    ents = entities_of("Biden affirmed the United States' unwavering support for Ukraine's sovereignty.")
    assert "United States" in ents and "Ukraine" in ents
    assert not any(label.endswith(("'", "'s")) or label.startswith("the ") for label in ents)


def test_entities_country_short_forms_are_one_country_with_geonames():
    ents = entities_of("U.S. officials said the United States will act. The US embassy agreed.")
    us = ents["United States"]
    assert us.type == "Country" and us.iso_code == "US"
    assert us.same_as == ("https://sws.geonames.org/6252001/",)
    assert len(us.mentions) == 3


def test_entities_capital_as_actor_is_the_state():
    ents = entities_of("Washington has been Ukraine's most powerful ally.")
    assert "United States" in ents and "Washington" not in ents


def test_entities_capital_as_place_stays_a_city():
    ents = entities_of("The summit was held in Washington last year.")
    assert ents["Washington"].type == "City"


def test_entities_context_makes_a_place():
    ents = entities_of("Russia's annexation of Crimea in 2014 angered Kyiv. Fighting goes on in the Donbass and Crimea.")
    assert ents["Crimea"].type in ("Place", "Region")

"""The shipped knowledge of well-known organisations, parties and people: types and short forms."""

import pytest

from kg.extract import gazetteer


def test_gazetteer_known_entities_are_typed_and_point_at_listed_names():
    known = gazetteer.known_entities()
    assert {kind for kind, _ in known.values()} == {"Organization", "Person"}
    assert all(canonical in known and known[canonical] == (kind, canonical) for kind, canonical in known.values())


@pytest.mark.parametrize("name, kind, canonical", [
    ("Tories", "Organization", "Conservative Party"),
    ("Lib Dems", "Organization", "Liberal Democrats"),
    ("Republicans", "Organization", "Republican Party"),
    ("ECB", "Organization", "European Central Bank"),
    ("Lula", "Person", "Luiz Inacio Lula da Silva"),
    ("Van Rompuy", "Person", "Herman Van Rompuy"),
    ("Honda", "Organization", "Honda"),
    ("Lula da Silva", "Person", "Luiz Inacio Lula da Silva"),
])
def test_gazetteer_known_names_and_short_forms(name, kind, canonical):
    assert gazetteer.known_type(name) == kind
    assert gazetteer.canonical_name(name) == canonical


@pytest.mark.parametrize("name", ["Total", "Virgin", "Ford", "Abbey", "NEC", "Liberal", "Washington", "Leigh"])
def test_gazetteer_ambiguous_words_are_not_known_names(name):
    # a word that is also a common word, a person's or a place's name is left to the context
    assert gazetteer.known_type(name) is None and not gazetteer.known_organization(name)


@pytest.mark.parametrize("word, place", [
    ("Czech", "Czechia"), ("Czechs", "Czechia"), ("South Koreans", "South Korea"),  # a people's plural too
    ("European", "Europe"), ("Asians", "Asia"),  # a continent's people or things
    ("Texas", None), ("Poles", None),  # no plural of a nationality word we list
])
def test_gazetteer_demonym_place(word, place):
    found = gazetteer.demonym_place(word)
    assert (found.name if found else None) == place

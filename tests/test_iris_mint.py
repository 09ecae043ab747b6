"""IRIs minted from arbitrary text are valid, deterministic and bounded."""

import unicodedata

import pytest
from rdflib import Graph, Literal, URIRef

from kg.rdf.iris import document_iri, entity_iri, segment


def test_iris_entity_is_deterministic_and_typed():
    assert entity_iri("Joe Biden", "Person") == entity_iri("Joe Biden", "Person")
    assert str(entity_iri("Joe Biden", "Person")).endswith("/person/Joe_Biden")
    # a City and a Country share the place namespace; a Person of the same name does not
    assert entity_iri("Georgia", "Country") == entity_iri("Georgia", "City")
    assert entity_iri("Washington", "Person") != entity_iri("Washington", "City")


def test_iris_nfc_composed_and_decomposed_are_one():
    composed = unicodedata.normalize("NFC", "Café")
    decomposed = unicodedata.normalize("NFD", "Café")
    assert composed != decomposed
    assert entity_iri(composed, "Organization") == entity_iri(decomposed, "Organization")


@pytest.mark.parametrize("text", [
    "a\nb", "tab\there", "quote\"s", "<angle>", "back\\slash", "brace}{", "space  d", "\x00nul", "é" * 300,
    "100% sure", "a/b?c#d", "",
])
def test_iris_hostile_text_gives_valid_iri(text):
    iri = str(entity_iri(text, "Person"))
    assert not any(c in iri for c in ' \n\t"<>\\{}|^`') and all(0x20 < ord(c) < 0x7f for c in iri)
    assert len(segment(text)) <= 120
    graph = Graph()
    graph.add((URIRef(iri), URIRef("http://x/p"), Literal(text)))
    assert len(Graph().parse(data=graph.serialize(format="nt"), format="nt")) == 1


def test_iris_long_names_stay_distinct():
    assert segment("x" * 200 + "a") != segment("x" * 200 + "b")


def test_iris_document_path_is_one_segment():
    assert "%2F" in str(document_iri("seeds/a.txt"))

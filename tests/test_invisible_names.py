"""Invisible characters (zero-width, BOM, bidi controls, soft hyphen) never reach a label, a merge key
or an IRI, and every offset still points at the text as given."""

import pytest

from kg.extract.extractor import extract
from kg.extract.mentions import match_key
from kg.invisible import original_span, remove_invisible, strip_invisible
from kg.model import Document
from kg.rdf.iris import entity_iri


@pytest.mark.parametrize("text, clean", [
    ("Jo\u200be Biden", "Joe Biden"),
    ("\ufeffAngela Merkel", "Angela Merkel"),
    ("Mar\u00adgaret Thatcher", "Margaret Thatcher"),
    ("\u202bBen\u202c Bradshaw", "Ben Bradshaw"),
    ("Tony\u2066 Blair\u2069", "Tony Blair"),
    ("Gordon Brown", "Gordon Brown"),  # nothing to remove
    ("caf\u00e9 cr\u00e8me", "caf\u00e9 cr\u00e8me"),  # accents are visible: kept
])
def test_invisible_removed_from_text(text, clean):
    assert remove_invisible(text) == clean
    assert entity_iri(text, "Person") == entity_iri(clean, "Person")
    assert match_key(text) == match_key(clean)


def test_invisible_offsets_map_back_to_the_original():
    text = "a\u200bbc\ufeffd"
    cleaned, positions = strip_invisible(text)
    assert cleaned == "abcd" and positions is not None
    assert original_span(positions, 0, 4) == (0, 6)
    assert text[slice(*original_span(positions, 2, 4))] == "c\ufeffd"
    assert strip_invisible("plain") == ("plain", None)


@pytest.mark.model
@pytest.mark.parametrize("text, names", [
    ("President Jo\u200be Biden met Angela Merkel. Joe Biden left.", {"Joe Biden", "Angela Merkel"}),
    ("\ufeffGordon Brown spoke in Lon\u00addon on Monday.", {"Gordon Brown", "London"}),
    ("The \u200fchairman of Ba\u200dr\u200cclays, Marcus Agius, resigned.", {"Barclays", "Marcus Agius"}),
    ("\u200b\u200b it was a quiet day \u2066\u2069 for everyone.", set()),
])
def test_invisible_never_reach_labels_and_offsets_stay_right(text, names):
    extraction = extract(Document("t", text, "2021-04-03"))
    labels = {e.label for e in extraction.entities}
    assert names <= labels
    assert not any(remove_invisible(name) != name for e in extraction.entities for name in (e.label, *e.aliases))
    spans = [m for e in extraction.entities for m in e.mentions]
    spans += [s for f in extraction.facts for s in (f.sentence, f.subject_mention, f.object_mention)]
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert extraction.document.text == text


@pytest.mark.model
def test_invisible_zero_width_name_is_one_entity_with_the_clean_one():
    extraction = extract(Document("t", "Jo\u200be Biden spoke. Later Joe Biden left.", "2021-04-03"))
    people = [e for e in extraction.entities if e.type == "Person"]
    assert [p.label for p in people] == ["Joe Biden"] and len(people[0].mentions) == 2


@pytest.mark.parametrize("text, clean", [
    ("B&#233;ziers", "B\u00e9ziers"),
    ("Caf&#xE9; Rouge", "Caf\u00e9 Rouge"),
    ("AT&amp;T and M&amp;S", "AT&T and M&S"),
    ("AT&T stays", "AT&T stays"),  # no semicolon: no reference
    ("&bogus; stays", "&bogus; stays"),  # a name html does not know
    ("Jo&#8203;e", "Joe"),  # a reference to an invisible character
])
def test_invisible_character_references_decoded(text, clean):
    cleaned, positions = strip_invisible(text)
    assert cleaned == clean
    if positions is not None:  # every cleaned character maps back onto what stood for it
        assert text[slice(*original_span(positions, 0, len(cleaned)))] == text


@pytest.mark.model
def test_invisible_character_reference_names_one_entity_and_offsets_stay_right():
    text = "Pascal Pap&#233; joined B&#233;ziers. Later Pascal Pap\u00e9 left B\u00e9ziers for Paris."
    extraction = extract(Document("t", text, "2021-04-03"))
    labels = {e.label for e in extraction.entities}
    assert "Pascal Pap\u00e9" in labels and not any("&#" in label for label in labels), labels
    people = [e for e in extraction.entities if e.type == "Person"]
    assert [p.label for p in people] == ["Pascal Pap\u00e9"]  # the decoded name and the written one: one node
    spans = [m for e in extraction.entities for m in e.mentions]
    spans += [s for f in extraction.facts for s in (f.sentence, f.subject_mention, f.object_mention)]
    assert all(text[s.start:s.end] == s.text for s in spans)

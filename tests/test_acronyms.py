"""Short forms the text defines (kg/extract/acronyms.py): an acronym NER missed is a mention of the name
it is defined after, there and wherever it stands alone later; capitals after a firm's noun name a firm."""

import pytest

from kg.extract.acronyms import defines, initials
from kg.extract.extractor import extract
from kg.model import Document

pytestmark = pytest.mark.model


def _entities(text):
    """Return {label: (type, sorted mention texts)} of a text's entities."""
    return {e.label: (e.type, sorted(m.text for m in e.mentions)) for e in extract(Document("t", text)).entities}


@pytest.mark.parametrize("name, short, expected", [
    ("Pension Benefit Guaranty Corporation", "PBGC", True),
    ("Yuganskneftegas", "Yugansk", True),
    ("British Phonographic Industry", "BPA", False),
    ("Pension Benefit Guaranty Corporation", "Pension", False),  # the whole first word is no short form
    ("Association for Payment Clearing Services", "Apacs", True),  # a word holding the initials in order
    ("Office of Communications", "Ofcom", True),
    ("Department for Environment, Food and Rural Affairs", "Defra", True),
    ("European Aeronautic Defence and Space Company", "Airbus", False),
    ("Royal Dutch Shell", "Netherlands", False),
    ("Bank of England", "Barclays", False),  # no C after the B
])
def test_acronyms_defines(name, short, expected):
    assert defines(name, short) is expected


def test_acronyms_initials_of_hyphenated_words():
    assert initials("Organisation des Nations-Unies") == "ONU"  # small words give no letter


def test_acronyms_defined_after_a_name_are_its_mentions_later_too():
    text = ("The Pension Benefit Guaranty Corporation (PBGC) took over the plans. "
            "The PBGC said it would pay.")
    found = _entities(text)
    assert found["Pension Benefit Guaranty Corporation"] == (
        "Organization", ["PBGC", "PBGC", "Pension Benefit Guaranty Corporation"])


def test_acronyms_after_a_firms_noun_name_a_firm():
    text = "French stock market regulator AMF has filed complaints against Vivendi. Vivendi was fined by AMF."
    assert _entities(text)["AMF"] == ("Organization", ["AMF", "AMF"])


@pytest.mark.parametrize("text", [
    "The state's gross domestic product (GDP) rose by 2%.",  # defined, but after no name
    "Output fell, and GDP growth slowed in the third quarter.",
])
def test_acronyms_undefined_capitals_stay_unnamed(text):
    assert "GDP" not in _entities(text)

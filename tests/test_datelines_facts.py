"""Wire datelines -> the agency has a bureau in the place; other sentences that open with a place -> nothing."""

import pytest

from extracted import fact_triples as facts_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("BANGKOK, Thailand (AP) -- Police arrested two men on Monday.",
     {("AP", "hasBureauIn", "Bangkok"), ("AP", "hasBureauIn", "Thailand")}),
    ("MEXICO CITY (AP) -- The peso fell again.", {("AP", "hasBureauIn", "Mexico City")}),
    ("Paris (AFP) - President Emmanuel Macron said on Monday he would visit Kyiv.",
     {("AFP", "hasBureauIn", "Paris")}),
    ("(Text) Moscow March 5 (ITAR-TASS) -- Moscow newspapers concentrate on the speeches.",
     {("ITAR-TASS", "hasBureauIn", "Moscow")}),
    ("JN0704183294 Paris Radio Monte Carlo in Arabic 1700 GMT 7 Apr 94",
     {("Radio Monte Carlo", "hasBureauIn", "Paris")}),
])
def test_datelines_agency_has_a_bureau_in_the_place(text, expected):
    facts = facts_of(text)
    assert expected <= facts, facts


@pytest.mark.parametrize("text", [
    "Kyiv, Ukraine's capital, was shelled by Russia overnight.",
    "London's Metropolitan Police said the man had been arrested.",
    "Paris, Berlin and NATO agreed on new sanctions.",
    "Grand Rapids, Mich.",  # regression: a place closing the text made the dateline reader index past the end
])
def test_datelines_no_bureau_without_a_dateline(text):
    facts = facts_of(text)
    assert not any(p == "hasBureauIn" for _, p, _ in facts), facts

"""Wire datelines -> the agency has a bureau in the place; other sentences that open with a place -> nothing."""

import pytest

from extracted import fact_triples as facts_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("HANOI, Vietnam (AP) -- Police arrested two men on Monday.",
     {("AP", "hasBureauIn", "Hanoi"), ("AP", "hasBureauIn", "Vietnam")}),
    ("NAIROBI (AP) -- The shilling fell again.", {("AP", "hasBureauIn", "Nairobi")}),
    ("Paris (AFP) - Prime Minister Elisabeth Borne said on Monday she would visit Kyiv.",
     {("AFP", "hasBureauIn", "Paris")}),
    ("(Text) Moscow June 12 (ITAR-TASS) -- The State Duma passed the budget on Friday.",
     {("TASS", "hasBureauIn", "Moscow")}),
    # a monitoring service writes the broadcaster or paper after the city, the paper in capitals
    ("NC1203150994 Paris Radio Orient in Arabic 1500 GMT 12 Sep 94", {("Radio Orient", "hasBureauIn", "Paris")}),
    ("Cabinet Approves Reform Plan PM1203121294 Moscow ROSSIYSKAYA GAZETA in Russian 12 Mar 94 p 3",
     {("ROSSIYSKAYA GAZETA", "hasBureauIn", "Moscow")}),
    ("Osaka ASAHI SHIMBUN", {("ASAHI SHIMBUN", "hasBureauIn", "Osaka")}),
])
def test_datelines_agency_has_a_bureau_in_the_place(text, expected):
    facts = facts_of(text)
    assert expected <= facts, facts


@pytest.mark.parametrize("text", [
    "Kyiv, Ukraine's capital, was shelled by Russia overnight.",
    "London's Metropolitan Police said the man had been arrested.",
    "Paris, Berlin and NATO agreed on new sanctions.",
    "Kyiv UNDER SIEGE",  # a headline's capitals name no agency
    "Ann Arbor, Mich.",  # regression: a place closing the text made the dateline reader index past the end
])
def test_datelines_no_bureau_without_a_dateline(text):
    facts = facts_of(text)
    assert not any(p == "hasBureauIn" for _, p, _ in facts), facts

"""Places past the first one named, and the country a nationality word in an organisation's name stands for."""

import pytest

from extracted import fact_triples as facts_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, fact", [
    ("Acme Tools Inc. of Dayton, Ohio, said it would cut 200 jobs.", ("Acme Tools Inc.", "basedIn", "Ohio")),
    ("A spokesman for Zenith Electronics, based in Glenview, Ill., declined to comment.",
     ("Zenith Electronics", "basedIn", "Illinois")),
    ("Jane Doe, 41, of Fresno, Calif., was injured in the crash.", ("Jane Doe", "livesIn", "California")),
    ("The Peruvian Congress voted on Thursday to remove the president of Peru.",
     ("Peruvian Congress", "basedIn", "Peru")),
    # the parser hangs the town on a word inside the name
    ("Researchers at the Institute of Botany of Kunming found a new orchid.",
     ("Institute of Botany", "basedIn", "Kunming")),
    # a possessed place noun still places the town
    ("The quake leveled Cusco, Peru's old capital.", ("Cusco", "locatedIn", "Peru")),
    # a name in apposition to a describing noun, and each name of a list a plural noun describes
    ("The US maker, Motorola, held a clinic for operators.", ("Motorola", "basedIn", "United States")),
    ("Nigerian banks United Bank and Standard Trust Bank agreed to merge.",
     ("Standard Trust Bank", "basedIn", "Nigeria")),
])
def test_orgplaces_found(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text, absent", [
    # a possessive after the comma opens a new phrase: neither London nor the embassy is in Peru
    ("The offer was relayed by the Mexican Embassy in London, Peru's representative there.",
     ("London", "locatedIn", "Peru")),
    ("The offer was relayed by the Mexican Embassy in London, Peru's representative there.",
     ("Mexican Embassy", "basedIn", "Peru")),
    # a nationality word standing alone is no second mention of the country
    ("The Croatian Democratic Union won, a Croatian official said.",
     ("Croatian Democratic Union", "basedIn", "Croatia")),
    ("The Bank of America said profits rose.", ("Bank of America", "basedIn", "United States")),
])
def test_orgplaces_absent(text, absent):
    assert absent not in facts_of(text)

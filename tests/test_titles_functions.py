"""Titles that head a function, not the organisation (kg/extract/rules/titles.py): "BA director of commercial
planning", "Yahoo's head of consumer services" work for it; "head of state", "chairman of the board", and a
noun the organisation's name gives ("the head of the Naftohaz company") still lead. And "X from Y": a person
from an organisation works for it (kg/extract/rules/locatives.py)."""

import pytest

from extracted import fact_triples

pytestmark = pytest.mark.model

PEOPLE = ("memberOf", "heads", "leaderOf", "worksFor")

TABLE = [
    # a function's head works for the organisation
    ("Tesco head of communications Jane Smith said sales rose.", [("Jane Smith", "worksFor", "Tesco")]),
    ("Nick Hazel, Yahoo's head of consumer services in the UK, said so.", [("Nick Hazel", "worksFor", "Yahoo")]),
    ("said Anil Aggarwal, Peoplesoft's director of database markets.", [("Anil Aggarwal", "worksFor", "Peoplesoft")]),
    ("Ed Graczyk, director of marketing for Microsoft, told the BBC.", [("Ed Graczyk", "worksFor", "Microsoft")]),
    # a noun the organisation's name gives is the organisation: its head leads it
    ("The head of the state-owned Naftohaz company, Yury Boyko, said he was happy.",
     [("Yury Boyko", "heads", "Naftohaz")]),
    ("Li Ruigang, president of the broadcaster Shanghai Media Group, spoke.",
     [("Li Ruigang", "heads", "Shanghai Media Group")]),
    # regression: a union's name right after its noun, however parsed, is the union
    ("But general secretary of the public services union Unison Dave Prentis criticised the plans.",
     [("Dave Prentis", "heads", "Unison")]),
    # a title the parser lost between the organisation and the name: read from the words as written
    ("Arsenal vice-chairman David Dein has said the club may consider a move.",
     [("David Dein", "worksFor", "Arsenal FC")]),
    ("Airbus head Noel Forgeard is now set to go.", [("Noel Forgeard", "heads", "Airbus")]),
    ("And Newcastle's 18-year-old centre Mathew Tait is set to stand in.", [("Mathew Tait", "memberOf", "Newcastle")]),
    ("A Labour Party spokesman criticised Michael Howard.", []),
    # one property of a pair in a sentence, the most specific: "heads" implies "worksFor" ("of Acme Foods")
    ("John Smith, chief executive of Acme Foods, said so.", [("John Smith", "heads", "Acme Foods")]),
    # a person from an organisation works for it; from a place, lives there
    ("Jane Smith from the IMF said growth would slow.", [("Jane Smith", "worksFor", "International Monetary Fund")]),
    ("Jim Parton, from Families Need Fathers, said the proposals lacked compulsion.",
     [("Jim Parton", "worksFor", "Families Need Fathers")]),
    ("said Suhas Naik, an investment analyst from ING Mutual Fund.", [("Suhas Naik", "worksFor", "ING Mutual Fund")]),
    # rows that must yield no post: a letter from an organisation, an amount in apposition
    ("John Smith received a letter from the IMF.", []),
    ("A letter from Tesco reached John Smith on Monday.", []),
]


@pytest.mark.parametrize("text, expected", TABLE)
def test_titles_functions_table(text, expected):
    assert sorted(t for t in fact_triples(text) if t[1] in PEOPLE) == sorted(expected)


def test_amount_in_apposition_is_no_description():
    # regression: "Thales, 30% of Europe" made Thales basedIn Europe
    text = "According to Benoit Joly from telecoms firm Thales, 30% of Europe cannot get satellite TV."
    assert not [t for t in fact_triples(text) if t[1] == "basedIn"]

"""Deal and court shapes the catalogue's verbs and nouns miss (kg/extract/rules/deals.py, courts.py):
stakes bought and held, owners named by "-owned" and "controlled by", units and brands, sales, lists of
investors, cases taken to court, legal action, fines imposed. Rows that must yield nothing are planned,
threatened, barred or given-away versions of the same shapes."""

import pytest

from extracted import fact_triples

pytestmark = pytest.mark.model

DEALS = ("acquired", "ownerOf", "investedIn", "sued", "fined")

TABLE = [
    # a stake bought names its firm
    ("Northwind Bank has bought a majority stake in Harbour Credit Bank.",
     [("Northwind Bank", "acquired", "Harbour Credit Bank")]),
    ("Kestrel Oil bought 49% of Dunmore Petroleum last week.", [("Kestrel Oil", "acquired", "Dunmore Petroleum")]),
    # a firm noun named by its modifier is that firm; a unit named by one is the modifier's
    ("Kestrel Oil bought the Dunmore oil company last year.", [("Kestrel Oil", "acquired", "Dunmore")]),
    ("Kestrel Oil bought the Dunmore Petroleum unit last year.", []),
    # a stake held: investment, or ownership when it controls
    ("Halvard Group already holds a 33% stake in Tramway Partners.",
     [("Halvard Group", "investedIn", "Tramway Partners")]),
    ("Halvard Group holds a majority stake in Tramway Partners.", [("Halvard Group", "ownerOf", "Tramway Partners")]),
    ("Halvard Group's stake in Tramway Partners is worth £2bn.", [("Halvard Group", "investedIn", "Tramway Partners")]),
    # owners named by a participle
    ("Vostok Energy, which is majority-owned by the Russian state, reported a loss.",
     [("Russia", "ownerOf", "Vostok Energy")]),
    ("Banco Meridional, controlled by Suezon Holdings, is in talks with the government.",
     [("Suezon Holdings", "ownerOf", "Banco Meridional")]),
    ("Skyline Air, an airline owned by Martin Crowe, flies to Dublin.", [("Martin Crowe", "ownerOf", "Skyline Air")]),
    # units, arms and brands
    ("Redwater Petroleum Company, the main production unit of Vostok Energy, was seized.",
     [("Vostok Energy", "ownerOf", "Redwater Petroleum Company")]),
    ("Lumen Holdings is focusing on its best-selling brands including Aurelle Cosmetics.",
     [("Lumen Holdings", "ownerOf", "Aurelle Cosmetics")]),
    # a relative clause's object is the name it hangs on; an appositive's clause is its name's
    ("Halvard Group, which Kestrel Oil bought last year, reported a profit.",
     [("Kestrel Oil", "acquired", "Halvard Group")]),
    ("Kestrel Oil, the company that eventually acquired Dunmore Petroleum, is state-owned.",
     [("Kestrel Oil", "acquired", "Dunmore Petroleum")]),
    # phrasal verbs of buying, said of a firm
    ("Kestrel Oil took over Dunmore Petroleum in October 2004.", [("Kestrel Oil", "acquired", "Dunmore Petroleum")]),
    ("Dunmore Petroleum, which was snapped up days later by Halvard Group, is hiring.",
     [("Halvard Group", "acquired", "Dunmore Petroleum")]),
    # a sale names its buyer
    ("Kestrel Oil sold its stake in Dunmore Petroleum to the Halvard Group in 2004.",
     [("Halvard Group", "acquired", "Dunmore Petroleum")]),
    ("Dunmore Petroleum was sold to Halvard Group in March.", [("Halvard Group", "acquired", "Dunmore Petroleum")]),
    # a firm's investors listed
    ("Harbour Credit Bank has some foreign investors, including Alder Capital.",
     [("Alder Capital", "investedIn", "Harbour Credit Bank")]),
    # courts and fines
    ("Norvik Motors took Zhenfa Industries to court over its logo.", [("Norvik Motors", "sued", "Zhenfa Industries")]),
    ("Norvik Motors has launched legal action against Zhenfa Industries.",
     [("Norvik Motors", "sued", "Zhenfa Industries")]),
    # a lawsuit's parties hung on the verb that files or brings it
    ("A lawsuit filed by Norvik Motors against Zhenfa Industries was dismissed on Monday.",
     [("Norvik Motors", "sued", "Zhenfa Industries")]),
    ("The lawsuit was brought by Norvik Motors against Zhenfa Industries.",
     [("Norvik Motors", "sued", "Zhenfa Industries")]),
    ("Norvik Motors filed suit against Zhenfa Industries in Delaware.", [("Norvik Motors", "sued", "Zhenfa Industries")]),
    ("The Financial Conduct Authority imposed a penalty on Northwind Bank.",
     [("Financial Conduct Authority", "fined", "Northwind Bank")]),
    # rows that must yield nothing
    ("Kestrel Oil is in talks to buy a stake in Dunmore Petroleum.", []),
    ("Kestrel Oil is offloading its stake in Dunmore Petroleum.", []),
    ("Kestrel Oil may sell its stake in Dunmore Petroleum to Halvard Group.", []),
    ("Norvik Motors threatened to take Zhenfa Industries to court.", []),
    ("Norvik Motors has been banned from suing Zhenfa Industries.", []),
    ("Norvik Motors could take legal action against Zhenfa Industries.", []),
    ("The lawsuit against Zhenfa Industries could be filed by Norvik Motors next week.", []),
    ("Northwind Bank is Nigerian-owned.", []),
    ("Kestrel Oil is set to take over Dunmore Petroleum next year.", []),
    ("Martin Crowe took over Harbour Athletic in September.", []),  # a manager's new job
    ("Redwater Petroleum Company, the trading arm of a Chinese fuel group, collapsed.", []),
]


def _deal_facts(text):
    """Return (subject label, property, object label) of the deal and court facts the rules read."""
    return sorted(t for t in fact_triples(text) if t[1] in DEALS)


@pytest.mark.parametrize("text, expected", TABLE)
def test_rules_deals_table(text, expected):
    assert _deal_facts(text) == sorted(expected)


def test_rules_deals_possessed_stake_is_presupposed():
    # regression: "considering buying X's shares in Y" is no assertion of the purchase, but X holds them
    text = "Valmont was considering exercising its right to buy Ostra Telecom's shares in Cegenet Networks."
    assert ("Ostra Telecom", "investedIn", "Cegenet Networks") in _deal_facts(text)

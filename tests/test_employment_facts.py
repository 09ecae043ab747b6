"""Who works for or leads an organisation: verbs, role nouns and the names they modify."""

import pytest

from extracted import fact_triples as facts_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, fact", [
    ("Tim Cook, who heads Apple, said on Tuesday that sales rose.", ("Tim Cook", "heads", "Apple")),
    ("The report was written by the Brookings Institution, headed by Strobe Talbott.",
     ("Strobe Talbott", "heads", "Brookings Institution")),
    ("Sundar Pichai, who runs Google, met the senators.", ("Sundar Pichai", "heads", "Google")),
    ("Janet Yellen joined the Federal Reserve in 1994.", ("Janet Yellen", "worksFor", "Federal Reserve")),
    ("Nancy Pelosi served in Congress for 35 years.", ("Nancy Pelosi", "worksFor", "Congress")),
    ("Kenneth Starr served on the U.S. Court of Appeals before he became solicitor general.",
     ("Kenneth Starr", "worksFor", "U.S. Court of Appeals")),
    ("Maria Perez retired from the Chicago Police Department last year.",
     ("Maria Perez", "worksFor", "Chicago Police Department")),
    ("Robert Lighthizer represented U.S. Steel in trade cases.", ("Robert Lighthizer", "worksFor", "U.S. Steel")),
    ("Marine Le Pen, candidate of the National Rally, won 41 percent of the vote.",
     ("Marine Le Pen", "worksFor", "National Rally")),
    ("\"We will not back this budget,\" said Ivo Sanader, chairman of the main opposition party, "
     "the Croatian Democratic Union.", ("Ivo Sanader", "heads", "Croatian Democratic Union")),
    ("Ann Lee of the Treasury Department's tax office said rates would rise.",
     ("Ann Lee", "worksFor", "Treasury Department")),
    ("Tom Baker, of the EPA's water division, said the plant was safe.", ("Tom Baker", "worksFor", "EPA")),
    ("NBC anchorman Tom Brokaw said the network would cover the debate.", ("Tom Brokaw", "worksFor", "NBC")),
    ("Dean Baquet was named executive editor of The New York Times in 2014.",
     ("Dean Baquet", "worksFor", "New York Times")),
    ("Mary Barra became chief executive of General Motors in 2014.", ("Mary Barra", "heads", "General Motors")),
    ("Bo Li at the IBM research lab said the chip works.", ("Bo Li", "worksFor", "IBM")),
    ("Ann Lee and Bo Li of Stanford University found that the drug works.",
     ("Ann Lee", "worksFor", "Stanford University")),
    ("Acme Corp. will close the plant next year, said Ann Lee, a company spokeswoman.",
     ("Ann Lee", "worksFor", "Acme Corp.")),
])
def test_employment_found(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text, absent", [
    ("Ken Salazar headed to Paris on Monday.", ("Ken Salazar", "leaderOf", "Paris")),
    ("Joe Biden led the United States into the agreement.", ("Joe Biden", "leaderOf", "United States")),
    ("Joe Biden led the United States into the agreement.", ("Joe Biden", "worksFor", "United States")),
    ("Maria Lopez wants to join Google.", ("Maria Lopez", "worksFor", "Google")),
    ("Jack Smith was joined by Google executives.", ("Jack Smith", "worksFor", "Google")),
    ("Ann Lee of Ohio's largest bank said rates would rise.", ("Ann Lee", "worksFor", "Ohio")),
    ("Ann Lee, the envoy, and Bo Li, head of Acme Corp., met on Monday.", ("Ann Lee", "worksFor", "Acme Corp.")),
    # the role names another organisation, or the clause names two
    ("Acme Corp. will close the plant, said Ann Lee, a spokeswoman for the union.",
     ("Ann Lee", "worksFor", "Acme Corp.")),
    ("Acme Corp. and Zeta Inc. will merge next year, said Ann Lee, a spokeswoman.",
     ("Ann Lee", "worksFor", "Acme Corp.")),
])
def test_employment_absent(text, absent):
    assert absent not in facts_of(text)

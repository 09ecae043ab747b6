"""Same name across documents: one node for one entity named in two articles, two nodes for two
namesakes (issue #13). Our own sentences, one pair of articles a row.

A person's node is their class and name, unless the article describes a well-known person's name only
by roles of other fields (kg/extract/namesakes.py; README, "Across documents"). Before that rule every
namesake pair below was merged. The rows after the first ten of each table were written with the rule,
before it was run on them."""

import pytest

from kg.extract.extractor import extract_many
from kg.model import Document
from kg.rdf.iris import entity_iri

pytestmark = pytest.mark.model

SAME = [  # one entity in two articles with different company
    ("Tony Blair", "Tony Blair met Gordon Brown in Downing Street on Monday.",
     "Tony Blair flew to Washington to see George Bush."),
    ("Vladimir Putin", "Vladimir Putin spoke in Moscow on Monday.", "Vladimir Putin met Gerhard Schroeder in Berlin."),
    ("Kofi Annan", "Kofi Annan addressed the United Nations in New York.", "Kofi Annan visited Sudan last week."),
    ("Rupert Murdoch", "Rupert Murdoch's News Corporation bought MySpace.", "Rupert Murdoch met Tony Blair in London."),
    ("Angela Merkel", "Angela Merkel spoke in Brussels on Tuesday.", "Angela Merkel met Jacques Chirac in Paris."),
    ("Bill Gates", "Bill Gates, the Microsoft founder, gave $1bn to charity.", "Bill Gates visited India in May."),
    ("Tesco", "Tesco posted record profits on Tuesday.", "Tesco opened 20 stores in Poland."),
    ("Nelson Mandela", "Nelson Mandela visited London in June.",
     "Nelson Mandela, the former South African president, turned 86."),
    ("Gordon Brown", "Gordon Brown, the chancellor, set out his budget.", "Gordon Brown spoke in Edinburgh on Friday."),
    ("Jacques Chirac", "Jacques Chirac met Tony Blair in Paris.", "Jacques Chirac flew to Algiers on Sunday."),
    # added with the rule that tells namesakes apart, written before it was run on them: the well-known
    # person described in their own field, in the words news uses
    ("Jose Mourinho", "Jose Mourinho, the Chelsea manager, praised his players.", "Jose Mourinho flew to Lisbon."),
    ("Wayne Rooney", "Wayne Rooney, the England striker, was booked.", "Wayne Rooney signed a new contract."),
    ("Alan Greenspan", "Alan Greenspan, the Federal Reserve chairman, warned of inflation.",
     "Alan Greenspan spoke in Washington on Friday."),
    ("Kofi Annan", "Kofi Annan, the UN secretary general, condemned the attack.", "Kofi Annan met Tony Blair."),
    ("Bill Clinton", "Bill Clinton, the former US president, had heart surgery.", "Bill Clinton visited Dublin."),
    ("Richard Branson", "Richard Branson, the Virgin boss, launched a new airline.",
     "Richard Branson, the billionaire entrepreneur, flew a balloon."),
    ("Madonna", "Madonna, the pop star, played Wembley.", "Madonna released a new album."),
    ("Steve Jobs", "Steve Jobs, Apple's chief executive, unveiled the iPod.", "Steve Jobs returned to work on Monday."),
    ("Jonny Wilkinson", "Jonny Wilkinson, the England fly-half, is injured again.",
     "Jonny Wilkinson kicked four penalties for Newcastle."),
    ("Greg Dyke", "Greg Dyke, the former BBC director general, wrote a book.", "Greg Dyke spoke at a conference."),
]
APART = [  # two people who share a full name
    ("Michael Jackson", "Michael Jackson, the pop singer, released a new album in Los Angeles.",
     "Michael Jackson, the chief executive of Channel 4, resigned on Friday."),
    ("John Smith", "John Smith, the Labour leader, died in London in 1994.", "John Smith scored twice for Rangers."),
    ("David Davis", "David Davis, the Conservative MP, spoke in the Commons.",
     "David Davis, the Welsh rugby player, was injured in Cardiff."),
    ("Paul Allen", "Paul Allen, the Microsoft co-founder, bought a football team.",
     "Paul Allen, a Leeds plumber, won the lottery."),
    ("Chris Evans", "Chris Evans, the radio presenter, joined Virgin Radio.",
     "Chris Evans, the American actor, starred in the film."),
    ("George Michael", "George Michael sang at Wembley on Saturday.", "George Michael, an Essex farmer, sold his land."),
    ("Tom Jones", "Tom Jones, the Welsh singer, toured America.", "Tom Jones, a Cardiff builder, was fined by magistrates."),
    ("Mark Thompson", "Mark Thompson, the BBC director general, spoke in Edinburgh.",
     "Mark Thompson, a Wigan winger, scored a try."),
    ("Peter Kay", "Peter Kay, the comedian, sold out his tour.", "Peter Kay, a Glasgow banker, was jailed for fraud."),
    ("John Major", "John Major, the former prime minister, spoke in Brussels.",
     "John Major, a Norfolk postman, retired after 40 years."),
    # added with the rule, written before it was run on them
    ("Michael Owen", "Michael Owen, the Real Madrid striker, scored again.",
     "Michael Owen, a Swansea accountant, was jailed for fraud."),
    ("John Reid", "John Reid, the health secretary, announced new hospitals.",
     "John Reid, the Scottish footballer, joined Hibernian."),
    ("Michael Grade", "Michael Grade, the BBC chairman, defended the licence fee.",
     "Michael Grade, a Brighton butcher, won a prize for his sausages."),
    ("Tim Henman", "Tim Henman reached the Wimbledon semi-finals.", "Tim Henman, a Reading solicitor, was struck off."),
    ("Robin Cook", "Robin Cook, the former foreign secretary, spoke in the Commons.",
     "Robin Cook, the Yorkshire farmer, lost his sheep in the floods."),
    ("Philip Green", "Philip Green, the retail billionaire, bid for Marks & Spencer.",
     "Philip Green, a Derby County midfielder, was sent off."),
]


def nodes(name, first, second):
    """Return the node the name gets in each of two documents (None where it gets none)."""
    found = []
    for extraction in extract_many([Document("a", first, "2005-01-10"), Document("b", second, "2005-01-11")]):
        entity = next((e for e in extraction.entities if e.label == name), None)
        found.append(entity_iri(entity.key, entity.type) if entity else None)
    return found


@pytest.mark.parametrize("name, first, second", SAME, ids=[row[0] for row in SAME])
def test_entities_namesakes_one_entity_is_one_node(name, first, second):
    a, b = nodes(name, first, second)
    assert a is not None and a == b


@pytest.mark.parametrize("name, first, second", APART, ids=[row[0] for row in APART])
def test_entities_namesakes_two_people_are_two_nodes(name, first, second):
    a, b = nodes(name, first, second)
    assert None not in (a, b) and a != b


def test_entities_namesakes_facts_follow_the_namesake():
    text = "Paul Allen, a Leeds plumber, met Tony Blair on Monday."
    extraction = next(extract_many([Document("a", text, "2005-01-10")]))
    person = next(e for e in extraction.entities if e.label == "Paul Allen")
    assert person.key == "Paul Allen (private)"
    assert [(f.subject, f.predicate) for f in extraction.facts] == [(person.key, "met")]
    assert "Paul Allen" not in {f.subject for f in extraction.facts} | {f.object for f in extraction.facts}


def test_entities_namesakes_a_curated_name_is_left_alone(tmp_path, monkeypatch):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Paul Allen\tPaul Allen\tPerson\n", encoding="utf-8")
    monkeypatch.setenv("KG_ALIASES", str(aliases))
    extraction = next(extract_many([Document("a", "Paul Allen, a Leeds plumber, won the lottery.", "2005-01-10")]))
    assert next(e for e in extraction.entities if e.label == "Paul Allen").key == "Paul Allen"

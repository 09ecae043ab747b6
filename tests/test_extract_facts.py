"""Real news sentences -> the facts kg must (and must not) assert."""

import pytest

from kg.extraction import extract
from kg.model import Document

pytestmark = pytest.mark.model

PUBLISHED = "2021-04-03"


def facts_of(text, published=PUBLISHED):
    x = extract(Document("t", text, published))
    label = {e.key: e.label for e in x.entities}
    return {(label[f.subject], f.predicate, label[f.object]): f for f in x.facts}


@pytest.mark.parametrize("text, expected", [
    ("U.S. President Joe Biden used a first official phone call with President Volodymyr Zelenskiy on Friday.",
     [("Joe Biden", "called", "Volodymyr Zelenskiy"), ("Joe Biden", "leaderOf", "United States")]),
    ("Washington has been Ukraine's most powerful ally since Russia's annexation of Crimea in 2014.",
     [("United States", "alliedWith", "Ukraine"), ("Russia", "annexed", "Crimea")]),
    ("Ukraine, Western countries and NATO accuse Russia of sending troops to eastern Ukraine.",
     [("Ukraine", "accused", "Russia"), ("NATO", "accused", "Russia")]),
    ("Donald Trump was impeached in 2019. Trump denied wrongdoing and the Republican-controlled U.S. Senate "
     "acquitted him.", [("U.S. Senate", "acquitted", "Donald Trump")]),
    ("Donald Trump was acquitted by the U.S. Senate in February.",
     [("U.S. Senate", "acquitted", "Donald Trump")]),
    ("Russian President Vladimir Putin met German Chancellor Angela Merkel in Moscow on Tuesday.",
     [("Vladimir Putin", "met", "Angela Merkel"), ("Vladimir Putin", "leaderOf", "Russia"),
      ("Angela Merkel", "leaderOf", "Germany")]),
    ("The impeachment trial of Biden's predecessor Donald Trump ended.",
     [("Donald Trump", "predecessorOf", "Biden")]),
    ("The picture shows President Emmanuel Macron visiting troops in Kidal region, Mali.",
     [("Emmanuel Macron", "visited", "Kidal"), ("Kidal", "locatedIn", "Mali")]),
    ("Boris Johnson held talks with Narendra Modi in London.",
     [("Boris Johnson", "met", "Narendra Modi")]),
    ("Israel said this week that the deal could collapse and warned against any Iranian deployment.",
     [("Israel", "warned", "Iran")]),
    ("John Wilkes Booth, who assassinated President Abraham Lincoln, was an actor.",
     [("John Wilkes Booth", "killed", "Abraham Lincoln")]),
    ("The European Union sanctioned Belarus over the forced landing.",
     [("European Union", "sanctioned", "Belarus")]),
])
def test_extract_facts_found(text, expected):
    found = facts_of(text)
    for fact in expected:
        assert fact in found, f"{fact} not in {sorted(found)}"


@pytest.mark.parametrize("text, expected", [
    # active and passive verbs
    ("Lee Harvey Oswald killed President John F. Kennedy in Dallas in 1963.",
     [("Lee Harvey Oswald", "killed", "John F. Kennedy")]),
    ("President John F. Kennedy was assassinated by Lee Harvey Oswald in 1963.",
     [("Lee Harvey Oswald", "killed", "John F. Kennedy")]),
    ("North Korea accused South Korea of provocation.", [("North Korea", "accused", "South Korea")]),
    ("Microsoft acquired LinkedIn in 2016.", [("Microsoft", "ownerOf", "LinkedIn")]),
    # light verbs and nominalisations
    ("The European Union imposed sanctions on Iran last week.", [("European Union", "sanctioned", "Iran")]),
    ("Russia's invasion of Ukraine began in February.", [("Russia", "attacked", "Ukraine")]),
    # coordination on either side
    ("The United States and Britain accused Russia of the attack.",
     [("United States", "accused", "Russia"), ("United Kingdom", "accused", "Russia")]),
    # nationality before a state noun: the state acts
    ("Russian forces shelled Kharkiv on Tuesday.", [("Russia", "attacked", "Kharkiv")]),
    # metonymy: a seat of government acting is its state
    ("The Kremlin warned Finland against joining NATO.", [("Russia", "warned", "Finland")]),
    # titles and appositions
    ("German Chancellor Olaf Scholz visited Kyiv on Monday.",
     [("Olaf Scholz", "leaderOf", "Germany"), ("Olaf Scholz", "visited", "Kyiv")]),
    ("Hungary's Prime Minister Viktor Orban warned the European Union.",
     [("Viktor Orban", "leaderOf", "Hungary"), ("Viktor Orban", "warned", "European Union")]),
    ("Elon Musk, the chief executive of Tesla, criticised the decision.", [("Elon Musk", "heads", "Tesla")]),
    ("Tesla chief executive Elon Musk criticised the decision.", [("Elon Musk", "heads", "Tesla")]),
    ("Former Fiat chief executive Giuseppe Morchio joined the board.", [("Giuseppe Morchio", "worksFor", "Fiat")]),
    ("Sunak's predecessor Liz Truss resigned.", [("Liz Truss", "predecessorOf", "Sunak")]),
    ("The seventh president of the United States, Andrew Jackson, was born in Waxhaw.",
     [("Andrew Jackson", "leaderOf", "United States")]),
    ("The agreement was signed by the deputy secretary of the Foreign Ministry, Abdul Halim Ali.",
     [("Abdul Halim Ali", "worksFor", "Foreign Ministry")]),
    ("Jeremy Rifkin, director of the Foundation on Economic Trends and a member of the Global Greenhouse "
     "Network, said so.", [("Jeremy Rifkin", "worksFor", "Global Greenhouse Network")]),
    ("John Smith taught at Harvard University for ten years.", [("John Smith", "worksFor", "Harvard University")]),
    # role nouns
    ("Charles Guiteau, the assassin of President James Garfield, was hanged.",
     [("Charles Guiteau", "killed", "James Garfield")]),
    ("Washington has been Ukraine's most powerful ally.", [("United States", "alliedWith", "Ukraine")]),
    # locatives
    ("Apple, the California-based company, reported record profits.", [("Apple", "basedIn", "California")]),
    ("Scientists at Tennessee Tech in Cookeville built the device.", [("Tennessee Tech", "basedIn", "Cookeville")]),
    ("Betsy Ross was born in Philadelphia.", [("Betsy Ross", "livesIn", "Philadelphia")]),
    ("Pepperell, based in West Point, Ga., makes towels.", [("Pepperell", "basedIn", "West Point")]),
    ("Police searched Deutsche Bank's Frankfurt headquarters on Tuesday.", [("Deutsche Bank", "basedIn", "Frankfurt")]),
    # unnamed groups in events, and "they"
    ("Taliban gunmen attacked Camp Shorabak in Helmand. They killed 23 soldiers.",
     [("Taliban gunmen", "attacked", "Camp Shorabak"), ("Taliban gunmen", "killed", "soldiers")]),
])
def test_extract_facts_construction_table(text, expected):
    found = facts_of(text)
    for fact in expected:
        assert fact in found, f"{fact} not in {sorted(found)}"


@pytest.mark.parametrize("text, absent", [
    ("Biden also expressed a wish to visit Ukraine again.", ("Biden", "visited", "Ukraine")),
    ("Macron will visit Mali next week.", ("Macron", "visited", "Mali")),
    ("Putin did not meet Merkel in Berlin.", ("Putin", "met", "Merkel")),
    ("Russia denied that it had attacked Ukraine.", ("Russia", "attacked", "Ukraine")),
    ("China could attack Taiwan, analysts fear.", ("China", "attacked", "Taiwan")),
    ("If Iran attacks Israel, the region will burn.", ("Iran", "attacked", "Israel")),
    ("Johnson plans to visit India in April.", ("Johnson", "visited", "India")),
    ("Johnson never met Modi.", ("Johnson", "met", "Modi")),
    ("North Korea threatened to attack Japan.", ("North Korea", "attacked", "Japan")),
    ("Trump refused to call Zelensky.", ("Trump", "called", "Zelensky")),
    ("Turkey said it would not support Sweden's bid.", ("Turkey", "supports", "Sweden")),
    ("Iran denied attacking the tanker near Oman.", ("Iran", "attacked", "Oman")),
    ("China could invade Taiwan, US officials warned.", ("China", "attacked", "Taiwan")),
    ("Putin has no plans to meet Zelensky, the Kremlin said.", ("Putin", "met", "Zelensky")),
    ("Biden may visit Kyiv next month.", ("Biden", "visited", "Kyiv")),
    ("Officials hope Modi will meet Sharif in Delhi.", ("Modi", "met", "Sharif")),
    ("Russia threatened to attack Ukraine if NATO expanded.", ("Russia", "attacked", "Ukraine")),
])
def test_extract_facts_not_asserted_when_negated_future_or_hypothetical(text, absent):
    found = facts_of(text)
    assert not any(p == absent[1] and absent[0] in s and absent[2] in o for s, p, o in found), sorted(found)


def test_extract_facts_relative_date_resolved():
    fact = facts_of("Biden called Zelenskiy on Friday.")[("Biden", "called", "Zelenskiy")]
    assert fact.date == "2021-04-02"


def test_extract_facts_nominal_event_date():
    fact = facts_of("Russia's annexation of Crimea in 2014 angered the West.")[("Russia", "annexed", "Crimea")]
    assert fact.date == "2014"


def test_extract_facts_attribution_recorded():
    text = "Russia says it only provides political support. Moscow said Ukraine attacked Russian troops."
    x = extract(Document("t", text, PUBLISHED))
    label = {e.key: e.label for e in x.entities}
    attacked = [f for f in x.facts if f.predicate == "attacked"]
    assert attacked and all(label[f.attributed_to] == "Russia" for f in attacked)


def test_extract_facts_evidence_offsets_point_into_text():
    text = "Hello.\n\nU.S. President Joe Biden called President Volodymyr Zelenskiy on Friday."
    x = extract(Document("t", text, PUBLISHED))
    assert x.facts
    for f in x.facts:
        assert text[f.sentence.start:f.sentence.end] == f.sentence.text
        assert f.sentence.start <= f.subject_mention.start < f.subject_mention.end <= f.sentence.end
        assert text[f.subject_mention.start:f.subject_mention.end] == f.subject_mention.text
        assert text[f.object_mention.start:f.object_mention.end] == f.object_mention.text
        assert 0 < f.confidence <= 1


def test_extract_facts_regression_denied_accusing_is_not_an_accusation():
    # broke when the factuality walk compared spaCy tokens by identity and skipped the "deny" head
    found = facts_of("But challenged on the remark, Nigel Farage denied accusing Germany of using the EU.")
    assert not any(p == "accused" for _, p, _ in found), sorted(found)


def test_extract_facts_person_attacking_in_words_is_criticism():
    found = facts_of("South African president Thabo Mbeki has attacked Britain, saying it treated Africans badly.")
    assert ("Thabo Mbeki", "criticized", "United Kingdom") in found, sorted(found)
    assert not any(p == "attacked" for _, p, _ in found)


def test_extract_facts_regression_they_after_they_does_not_recurse():
    # broke on a BBC article: "they" whose previous sentence's subject was "they" recursed forever
    from kg.coref import EntityIndex
    from kg.entities import resolve_entities
    from kg.facts import extract_facts
    from kg.nlp import load_model

    doc = load_model()("Rebels attacked the town. They said they won. They attacked Aleppo again. They left.")
    index = EntityIndex(doc, *resolve_entities(doc))
    extract_facts(doc, index, None)  # raised RecursionError before the fix


@pytest.mark.parametrize("text, fact, asserted", [
    ("James Earl Ray was convicted of killing Martin Luther King.", ("James Earl Ray", "killed", "Martin Luther King"),
     True),
    ("John Smith was charged with killing Peter Jones.", ("John Smith", "killed", "Peter Jones"), False),
    ("Police suspect Mark Brown of attacking Tom Green.", ("Mark Brown", "attacked", "Tom Green"), False),
])
def test_extract_facts_convictions_assert_charges_do_not(text, fact, asserted):
    found = facts_of(text)
    assert (fact in found) == asserted, sorted(found)


@pytest.mark.parametrize("text, fact", [
    ("Pittsburgh Mayor Sophie Masloff praised the city.", ("Sophie Masloff", "livesIn", "Pittsburgh")),
    ("David Cicippio, an electronics technician from Scranton, voiced frustration.",
     ("David Cicippio", "livesIn", "Scranton")),
    ("The show features the Minnesota-born artist Duane Hanson.", ("Duane Hanson", "livesIn", "Minnesota")),
    # a place modifying the noun that says what the person does or is
    ("``We played for hours,'' said Atlanta businessman Neil Estes.", ("Neil Estes", "livesIn", "Atlanta")),
    ("Richard Taylor, an Atlanta architect, designed the tower.", ("Richard Taylor", "livesIn", "Atlanta")),
    ("Soviet pianist Vladimir Ashkenazy played in London.", ("Vladimir Ashkenazy", "citizenOf", "Soviet Union")),
    ("Derwinski, a Republican from Chicago, denied the allegations.", ("Derwinski", "livesIn", "Chicago")),
    # a person's home
    ("FBI agents arrived at Robert Sohn's New Jersey home.", ("Robert Sohn", "livesIn", "New Jersey")),
    ("John Harrington died at his home in suburban Larchmont.", ("John Harrington", "livesIn", "Larchmont")),
    ("Jesse Jackson won the caucuses in his native South Carolina.", ("Jesse Jackson", "livesIn", "South Carolina")),
    ("The museum in Beaumont, Texas, Richardson's hometown, plans to raise two statues.",
     ("Richardson", "livesIn", "Beaumont")),
    # an organisation described by a place-modified noun
    ("Sun Hung Kai Properties, a Hong Kong construction firm, bought a stake.",
     ("Sun Hung Kai Properties", "basedIn", "Hong Kong")),
])
def test_extract_facts_residence_table(text, fact):
    found = facts_of(text)
    assert fact in found, sorted(found)


@pytest.mark.parametrize("text, absent", [
    # a title inside the phrase describing someone is another person's
    ("Jill Biden, the wife of the U.S. president, visited Kyiv.", ("Jill Biden", "leaderOf", "United States")),
    ("Jill Biden, the U.S. president's wife, visited Kyiv.", ("Jill Biden", "leaderOf", "United States")),
    # a conjoined noun gives work only when it is a title: a supporter does not work for what they support
    ("Virginia Galle, a City Council member and CAP supporter, said so.", ("Virginia Galle", "worksFor", "CAP")),
])
def test_extract_facts_no_title(text, absent):
    assert absent not in facts_of(text), sorted(facts_of(text))


@pytest.mark.parametrize("text, person, place", [
    # an office of a state is a title (leaderOf, worksFor), not a residence
    ("U.S. Ambassador Vernon Walters displayed photographs.", "Vernon Walters", "United States"),
    ("Benjamin Harrison, the 23rd President of the United States, was born in Ohio.", "Benjamin Harrison",
     "United States"),
    # "of" after the noun of an act names its victim, not a home
    ("John Wilkes Booth, assassin of Lincoln, was cornered by soldiers.", "John Wilkes Booth", "Lincoln"),
])
def test_extract_facts_no_residence(text, person, place):
    found = facts_of(text)
    assert not [f for f in found if f[0] == person and f[1] in ("livesIn", "citizenOf") and f[2] == place], sorted(found)


@pytest.mark.parametrize("text, fact", [
    ("A man was killed in a battle between troops and terrorists in Belfast.", ("troops", "attacked", "terrorists")),
    ("Clashes between police and protesters left 12 dead in Caracas.", ("police", "attacked", "protesters")),
])
def test_extract_facts_fighting_between_two_sides(text, fact):
    assert fact in facts_of(text), sorted(facts_of(text))

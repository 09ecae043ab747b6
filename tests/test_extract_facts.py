"""Real news sentences -> the facts kg must (and must not) assert."""

import pytest

from kg.extract.extractor import extract
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
    ("Finnish President Sauli Niinisto met Canadian Prime Minister Justin Trudeau in Ottawa on Thursday.",
     [("Sauli Niinisto", "met", "Justin Trudeau"), ("Sauli Niinisto", "leaderOf", "Finland"),
      ("Justin Trudeau", "leaderOf", "Canada")]),
    ("The impeachment trial of Biden's predecessor Donald Trump ended.",
     [("Donald Trump", "predecessorOf", "Biden")]),
    ("The picture shows President Emmanuel Macron visiting troops in Kidal region, Mali.",
     [("Emmanuel Macron", "visited", "Kidal"), ("Kidal", "locatedIn", "Mali")]),
    ("Boris Johnson held talks with Narendra Modi in London.",
     [("Boris Johnson", "met", "Narendra Modi")]),
    ("Israel said this week that the deal could collapse and warned against any Iranian deployment.",
     [("Israel", "warned", "Iran")]),
    ("Leon Czolgosz, who assassinated President William McKinley, was an anarchist.",
     [("Leon Czolgosz", "killed", "William McKinley")]),
    ("The European Union sanctioned Belarus over the forced landing.",
     [("European Union", "sanctioned", "Belarus")]),
])
def test_extract_facts_found(text, expected):
    found = facts_of(text)
    for fact in expected:
        assert fact in found, f"{fact} not in {sorted(found)}"


@pytest.mark.parametrize("text, expected", [
    # active and passive verbs
    ("Khalid Islambouli killed President Anwar Sadat in Cairo in 1981.",
     [("Khalid Islambouli", "killed", "Anwar Sadat")]),
    ("President Anwar Sadat was assassinated by Khalid Islambouli in 1981.",
     [("Khalid Islambouli", "killed", "Anwar Sadat")]),
    ("North Korea accused South Korea of provocation.", [("North Korea", "accused", "South Korea")]),
    ("Microsoft acquired LinkedIn in 2016.", [("Microsoft", "acquired", "LinkedIn")]),
    ("Lviv, which Russian missiles struck on Monday, lost power for a day.", [("Russia", "attacked", "Lviv")]),
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
    # a former chief executive headed the company: heads, with an end (tests/test_tenure_facts.py)
    ("Former Siemens chief executive Peter Loescher joined the board.", [("Peter Loescher", "heads", "Siemens")]),
    ("Sunak's predecessor Liz Truss resigned.", [("Liz Truss", "predecessorOf", "Sunak")]),
    ("The fourth president of the Philippines, Manuel Roxas, was born in Capiz.",
     [("Manuel Roxas", "leaderOf", "Philippines")]),
    ("The accord was countersigned by the deputy secretary of the Interior Ministry, Karim Haddad.",
     [("Karim Haddad", "worksFor", "Interior Ministry")]),
    ("Maria Lopez, director of the Center for Urban Studies and a member of the National Housing Council, "
     "said so.", [("Maria Lopez", "worksFor", "National Housing Council")]),
    ("Carl Sagan taught at Cornell University for many years.", [("Carl Sagan", "worksFor", "Cornell University")]),
    # role nouns
    ("Charles Guiteau, the assassin of President James Garfield, was hanged.",
     [("Charles Guiteau", "killed", "James Garfield")]),
    ("Washington has been Ukraine's most powerful ally.", [("United States", "alliedWith", "Ukraine")]),
    # locatives
    ("Apple, the California-based company, reported record profits.", [("Apple", "basedIn", "California")]),
    ("Scientists at Tennessee Tech in Cookeville built the device.", [("Tennessee Tech", "basedIn", "Cookeville")]),
    ("Amelia Earhart was born in Atchison.", [("Amelia Earhart", "livesIn", "Atchison")]),
    ("Wrigley, based in Chicago, Ill., makes chewing gum.", [("Wrigley", "basedIn", "Chicago")]),
    ("Police searched Deutsche Bank's Frankfurt headquarters on Tuesday.", [("Deutsche Bank", "basedIn", "Frankfurt")]),
    # unnamed groups in events, and "they"
    ("Taliban gunmen attacked Camp Chapman in Khost. They killed seven guards.",
     [("Taliban gunmen", "attacked", "Camp Chapman"), ("Taliban gunmen", "killed", "guards")]),
    # regression: the group's words ran back over the number to "dead two park guards"
    ("Gunmen shot dead two park guards near Goma.", [("Gunmen", "killed", "park guards")]),
    # "it" as a subject is the one organisation named before it in its sentence, else the one subject
    # of the sentence before
    ("Shares in Oracle rose after it bought the software maker PeopleSoft.", [("Oracle", "acquired", "PeopleSoft")]),
    # and the object of a verb of the catalogue
    ("Robert Kilroy-Silk quit the Labour Party in 2004 and accused it of betraying its voters.",
     [("Robert Kilroy-Silk", "accused", "Labour Party")]),
    ("Deutsche Boerse has made a bid for the LSE. It held talks with Euronext on Monday.",
     [("Deutsche Boerse", "met", "Euronext")]),
    # what a body is made of names its members
    ("The band Coldplay consists of Chris Martin, Jonny Buckland and Guy Berryman.",
     [("Chris Martin", "memberOf", "Coldplay"), ("Jonny Buckland", "memberOf", "Coldplay"),
      ("Guy Berryman", "memberOf", "Coldplay")]),
    ("The Finance Committee is made up of John Smith and Mary Jones.",
     [("John Smith", "memberOf", "Finance Committee"), ("Mary Jones", "memberOf", "Finance Committee")]),
    # a party named as a person's is the person's party
    ("Tony Blair's Labour Party won the election.", [("Tony Blair", "memberOf", "Labour Party")]),
    # a person named as a country's is its citizen, and a member of its side where it plays as one
    ("Federer will play Spain's Rafael Nadal in the final.", [("Rafael Nadal", "citizenOf", "Spain")]),
    ("England's Charlie Hodgson kicked three penalties as England beat Wales.",
     [("Charlie Hodgson", "memberOf", "England")]),
])
def test_extract_facts_construction_table(text, expected):
    found = facts_of(text)
    for fact in expected:
        assert fact in found, f"{fact} not in {sorted(found)}"


@pytest.mark.parametrize("text, absent", [
    ("Biden also expressed a wish to visit Ukraine again.", ("Biden", "visited", "Ukraine")),
    # "it" is no state behind a word that only describes its subject, nor two candidates at once
    ("The German carmaker said it had held talks with Fiat.", ("Germany", "met", "Fiat")),
    ("Honda met Toyota before it bought Suzuki.", ("Honda", "acquired", "Suzuki")),
    # a lawsuit is against the party named, not a name that describes them
    ("Sony began legal action against Apple shareholders.", ("Sony", "sued", "Apple")),
    # saying what someone is is no call
    ("Tony Blair called Michael Howard a liar.", ("Tony Blair", "called", "Michael Howard")),
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
    # a word before the act's noun says it has not happened
    ("Deutsche Boerse said its proposed takeover of the LSE was fair.",
     ("Deutsche Boerse", "acquired", "London Stock Exchange")),
    ("Deutsche Boerse defended its contemplated cash acquisition of the LSE.",
     ("Deutsche Boerse", "acquired", "London Stock Exchange")),
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
    found = facts_of("But pressed on the comment, Boris Johnson denied accusing France of blocking the deal.")
    assert not any(p == "accused" for _, p, _ in found), sorted(found)


def test_extract_facts_person_attacking_in_words_is_criticism():
    found = facts_of("Filipino president Rodrigo Duterte has attacked the United States, saying it bullied its "
                     "neighbours.")
    assert ("Rodrigo Duterte", "criticized", "United States") in found, sorted(found)
    assert not any(p == "attacked" for _, p, _ in found)


def test_extract_facts_regression_they_after_they_does_not_recurse():
    # broke on a BBC article: "they" whose previous sentence's subject was "they" recursed forever
    from kg.extract.coref import EntityIndex
    from kg.extract.entities import resolve_entities
    from kg.extract.sources import extract_facts
    from kg.extract.nlp import load_model

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
    ("Boston Mayor Thomas Menino thanked the volunteers.", ("Thomas Menino", "livesIn", "Boston")),
    ("Greg Hall, an electrical engineer from Omaha, voiced disappointment.", ("Greg Hall", "livesIn", "Omaha")),
    ("The show features the Minnesota-born artist Duane Hanson.", ("Duane Hanson", "livesIn", "Minnesota")),
    # a place modifying the noun that says what the person does or is
    ("``We waited all night,'' said Denver lawyer Karen Holt.", ("Karen Holt", "livesIn", "Denver")),
    ("Frank Gehry, a Los Angeles architect, designed the museum.", ("Frank Gehry", "livesIn", "Los Angeles")),
    ("Soviet cellist Mstislav Rostropovich performed in Paris.",
     ("Mstislav Rostropovich", "citizenOf", "Soviet Union")),
    ("Schumer, a Democrat from Brooklyn, disputed the figures.", ("Schumer", "livesIn", "Brooklyn")),
    # a person's home
    ("FBI agents arrived at Robert Sohn's New Jersey home.", ("Robert Sohn", "livesIn", "New Jersey")),
    ("Arthur Miller died at his home in rural Roxbury.", ("Arthur Miller", "livesIn", "Roxbury")),
    ("Jesse Jackson won the caucuses in his native South Carolina.", ("Jesse Jackson", "livesIn", "South Carolina")),
    ("The church in Dayton, Ohio, Wright's hometown, plans to add a bell tower.",
     ("Wright", "livesIn", "Dayton")),
    # an organisation described by a place-modified noun
    ("Tata Steel, a Mumbai steel maker, bought a stake.", ("Tata Steel", "basedIn", "Mumbai")),
])
def test_extract_facts_residence_table(text, fact):
    found = facts_of(text)
    assert fact in found, sorted(found)


@pytest.mark.parametrize("text, absent", [
    # a title inside the phrase describing someone is another person's
    ("Jill Biden, the wife of the U.S. president, visited Kyiv.", ("Jill Biden", "leaderOf", "United States")),
    ("Jill Biden, the U.S. president's wife, visited Kyiv.", ("Jill Biden", "leaderOf", "United States")),
    # a conjoined noun gives work only when it is a title: a supporter does not work for what they support
    ("Linda Hart, a school board member and ACLU supporter, spoke briefly.", ("Linda Hart", "worksFor", "ACLU")),
])
def test_extract_facts_no_title(text, absent):
    assert absent not in facts_of(text), sorted(facts_of(text))


@pytest.mark.parametrize("text, person, place", [
    # an office of a state is a title (leaderOf, worksFor), not a residence
    ("U.S. Ambassador Samantha Power addressed the assembly.", "Samantha Power", "United States"),
    # in sport a town before a position names the club
    ("Liverpool defender Joe Gomez is injured.", "Joe Gomez", "Liverpool"),
    ("Manuel Quezon, the second President of the Philippines, was born in Baler.", "Manuel Quezon",
     "Philippines"),
    # "of" after the noun of an act names its victim, not a home
    ("Tetsuya Yamagami, assassin of Abe, was tackled by guards.", "Tetsuya Yamagami", "Abe"),
    # a town's player is as often its club's: only a country's names a citizen
    ("Chelsea's John Terry scored twice.", "John Terry", "Chelsea"),
])
def test_extract_facts_no_residence(text, person, place):
    found = facts_of(text)
    assert not [f for f in found if f[0] == person and f[1] in ("livesIn", "citizenOf") and f[2] == place], sorted(found)


@pytest.mark.parametrize("text, fact", [
    ("A farmer was killed during a battle between soldiers and insurgents near Mosul.",
     ("soldiers", "attacked", "insurgents")),
    ("Clashes between police and protesters left 12 dead in Caracas.", ("police", "attacked", "protesters")),
])
def test_extract_facts_fighting_between_two_sides(text, fact):
    assert fact in facts_of(text), sorted(facts_of(text))


@pytest.mark.parametrize("text, absent", [
    # winning something, or buying it, is no job
    ("Booker Prize winner Hilary Mantel spoke at the festival.", ("Hilary Mantel", "worksFor", "Booker Prize")),
    ("Tesla shareholder Ron Baron praised the plan.", ("Ron Baron", "worksFor", "Tesla")),
    # a kinship noun ends as job titles do, but the title after it is the relative's
    ("Tom Reed, the younger brother of Acme Tools president John Reed, resigned on Monday.",
     ("Tom Reed", "worksFor", "Acme Tools")),
    # making something up, or being made of something, lists no members
    ("Ann Lee made up a story about the Finance Committee.", ("Ann Lee", "memberOf", "Finance Committee")),
    ("The Finance Committee's report was made of lies, John Smith said.",
     ("John Smith", "memberOf", "Finance Committee")),
])
def test_extract_facts_no_job_from_a_non_role(text, absent):
    assert absent not in facts_of(text), sorted(facts_of(text))


def test_extract_facts_regression_a_sides_coach_is_no_member_of_it():
    # a national side's name before a title gives the title's fact, not also a membership
    found = facts_of("England coach Andy Robinson is facing disciplinary action.")
    assert ("Andy Robinson", "heads", "England") in found and ("Andy Robinson", "memberOf", "England") not in found


def test_extract_facts_regression_a_players_country_beside_a_score_is_his_state():
    # the score made Sweden a team, and the player its member
    found = facts_of("Anna Kovac defeated Sweden's Nils Ekdahl 6-2 7-5, while Petra Lund lost.")
    assert ("Nils Ekdahl", "citizenOf", "Sweden") in found and ("Nils Ekdahl", "memberOf", "Sweden") not in found, \
        sorted(found)


@pytest.mark.parametrize("text", [
    "Reserves stood at $4bn, the bank told Reuters. \"We will open accounts,\" the central bank's governor "
    "Omar Saleh said.",
    "Shares fell on Monday, the Associated Press reported. The bank's chairman Omar Saleh said more.",
])
def test_extract_facts_regression_the_news_agency_told_is_not_the_bank_of_the_next_sentence(text):
    # "the bank" had resolved to the one organisation named before it: the agency the bank spoke to
    assert not [f for f in facts_of(text) if f[0] == "Omar Saleh"], sorted(facts_of(text))


def test_extract_facts_the_bank_is_still_the_bank_the_agency_reported_on():
    found = facts_of("Barclays said profits rose, the Associated Press reported. The bank's chairman Omar Saleh "
                     "said more.")
    assert ("Omar Saleh", "worksFor", "Barclays") in found or ("Omar Saleh", "heads", "Barclays") in found, \
        sorted(found)

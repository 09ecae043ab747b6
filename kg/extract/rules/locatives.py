"""Facts of place: "Donetsk region, Ukraine", "Oxford in Massachusetts", "a Florida-based firm"."""

from kg.extract import gazetteer
from kg.extract.lexicon import (DIRECTIONS, HOME_HEADS, HOME_NOUNS, LEADER_TITLES, LOCATIVE_NOUNS,
                              ORG_DESCRIPTIONS, POLITICAL_TITLES, RESIDENT_NOUNS, SEAT_NOUNS, SPORTS_ROLES)
from kg.extract.rules.orgplaces import is_possessor
from kg.extract.rules.titles import is_role
from kg.extract.sentence import Arg
from kg.model import REGION_CLASSES


# preposition -> the property it gives between (the class of the governing entity, a place)
# (class of the governing entity, preposition, class of its object) -> property:
# "Ohio State in Columbus", "Ann Lee of Leeds", "Jim Bowell of the Fire Department"
PREP_LOCATIVES = {
    ("Organization", "in", "Place"): "basedIn", ("Organization", "of", "Place"): "basedIn",
    ("Organization", "at", "Place"): "basedIn",
    ("Person", "of", "Place"): "livesIn", ("Person", "from", "Place"): "livesIn",
    ("Place", "in", "Place"): "locatedIn",
    ("Person", "of", "Organization"): "worksFor", ("Person", "at", "Organization"): "worksFor",
    ("Person", "with", "Organization"): "worksFor", ("Person", "from", "Organization"): "worksFor",
}
# (class of the named entity, class of its modifier) -> property: "Moscow TASS", "Russia's Foreign Ministry",
# "ABC's Spencer Christian"
MODIFIER_LOCATIVES = {("Organization", "Place"): "basedIn", ("Person", "Organization"): "worksFor"}
COMMA_LOCATIVES = {"Place": "locatedIn", "Organization": "basedIn"}


def _mention_root(s, token):
    """Tell whether a token heads its entity mention (its syntactic head lies outside the mention)."""
    here = s.index.at(token)
    return here and (token.head.i == token.i or s.index.at(token.head) is None
                     or s.index.at(token.head)[0] != here[0])


def from_comma(s, token):
    """Yield locatedIn / basedIn from "Caracas, Venezuela", "Donetsk region, Ukraine", "Dalton, Ga."."""
    here = s.arg(token, modifiers=False)
    if here is None or (token.i + 1 < len(token.doc) and s.index.at(token.nbor(1)) == s.index.at(token)):
        return  # not the last word of its mention
    name = COMMA_LOCATIVES.get(s.type_of(here.key))
    doc, i = token.doc, token.i + 1
    while i < len(doc) and doc[i].lower_ in LOCATIVE_NOUNS:
        i += 1
    if not name or i + 1 >= s.sent.end or doc[i].text != ",":
        return
    j = i + 1
    while j + 1 < s.sent.end and (doc[j].lower_ in DIRECTIONS or doc[j].text == "-"):
        j += 1  # "Blida, north-west Algeria", "Gulu, northern Uganda"
    after = doc[j]
    if after.dep_ in ("nsubj", "nsubjpass") and after.head.i > after.i or s.index.at(after) and is_possessor(s, after):
        return  # "... to Rosneft, Russia is able to ...", "in Lima, Chile's envoy": the place opens a new phrase
    there = s.arg(after, modifiers=False)
    if there and s.index.type_of(there.key) in REGION_CLASSES and s.index.type_of(here.key) != "Country":
        yield s.shaped_fact(name, here, there, "comma-locative")


def from_preposition(s, token):
    """Yield basedIn / livesIn / locatedIn from "Ohio State in Columbus", "Ann Lee of Leeds"."""
    if not _mention_root(s, token):
        return
    here = s.arg(token, modifiers=False)
    if s.index.type_of(here.key) == "Country":
        return
    # "Ann Lee of Leeds", and through an appositive: "Bo Li, a technician from North Wales",
    # "Kay Hall, a Democrat from Denver"
    holders = [token] + [c for c in token.children if c.dep_ == "appos" and (
        s.index.at(c) is None and not _is_amount(c) or s.index.at(c) and s.type_of(s.index.at(c)[0]) == "Group")]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            there = s.arg(pobj, modifiers=False)
            key = there and (s.type_of(here.key), prep.lower_, s.type_of(there.key))
            if prep.head.i != token.i and key == ("Person", "of", "Place"):
                continue  # "Harrison, the President of the United States", "Booth, assassin of Lincoln"
            name = there and PREP_LOCATIVES.get(key)
            if name:
                yield s.shaped_fact(name, here, there, f"prep-locative:{prep.lower_}")
    for child in token.children:
        # "Briton Tim Henman", "American Lisa Raymond": a nationality on a person's full name, never on a
        # description ("the Irish captain") or a name NER may have typed wrongly ("Australian Idol")
        nationality = (child.dep_ in ("amod", "compound") and gazetteer.demonym_country(child.text) is not None
                       and s.type_of(here.key) == "Person" and len(here.mention.text.split()) > 1
                       and token.i in s.index.token_entity)
        there = s.arg(child, modifiers=False) if child.dep_ in ("compound", "poss", "nmod") or nationality else None
        name = there and MODIFIER_LOCATIVES.get((s.type_of(here.key), s.type_of(there.key)))
        if name == "worksFor" and there is not None and gazetteer.is_party(there.key):
            name = "memberOf"  # "Labour MP Diane Abbott": a party has members, not staff
        if name == "worksFor" and child.dep_ == "poss" and gazetteer.country(there.key):
            name = "memberOf"  # "England's Charlie Hodgson": a side's player ("England coach X": a title's)
        if there is not None and s.type_of(here.key) == "Person" and s.index.type_of(there.key) == "Country" and (
                child.dep_ == "poss" or nationality):
            name = "citizenOf"  # "Spain's Rafael Nadal"; a town's is as often a club's ("Leeds' Alan Smith")
        elif nationality:
            name = None  # "former Irish international X": "Irish" read as the side, not a country
        if name and there is not None and there.key != here.key:
            yield s.shaped_fact(name, here, there, f"modifier-locative:{child.dep_}")


def _is_amount(token):
    """Tell whether an appositive is an amount, not a description ("Thales, 30% of Europe")."""
    return token.text == "%" or token.like_num or any(c.dep_ == "nummod" for c in token.children)


# "a Florida-based firm", "this Minnesota-born artist Duane Hanson": participle -> (property, holder classes)
HYPHEN_LOCATIVES = {"based": ("basedIn", ("Organization", "Group")), "born": ("livesIn", ("Person",))}


def from_based(s, token):
    """Yield basedIn from "X-based Y" and livesIn from "X-born Y", where Y names the holder."""
    found = HYPHEN_LOCATIVES.get(token.lower_)
    if found is None or token.dep_ not in ("amod", "acl", "compound"):
        return
    name, holders = found
    places = [s.arg(t, modifiers=False) for t in token.doc[max(token.i - 3, 0):token.i]]
    head = token.head.head if token.head.dep_ == "compound" else token.head  # "Ohio-born astronaut Neil Armstrong"
    holder = s.arg(head, modifiers=False) or next(
        (s.arg(c, modifiers=False) for c in head.children if c.dep_ == "appos" and s.arg(c, modifiers=False)), None)
    for place in filter(None, places):
        if holder and s.type_of(place.key) == "Place" and s.type_of(holder.key) in holders:
            yield s.shaped_fact(name, holder, place, f"hyphen-{token.lower_}")


MODIFIERS = ("compound", "amod", "nmod", "poss")


def _descriptions(token):
    """Return the common nouns describing a name: the noun before it, its appositives, its copula's attribute."""
    found = [c for c in token.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"]
    if token.dep_ == "nsubj" and token.head.lemma_ == "be":  # "Taylor is an Atlanta architect"
        found += [c for c in token.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    # a name in apposition to a noun ("the US maker, Motorola"); a plural one describes each name of a
    # list ("Nigerian banks X and Y")
    if first.dep_ == "appos" and first.head.pos_ == "NOUN" and (first.i == token.i or first.head.tag_ == "NNS"):
        found.append(first.head)
    return found


def _describes(noun, kind):
    """Tell whether a common noun says what a person does or what an organisation is."""
    word = noun.lower_
    if kind == "Person":
        return word in RESIDENT_NOUNS or (is_role(noun) and word not in LEADER_TITLES | POLITICAL_TITLES)
    return word in ORG_DESCRIPTIONS or noun.lemma_ in ORG_DESCRIPTIONS


def _modifier_places(s, token, noun, holder):
    """Return the places among a describing noun's modifiers (and, before it, the name's own modifiers)."""
    words = [t for c in noun.children if c.dep_ in MODIFIERS and c.i < noun.i for t in c.subtree]
    if noun.dep_ == "compound":  # a flat parse hangs "Atlanta" on the name: "Denver businessman Jo Park"
        words += [t for c in token.children if c.dep_ in MODIFIERS and c.i < noun.i for t in c.subtree]
    found: dict[str, Arg] = {}
    for t in words:
        place = s.arg(t, modifiers=False)
        if place and place.key != holder.key and s.type_of(place.key) == "Place":
            found.setdefault(place.key, place)
    return list(found.values())


def from_role_modifier(s, token):
    """Yield livesIn / citizenOf / basedIn from a place modifying a holder's describing noun."""
    if not _mention_root(s, token):
        return
    holder = s.arg(token, modifiers=False)
    kind = s.type_of(holder.key)
    if kind not in ("Person", "Organization"):
        return
    for noun in _descriptions(token):
        if s.index.at(noun) is None and _describes(noun, kind):
            for place in _modifier_places(s, token, noun, holder):
                if noun.lower_ in SPORTS_ROLES and s.index.type_of(place.key) != "Country":
                    continue  # "Middlesbrough winger X": in sport a town before a position names the club
                name = "basedIn" if kind == "Organization" else _residence(s, place)
                yield s.shaped_fact(name, holder, place, "role-modifier")


def _is_home(noun):
    """Tell whether a common noun names someone's home: "hometown", "home state", "native city"."""
    if noun.pos_ != "NOUN":
        return False
    return noun.lower_ in HOME_NOUNS or noun.lower_ in HOME_HEADS and any(
        c.lower_ in ("home", "native") and c.dep_ in ("compound", "amod") for c in noun.children)


def _owners(s, noun):
    """Return the people whose home a noun is: its possessor or "of" object, or the name beside that."""
    words = [c for c in noun.children if c.dep_ == "poss"]
    words += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
    # "the home state of his wife, Ann": the appositive names the owner
    words += [c for w in words if s.index.at(w) is None for c in w.children if c.dep_ == "appos"]
    found = [_named(s, s.arg(w, modifiers=False), w) for w in words]
    return [a for a in found if a and s.type_of(a.key) == "Person"]


def _named(s, arg, word):
    """Return a pronoun's antecedent as named earlier in the sentence ("Jackson won ... his native X")."""
    if arg is None or word.pos_ != "PRON":
        return arg
    for t in reversed(s.sent[: word.i - s.sent.start]):
        found = s.index.at(t)
        if found and found[0] == arg.key and t.pos_ != "PRON":
            return Arg(*found)
    return arg


def _home_places(s, noun):
    """Return the places a home noun names: its modifiers, its in/of object, or the place it describes."""
    words = [t for c in noun.children if c.dep_ in MODIFIERS and c.i < noun.i for t in c.subtree]
    words += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for g in c.children
              if g.dep_ == "pobj"]
    words += [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":  # "Tulsa, Okla., Lee's hometown"
        words.append(noun.head)
    if noun.dep_ == "attr":  # "South Carolina is Jackson's home state"
        words += [c for c in noun.head.children if c.dep_ == "nsubj"]
    found = [s.arg(w, modifiers=False) for w in words]
    return [a for a in found if a and s.type_of(a.key) == "Place"]


def from_home(s, token):
    """Yield livesIn / citizenOf from a person's home named in the sentence."""
    if _is_home(token):
        pairs = [(o, p) for o in _owners(s, token) for p in _home_places(s, token)]
    elif any(c.lower_ == "native" and c.dep_ == "amod" for c in token.children) and _mention_root(s, token):
        place = s.arg(token, modifiers=False)  # "his native South Carolina"
        pairs = [(o, place) for o in _owners(s, token) if s.type_of(place.key) == "Place"]
    else:
        return
    for owner, place in pairs:
        yield s.shaped_fact(_residence(s, place), owner, place, "home-locative")


def _residence(s, place):
    """Return the property of living in a place: citizenOf for a country, else livesIn."""
    return "citizenOf" if s.index.type_of(place.key) == "Country" else "livesIn"


def from_headquarters(s, token):
    """Yield basedIn from an organisation's headquarters and the place named with them."""
    if token.lower_ not in SEAT_NOUNS or s.index.at(token):
        return
    words = [c for c in token.children if c.dep_ in ("compound", "poss")]
    words += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
    owners = [a for a in (s.arg(w, modifiers=False) for w in words) if a and s.type_of(a.key) == "Organization"]
    for owner in owners:
        for place in _home_places(s, token):
            yield s.shaped_fact("basedIn", owner, place, "headquarters-locative")


def from_locatives(s):
    """Yield the place facts of one sentence."""
    for token in s.tokens:
        named = s.index.at(token)
        if named:
            yield from filter(None, from_comma(s, token))
            yield from filter(None, from_preposition(s, token))
            yield from filter(None, from_role_modifier(s, token))
        # the word-led shapes, asked only of the words that can open them (most words open none)
        if token.lower_ in HYPHEN_LOCATIVES:
            yield from filter(None, from_based(s, token))
        if named or token.pos_ == "NOUN":
            yield from filter(None, from_home(s, token))
        if token.lower_ in SEAT_NOUNS:
            yield from filter(None, from_headquarters(s, token))

"""Where places and organisations lie, read from noun-phrase shapes the preposition rules miss:
"Tbilisi, the capital of Georgia", "London's Trafalgar Square", "Gao in the north of Mali",
"the Kelvingrove museum, in Glasgow", "Leeds, York and Hull in Yorkshire"."""

from kg.extract.lexicon import PART_NOUNS, PLACE_KINDS
from kg.model import CONTAINER_CLASSES

CAPITAL_NOUNS = {"capital"}
PROPERTY = {"Place": "locatedIn", "Organization": "basedIn"}


def _named(s, token, kinds=("Place",)):
    """Return the entity a token names if it is of one of these coarse kinds, else None."""
    found = s.arg(token, modifiers=False)
    return found if found and s.type_of(found.key) in kinds else None


def _is_container(s, arg):
    return s.index.type_of(arg.key) in CONTAINER_CLASSES


def _pobjs(token, preps):
    """Yield the objects of a token's prepositions among these."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            yield from (g for g in prep.children if g.dep_ == "pobj")


def from_capital(s, token):
    """Yield locatedIn from "Tbilisi, the capital of Georgia" and "Bosnia's capital, Sarajevo"."""
    if token.lemma_ not in CAPITAL_NOUNS:
        return
    countries = [p for p in (_named(s, t) for t in _pobjs(token, ("of",))) if p]
    countries += [p for p in (_named(s, c) for c in token.children if c.dep_ in ("poss", "compound")) if p]
    cities = [p for p in (_named(s, c) for c in token.children if c.dep_ == "appos") if p]
    if token.dep_ == "appos":
        cities += [p for p in [_named(s, token.head)] if p]
    for city in cities:
        for country in countries:
            yield s.shaped_fact("locatedIn", city, country, "capital-locative")


def _place_in_part(s, token):
    """Return the place a part noun is part of: "the southeastern part of Rwanda" -> Rwanda."""
    if token.lemma_ in PART_NOUNS:
        return next((p for p in (_named(s, t) for t in _pobjs(token, ("of",))) if p), None)
    return _named(s, token)


def from_part(s, token):
    """Yield locatedIn / basedIn from "Gao in the northern part of Mali" and "X, in Y"."""
    here = _named(s, token, ("Place", "Organization"))
    if here is None:
        return
    wheres = [t for t in _pobjs(token, ("in",)) if t.lemma_ in PART_NOUNS]
    noun = _described_noun(s, token) if s.type_of(here.key) == "Place" else None
    if noun is not None:  # "the Altiplano plateau in western Bolivia": the place hangs on the noun
        wheres += [t for t in _pobjs(noun, ("in",))]
        token = noun
    doc = token.doc
    if token.i + 3 < s.sent.end and doc[token.i + 1].text == "," and doc[token.i + 2].lower_ == "in" and (
            doc[token.i + 2].head.i != token.i):  # "the Kelvingrove museum, in Glasgow", parsed apart
        wheres += [g for g in doc[token.i + 2].children if g.dep_ == "pobj"]
    wheres += _sibling_in(s, token, _last_word(s, token))  # "in Gao in the north of Mali"
    for where in wheres:
        there = _place_in_part(s, where)
        if there and _is_container(s, there) and there.key != here.key and _fits_inside(s, here, there):
            yield s.shaped_fact(PROPERTY[s.type_of(here.key)], here, there, "part-locative")


def _described_noun(s, token):
    """Return the kind of place a name modifies ("the Kalahari desert", "the Altiplano plateau"), or None;
    a name qualifying anything else ("Las Vegas style resorts") is no place of that kind."""
    head = token.head
    if token.dep_ == "compound" and head.lemma_ in PLACE_KINDS and s.index.at(head) is None:
        return head
    return None


def _fits_inside(s, here, there):
    """Tell whether one place can lie inside another: no country lies in a town or another country."""
    return s.index.type_of(here.key) != "Country" or s.index.type_of(there.key) == "Region"


def _last_word(s, token):
    """Return the last word of the mention a token belongs to."""
    here = s.index.at(token)
    while token.i + 1 < s.sent.end and s.index.at(token.nbor(1)) == here:
        token = token.nbor(1)
    return token


def _sibling_in(s, token, last):
    """Return the objects of an "in" right after `last` that the parser hung on the verb of the phrase
    `token` opens: "clashes in Kidal in northern Mali" (both "in"s on "clashes")."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "throughout", "across", "from", "at", "near"):
        return []
    after = last.i + 1
    if after < s.sent.end and token.doc[after].lower_ == "in" and token.doc[after].head.i == token.head.head.i:
        return [g for g in token.doc[after].children if g.dep_ == "pobj"]
    return []


def from_possessor(s, token):
    """Yield locatedIn from "London's Trafalgar Square", "Colorado's Rocky Mountains"."""
    here = _named(s, token)
    if here is None or s.index.type_of(here.key) == "Country":
        return
    noun = _described_noun(s, token)  # "Colorado's Rocky Mountain foothills"
    for child in (c for t in (token, noun) if t is not None for c in t.children if c.dep_ == "poss"):
        there = _named(s, child)
        if there and _is_container(s, there) and there.key != here.key and _fits_inside(s, here, there):
            yield s.shaped_fact("locatedIn", here, there, "possessor-locative")


def from_conjuncts(s, token):
    """Yield locatedIn for every place of a list the last one places: "Leeds, York and Hull in
    northern England"."""
    if token.dep_ == "conj" or not _named(s, token) or not any(c.dep_ == "conj" for c in token.children):
        return  # a list of places opens with a place: "trials in Rome, Lyon and Graz" lists no places
    members = [token] + [t for t in token.subtree if t.dep_ == "conj" and t.head.i != t.i]
    places = [p for p in (_named(s, m) for m in members) if p]
    others = [m for m in members if s.arg(m, modifiers=False) and not _named(s, m)]
    if len(places) < 2 or others or any(s.index.type_of(p.key) == "Country" for p in places):
        return  # a list naming people, organisations or countries too is no list of towns and regions
    wheres = [t for m in members for t in _pobjs(m, ("in",))] + _sibling_in(s, token, _last_word(s, members[-1]))
    theres = [p for p in (_named(s, t) for t in wheres) if p]
    for there in theres[:1] if len(theres) == 1 and _is_container(s, theres[0]) else ():
        for here in places:
            if here.key != there.key and _fits_inside(s, here, there):
                yield s.shaped_fact("locatedIn", here, there, "list-locative")


def from_described_residence(s, token):
    """Yield livesIn from a describing noun placed "in" somewhere: "Dan Meridor, one of the best-known
    lawyers in Israel", "Ann Lee, a lawyer in Boston"."""
    here = _named(s, token, ("Person",))
    if here is None:
        return
    for noun in (c for c in token.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "NUM")):
        if noun.lower_ == "one":  # "one of the best-known lawyers in Israel"
            noun = next(iter(_pobjs(noun, ("of",))), noun)
        for there in (p for p in (_named(s, t) for t in _pobjs(noun, ("in",))) if p):
            yield s.shaped_fact("livesIn", here, there, "described-residence")


def from_places(s):
    """Yield the place facts of one sentence that the preposition and comma rules do not read."""
    for token in s.tokens:
        yield from filter(None, from_capital(s, token))
        if s.arg(token, modifiers=False) is None:
            continue  # the other shapes open with a name
        for rule in (from_part, from_possessor, from_conjuncts, from_described_residence):
            yield from filter(None, rule(s, token))

"""Where an organisation (or a person) is, read past the first place named: the state after a town
("a lab of Dayton, Ohio"), the country a nationality word inside an organisation's name stands for
("the Peruvian Congress ... Peru"), and a place hung on a word inside the name ("the Institute of
Botany of Kunming")."""

from typing import Any

from kg.extract import gazetteer
from kg.extract.lexicon import PLACE_NOUNS, SEAT_VERBS
from kg.model import REGION_CLASSES

HOLDER_PREPS = ("in", "of", "at", "from")
# holder class -> (the prepositions that place it, the property)
CHAIN_PROPERTIES = {"Organization": (("in", "of", "at"), "basedIn"), "Person": (("of", "from"), "livesIn")}


def _mention_end(s, token):
    """Return the last word of the mention a token belongs to."""
    here = s.index.at(token)
    while token.i + 1 < s.sent.end and s.index.at(token.nbor(1)) == here:
        token = token.nbor(1)
    return token


def _mention_root(s, token):
    """Return the word of a token's mention whose head lies outside it."""
    here = s.index.at(token)
    while token.head.i != token.i and s.index.at(token.head) == here:
        token = token.head
    return token


def is_possessor(s, token):
    """Tell whether a token's mention possesses something other than a place: "Peru's envoy", where
    "Cusco, Peru's old capital" still places the town."""
    root = _mention_root(s, token)
    return root.dep_ == "poss" and root.head.lemma_ not in PLACE_NOUNS


def _container_after(s, place_token):
    """Return the region or country named right after a place and a comma: "Dayton, Ohio"."""
    last = _mention_end(s, place_token)
    i = last.i + 2
    if i >= s.sent.end or last.nbor(1).text != ",":
        return None
    found = s.arg(last.doc[i], modifiers=False)
    here = s.index.at(place_token)
    if is_possessor(s, last.doc[i]):
        return None  # "the embassy in Rome, Chile's envoy there": a new phrase
    if found and found.key != here[0] and s.index.type_of(found.key) in REGION_CLASSES \
            and s.index.type_of(here[0]) != "Country":
        return found
    return None


def _holders(s, prep):
    """Return the entities a place-giving preposition places: its head's name, or what a seat verb bases."""
    head = prep.head
    if head.lemma_ in SEAT_VERBS and head.pos_ == "VERB":  # "a chain based in Troy, Mich."
        words = [c for c in head.children if c.dep_ == "nsubjpass"]
        words += [head.head] if head.dep_ in ("acl", "amod", "relcl") else []
        return [(a, "in") for a in (s.arg(w, modifiers=False) for w in words) if a]
    if head.dep_ == "appos" and s.index.at(head) is None:  # "Smith, a lawyer from Dayton, Ohio"
        head = head.head
    holder = s.arg(head, modifiers=False)
    return [(holder, prep.lower_)] if holder else []


def from_place_chain(s, token):
    """Yield basedIn / livesIn in the region or country after the town that places an organisation or person."""
    if s.index.at(token) is None or _mention_root(s, token).i != token.i:
        return
    if token.dep_ != "pobj" or token.head.lower_ not in HOLDER_PREPS:
        return
    container = _container_after(s, token)
    if container is None:
        return
    for holder, prep in _holders(s, token.head):
        preps, name = CHAIN_PROPERTIES.get(s.type_of(holder.key), ((), None))
        if prep in preps and holder.key != container.key:
            yield s.shaped_fact(name, holder, container, "chain-locative")


def _country_mentions(s):
    """Return {ISO code: argument} for the countries named in the sentence."""
    found: dict[str, Any] = {}
    for token in s.tokens:
        at = s.index.at(token)
        iso = at and s.index.entities[at[0]].iso_code
        # "Croatian" standing alone for its country is no separate mention of it
        if iso and s.index.type_of(at[0]) == "Country" and (
                gazetteer.country(at[1].text) or not gazetteer.demonym_country(at[1].text)):
            found.setdefault(iso, s.arg(token, modifiers=False))
    return found


def from_national_name(s, countries):
    """Yield basedIn from a nationality word in an organisation's name to that country named in the sentence:
    "the Peruvian Congress" is Peru's."""
    seen = set()
    for token in s.tokens:
        at = s.index.at(token)
        if not at or at[0] in seen or s.type_of(at[0]) != "Organization" or token.pos_ not in ("ADJ", "PROPN"):
            continue
        country = gazetteer.demonym_country(token.text)
        there = country and countries.get(country.iso)
        if there and there.key != at[0]:
            seen.add(at[0])
            yield s.shaped_fact("basedIn", s.arg(token, modifiers=False), there, "national-name")


def from_org_places(s):
    """Yield the place facts of one sentence read past the first place or from a name's nationality."""
    for token in (t for t in s.tokens if s.index.at(t)):  # both shapes open with a name
        yield from filter(None, from_place_chain(s, token))
        yield from filter(None, from_inner_preposition(s, token))
    countries = _country_mentions(s)
    if countries:
        yield from filter(None, from_national_name(s, countries))


def from_inner_preposition(s, token):
    """Yield basedIn from a place the parser hung on a word inside an organisation's name:
    "the Institute of Physics of Lyon", "University of Wisconsin at Madison"."""
    at = s.index.at(token)
    if not at or s.type_of(at[0]) != "Organization" or _mention_root(s, token).i == token.i:
        return
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "at")):
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and s.index.at(g) != at):
            place = s.arg(pobj, modifiers=False)
            if place and s.type_of(place.key) == "Place" and s.index.type_of(at[0]) != "Country":
                yield s.shaped_fact("basedIn", s.arg(token, modifiers=False), place, "inner-locative")

"""Membership stated by what a body is made of ("The band consists of Ann Lee, Bo Li and Cy Ng") and by a
party named as a person's ("Mr Lula's Workers' Party")."""

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract import gazetteer
from kg.extract.factuality import is_factual
from kg.extract.rules.arguments import passive_subjects, verb_subjects
from kg.extract.sentence import Arg, Sentence
from kg.model import Fact

# verb lemma -> (the word that must follow it, or "", the preposition or "dobj" naming the members);
# "is made up of" and "is composed of" are passives whose subject is the body
MAKEUP_VERBS = {"consist": ("", "of"), "comprise": ("", "dobj"), "make": ("up", "of"), "compose": ("", "of")}
BODIES = ("Organization", "Group")


def _members(s: Sentence, verb: Token, slot: str) -> list[Arg]:
    """Return the people a make-up verb lists in its slot."""
    if slot == "dobj":
        heads = [c for c in verb.children if c.dep_ == "dobj"]
    else:
        heads = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == slot for g in c.children
                 if g.dep_ == "pobj"]
    return [a for h in heads for a in s.args(h, modifiers=False) if s.type_of(a.key) == "Person"]


def _body(s: Sentence, verb: Token, particle: str) -> list[Arg]:
    """Return the organisation a make-up verb describes: its subject, or its passive subject."""
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return []  # "made of", "made a bid": only "made up of" lists members
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if (verb.lemma_ in ("make", "compose")) != passive:
        return []  # "Ann made up a story", "Bo composed the score"
    found = passive_subjects(s, verb) if passive else verb_subjects(s, verb)
    return [a for a in found if s.type_of(a.key) in BODIES]


def from_makeup(s: Sentence) -> Iterator[Fact | None]:
    """Yield memberOf for each person a body is said to consist of."""
    for verb in s.tokens:
        shape = MAKEUP_VERBS.get(verb.lemma_) if verb.pos_ in ("VERB", "AUX") else None
        if shape is None or not is_factual(verb):
            continue
        for body in _body(s, verb, shape[0]):
            for person in _members(s, verb, shape[1]):
                yield s.shaped_fact("memberOf", person, body, f"makeup:{verb.lemma_}")


def from_party_possessor(s: Sentence) -> Iterator[Fact | None]:
    """Yield memberOf from a party named as a person's: "Mr Lula's Workers' Party", "Blair's Labour"."""
    for token in s.tokens:
        if token.dep_ != "poss":
            continue
        person, party = s.arg(token, modifiers=False), s.arg(token.head, modifiers=False)
        if (person and party and person.key != party.key and s.type_of(person.key) == "Person"
                and gazetteer.is_party(party.key)):
            yield s.shaped_fact("memberOf", person, party, "party-possessor")


def from_members(s: Sentence) -> Iterator[Fact | None]:
    """Yield the membership facts of one sentence."""
    yield from from_makeup(s)
    yield from from_party_possessor(s)

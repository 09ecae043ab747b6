"""Facts stated by a nominalisation or a role noun of the relation catalogue: "Russia's annexation of
Crimea", "Ukraine's ally", "Lincoln assassin Booth", "convicted of Rabin's killing"."""

from kg.extract.factuality import is_factual
from kg.extract.lexicon import CONVICTION_WORDS, ROLE_NOUNS
from kg.extract.relations import NOUN_RELATIONS
from kg.extract.rules.arguments import noun_actor, passive_subjects, verb_subjects
from kg.extract.sentence import Arg


def _convicted(s, noun):
    """Return who was found guilty of the act a noun names: "Amir was convicted of Rabin's killing",
    "Chapman is serving a life term for the murder of Lennon"; there the possessor is the victim, not the actor."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "for", "to"):
        return []
    governor = prep.head
    if governor.pos_ in ("ADJ", "NOUN"):  # "pleaded guilty to the murder", "serving a sentence for the murder"
        governor = governor.head
    if prep.head.lemma_ not in CONVICTION_WORDS or governor.pos_ not in ("VERB", "AUX"):
        return []
    return passive_subjects(s, governor) or verb_subjects(s, governor)


def noun_role_holder(s, noun):
    """Return who a role noun describes: the copula's subject or the name it stands in apposition to."""
    if noun.dep_ == "attr":
        return verb_subjects(s, noun.head)
    if noun.dep_ in ("appos", "compound"):  # "Booth, the assassin of Lincoln", "Lincoln assassin Booth"
        return s.args(noun.head, modifiers=False)
    heads = [c for c in noun.children if c.dep_ == "appos"]
    found = [a for h in heads for a in s.args(h, modifiers=False)]
    after = noun.i + 2
    if not found and after < s.sent.end and noun.nbor(1).text == "," and s.index.at(noun.doc[after]):
        found = [Arg(*s.index.at(noun.doc[after]))]  # "Trotsky's assassin, Ramon Mercader,": a missed apposition
    return found


def noun_objects(s, noun, relation, skip_poss):
    """Return the entities a nominalisation is about: its prepositional objects, or its possessor."""
    found = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in relation.noun_preps):
        found += [a for g in prep.children if g.dep_ == "pobj" for a in s.args(g)]
    if not found and not skip_poss:
        found = [a for c in noun.children if c.dep_ == "poss" for a in s.args(c)]
    if not found:  # "NATO deployment", "a Russian attack": the entity inside the noun phrase
        found = [a for c in noun.children if c.dep_ == "compound" for a in s.args(c)]
    if not found and not skip_poss and noun.dep_ == "compound":
        # "Lincoln's assassin John Wilkes Booth": the possessor hangs on the name; "Lincoln assassin Booth"
        found = [a for c in noun.head.children if c.dep_ == "poss" for a in s.args(c)]
        before = noun.doc[noun.i - 1] if noun.i > s.sent.start else None
        if not found and before is not None and s.index.at(before) and s.index.at(before) != s.index.at(noun.head):
            found = [Arg(*s.index.at(before))]
    return found


def _noun_lemma(token):
    """Return the catalogue noun a token is, or None; the tagger calls "assassin" before a name a verb."""
    if token.pos_ == "NOUN" and token.lemma_ in NOUN_RELATIONS:
        return token.lemma_
    if token.lower_ in ROLE_NOUNS and token.dep_ in ("compound", "appos", "attr") and token.pos_ in (
            "PROPN", "VERB", "NOUN"):
        return token.lower_
    return None


def _between(s, noun):
    """Return the two sides of "between X and Y" after a noun, or None."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            sides = s.args(pobj)
            if len(sides) == 2:
                return sides
    return None


def from_nouns(s):
    """Yield facts stated by a nominalisation or a role noun of the catalogue."""
    for noun in s.tokens:
        lemma = _noun_lemma(noun)
        if lemma is None:
            continue
        role = lemma in ROLE_NOUNS
        # a role noun presupposes its fact ("to question Lincoln's assassin"); only a copula asserts it
        if not (is_factual(noun.head) if role and noun.dep_ == "attr" else role or is_factual(noun)):
            continue
        convicted = [] if role else _convicted(s, noun)
        subjects = noun_role_holder(s, noun) if role else convicted or noun_actor(s, noun)
        sides = _between(s, noun)
        for relation in NOUN_RELATIONS[lemma]:
            if sides and not subjects:  # "a clash between police and rioters": the first side acts
                fact = s.fact(relation, sides[0], sides[1], f"noun:{lemma}:between", noun)
                if fact:
                    yield fact
            for subj in subjects:
                for obj in noun_objects(s, noun, relation, skip_poss=not (role or convicted)):
                    fact = s.fact(relation, subj, obj, f"noun:{lemma}", noun)
                    if fact:
                        yield fact

"""Who acts and who is acted on: the argument finders the verb, noun and employment rules share."""

from kg.extract.factuality import clause_head
from kg.extract.lexicon import INSTRUMENT_NOUNS, LIGHT_VERBS

RELATIVES = ("who", "whom", "which", "that")


def verb_subjects(s, verb):
    """Return the entities acting as a verb's subject, following conjunction, relative clauses and passives."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in RELATIVES and verb.dep_ == "relcl":
                # conjuncts after the clause are no part of its antecedent: "Ruby, who shot X, and Y"
                found = [a for a in _described(s, verb.head) if a.mention.start < verb.idx]
                return found or _wielder(s, verb.head)
            return s.args(child)
        if child.dep_ == "agent":
            return [a for g in child.children if g.dep_ == "pobj" for a in s.args(g)]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return verb_subjects(s, clause_head(verb))  # "Russia said ... and warned"
    if verb.dep_ in ("acl", "relcl") or (verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.tag_ == "VBG"):
        a = s.arg(verb.head, modifiers=False)  # "Zelensky visiting the frontline"
        if a:
            return [a]
        return [a for c in verb.head.children if c.dep_ in ("dobj", "nsubj") for a in s.args(c)][:1]
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ == "VERB":
        governor = verb.head.head  # "X was convicted of killing Y", "X admitted to killing Y"
        return passive_subjects(s, governor) or verb_subjects(s, governor)
    return []


def _described(s, noun):
    """Return the entity a noun names or, through a copula, describes ("Princip was the gunman who ...")."""
    found = s.args(noun, modifiers=False)
    if not found and noun.dep_ == "attr":
        found = [a for c in noun.head.children if c.dep_ == "nsubj" for a in s.args(c)]
    if not found and noun.dep_ == "appos":  # "Rosneft, the company that acquired X"
        found = s.args(noun.head, modifiers=False)
    return found


def relative_objects(s, verb):
    """Return what a relative clause's verb acts on when its object is the relative pronoun: the
    name the clause hangs on ("Bank One, which JP Morgan bought", "Merkel, whom he met")."""
    if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in RELATIVES for c in verb.children):
        return [a for a in _described(s, verb.head) if a.mention.start < verb.idx]
    return []


def _wielder(s, noun):
    """Return who used a weapon named by a noun: "Princip fired the shots that killed the archduke"."""
    if noun.lemma_ in INSTRUMENT_NOUNS and noun.dep_ == "dobj":
        return verb_subjects(s, noun.head)
    return []


def passive_subjects(s, verb):
    """Return what a passive verb is about: its subject, or the name a relative clause hangs on."""
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in RELATIVES
                                    for c in verb.children):
        return _described(s, verb.head)  # "the envoy, who was later shot by a guard"
    found = [a for c in verb.children if c.dep_ == "nsubjpass" for a in s.args(c)]
    if not found and verb.dep_ in ("acl", "appos", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        found = s.args(verb.head)  # "Chekatt, shot dead by police"
        if not found and verb.head.dep_ == "appos":  # "Air Shamrock, an airline owned by Mr Gold"
            found = s.args(verb.head.head, modifiers=False)
    return found


def noun_actor(s, noun):
    """Return who performs a nominalised act: its possessor, its by-agent or its light verb's subject."""
    for child in noun.children:
        if child.dep_ == "poss":
            return s.args(child)
        if child.dep_ == "prep" and child.lower_ == "by":
            return [a for g in child.children if g.dep_ == "pobj" for a in s.args(g)]
    # "the assassination of the archduke by Princip": the parser hangs "by" on the victim
    for victim in (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
        for by in (c for c in victim.children if c.dep_ == "prep" and c.lower_ == "by"):
            return [a for g in by.children if g.dep_ == "pobj" for a in s.args(g)]
    if noun.dep_ in ("dobj", "attr") and noun.head.lemma_ in LIGHT_VERBS | {"be"}:
        return verb_subjects(s, noun.head)
    # "Taliban raids", "a Russian airstrike": the entity inside the noun phrase acts
    return [a for c in noun.children if c.dep_ in ("compound", "amod") for a in s.args(c, modifiers=False)]

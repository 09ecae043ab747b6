"""Read facts between entities from a parsed sentence, by the relation catalogue."""

from kg.extract.factuality import clause_head, is_factual
from kg.extract.relations import CONVICTION_WORDS, INSTRUMENT_NOUNS, NOUN_RELATIONS, ROLE_NOUNS, STATE_NOUNS, VERB_RELATIONS
from kg.extract.sentence import Arg, Sentence

LIGHT_VERBS = {"hold", "have", "make", "use", "pay", "conduct", "launch", "carry", "offer", "provide", "give",
               "affirm", "stress", "express", "pledge", "voice", "receive", "announce", "hold", "take", "begin",
               "stage", "mount", "continue", "extend", "reaffirm", "promise", "declare", "show", "impose",
               "slap", "level", "lodge", "file", "issue", "deliver"}


def verb_subjects(s, verb):
    """Return the entities acting as a verb's subject, following conjunction, relative clauses and passives."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
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
        return _passive_subjects(s, governor) or verb_subjects(s, governor)
    return []


def _described(s, noun):
    """Return the entity a noun names or, through a copula, describes ("Princip was the gunman who ...")."""
    found = s.args(noun, modifiers=False)
    if not found and noun.dep_ == "attr":
        found = [a for c in noun.head.children if c.dep_ == "nsubj" for a in s.args(c)]
    return found


def _wielder(s, noun):
    """Return who used a weapon named by a noun: "Princip fired the shots that killed the archduke"."""
    if noun.lemma_ in INSTRUMENT_NOUNS and noun.dep_ == "dobj":
        return verb_subjects(s, noun.head)
    return []


def _passive_subjects(s, verb):
    """Return what a passive verb is about: its subject, or the name a relative clause hangs on."""
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "which", "that")
                                    for c in verb.children):
        return _described(s, verb.head)  # "the envoy, who was later shot by a guard"
    found = [a for c in verb.children if c.dep_ == "nsubjpass" for a in s.args(c)]
    if not found and verb.dep_ in ("acl", "appos", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        found = s.args(verb.head)  # "Chekatt, shot dead by police"
    return found


def _agent_of_means(s, verb):
    """Return who acted in "soldiers died in Taliban raids": the actor of the act named after "in"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by")):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_ in NOUN_RELATIONS):
            return noun_actor(s, noun)
    return []


def verb_objects(s, verb, relation, passive):
    """Return the entities a verb acts on: its (passive) subject, direct object or prepositional objects."""
    if passive and not relation.passive_subject:
        return _passive_subjects(s, verb)
    found = []
    # "born on Dec. 9, 1906, in New York": the parser hangs the place on the date
    holders = [verb] + [g for c in verb.children if c.dep_ == "prep" for g in c.children
                        if g.dep_ == "pobj" and g.ent_type_ == "DATE"]
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    for child in verb.children:
        # "Biden called Zelensky": the parser may read a lone object as a predicate ("called him X")
        if child.dep_ == "dobj" or (child.dep_ == "oprd" and not has_object and child.pos_ == "PROPN"):
            holders.append(child)
            if relation.direct_object:
                # "attacked Russian troops" names Russia; "blamed England's poor run" does not name England
                found += [a for a in s.args(child) if a.direct or child.lower_ in STATE_NOUNS
                          or s.type_of(a.key) == "Group"]
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in relation.verb_preps):
            found += [a for g in prep.children if g.dep_ == "pobj" for a in s.args(g)]
    if not found and relation.deep_objects and len(holders) > 1:
        # "visiting the frontline ... in Donetsk region": the place sits inside the object phrase
        found = [a for t in holders[1].subtree if t.dep_ == "pobj" and t.head.lower_ in relation.verb_preps
                 for a in s.args(t) if s.type_of(a.key) == "Place"][:1]
    return found


def from_verbs(s):
    """Yield facts stated by a verb of the catalogue, active or passive."""
    for verb in s.sent:
        if verb.pos_ != "VERB" or verb.lemma_ not in VERB_RELATIONS or not is_factual(verb):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))  # "Rosneft, based in Moscow"
        for relation in VERB_RELATIONS[verb.lemma_]:
            if passive and relation.passive_subject:  # "was born in", "is based in": the passive subject
                subjects = _passive_subjects(s, verb) or (
                    s.args(verb.head, modifiers=False) if verb.dep_ in ("acl", "amod") else [])
            elif passive:
                subjects = [a for c in verb.children if c.dep_ == "agent" for g in c.children for a in s.args(g)]
                subjects = subjects or _agent_of_means(s, verb)
            else:
                subjects = verb_subjects(s, verb)
            for subj in subjects:
                for obj in verb_objects(s, verb, relation, passive):
                    fact = s.fact(relation, subj, obj, f"verb:{verb.lemma_}", verb)
                    if fact:
                        yield fact


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
    return _passive_subjects(s, governor) or verb_subjects(s, governor)


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
    for noun in s.sent:
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


def extract_facts(doc, index, published):
    """Return every fact the rules read from a parsed document, in text order, without repeats."""
    from kg.extract.rules.datelines import from_dateline
    from kg.extract.rules.locatives import from_locatives
    from kg.extract.rules.titles import from_patterns  # titles, appositions, predecessors
    from kg.extract.rules.placefacts import from_places

    facts, seen = [], set()
    for sent in doc.sents:
        s = Sentence(sent, index, published)
        for fact in (*from_verbs(s), *from_nouns(s), *from_patterns(s), *from_locatives(s), *from_places(s),
                     *from_dateline(s)):
            key = (fact.subject, fact.predicate, fact.object, fact.sentence.start)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return facts


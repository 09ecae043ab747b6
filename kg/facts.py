"""Read facts between entities from a parsed sentence, by the relation catalogue."""

from dataclasses import dataclass

from . import dates
from .confidence import confidence as rule_confidence
from .factuality import attribution, clause_head, is_factual
from .model import Fact, Span
from .relations import BY_NAME, NOUN_RELATIONS, ROLE_NOUNS, STATE_NOUNS, VERB_RELATIONS

COARSE = {"Country": "Place", "City": "Place", "Region": "Place"}
LIGHT_VERBS = {"hold", "have", "make", "use", "pay", "conduct", "launch", "carry", "offer", "provide", "give",
               "affirm", "stress", "express", "pledge", "voice", "receive", "announce", "hold", "take", "begin",
               "stage", "mount", "continue", "extend", "reaffirm", "promise", "declare", "show", "impose",
               "slap", "level", "lodge", "file", "issue", "deliver"}
DATE_PREPS = {"on", "in", "at", "during", "since", "by"}


@dataclass(frozen=True)
class Arg:
    """An entity filling a fact's slot, with the mention that names it there."""

    key: str
    mention: Span
    direct: bool = True  # False when read from a modifier ("a U.S. statement") or a pronoun
    alternative: "Arg | None" = None  # "Afghan soldiers": Afghanistan as an actor, a group as a victim


class Sentence:
    """One sentence with the entity index it needs to turn words into facts."""

    def __init__(self, sent, index, published):
        self.sent = sent
        self.index = index
        self.published = published
        text = sent.text.rstrip()  # the paragraph break after a sentence is not evidence
        self.span = Span(sent.start_char, sent.start_char + len(text), text)

    def arg(self, token, modifiers=True):
        """Return the entity a token names: its mention or antecedent, else (with modifiers) the state
        behind "Russian troops", an unnamed group ("gunmen"), or an entity modifying the word."""
        found = self.index.at(token)
        if found:
            return Arg(*found)
        if token.lower_ in ("they", "them") and token.pos_ == "PRON":
            return self._previous_subject(token)
        if not modifiers or token.pos_ not in ("NOUN", "PROPN"):
            return None
        for child in token.children:  # "the alleged killer, Cherif Chekatt"
            named = self.index.at(child) if child.dep_ == "appos" else None
            if named and self.type_of(named[0]) != "Place":  # "Donetsk region, Ukraine" is a locative
                return Arg(*named)
        modifier = None
        for child in token.children:  # "a U.S. statement", "NATO deployment", "Ukraine's sovereignty"
            if child.dep_ in ("compound", "poss", "amod", "nmod") and self.index.at(child):
                modifier = Arg(*self.index.at(child), direct=False)
                break
        group = self.index.group(token)
        group = Arg(*group, direct=False) if group else None
        if modifier and token.lower_ in STATE_NOUNS and self.type_of(modifier.key) == "Place":
            return Arg(modifier.key, modifier.mention, False, group)
        return group or modifier

    def _previous_subject(self, pronoun):
        """Return who "they" are: the subject of the previous sentence, when it names a group or state."""
        start = self.sent.start
        if start == 0:
            return None
        previous = self.sent.doc[start - 1].sent
        for token in previous:
            # a "they" answered by another "they" stays unresolved: no chain back through the text
            if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and token.lower_ not in ("they", "them"):
                found = self.arg(token)
                if found and self.type_of(found.key) in ("Group", "Organization", "Place"):
                    span = Span(pronoun.idx, pronoun.idx + len(pronoun.text), pronoun.text)
                    return Arg(found.key, span, direct=False)
        return None

    def args(self, token, modifiers=True):
        """Return the entities of a token and of its conjuncts ("Ukraine, Western countries and NATO")."""
        found = []
        for t in (token, *token.conjuncts):
            a = self.arg(t, modifiers)
            if a and a.key not in [f.key for f in found]:
                found.append(a)
        return found

    def type_of(self, key):
        """Return the coarse class of an entity."""
        etype = self.index.type_of(key)
        return COARSE.get(etype, etype)

    def date(self, *tokens):
        """Return the resolved date attached to any of these tokens, else the sentence's only day."""
        for token in tokens:
            for child in token.children:
                targets = [g for g in child.children if g.dep_ == "pobj"] if (
                    child.dep_ == "prep" and child.lower_ in DATE_PREPS) else [child]
                for t in targets:
                    if t.ent_type_ == "DATE" and t.dep_ in ("pobj", "npadvmod", "tmod", "nmod", "obl"):
                        ent = next(e for e in t.doc.ents if e.start <= t.i < e.end)
                        value = dates.resolve(ent.text, self.published)
                        if value:
                            return value
        days = {dates.resolve(e.text, self.published) for e in self.sent.ents if e.label_ == "DATE"}
        days = {d for d in days if d and len(d) == 10}
        return days.pop() if len(days) == 1 else None

    def shaped_fact(self, name, subj, obj, rule, prior):
        """Return a fact read from a noun-phrase shape (title, locative), or None for a self-relation."""
        if subj.key == obj.key:
            return None
        conf = rule_confidence(name, rule, prior, subj.direct and obj.direct)
        return Fact(subj.key, name, obj.key, conf, self.span, subj.mention, obj.mention, rule)

    def fits(self, relation, subj, obj):
        """Return the first (subject, object) among the readings of two arguments the relation's types allow."""
        for s_ in (subj, subj.alternative):
            for o_ in (obj, obj.alternative):
                if s_ and o_ and s_.key != o_.key and self.type_of(s_.key) in relation.subject_types \
                        and self.type_of(o_.key) in relation.object_types:
                    return s_, o_
        return None, None

    def fact(self, relation, subj, obj, rule, trigger, confidence=None):
        """Return a Fact if the two entities fit the relation's types, else None."""
        subj, obj = self.fits(relation, subj, obj)
        if subj is None:
            return None
        if relation.person_subject_as and self.type_of(subj.key) == "Person":
            relation = BY_NAME[relation.person_subject_as]
        conf = rule_confidence(relation.name, rule, relation.confidence if confidence is None else confidence,
                               subj.direct and obj.direct)
        said_by = attribution(trigger, self.arg, self.args)
        return Fact(subj.key, relation.name, obj.key, conf, self.span, subj.mention, obj.mention, rule,
                    date=self.date(trigger, trigger.head) if relation.event else None,
                    attributed_to=said_by)


def verb_subjects(s, verb):
    """Return the entities acting as a verb's subject, following conjunction, relative clauses and passives."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return _described(s, verb.head)
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
    """Return the entity a noun names or, through a copula, describes ("Oswald was the gunman who ...")."""
    found = s.args(noun, modifiers=False)
    if not found and noun.dep_ == "attr":
        found = [a for c in noun.head.children if c.dep_ == "nsubj" for a in s.args(c)]
    return found


def _passive_subjects(s, verb):
    found = [a for c in verb.children if c.dep_ == "nsubjpass" for a in s.args(c)]
    if not found and verb.dep_ in ("acl", "appos", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        found = s.args(verb.head)  # "Chekatt, shot dead by police"
    return found


def _agent_of_means(s, verb):
    """Return who acted in "fighters were killed in IS attacks": the actor of the act named after "in"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by")):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_ in NOUN_RELATIONS):
            return noun_actor(s, noun)
    return []


def verb_objects(s, verb, relation, passive):
    """Return the entities a verb acts on: its (passive) subject, direct object or prepositional objects."""
    if passive and not relation.passive_subject:
        return _passive_subjects(s, verb)
    found = []
    holders = [verb]
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
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))  # "Pepperell, based in West Point"
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
    if noun.dep_ in ("dobj", "attr") and noun.head.lemma_ in LIGHT_VERBS | {"be"}:
        return verb_subjects(s, noun.head)
    # "IS attacks", "a Russian airstrike": the entity inside the noun phrase acts
    return [a for c in noun.children if c.dep_ in ("compound", "amod") for a in s.args(c, modifiers=False)]


def noun_role_holder(s, noun):
    """Return who a role noun describes: the copula's subject or the name it stands in apposition to."""
    if noun.dep_ == "attr":
        return verb_subjects(s, noun.head)
    if noun.dep_ in ("appos", "compound"):  # "Booth, the assassin of Lincoln", "Kennedy assassin Sirhan"
        return s.args(noun.head, modifiers=False)
    heads = [c for c in noun.children if c.dep_ == "appos"]
    return [a for h in heads for a in s.args(h, modifiers=False)]


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
        # "Garfield's assassin Charles Guiteau": the possessor hangs on the name; "Kennedy assassin Sirhan"
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
        # a role noun presupposes its fact ("to examine Kennedy's assassin"); only a copula asserts it
        if not (is_factual(noun.head) if role and noun.dep_ == "attr" else role or is_factual(noun)):
            continue
        subjects = noun_role_holder(s, noun) if role else noun_actor(s, noun)
        sides = _between(s, noun)
        for relation in NOUN_RELATIONS[lemma]:
            if sides and not subjects:  # "a battle between troops and terrorists": the first side acts
                fact = s.fact(relation, sides[0], sides[1], f"noun:{lemma}:between", noun)
                if fact:
                    yield fact
            for subj in subjects:
                for obj in noun_objects(s, noun, relation, skip_poss=not role):
                    fact = s.fact(relation, subj, obj, f"noun:{lemma}", noun)
                    if fact:
                        yield fact


def extract_facts(doc, index, published):
    """Return every fact the rules read from a parsed document, in text order, without repeats."""
    from .datelines import from_dateline
    from .locatives import from_locatives
    from .patterns import from_patterns  # titles, appositions, predecessors

    facts, seen = [], set()
    for sent in doc.sents:
        s = Sentence(sent, index, published)
        for fact in (*from_verbs(s), *from_nouns(s), *from_patterns(s), *from_locatives(s), *from_dateline(s)):
            key = (fact.subject, fact.predicate, fact.object, fact.sentence.start)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return facts


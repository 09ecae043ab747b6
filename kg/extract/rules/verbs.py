"""Facts stated by a verb of the relation catalogue, active or passive: "Biden called Zelensky",
"Trump was acquitted by the Senate"."""

from kg.extract.factuality import is_factual
from kg.extract.relations import NOUN_RELATIONS, STATE_NOUNS, VERB_RELATIONS
from kg.extract.rules.arguments import noun_actor, passive_subjects, relative_objects, verb_subjects
from kg.extract.rules.deals import stake_objects


def _agent_of_means(s, verb):
    """Return who acted in "soldiers died in Taliban raids": the actor of the act named after "in"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by")):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_ in NOUN_RELATIONS):
            return noun_actor(s, noun)
    return []


def _judges(verb):
    """Tell whether a verb says what its object is rather than acting on it: "called Howard a liar",
    "called it derisory" (an object and a predicate of it)."""
    deps = {c.dep_ for c in verb.children}
    return "dobj" in deps and "oprd" in deps


def verb_objects(s, verb, relation, passive):
    """Return the entities a verb acts on: its (passive) subject, direct object or prepositional objects."""
    if passive and not relation.passive_subject:
        return passive_subjects(s, verb)
    # "Bank One, which JP Morgan bought": the relative pronoun stands for the name the clause hangs on
    found = relative_objects(s, verb) if relation.direct_object else []
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
                if relation.stake_objects:
                    found += stake_objects(s, child)
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in relation.verb_preps):
            found += [a for g in prep.children if g.dep_ == "pobj" for a in s.args(g)]
    if not found and relation.deep_objects and len(holders) > 1:
        # "visiting the frontline ... in Donetsk region": the place sits inside the object phrase
        found = [a for t in holders[1].subtree if t.dep_ == "pobj" and t.head.lower_ in relation.verb_preps
                 for a in s.args(t) if s.type_of(a.key) == "Place"][:1]
    return found


def verb_key(verb) -> str:
    """Return the catalogue's name for a verb: with its particle where the catalogue lists the phrasal
    verb ("took over", "snapped up"), else its lemma ("bought out" is "buy")."""
    for child in verb.children:
        if child.dep_ == "prt" and f"{verb.lemma_} {child.lower_}" in VERB_RELATIONS:
            return f"{verb.lemma_} {child.lower_}"
    return verb.lemma_


def from_verbs(s):
    """Yield facts stated by a verb of the catalogue, active or passive."""
    for verb in s.tokens:
        key = verb_key(verb) if verb.pos_ == "VERB" else ""
        if key not in VERB_RELATIONS or not is_factual(verb) or _judges(verb):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))  # "Rosneft, based in Moscow"
        for relation in VERB_RELATIONS[key]:
            if passive and relation.passive_subject:  # "was born in", "is based in": the passive subject
                subjects = passive_subjects(s, verb) or (
                    s.args(verb.head, modifiers=False) if verb.dep_ in ("acl", "amod") else [])
            elif passive:
                subjects = [a for c in verb.children if c.dep_ == "agent" for g in c.children for a in s.args(g)]
                subjects = subjects or _agent_of_means(s, verb)
            else:
                subjects = verb_subjects(s, verb)
            if key in relation.firm_verbs:  # "Robinson took over England" is a new job, not a purchase
                subjects = [a for a in subjects if s.type_of(a.key) == "Organization"]
            for subj in subjects:
                for obj in verb_objects(s, verb, relation, passive):
                    fact = s.fact(relation, subj, obj, f"verb:{key}", verb)
                    if fact:
                        yield fact

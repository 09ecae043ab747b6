"""Work for an organisation read from verbs whose organisation is not a plain "work for" object
("joined IBM", "represented U.S. Steel", "served in Congress"), from a person of an organisation's
unit ("Ann Lee of the Treasury's tax office", "Bo Li at the IBM lab"), and from two people sharing one
affiliation ("Ann Lee and Bo Li of Stanford"), and from a spokesperson reporting what an organisation does
("Acme will close the plant, said Ann Lee, a company spokeswoman")."""

from kg.extract.factuality import is_factual
from kg.extract.lexicon import SPEAKER_ROLES, SPEECH_VERBS, UNIT_NOUNS
from kg.extract.relations import ORG, PERSON, Relation
from kg.extract.rules.arguments import verb_subjects

EMPLOYMENT = Relation("worksFor", subject_types=(PERSON,), object_types=(ORG,), confidence=0.6)
# verb lemma -> where it names the organisation: "dobj", or the prepositions that introduce it.
# Past posts count: "retired from GE" still says the person worked there.
EMPLOYMENT_VERBS = {
    "join": ("dobj",), "represent": ("dobj",), "serve": ("in", "on"), "resign": ("from",), "retire": ("from",),
}


def _passive(verb):
    """Tell whether a verb is passive."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _organisations(s, verb, slots):
    """Return the entities in a verb's organisation slots."""
    found = []
    for child in verb.children:
        if child.dep_ == "dobj" and "dobj" in slots:
            found += s.args(child, modifiers=False)
        elif child.dep_ == "prep" and child.lower_ in slots:
            found += [a for g in child.children if g.dep_ == "pobj" for a in s.args(g, modifiers=False)]
    return found


def _root(s, token):
    """Tell whether a token heads its entity mention."""
    here = s.index.at(token)
    return here and (token.head.i == token.i or s.index.at(token.head) != here)


AFFILIATION_PREPS = ("of", "at", "with")


def _affiliation_preps(s, token):
    """Return the of/at/with phrases on a name or its unnamed appositive ("Ann Lee, a chemist at Acme")."""
    holders = [token] + [c for c in token.children if c.dep_ == "appos" and s.index.at(c) is None]
    return [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPS]


def from_possessed_unit(s, token):
    """Yield worksFor from a person "of" or "at" an organisation's unit: "Ann Lee of the Treasury's tax office"."""
    person = s.arg(token, modifiers=False)
    if not _root(s, token) or s.type_of(person.key) != "Person":
        return
    for prep in _affiliation_preps(s, token):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            deps = ("poss", "compound", "nmod") if pobj.lemma_ in UNIT_NOUNS and not s.index.at(pobj) else ("poss",)
            for owner in (s.arg(c, modifiers=False) for c in pobj.children if c.dep_ in deps):
                if owner and s.type_of(owner.key) == "Organization":
                    yield s.shaped_fact("worksFor", person, owner, "prep-possessor")


def from_shared_affiliation(s, token):
    """Yield worksFor for the first of two people sharing one affiliation: "Ann Lee and Bo Li of Acme"."""
    person = s.arg(token, modifiers=False)
    if not _root(s, token) or s.type_of(person.key) != "Person" or any(
            c.dep_ in ("appos", "prep") for c in token.children):
        return  # "Ann Lee, the envoy, and Bo Li, head of Acme": each has their own description
    others = [c for c in token.children if c.dep_ == "conj" and s.index.at(c)
              and s.type_of(s.index.at(c)[0]) == "Person"]
    for prep in (p for o in others[-1:] for p in o.children if p.dep_ == "prep" and p.lower_ in AFFILIATION_PREPS):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            words = [pobj] + [c for c in pobj.children if c.dep_ == "poss"]
            for org in (s.arg(w, modifiers=False) for w in words):
                if org and s.type_of(org.key) == "Organization":
                    yield s.shaped_fact("worksFor", person, org, "shared-affiliation")


def from_speaker_role(s, token):
    """Yield worksFor from a person with a bare speaker's role reporting what an organisation does:
    "Acme will close the plant, said Ann Lee, a company spokeswoman"."""
    person = s.arg(token, modifiers=False)
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_ not in SPEECH_VERBS or s.type_of(person.key) != "Person":
        return
    roles = [c for c in token.children if c.dep_ == "appos" and c.lemma_ in SPEAKER_ROLES and s.index.at(c) is None]
    if not roles or any(t.dep_ == "pobj" or s.index.at(t) for r in roles for t in r.subtree if t.i != r.i):
        return  # "a spokesman for Acme" names its organisation: the title rules read it
    clauses = [c for c in verb.children if c.dep_ == "ccomp"] + ([verb.head] if verb.dep_ == "parataxis" else [])
    orgs = [a for c in clauses for n in c.children if n.dep_ == "nsubj" for a in s.args(n, modifiers=False)
            if s.type_of(a.key) == "Organization"]
    if len(orgs) == 1:
        yield s.shaped_fact("worksFor", person, orgs[0], "speaker-role")


def from_employment_verbs(s):
    """Yield worksFor from a person's verb of joining, representing, serving in or leaving an organisation."""
    for verb in s.tokens:
        slots = EMPLOYMENT_VERBS.get(verb.lemma_)
        if not slots or verb.pos_ != "VERB" or _passive(verb) or not is_factual(verb):
            continue
        for person in verb_subjects(s, verb):
            for org in _organisations(s, verb, slots):
                fact = s.fact(EMPLOYMENT, person, org, f"verb:{verb.lemma_}", verb)
                if fact:
                    yield fact


def from_employment(s):
    """Yield the employment facts of one sentence read from verbs and from organisations' units."""
    yield from from_employment_verbs(s)
    for token in s.tokens:
        if s.index.at(token):
            yield from filter(None, from_possessed_unit(s, token))
            yield from filter(None, from_shared_affiliation(s, token))
            yield from filter(None, from_speaker_role(s, token))

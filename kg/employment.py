"""Work for an organisation read from verbs whose organisation is not a plain "work for" object:
"joined IBM", "represented U.S. Steel", "served in Congress", "resigned from the board of Enron"."""

from .facts import verb_subjects
from .factuality import is_factual
from .relations import ORG, PERSON, Relation

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


def from_employment_verbs(s):
    """Yield worksFor from a person's verb of joining, representing, serving in or leaving an organisation."""
    for verb in s.sent:
        slots = EMPLOYMENT_VERBS.get(verb.lemma_)
        if not slots or verb.pos_ != "VERB" or _passive(verb) or not is_factual(verb):
            continue
        for person in verb_subjects(s, verb):
            for org in _organisations(s, verb, slots):
                fact = s.fact(EMPLOYMENT, person, org, f"verb:{verb.lemma_}", verb)
                if fact:
                    yield fact

"""Lawsuits and fines in the shapes the catalogue's verbs and nouns do not read: "Honda took Lifan to
court", "Liberty brought legal action against the Home Office", "the FSA imposed a £5m fine on the bank",
"the league handed the club a fine"."""

from collections.abc import Iterator

from kg.extract.factuality import is_factual
from kg.extract.lexicon import DEAL_WORDS
from kg.extract.relations import BY_NAME, STATE_NOUNS
from kg.extract.rules.arguments import noun_actor, verb_subjects
from kg.extract.rules.deals import pobj_args
from kg.extract.sentence import Arg, Sentence
from kg.model import Fact


def _to_court(verb) -> bool:
    """Tell whether a verb takes its object to court ("took Lifan to court")."""
    if verb.lemma_ not in DEAL_WORDS["court"]:
        return False
    # the tagger may read "to court" as an infinitive ("to/PART court/VERB")
    return any((c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_ == "court" for g in c.children))
               or (c.lower_ == "court" and c.dep_ == "xcomp") for c in verb.children)


def _is_lawsuit(noun) -> bool:
    """Tell whether a noun names a lawsuit: "legal action", "court proceedings", "a libel case", "a suit"."""
    if noun.pos_ != "NOUN" or noun.lemma_ not in DEAL_WORDS["lawsuit"]:
        return False
    qualified = any(c.lower_ in DEAL_WORDS["legal"] and c.dep_ in ("amod", "compound") for c in noun.children)
    return qualified or noun.lemma_ in ("suit", "lawsuit")


def from_lawsuits(s: Sentence, words) -> Iterator[Fact | None]:
    """Yield who sued whom: a party taken to court, or legal action against a party."""
    sued = BY_NAME["sued"]
    for token in words:
        if token.pos_ == "VERB" and _to_court(token) and is_factual(token):
            for plaintiff in verb_subjects(s, token):
                for defendant in (a for c in token.children if c.dep_ == "dobj" for a in s.args(c)):
                    yield s.fact(sued, plaintiff, defendant, "court-verb", token)
        elif _is_lawsuit(token) and is_factual(token.head if token.dep_ in ("dobj", "nsubjpass") else token):
            verb = _filing(token)
            # the parser hangs "against Y" on the lawsuit, on its verb or on the agent ("by X against Y")
            agents = _agents(verb) if verb is not None else []
            holders = [token] + ([verb] if verb is not None else []) + agents
            defendants: list[Arg] = next((found for h in holders if (found := _defendants(s, h))), [])
            for plaintiff in noun_actor(s, token) or [a for g in agents for a in s.args(g)]:
                for defendant in defendants:
                    yield s.fact(sued, plaintiff, defendant, "lawsuit-noun", token)


def _filing(noun):
    """Return the verb a lawsuit is filed or brought with, where the parser hangs its parties on that verb:
    "filed suit against X", "the lawsuit was brought by X against Y", "a lawsuit filed by X against Y"."""
    filed = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if filed is None and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        return noun.head
    return filed


def _agents(verb):
    """Return the words naming a passive verb's agents ("was filed by Microsoft")."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _defendants(s: Sentence, head):
    """Return who a lawsuit is against: the party named ("legal action against the Home Office"), or the
    state behind its government; not a name that only describes them ("against Apple shareholders")."""
    return [a for c in head.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children
            if g.dep_ == "pobj" for a in s.args(g) if a.direct or g.lower_ in STATE_NOUNS]


def _fined_party(s: Sentence, noun):
    """Return who pays a fine: "a fine on X", or "handed X a fine" (the verb's indirect object)."""
    found = pobj_args(s, noun, ("on", "against"))
    if not found and noun.dep_ == "dobj":  # the parser may hang "on X" on the verb: "imposed a fine on X"
        found = pobj_args(s, noun.head, ("on",)) or [
            a for c in noun.head.children if c.dep_ == "dative" for a in s.args(c)]
    return found


def from_fines(s: Sentence, words) -> Iterator[Fact | None]:
    """Yield who fined whom through a fine noun: "imposed a fine on X", "handed X a £1m penalty"."""
    for noun in words:
        if noun.pos_ != "NOUN" or noun.lemma_ not in DEAL_WORDS["fine"]:
            continue
        if not is_factual(noun.head if noun.dep_ == "dobj" else noun):
            continue
        fined = _fined_party(s, noun)
        imposers = (verb_subjects(s, noun.head) if noun.dep_ == "dobj" else noun_actor(s, noun)) if fined else []
        for imposer in imposers:
            for party in fined:
                yield s.fact(BY_NAME["fined"], imposer, party, "fine-noun", noun)


TRIGGERS = DEAL_WORDS["court"] | DEAL_WORDS["lawsuit"] | DEAL_WORDS["fine"]


def from_courts(s: Sentence) -> Iterator[Fact | None]:
    """Yield the lawsuits and fines of a sentence; most sentences have no word of a court."""
    words = [t for t in s.tokens if t.lemma_ in TRIGGERS]
    if words:
        yield from from_lawsuits(s, words)
        yield from from_fines(s, words)

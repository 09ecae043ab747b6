"""Tell asserted facts from negated, future, wished or hypothetical ones, and who reported them."""

from kg.extract.lexicon import (CONDITIONALS, MODALS, NEGATIONS, NONFACTIVE_HEADS, NONFACTIVE_NOUNS,
                              NONFACTUAL_MODIFIERS, SPEECH_VERBS)


CLAUSE_LINKS = ("xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp", "pobj", "prep", "dobj", "attr")


def clause_head(token):
    """Return a token's head, repairing a finite verb coordinated under a bare infinitive.

    In "Russia said that X could destroy Y and warned Z" the parser joins "warned" to "destroy";
    a past or present verb does not coordinate with an infinitive, so it belongs to "said".
    """
    head = token.head
    if (token.dep_ == "conj" and token.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VB"
            and head.dep_ in ("ccomp", "xcomp") and head.head != head):
        return head.head
    return head


def _blocks(token):
    """Tell whether a token's own dependents make its clause non-factual."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in NEGATIONS and child.dep_ in ("neg", "advmod", "det", "preconj"):
            return True
        if child.dep_ == "aux" and child.lower_ in MODALS:
            return True
        if child.dep_ == "mark" and child.lower_ in CONDITIONALS:
            return True
    return False


def is_factual(token):
    """Tell whether the clause of a trigger word asserts it, walking up to the sentence root."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in NONFACTUAL_MODIFIERS for c in token.children):
        return False  # "its proposed takeover of X", "the abandoned bid": an act that has not happened
    current = token
    while True:
        if _blocks(current):
            return False
        if current.dep_ == "ROOT" or current.head == current:
            return True
        head = clause_head(current)
        if head.i != current.head.i:
            current = head
            continue
        if current.dep_ in ("xcomp", "ccomp", "acl", "advcl", "pcomp", "relcl", "prep") and (
                head.lemma_ in NONFACTIVE_HEADS or head.lemma_ in NONFACTIVE_NOUNS):
            return False
        if current.dep_ == "dobj" and head.lemma_ in NONFACTIVE_HEADS and head.pos_ == "VERB":
            return False  # "refused the visit", "denied the attack"
        if head.lemma_ in SPEECH_VERBS and current.dep_ in ("ccomp", "parataxis"):
            return not _blocks(head)  # reported speech: the report is judged, its subject recorded
        if current.dep_ not in CLAUSE_LINKS:
            return True
        current = head


def attribution(token, arg, args):
    """Return the entity key of who reported the clause of a trigger ("Russia says ..."), or None."""
    current = token
    while current.dep_ != "ROOT" and current.head != current:
        head = current.head
        if head.lemma_ in SPEECH_VERBS and current.dep_ in ("ccomp", "parataxis", "advcl"):
            for child in head.children:
                if child.dep_ == "nsubj":
                    found = args(child)
                    return found[0].key if found else None
            return None
        if current.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            found = arg(current)
            return found.key if found else None
        current = head
    for t in token.sent:  # "..., according to Zelenskiy's chief of staff"
        if t.lower_ == "according":
            for prep in t.children:
                for g in prep.children:
                    if g.dep_ == "pobj" and arg(g):
                        return arg(g).key
    return None

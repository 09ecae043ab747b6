"""Posts taken up or left, read from the verb that says so: "Ann Lee was appointed chairman of Tesco",
"Tesco hired Ann Lee", "Ann Lee resigned as chief executive of Tesco", "Ann Lee left Tesco", "Ann Lee was
sacked by Tesco". A post with a leading title ("chairman", "chief executive") is leaderOf (heads, for an
organisation), any other worksFor; kg.extract.tenure then dates its start or end.

An appointment that is not asserted ("was not appointed", "could be named") gives no post; a departure
that is not asserted still names a post held ("did not resign as chairman of Tesco": she is chairman,
with no end), unless it names no post ("is rumoured to be leaving Tesco": nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.factuality import is_factual
from kg.extract.lexicon import POLITICAL_TITLES
from kg.extract.rules.titles import described_by, title_words
from kg.extract.sentence import Arg, Sentence
from kg.extract.tenure import Move, move_of
from kg.model import Fact

if TYPE_CHECKING:
    from spacy.tokens import Token

# where a verb names the post: "appointed chairman", "resigned as chairman", "promoted to chief executive"
TITLE_DEPS = ("oprd", "attr")
TITLE_PREPS = ("as", "to")
# where it names the organisation when the post does not: "left Tesco", "resigned from Tesco", "sacked by
# Tesco"; one is hired "from" the last employer, not by it
ORG_PREPS = {"start": ("at", "by"), "end": ("from", "at", "by")}


def _title_nouns(s: Sentence, verb: Token, holder: Token) -> list[Token]:
    """Return the nouns naming the post: after a verb, or the holder's own when a name stands beside it
    ("Tesco sacked its chief executive, Ann Lee")."""
    nouns = [c for c in verb.children if c.dep_ in TITLE_DEPS and c.i != holder.i]
    nouns += [holder] if s.index.at(holder) is None else []
    nouns += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in TITLE_PREPS
              for g in c.children if g.dep_ == "pobj"]
    return [n for n in nouns if n.pos_ in ("NOUN", "PROPN")]


def _verb_orgs(s: Sentence, verb: Token, kind: str, slot: str, holder: Token) -> list[Arg]:
    """Return the entities a verb names as the organisation: its object, from/at/by phrase, or its
    subject when the holder is its object ("Tesco hired Lee")."""
    words = [c for c in verb.children if c.dep_ == "dobj" and c.i != holder.i]
    words += [g for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in ORG_PREPS[kind]
              for g in c.children if g.dep_ == "pobj"]
    if slot == "dobj":
        words += [c for c in verb.children if c.dep_ == "nsubj"]
    return [a for w in words for a in s.args(w, modifiers=False)]


def _posts(s: Sentence, verb: Token, key: str, move: Move, slot: str, holder: Token,
           person: Arg) -> Iterator[Fact | None]:
    """Yield the facts of one holder of a post a verb takes up or leaves."""
    rule = f"post:{key.replace(' ', '-')}"
    found = False
    for noun in _title_nouns(s, verb, holder):
        title_group, names, _ = described_by(noun)
        title, leads = title_words(title_group, noun)
        if not title:
            continue
        orgs = [a for t in names if (a := s.arg(t, modifiers=False))] or _verb_orgs(s, verb, move.kind, slot, holder)
        allowed = ("Organization", "Place") if title in POLITICAL_TITLES else ("Organization",)
        for org in orgs:
            if s.type_of(org.key) in allowed:
                found = True
                yield s.shaped_fact("leaderOf" if leads else "worksFor", person, org, rule)
    if found or (move.kind == "end" and not is_factual(verb)):
        return  # "is rumoured to be leaving Tesco" names no post she holds
    for org in _verb_orgs(s, verb, move.kind, slot, holder):
        if s.type_of(org.key) == "Organization":
            yield s.shaped_fact("worksFor", person, org, rule)


def _holders(s: Sentence, verb: Token, move: Move) -> Iterator[tuple[str, Token, Arg]]:
    """Yield (slot, token, person) for the people in a verb's holder slots (an object's appositive too:
    "Tesco sacked its chief executive, Ann Lee")."""
    for child in verb.children:
        if child.dep_ in move.slots:
            # "Ann Lee, who resigned as chairman": the relative pronoun stands for the name
            relative = verb.dep_ == "relcl" and child.lower_ in ("who", "that")
            for token in [verb.head] if relative else [child] + [c for c in child.children if c.dep_ == "appos"]:
                for person in s.args(token, modifiers=False):
                    if s.type_of(person.key) == "Person":
                        yield child.dep_, child, person


def from_posts(s: Sentence) -> Iterator[Fact]:
    """Yield worksFor and leaderOf from the verbs of one sentence that begin or end a post."""
    for verb in s.tokens:
        found = move_of(verb)
        if found is None:
            continue
        key, move = found
        if move.kind == "start" and not is_factual(verb):
            continue  # "was not appointed chairman": no post at all
        for slot, holder, person in _holders(s, verb, move):
            yield from filter(None, _posts(s, verb, key, move, slot, holder, person))


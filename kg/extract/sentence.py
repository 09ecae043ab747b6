"""A parsed sentence and the entity arguments the fact rules read from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kg.extract import dates
from kg.extract.confidence import confidence as rule_confidence
from kg.extract.factuality import attribution
from kg.extract.relations import BY_NAME, REFINEMENTS, STATE_NOUNS
from kg.model import COARSE_CLASS, Fact, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token

    from kg.extract.coref import EntityIndex
    from kg.extract.relations import Relation

DATE_PREPS = {"on", "in", "at", "during", "since", "by"}


@dataclass(frozen=True)
class Arg:
    """An entity filling a fact's slot, with the mention that names it there."""

    key: str
    mention: Span
    direct: bool = True  # False when read from a modifier ("a U.S. statement") or a pronoun
    alternative: "Arg | None" = None  # "Afghan soldiers": Afghanistan as an actor, a group as a victim


class Priors(Protocol):
    """What a sentence asks of the fact source reading it (kg.extract.sources): its id and priors."""

    @property
    def id(self) -> str:
        """Return the source's registered id."""

    def prior(self, rule: str, prop: str) -> float | None:
        """Return the prior confidence of a rule asserting a property, or None for the catalogue's."""


class _Unregistered:
    """The source of a Sentence made outside the registry (a test): rules must then give their prior."""

    id = ""

    def prior(self, rule: str, prop: str) -> float | None:
        return None


class Sentence:
    """One sentence with the entity index it needs to turn words into facts, read by one fact source."""

    def __init__(self, sent: SpacySpan, index: EntityIndex, published: str | None,
                 source: Priors | None = None, tokens: tuple[Token, ...] | None = None,
                 text: str | None = None) -> None:
        self.sent = sent
        self.index = index
        self.published = published
        self.source = source or _Unregistered()
        # every rule walks the sentence: its Token objects are made once and shared (spaCy makes a new
        # one at each index), and sources reading the same sentence share them too
        self.tokens = tuple(sent) if tokens is None else tokens
        self._args: dict[tuple[int, bool], Arg | None] = {}
        # the paragraph break after a sentence is not evidence
        text = (sent.text if text is None else text).rstrip()
        self.span = Span(sent.start_char, sent.start_char + len(text), text)

    def arg(self, token: Token, modifiers: bool = True) -> Arg | None:
        """Return the entity a token names: its mention or antecedent, else (with modifiers) the state
        behind "Russian troops", an unnamed group ("gunmen"), or an entity modifying the word."""
        key = (token.i, modifiers)  # rules ask of the same words again and again: answered once
        if key not in self._args:
            self._args[key] = self._arg(token, modifiers)
        return self._args[key]

    def _arg(self, token: Token, modifiers: bool) -> Arg | None:
        """Return arg() of a token, computed."""
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
        modifier: Arg | None = None
        for child in token.children:  # "a U.S. statement", "NATO deployment", "Ukraine's sovereignty"
            named = self.index.at(child) if child.dep_ in ("compound", "poss", "amod", "nmod") else None
            if named:
                modifier = Arg(*named, direct=False)
                break
        unnamed = self.index.group(token)
        group = Arg(*unnamed, direct=False) if unnamed else None
        if modifier and token.lower_ in STATE_NOUNS and self.type_of(modifier.key) == "Place":
            return Arg(modifier.key, modifier.mention, False, group)
        return group or modifier

    def _previous_subject(self, pronoun: Token) -> Arg | None:
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

    def args(self, token: Token, modifiers: bool = True) -> list[Arg]:
        """Return the entities of a token and of its conjuncts ("Ukraine, Western countries and NATO"), and
        those a plural noun lists in apposition ("two brands, Hard Candy and Urban Decay")."""
        found: list[Arg] = []
        listed = [c for t in (token, *token.conjuncts) if t.tag_ in ("NNS", "NNPS") and modifiers
                  for a in t.children if a.dep_ == "appos" for c in a.conjuncts]
        for t in (token, *token.conjuncts, *listed):
            a = self.arg(t, modifiers)
            if a and a.key not in [f.key for f in found]:
                found.append(a)
        return found

    def type_of(self, key: str) -> str:
        """Return the coarse class of an entity."""
        etype = self.index.type_of(key)
        return COARSE_CLASS.get(etype, etype)

    def date(self, *tokens: Token) -> str | None:
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

    def shaped_fact(self, name: str, subj: Arg, obj: Arg, rule: str, prior: float | None = None) -> Fact | None:
        """Return a fact read from a noun-phrase shape (title, locative), or None for a self-relation.

        The prior is the registered source's for the rule and property (kg.extract.sources)."""
        if subj.key == obj.key:
            return None
        prior = self.source.prior(rule, name) if prior is None else prior
        if prior is None:
            raise ValueError(f"no prior confidence registered for rule {rule!r} asserting {name}")
        name = REFINEMENTS.get((name, self.type_of(obj.key)), name)
        conf = rule_confidence(name, rule, prior, subj.direct and obj.direct)
        return Fact(subj.key, name, obj.key, conf, self.span, subj.mention, obj.mention, rule,
                    source=self.source.id)

    def fits(self, relation: Relation, subj: Arg, obj: Arg) -> tuple[Arg, Arg] | tuple[None, None]:
        """Return the first (subject, object) among the readings of two arguments the relation's types allow."""
        for s_ in (subj, subj.alternative):
            for o_ in (obj, obj.alternative):
                if s_ and o_ and s_.key != o_.key and self.type_of(s_.key) in relation.subject_types \
                        and self.type_of(o_.key) in relation.object_types:
                    return s_, o_
        return None, None

    def fact(self, relation: Relation, subj: Arg, obj: Arg, rule: str, trigger: Token,
             confidence: float | None = None) -> Fact | None:
        """Return a Fact if the two entities fit the relation's types, else None."""
        fit_subj, fit_obj = self.fits(relation, subj, obj)
        if fit_subj is None or fit_obj is None:
            return None
        subj, obj = fit_subj, fit_obj
        if relation.person_subject_as and self.type_of(subj.key) == "Person":
            relation = BY_NAME[relation.person_subject_as]
        name = REFINEMENTS.get((relation.name, self.type_of(obj.key)), relation.name)
        prior = self.source.prior(rule, relation.name) if confidence is None else confidence
        conf = rule_confidence(name, rule, relation.confidence if prior is None else prior,
                               subj.direct and obj.direct)
        said_by = attribution(trigger, self.arg, self.args)
        return Fact(subj.key, name, obj.key, conf, self.span, subj.mention, obj.mention, rule,
                    date=self.date(trigger, trigger.head) if relation.event else None,
                    attributed_to=said_by, source=self.source.id)

"""Index a document's entity mentions and resolve pronouns and definite descriptions to them."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kg.extract import gazetteer
from kg.extract.lexicon import GROUP_HEADS, LEADER_TITLES, ORG_ANAPHORS, PERSON_PRONOUNS, WORK_TITLES
from kg.extract.relations import VERB_RELATIONS
from kg.model import COARSE_CLASS, Entity, Fact, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


TITLE_WORDS = {w for t in LEADER_TITLES | WORK_TITLES for w in t.split()}
GROUP_MODIFIER_DEPS = ("compound", "amod", "npadvmod", "punct", "nmod")
MAX_SENTENCE_GAP = 2  # a pronoun further than this from any name stays unresolved
SOURCE_HEADS = {"tell": "dobj", "report": "nsubj", "according": "pobj"}  # "told Reuters", "Reuters reported"


def _reports(token) -> bool:
    """Tell whether a name is where a statement was made, not what it is about ("told Reuters")."""
    head = token.head.head if token.head.lower_ == "to" else token.head
    return SOURCE_HEADS.get(head.lemma_.lower()) == token.dep_


def _is_subject(token) -> bool:
    """Tell whether a word is a clause's subject, or a conjunct of one ("X and Y said")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


class EntityIndex:
    """Where each entity is mentioned, by token, including resolved pronouns and descriptions."""

    def __init__(self, doc: Doc, entities: Iterable[Entity], token_entity: dict[int, str],
                 token_mention: dict[int, Span]) -> None:
        self.entities = {e.key: e for e in entities}
        self.token_entity = token_entity
        self.token_mention = token_mention
        self.group_mentions: dict[str, set[Span]] = {}  # unnamed groups made entities while reading facts
        self.titles = self._titles(doc)
        self._states: dict[str, str | None] = {}  # person key -> country it was introduced with
        # names only ever told or reporting: a source, never "the bank" of the next sentence
        self.sources = set(token_entity.values()) - {
            k for i, k in token_entity.items() if not _reports(doc[i]) and token_entity.get(doc[i].head.i) != k}
        self.coref = self._resolve(doc)

    def final_entities(self, facts: Iterable[Fact]) -> list[Entity]:
        """Return the named entities, and the unnamed groups that take part in a fact, with their mentions."""
        used = {f.subject for f in facts} | {f.object for f in facts}
        found = []
        for key, entity in self.entities.items():
            if key in self.group_mentions:
                if key not in used:
                    continue
                mentions = tuple(sorted(self.group_mentions[key], key=lambda s: s.start))
                entity = Entity(key, entity.label, entity.type, mentions)
            found.append(entity)
        return found

    def at(self, token: Token) -> tuple[str, Span] | None:
        """Return (entity key, mention span) a token names, or None."""
        if token.i in self.token_entity:
            return self.token_entity[token.i], self.token_mention[token.i]
        return self.coref.get(token.i)

    def group(self, token: Token) -> tuple[str, Span] | None:
        """Return (key, span) of the unnamed group a noun heads ("Taliban gunmen"), making it an entity."""
        if token.lemma_ not in GROUP_HEADS and token.lower_ not in GROUP_HEADS:
            return None
        words = [t for t in token.subtree if t.i <= token.i and (t.i == token.i or t.dep_ in GROUP_MODIFIER_DEPS
                                                                  and t.head.i <= token.i)]
        start = min(t.i for t in words)
        # a number ends what comes before it: "shot dead two park guards", "more than 40 people"
        start = max([start] + [t.i + 1 for t in token.doc[start:token.i] if t.like_num])
        while start < token.i and token.doc[start].is_punct:
            start += 1
        span = token.doc[start:token.i + 1]
        label = " ".join(span.text.split())
        key = f"group:{label.lower()}"
        if key not in self.entities:
            self.entities[key] = Entity(key, label, "Group", ())
        self.group_mentions.setdefault(key, set()).add(Span(span.start_char, span.end_char, span.text))
        return key, Span(span.start_char, span.end_char, span.text)

    def type_of(self, key: str) -> str:
        """Return the ontology class of an entity."""
        return self.entities[key].type

    def _titles(self, doc):
        """Return {person key: set of title words seen before or beside their name}."""
        titles: dict[str, set[str]] = {}
        for i, key in self.token_entity.items():
            if self.entities[key].type != "Person":
                continue
            token = doc[i]
            words = {c.lower_ for c in token.children if c.dep_ in ("compound", "appos") and c.i < i}
            titles.setdefault(key, set()).update(words & TITLE_WORDS)
        return titles

    def _resolve(self, doc):
        """Return {token index: (entity key, span)} for pronouns and descriptions with a clear antecedent."""
        resolved: dict[int, tuple[str, Span]] = {}
        history: list[tuple[int, str, bool, str]] = []  # (sentence number, key, is subject, type) in text order
        sentences: list[int] = []  # the sentence numbers of history, ascending: the recent part is a slice
        people: dict[str, None] = {}  # every person named so far, once (a long text stays linear)
        for n, sent in enumerate(doc.sents):
            for token in sent:
                if token.i in self.token_entity:
                    key = self.token_entity[token.i]
                    if not history or history[-1][1] != key or history[-1][0] != n:
                        history.append((n, key, _is_subject(token), self.type_of(key)))
                        sentences.append(n)
                        if history[-1][3] == "Person":
                            people[key] = None
                    elif _is_subject(token):  # "Lumen Holdings": the name's last word is its head
                        history[-1] = (n, key, True, history[-1][3])
                    continue
                if token.pos_ not in ("PRON", "NOUN"):
                    continue  # only pronouns and descriptions refer back (most words: no slice of history)
                recent = history[bisect.bisect_left(sentences, n - MAX_SENTENCE_GAP):]
                key = self._antecedent(token, n, recent, people)
                if key:
                    resolved[token.i] = (key, Span(token.idx, token.idx + len(token.text), token.text))
        return resolved

    def _antecedent(self, token, n, recent, people):
        """Return the entity key a pronoun or definite description refers to, or None; recent: the
        history entries within MAX_SENTENCE_GAP sentences, people: the persons named so far."""
        if token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
            people = [h for h in recent if h[3] == "Person"]
            same = [h for h in people if h[0] == n]
            if same:
                return same[-1][1]
            previous = [h for h in people if h[0] == n - 1 and h[2]] or people
            return previous[0][1] if previous and len({h[1] for h in previous}) == 1 else (
                previous[-1][1] if previous else None)
        if token.lower_ == "its" and token.pos_ == "PRON":
            return self._its(n, recent)
        if token.lower_ == "it" and (token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "dobj"
                                     and token.head.lemma_ in VERB_RELATIONS):
            # a subject, or the object of a verb of the catalogue ("quit the party and accused it of ..."):
            # "you guessed it" is no one; and a state only as the state's own subject ("Russia said it
            # would ..."): "The German carmaker said it had held talks" is the carmaker
            return self._its(n, recent, states_as_subjects=True)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        if token.lower_ in TITLE_WORDS and token.pos_ == "NOUN":
            if (token.dep_ == "compound" and token.head.i in self.token_entity) or any(
                    c.dep_ == "appos" and c.i in self.token_entity for c in token.children):
                return None  # "the Scotland coach Matt Williams" names its coach itself
            return self._titled_person(token, people)
        if any(c.dep_ in ("compound", "amod", "nmod") and c.i in self.token_entity for c in token.children):
            return None  # "the Islamic State militant group" names its entity itself
        if token.lemma_ in ORG_ANAPHORS and token.pos_ == "NOUN":
            orgs = [h for h in recent if h[3] == "Organization" and h[1] not in self.sources]
            return orgs[-1][1] if orgs and len({h[1] for h in orgs}) == 1 else None
        return None

    @staticmethod
    def _its(n, recent, states_as_subjects=False):
        """Return the organisation or country "its" or "it" refers to: the one such entity named earlier
        in its sentence ("LVMH is focusing on its labels", "Kazakhstan ... its president", "Shares in
        Oracle rose after it bought PeopleSoft"), else the one such subject of the sentence before;
        two candidates: none ("AMF began proceedings against Vivendi, its chief executive ...")."""
        for m in (n, n - 1):
            # a town is seldom "its" owner: "Paris-based LVMH ... its labels" are LVMH's
            found = {h[1] for h in recent if h[0] == m and (h[2] or m == n)
                     and (h[3] == "Country" and (h[2] or not states_as_subjects)
                          or COARSE_CLASS.get(h[3], h[3]) == "Organization")}
            if found:
                return found.pop() if len(found) == 1 else None
        return None

    def _titled_person(self, token, people):
        """Resolve "the Ukrainian president" to the one person titled so who is not another state's."""
        demonym = next((c.text for c in token.children if gazetteer.demonym_country(c.text)), None)
        country = gazetteer.demonym_country(demonym).name if demonym else None
        candidates = [key for key in people if token.lower_ in self.titles.get(key, ())]
        if country:
            candidates = [k for k in candidates if self._state_of(k) in (None, country)]
        return candidates[0] if len(candidates) == 1 else None

    def _state_of(self, key):
        """Return the country a titled person was introduced with ("U.S. President Joe Biden"), if any."""
        if key not in self._states:
            self._states[key] = next((other for i, k in self.token_entity.items() if k == key
                                      for j in range(i - 3, i) if (other := self.token_entity.get(j)) is not None
                                      and other != key and self.type_of(other) == "Country"), None)
        return self._states[key]

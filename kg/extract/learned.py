"""The learned extractor as a fact source: a trained model reads relations between entity mentions.

A model directory made by `kg train` (or the one shipped in kg/data/model) says in its config which
mentions it reads between: "given" (kg's own entity mentions, found by the rules: the model judges
every pair of them in a sentence) or "model" (its own entity head finds and types the mentions, and
they become the document's entities). Either way a fact's confidence is the model's calibrated
probability, and of the properties it finds for a pair only the most specific is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from kg.extract.mentions import match_key
from kg.extract.relations import EVENT_CLASS
from kg.extract.sentence import Sentence
from kg.extract.sources import SOURCES, DocumentSource, Parsed, Rule
from kg.extract.typer import type_votes
from kg.model import Entity, Fact, Span

RULE = "model"  # the kg:rule of every fact the model reads
COARSE = {"Country": "Place", "City": "Place", "Region": "Place"}


@dataclass(frozen=True)
class Slot:
    """A mention the model reads: its entity key (None until entities exist), span and coarse type."""

    key: str | None
    span: Span
    type: str


@lru_cache(maxsize=2)
def load_learned(path: str) -> Any:
    """Return the trained model in a directory (loaded once per process)."""
    from kg.learn import load

    return load(path)


def reads_own_mentions(model: Any) -> bool:
    """Tell whether the model finds its own entity mentions (else it reads kg's)."""
    return model.config.metadata.get("mentions", "model") == "model"


def _sentence_slots(sent: Any, parsed: Parsed) -> list[Slot]:
    """Return the named mentions kg's entity index holds in one sentence, each once."""
    index, slots, seen = parsed.index, [], set()
    for token in sent:
        key = index.token_entity.get(token.i)
        span = index.token_mention.get(token.i)
        if key is None or span is None or (span.start, span.end) in seen:
            continue
        seen.add((span.start, span.end))
        slots.append(Slot(key, span, COARSE.get(index.type_of(key), index.type_of(key))))
    return slots


def _facts(model: Any, parsed: Parsed, sents: Sequence[Any], slots: Sequence[Sequence[Slot]]) -> Iterator[Fact]:
    """Yield the facts the model reads between the slots of each sentence."""
    from kg.learn.hierarchy import most_specific

    known = set(model.config.entity_types)
    usable = [[s for s in row if s.type in known] for row in slots]
    todo = [i for i, row in enumerate(usable) if len(row) > 1]
    chunks = [sents[i].text for i in todo]
    given = [[(s.span.start - sents[i].start_char, s.span.end - sents[i].start_char, s.type) for s in usable[i]]
             for i in todo]
    floor = float(model.config.metadata.get("publish_threshold", 0.0))
    for i, prediction in zip(todo, model.predict(chunks, given) if todo else ()):
        published = [r for r in prediction.relations if r.probability >= floor]
        for k in most_specific([(r.head, r.tail, r.predicate) for r in published]):
            relation = published[k]
            fact = _fact(usable[i][relation.head], usable[i][relation.tail], relation, sents[i], parsed)
            if fact:
                yield fact


def _fact(subj: Slot, obj: Slot, relation: Any, sent: Any, parsed: Parsed) -> Fact | None:
    """Return one model fact with its evidence, or None for an entity related to itself."""
    if subj.key is None or obj.key is None or subj.key == obj.key:
        return None
    s = Sentence(sent, parsed.index, parsed.published)
    date = s.date() if relation.predicate in EVENT_CLASS else None
    return Fact(subj.key, relation.predicate, obj.key, round(float(relation.probability), 3), s.span,
                subj.span, obj.span, RULE, date=date, source=RULE)


@lru_cache(maxsize=2)
def learned_source(path: str) -> DocumentSource:
    """Return the fact source of the model in a directory, for kg's own entity mentions."""
    model = load_learned(path)

    def read(parsed: Parsed) -> Iterable[Fact]:
        sents = list(parsed.doc.sents)
        return list(_facts(model, parsed, sents, [_sentence_slots(s, parsed) for s in sents]))

    return DocumentSource(RULE, (Rule(RULE, tuple(model.config.predicates)),), read)


@lru_cache(maxsize=2)
def extraction_sources(path: str | None) -> tuple[Callable[[Any], Any] | None, tuple[Any, ...]]:
    """Return (the model's own entity finder or None, the fact sources) for a model directory.

    None: kg's rules alone. A model reading kg's mentions runs after the rules, whose facts win
    a repeat (their evidence names the trigger, for dates and attribution); a model finding its
    own mentions runs alone.
    """
    if path is None:
        return None, SOURCES
    if reads_own_mentions(load_learned(path)):
        return partial(model_entities, path), (learned_source(path),)
    return None, (*SOURCES, learned_source(path))


@lru_cache(maxsize=2)
def entity_typer(path: str | None) -> Callable[..., list[dict[str, float]]] | None:
    """Return the function giving kg's own mentions the model's type votes; None for the rules alone or a
    model that finds its own mentions."""
    if path is None or reads_own_mentions(load_learned(path)):
        return None
    return partial(type_votes, load_learned(path))


def learned_name(path: str) -> str:
    """Return how an extraction names the model it used: its directory and format version."""
    config = load_learned(path).config
    return f"model:{Path(path).name}-v{config.format_version}"


def model_entities(path: str, doc: Any) -> tuple[list[Entity], dict[int, str], dict[int, Span]]:
    """Return the entities the model's own entity head finds, with kg's token maps of them.

    Mentions with one name are one entity, of the type most of its mentions' scores vote for:
    one name, one node and one type per document.
    """
    model = load_learned(path)
    sents = list(doc.sents)
    found: dict[str, list[tuple[Span, str, float]]] = {}
    for sent, prediction in zip(sents, model.predict([s.text for s in sents])):
        for m in prediction.mentions:
            start, end = sent.start_char + m.start, sent.start_char + m.end
            span = Span(start, end, doc.text[start:end])
            found.setdefault(match_key(span.text), []).append((span, m.type, float(m.score)))
    entities = [_entity(mentions) for mentions in found.values()]
    return entities, *_token_maps(doc, entities)


def _entity(mentions: list[tuple[Span, str, float]]) -> Entity:
    """Return an entity named by its longest mention, typed by its mentions' summed scores."""
    votes: dict[str, float] = {}
    for _, etype, score in mentions:
        votes[etype] = votes.get(etype, 0.0) + score
    label = max((m[0] for m in mentions), key=lambda s: (len(s.text), -s.start)).text
    spans = tuple(sorted({m[0] for m in mentions}, key=lambda s: s.start))
    return Entity(label, label, max(sorted(votes), key=votes.__getitem__), spans)


def _token_maps(doc: Any, entities: Sequence[Entity]) -> tuple[dict[int, str], dict[int, Span]]:
    """Return {token index: entity key} and {token index: mention} over the entities' mentions."""
    token_entity: dict[int, str] = {}
    token_mention: dict[int, Span] = {}
    for entity in entities:
        for span in entity.mentions:
            tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
            for token in tokens or ():
                token_entity[token.i], token_mention[token.i] = entity.key, span
    return token_entity, token_mention

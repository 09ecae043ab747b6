"""Strict entity and relation precision/recall/F1 of a model on gold records."""

from __future__ import annotations

from typing import Any, Protocol, Sequence

from kg.learn.predict import ChunkPrediction, GivenMention
from kg.learn.records import Record

EntityKey = tuple[int, int, str]
RelationKey = tuple[EntityKey, EntityKey, str]


class Predicts(Protocol):
    """Anything with LearnedModel's predict signature."""

    def predict(self, chunks: Sequence[str], mentions: Sequence[Sequence[GivenMention]] | None = None,
                all_probabilities: bool = False) -> list[ChunkPrediction]:
        """Predict mentions and relations for each chunk."""
        ...


def gold_keys(record: Record) -> tuple[set[EntityKey], set[RelationKey]]:
    """Return a record's gold mentions and facts as comparable keys."""
    mentions = [(m.start, m.end, m.type) for m in record.mentions]
    facts = {(mentions[f.head], mentions[f.tail], f.predicate) for f in record.facts}
    return set(mentions), facts


def predicted_keys(prediction: ChunkPrediction) -> tuple[set[EntityKey], set[RelationKey]]:
    """Return a prediction's mentions and relations as comparable keys."""
    mentions = [(m.start, m.end, m.type) for m in prediction.mentions]
    relations = {(mentions[r.head], mentions[r.tail], r.predicate) for r in prediction.relations}
    return set(mentions), relations


def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    """Return precision, recall, F1 and the counts."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "correct": correct, "predicted": predicted, "gold": gold}


def score(model: Predicts, records: Sequence[Record], gold_mentions: bool = False) -> dict[str, dict[str, float]]:
    """Score strictly: exact offsets and types for entities, plus the predicate for relations."""
    given = [[(m.start, m.end, m.type) for m in r.mentions] for r in records] if gold_mentions else None
    predictions = model.predict([r.text for r in records], given)
    counts = {"entity": [0, 0, 0], "relation": [0, 0, 0]}
    for record, prediction in zip(records, predictions):
        pairs: tuple[tuple[str, set[Any], set[Any]], ...] = tuple(
            zip(("entity", "relation"), gold_keys(record), predicted_keys(prediction)))
        for name, gold, found in pairs:
            counts[name][0] += len(gold & found)
            counts[name][1] += len(found)
            counts[name][2] += len(gold)
    return {name: prf(*values) for name, values in counts.items()}

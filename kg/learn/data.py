"""Turn records into training examples (pieces, BIO labels, pair layouts) and length-bucketed batches."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from kg.learn.heads import all_pairs, pair_layout
from kg.learn.records import Record
from kg.learn.text import IGNORE, Encoded, PieceTokenizer, bio_labels, chunk_record, piece_range

MAX_NEGATIVES = 100  # negative pairs kept per chunk; news chunks can hold hundreds of pairs


@dataclass(frozen=True, eq=False)
class Example:
    """One training chunk: its pieces, BIO labels and the pairs of its gold mentions with targets."""

    encoded: Encoded
    labels: np.ndarray  # (L,) label ids, IGNORE on non-first pieces
    layout: np.ndarray  # (P, 7) from heads.pair_layout
    head_types: np.ndarray  # (P,)
    tail_types: np.ndarray  # (P,)
    targets: np.ndarray  # (P, predicates) 0/1


def make_examples(records: Sequence[Record], tokenizer: PieceTokenizer, labels: Sequence[str],
                  types: Sequence[str], predicates: Sequence[str], max_pieces: int,
                  rng: random.Random) -> list[Example]:
    """Chunk every record and build one Example per chunk, subsampling negative pairs."""
    type_index = {name: i for i, name in enumerate(types)}
    predicate_index = {name: i for i, name in enumerate(predicates)}
    examples = []
    for record in records:
        for chunk in chunk_record(record, tokenizer, max_pieces):
            encoded = tokenizer.encode([chunk.text])[0]
            positive: dict[tuple[int, int], set[int]] = {}
            for fact in chunk.facts:
                if fact.predicate in predicate_index:
                    positive.setdefault((fact.head, fact.tail), set()).add(predicate_index[fact.predicate])
            pairs = _sample_pairs(len(chunk.mentions), positive, rng)
            ranges = [piece_range(encoded, m.start, m.end) for m in chunk.mentions]
            kinds = np.array([type_index[m.type] for m in chunk.mentions], dtype=np.int64)
            targets = np.zeros((len(pairs), len(predicates)), dtype=np.float32)
            for row, pair in enumerate(pairs):
                targets[row, sorted(positive.get(pair, ()))] = 1.0
            index = np.array(pairs, dtype=np.int64).reshape(-1, 2)
            examples.append(Example(encoded, bio_labels(encoded, chunk.mentions, labels),
                                    pair_layout(ranges, pairs), kinds[index[:, 0]], kinds[index[:, 1]], targets))
    return examples


def _sample_pairs(count: int, positive: dict[tuple[int, int], set[int]], rng: random.Random) -> list[tuple[int, int]]:
    """Keep every positive pair and at most MAX_NEGATIVES random negative ones."""
    pairs = all_pairs(count)
    negatives = [p for p in pairs if p not in positive]
    if len(negatives) > MAX_NEGATIVES:
        negatives = rng.sample(negatives, MAX_NEGATIVES)
    keep = set(negatives) | set(positive)
    return [p for p in pairs if p in keep]


def make_batches(examples: Sequence[Example], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Group examples of similar length (sorted with a random tie-break) and shuffle the groups."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i].encoded.ids), rng.random()))
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def collate(examples: Sequence[Example]) -> dict[str, np.ndarray]:
    """Pad a batch to (B, L) arrays and stack its pairs with the row of their chunk."""
    length = max(len(e.encoded.ids) for e in examples)
    size = (len(examples), length)
    ids, mask, shapes = np.zeros(size, np.int64), np.zeros(size, np.int64), np.zeros(size, np.int64)
    labels = np.full(size, IGNORE, dtype=np.int64)
    for row, e in enumerate(examples):
        n = len(e.encoded.ids)
        ids[row, :n], mask[row, :n], shapes[row, :n], labels[row, :n] = e.encoded.ids, 1, e.encoded.shapes, e.labels
    rows = np.concatenate([np.full(len(e.layout), r, np.int64) for r, e in enumerate(examples)])
    return {
        "ids": ids, "mask": mask, "shapes": shapes, "labels": labels, "rows": rows,
        "layout": np.concatenate([e.layout for e in examples]),
        "head_types": np.concatenate([e.head_types for e in examples]),
        "tail_types": np.concatenate([e.tail_types for e in examples]),
        "targets": np.concatenate([e.targets for e in examples]),
    }

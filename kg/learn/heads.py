"""The entity and relation heads in numpy, and the pair layout shared with the torch trainer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

N_GAP_BUCKETS = 10  # gaps 0,1,2,3,4,5-7,8-15,16-31,32-63,64+ pieces
N_BUCKETS = 2 * N_GAP_BUCKETS  # times the direction (head before tail, or after)
HEAD_ARRAYS = ("entity_w", "entity_b", "type_emb", "bucket_emb", "rel_w1", "rel_b1", "rel_w2", "rel_b2")


def gap_bucket(gap: int) -> int:
    """Bucket a piece gap on a log scale."""
    if gap < 5:
        return gap
    return min(N_GAP_BUCKETS - 1, 5 + int(np.log2(gap)) - 2)


def pair_layout(ranges: Sequence[tuple[int, int]], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """Return (P, 7) int rows: head lo/hi, tail lo/hi, between lo/hi (lo == hi when empty), bucket."""
    rows = np.zeros((len(pairs), 7), dtype=np.int64)
    for row, (h, t) in enumerate(pairs):
        (h_lo, h_hi), (t_lo, t_hi) = ranges[h], ranges[t]
        if h_hi <= t_lo:
            b_lo, b_hi = h_hi, t_lo
        elif t_hi <= h_lo:
            b_lo, b_hi = t_hi, h_lo
        else:  # overlapping mentions have nothing between them
            b_lo = b_hi = 0
        direction = 0 if h_lo <= t_lo else 1
        bucket = direction * N_GAP_BUCKETS + gap_bucket(b_hi - b_lo)
        rows[row] = (h_lo, h_hi, t_lo, t_hi, b_lo, b_hi, bucket)
    return rows


def all_pairs(count: int) -> list[tuple[int, int]]:
    """List every ordered pair of distinct mention indices."""
    return [(h, t) for h in range(count) for t in range(count) if h != t]


def softmax(logits: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, numerically stable."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


def sigmoid(logits: np.ndarray) -> np.ndarray:
    """Logistic function, stable for large magnitudes."""
    return 0.5 * (1.0 + np.tanh(0.5 * logits))


@dataclass(frozen=True, eq=False)
class Heads:
    """The trained head weights: a linear BIO tagger and a pair MLP over pooled piece vectors."""

    arrays: dict[str, np.ndarray]

    @classmethod
    def load(cls, path: Path | str) -> "Heads":
        """Read heads.npz."""
        with np.load(path) as data:
            return cls({name: data[name].astype(np.float32) for name in HEAD_ARRAYS})

    def save(self, path: Path | str) -> None:
        """Write heads.npz."""
        arrays: dict[str, Any] = {name: self.arrays[name] for name in HEAD_ARRAYS}
        np.savez(path, **arrays)

    def entity_logits(self, hidden: np.ndarray) -> np.ndarray:
        """Score every piece against every BIO label: (L, D) -> (L, labels)."""
        return hidden @ self.arrays["entity_w"] + self.arrays["entity_b"]

    def relation_logits(self, hidden: np.ndarray, layout: np.ndarray, head_types: np.ndarray,
                        tail_types: np.ndarray) -> np.ndarray:
        """Score each laid-out pair against every predicate: -> (P, predicates)."""
        a = self.arrays
        if not len(layout):
            return np.zeros((0, a["rel_b2"].shape[0]), dtype=np.float32)
        # Pool each distinct span once: mentions recur in many pairs.
        spans = np.concatenate([layout[:, 0:2], layout[:, 2:4], layout[:, 4:6]])
        unique, where = np.unique(spans, axis=0, return_inverse=True)
        pooled = np.stack([hidden[lo:hi].max(axis=0) if hi > lo else np.zeros(hidden.shape[1], hidden.dtype)
                           for lo, hi in unique])
        h, t, b = np.split(pooled[where.reshape(-1)], 3)
        features = np.concatenate([h, t, b, a["type_emb"][head_types], a["type_emb"][tail_types],
                                   a["bucket_emb"][layout[:, 6]]], axis=1)
        hidden_layer = np.maximum(features @ a["rel_w1"] + a["rel_b1"], 0.0)
        return hidden_layer @ a["rel_w2"] + a["rel_b2"]

"""Fit temperatures and the relation threshold on held-out records; tabulate reliability."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from kg.learn.heads import sigmoid
from kg.learn.predict import Predictor
from kg.learn.records import Mention, Record
from kg.learn.scoring import gold_keys
from kg.learn.text import IGNORE, bio_labels

TEMPERATURES = np.exp(np.linspace(np.log(0.2), np.log(5.0), 81))
BIASES = np.linspace(-4.0, 2.0, 61)


@dataclass(frozen=True)
class Calibration:
    """Fitted temperatures, the F1-best threshold and the reliability table of the relation head."""

    entity_temperature: float
    relation_temperature: float
    relation_bias: float
    threshold: float
    f1_at_threshold: float
    reliability: tuple[tuple[float, float, int, float, float], ...]  # lo, hi, count, mean prob, precision
    candidates: int


def calibrate(predictor: Predictor, records: Sequence[Record], gold_mentions: bool) -> Calibration:
    """Fit on records: entity T on word labels, relation T on candidate pairs, then the threshold."""
    given = [[(m.start, m.end, m.type) for m in r.mentions] for r in records] if gold_mentions else None
    units = predictor.run([r.text for r in records], given)
    entity_logits, entity_gold, rel_logits, rel_gold = [], [], [], []
    gold_facts = 0
    labels = predictor.config.labels
    for record in records:
        gold_facts += len(gold_keys(record)[1])
    for unit in units:
        record = records[unit.chunk]
        if unit.entity_logits is not None:
            window = [Mention(m.start - unit.offset, m.end - unit.offset, m.type) for m in record.mentions
                      if unit.offset <= m.start and m.end <= unit.end]
            target = bio_labels(unit.encoded, window, labels)
            keep = target != IGNORE
            entity_logits.append(unit.entity_logits[keep])
            entity_gold.append(target[keep])
        facts = gold_keys(record)[1]
        spans = [(s + unit.offset, e + unit.offset, t) for s, e, t, _, _ in unit.mentions]
        assert unit.logits is not None  # the predictor filled them
        for (h, t), row in zip(unit.pairs, unit.logits):
            rel_logits.append(row)
            rel_gold.append([(spans[h], spans[t], p) in facts for p in predictor.config.predicates])
    entity_t = _fit_softmax(np.concatenate(entity_logits), np.concatenate(entity_gold)) if entity_logits else 1.0
    logits = np.array(rel_logits, dtype=np.float64).reshape(-1, len(predictor.config.predicates)).ravel()
    gold = np.array(rel_gold, dtype=bool).reshape(-1, len(predictor.config.predicates)).ravel()
    relation_t, bias = _fit_sigmoid(logits, gold)
    probs = sigmoid(logits / relation_t + bias)
    threshold, f1 = best_threshold(probs, gold, gold_facts)
    return Calibration(entity_t, relation_t, bias, threshold, f1, reliability(probs, gold), len(probs))


def _fit_softmax(logits: np.ndarray, gold: np.ndarray) -> float:
    """Return the temperature minimising the softmax negative log-likelihood."""
    logits = logits.astype(np.float64)
    best = (np.inf, 1.0)
    for t in TEMPERATURES:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        nll = -(z[np.arange(len(gold)), gold] - np.log(np.exp(z).sum(axis=1))).mean()
        best = min(best, (nll, float(t)))
    return best[1]


def _fit_sigmoid(logits: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """Return the temperature and bias (Platt scaling) minimising the pairs' binary cross-entropy.

    A bias as well as a temperature: with tagged mentions a pair also fails when a mention is wrong,
    which the relation logit cannot see, so the head is over-confident by a shift, not only a scale.
    """
    if not len(logits) or gold.all() or not gold.any():
        return 1.0, 0.0
    best = (np.inf, 1.0, 0.0)
    sign = np.where(gold, -1.0, 1.0)
    for t in TEMPERATURES:
        z = logits / t
        for bias in BIASES:
            # log(1 + e^-x) for positives, log(1 + e^x) for negatives, computed stably.
            nll = np.logaddexp(0.0, sign * (z + bias)).mean()
            best = min(best, (nll, float(t), float(bias)))
    return best[1], best[2]


def best_threshold(probs: np.ndarray, gold: np.ndarray, gold_total: int) -> tuple[float, float]:
    """Return the probability cut maximising F1 against gold_total facts, and that F1."""
    if not gold_total or not len(probs):
        return 0.5, 0.0
    order = np.argsort(-probs, kind="stable")
    hits = np.cumsum(gold[order])
    predicted = np.arange(1, len(order) + 1)
    f1 = 2 * hits / (predicted + gold_total)
    cut = int(f1.argmax())
    # Midway to the next candidate so that small numeric drift (int8) does not flip the last one.
    below = probs[order[cut + 1]] if cut + 1 < len(order) else 0.0
    threshold = float(np.clip((probs[order[cut]] + below) / 2, 0.05, 0.95))
    return threshold, float(f1[cut])


def reliability(probs: np.ndarray, gold: np.ndarray, bins: int = 10) -> tuple[tuple, ...]:
    """Bin predicted probabilities and report count, mean probability and observed precision per bin."""
    rows = []
    edges = np.linspace(0.0, 1.0, bins + 1)
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (probs >= lo) & ((probs < hi) if hi < 1.0 else (probs <= hi))
        count = int(inside.sum())
        mean = float(probs[inside].mean()) if count else 0.0
        precision = float(gold[inside].mean()) if count else 0.0
        rows.append((float(lo), float(hi), count, mean, precision))
    return tuple(rows)

"""Run a trained model in numpy: batch chunks by length, tag mentions, score mention pairs."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from kg.learn.heads import Heads, all_pairs, pair_layout, sigmoid, softmax
from kg.learn.text import Encoded, PieceTokenizer, decode_bio, piece_range, split_spans

FORMAT_VERSION = 1
# (ids, attention mask, shape ids), each (B, L) int64 -> hidden states (B, L, D) float32
EncoderFn = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
GivenMention = tuple[int, int, str]


@dataclass(frozen=True)
class ModelConfig:
    """What inference needs to know about a trained model (the rest of config.json is metadata)."""

    entity_types: tuple[str, ...]
    predicates: tuple[str, ...]
    max_pieces: int = 200
    entity_temperature: float = 1.0
    relation_temperature: float = 1.0
    relation_bias: float = 0.0  # Platt shift after the temperature: p = sigmoid(z / T + bias)
    threshold: float = 0.5
    format_version: int = FORMAT_VERSION
    metadata: dict = field(default_factory=dict, compare=False)

    @property
    def labels(self) -> tuple[str, ...]:
        """Return the BIO label set: O, then B-/I- per entity type."""
        return ("O",) + tuple(f"{p}-{t}" for t in self.entity_types for p in ("B", "I"))

    def save(self, path: Path | str) -> None:
        """Write config.json, metadata included."""
        data = asdict(self)
        data.update(data.pop("metadata"))
        Path(path).write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str) -> "ModelConfig":
        """Read config.json; unknown keys become metadata."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"{path}: format_version {data.get('format_version')!r}; valid: {FORMAT_VERSION}")
        names = {"entity_types", "predicates", "max_pieces", "entity_temperature",
                 "relation_temperature", "relation_bias", "threshold", "format_version"}
        known = {k: v for k, v in data.items() if k in names}
        known["entity_types"], known["predicates"] = tuple(known["entity_types"]), tuple(known["predicates"])
        return cls(**known, metadata={k: v for k, v in data.items() if k not in names})


@dataclass(frozen=True)
class PredMention:
    """A mention in a chunk: char offsets, type and the entity head's confidence (1.0 when given)."""

    start: int
    end: int
    type: str
    score: float


@dataclass(frozen=True)
class PredRelation:
    """A predicate between two mentions (indices into ChunkPrediction.mentions), calibrated."""

    head: int
    tail: int
    predicate: str
    probability: float


@dataclass(frozen=True)
class ChunkPrediction:
    """The mentions found in (or given for) one chunk and the relations between them."""

    mentions: tuple[PredMention, ...]
    relations: tuple[PredRelation, ...]


@dataclass
class _Unit:
    """A window of at most max_pieces pieces of one input chunk, with its results."""

    chunk: int
    offset: int
    end: int
    encoded: Encoded
    given: list[tuple[int, int, int, str]] | None  # (index in the chunk's list, start, end, type)
    mentions: list[tuple[int, int, str, float, int]] = field(default_factory=list)  # + chunk index
    pairs: list[tuple[int, int]] = field(default_factory=list)
    logits: np.ndarray | None = None
    entity_logits: np.ndarray | None = None


class Predictor:
    """Tag and relate chunks with an encoder function and numpy heads."""

    def __init__(self, encode: EncoderFn, heads: Heads, tokenizer: PieceTokenizer, config: ModelConfig,
                 batch_size: int = 32) -> None:
        """Keep the parts; batch_size bounds the chunks per encoder call."""
        self.encode, self.heads, self.tokenizer, self.config = encode, heads, tokenizer, config
        self.batch_size = batch_size
        self._types = {name: i for i, name in enumerate(config.entity_types)}
        # hidden states of the windows type_scores encoded, so that the relation pass over the same
        # sentences of one document does not encode them again
        self._states: dict[bytes, np.ndarray] = {}

    def predict(self, chunks: Sequence[str], mentions: Sequence[Sequence[GivenMention]] | None = None,
                all_probabilities: bool = False) -> list[ChunkPrediction]:
        """Predict mentions (unless given) and relations at or above the threshold (or all)."""
        grouped: list[list[_Unit]] = [[] for _ in chunks]
        for unit in self.run(chunks, mentions):
            grouped[unit.chunk].append(unit)
        floor = 0.0 if all_probabilities else self.config.threshold
        return [self._assemble(i, units, mentions, floor) for i, units in enumerate(grouped)]

    def run(self, chunks: Sequence[str], mentions: Sequence[Sequence[GivenMention]] | None) -> list[_Unit]:
        """Encode all chunks in length-sorted batches; fill each unit's mentions and raw pair logits."""
        if mentions is not None and len(mentions) != len(chunks):
            raise ValueError(f"got {len(mentions)} mention lists for {len(chunks)} chunks")
        units = self._units(chunks, mentions)
        for unit, states in zip(units, self._encode_units(units)):
            self._score(unit, states)
        return units

    def type_scores(self, chunks: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                    more: bool = False) -> list[list[np.ndarray]]:
        """Return, for each (start, end) span of each chunk, the entity head's probability of each entity
        type (config.entity_types order): the mean over the span's pieces of its B- and I- labels.

        The chunks' hidden states are kept for the next run() (the same document's relations), beside
        those of the previous call when more is true (more chunks of the same document).
        """
        if not more:
            self._states = {}
        placeholder = self.config.entity_types[0]
        units = self._units(chunks, [[(s, e, placeholder) for s, e in row] for row in spans])
        found: list[list[np.ndarray]] = [[np.zeros(len(self._types), np.float32)] * len(row) for row in spans]
        begins = [self.config.labels.index(f"B-{t}") for t in self.config.entity_types]
        for unit, states in zip(units, self._encode_units(units)):
            self._states[_key(unit.encoded)] = states
            probs = softmax(self.heads.entity_logits(states) / self.config.entity_temperature)
            for n, start, end, _ in unit.given or ():
                lo, hi = piece_range(unit.encoded, start, end)
                inside = probs[lo:hi].mean(axis=0)
                found[unit.chunk][n] = np.array([inside[b] + inside[b + 1] for b in begins], np.float32)
        return found

    def _encode_units(self, units: list[_Unit]) -> list[np.ndarray]:
        """Return each unit's hidden states (pieces, D): kept ones, the rest encoded in length-sorted batches."""
        out: list[np.ndarray | None] = [self._states.get(_key(u.encoded)) for u in units]
        order = sorted((i for i, s in enumerate(out) if s is None), key=lambda i: len(units[i].encoded.ids))
        for begin in range(0, len(order), self.batch_size):
            batch = order[begin:begin + self.batch_size]
            hidden = self.encode(*_pad([units[i].encoded for i in batch]))
            for i, states in zip(batch, hidden):
                out[i] = states[: len(units[i].encoded.ids)]
        return [s for s in out if s is not None]

    def _units(self, chunks: Sequence[str], mentions: Sequence[Sequence[GivenMention]] | None) -> list[_Unit]:
        """Split over-long chunks into windows and attach the given mentions to their window."""
        units = []
        for index, (text, encoded) in enumerate(zip(chunks, self.tokenizer.encode(chunks))):
            spans = split_spans(text, encoded, self.config.max_pieces)
            windows = [encoded] if len(spans) == 1 else self.tokenizer.encode([text[s:e] for s, e in spans])
            for (start, end), window in zip(spans, windows):
                given = None
                if mentions is not None:
                    given = [(n, s - start, e - start, self._check_type(t))
                             for n, (s, e, t) in enumerate(mentions[index]) if start <= s and e <= end]
                units.append(_Unit(index, start, end, window, given))
        return units

    def _check_type(self, kind: str) -> str:
        """Refuse a given mention type the relation head has no embedding for."""
        if kind not in self._types:
            raise ValueError(f"mention type {kind!r} is unknown to the model; valid: {', '.join(self._types)}")
        return kind

    def _score(self, unit: _Unit, states: np.ndarray) -> None:
        """Fill a unit's mentions (tagged or given) and the raw logits of all their ordered pairs."""
        if unit.given is None:
            unit.entity_logits = self.heads.entity_logits(states)
            probs = softmax(unit.entity_logits / self.config.entity_temperature)
            found = decode_bio(unit.encoded, probs, self.config.labels)
            unit.mentions = [(s, e, t, p, -1) for s, e, t, p in found]
        else:
            unit.mentions = [(s, e, t, 1.0, n) for n, s, e, t in unit.given]
        ranges = [piece_range(unit.encoded, m[0], m[1]) for m in unit.mentions]
        unit.pairs = all_pairs(len(unit.mentions))
        kinds = np.array([self._types[m[2]] for m in unit.mentions], dtype=np.int64)
        layout = pair_layout(ranges, unit.pairs)
        pairs = np.array(unit.pairs, dtype=np.int64).reshape(-1, 2)
        unit.logits = self.heads.relation_logits(states, layout, kinds[pairs[:, 0]], kinds[pairs[:, 1]])

    def _assemble(self, chunk: int, units: list[_Unit], mentions, floor: float) -> ChunkPrediction:
        """Merge one chunk's windows into one prediction with chunk-relative offsets."""
        if mentions is not None:
            out = [PredMention(s, e, t, 1.0) for s, e, t in mentions[chunk]]
        else:
            out = []
        relations = []
        for unit in units:
            base = len(out)
            index = [m[4] if mentions is not None else base + n for n, m in enumerate(unit.mentions)]
            if mentions is None:
                out.extend(PredMention(s + unit.offset, e + unit.offset, t, p) for s, e, t, p, _ in unit.mentions)
            assert unit.logits is not None  # _fill set them
            probs = sigmoid(np.asarray(unit.logits / self.config.relation_temperature + self.config.relation_bias))
            for (h, t), row in zip(unit.pairs, probs):
                for p in np.nonzero(row >= floor)[0]:
                    relations.append(PredRelation(index[h], index[t], self.config.predicates[p], float(row[p])))
        return ChunkPrediction(tuple(out), tuple(relations))


def _key(encoded: Encoded) -> bytes:
    """Return what identifies a window's input: its piece ids and shapes."""
    return encoded.ids.tobytes() + b"|" + encoded.shapes.tobytes()


def _pad(encodeds: list[Encoded]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stack pieces into padded (B, L) ids, mask and shapes."""
    length = max(len(e.ids) for e in encodeds)
    ids = np.zeros((len(encodeds), length), dtype=np.int64)
    mask = np.zeros_like(ids)
    shapes = np.zeros_like(ids)
    for row, e in enumerate(encodeds):
        ids[row, : len(e.ids)], mask[row, : len(e.ids)], shapes[row, : len(e.ids)] = e.ids, 1, e.shapes
    return ids, mask, shapes

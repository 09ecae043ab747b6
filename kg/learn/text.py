"""Word pieces with character offsets, chunking at sentence ends, BIO labels and their decoding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
from tokenizers import Tokenizer

from kg.learn.records import Fact, Mention, Record

# A sentence ends at . ! ? followed by space and a capital (or a quote/bracket), or at newlines.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])|\n+")
IGNORE = -100  # label of pieces that are not the first piece of a word (torch's ignore_index)
# Word shapes: the encoder is uncased, so capitalisation reaches it through a shape embedding.
SHAPE_PAD, SHAPE_LOWER, SHAPE_TITLE, SHAPE_UPPER, SHAPE_DIGIT, SHAPE_OTHER = range(6)
N_SHAPES = 6


@dataclass(frozen=True, eq=False)
class Encoded:
    """A text's word pieces: ids with [CLS]/[SEP], and per inner piece its char span and word index."""

    ids: np.ndarray  # (n + 2,) int64, [CLS] pieces [SEP]
    starts: np.ndarray  # (n + 2,) char start of each piece; specials 0
    ends: np.ndarray  # (n + 2,) char end of each piece; specials 0
    words: np.ndarray  # (n + 2,) word index of each piece; specials -1
    shapes: np.ndarray  # (n + 2,) shape id of each piece's word; specials SHAPE_PAD


@dataclass(frozen=True)
class Chunk:
    """A piece of a record small enough for the encoder; offsets are relative to its own text."""

    text: str
    offset: int
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]


class PieceTokenizer:
    """Wrap a tokenizers.Tokenizer with padding and truncation disabled (we chunk ourselves)."""

    def __init__(self, path: Path | str) -> None:
        """Load tokenizer.json from path."""
        self.path = Path(path)
        self.tokenizer = Tokenizer.from_file(str(path))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        """Encode texts into pieces with offsets, word indices and word shapes."""
        return [_encoded(text, e) for text, e in zip(texts, self.tokenizer.encode_batch(list(texts)))]


def _encoded(text: str, encoding) -> Encoded:
    """Turn one tokenizers Encoding into an Encoded, with -1 words for the special pieces."""
    words = np.array([-1 if w is None else w for w in encoding.word_ids], dtype=np.int64)
    offsets = np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    spans: dict[int, tuple[int, int]] = {}
    for word, (start, end) in zip(words.tolist(), offsets.tolist()):
        if word >= 0:
            first = spans.get(word, (start, end))
            spans[word] = (first[0], end)
    shapes = np.array([SHAPE_PAD if w < 0 else word_shape(text[slice(*spans[w])]) for w in words.tolist()])
    return Encoded(np.array(encoding.ids, dtype=np.int64), offsets[:, 0], offsets[:, 1], words, shapes)


def word_shape(word: str) -> int:
    """Classify a word's capitalisation: lower, Title, UPPER, digit-led or other."""
    first = word[:1]
    if first.isdigit():
        return SHAPE_DIGIT
    if not first.isalpha():
        return SHAPE_OTHER
    if first.isupper():
        return SHAPE_UPPER if len(word) > 1 and word.isupper() else SHAPE_TITLE
    return SHAPE_LOWER


def split_spans(text: str, encoded: Encoded, max_pieces: int) -> list[tuple[int, int]]:
    """Cut text into char spans of at most max_pieces pieces, at sentence ends where possible."""
    inner = len(encoded.ids) - 2
    if inner <= max_pieces:
        return [(0, len(text))]
    starts, ends = encoded.starts[1:-1], encoded.ends[1:-1]
    cuts = sorted({m.end() for m in _SENTENCE_END.finditer(text)} | {len(text)})
    spans: list[tuple[int, int]] = []
    begin, first = 0, 0  # char start of the open chunk, index of its first piece
    last_cut = None
    for cut in cuts:
        count = int(np.searchsorted(starts, cut)) - first
        if count > max_pieces and last_cut is not None:
            spans.append((begin, last_cut))
            begin, first = last_cut, int(np.searchsorted(starts, last_cut))
            count = int(np.searchsorted(starts, cut)) - first
        while count > max_pieces:  # one sentence longer than a chunk: cut it at a word start
            piece = first + max_pieces
            while piece > first + 1 and encoded.words[piece + 1] == encoded.words[piece]:
                piece -= 1
            spans.append((begin, int(starts[piece])))
            begin, first = int(starts[piece]), piece
            count = int(np.searchsorted(starts, cut)) - first
        last_cut = cut
    spans.append((begin, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def chunk_record(record: Record, tokenizer: PieceTokenizer, max_pieces: int) -> list[Chunk]:
    """Cut a record into chunks; keep mentions inside a chunk and facts with both ends inside it."""
    encoded = tokenizer.encode([record.text])[0]
    chunks = []
    for begin, end in split_spans(record.text, encoded, max_pieces):
        inside = {i: m for i, m in enumerate(record.mentions) if begin <= m.start and m.end <= end}
        order = {old: new for new, old in enumerate(inside)}
        mentions = tuple(Mention(m.start - begin, m.end - begin, m.type) for m in inside.values())
        facts = tuple(
            Fact(order[f.head], order[f.tail], f.predicate)
            for f in record.facts
            if f.head in order and f.tail in order
        )
        chunks.append(Chunk(record.text[begin:end], begin, mentions, facts))
    return chunks


def piece_range(encoded: Encoded, start: int, end: int) -> tuple[int, int]:
    """Return the [first, last+1) piece indices overlapping chars [start, end) (never empty)."""
    inner = np.nonzero((encoded.words >= 0) & (encoded.starts < end) & (encoded.ends > start))[0]
    if len(inner):
        return int(inner[0]), int(inner[-1]) + 1
    # A span with no piece (e.g. only spaces): take the piece that starts after it.
    after = np.nonzero((encoded.words >= 0) & (encoded.starts >= start))[0]
    piece = int(after[0]) if len(after) else len(encoded.ids) - 2
    return piece, piece + 1


def bio_labels(encoded: Encoded, mentions: Sequence[Mention], labels: Sequence[str]) -> np.ndarray:
    """Label the first piece of each word B-/I-type or O; other pieces get IGNORE."""
    code = {name: i for i, name in enumerate(labels)}
    first = np.zeros(len(encoded.ids), dtype=bool)
    first[1:] = encoded.words[1:] != encoded.words[:-1]
    first &= encoded.words >= 0
    result = np.where(first, code["O"], IGNORE).astype(np.int64)
    taken = np.zeros(len(encoded.ids), dtype=bool)
    # Longer mentions first; a mention overlapping one already labelled is skipped (BIO cannot nest).
    for mention in sorted(mentions, key=lambda m: m.start - m.end):
        lo, hi = piece_range(encoded, mention.start, mention.end)
        if taken[lo:hi].any():
            continue
        taken[lo:hi] = True
        heads = [p for p in range(lo, hi) if first[p]]
        for n, piece in enumerate(heads):
            result[piece] = code[("B-" if n == 0 else "I-") + mention.type]
    return result


def decode_bio(
    encoded: Encoded, probs: np.ndarray, labels: Sequence[str]
) -> list[tuple[int, int, str, float]]:
    """Turn per-piece label probabilities into (start, end, type, score) spans snapped to words."""
    words = encoded.words
    first = [p for p in range(1, len(words) - 1) if words[p] != words[p - 1]]
    if not first:
        return []
    path = viterbi(np.log(probs[first] + 1e-9), labels)
    spans: list[tuple[int, int, str, list[float]]] = []
    inside = False
    for piece, label in zip(first, path):
        name = labels[label]
        score = float(probs[piece, label])
        if name == "O":
            inside = False
        elif name.startswith("I-") and inside:
            start, _, kind, scores = spans[-1]
            spans[-1] = (start, _word_end(encoded, piece), kind, scores + [score])
        else:
            spans.append((int(encoded.starts[piece]), _word_end(encoded, piece), name[2:], [score]))
            inside = True
    return [(s, e, k, float(np.mean(p))) for s, e, k, p in spans]


def viterbi(log_probs: np.ndarray, labels: Sequence[str]) -> list[int]:
    """Return the most likely label path in which I-X only follows B-X or I-X."""
    size = len(labels)
    allowed = np.ones((size, size), dtype=bool)  # [previous, current]
    for cur, name in enumerate(labels):
        if name.startswith("I-"):
            allowed[:, cur] = [prev in (f"B-{name[2:]}", name) for prev in labels]
    penalty = np.where(allowed, 0.0, -1e9)
    start = np.array([0.0 if not n.startswith("I-") else -1e9 for n in labels])
    score = start + log_probs[0]
    back = np.zeros((len(log_probs), size), dtype=np.int64)
    for step in range(1, len(log_probs)):
        total = score[:, None] + penalty
        back[step] = total.argmax(axis=0)
        score = total.max(axis=0) + log_probs[step]
    path = [int(score.argmax())]
    for step in range(len(log_probs) - 1, 0, -1):
        path.append(int(back[step, path[-1]]))
    return path[::-1]


def _word_end(encoded: Encoded, piece: int) -> int:
    """Return the char end of the word that starts at this piece."""
    word = encoded.words[piece]
    last = piece
    while last + 1 < len(encoded.words) and encoded.words[last + 1] == word:
        last += 1
    return int(encoded.ends[last])

"""Invisible characters (zero-width, byte-order mark, bidi controls, soft hyphen) and HTML character
references ("B&#233;ziers", "AT&amp;T"): found, removed or decoded, offsets kept."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from kg.model import Document, Extraction, Span

# Format characters that change no glyph: pasted from web pages and word processors into names
# ("Jo\u200be Biden"), they would make a second label, merge key and IRI for one name. Soft hyphen,
# Arabic letter mark, Mongolian vowel separator, zero-width space/non-joiner/joiner, LRM/RLM, bidi
# embeddings and overrides, word joiner and invisible operators, bidi isolates, BOM / zero-width no-break.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def remove_invisible(text: str) -> str:
    """Return text without its invisible characters."""
    return INVISIBLE.sub("", text)


# A character reference a feed left in its text, by number or by name, with its semicolon: "&T" of
# "AT&T" is no reference, and a name html does not know stays as written
REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

Positions = list[tuple[int, int]]


def _pieces(text: str) -> list[tuple[str, int, int]]:
    """Return (clean text, start, end in text) for each run of text, reference and invisible character."""
    pieces, at = [], 0
    for match in REFERENCE.finditer(text):
        pieces.append((text[at:match.start()], at, match.start()))
        decoded = html.unescape(match.group())
        pieces.append((match.group() if len(decoded) != 1 else decoded, match.start(), match.end()))
        at = match.end()
    pieces.append((text[at:], at, len(text)))
    return pieces


def strip_invisible(text: str) -> tuple[str, Positions | None]:
    """Return text without invisible characters and with character references decoded and, when anything
    changed, the [start, end) in the original text of each kept character followed by (len, len);
    None when nothing changed."""
    if not INVISIBLE.search(text) and not REFERENCE.search(text):
        return text, None
    chars, positions = [], []
    for clean, start, end in _pieces(text):
        if end - start > 1 and len(clean) == 1:  # a decoded reference: one character for the whole of it
            if not INVISIBLE.match(clean):  # "&#8203;" is a zero-width space too
                chars.append(clean)
                positions.append((start, end))
            continue
        for i, char in enumerate(clean, start):
            if not INVISIBLE.match(char):
                chars.append(char)
                positions.append((i, i + 1))
    return "".join(chars), positions + [(len(text), len(text))]


def original_span(positions: Positions, start: int, end: int) -> tuple[int, int]:
    """Return the [start, end) range of the original text that [start, end) of the cleaned text covers."""
    if end <= start:
        return positions[start][0], positions[start][0]
    return positions[start][0], positions[end - 1][1]


def _span(span: Span, original: str, positions: Positions) -> Span:
    """Return a span of the cleaned text as the span of the original text it covers."""
    start, end = original_span(positions, span.start, span.end)
    return Span(start, end, original[start:end])


def restore_offsets(extraction: Extraction, original: Document, positions: Positions | None) -> Extraction:
    """Return an Extraction of the cleaned text with its offsets and mention texts those of the original
    text, so evidence points at the document as given; names and labels stay clean."""
    if positions is None:
        return extraction
    text = original.text
    entities = tuple(replace(e, mentions=tuple(_span(m, text, positions) for m in e.mentions))
                     for e in extraction.entities)
    facts = tuple(replace(f, sentence=_span(f.sentence, text, positions),
                          subject_mention=_span(f.subject_mention, text, positions),
                          object_mention=_span(f.object_mention, text, positions)) for f in extraction.facts)
    # the publication date the extraction read (from a "date" header line) is the document's too
    document = replace(original, published=extraction.document.published)
    return Extraction(document, entities, facts, extraction.extractor)

"""Invisible characters: zero-width, byte-order mark, bidi controls, soft hyphen; found, removed, offsets kept."""

from __future__ import annotations

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


def strip_invisible(text: str) -> tuple[str, list[int] | None]:
    """Return text without invisible characters and, when any was removed, the offset in the original
    text of each kept character followed by len(text); None when the text had none."""
    if not INVISIBLE.search(text):
        return text, None
    kept = [i for i, char in enumerate(text) if not INVISIBLE.match(char)]
    return "".join(text[i] for i in kept), kept + [len(text)]


def original_span(positions: list[int], start: int, end: int) -> tuple[int, int]:
    """Return the [start, end) range of the original text that [start, end) of the cleaned text covers."""
    if end <= start:
        return positions[start], positions[start]
    return positions[start], positions[end - 1] + 1


def _span(span: Span, original: str, positions: list[int]) -> Span:
    """Return a span of the cleaned text as the span of the original text it covers."""
    start, end = original_span(positions, span.start, span.end)
    return Span(start, end, original[start:end])


def restore_offsets(extraction: Extraction, original: Document, positions: list[int] | None) -> Extraction:
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

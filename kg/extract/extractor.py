"""The pure core: parsed text in, an Extraction of frozen dataclasses out."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from kg import __version__
from kg.extract.coref import EntityIndex
from kg.extract.dates import published_from_text
from kg.extract.entities import resolve_entities
from kg.extract.nlp import load_model, model_version, split_text
from kg.extract.learned import entity_typer, extraction_sources, learned_name
from kg.extract.namesakes import qualify_namesakes
from kg.extract.sources import extract_facts
from kg.extract.spans import repair_name_arguments
from kg.invisible import restore_offsets, strip_invisible
from kg.model import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

BATCH_SIZE = 32
BATCH_CHARS = 50_000  # characters of text parsed together at most (unless one text is longer)
# a longer text is parsed in pieces of at most this many characters, joined back into one Doc: spaCy's
# memory grows with what it parses at once (one 250 KB text: 1.2 GB peak, 34 s; measured), pieces keep
# a long article's time and memory those of as many short ones
PIECE_CHARS = BATCH_CHARS
log = logging.getLogger("kg")


def _published(document):
    """Return the document's publication date, from its record or its "date" header line."""
    return document.published or published_from_text(document.text)


def extract_parsed(document: Document, doc: Doc, extractor: str = "", metonymy: bool = True,
                   learned: str | None = None) -> Extraction:
    """Return the Extraction of a document spaCy has already parsed.

    learned: a trained model's directory, read beside the rules (or instead of them, for a model
    that finds its own entity mentions); None for the rules alone.
    """
    published = _published(document)
    if published != document.published:
        document = Document(document.id, document.text, published, document.title)
    own_entities, sources = extraction_sources(learned)
    entities, token_entity, token_mention = own_entities(doc) if own_entities else resolve_entities(
        doc, metonymy=metonymy, typer=entity_typer(learned))
    repair_name_arguments(doc, token_entity)
    index = EntityIndex(doc, entities, token_entity, token_mention)
    facts = extract_facts(doc, index, published, sources)
    return qualify_namesakes(Extraction(document, tuple(index.final_entities(facts)), tuple(facts), extractor), doc)


def extract(document: Document, nlp: Language | None = None, metonymy: bool = True,
            learned: str | None = None) -> Extraction:
    """Return the Extraction of one document."""
    return next(extract_many([document], nlp, metonymy=metonymy, learned=learned))


def extract_many(documents: Iterable[Document], nlp: Language | None = None, batch_size: int = BATCH_SIZE,
                 metonymy: bool = True, learned: str | None = None) -> Iterator[Extraction]:
    """Yield the Extraction of each document in order, streaming them through spaCy in batches.

    A text longer than PIECE_CHARS (or nlp.max_length) is parsed in pieces cut at paragraph breaks,
    joined back into one Doc over the whole text, so offsets stay those of the text as given.
    """
    nlp = nlp or load_model()
    extractor = f"kg-{__version__} {model_version(nlp)}" + (f" {learned_name(learned)}" if learned else "")
    parts = []
    for doc, (document, last) in _parse(nlp, _pieces(documents, min(nlp.max_length, PIECE_CHARS)), batch_size):
        parts.append(doc)
        if last:
            whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []
            cleaned, original, positions = document
            yield restore_offsets(_extract_or_report(cleaned, whole, extractor, metonymy, learned), original, positions)


def _extract_or_report(document, doc, extractor, metonymy, learned):
    """Return a document's Extraction; on an internal error, warn and return it with no facts.

    One article the rules trip over must not stop a stream of thousands; the warning names it.
    """
    try:
        return extract_parsed(document, doc, extractor, metonymy, learned)
    except (RecursionError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        log.warning("kg: extraction failed for document %r (%s: %s); it is kept without entities or facts",
                    document.id, type(exc).__name__, exc)
        return Extraction(document, (), (), extractor)


def _parse(nlp, pieces, batch_size):
    """Yield (Doc, context) for (text, context) pieces, in batches bounded by count and characters."""
    # spaCy's memory grows with a batch's text: a batch of long articles would set the peak
    batch: list[Any] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) >= batch_size or size + len(piece[0]) > BATCH_CHARS):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[0])
    yield from nlp.pipe(batch, as_tuples=True, batch_size=max(len(batch), 1))


def _pieces(documents, limit):
    """Yield (text, ((cleaned document, document, offsets), whether it is the document's last piece)) for
    nlp.pipe: spaCy reads the text without invisible characters (kg.invisible), offsets map back."""
    for original in documents:
        text, positions = strip_invisible(original.text)
        document = Document(original.id, text, original.published, original.title) if positions else original
        pieces = split_text(text, limit) if len(text) > limit else [text]
        for i, piece in enumerate(pieces, 1):
            yield piece, ((document, original, positions), i == len(pieces))

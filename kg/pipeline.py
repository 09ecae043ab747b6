"""Ingest: stream documents through extraction into the embedded store, one named graph each."""

from dataclasses import dataclass

from .extraction import extract_many
from .rdf import to_graph


@dataclass
class IngestSummary:
    """What an ingest wrote."""

    documents: int = 0
    triples: int = 0
    facts: int = 0


def ingest(documents, store, nlp=None, metonymy=True, on_document=None):
    """Extract each document and replace its graph in the store; return an IngestSummary.

    Documents stream through spaCy in batches; each graph is written in its own transaction,
    so an interrupted ingest leaves every document either fully in or fully out.
    """
    summary = IngestSummary()
    for extraction in extract_many(documents, nlp, metonymy=metonymy):
        summary.triples += store.replace_graph(to_graph(extraction))
        summary.documents += 1
        summary.facts += len(extraction.facts)
        if on_document:
            on_document(extraction)
    return summary

"""Ingest: stream documents through extraction into the embedded store, one named graph each."""

from dataclasses import dataclass

from .parallel import extract_rendered
from .rdf import graph_record


@dataclass
class IngestSummary:
    """What an ingest wrote."""

    documents: int = 0
    triples: int = 0
    facts: int = 0


def ingest(documents, store, nlp=None, metonymy=True, on_document=None, workers=1, model=None):
    """Extract each document and replace its graph in the store; return an IngestSummary.

    Documents stream through spaCy in batches, on `workers` processes (the model named `model`,
    or nlp when there is one worker); only this process writes, each graph in its own
    transaction, so an interrupted ingest leaves every document either fully in or fully out.
    on_document, if given, is called with each document's GraphRecord once it is stored.
    """
    summary = IngestSummary()
    for record in extract_rendered(documents, graph_record, workers, model, nlp, metonymy):
        summary.triples += store.replace_ntriples(record.name, record.lines)
        summary.documents += 1
        summary.facts += record.facts
        if on_document:
            on_document(record)
    return summary

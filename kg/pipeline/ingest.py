"""Ingest: stream documents through extraction into the embedded store, one named graph each."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kg.model import Document
from kg.pipeline.parallel import extract_rendered
from kg.rdf.graph import graph_record
from kg.rdf.graph import GraphRecord
from kg.store.events import event_keys, settle_events
from kg.store.summary import Changes, settled_events
from kg.store.protocol import GraphStore

QUEUED = 64  # graphs extracted but not yet written, at most: a few seconds of work, a few MB


@dataclass
class IngestSummary:
    """What an ingest wrote."""

    documents: int = 0
    triples: int = 0
    facts: int = 0


def ingest(documents: Iterable[Document], store: GraphStore, nlp: Any = None, metonymy: bool = True,
           on_document: Callable[[GraphRecord], Any] | None = None, workers: int = 1,
           model: str | None = None, learned: str | None = None) -> IngestSummary:
    """Extract each document and replace its graph in the store; return an IngestSummary.

    Documents stream through spaCy in batches, on `workers` processes (the model named `model`,
    or nlp when there is one worker). One thread of this process writes, in input order, each
    graph in its own transaction, so an interrupted ingest leaves every document either fully
    in or fully out. on_document, if given, is called with each document's GraphRecord once it
    is extracted; every write has happened when ingest returns. learned: a trained model's
    directory read beside (or instead of) the rules, see kg.extract.learned; None: the rules.
    """
    summary = IngestSummary()
    was_complete = store.summary_complete()  # read before the first write takes its mark away
    with _Writer(store, was_complete) as writer:
        for record in extract_rendered(documents, graph_record, workers, model, nlp, metonymy,
                                       learned=learned):
            writer.put(record)
            summary.triples += len(record.lines)
            summary.documents += 1
            summary.facts += record.facts
            if on_document:
                on_document(record)
    # an undated report joins the dated event it reports, whichever came first: settled for the events
    # of the graphs written and of those they replaced, the only ones whose links can have changed
    settled = writer.keys | event_keys(store, writer.names)
    settle_events(store, settled)
    # the summary, by what the graphs written and replaced change, and the events settling may have moved
    # reports between (kg.store.summary); built whole when it was not complete
    writer.changes.recount["v"] |= settled_events(store, settled) if was_complete else set()
    store.refresh_summary(writer.changes, was_complete)
    return summary


class _Writer:
    """Writes GraphRecords to the store from one background thread, in the order given."""

    # pyoxigraph releases the GIL while it writes, so parsing the next documents goes on
    # meanwhile: the store's share of an ingest (~3%) leaves the critical path (measured)

    def __init__(self, store, was_complete):
        self.store = store
        self.was_complete = was_complete
        self.queue: queue.Queue[Any] = queue.Queue(QUEUED)
        self.error = None
        self.names: list[str] = []  # the graphs written
        self.keys: set[Any] = set()  # the event keys of the graphs they replaced
        self.changes = Changes()  # what the graphs written and replaced change in the summary
        self.thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self.thread.start()

    def put(self, record):
        """Queue one graph for writing; raise the error of an earlier write, if any."""
        self._raise()
        self.queue.put(record)

    def _run(self):
        while (record := self.queue.get()) is not None:
            if self.error is None:  # after an error, drain the queue without writing
                try:
                    if self.store.has_graph(record.name):
                        self.keys |= event_keys(self.store, [record.name])
                        if self.was_complete:
                            self.changes.add(self.store.ntriples(record.name), -1)
                    self.store.replace_ntriples(record.name, record.lines)
                    if self.was_complete:
                        self.changes.add(record.lines)
                    self.names.append(record.name)
                except BaseException as exc:  # handed to the caller's thread by put() or close()
                    self.error = exc

    def _raise(self):
        if self.error is not None:
            raise self.error

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.queue.put(None)
        self.thread.join()
        if exc[0] is None:
            self._raise()

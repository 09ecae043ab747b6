"""Extraction on several processes, and the partition function for Dask: documents in, graphs out."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import chain, islice
from typing import Any, TypeVar

from kg.errors import UsageError
from kg.extract.extractor import extract_many
from kg.extract.nlp import load_model
from kg.lifeline import die_with_parent
from kg.model import Document, Extraction
from kg.pipeline.inputs import document_from_record
from kg.rdf.graph import nquads

T = TypeVar("T")

CHUNK = 16  # documents per task: amortises pickling, yet keeps the workers' last tasks even
AHEAD = 2  # tasks queued per worker: enough to keep it busy without reading the whole input
# documents each worker needs before it pays for loading its own model (a few seconds in a fresh
# process): 50 BBC articles took 9.6 s on one process and 14.8 s on two, so smaller inputs run here
MIN_PER_WORKER = 100


def extract_rendered(documents: Iterable[Document], render: Callable[[Extraction], T], workers: int = 1,
                     model: str | None = None, nlp: Any = None, metonymy: bool = True,
                     chunk: int = CHUNK, learned: str | None = None) -> Iterator[T]:
    """Yield render(extraction) of each document in input order, extracting on `workers` processes.

    With one worker everything runs here, on nlp (default: the model named `model`). With more,
    each worker process loads the model once and sends back only render's result, so render
    must be a module-level function whose result pickles cheaply (a string, a GraphRecord).
    learned: a trained model's directory (see kg.extract.learned), loaded once per process.
    """
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    documents, workers = workers_for(documents, workers)
    if workers == 1:
        for extraction in extract_many(documents, nlp or load_model(model), metonymy=metonymy, learned=learned):
            yield render(extraction)
        return
    task = partial(_render_chunk, render=render, model=model, metonymy=metonymy, learned=learned)
    for results in map_chunks(task, documents, workers, chunk):
        yield from results


def workers_for(documents: Iterable[T], workers: int) -> tuple[Iterator[T], int]:
    """Return (the same documents, the workers worth starting): one per MIN_PER_WORKER documents, at most workers.

    Reads ahead at most workers * MIN_PER_WORKER documents, so a stream is still not read whole.
    """
    items = iter(documents)
    if workers == 1:
        return items, 1
    head = list(islice(items, workers * MIN_PER_WORKER))
    return chain(head, items), max(1, min(workers, len(head) // MIN_PER_WORKER))


def nquads_partition(records: Iterable[dict[str, Any]], model: str | None = None, metonymy: bool = True,
                     learned: str | None = None) -> list[str]:
    """Return the N-Quads lines (no newline) of a partition of input records {"id", "text", ...}.

    Pure and picklable, for dask.bag's map_partitions: the model is loaded once per worker process.
    """
    documents = (document_from_record(record) for record in records)
    return [line for extraction in extract_many(documents, load_model(model), metonymy=metonymy, learned=learned)
            for line in nquads(extraction)]


def _render_chunk(documents, render, model, metonymy, learned=None):
    """Extract a list of documents in a worker; return the rendered extractions."""
    return [render(x) for x in extract_many(documents, load_model(model), metonymy=metonymy, learned=learned)]


def map_chunks(function, items, workers, chunk=CHUNK):
    """Yield function(list) over consecutive chunks of items, in order, from `workers` processes."""
    # spawn, not fork: the parent may hold an open store, whose threads a fork would not copy
    # each worker ends itself when this process is gone, even SIGKILLed (kg.lifeline)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=die_with_parent)
    items = iter(items)
    pending: deque[Any] = deque()
    try:
        while True:
            while len(pending) < workers * AHEAD:
                batch = list(islice(items, chunk))
                if not batch:
                    break
                pending.append(pool.submit(function, batch))
            if not pending:
                return
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

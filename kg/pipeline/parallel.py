"""Extraction on several processes, and the partition function for Dask: documents in, graphs out."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from kg.errors import UsageError
from kg.extract.extractor import extract_many
from kg.extract.nlp import load_model
from kg.model import Document, Extraction
from kg.pipeline.inputs import document_from_record
from kg.rdf.graph import nquads

T = TypeVar("T")

CHUNK = 16  # documents per task: amortises pickling, yet keeps the workers' last tasks even
AHEAD = 2  # tasks queued per worker: enough to keep it busy without reading the whole input


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
    if workers == 1:
        for extraction in extract_many(documents, nlp or load_model(model), metonymy=metonymy, learned=learned):
            yield render(extraction)
        return
    task = partial(_render_chunk, render=render, model=model, metonymy=metonymy, learned=learned)
    for results in map_chunks(task, documents, workers, chunk):
        yield from results


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
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
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

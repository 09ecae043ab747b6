"""kg: populate a knowledge graph from news text.

The public API, loaded on first use so that `kg --help` does not pay for spaCy:
extract, extract_many, to_graph, ingest, nquads_partition (for Dask), Store, push, load_query, run_query,
and the data classes.
"""

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "kg.extract.extractor", "extract_many": "kg.extract.extractor", "to_graph": "kg.rdf.graph",
    "ingest": "kg.pipeline.ingest", "nquads_partition": "kg.pipeline.parallel",
    "Store": "kg.store.oxigraph", "push": "kg.remote.push", "load_query": "kg.queries", "list_queries": "kg.queries",
    "Document": "kg.model", "Extraction": "kg.model", "Entity": "kg.model", "Fact": "kg.model",
    "Span": "kg.model", "KGError": "kg.errors", "UsageError": "kg.errors", "InputError": "kg.errors",
    "StoreError": "kg.errors", "QueryError": "kg.errors", "ServerError": "kg.errors",
}
__all__ = sorted(_EXPORTS) + ["run_query", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "run_query":
        return importlib.import_module("kg.queries").run
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")

"""kg: populate a knowledge graph from news text.

The public API, loaded on first use so that `kg --help` does not pay for spaCy:
extract, extract_many, to_graph, ingest, nquads_partition (for Dask), Store, push, load_query, run_query,
and the data classes.
"""

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "kg.extraction", "extract_many": "kg.extraction", "to_graph": "kg.rdf", "ingest": "kg.pipeline",
    "nquads_partition": "kg.parallel",
    "Store": "kg.store", "push": "kg.loading", "load_query": "kg.queries", "list_queries": "kg.queries",
    "Document": "kg.model", "Extraction": "kg.model", "Entity": "kg.model", "Fact": "kg.model",
    "Span": "kg.model", "KGError": "kg.errors", "UsageError": "kg.errors", "InputError": "kg.errors",
    "StoreError": "kg.errors", "QueryError": "kg.errors", "ServerError": "kg.errors",
}
__all__ = sorted(_EXPORTS) + ["run_query", "__version__"]


def __getattr__(name):
    if name == "run_query":
        return importlib.import_module("kg.queries").run
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")

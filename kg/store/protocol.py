"""The store interface every other package uses: what query, export, push, link, validate, view and serve
may ask of a store. `kg.store.oxigraph.Store` (pyoxigraph, embedded) implements it; the CLI opens one
and passes it on. Nothing outside kg/store/ touches the store's engine.
"""

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TextIO

from rdflib import Graph, URIRef
from rdflib.term import Node

Row = tuple[Node | None, ...]
Bindings = Mapping[str, Any]  # variable name -> rdflib term or plain value


class QueryResult(Protocol):
    """The answer to a SPARQL query as the protocol serves it: a graph, solutions or a boolean."""

    @property
    def is_graph(self) -> bool:
        """Tell whether the answer is a graph (CONSTRUCT, DESCRIBE) rather than solutions or a boolean."""

    def serialize(self, media_type: str) -> bytes:
        """Return the answer in a media type of kg.rdf.formats (results or graph formats)."""


class GraphStore(Protocol):
    """A kg store: one named graph per document, locked for one writer or many readers."""

    path: Path
    read_only: bool

    def close(self) -> None:
        """Close the store and release its lock."""

    def __enter__(self) -> "GraphStore": ...

    def __exit__(self, *exc: object) -> None: ...

    # ---- reading ----
    def graphs(self) -> list[URIRef]:
        """Return the document graph IRIs, sorted."""

    def has_graph(self, doc_id: str) -> bool:
        """Tell whether a document (source id or graph IRI) is in the store."""

    def ntriples(self, graph: URIRef | str) -> list[str]:
        """Return one graph's triples as sorted N-Triples lines."""

    def query(self, sparql: str, bindings: Bindings | None = None) -> tuple[list[str], list[Row]]:
        """Run a SPARQL query; return (variable names, rows of rdflib terms or None)."""

    def sparql(self, sparql: str, default_graphs: Sequence[str] | None = None,
               named_graphs: Sequence[str] | None = None) -> QueryResult:
        """Run a query as the SPARQL protocol asks (the default graph: the union of the documents')."""

    def stats(self) -> dict[str, Any]:
        """Return counts: documents, quads, triples, entities by class, facts by property."""

    def export(self, fmt: str, out: BinaryIO | TextIO) -> None:
        """Write every graph in an RDF format of kg.rdf.formats, deterministically."""

    def side_file(self, name: str) -> Path:
        """Return the path of a file kept beside the data (the push log, the Wikidata cache)."""

    # ---- writing ----
    def replace_graph(self, graph: Graph) -> int:
        """Replace the graph named graph.identifier by graph's triples, atomically."""

    def replace_ntriples(self, name: Any, lines: Sequence[str]) -> int:
        """Replace a graph by N-Triples lines without blank nodes, atomically."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL update in one transaction (kg.store.events settles reports of events with it)."""

    def forget(self, doc_id: str) -> bool:
        """Remove a document's graph, settle the reports that leaned on it; return whether it was there."""

    def summary_complete(self) -> bool:
        """Return whether the summary graph (kg.store.summary) is complete, read before writing."""

    def refresh_summary(self, changes: Any, was_complete: bool) -> None:
        """Bring the summary up to date with kg.store.summary.Changes (build it whole if it was not complete)."""


__all__ = ["Bindings", "GraphStore", "QueryResult", "Row"]

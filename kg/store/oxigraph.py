"""The embedded store: a pyoxigraph (RocksDB) directory holding one named graph per document."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import QueryError, StoreError
from kg.rdf.iris import document_iri
from kg.rdf.namespaces import DOC
from kg.rdf.sparqlscan import names_dataset
from kg.store import locks
from kg.store.export import export as write_export
from kg.store.protocol import Bindings, Row
from kg.store import summary
from kg.store.events import event_keys, settle_events
from kg.store.stats import store_stats
from kg.store.results import Result, solution_rows
from kg.store.terms import to_oxigraph

DEFAULT_PATH = "kg-data"
LOCK_WAIT = 10.0  # seconds a second kg process waits for the store before giving up
# RocksDB holds what is written in memory until a flush: without one every FLUSH_TRIPLES, a long
# ingest grows by ~170 KB per news article (measured); flushing costs nothing measurable
FLUSH_TRIPLES = 20_000
STAGING = "urn:kg:staging:"  # graphs replace_graph writes before MOVE-ing them in place

class Store:
    """A kg store directory: writers lock it exclusively, readers share it."""

    def __init__(self, path: str | Path, oxi: Any, lock_fd: int, read_only: bool) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._oxi = oxi
        self._lock_fd = lock_fd
        self._unflushed = 0
        self._stale = False  # whether this session has taken the summary's completeness mark away

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, read_only: bool = False, wait: float = LOCK_WAIT,
             create: bool = True) -> Store:
        """Open the store at path, waiting up to `wait` seconds for other kg processes; with create
        False (or read-only) a missing store is an error rather than made."""
        path = Path(path)
        if (read_only or not create) and not (path / "CURRENT").exists():
            raise StoreError(f"no kg store at {path} (nothing has been ingested yet)")
        try:
            path.mkdir(parents=True, exist_ok=True)
            fd = locks.acquire(path, exclusive=not read_only, wait=wait)
        except OSError as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        try:
            oxi = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            locks.release(fd)
            raise locks.open_error(path, exc) from exc
        store = cls(path, oxi, fd, read_only)
        if not read_only:
            try:
                store._drop_staging()
            except BaseException:
                store.close()
                raise
        return store

    def close(self) -> None:
        """Close the database, then release the lock (in that order, so the next opener finds it free)."""
        if self._oxi is None:
            return
        if not self.read_only:
            self._oxi.flush()
        self._oxi = None  # dropping the last reference closes RocksDB
        locks.release(self._lock_fd, clear=not self.read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        # the documents' quads: the default graph holds the summary (kg.store.summary), no document's
        return len(self._db) - sum(1 for _ in self._db.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    @property
    def _db(self):
        if self._oxi is None:
            raise StoreError(f"store {self.path} is closed")
        return self._oxi

    def _writable(self):
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        if not self._stale:  # before the first write: a summary this write may change is not read
            summary.mark_stale(self._db)
            self._stale = True
        return self._db

    # ---- writing ----

    def replace_graph(self, graph: Graph) -> int:
        """Replace the graph named graph.identifier by graph's triples, atomically; return their count."""
        return self.replace_triples(to_oxigraph(graph.identifier), _convert(graph))

    def replace_triples(self, name: Any, triples: Sequence[tuple[Any, Any, Any]]) -> int:
        """Replace the graph `name` (a pyoxigraph IRI) by triples of pyoxigraph terms, atomically; return their count."""
        name = _graph_name(name)
        if any(isinstance(t, ox.BlankNode) for triple in triples for t in triple):
            with self._writing(name) as db:
                self._replace_with_blank_nodes(name, _label_blank_nodes(name, triples))
                self._written(db, len(triples))
            return len(triples)
        return self.replace_ntriples(name, [f"{s} {p} {o} ." for s, p, o in triples])

    def replace_ntriples(self, name: Any, lines: Sequence[str]) -> int:
        """Replace the graph `name` by N-Triples lines without blank nodes, atomically; return their count."""
        name = _graph_name(name)
        body = "\n".join(lines)
        with self._writing(name) as db:
            if db.contains_named_graph(name):
                # one SPARQL update is one transaction (measured): the old graph or the new, never half
                db.update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
            else:
                # a new graph needs no DROP; load() is one transaction too, and a third faster (measured)
                db.load(body.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=name)
            self._written(db, len(lines))
        return len(lines)

    def _written(self, db, count):
        self._unflushed += count
        if self._unflushed >= FLUSH_TRIPLES:
            db.flush()
            self._unflushed = 0

    @contextmanager
    def _writing(self, name):
        db = self._writable()
        try:
            yield db
        except (OSError, RuntimeError, SyntaxError) as exc:
            raise StoreError(f"cannot write graph {name.value} to {self.path}: {exc}") from exc

    def _replace_with_blank_nodes(self, name, triples):
        # INSERT DATA renames blank nodes afresh (measured), which would break byte-identical
        # exports; extend() keeps labels, and MOVE swaps the staged graph in atomically.
        staging = ox.NamedNode(STAGING + hashlib.sha1(name.value.encode()).hexdigest())
        self._db.remove_graph(staging)
        self._db.extend(ox.Quad(s, p, o, staging) for s, p, o in triples)
        self._db.update(f"MOVE SILENT GRAPH {staging} TO GRAPH {name}")

    def _drop_staging(self):
        # a crash between staging and MOVE leaves a staging graph: the document keeps its old graph
        for name in list(self._db.named_graphs()):
            if isinstance(name, ox.NamedNode) and name.value.startswith(STAGING):
                self._db.remove_graph(name)

    def forget(self, doc_id: str) -> bool:
        """Remove a document's graph (by source id or graph IRI), settle events; return whether it was there."""
        name = ox.NamedNode(str(graph_iri(doc_id)))
        if not self._db.contains_named_graph(name):
            return False
        was_complete, changes = self.summary_complete(), summary.Changes()
        keys = event_keys(self, [name.value])
        changes.add(self.ntriples(name.value), -1)
        self._writable().remove_graph(name)
        settle_events(self, keys)  # a report that leaned on this document's date falls back on its own key
        changes.recount["v"] |= summary.settled_events(self, keys)
        self.refresh_summary(changes, was_complete)
        return True

    def update(self, sparql: str) -> None:
        """Run a SPARQL update, in one transaction."""
        try:
            self._writable().update(sparql)
        except (OSError, RuntimeError, SyntaxError) as exc:
            raise StoreError(f"update failed on {self.path}: {exc}") from exc

    # ---- reading ----

    def graphs(self) -> list[URIRef]:
        """Return the document graph IRIs, sorted."""
        names = (n.value for n in self._db.named_graphs() if isinstance(n, ox.NamedNode))
        return sorted(URIRef(n) for n in names if not n.startswith(STAGING))

    def has_graph(self, doc_id: str) -> bool:
        """Return whether a document (source id or graph IRI) is in the store."""
        return self._db.contains_named_graph(ox.NamedNode(str(graph_iri(doc_id))))

    def quads(self, graph: str | None = None) -> Iterator[Any]:
        """Iterate the pyoxigraph quads of one graph (IRI) or of every graph."""
        name = None if graph is None else ox.NamedNode(str(graph))
        return self._db.quads_for_pattern(None, None, None, name)

    def ntriples(self, graph: URIRef | str) -> list[str]:
        """Return the graph's triples as sorted N-Triples lines (each ending in ' .')."""
        data = self._db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(graph)))
        # split on \n alone: str.splitlines() would also cut at U+2028 and friends inside literals
        return sorted(line for line in data.decode("utf-8").split("\n") if line)

    def query(self, sparql: str, bindings: Bindings | None = None) -> tuple[list[str], list[Row]]:
        """Run a SPARQL query; return (variable names, rows of rdflib terms or None)."""
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        try:
            result = self._db.query(sparql, substitutions=subs or None)
            return solution_rows(result)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except RuntimeError as exc:
            # pyoxigraph only substitutes variables the query projects (measured in 0.5.13)
            raise QueryError(f"query failed: {exc}") from exc

    def sparql(self, sparql: str, default_graphs: Sequence[str] | None = None,
               named_graphs: Sequence[str] | None = None) -> Result:
        """Run a SPARQL query as the protocol asks; return a QueryResult to serialise as is.

        The dataset is default_graphs and named_graphs (IRIs) if given, else the query's own FROM and
        FROM NAMED, else the union of the document graphs as the default graph (SPARQL 1.1 protocol 2.1.4).
        """
        def nodes(iris):
            return [ox.NamedNode(str(iri)) for iri in iris] if iris else None

        union = not default_graphs and not named_graphs and not names_dataset(sparql)
        try:
            return Result(self._db.query(sparql, use_default_graph_as_union=union,
                                          default_graph=nodes(default_graphs), named_graphs=nodes(named_graphs)))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except (RuntimeError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from exc

    def stats(self) -> dict[str, Any]:
        """Return counts: documents, quads, distinct triples, entities by class, facts by predicate."""
        return store_stats(self)

    def summary_complete(self) -> bool:
        """Return whether the summary graph is complete (kg.store.summary), before anything is written."""
        return summary.is_complete(self)

    def refresh_summary(self, changes: summary.Changes, was_complete: bool) -> None:
        """Bring the summary up to date with the changes (build it whole if it was not complete); mark it complete."""
        summary.refresh(self, changes, was_complete)
        self._stale = False  # the next write takes the mark away again

    def side_file(self, name: str) -> Path:
        """Return the path of a file kept beside the data: the push log, the Wikidata cache."""
        return self.path / name

    def export(self, fmt: str, out: BinaryIO | TextIO) -> None:
        """Write every graph to out (binary or text stream) as turtle, trig, nt or nq, deterministically."""
        write_export(self, fmt, out)


# ---- helpers ----

def graph_iri(doc_id: str) -> URIRef:
    """Return the graph IRI of a document given its source id or its graph IRI."""
    doc_id = str(doc_id)
    return URIRef(doc_id) if doc_id.startswith(str(DOC)) else document_iri(doc_id)


def _graph_name(name):
    if isinstance(name, str):
        name = ox.NamedNode(name)
    if not isinstance(name, ox.NamedNode):
        raise StoreError(f"a document graph must be named by an IRI, not {name!r}")
    return name


def _convert(graph):
    try:
        return [tuple(to_oxigraph(t) for t in triple) for triple in graph]
    except ValueError as exc:
        raise StoreError(f"graph {graph.identifier} holds an invalid term: {exc}") from exc


def _label_blank_nodes(name, triples):
    # canonical labels make the same graph store identically; the graph's hash keeps
    # blank nodes of different graphs apart (pyoxigraph blank nodes are store-wide)
    dataset = ox.Dataset(ox.Quad(s, p, o, name) for s, p, o in triples)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    salt = hashlib.sha1(name.value.encode()).hexdigest()[:12]

    def relabel(term):
        return ox.BlankNode(f"g{salt}{term.value}") if isinstance(term, ox.BlankNode) else term

    return [(relabel(q.subject), q.predicate, relabel(q.object)) for q in dataset]

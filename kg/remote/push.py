"""Copy the embedded store to a remote SPARQL server, graph by graph, replacing each graph there."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import Any

from rdflib import URIRef

from kg.errors import ServerError, UsageError
from kg.rdf.classes import plural
from kg.rdf.namespaces import DOC, KG
from kg.remote.endpoint import Endpoint, redact, rows_from_json
from kg.remote.graphstore import choose_method
from kg.remote.loaders import BATCH_BYTES, BATCH_TRIPLES, GraphStoreLoader, Printer, Update, in_order, read_ahead
from kg.remote.loaders import batches as batches  # re-exported: the batching of one large graph
from kg.remote.quads import ATOMIC_BULK, BULK_BYTES, QUADS_BYTES, QuadsLoader, atomic_bulk
from kg.remote.pushlog import LOG_NAME, PushLog, content_hash
from kg.store.protocol import GraphStore
from kg.store.terms import n3

log = logging.getLogger(__name__)

METHODS = ("auto", "update", "gsp", "quads")
VERIFY_CHUNK = 100  # graphs counted by one query
NAMED = 10  # graphs a failure names one by one
_REMOTE_DOCS = f"""SELECT DISTINCT ?g WHERE {{
  GRAPH ?g {{ ?g a <{KG.Document}> }}
  FILTER(STRSTARTS(STR(?g), "{DOC}"))
}}"""
_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"


@dataclass
class Options:
    """How to push: the method, batching, what to send and what to drop."""

    method: str = "auto"
    graph_store: str | None = None
    batch_bytes: int | None = None  # default: QUADS_BYTES or BULK_BYTES with quads, else BATCH_BYTES
    batch_triples: int = BATCH_TRIPLES
    changed: bool = False
    prune: bool = False
    verify: bool = False
    dry_run: bool = False
    bulk: bool = False


def push(store: GraphStore, endpoint: str, update_endpoint: str | None = None, user: str | None = None,
         password: str | None = None, auth: str = "basic", timeout: float = 60.0,
         retries=3, backoff=0.5, realm="SPARQL", out=None, use_log=True, **options):
    """Replace every store graph on the server; return a summary dict.

    options are the fields of Options. method "update" sends SPARQL updates to update_endpoint
    (default: endpoint); "gsp" PUTs each graph as N-Triples to graph_store (default: the first
    Graph Store URL beside endpoint that accepts a scratch graph); "quads" POSTs the graphs the server
    lacks as N-Quads there and updates the others; "auto" uses quads where update_endpoint is given
    and the Graph Store files a scratch quad in its graph, else GSP where that store takes a scratch
    graph, else updates. changed sends only graphs whose content the push log does not record as
    loaded there, and drops graphs it records there that the store no longer has; prune drops every
    document graph on the server the store lacks; verify counts each graph on the server afterwards.
    dry_run writes the requests to out (default stdout) instead of sending them. bulk POSTs new graphs
    with quads to Oxigraph's bulk loader (0.5.1 or later), which a query running meanwhile can see
    half-way (see atomic_bulk).
    """
    opts = Options(**options)
    _check(opts, retries)
    remote = Endpoint(endpoint, update_endpoint, user=user, password=password, auth=auth, realm=realm,
                      timeout=timeout, retries=retries, backoff=backoff)
    if not use_log and opts.changed:
        raise UsageError("--changed needs the push log")
    pushlog = PushLog.open(store.side_file(LOG_NAME), redact(endpoint)) if use_log else None
    try:
        return _Push(store, remote, opts, pushlog, out or sys.stdout).run()
    finally:
        if pushlog:
            pushlog.close()


def _check(opts, retries):
    """Raise UsageError for options that cannot work."""
    if retries < 0:
        raise UsageError("--retries cannot be negative")
    if opts.method not in METHODS:
        raise UsageError(f"unknown push method {opts.method!r}: use one of {', '.join(METHODS)}")
    if opts.batch_triples < 1 or (opts.batch_bytes is not None and opts.batch_bytes < 1):
        raise UsageError("batch sizes must be positive")


class _Push:
    """One push: send what is needed graph by graph, recording each acknowledgement."""

    def __init__(self, store, remote, opts, pushlog, out):
        self.store, self.remote, self.opts, self.pushlog = store, remote, opts, pushlog
        self.journal = None if opts.dry_run else pushlog  # a dry run records nothing
        method, url, software = choose_method(remote, opts.method, opts.graph_store)
        if opts.bulk:
            _check_bulk(method, url, software)
        self.loader = _loader(method, url, remote, opts)
        self.sink = Printer(out, remote) if opts.dry_run else remote
        self.summary = {"method": method, "graphs": 0, "triples": 0, "requests": 0, "skipped": 0,
                        "pruned": 0}
        self.counts = {}  # {graph: local triple count}, for verify

    def run(self):
        """Send, drop, verify; return the summary."""
        local = self.store.graphs()
        todo = self._plan(local)
        stale = self._stale({str(g) for g in local})
        if (todo or stale) and not self.opts.dry_run:
            try:
                self.remote.check_sparql()  # nothing is marked loaded at a server that is not one
            except ServerError as exc:
                raise _not_loaded(exc, todo, stale) from None
        self._send_all(todo, stale)
        for j, graph in enumerate(stale):
            self._drop(graph, stale[j:])
        if self.opts.verify and not self.opts.dry_run:
            self._verify(local)
        self.summary["skipped"] = len(local) - len(todo)
        return self.summary

    def _send_all(self, todo, stale):
        """Send the graphs todo in the loader's groups, read and grouped ahead of the requests."""
        sent = 0
        groups = read_ahead(self.loader.groups(in_order(lambda graph: (graph, self.store.ntriples(graph)), todo)))
        while True:
            try:
                group = next(groups)
            except StopIteration:
                return
            except ServerError as exc:  # a question the loader asks while grouping (which graphs are there)
                raise _not_loaded(exc, todo[sent:], stale) from None
            self._send_group(group, todo[sent:], stale)
            sent += len(group)

    def _plan(self, local):
        """Return the graphs to send: all, or with changed those the log does not show loaded."""
        if not self.opts.changed:
            return local
        loaded = self.pushlog.loaded()
        todo = []
        for graph in local:
            lines = self.store.ntriples(graph)
            self.counts[graph] = len(lines)
            if loaded.get(str(graph)) != content_hash(lines):
                todo.append(graph)
        return todo

    def _stale(self, local):
        """Return the graphs to drop on the server: forgotten since pushed (changed), or all (prune)."""
        stale = set()
        if self.opts.changed:
            stale |= self.pushlog.known() - local
        if self.opts.prune:
            _, rows = rows_from_json(self.remote.select(_REMOTE_DOCS))  # a read, even in a dry run
            stale |= {str(row[0]) for row in rows} - local
        return [URIRef(g) for g in sorted(stale)]

    def _send_group(self, group, rest, stale):
        """Send graphs in one request, marking them sending first and loaded once acknowledged."""
        if len(group) == 1:
            graph, lines = group[0]
            self._send(graph, lines, rest, stale)
            return
        if self.journal:
            for graph, _ in group:
                self.journal.sending(graph)
        try:
            self.summary["requests"] += self.loader.send_group(self.sink, group)
        except ServerError as exc:
            if exc.status is None:  # no answer: smaller requests would fare no better
                raise _not_loaded(exc, rest, stale) from None
            # the server refused the request whole: graph by graph, the error names the graph at fault
            log.warning("%d graphs in one request failed (%s); sending them one by one", len(group), exc)
            for i, (graph, lines) in enumerate(group):
                self._send(graph, lines, rest[i:], stale)
            return
        for graph, lines in group:
            self._loaded(graph, lines)

    def _send(self, graph, lines, rest, stale):
        """Send one graph, marking it sending first and loaded once acknowledged."""
        if self.journal:
            self.journal.sending(graph)
        try:
            self.summary["requests"] += self.loader.send(self.sink, graph, lines)
        except ServerError as exc:
            raise _not_loaded(exc, rest, stale) from None
        self._loaded(graph, lines)

    def _loaded(self, graph, lines):
        """Record that the server holds graph as lines."""
        if self.journal:
            self.journal.mark_loaded(graph, content_hash(lines))
        self.counts[graph] = len(lines)
        self.summary["graphs"] += 1
        self.summary["triples"] += len(lines)
        log.info("pushed %s (%d triples)", graph, len(lines))

    def _drop(self, graph, rest):
        """Drop one graph the store no longer has from the server."""
        try:
            self.loader.drop(self.sink, graph)
        except ServerError as exc:
            raise _not_loaded(exc, [], rest) from None
        if self.journal:
            self.journal.mark_dropped(graph)
        self.summary["pruned"] += 1
        self.summary["requests"] += 1
        log.info("dropped %s, which the store no longer has", graph)

    def _verify(self, graphs):
        """Count each local graph on the server; raise ServerError naming those that differ."""
        wrong = []
        for start in range(0, len(graphs), VERIFY_CHUNK):
            chunk = graphs[start:start + VERIFY_CHUNK]
            _, rows = rows_from_json(self.remote.select(_COUNTS.format(" ".join(n3(g) for g in chunk))))
            found = {str(g): int(n) for g, n in rows}
            for graph in chunk:
                there, here = found.get(str(graph), 0), self.counts[graph]
                if there != here:
                    wrong.append(f"{graph} ({plural(there, 'triple')} there, {here} here)")
                    if self.journal:  # its content there is unknown: --changed sends it again
                        self.journal.sending(graph)
        if wrong:
            raise ServerError(f"verification failed for {len(wrong)} of {plural(len(graphs), 'graph')}: "
                              f"{_names(wrong)}; run kg push --changed to send them again")
        self.summary["verified"] = len(graphs)


def _check_bulk(method, url, software):
    """Raise UsageError unless the push can use an atomic bulk loader: quads to Oxigraph 0.5.1 or later."""
    if method != "quads":
        raise UsageError(f"--bulk needs the quads method (Oxigraph, with --update-endpoint); this push "
                         f"would use {method}")
    if not atomic_bulk(software):
        raise UsageError(f"--bulk needs Oxigraph {'.'.join(map(str, ATOMIC_BULK))} or later, whose bulk "
                         f"loader loads a request whole or not at all; the Graph Store at {redact(url)} "
                         f"names itself {software or 'nothing'!r}")


def _loader(method, url, remote, opts):
    """Return the loader of a method chosen by choose_method."""
    if method == "gsp":
        return GraphStoreLoader(url)
    if method == "quads":
        return QuadsLoader(url, remote, opts.batch_bytes or (BULK_BYTES if opts.bulk else QUADS_BYTES),
                           opts.batch_triples, opts.bulk)
    return Update(opts.batch_bytes or BATCH_BYTES, opts.batch_triples)


def _not_loaded(exc, graphs, stale):
    """Return a ServerError naming the graphs not loaded and the drops not done."""
    parts = [f"{plural(len(graphs), 'graph')} not loaded: {_names(graphs)}"] if graphs else []
    if stale:
        parts.append(f"{plural(len(stale), 'graph')} not dropped: {_names(stale)}")
    error = ServerError(f"{exc}\n{'; '.join(parts)}.\nRun the push again to finish it "
                        "(kg push --changed sends only what the server lacks).", status=exc.status,
                        body=exc.body)
    error.not_loaded = [str(g) for g in graphs]
    return error


def _names(items):
    """Return the first items, comma-separated, and how many more there are."""
    shown = ", ".join(str(i) for i in items[:NAMED])
    return shown + (f" and {len(items) - NAMED} more" if len(items) > NAMED else "")


def push_report(summary, dry_run=False):
    """Return the one-line account of a push for the terminal."""
    text = (f"{'would push' if dry_run else 'pushed'} {plural(summary['graphs'], 'graph')} ("
            f"{plural(summary['triples'], 'triple')}, {plural(summary['requests'], 'request')}, {summary['method']})")
    if summary["skipped"]:
        text += f"; {plural(summary['skipped'], 'unchanged graph')} skipped"
    if summary["pruned"]:
        text += f"; {'would drop' if dry_run else 'dropped'} {plural(summary['pruned'], 'graph')} the store no longer has"
    if "verified" in summary:
        text += f"; {plural(summary['verified'], 'graph')} verified"
    return text

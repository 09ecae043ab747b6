"""Copy the embedded store to a remote SPARQL server, graph by graph, replacing each graph there."""

import logging
import sys

from .endpoint import Endpoint, redact, rows_from_json
from .errors import UsageError
from .namespaces import DOC, KG
from .terms import n3

log = logging.getLogger(__name__)

METHODS = ("update", "gsp")
BATCH_BYTES = 256 * 1024  # bytes of N-Triples per request
BATCH_TRIPLES = 1000  # Virtuoso rejects INSERT DATA much beyond ~1,500 triples
_REMOTE_DOCS = f"""SELECT DISTINCT ?g WHERE {{
  GRAPH ?g {{ ?g a <{KG.Document}> }}
  FILTER(STRSTARTS(STR(?g), "{DOC}"))
}}"""


def push(store, endpoint, update_endpoint=None, user=None, password=None, method="update",
         auth="basic", batch_bytes=BATCH_BYTES, batch_triples=BATCH_TRIPLES, timeout=60.0,
         retries=3, backoff=0.5, prune=False, graph_store=None, dry_run=False, out=None,
         realm="SPARQL"):
    """Replace every store graph on the server; return {'graphs', 'triples', 'requests', 'pruned'}.

    method "update" sends SPARQL updates to update_endpoint (default: endpoint); method "gsp"
    PUTs each graph as N-Triples to graph_store (default: update_endpoint or endpoint), e.g.
    Oxigraph's http://host:7878/store. prune drops document graphs the store no longer has.
    dry_run writes the requests to out (default stdout) instead of sending them.
    """
    if method not in METHODS:
        raise UsageError(f"unknown push method {method!r}: use one of {', '.join(METHODS)}")
    if batch_triples < 1 or batch_bytes < 1:
        raise UsageError("batch sizes must be positive")
    remote = Endpoint(endpoint, update_endpoint, user=user, password=password, auth=auth, realm=realm,
                      timeout=timeout, retries=retries, backoff=backoff)
    target = _Printer(out or sys.stdout, remote) if dry_run else remote
    store_url = graph_store or update_endpoint or endpoint
    summary = {"graphs": 0, "triples": 0, "requests": 0, "pruned": 0}
    for graph in store.graphs():
        lines = store.ntriples(graph)
        if method == "gsp":
            target.put_graph(store_url, graph, _ntriples(lines))
            summary["requests"] += 1
        else:
            summary["requests"] += _push_update(target, graph, lines, batch_bytes, batch_triples)
        summary["graphs"] += 1
        summary["triples"] += len(lines)
        log.info("pushed %s (%d triples)", graph, len(lines))
    if prune:
        summary["pruned"] = _prune(remote, target, set(store.graphs()))
        summary["requests"] += summary["pruned"]
    return summary


class _Printer:
    """Stands in for an Endpoint in a dry run: writes each request instead of sending it."""

    def __init__(self, out, remote):
        self.out = out
        self.remote = remote

    def update(self, sparql):
        """Write one update request."""
        self.out.write(f"# POST {redact(self.remote.update_url or self.remote.query_url)}\n{sparql}\n\n")

    def put_graph(self, store_url, graph, ntriples):
        """Write one Graph Store PUT."""
        self.out.write(f"# PUT {redact(store_url)} graph={graph}\n{ntriples.decode('utf-8')}\n")


def _push_update(remote, graph, lines, batch_bytes, batch_triples):
    # the DROP travels with the first batch: a graph that fits one request is swapped whole
    name = n3(graph)
    requests = 0
    for i, batch in enumerate(batches(lines, batch_bytes, batch_triples)):
        drop = f"DROP SILENT GRAPH {name} ;\n" if i == 0 else ""
        remote.update(f"{drop}INSERT DATA {{ GRAPH {name} {{\n{batch}\n}} }}")
        requests += 1
    if requests == 0:  # an empty graph: just make sure nothing stale stays
        remote.update(f"DROP SILENT GRAPH {name}")
        requests = 1
    return requests


def batches(lines, batch_bytes=BATCH_BYTES, batch_triples=BATCH_TRIPLES):
    """Yield N-Triples lines joined into chunks bounded by bytes and triple count."""
    if _has_blank_nodes(lines):
        # a blank node label names the same node only within one request: keep the graph whole
        yield "\n".join(lines)
        return
    chunk, size = [], 0
    for line in lines:
        length = len(line.encode("utf-8")) + 1
        if chunk and (size + length > batch_bytes or len(chunk) >= batch_triples):
            yield "\n".join(chunk)
            chunk, size = [], 0
        chunk.append(line)
        size += length
    if chunk:
        yield "\n".join(chunk)


def _has_blank_nodes(lines):
    # may also fire on a literal containing " _:", which only costs a bigger request
    return any(line.startswith("_:") or " _:" in line for line in lines)


def _ntriples(lines):
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def _prune(remote, target, local):
    # even a dry run asks the server which documents it has: that request changes nothing
    _, rows = rows_from_json(remote.select(_REMOTE_DOCS))
    stale = sorted({row[0] for row in rows} - local)
    for graph in stale:
        target.update(f"DROP SILENT GRAPH {n3(graph)}")
        log.info("dropped %s, which the store no longer has", graph)
    return len(stale)

"""kg push --method quads: new graphs many to a request as N-Quads, graphs the server holds by Update."""

from __future__ import annotations

import logging
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterator, Sequence
from typing import Any

from kg.errors import ServerError
from kg.remote.endpoint import Endpoint, redact, rows_from_json
from kg.remote.loaders import Graph, Update, has_blank_nodes, line_bytes
from kg.store.terms import n3

log = logging.getLogger(__name__)

PROBE_GRAPH = "urn:kg:probe:"
# bytes of N-Triples a request's new graphs (in two POSTs): 1 MiB took 0.44 x oxigraph load, 256 KiB
# 0.38 x, 2 MiB 0.40 x (4 interleaved rounds, measured); a bulk load costs the server a set of files each
QUADS_BYTES = 1024 * 1024
BULK_BYTES = 4 * 1024 * 1024  # 0.96 x oxigraph load's time sent bare, 1 MiB 1.23 x (measured)
ATOMIC_BULK = (0, 5, 1)  # the first Oxigraph release whose bulk loader commits a request whole or not at all
_OXIGRAPH = re.compile(r"Oxigraph/(\d+)\.(\d+)\.(\d+)(\S*)")
_HELD = "SELECT ?g WHERE {{ VALUES ?g {{ {} }} FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }}"


class QuadsLoader:
    """N-Quads POSTed to a Graph Store URL without graph=, for graphs the server does not hold yet.

    A POST adds to the dataset and replaces nothing, so it is atomic replacement only for a graph
    the server does not hold: Oxigraph loads one POST in one transaction (Store::load_from_reader),
    so such a graph appears whole or not at all. Which graphs the server holds is asked as each
    group is formed (in a push, by the reader thread while earlier requests are on the wire); those
    go by SPARQL Update, DROP and INSERT DATA in one request (one transaction). A graph another
    client writes between that question and the POST would be merged, not replaced: one store pushes
    a graph at a time (the push log's lock); two stores pushing one graph to one server at once is
    not supported by any method. With bulk, the POSTs go to Oxigraph's bulk loader instead: each still
    whole or not at all, but not hidden from a query running meanwhile (atomic_bulk).
    """

    def __init__(self, url: str, remote: Endpoint, batch_bytes: int, batch_triples: int, bulk: bool = False) -> None:
        self.url, self.remote, self.batch_bytes = bulk_url(url) if bulk else url, remote, batch_bytes
        self.update = Update(batch_bytes, batch_triples)
        self.held: dict[str, bool] = {}  # {graph IRI: whether the server held it when asked}

    def groups(self, graphs: Iterator[Graph]) -> Iterator[list[Graph]]:
        """Yield graphs in groups of at most batch_bytes, asking the server which it holds."""
        for group in by_bytes(graphs, self.batch_bytes):
            self.ask([graph for graph, _ in group])
            yield group

    def send_group(self, sink: Any, group: list[Graph]) -> int:
        """Put every graph of group on the server: one POST for the new, updates for the held; return requests."""
        self.ask([graph for graph, _ in group if str(graph) not in self.held])
        new = [(graph, lines) for graph, lines in group if not self.held[str(graph)]]
        requests = 0
        if new:
            requests += self._post(sink, new)
        for part in self.update.groups(iter([(g, lines) for g, lines in group if self.held[str(g)]])):
            requests += self.update.send_group(sink, part) if len(part) > 1 else self.update.send(sink, *part[0])
        return requests

    def _post(self, sink: Any, new: list[Graph]) -> int:
        """POST new graphs in two halves at once; return the number of requests.

        Oxigraph applies each request in a thread of its own, so two keep both cores busy: 0.38 x
        oxigraph load against 0.34 x in one request (median of 6 interleaved rounds, measured).
        Each half is one transaction and each graph is in one half; both are acknowledged before
        push marks any graph of them loaded.
        """
        half = len(new) // 2
        if half == 0 or not isinstance(sink, Endpoint):  # one graph, or a dry run printing in order
            sink.post_quads(self.url, quads(new))
            return 1
        with ThreadPoolExecutor(2) as pool:
            done = [pool.submit(sink.post_quads, self.url, quads(part)) for part in (new[:half], new[half:])]
        for future in done:
            future.result()  # raises the ServerError of a half that failed
        return 2

    def send(self, sink: Any, graph: Any, lines: Sequence[str]) -> int:
        """Replace graph on the server by lines; return the number of requests."""
        return self.send_group(sink, [(graph, list(lines))])

    def drop(self, sink: Any, graph: Any) -> None:
        """Drop graph on the server."""
        self.update.drop(sink, graph)

    def ask(self, graphs: Sequence[Any]) -> None:
        """Record which of graphs the server holds at least one triple of (a read, even in a dry run)."""
        if not graphs:
            return
        _, rows = rows_from_json(self.remote.select(_HELD.format(" ".join(n3(g) for g in graphs))))
        there = {str(row[0]) for row in rows}
        self.held.update((str(graph), str(graph) in there) for graph in graphs)


def by_bytes(graphs: Iterator[Graph], batch_bytes: int) -> Iterator[list[Graph]]:
    """Yield graphs in groups of at most batch_bytes; a graph with blank nodes or larger goes alone."""
    group: list[Graph] = []
    size = 0
    for graph, lines in graphs:
        # a blank node label names one node in the whole request: keep such graphs apart
        length = None if has_blank_nodes(lines) else line_bytes(lines)
        if group and (length is None or size + length > batch_bytes):
            yield group
            group, size = [], 0
        if length is None:
            yield [(graph, lines)]
            continue
        group.append((graph, lines))
        size += length
    if group:
        yield group


def quads(group: Sequence[Graph]) -> bytes:
    """Return the N-Quads of graphs given as N-Triples lines (each ending in ' .')."""
    parts = []
    for graph, lines in group:
        if lines:
            # each line ends in ' .': cut the '.', and the graph's name and a new '.' end every line
            end = f"{n3(graph)} .\n"
            parts.append(end.join(line[:-1] for line in lines) + end)
    return "".join(parts).encode("utf-8")


def offers_quads(remote: Endpoint, url: str) -> str | None:
    """Return the server's Server header if url files a POSTed N-Quads line in its named graph, else None.

    Virtuoso answers such a POST 200 with an HTML form and keeps nothing.
    """
    graph = PROBE_GRAPH + uuid.uuid4().hex
    triple = f'<{graph}> <{graph}> "kg probe"'
    try:
        software = remote.post_quads(url, f"{triple} <{graph}> .\n".encode("ascii"))
        answer = remote.select(f"ASK {{ GRAPH <{graph}> {{ {triple} }} }}")
    except ServerError as exc:
        log.info("no N-Quads POST at %s: %s", redact(url), exc)
        return None
    finally:
        try:
            remote.delete_graph(url, graph)
        except ServerError as exc:
            log.warning("could not delete scratch graph <%s> at %s: %s", graph, redact(url), exc)
    return software if answer.get("boolean") is True else None


def atomic_bulk(software: str) -> bool:
    """Return whether a server naming itself software loads a no_transaction POST whole or not at all.

    Oxigraph's bulk loader writes a request's quads to files and adds them all to the database at its
    end (from 0.5: "if it fails no triple will be added"; 0.5.1 made that the default of `oxigraph
    load`, beside its --non-atomic); before, it committed as it went. It skips the transaction's
    work: 0.96 x the time of `oxigraph load` against 1.86 x (bare POSTs, measured). But its files go
    in index by index, and a query running meanwhile can see a quad before its strings: 2 of about
    29,800 queries polling during bulk POSTs failed "Not able to find the string with id" (none of
    about 6,900 during transactional POSTs, measured). Another server, an older or a pre-release
    Oxigraph: no.
    """
    match = _OXIGRAPH.search(software)
    if match is None or match.group(4):
        return False
    return tuple(int(n) for n in match.groups()[:3]) >= ATOMIC_BULK


def bulk_url(url: str) -> str:
    """Return the Graph Store url asking Oxigraph for its bulk loader."""
    return f"{url}{'&' if '?' in url else '?'}no_transaction"

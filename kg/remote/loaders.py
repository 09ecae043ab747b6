"""How kg push puts graphs on a server: SPARQL Update (many graphs a request) or Graph Store PUTs."""

from __future__ import annotations

import collections
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TextIO

from kg.remote.endpoint import redact
from kg.store.terms import n3

BATCH_BYTES = 256 * 1024  # bytes of N-Triples per request
BATCH_TRIPLES = 1000  # Virtuoso refuses an INSERT DATA of ~10k triples: keep it near 1-2k
READ_AHEAD = 4  # requests' graphs read from the store (and grouped) while earlier ones are on the wire
READERS = 2  # threads reading graphs from the store
READ_GRAPHS = 16  # graphs they read ahead of the grouping

Graph = tuple[Any, list[str]]  # (graph IRI, its N-Triples lines)


class Update:
    """SPARQL 1.1 Update: DROP then INSERT DATA; small graphs travel many to a request.

    A request is one transaction on Oxigraph and Virtuoso, so each graph in it is swapped whole.
    A graph too large for one request goes alone, in batches, the DROP with the first.
    """

    def __init__(self, batch_bytes: int = BATCH_BYTES, batch_triples: int = BATCH_TRIPLES) -> None:
        self.batch_bytes, self.batch_triples = batch_bytes, batch_triples

    def _shareable_size(self, lines: Sequence[str]) -> int | None:
        """Return a graph's size in bytes if it goes whole into one request beside others, else None."""
        if len(lines) > self.batch_triples or has_blank_nodes(lines):
            return None  # a blank node label names one node in the whole request: keep such graphs apart
        size = line_bytes(lines)
        return size if size <= self.batch_bytes else None

    def groups(self, graphs: Iterator[Graph]) -> Iterator[list[Graph]]:
        """Yield the graphs in request-sized groups, in order: small ones together, a large one alone."""
        group: list[Graph] = []
        size = 0
        for graph, lines in graphs:
            length = self._shareable_size(lines)
            if group and (length is None or size + length > self.batch_bytes):
                yield group
                group, size = [], 0
            group.append((graph, lines))
            size += length or 0
            if length is None:
                yield group
                group, size = [], 0
        if group:
            yield group

    def send_group(self, sink: Any, group: list[Graph]) -> int:
        """Replace every graph of group on the server, in one request; return the number of requests."""
        sink.update(" ;\n".join(_replace(graph, "\n".join(lines)) for graph, lines in group))
        return 1

    def send(self, sink: Any, graph: Any, lines: Sequence[str]) -> int:
        """Replace graph on the server by lines; return the number of requests."""
        requests = 0
        for i, batch in enumerate(batches(lines, self.batch_bytes, self.batch_triples)):
            if i == 0:
                sink.update(_replace(graph, batch))
            else:
                sink.update(f"INSERT DATA {{ GRAPH {n3(graph)} {{\n{batch}\n}} }}")
            requests += 1
        if requests == 0:  # an empty graph: just make sure nothing stale stays
            self.drop(sink, graph)
            requests = 1
        return requests

    def drop(self, sink: Any, graph: Any) -> None:
        """Drop graph on the server."""
        sink.update(f"DROP SILENT GRAPH {n3(graph)}")


class GraphStoreLoader:
    """The Graph Store Protocol: one PUT per graph, which the server applies whole or not at all."""

    def __init__(self, url: str) -> None:
        self.url = url

    def groups(self, graphs: Iterator[Graph]) -> Iterator[list[Graph]]:
        """Yield each graph alone: a PUT holds one graph."""
        for graph in graphs:
            yield [graph]

    def send_group(self, sink: Any, group: list[Graph]) -> int:
        """Replace every graph of group on the server, one PUT each; return the number of requests."""
        return sum(self.send(sink, graph, lines) for graph, lines in group)

    def send(self, sink: Any, graph: Any, lines: Sequence[str]) -> int:
        """Replace graph on the server by lines; return the number of requests."""
        sink.put_graph(self.url, graph, "".join(f"{line}\n" for line in lines).encode("utf-8"))
        return 1

    def drop(self, sink: Any, graph: Any) -> None:
        """Delete graph on the server."""
        sink.delete_graph(self.url, graph)


class Printer:
    """Stands in for an Endpoint in a dry run: writes each request instead of sending it."""

    def __init__(self, out: TextIO, remote: Any) -> None:
        self.out = out
        self.remote = remote

    def update(self, sparql: str) -> None:
        """Write one update request."""
        self.out.write(f"# POST {redact(self.remote.update_url or self.remote.query_url)}\n{sparql}\n\n")

    def put_graph(self, store_url: str, graph: Any, ntriples: bytes) -> None:
        """Write one Graph Store PUT."""
        self.out.write(f"# PUT {redact(store_url)} graph={graph}\n{ntriples.decode('utf-8')}\n")

    def post_quads(self, store_url: str, nquads: bytes) -> None:
        """Write one Graph Store POST of N-Quads."""
        self.out.write(f"# POST {redact(store_url)}\n{nquads.decode('utf-8')}\n")

    def delete_graph(self, store_url: str, graph: Any) -> None:
        """Write one Graph Store DELETE."""
        self.out.write(f"# DELETE {redact(store_url)} graph={graph}\n\n")


def read_ahead(items: Iterable[Any], depth: int = READ_AHEAD) -> Iterator[Any]:
    """Yield items as they come, produced by a thread up to depth ahead of the consumer.

    The store is read while the server works on the last request: reading 500 news graphs took
    4 of 19 s of a push one after the other (measured). An error in the thread is raised here.
    """
    ready: queue.Queue[tuple[str, Any]] = queue.Queue(depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                ready.put(("item", item))
            ready.put(("end", None))
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which raises it
            ready.put(("error", exc))

    thread = threading.Thread(target=produce, name="kg-push-reader", daemon=True)
    thread.start()
    try:
        while True:
            kind, value = ready.get()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()  # a consumer that stops early (a failed push) stops the reader at its next item
        while thread.is_alive():
            try:
                ready.get_nowait()  # unblock a reader waiting on a full queue
            except queue.Empty:
                thread.join(0.01)


def in_order(call: Callable[[Any], Any], items: Iterable[Any], workers: int = READERS,
             depth: int = READ_GRAPHS) -> Iterator[Any]:
    """Yield call(item) for each item in order, computed by worker threads up to depth items ahead.

    pyoxigraph dumps a graph without holding Python's lock: two threads read the 500 graphs of a
    push in 0.40 s against 0.70 s, and in 19 of 26 interleaved rounds (load average 3.4-7) a push
    with two readers took less time than with one (medians of its ratio to oxigraph load: --bulk
    0.52 against 0.45 and 0.48, and 0.52 against 0.53; the default 0.39 against 0.35).
    """
    pending: collections.deque[Future[Any]] = collections.deque()
    pool = ThreadPoolExecutor(workers, thread_name_prefix="kg-push-read")
    try:
        for item in items:
            pending.append(pool.submit(call, item))
            if len(pending) >= depth:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # a consumer that stops early leaves no reader running


def batches(lines: Sequence[str], batch_bytes: int = BATCH_BYTES, batch_triples: int = BATCH_TRIPLES) -> Iterator[str]:
    """Yield N-Triples lines joined into chunks bounded by bytes and triple count."""
    if has_blank_nodes(lines):
        # a blank node label names the same node only within one request: keep the graph whole
        yield "\n".join(lines)
        return
    chunk: list[str] = []
    size = 0
    for line in lines:
        length = len(line.encode("utf-8")) + 1
        if chunk and (size + length > batch_bytes or len(chunk) >= batch_triples):
            yield "\n".join(chunk)
            chunk, size = [], 0
        chunk.append(line)
        size += length
    if chunk:
        yield "\n".join(chunk)


def _replace(graph: Any, body: str) -> str:
    """Return the update operations that make graph hold exactly body's triples."""
    name = n3(graph)
    return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}"


def line_bytes(lines: Sequence[str]) -> int:
    """Return the bytes of lines as one N-Triples body."""
    # one encode of the joined text, not one a line: a Python loop over every triple cost 0.2 s a push
    return len("\n".join(lines).encode("utf-8")) + 1 if lines else 0


def has_blank_nodes(lines: Sequence[str]) -> bool:
    """Return whether any line may hold a blank node (a literal holding ' _:' costs only size)."""
    text = "\n" + "\n".join(lines)
    return "\n_:" in text or " _:" in text

"""kg serve's queries run in worker processes, so a time-out can stop a query's work by ending its process.

pyoxigraph evaluates a query in native code that no Python thread can interrupt: a cartesian product
or a COUNT over one would go on after its client has gone. Each worker opens the store read-only (the
kg reader lock is shared) and answers one query at a time; past the time-out the worker is killed and
a fresh one takes its place. The answer is written through a size cap, so an enormous result ends in
a clear error rather than an allocation failure.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from http import HTTPStatus
from typing import Any

from kg.errors import KGError
from kg.lifeline import die_with_parent
from kg.web.guard import RESULTS, GRAPHS, Refusal, negotiate

DEFAULT_TIMEOUT = 30.0  # seconds a query may run
DEFAULT_MAX_RESULT = 100_000_000  # bytes of one answer
WORKERS = 2  # queries answered at once; more wait for a worker
START_WAIT = 120.0  # seconds a new worker may take to open the store


def _answer(store, job, limit):
    """Return ("ok", media, body) or ("refused", status, reason) for one query job in a worker."""
    query, default_graphs, named_graphs, accept = job
    try:
        result = store.sparql(query, default_graphs=default_graphs, named_graphs=named_graphs)
        media = negotiate(accept, GRAPHS if result.is_graph else RESULTS)
        return "ok", media, result.serialize(media, limit=limit)
    except Refusal as exc:
        return "refused", int(exc.status), str(exc)
    except KGError as exc:
        too_large = type(exc).__name__ == "ResultTooLarge"
        return "refused", int(HTTPStatus.SERVICE_UNAVAILABLE if too_large else HTTPStatus.BAD_REQUEST), str(exc)
    except (OSError, RuntimeError, ValueError, MemoryError) as exc:
        return "refused", int(HTTPStatus.INTERNAL_SERVER_ERROR), f"query failed: {exc}"


def _work(path, conn, limit):
    """A worker's life: open the store read-only, then answer jobs until the parent goes away."""
    die_with_parent()
    from kg.store.oxigraph import Store  # the worker's own handle on the store

    try:
        store = Store.open(path, read_only=True)
    except KGError as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", None))
    with store:
        while True:
            try:
                job = conn.recv()
            except (EOFError, OSError):
                return
            conn.send(_answer(store, job, limit))


class _Worker:
    def __init__(self, path, limit):
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(str(path), child, limit), daemon=True,
                                       name="kg-serve-query")
        self.process.start()
        child.close()
        if not self.conn.poll(START_WAIT):
            self.kill()
            raise Refusal(HTTPStatus.SERVICE_UNAVAILABLE, "a query worker did not start in time")
        state, message = self._recv()
        if state != "ready":
            self.kill()
            raise Refusal(HTTPStatus.SERVICE_UNAVAILABLE, f"a query worker could not open the store: {message}")

    def _recv(self):
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise Refusal(HTTPStatus.INTERNAL_SERVER_ERROR,
                          "the query's process ended without an answer (out of memory?)") from None

    def ask(self, job: Any, timeout: float):
        """Send a job; return the worker's reply, or kill the worker past the time-out."""
        self.conn.send(job)
        if not self.conn.poll(timeout):
            self.kill()
            raise Refusal(HTTPStatus.SERVICE_UNAVAILABLE,
                          f"the query ran past the time-out ({timeout:g} s) and was stopped")
        return self._recv()

    @property
    def alive(self):
        return self.process.is_alive()

    def kill(self):
        """End the worker's process at once, whatever it is doing."""
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryRunner:
    """Run queries on a store directory in up to `workers` processes, each bounded in time and answer size."""

    def __init__(self, path, timeout: float = DEFAULT_TIMEOUT, limit: int = DEFAULT_MAX_RESULT,
                 workers: int = WORKERS) -> None:
        self.path, self.timeout, self.limit = path, timeout, limit
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._slots = threading.BoundedSemaphore(workers)
        self._all: list[_Worker] = []

    def run(self, query: str, default_graphs, named_graphs, accept: str | None) -> tuple[str, bytes]:
        """Return (media type, body) of a query's answer; raise Refusal when it fails or runs too long."""
        with self._slots:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                worker = _Worker(self.path, self.limit)
                self._all.append(worker)
            reply = worker.ask((query, default_graphs, named_graphs, accept), self.timeout)
            if worker.alive:
                self._idle.put(worker)
        if reply[0] != "ok":
            raise Refusal(HTTPStatus(reply[1]), reply[2])
        return reply[1], reply[2]

    def close(self) -> None:
        """End every worker."""
        for worker in self._all:
            if worker.alive:
                worker.kill()

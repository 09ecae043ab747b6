"""Concurrent kg processes on one store: writers exclude everyone, readers share, crashes never corrupt."""

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.store.oxigraph import Store

ROOT = Path(__file__).resolve().parents[1]


def spawn(code, *args):
    """Start a Python child running code (with kg importable) and return it."""
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


HOLD = """
    import sys, time
    from kg.store.oxigraph import Store
    with Store.open(sys.argv[1], read_only=sys.argv[2] == "r") as store:
        print("ready", flush=True)
        time.sleep(float(sys.argv[3]))
"""


@contextlib.contextmanager
def hold(path, mode, seconds):
    """Run a child that keeps the store open; yield it once it has it, and reap it afterwards."""
    child = spawn(HOLD, path, mode, seconds)
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        yield child
    finally:
        child.kill()
        child.wait()


def test_store_second_writer_in_same_process_gets_clear_error(store_path):
    with Store.open(store_path):
        with pytest.raises(StoreError, match=rf"in use by another kg process \(pid {os.getpid()}\)"):
            Store.open(store_path, wait=0.2)


def test_store_second_writer_process_gets_clear_error(store_path):
    Store.open(store_path).close()
    with hold(store_path, "w", 30) as child:
        start = time.monotonic()
        with pytest.raises(StoreError, match=rf"in use by another kg process \(pid {child.pid}\)"):
            Store.open(store_path, wait=0.5)
        assert time.monotonic() - start < 5
        with pytest.raises(StoreError, match=rf"pid {child.pid}"):
            Store.open(store_path, read_only=True, wait=0.2)


def test_store_writer_waits_for_a_writer_that_finishes(store_path):
    Store.open(store_path).close()
    with hold(store_path, "w", 1) as child:
        with Store.open(store_path, wait=30) as store:
            assert store.graphs() == []
        assert child.wait(timeout=10) == 0


def test_store_readers_share_but_exclude_writers(store_path):
    Store.open(store_path).close()
    with hold(store_path, "r", 30):
        with Store.open(store_path, read_only=True, wait=1) as reader:
            assert reader.graphs() == []
        with pytest.raises(StoreError, match=r"in use by another kg process \(a reader\)"):
            Store.open(store_path, wait=0.3)


def test_store_lock_is_released_by_a_killed_process(store_path):
    Store.open(store_path).close()
    with hold(store_path, "w", 30) as child:
        child.send_signal(signal.SIGKILL)
        child.wait()
    with Store.open(store_path, wait=5) as store:  # the kernel dropped the flock with the process
        assert store.graphs() == []


def test_store_foreign_program_holding_the_database_gets_clear_error(store_path):
    import pyoxigraph

    Store.open(store_path).close()
    other = pyoxigraph.Store(str(store_path))  # like an oxigraph server on the same directory
    try:
        with pytest.raises(StoreError, match="in use by another program"):
            Store.open(store_path, wait=0.1)
    finally:
        del other


CHURN = """
    import sys
    from rdflib import Graph, Literal, URIRef
    from kg.store.oxigraph import Store
    doc = URIRef("http://kg.example.org/doc/churn")
    versions = []
    for tag in ("A", "B"):
        graph = Graph(identifier=doc)
        for i in range(20000):
            graph.add((URIRef(f"http://example.org/s{i % 97}"), URIRef("http://example.org/p"),
                       Literal(f"{tag}-{i}")))
        versions.append(graph)
    with Store.open(sys.argv[1]) as store:
        print("ready", flush=True)
        while True:
            for graph in versions:
                store.replace_graph(graph)
"""


def test_store_replace_graph_survives_a_kill_mid_write(store_path):
    child = spawn(CHURN, store_path)
    assert child.stdout.readline().strip() == "ready", child.stderr.read()
    time.sleep(2.5)  # several replacements of 20,000 triples are under way
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store.open(store_path, read_only=True) as store:
        _, rows = store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    tags = {str(o).split("-")[0] for (o,) in rows}
    assert len(rows) == 20000 and len(tags) == 1  # all of one version, never a mix or a part

"""A push killed midway, or whose server dies midway, and run again: exactly the local graphs there."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from conftest import Server, Virtuoso, _free_port, configure_virtuoso, start_oxigraph, start_virtuoso, stop
from kg.rdf.classes import plural
from kg.rdf.iris import document_iri
from kg.rdf.namespaces import KG, NIF
from kg.remote.pushlog import LOG_NAME
from kg.store.oxigraph import Store
from sample_data import TRICKY, local_quads_by_graph

DOCS, MENTIONS = 60, 15  # 60 graphs of 62 triples; update batches of 16 split each in four
KILL_AFTER = 6  # graphs acknowledged before the kill: the rest takes 50+ requests more


def bulk_graph(i):
    """Return document graph i: mentions with offsets, labels with quotes, a language tag."""
    doc = document_iri(f"bulk/{i:03d}.txt")
    graph = Graph(identifier=doc)
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, KG.title, Literal(f"{TRICKY} #{i}", lang="en")))
    for j in range(MENTIONS):
        node = URIRef(f"{doc}#char={j * 10},{j * 10 + 7}")
        graph.add((node, NIF.beginIndex, Literal(j * 10)))
        graph.add((node, NIF.endIndex, Literal(j * 10 + 7)))
        graph.add((node, NIF.anchorOf, Literal(f'O"Brien {i}/{j} }} ;')))
        graph.add((node, RDFS.label, Literal(f"Zelens'kyi {j}", lang="uk")))
    return graph


@pytest.fixture(scope="module")
def bulk_template(tmp_path_factory):
    """Return the path of a store of DOCS document graphs, built once."""
    path = tmp_path_factory.mktemp("bulk") / "kg-data"
    with Store.open(path) as store:
        for i in range(DOCS):
            store.replace_graph(bulk_graph(i))
    return path


@pytest.fixture
def bulk_store(bulk_template, tmp_path):
    """Return the path of a fresh copy of the bulk store (no push log yet)."""
    return shutil.copytree(bulk_template, tmp_path / "kg-data")


class Target:
    """A server kg push loads: the arguments that reach it and what it holds."""

    def __init__(self, kind, base):
        self.kind, self.base = kind, base

    def args(self):
        """Return the kg push arguments for this server."""
        if self.kind == "oxigraph":
            return ["--endpoint", self.base + "/query", "--update-endpoint", self.base + "/update"]
        v = Virtuoso(self.base)
        return ["--endpoint", v.query, "--update-endpoint", v.update, "--user", "dba", "--auth", "digest"]

    def quads_by_graph(self):
        """Return {graph: N-Triples statements} of the kg graphs the server holds."""
        return (Server(self.base) if self.kind == "oxigraph" else Virtuoso(self.base)).quads_by_graph()


def kg_push(store, target, *extra):
    """Start `kg push` on store as its own process (KG_PASSWORD set for Virtuoso's dba)."""
    env = {**os.environ, "KG_PASSWORD": "dba"}
    command = [sys.executable, "-m", "kg", "--store", str(store), "push", *target.args(), *extra]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def log_entries(store):
    """Return the push log's entries, in order (one server per test)."""
    path = store / LOG_NAME
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [json.loads(line) for line in lines if line.endswith("}")]  # not a line being written


def loaded_graphs(store):
    """Return the graphs the push log shows loaded."""
    states = {entry["graph"]: entry["state"] for entry in log_entries(store)}
    return {g for g, state in states.items() if state == "loaded"}


def when_loaded(proc, store, count, seconds=60):
    """Wait until the push log shows count more graphs loaded, while proc still runs."""
    count += sum(entry["state"] == "loaded" for entry in log_entries(store))
    deadline = time.monotonic() + seconds
    while sum(entry["state"] == "loaded" for entry in log_entries(store)) < count:
        assert proc.poll() is None, f"kg push ended before the kill: {proc.communicate()}"
        assert time.monotonic() < deadline, "kg push made no progress"
        time.sleep(0.002)


def local_graphs(store):
    """Return {graph: N-Triples statements} of the store at path."""
    with Store.open(store, read_only=True) as opened:
        return local_quads_by_graph(opened)


def finish(store, target, skipped):
    """Run `kg push --changed` to the end; check it skipped what was loaded and left exact graphs."""
    out, err = kg_push(store, target, "--changed", "--verify").communicate(timeout=120)
    assert f"{plural(skipped, 'unchanged graph')} skipped" in err and f"{DOCS} graphs verified" in err, err
    assert target.quads_by_graph() == local_graphs(store)


@pytest.mark.parametrize("kind, method, again", [
    ("oxigraph", "update", False), ("oxigraph", "gsp", False), ("oxigraph", "update", True),
    ("oxigraph", "quads", False), ("oxigraph", "quads", True), ("oxigraph", "bulk", False),
    ("virtuoso", "update", False), ("virtuoso", "gsp", False), ("virtuoso", "update", True)])
def test_push_resumes_after_kg_push_is_killed(kind, method, again, bulk_store, request):
    server = request.getfixturevalue("server" if kind == "oxigraph" else "virtuoso")
    target = Target(kind, server.base)
    chosen = ["--method", "quads", "--bulk"] if method == "bulk" else ["--method", method]
    if again:  # everything was pushed before: the killed push replaces graphs already there
        assert kg_push(bulk_store, target, *chosen).wait(timeout=120) == 0
    # small requests, so that the kill finds most graphs still to send
    proc = kg_push(bulk_store, target, *chosen, "--batch-triples", "16", "--batch-bytes", "8000")
    when_loaded(proc, bulk_store, KILL_AFTER)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    remote, local = target.quads_by_graph(), local_graphs(bulk_store)
    assert again or (len(remote) < DOCS and remote != local)  # killed midway: not all there
    for graph in loaded_graphs(bulk_store):  # what the log calls loaded is there, exactly
        assert remote.get(graph) == local[graph], graph
    finish(bulk_store, target, skipped=len(loaded_graphs(bulk_store)))


def start_own(kind, location, base):
    """Start a server of this kind that only this test uses."""
    return start_oxigraph(location, base) if kind == "oxigraph" else start_virtuoso(location, base)


@pytest.mark.parametrize("kind", ["oxigraph", "virtuoso"])
def test_push_server_killed_midway_exits_1_naming_what_was_not_loaded(kind, bulk_store, tmp_path):
    location = tmp_path / kind
    location.mkdir()
    base = f"http://127.0.0.1:{_free_port()}" if kind == "oxigraph" else configure_virtuoso(location)
    target = Target(kind, base)
    proc = start_own(kind, location, base)
    try:
        push = kg_push(bulk_store, target, "--retries", "1", "--batch-bytes", "8000")  # many requests to kill in
        when_loaded(push, bulk_store, KILL_AFTER)
        proc.kill()
        proc.wait()
        _, err = push.communicate(timeout=60)
        assert push.returncode == 1, err
        missing = sorted(set(local_graphs(bulk_store)) - loaded_graphs(bulk_store))
        assert f"{len(missing)} graphs not loaded: {missing[0]}, {missing[1]}," in err
        assert "Traceback" not in err
        proc = start_own(kind, location, base)
        finish(bulk_store, target, skipped=DOCS - len(missing))
    finally:
        stop(proc)

"""kg serve: the store over the SPARQL 1.1 protocol, read-only, on loopback, with the view page."""

import csv
import io
import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph

from kg.remote.endpoint import Endpoint
from kg.errors import StoreError
from kg.queries import load_query, run
from kg.web.serve import DEFAULT_BIND, negotiate, parse_bind, Refusal
from kg.store.oxigraph import Store

ASK_CALLS = "ASK { ?s <http://kg.example.org/ontology#called> ?o }"


@pytest.fixture
def served(sample_store, store_path):
    """Start `kg serve --bind 127.0.0.1:0` on the sample store; yield its base URL."""
    sample_store.close()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "--store", str(store_path), "serve",
                             "--bind", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        assert "serving" in line, line + proc.stderr.read()
        yield line.split(" at ")[1].split("/ ")[0]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        proc.stderr.close()


def get(url, accept=None, data=None, content_type=None):
    """Return (status, content type, body) of one request."""
    headers = {k: v for k, v in (("Accept", accept), ("Content-Type", content_type)) if v}
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode("utf-8")


def test_serve_answers_stored_queries_like_the_store(served, store_path):
    query = load_query("who-called-whom")
    remote = run(query, endpoint=Endpoint(served + "/query"))
    with Store.open(store_path, read_only=True, wait=5) as store:  # readers share the lock
        local = run(query, store=store)
    assert remote[1] and sorted(map(str, remote[1])) == sorted(map(str, local[1]))


def test_serve_speaks_the_protocol(served):
    url = served + "/query?" + urllib.parse.urlencode({"query": ASK_CALLS})
    status, kind, body = get(url)
    assert status == 200 and kind == "application/sparql-results+json" and json.loads(body)["boolean"]
    select = "SELECT ?label WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label"
    status, kind, body = get(served + "/query", accept="text/csv", data=select.encode(),
                             content_type="application/sparql-query")
    assert status == 200 and kind == "text/csv"
    labels = [row[0] for row in csv.reader(io.StringIO(body))][1:]
    assert "Joe Biden" in labels and "Crimea" in labels
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    status, kind, body = get(served + "/query", data=urllib.parse.urlencode({"query": construct}).encode(),
                             content_type="application/x-www-form-urlencoded")
    assert status == 200 and kind == "text/turtle" and len(Graph().parse(data=body, format="turtle")) > 50
    one = "http://kg.example.org/doc/news%2F002.txt"
    graphs = "SELECT DISTINCT ?s WHERE { ?s a <http://kg.example.org/ontology#Document> }"
    status, _, body = get(served + "/query?" + urllib.parse.urlencode({"query": graphs, "default-graph-uri": one}))
    assert [b["s"]["value"] for b in json.loads(body)["results"]["bindings"]] == [one]


def test_serve_refuses_updates_and_bad_requests(served):
    drop = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    assert get(served + "/update", data=drop, content_type="application/x-www-form-urlencoded")[0] == 403
    assert get(served + "/query", data=drop, content_type="application/x-www-form-urlencoded")[0] == 403
    assert get(served + "/query", data=b"DROP ALL", content_type="application/sparql-update")[0] == 403
    assert get(served + "/query?query=SELEKT")[0] == 400
    assert get(served + "/query")[0] == 400
    assert get(served + "/query?" + urllib.parse.urlencode({"query": ASK_CALLS}), accept="image/png")[0] == 406
    assert get(served + "/nowhere")[0] == 404
    status, _, body = get(served + "/query?" + urllib.parse.urlencode({"query": ASK_CALLS}))
    assert json.loads(body)["boolean"]  # still all there


def test_serve_shows_the_view_page(served):
    status, kind, body = get(served + "/")
    assert status == 200 and kind.startswith("text/html") and "Vladimir Putin" in body
    status, _, body = get(served + "/?" + urllib.parse.urlencode({"entity": "Crimea"}))
    assert status == 200 and "Crimea" in body and "Geneva" not in body
    assert get(served + "/?min_confidence=7")[0] == 400


def test_serve_holds_the_reader_lock(served, store_path):
    with pytest.raises(StoreError, match="in use"):
        Store.open(store_path, wait=0.3)


def test_serve_binds_loopback_by_default():
    assert DEFAULT_BIND.startswith("127.0.0.1:")
    assert parse_bind(None) == ("127.0.0.1", 7878)
    assert parse_bind("[::1]:8000") == ("::1", 8000)
    for bad in ("7878", "localhost:", "host:port", ":80"):
        with pytest.raises(Exception, match="HOST:PORT"):
            parse_bind(bad)


def test_serve_negotiates_media_types():
    offers = {"application/sparql-results+json": 1, "text/csv": 2}
    assert negotiate(None, offers) == "application/sparql-results+json"
    assert negotiate("text/csv;q=0.9, application/sparql-results+json;q=0.5", offers) == "text/csv"
    assert negotiate("text/*", offers) == "text/csv"
    assert negotiate("*/*;q=0.1", offers) == "application/sparql-results+json"
    with pytest.raises(Refusal):
        negotiate("image/png, text/csv;q=0", offers)


def test_serve_stops_cleanly_and_frees_the_store(sample_store, store_path):
    sample_store.close()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "--store", str(store_path), "serve", "--bind",
                             "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
    assert "serving" in proc.stderr.readline()
    proc.terminate()
    assert proc.wait(timeout=20) == 0
    proc.stderr.close()
    started = time.monotonic()
    with Store.open(store_path, wait=5):
        assert time.monotonic() - started < 5

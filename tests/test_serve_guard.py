"""kg serve's guards (issue #15): no SERVICE without --allow-service, no CORS without --cors, the Host
header checked, a per-query time-out that stops the work, a size limit on answers, a strict
Content-Length, and FROM / FROM NAMED honoured. A real `kg serve` on loopback each time."""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.rdf.sparqlscan import calls_service, names_dataset

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
DOC2 = "http://kg.example.org/doc/news%2F002.txt"


def start(store_path, *options):
    """Start kg serve with options on a free loopback port; return (process, host:port)."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "--store", str(store_path), "serve", "--bind",
                             "127.0.0.1:0", *options], stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    assert "serving" in line, line + proc.stderr.read()
    threading.Thread(target=proc.stderr.read, daemon=True).start()  # keep the log pipe drained
    return proc, line.split("http://")[1].split("/")[0]


def stop(proc):
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture
def server(sample_store, store_path):
    """Yield a function that starts kg serve with options; every server is stopped afterwards."""
    sample_store.close()
    started = []

    def run(*options):
        started.append(start(store_path, *options))
        return started[-1][1]

    yield run
    for proc, _ in started:
        stop(proc)


def request(address, method="GET", path="/", body=None, headers=None):
    """Return (status, headers, body) of one raw request to address (host:port)."""
    host, port = address.rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for key, value in ({"Host": address} | (headers or {})).items():
        if value is not None:
            conn.putheader(key, value)
    conn.endheaders(body)
    response = conn.getresponse()
    data = response.read().decode("utf-8", "replace")
    conn.close()
    return response.status, response.headers, data


def query_path(query, **params):
    return "/query?" + urllib.parse.urlencode({"query": query, **params}, doseq=True)


class Listener(BaseHTTPRequestHandler):
    """A local service that records whether anything reached it."""

    hits: list = []

    def do_GET(self):
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
    r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z . SERVICE ?where { ?s ?p ?o } VALUES ?where { <http://127.0.0.1:{port}/> } }",
])
def test_serve_service_ssrf_refused_without_allow_service(server, query):
    listener = ThreadingHTTPServer(("127.0.0.1", 0), type("L", (Listener,), {"hits": []}))
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    try:
        address = server()
        text = query.replace("{port}", str(listener.server_address[1]))
        status, _, body = request(address, path=query_path(text))
        assert status == 403 and "--allow-service" in body
        assert listener.RequestHandlerClass.hits == []
    finally:
        listener.shutdown()


@pytest.mark.parametrize("query, service, dataset", [
    ("SELECT ?service WHERE { ?service <http://x/SERVICE> 'SERVICE' } # SERVICE", False, False),
    ("SELECT * FROM <http://a> WHERE { ?s ?p ?o }", False, True),
    ("SELECT * FROM NAMED <http://a> WHERE { GRAPH ?g { ?s ?p ?o } }", False, True),
    ("SELECT * WHERE { ?s <http://x/from> ?o . ?s ex:from ?from }", False, False),
    ("SELECT * WHERE { SERVICE <x:y> {} }", True, False),
])
def test_serve_service_and_from_found_by_keyword_not_text(query, service, dataset):
    assert (calls_service(query), names_dataset(query)) == (service, dataset)


def test_serve_cors_header_sent_only_for_the_cors_origin(server):
    plain = server()
    status, headers, _ = request(plain, path=query_path("ASK {}"), headers={"Origin": "http://evil.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    allowed = server("--cors", "http://localhost:3000")
    status, headers, _ = request(allowed, path=query_path("ASK {}"))
    assert headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
    status, headers, _ = request(allowed, method="OPTIONS", path="/query")
    assert status == 200 and "POST" in headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("host, status", [
    ("evil.example:{port}", 421), ("evil.example", 421), ("127.0.0.1.nip.io:{port}", 421),
    ("127.0.0.1:1", 421), ("", 400), (None, 400),
    ("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("LOCALHOST:{port}", 200),
])
def test_serve_host_header_checked_against_dns_rebinding(server, host, status):
    address = server()
    port = address.rsplit(":", 1)[1]
    value = None if host is None else host.replace("{port}", port)
    assert request(address, path=query_path("ASK {}"), headers={"Host": value})[0] == status
    assert request(address, path="/", headers={"Host": value})[0] == (status if status != 200 else 200)


def _children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def test_serve_timeout_stops_the_query_work(server):
    address = server("--timeout", "2")
    started = time.monotonic()
    status, _, body = request(address, path=query_path(CROSS))
    assert status == 503 and "time-out" in body and time.monotonic() - started < 20
    time.sleep(0.5)
    # the worker that ran it is gone: nothing of the server burns CPU any more
    proc_pid = int(subprocess.run(["ss", "-ltnpH", f"sport = :{address.rsplit(':', 1)[1]}"],
                                  capture_output=True, text=True).stdout.split("pid=")[1].split(",")[0])
    busy = [p for p in _children(proc_pid) if _cpu_ticks(p, 0.5) > 10]
    assert busy == []
    assert request(address, path=query_path("ASK {}"))[0] == 200  # and the server goes on


def _cpu_ticks(pid, interval):
    def ticks():
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            return 0
        return int(fields[11]) + int(fields[12])
    before = ticks()
    time.sleep(interval)
    return ticks() - before


def test_serve_result_too_large_is_a_clear_error(server):
    address = server("--max-result", "2000")
    status, _, body = request(address, path=query_path("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"))
    assert status == 503 and "larger than 2000 bytes" in body
    assert request(address, path=query_path("ASK {}"))[0] == 200


@pytest.mark.parametrize("length, status", [
    ("-1", 400), ("-5", 400), ("abc", 400), ("", 400), ("1e3", 400), ("٣".encode(), 400), (" 7 ", 200),
    ("99999999999999999999", 413), (str(2 << 20), 413), (None, 411),
])
def test_serve_malformed_content_length_gets_400(server, length, status):
    address = server()
    body = b"ASK {}"
    sent = body if length in (" 7 ",) else b""
    if isinstance(length, str):
        length = length.replace("7", str(len(body)))
    headers = {"Content-Type": "application/sparql-query", "Content-Length": length}
    assert request(address, method="POST", path="/query", body=sent, headers=headers)[0] == status


@pytest.mark.parametrize("query, params, expected", [
    ("SELECT DISTINCT ?s WHERE { ?s a <http://kg.example.org/ontology#Document> }", {}, None),
    (f"SELECT DISTINCT ?s FROM <{DOC2}> WHERE {{ ?s a <http://kg.example.org/ontology#Document> }}", {}, [DOC2]),
    (f"SELECT DISTINCT ?g FROM NAMED <{DOC2}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", {}, [DOC2]),
    (f"SELECT DISTINCT ?s FROM NAMED <{DOC2}> WHERE {{ ?s a <http://kg.example.org/ontology#Document> }}", {}, []),
    ("SELECT DISTINCT ?s FROM <http://nowhere/> WHERE { ?s a <http://kg.example.org/ontology#Document> }",
     {"default-graph-uri": DOC2}, [DOC2]),
])
def test_serve_from_and_from_named_honoured(server, query, params, expected):
    address = server()
    status, _, body = request(address, path=query_path(query, **params))
    assert status == 200, body
    rows = [next(iter(b.values()))["value"] for b in json.loads(body)["results"]["bindings"]]
    assert len(rows) > 1 if expected is None else rows == expected

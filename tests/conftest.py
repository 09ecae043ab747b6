"""Shared fixtures: a real Oxigraph server, real stores on tmp dirs, and the sample graphs."""

import json
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.remote.endpoint import Endpoint, rows_from_json
from kg.rdf.namespaces import DOC
from kg.store.oxigraph import Store
from kg.store.terms import n3
from sample_data import sample_graph_list


# ---- the Oxigraph server ----

def pytest_collection_modifyitems(items):
    """Mark every test that starts a server, so `-m "not server"` skips them."""
    for item in items:
        if {"oxigraph_server", "virtuoso_server"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)


def _oxigraph_binary():
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(proc, url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer at {url} within {seconds}s")


def start_oxigraph(location, base):
    """Start `oxigraph serve` on location at base (http://127.0.0.1:PORT); return it once it answers."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", base[7:]],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_up(proc, base + "/")
    except BaseException:
        stop(proc)
        raise
    return proc


def stop(proc, seconds=10):
    """Stop a server process: SIGTERM, then SIGKILL if it lingers."""
    proc.terminate()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """Start `oxigraph serve` on a free local port; yield its base URL."""
    base = f"http://127.0.0.1:{_free_port()}"
    proc = start_oxigraph(tmp_path_factory.mktemp("oxigraph-server"), base)
    try:
        yield base
    finally:
        stop(proc)


class Server:
    """The test server's endpoints, and its content read back over HTTP."""

    def __init__(self, base):
        self.base = base
        self.query = base + "/query"
        self.update = base + "/update"
        self.store = base + "/store"

    def clear(self):
        """Drop every graph."""
        self.run_update("DROP ALL")

    def run_update(self, sparql):
        """Send a SPARQL update."""
        data = urllib.parse.urlencode({"update": sparql}).encode()
        with urllib.request.urlopen(urllib.request.Request(self.update, data=data), timeout=30):
            pass

    def quads_by_graph(self):
        """Return {graph IRI: set of N-Triples statements} of everything the server holds."""
        request = urllib.request.Request(self.store, headers={"Accept": "application/n-quads"})
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read()
        graphs = {}
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
            graphs.setdefault(name, set()).add(f"{quad.subject} {quad.predicate} {quad.object} .")
        return graphs

    def named_graphs(self):
        """Return the names of every named graph, empty ones included."""
        request = urllib.request.Request(self.query, data=urllib.parse.urlencode(
            {"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"}).encode(),
            headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return {b["g"]["value"] for b in json.load(response)["results"]["bindings"]}


@pytest.fixture
def server(oxigraph_server):
    """Return the shared server, emptied."""
    srv = Server(oxigraph_server)
    srv.clear()
    return srv


class Relay(BaseHTTPRequestHandler):
    """Relay requests to a real server, with faults on the way.

    Methods outside `allowed` get 405. After `limit` requests it hangs up without answering (the
    server died). Each request first takes the next of `faults`: "reset" (headers, part of the body,
    then a TCP reset), "slow=S" (no answer for S seconds, then a hang-up), or a status such as
    "503 retry-after=1".
    """

    upstream, allowed, limit, count, faults = "", ("GET", "POST", "PUT", "DELETE", "HEAD"), None, 0, []

    def _relay(self):
        """Answer one request: a fault, a hang-up, a 405, or the real server's answer."""
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).count += 1
        fault = self.faults.pop(0) if self.faults else ""
        if self.limit is not None and self.count > self.limit:
            self.close_connection = True
        elif fault == "reset":
            self._reset()
        elif fault[:1].isdigit():
            status, _, after = fault.partition(" retry-after=")
            self._answer(int(status), b"fault injected", "text/plain", {"Retry-After": after} if after else {})
        elif fault.startswith("slow="):
            time.sleep(float(fault[5:]))  # then hang up: nothing reaches the server late
            self.close_connection = True
        elif self.command not in self.allowed:
            self._answer(405, b"method not allowed", "text/plain")
        else:
            self._forward(body)

    def _forward(self, body):
        """Send the request on to the real server and pass its answer back."""
        headers = {k: v for k, v in self.headers.items() if k in ("Content-Type", "Accept")}
        request = urllib.request.Request(self.upstream + self.path, data=body or None, method=self.command,
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                self._answer(response.status, response.read(), response.headers.get("Content-Type"))
        except urllib.error.HTTPError as exc:
            self._answer(exc.code, exc.read(), "text/plain")

    def _answer(self, status, reply, kind, extra=None):
        """Write a whole answer."""
        self.send_response(status)
        headers = {"Content-Length": str(len(reply)), **({"Content-Type": kind} if kind else {}), **(extra or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply)

    def _reset(self):
        """Write headers and part of the body, then reset the connection."""
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"partial")
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _relay

    def log_message(self, *args):
        pass


@pytest.fixture
def relay(server):
    """Yield a function starting a Relay to the test server; it returns (base URL, handler class)."""
    started = []

    def start(**attributes):
        """Start a relay whose handler has these class attributes."""
        handler = type("RelayFor", (Relay,), {"upstream": server.base, "faults": [], **attributes})
        proxy = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=proxy.serve_forever, args=(0.05,), daemon=True).start()
        started.append(proxy)
        return f"http://127.0.0.1:{proxy.server_address[1]}", handler

    yield start
    for proxy in started:
        proxy.shutdown()
        proxy.server_close()


# ---- a Virtuoso server, when virtuoso-t is installed ----

VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
"""


def configure_virtuoso(location):
    """Write a Virtuoso config for location on free loopback ports; return the server's base URL."""
    http_port = _free_port()
    ini = VIRTUOSO_INI.format(dir=location, sql_port=_free_port(), http_port=http_port)
    (location / "virtuoso.ini").write_text(ini)
    return f"http://127.0.0.1:{http_port}"


def start_virtuoso(location, base):
    """Start Virtuoso (user dba, password dba) as configured in location; return it once it answers."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
    proc = subprocess.Popen([binary, "+foreground", "+configfile", str(location / "virtuoso.ini")],
                            cwd=location, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_up(proc, base + "/sparql?query=ASK%7B%7D", seconds=120)
    except BaseException:
        stop(proc)
        raise
    return proc


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """Start Virtuoso (user dba, password dba) on free local ports; yield its base URL."""
    location = tmp_path_factory.mktemp("virtuoso")
    base = configure_virtuoso(location)
    proc = start_virtuoso(location, base)
    try:
        yield base
    finally:
        stop(proc, seconds=60)


class Virtuoso:
    """A Virtuoso server's endpoints (user dba, digest auth), and the kg document graphs it holds."""

    def __init__(self, base):
        self.base = base
        self.query = base + "/sparql"
        self.update = base + "/sparql-auth"
        self.crud = base + "/sparql-graph-crud-auth"

    def admin(self):
        """Return an Endpoint logged in as dba."""
        return Endpoint(self.query, self.update, user="dba", password="dba", auth="digest", timeout=30)

    def quads_by_graph(self):
        """Return {graph IRI: set of N-Triples statements} of every kg document graph it holds."""
        _, rows = rows_from_json(Endpoint(self.query, timeout=30).select(
            f'SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{DOC}")) }}'))
        graphs = {}
        for g, s, p, o in rows:
            graphs.setdefault(str(g), set()).add(f"{n3(s)} {n3(p)} {n3(o)} .")
        return graphs

    def clear(self):
        """Drop every kg document graph (system graphs stay: no DROP ALL here)."""
        admin = self.admin()
        for graph in self.quads_by_graph():
            admin.update(f"DROP SILENT GRAPH <{graph}>")


@pytest.fixture
def virtuoso(virtuoso_server):
    """Return the shared Virtuoso, without kg document graphs."""
    server = Virtuoso(virtuoso_server)
    server.clear()
    return server


# ---- stores ----

@pytest.fixture
def sample_graphs():
    """Return the sample document graphs."""
    return sample_graph_list()


@pytest.fixture
def store_path(tmp_path):
    """Return a path for a fresh store."""
    return tmp_path / "kg-data"


@pytest.fixture
def sample_store(store_path):
    """Yield an open writable store holding the sample graphs."""
    with Store.open(store_path) as store:
        for graph in sample_graph_list():
            store.replace_graph(graph)
        yield store


@pytest.fixture
def kg(tmp_path, monkeypatch, capsys):
    """Run the kg CLI in this process with a store in tmp_path; return (exit code, stdout, stderr)."""
    from kg.cli.main import main

    monkeypatch.chdir(tmp_path)

    def run(*args):
        code = main(["--store", str(tmp_path / "store"), *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err  # every failure is a message, never a traceback
        return code, out, err
    return run

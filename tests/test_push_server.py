"""Pushing the store to a real Oxigraph server: exact graphs, no duplicates, no injection, clear errors."""

import io
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rdflib import Graph, Literal, URIRef

from kg.remote.endpoint import Endpoint, redact
from kg.errors import ServerError, UsageError
from kg.rdf.iris import document_iri
from kg.remote.push import batches, push
from kg.store.oxigraph import Store
from sample_data import TRICKY, local_quads_by_graph

HOSTILE = [
    TRICKY,
    '" } } ; DROP ALL ; INSERT DATA { GRAPH <http://evil/> { <http://a> <http://b> "x" } } #',
    "back\\slash \\\" \\n not a newline",
    "ends with a quote\"",
    "'''single''' and \"\"\"double\"\"\"",
    "line\r\nbreaks\u2028and\u0000nul\u007f",
    "}}}}",
]


def hostile_graph():
    doc = document_iri("hostile")
    graph = Graph(identifier=doc)
    for i, text in enumerate(HOSTILE):
        graph.add((doc, URIRef(f"http://example.org/p{i}"), Literal(text)))
    graph.add((doc, URIRef("http://example.org/lang"), Literal("«guillemets» }", lang="fr")))
    return graph


@pytest.mark.parametrize("method, chosen, requests", [
    ("update", "update", 1),  # both small graphs, each with its DROP, in one request
    ("gsp", "gsp", 2),  # one PUT per graph
    ("quads", "quads", 2),  # both graphs, new there, in two POSTs of N-Quads sent at once
    ("auto", "quads", 2),  # auto finds /store, which files N-Quads in their graphs, and an update endpoint
])
def test_push_server_holds_exactly_the_local_graphs(sample_store, server, method, chosen, requests):
    summary = push(sample_store, server.query, update_endpoint=server.update, method=method)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    assert summary["graphs"] == 2 and summary["triples"] == len(sample_store)
    assert (summary["method"], summary["requests"]) == (chosen, requests)


@pytest.mark.parametrize("method", ["update", "gsp", "quads"])
def test_push_twice_gives_no_duplicates(sample_store, server, method):
    push(sample_store, server.query, update_endpoint=server.update, method=method)
    push(sample_store, server.query, update_endpoint=server.update, method=method)
    remote = server.quads_by_graph()
    assert remote == local_quads_by_graph(sample_store)
    assert sum(map(len, remote.values())) == len(sample_store)


def test_push_replaces_stale_remote_content(sample_store, server):
    push(sample_store, server.query, update_endpoint=server.update)
    doc = document_iri("news/001.txt")
    smaller = Graph(identifier=doc)
    smaller.add((doc, URIRef("http://example.org/p"), Literal("only")))
    sample_store.replace_graph(smaller)
    push(sample_store, server.query, update_endpoint=server.update)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)


@pytest.mark.parametrize("method", ["update", "gsp", "quads"])
def test_push_hostile_literals_survive_unchanged(store_path, server, method):
    with Store.open(store_path) as store:
        store.replace_graph(hostile_graph())
        push(store, server.query, update_endpoint=server.update, method=method)
        remote = server.quads_by_graph()
        assert remote == local_quads_by_graph(store)
        assert list(remote) == [str(document_iri("hostile"))]  # nothing dropped, nothing injected
        values = {line.split(" ", 2)[2] for line in remote[str(document_iri("hostile"))]}
        assert len(values) == len(HOSTILE) + 1


def test_push_small_batches_still_load_everything(sample_store, server):
    summary = push(sample_store, server.query, update_endpoint=server.update, method="update",
                   batch_triples=7)
    assert summary["requests"] > 10
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    push(sample_store, server.query, update_endpoint=server.update, method="update", batch_bytes=300)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)


def test_push_batches_respect_bytes_and_triples():
    lines = [f'<http://a/{i}> <http://p> "{"x" * (i % 50)}" .' for i in range(500)]
    chunks = list(batches(lines, batch_bytes=2000, batch_triples=40))
    assert "\n".join(chunks) == "\n".join(lines)
    assert all(len(c.encode()) <= 2000 and c.count("\n") < 40 for c in chunks)
    assert list(batches(["_:b <http://p> _:c ."] * 50, batch_triples=3)) == ["\n".join(["_:b <http://p> _:c ."] * 50)]


def test_push_graph_store_method(sample_store, server):
    summary = push(sample_store, server.query, method="gsp", graph_store=server.store)
    assert summary["requests"] == 2
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    with Store.open(sample_store.path.parent / "hostile") as store:
        store.replace_graph(hostile_graph())
        push(store, server.query, method="gsp", graph_store=server.store)
        assert server.quads_by_graph()[str(document_iri("hostile"))] == local_quads_by_graph(store)[
            str(document_iri("hostile"))]


def test_push_prune_drops_documents_the_store_forgot(sample_store, server):
    push(sample_store, server.query, update_endpoint=server.update)
    server.run_update('INSERT DATA { GRAPH <http://example.org/not-a-doc> { <http://a> <http://b> "c" } }')
    sample_store.forget("news/002.txt")
    summary = push(sample_store, server.query, update_endpoint=server.update, prune=True)
    assert summary["pruned"] == 1
    remote = server.quads_by_graph()
    assert set(remote) == {str(document_iri("news/001.txt")), "http://example.org/not-a-doc"}


def test_push_dry_run_prints_requests_and_sends_nothing(sample_store, server):
    out = io.StringIO()
    summary = push(sample_store, server.query, update_endpoint=server.update, user="u", password="pw-77",
                   method="update", dry_run=True, out=out)
    assert server.quads_by_graph() == {}
    assert out.getvalue().count("DROP SILENT GRAPH") == 2 and "pw-77" not in out.getvalue()
    assert summary["graphs"] == 2


def test_push_4xx_raises_server_error_with_the_reply_at_once(sample_store, server):
    start = time.monotonic()
    with pytest.raises(ServerError) as err:
        # the query endpoint refuses an update with 415 (not its media type): a client error is never retried
        push(sample_store, server.query, update_endpoint=server.query, method="update", retries=3, backoff=2)
    assert err.value.status == 415 and err.value.exit_code == 1
    assert "Content-Type" in err.value.body and "HTTP 415" in str(err.value)
    assert time.monotonic() - start < 2


def test_push_unreachable_server_retries_then_fails(sample_store, caplog):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    url = f"http://127.0.0.1:{port}/update"
    with caplog.at_level(logging.WARNING), pytest.raises(ServerError, match="no answer") as err:
        push(sample_store, url, retries=2, backoff=0.01, timeout=2)
    assert err.value.status is None
    assert len([r for r in caplog.records if "retrying" in r.getMessage()]) == 2


def test_push_never_reveals_the_password(sample_store, server, caplog, capsys):
    secret = "s3cr3t-Pa55"
    with caplog.at_level(logging.DEBUG):
        push(sample_store, server.query, update_endpoint=server.update, user="admin", password=secret)
        with pytest.raises(ServerError) as err:
            push(sample_store, server.query, update_endpoint=server.base + "/nowhere", user="admin",
                 password=secret, method="update", retries=1, backoff=0.01)
    captured = capsys.readouterr()
    texts = [str(err.value), err.value.body, repr(err.value), caplog.text, captured.out, captured.err,
             repr(Endpoint(server.query, user="admin", password=secret))]
    assert not any(secret in text for text in texts)


def test_push_endpoint_checks_arguments(sample_store):
    with pytest.raises(UsageError, match="password"):
        push(sample_store, "http://127.0.0.1:9/q", user="admin")
    with pytest.raises(UsageError, match="method"):
        push(sample_store, "http://127.0.0.1:9/q", method="ftp")
    with pytest.raises(UsageError, match="auth"):
        push(sample_store, "http://127.0.0.1:9/q", user="a", password="b", auth="kerberos")
    assert redact("http://admin:pw@host:8890/sparql?x=1") == "http://host:8890/sparql?x=1"


class HtmlPage(BaseHTTPRequestHandler):
    """A web page where a SPARQL endpoint was expected."""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "22")
        self.end_headers()
        self.wfile.write(b"<html>not sparql</html>"[:22])

    def log_message(self, *args):
        pass


def test_push_endpoint_that_is_not_sparql_gives_server_error():
    page = ThreadingHTTPServer(("127.0.0.1", 0), HtmlPage)
    threading.Thread(target=page.serve_forever, args=(0.05,), daemon=True).start()
    try:
        with pytest.raises(ServerError, match="SPARQL JSON"):
            Endpoint(f"http://127.0.0.1:{page.server_address[1]}/", timeout=5).select("ASK { }")
    finally:
        page.shutdown()
        page.server_close()

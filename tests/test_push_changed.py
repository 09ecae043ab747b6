"""The push log: --changed sends only what the server lacks, drops what the store forgot, resumes cut-off pushes."""

import io

import pytest
from rdflib import Graph, Literal, URIRef

from kg.cli.main import main
from kg.errors import ServerError, UsageError
from kg.rdf.iris import document_iri
from kg.remote.push import push
from kg.remote.pushlog import LOG_NAME, PushLog
from sample_data import local_quads_by_graph

DOC1, DOC2 = str(document_iri("news/001.txt")), str(document_iri("news/002.txt"))


def smaller(doc_id):
    """Return a one-triple replacement graph for a document."""
    doc = document_iri(doc_id)
    graph = Graph(identifier=doc)
    graph.add((doc, URIRef("http://example.org/p"), Literal("only")))
    return graph


def test_push_changed_sends_only_changed_graphs(sample_store, server):
    assert push(sample_store, server.query, changed=True)["graphs"] == 2
    sample_store.replace_graph(smaller("news/002.txt"))
    summary = push(sample_store, server.query, changed=True)
    assert (summary["graphs"], summary["skipped"], summary["requests"]) == (1, 1, 1)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    assert push(sample_store, server.query, changed=True)["requests"] == 0


@pytest.mark.parametrize("method", ["update", "gsp", "quads"])
def test_push_changed_drops_documents_the_store_forgot(sample_store, server, method):
    push(sample_store, server.query, update_endpoint=server.update, method=method)
    sample_store.forget("news/002.txt")
    summary = push(sample_store, server.query, update_endpoint=server.update, method=method, changed=True)
    assert summary["pruned"] == 1 and summary["skipped"] == 1
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    assert push(sample_store, server.query, changed=True)["pruned"] == 0  # the log knows it is gone


def test_push_changed_resends_a_graph_cut_off_midway(sample_store, server, relay):
    url, handler = relay()
    push(sample_store, url + "/query", update_endpoint=url + "/update", method="update")
    first = -(-len(sample_store.ntriples(DOC1)) // 10)  # requests of DOC1 in batches of 10
    handler.limit = handler.count + first + 2  # the ASK probe, DOC1, then DROP and DOC2's first batch; then silence
    with pytest.raises(ServerError, match=f"1 graph not loaded: {DOC2}") as err:
        push(sample_store, url + "/query", update_endpoint=url + "/update", method="update",
             batch_triples=10, retries=1, backoff=0.01)
    assert err.value.not_loaded == [DOC2]
    assert len(server.quads_by_graph()[DOC2]) == 10  # half a graph, whose old content was loaded
    with PushLog.open(sample_store.side_file(LOG_NAME), url + "/query") as log:
        assert set(log.loaded()) == {DOC1} and log.known() == {DOC1, DOC2}
    handler.limit = None
    summary = push(sample_store, url + "/query", update_endpoint=url + "/update", changed=True)
    assert (summary["graphs"], summary["skipped"]) == (1, 1)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)


def test_push_auto_falls_back_to_update_without_a_graph_store(sample_store, server, relay):
    sparql_only, _ = relay(allowed=("GET", "POST"))
    summary = push(sample_store, sparql_only + "/query", update_endpoint=sparql_only + "/update")
    assert summary["method"] == "update"
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    with pytest.raises(UsageError, match="no Graph Store endpoint"):
        push(sample_store, sparql_only + "/query", method="gsp")


def test_push_probe_leaves_no_scratch_graph(sample_store, server):
    assert push(sample_store, server.query)["method"] == "gsp"
    names = server.named_graphs()
    assert names == {DOC1, DOC2}  # not even an empty probe graph


def test_push_dry_run_with_changed_prints_only_changes_and_records_nothing(sample_store, server):
    push(sample_store, server.query, changed=True)
    before = (sample_store.path / LOG_NAME).read_bytes()
    sample_store.replace_graph(smaller("news/002.txt"))
    sample_store.forget("news/001.txt")
    out = io.StringIO()
    summary = push(sample_store, server.query, changed=True, dry_run=True, out=out)
    assert out.getvalue().count("# PUT ") == 1 and f"# DELETE {server.store} graph={DOC1}" in out.getvalue()
    assert (summary["graphs"], summary["pruned"]) == (1, 1)
    assert (sample_store.path / LOG_NAME).read_bytes() == before
    assert "lenient" not in out.getvalue() and "no_transaction" not in out.getvalue()


def test_push_cli_exit_codes(sample_store, server, capsys):
    sample_store.close()
    store = ["--store", str(sample_store.path), "push", "--endpoint", server.query]
    assert main([*store, "--changed", "--verify"]) == 0
    assert "pushed 2 graphs" in capsys.readouterr().err
    assert main([*store, "--changed"]) == 0
    assert "2 unchanged graphs skipped" in capsys.readouterr().err
    assert main([*store, "--retries", "-1"]) == 2
    assert main([*store[:3], "--endpoint", "http://127.0.0.1:9/query", "--method", "update",
                 "--retries", "0", "--timeout", "2"]) == 1
    assert "2 graphs not loaded" in capsys.readouterr().err

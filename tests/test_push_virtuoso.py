"""Pushing to and querying a real Virtuoso: the same graphs and the same rows as the embedded store."""

import pytest

from kg import queries as Q
from kg.remote.endpoint import Endpoint
from kg.errors import ServerError
from kg.remote.push import push
from kg.store.oxigraph import Store
from sample_data import QUERY_PARAMS, TRICKY, doc_graph, local_quads_by_graph

ALL = Q.list_queries()
BEGIN_INDEX = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex"


def push_to(store, virtuoso, **options):
    return push(store, virtuoso.query, update_endpoint=virtuoso.update, user="dba", password="dba",
                auth="digest", **options)


@pytest.mark.parametrize("method", ["update", "gsp"])
def test_push_virtuoso_holds_exactly_the_local_graphs_once(sample_store, virtuoso, method):
    push_to(sample_store, virtuoso, method=method)
    push_to(sample_store, virtuoso, method=method, batch_triples=10)  # again: no duplicates
    assert virtuoso.quads_by_graph() == local_quads_by_graph(sample_store)


def test_push_virtuoso_auto_finds_its_graph_store(sample_store, virtuoso):
    summary = push_to(sample_store, virtuoso, verify=True)
    assert summary["method"] == "gsp" and summary["requests"] == 2 and summary["verified"] == 2
    assert virtuoso.quads_by_graph() == local_quads_by_graph(sample_store)


@pytest.mark.parametrize("method", ["update", "gsp"])
def test_push_virtuoso_keeps_hostile_literals(store_path, virtuoso, method):
    texts = [TRICKY, '" } } ; DROP SILENT GRAPH <http://x> ; #', "nul\u0000 and \u2028 and \\\\"]
    with Store.open(store_path) as store:
        store.replace_graph(doc_graph("hostile", {"e": (texts[1], "Person", (texts[2],), [(0, 1, "x")])}, [],
                                      title=texts[0]))
        push_to(store, virtuoso, method=method, verify=True)
        assert virtuoso.quads_by_graph() == local_quads_by_graph(store)


def test_push_virtuoso_verify_flags_a_graph_that_lost_triples(sample_store, virtuoso):
    push_to(sample_store, virtuoso, method="update")
    graph = sample_store.graphs()[0]
    virtuoso.admin().update(f"DELETE WHERE {{ GRAPH <{graph}> {{ ?s <{BEGIN_INDEX}> ?o }} }}")
    with pytest.raises(ServerError, match="verification failed for 1 of 2") as err:
        push_to(sample_store, virtuoso, method="update", changed=True, verify=True)
    assert str(graph) in str(err.value)
    summary = push_to(sample_store, virtuoso, method="update", changed=True, verify=True)
    assert summary["graphs"] == 1 and summary["skipped"] == 1  # the flagged graph, sent again
    assert virtuoso.quads_by_graph() == local_quads_by_graph(sample_store)


def test_push_changed_is_kept_per_server(sample_store, server, virtuoso):
    push(sample_store, server.query)
    summary = push_to(sample_store, virtuoso, changed=True)  # Virtuoso has none of it yet
    assert summary["graphs"] == 2 and summary["skipped"] == 0
    assert push_to(sample_store, virtuoso, changed=True)["skipped"] == 2


@pytest.mark.parametrize("query", ALL, ids=[q.name for q in ALL])
def test_queries_give_identical_rows_on_store_and_virtuoso(query, sample_store, virtuoso):
    push_to(sample_store, virtuoso)
    bindings = Q.parse_params(query, [f"{p.name}={QUERY_PARAMS[p.name]}" for p in query.params])
    local = Q.run(query, bindings, store=sample_store)
    assert Q.run(query, bindings, endpoint=Endpoint(virtuoso.query, timeout=30)) == local

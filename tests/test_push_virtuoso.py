"""Pushing to and querying a real Virtuoso: the same graphs and the same rows as the embedded store."""

import pytest

from kg import queries as Q
from kg.endpoint import Endpoint, rows_from_json
from kg.loading import push
from kg.store import Store
from sample_data import QUERY_PARAMS, TRICKY, doc_graph

ALL = Q.list_queries()
USER = PASSWORD = "dba"
DOCS = "http://kg.example.org/doc/"


@pytest.fixture
def virtuoso(virtuoso_server):
    """Return (query endpoint, update endpoint) of Virtuoso, with every kg document graph dropped."""
    query, update = virtuoso_server + "/sparql", virtuoso_server + "/sparql-auth"
    admin = Endpoint(query, update, user=USER, password=PASSWORD, auth="digest")
    _, rows = rows_from_json(admin.select(
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{DOCS}")) }}'))
    for (graph,) in rows:
        admin.update(f"DROP SILENT GRAPH <{graph}>")  # system graphs stay: no DROP ALL here
    return query, update


def push_to(store, virtuoso, **options):
    query, update = virtuoso
    return push(store, query, update_endpoint=update, user=USER, password=PASSWORD, auth="digest", **options)


def graph_rows(source, graph):
    sparql = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    if isinstance(source, Store):
        return sorted(source.query(sparql)[1])
    return sorted(rows_from_json(Endpoint(source).select(sparql))[1])


def test_push_virtuoso_holds_exactly_the_local_graphs_once(sample_store, virtuoso):
    push_to(sample_store, virtuoso)
    push_to(sample_store, virtuoso, batch_triples=10)  # again, in small batches: no duplicates
    for graph in sample_store.graphs():
        assert graph_rows(virtuoso[0], graph) == graph_rows(sample_store, graph)


def test_push_virtuoso_keeps_hostile_literals(store_path, virtuoso):
    texts = [TRICKY, '" } } ; DROP SILENT GRAPH <http://x> ; #', "nul\u0000 and \u2028 and \\\\"]
    with Store.open(store_path) as store:
        store.replace_graph(doc_graph("hostile", {"e": (texts[1], "Person", (texts[2],), [(0, 1, "x")])}, [],
                                      title=texts[0]))
        push_to(store, virtuoso)
        graph = store.graphs()[0]
        assert graph_rows(virtuoso[0], graph) == graph_rows(store, graph)


@pytest.mark.parametrize("query", ALL, ids=[q.name for q in ALL])
def test_queries_give_identical_rows_on_store_and_virtuoso(query, sample_store, virtuoso):
    push_to(sample_store, virtuoso)
    bindings = Q.parse_params(query, [f"{p.name}={QUERY_PARAMS[p.name]}" for p in query.params])
    local = Q.run(query, bindings, store=sample_store)
    assert Q.run(query, bindings, endpoint=Endpoint(virtuoso[0], timeout=30)) == local

"""kg push --method quads: new graphs many to a POST of N-Quads, graphs the server holds by update (#17)."""

import io

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import ServerError, UsageError
from kg.rdf.iris import document_iri
from kg.remote.endpoint import Endpoint
from kg.remote.push import push
from kg.remote.quads import by_bytes, quads
from kg.store.oxigraph import Store
from sample_data import local_quads_by_graph

PERSON = "<http://kg.example.org/entity/person/Ada_Lovelace>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def lines(n):
    """Return n N-Triples lines of 118 bytes each."""
    return [f'{PERSON} {LABEL} "Ada Lovelace {i:04d}" .' for i in range(n)]


@pytest.mark.parametrize("sizes, batch_bytes, expected", [
    ([10, 10, 10], 100_000, [[0, 1, 2]]),  # all fit one request
    ([10, 10, 10], 3_000, [[0, 1], [2]]),  # two of 1,180 bytes fill 3,000
    ([10, 500, 10], 3_000, [[0], [1], [2]]),  # larger than a request: alone, and whole
    ([2000, 10], 1_000_000, [[0, 1]]),  # no triple limit: one POST is one transaction however large
    ([0, 10], 100_000, [[0, 1]]),  # an empty graph adds no line
    ([], 100_000, []),  # nothing to send, no request
])
def test_push_quads_group_graphs_by_bytes(sizes, batch_bytes, expected):
    graphs = [(f"urn:g{i}", lines(n)) for i, n in enumerate(sizes)]
    groups = list(by_bytes(iter(graphs), batch_bytes))
    assert [[int(g[5:]) for g, _ in group] for group in groups] == expected


def test_push_quads_keep_a_graph_with_blank_nodes_alone():
    blank = ["_:b1 <http://p> _:b2 ."]
    groups = list(by_bytes(iter([("urn:a", lines(3)), ("urn:b", blank), ("urn:c", lines(3))]), 100_000))
    assert [[g for g, _ in group] for group in groups] == [["urn:a"], ["urn:b"], ["urn:c"]]


@pytest.mark.parametrize("graphs, expected", [
    ([(URIRef("urn:a"), ['<urn:s> <urn:p> "o" .'])], '<urn:s> <urn:p> "o" <urn:a> .\n'),
    ([(URIRef("urn:a"), ['<urn:s> <urn:p> "ends with a dot." .', '<urn:s> <urn:p> "a \\" . quote" .']),
      (URIRef("urn:b"), ['<urn:s> <urn:p> "x"@en .'])],
     '<urn:s> <urn:p> "ends with a dot." <urn:a> .\n<urn:s> <urn:p> "a \\" . quote" <urn:a> .\n'
     '<urn:s> <urn:p> "x"@en <urn:b> .\n'),
    ([(URIRef("urn:a"), [])], ""),  # an empty graph: nothing
    ([], ""),
])
def test_push_quads_body_names_each_line_graph(graphs, expected):
    assert quads(graphs) == expected.encode("utf-8")


def graph_of(doc_id, *texts):
    """Return a document graph holding one triple per text."""
    doc = document_iri(doc_id)
    graph = Graph(identifier=doc)
    for i, text in enumerate(texts):
        graph.add((doc, URIRef(f"http://example.org/p{i}"), Literal(text)))
    return graph


def test_push_quads_replaces_a_graph_the_server_holds_instead_of_adding_to_it(sample_store, server):
    """Regression: a POST adds to a graph; a graph already there must be swapped, not merged."""
    push(sample_store, server.query, update_endpoint=server.update, method="quads")
    sample_store.replace_graph(graph_of("news/002.txt", "only this"))
    summary = push(sample_store, server.query, update_endpoint=server.update, method="quads", verify=True)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    assert summary["requests"] == 1  # both held: one update swaps them


def test_push_quads_mixes_new_and_held_graphs_in_one_push(sample_store, server):
    server.run_update(f'INSERT DATA {{ GRAPH <{document_iri("news/001.txt")}> {{ <urn:old> <urn:p> "stale" }} }}')
    summary = push(sample_store, server.query, update_endpoint=server.update, method="quads", verify=True)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)  # the stale triple is gone
    assert summary["requests"] == 2  # a POST for the new graph, an update for the held one


def test_push_quads_sends_thirty_new_graphs_in_two_requests_at_once(store_path, server):
    with Store.open(store_path) as store:
        for i in range(30):
            store.replace_graph(graph_of(f"quads/{i:02d}.txt", f'Sean O"Brien {i} }} ;', "Zelens'kyi"))
        summary = push(store, server.query, update_endpoint=server.update, method="quads", verify=True)
        assert (summary["graphs"], summary["requests"], summary["verified"]) == (30, 2, 30)
        assert server.quads_by_graph() == local_quads_by_graph(store)


def test_push_quads_dry_run_prints_one_post_in_order_and_sends_nothing(sample_store, server):
    out = io.StringIO()
    summary = push(sample_store, server.query, update_endpoint=server.update, method="quads", dry_run=True, out=out)
    assert out.getvalue().count(f"# POST {server.store}\n") == 1 and summary["requests"] == 1
    assert out.getvalue().index("news%2F001.txt") < out.getvalue().index("news%2F002.txt")
    assert server.quads_by_graph() == {}


def test_push_quads_refused_post_loads_none_of_its_graphs(server):
    """What makes a POST atomic: Oxigraph refuses a body with one bad line whole."""
    body = b'<urn:s> <urn:p> "fine" <urn:g1> .\n<urn:s> <urn:p> "fine" <urn:g2> .\n<urn:s> <urn:p> broken <urn:g2> .\n'
    with pytest.raises(ServerError, match="HTTP 400"):
        Endpoint(server.query, server.update, retries=0).post_quads(server.store, body)
    assert server.quads_by_graph() == {}


def test_push_quads_needs_a_graph_store_that_files_quads(sample_store, virtuoso):
    """Virtuoso answers a POST of N-Quads 200 with a form and keeps nothing: the probe must see that."""
    with pytest.raises(UsageError, match="no Graph Store endpoint accepted a POST of N-Quads"):
        push(sample_store, virtuoso.query, update_endpoint=virtuoso.update, user="dba", password="dba",
             auth="digest", method="quads")
    assert virtuoso.quads_by_graph() == {}  # nothing pushed


def test_push_auto_without_an_update_endpoint_keeps_graph_store_puts(sample_store, server):
    assert push(sample_store, server.query)["method"] == "gsp"  # no update URL to swap held graphs
    assert server.named_graphs() == set(local_quads_by_graph(sample_store))  # no probe graph left

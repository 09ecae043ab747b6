"""Many small graphs to one SPARQL Update request: fewer requests, each graph still swapped whole (#17)."""

import threading

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.errors import ServerError
from kg.rdf.iris import document_iri
from kg.rdf.namespaces import KG
from kg.remote.loaders import Update, in_order
from kg.remote.push import push
from kg.remote.pushlog import LOG_NAME, PushLog
from kg.store.oxigraph import Store
from sample_data import local_quads_by_graph

PERSON = "<http://kg.example.org/entity/person/Ada_Lovelace>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def lines(n, text="Ada Lovelace"):
    """Return n N-Triples lines of 118 bytes each."""
    return [f'{PERSON} {LABEL} "{text} {i:04d}" .' for i in range(n)]


@pytest.mark.parametrize("sizes, batch_bytes, batch_triples, expected", [
    ([10, 10, 10], 100_000, 1000, [[0, 1, 2]]),  # all fit one request
    ([10, 10, 10], 3_000, 1000, [[0, 1], [2]]),  # two of 1,180 bytes fill 3,000
    ([10, 500, 10], 100_000, 100, [[0], [1], [2]]),  # too many triples for one INSERT: alone
    ([10, 10, 60], 5_000, 1000, [[0, 1], [2]]),  # too many bytes beside the others: alone
    ([0, 10], 100_000, 1000, [[0, 1]]),  # an empty graph still travels (its DROP empties it there)
    ([], 100_000, 1000, []),  # nothing to send, no request
])
def test_push_batches_group_small_graphs_in_order(sizes, batch_bytes, batch_triples, expected):
    graphs = [(f"urn:g{i}", lines(n)) for i, n in enumerate(sizes)]
    groups = list(Update(batch_bytes, batch_triples).groups(iter(graphs)))
    assert [[int(g[5:]) for g, _ in group] for group in groups] == expected


def test_push_batches_keep_a_graph_with_blank_nodes_apart():
    blank = ["_:b1 <http://p> _:b2 ."]
    groups = list(Update().groups(iter([("urn:a", lines(3)), ("urn:b", blank), ("urn:c", lines(3))])))
    assert [[g for g, _ in group] for group in groups] == [["urn:a"], ["urn:b"], ["urn:c"]]


def small_graph(i):
    """Return document graph i: a person named in it, and its label with a quote."""
    doc = document_iri(f"batch/{i:03d}.txt")
    graph = Graph(identifier=doc)
    graph.add((doc, RDF.type, KG.Document))
    person = URIRef(f"http://kg.example.org/entity/person/P{i}")
    graph.add((person, RDF.type, KG.Person))
    graph.add((person, RDFS.label, Literal(f'Sean O"Brien {i} }} ;')))
    return graph


@pytest.fixture
def small_store(store_path):
    """Yield a store of 30 small document graphs."""
    with Store.open(store_path) as store:
        for i in range(30):
            store.replace_graph(small_graph(i))
        yield store


def test_push_batches_send_thirty_small_graphs_in_one_request(small_store, server):
    summary = push(small_store, server.query, update_endpoint=server.update, method="update", verify=True)
    assert (summary["graphs"], summary["requests"], summary["verified"]) == (30, 1, 30)
    assert server.quads_by_graph() == local_quads_by_graph(small_store)
    with PushLog.open(small_store.side_file(LOG_NAME), server.query) as log:
        assert set(log.loaded()) == {str(g) for g in small_store.graphs()}


def test_push_refused_batch_is_sent_graph_by_graph_and_names_the_bad_graph(sample_store, server, relay):
    # the ASK probe passes, the two graphs' request is refused, the first graph alone goes, the second is refused
    base, handler = relay(faults=["", "400", "", "400"])
    first, second = (str(g) for g in sample_store.graphs())
    with pytest.raises(ServerError, match=f"1 graph not loaded: {second}") as err:
        push(sample_store, base + "/query", update_endpoint=base + "/update", method="update", retries=0)
    assert err.value.not_loaded == [second] and handler.count == 4
    assert set(server.quads_by_graph()) == {first}
    with PushLog.open(sample_store.side_file(LOG_NAME), base + "/query") as log:
        assert set(log.loaded()) == {first} and log.known() == {first, second}


def test_push_batches_to_virtuoso_in_one_transaction_each(small_store, virtuoso):
    summary = push(small_store, virtuoso.query, update_endpoint=virtuoso.update, user="dba", password="dba",
                   auth="digest", method="update", verify=True)
    assert (summary["requests"], summary["verified"]) == (1, 30)
    changed = small_graph(5)
    changed.add((changed.identifier, KG.title, Literal("a title added later")))
    small_store.replace_graph(changed)
    summary = push(small_store, virtuoso.query, update_endpoint=virtuoso.update, user="dba", password="dba",
                   auth="digest", method="update", changed=True, verify=True)
    assert (summary["graphs"], summary["skipped"]) == (1, 29)
    assert virtuoso.quads_by_graph() == local_quads_by_graph(small_store)


def test_push_readers_give_the_graphs_in_order_though_a_later_one_is_read_first():
    later_read = threading.Event()

    def read(i):
        if i == 0:
            assert later_read.wait(30), "the second reader never ran"  # graph 1 is read while 0 waits
        if i == 1:
            later_read.set()
        return i, lines(i)

    assert [i for i, _ in in_order(read, range(6), workers=2, depth=3)] == list(range(6))


def test_push_readers_raise_a_failed_read_in_its_place_and_leave_no_thread():
    def read(i):
        if i == 3:
            raise ServerError("graph 3 unreadable")
        return i

    got = []
    with pytest.raises(ServerError, match="graph 3"):
        for i in in_order(read, range(10), workers=2, depth=4):
            got.append(i)
    assert got == [0, 1, 2]
    early = in_order(read, range(10), workers=2, depth=4)
    assert next(early) == 0
    early.close()  # a push that stops early (a failed request)
    assert not [t for t in threading.enumerate() if t.name.startswith("kg-push-read")]

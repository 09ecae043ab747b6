"""kg push --method quads: new graphs many to a POST of N-Quads, graphs the server holds by update (#17)."""

import io
import threading

import pytest
from rdflib import Graph, Literal, URIRef

from kg.cli.main import main
from kg.errors import ServerError, UsageError
from kg.rdf.iris import document_iri
from kg.remote.endpoint import Endpoint, rows_from_json
from kg.remote.push import push
from kg.remote.quads import atomic_bulk, bulk_url, by_bytes, quads
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


@pytest.mark.parametrize("bulk", [False, True])
def test_push_quads_refused_post_loads_none_of_its_graphs(bulk, server):
    """What makes a POST atomic: Oxigraph refuses a body with one bad line whole, bulk loaded too."""
    body = b'<urn:s> <urn:p> "fine" <urn:g1> .\n<urn:s> <urn:p> "fine" <urn:g2> .\n<urn:s> <urn:p> broken <urn:g2> .\n'
    with pytest.raises(ServerError, match="HTTP 400"):
        Endpoint(server.query, server.update, retries=0).post_quads(bulk_url(server.store) if bulk else server.store, body)
    assert server.quads_by_graph() == {}


@pytest.mark.parametrize("software, bulk", [
    ("Oxigraph/0.5.13", True),
    ("Oxigraph/0.5.1", True),  # the first whose `oxigraph load` loads atomically unless told --non-atomic
    ("Oxigraph/1.2.0", True),
    ("Oxigraph/0.5.0", False),
    ("Oxigraph/0.4.11", False),  # its bulk loader committed as it went
    ("Oxigraph/0.6.0-alpha.1", False),  # a pre-release: not relied on
    ("Virtuoso/07.20.3229 (Linux) x86_64-generic-linux-glibc25  VDB", False),
    ("Apache-Jena-Fuseki (5.1.0)", False),
    ("BaseHTTP/0.6 Python/3.11.7", False),  # a relay in between: whatever is behind it is unknown
    ("", False),  # no Server header
])
def test_push_quads_use_the_bulk_loader_only_where_it_is_atomic(software, bulk):
    assert atomic_bulk(software) is bulk


def test_push_quads_bulk_posts_new_graphs_to_the_bulk_loader_and_replaces_held_ones(sample_store, server):
    server.run_update(f'INSERT DATA {{ GRAPH <{document_iri("news/001.txt")}> {{ <urn:old> <urn:p> "stale" }} }}')
    out = io.StringIO()
    push(sample_store, server.query, update_endpoint=server.update, bulk=True, dry_run=True, out=out)
    assert out.getvalue().count(f"# POST {server.store}?no_transaction\n") == 1  # the test server: Oxigraph 0.5.1+
    summary = push(sample_store, server.query, update_endpoint=server.update, bulk=True, verify=True)
    assert (summary["method"], summary["requests"]) == ("quads", 2)  # the new graph bulk loaded, the held one updated
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)  # the stale triple is gone


@pytest.mark.parametrize("method, message", [
    ("update", "--bulk needs the quads method .* would use update"),
    ("quads", "--bulk needs Oxigraph 0.5.1 or later, .* names itself 'BaseHTTP/"),  # a relay in between
])
def test_push_bulk_refused_where_no_atomic_bulk_loader_is_known(method, message, sample_store, server, relay):
    base, _ = relay()  # answers with its own Server header
    with pytest.raises(UsageError, match=message):
        push(sample_store, base + "/query", update_endpoint=base + "/update", method=method, bulk=True)
    assert server.quads_by_graph() == {}


def test_push_bulk_cli_exits_0_on_oxigraph_and_2_where_no_atomic_bulk_loader_is_known(sample_store, server, relay,
                                                                                     capsys):
    sample_store.close()
    push_args = ["--store", str(sample_store.path), "push"]
    assert main([*push_args, "--endpoint", server.query, "--update-endpoint", server.update, "--bulk", "--verify"]) == 0
    assert "pushed 2 graphs" in capsys.readouterr().err
    base, _ = relay()
    assert main([*push_args, "--endpoint", base + "/query", "--update-endpoint", base + "/update", "--bulk",
                 "--changed"]) == 2
    assert "--bulk needs Oxigraph 0.5.1 or later" in capsys.readouterr().err


def test_push_quads_show_a_reader_each_new_graph_whole(store_path, server):
    """What the transactional POSTs keep (and --bulk may not): a query sees all of a graph or none of it."""
    with Store.open(store_path) as store:
        for i in range(40):
            store.replace_graph(graph_of(f"whole/{i:02d}.txt", *(f"Ada Lovelace, line {j}" for j in range(300))))
        sizes = {str(g): len(store.ntriples(g)) for g in store.graphs()}
        seen: list[tuple[str, int]] = []
        failed: list[ServerError] = []
        done = threading.Event()

        def read():
            while not done.is_set():
                try:
                    _, rows = rows_from_json(Endpoint(server.query).select(
                        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))
                except ServerError as exc:  # with --bulk: "Not able to find the string with id", now and then
                    failed.append(exc)
                    continue
                seen.extend((str(g), int(n)) for g, n in rows if str(g) in sizes)  # not the probes' graphs

        reader = threading.Thread(target=read)
        reader.start()
        try:
            summary = push(store, server.query, update_endpoint=server.update, method="quads",
                           batch_bytes=60_000, use_log=False)
        finally:
            done.set()
            reader.join()
        assert summary["requests"] > 20 and server.quads_by_graph() == local_quads_by_graph(store)
    assert seen and [(g, n) for g, n in seen if n != sizes[g]] == [] and failed == []

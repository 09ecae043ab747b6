"""Hostile names through extract, store, push and query: the same bytes back, nothing else on the server."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import queries as Q
from kg.cli.main import main
from kg.remote.endpoint import Endpoint
from kg.remote.push import push
from kg.store.oxigraph import Store
from sample_data import doc_graph, local_quads_by_graph

O_BRIEN = 'Sean O"Brien } ; DROP ALL ; {'
DOCUMENTS = [
    {"id": O_BRIEN, "title": O_BRIEN, "text": f"{O_BRIEN} met José Müller in Dublin on Monday."},
    {"id": "Zelens'kyi \\ <a> #x", "title": "back\\slash <angle> {brace} #hash\nnew line",
     "text": "Volodymyr Zelens'kyi called Joe Biden on Friday.", "published": "2021-04-03"},
    {"id": "Jose\u0301 Mu\u0308ller", "title": "Jose\u0301 Mu\u0308ller",  # decomposed accents
     "text": "Jose\u0301 Mu\u0308ller visited Kyiv with Sean O'Brien."},
    {"id": "محمد عبد الله", "title": "محمد عبد الله \u202eevil",  # right to left, and an override
     "text": "President Mohammed Abdullah (محمد عبد الله) met Joe Biden in Cairo."},
]
ROWS = [("entity-aliases", []), ("documents-mentioning", ["entity=Sean O\"Brien"]),
        ("documents-mentioning", ["entity=José Müller"]), ("who-called-whom", [])]


@pytest.fixture
def hostile_store(tmp_path, capsys):
    """Return the path of a store into which kg ingest read DOCUMENTS."""
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCUMENTS), encoding="utf-8")
    store = tmp_path / "kg-data"
    assert main(["--store", str(store), "ingest", "--input-format", "jsonl", str(source)]) == 0
    capsys.readouterr()
    return store


def rows(query_name, params, **backend):
    """Return the rows of a stored query on the store or an endpoint."""
    query = Q.load_query(query_name)
    return Q.run(query, Q.parse_params(query, params), **backend)


@pytest.mark.model
@pytest.mark.parametrize("method", ["update", "gsp"])
def test_push_names_come_back_byte_for_byte_from_oxigraph(hostile_store, server, method):
    assert main(["--store", str(hostile_store), "push", "--endpoint", server.query, "--update-endpoint",
                 server.update, "--method", method, "--verify"]) == 0
    with Store.open(hostile_store, read_only=True) as store:
        local = local_quads_by_graph(store)
        assert server.quads_by_graph() == local  # no other triple, not even in the default graph
        assert server.named_graphs() == set(local)  # and no other graph, not even an empty one
        for name, params in ROWS:
            assert rows(name, params, endpoint=Endpoint(server.query)) == rows(name, params, store=store)
        titles = {str(row[0]) for row in store.query("SELECT ?t WHERE { GRAPH ?g { ?d <http://kg.example.org/ontology#title> ?t } }")[1]}
    # the right-to-left override never reaches a label (#13): the title is stored without it
    assert O_BRIEN in titles and "محمد عبد الله evil" in titles


@pytest.mark.model
def test_push_names_come_back_byte_for_byte_from_virtuoso(hostile_store, virtuoso, monkeypatch):
    monkeypatch.setenv("KG_PASSWORD", "dba")
    assert main(["--store", str(hostile_store), "push", "--endpoint", virtuoso.query, "--update-endpoint",
                 virtuoso.update, "--user", "dba", "--auth", "digest", "--verify"]) == 0
    with Store.open(hostile_store, read_only=True) as store:
        assert virtuoso.quads_by_graph() == local_quads_by_graph(store)
        for name, params in ROWS:
            assert rows(name, params, endpoint=Endpoint(virtuoso.query)) == rows(name, params, store=store)


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)  # any str UTF-8 can hold


def endpoints(kind, request):
    """Return (the server emptied of kg graphs, push keyword arguments) for an Oxigraph or Virtuoso."""
    if kind == "oxigraph":
        server = request.getfixturevalue("server")
        return server, {"update_endpoint": server.update, "graph_store": server.store}
    server = request.getfixturevalue("virtuoso")
    return server, {"update_endpoint": server.update, "graph_store": server.crud, "user": "dba",
                    "password": "dba", "auth": "digest"}


@pytest.mark.parametrize("kind", ["oxigraph", "virtuoso"])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc_id=TEXT, label=TEXT, title=TEXT)
def test_push_names_random_text_survives_store_and_push(kind, doc_id, label, title, tmp_path_factory, request):
    server, options = endpoints(kind, request)
    server.clear()  # the fixture empties it once per test, not per example
    with Store.open(tmp_path_factory.mktemp("random") / "kg-data") as store:
        store.replace_graph(doc_graph(doc_id, {"e": (label, "Person", (title,), [(0, 1, label)])}, [],
                                      title=title))
        for method in ("update", "gsp"):
            push(store, server.query, method=method, use_log=False, **options)
            assert server.quads_by_graph() == local_quads_by_graph(store)
        assert rows("entity-aliases", [], endpoint=Endpoint(server.query)) == rows("entity-aliases", [], store=store)

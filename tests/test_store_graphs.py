"""The embedded store: replacing, forgetting, querying and exporting document graphs."""

import io

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from sample_data import TRICKY, doc_graph, sample_graph_list
from kg.errors import QueryError, StoreError
from kg.rdf.iris import document_iri
from kg.rdf.namespaces import KG
from kg.store.oxigraph import Store


def export(store, fmt):
    out = io.BytesIO()
    store.export(fmt, out)
    return out.getvalue()


def test_store_replace_graph_is_idempotent(sample_store, sample_graphs):
    before = export(sample_store, "nq")
    for graph in sample_graphs:
        sample_store.replace_graph(graph)
    assert export(sample_store, "nq") == before
    assert len(sample_store) == sum(len(g) for g in sample_graphs)


def test_store_replace_graph_drops_old_triples(sample_store):
    doc = document_iri("news/001.txt")
    smaller = Graph(identifier=doc)
    smaller.add((doc, RDFS.label, Literal("only this")))
    assert sample_store.replace_graph(smaller) == 1
    # pyoxigraph substitutes only projected variables, hence ?g in the SELECT
    _, rows = sample_store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                                 {"g": URIRef(doc)})
    assert rows == [(URIRef(doc), URIRef(doc), RDFS.label, Literal("only this"))]


def test_store_replace_graph_keeps_old_graph_when_new_is_invalid(sample_store):
    before = export(sample_store, "nq")
    bad = Graph(identifier=document_iri("news/001.txt"))
    bad.add((URIRef("http://example.org/a"), RDFS.label, Literal("fine")))
    bad.add((URIRef("http://example.org/has space"), RDFS.label, Literal("not an IRI")))
    with pytest.raises(StoreError, match="invalid term"):
        sample_store.replace_graph(bad)
    assert export(sample_store, "nq") == before


def test_store_exports_are_identical_whatever_the_insertion_order(sample_store, tmp_path):
    with Store.open(tmp_path / "other") as other:
        for graph in reversed(sample_graph_list()):
            other.replace_graph(graph)
            other.replace_graph(graph)
        for fmt in ("nq", "nt", "turtle", "trig"):
            assert export(other, fmt) == export(sample_store, fmt), fmt


def test_store_nquads_export_is_sorted_per_graph(sample_store):
    lines = export(sample_store, "nq").decode().split("\n")[:-1]
    graphs = [line.rsplit(" ", 2)[1] for line in lines]
    assert graphs == sorted(graphs)
    for g in set(graphs):
        own = [line for line, name in zip(lines, graphs) if name == g]
        assert own == sorted(own)


def test_store_export_turtle_parses_back(sample_store):
    from_turtle = Graph().parse(data=export(sample_store, "turtle").decode(), format="turtle")
    from_nt = Graph().parse(data=export(sample_store, "nt").decode(), format="nt")
    assert set(from_turtle) == set(from_nt)
    assert any(str(o) == TRICKY for o in from_turtle.objects(None, KG.title))
    # the union view states an entity described by both documents once
    assert len(from_nt) < len(sample_store)


def test_store_export_trig_parses_back(sample_store):
    trig = set(ox.parse(export(sample_store, "trig"), format=ox.RdfFormat.TRIG))
    nq = set(ox.parse(export(sample_store, "nq"), format=ox.RdfFormat.N_QUADS))
    assert trig == nq
    assert len(nq) == len(sample_store)


def test_store_export_writes_text_streams_and_rejects_unknown_formats(sample_store):
    out = io.StringIO()
    sample_store.export("ttl", out)
    assert out.getvalue().startswith("@prefix")
    with pytest.raises(StoreError, match="unknown export format"):
        sample_store.export("rdfxml", io.BytesIO())


def test_store_blank_nodes_get_stable_labels(tmp_path):
    def graph_with_blank_nodes():
        doc = document_iri("bnodes")
        graph = Graph(identifier=doc)
        a, b = BNode(), BNode()
        graph.add((doc, KG.alias, a))
        graph.add((a, RDFS.label, Literal("a")))
        graph.add((a, KG.alias, b))
        graph.add((b, RDFS.label, Literal("b")))
        return graph

    dumps = []
    for name in ("one", "two"):
        with Store.open(tmp_path / name) as store:
            store.replace_graph(graph_with_blank_nodes())
            store.replace_graph(graph_with_blank_nodes())
            assert len(store) == 4
            assert store.graphs() == [document_iri("bnodes")]  # no staging graph left behind
            dumps.append(export(store, "nq"))
    assert dumps[0] == dumps[1]


def test_store_forget_removes_graph(sample_store):
    assert sample_store.forget("news/001.txt") is True
    assert sample_store.graphs() == [document_iri("news/002.txt")]
    assert not sample_store.has_graph("news/001.txt")
    assert sample_store.forget("news/001.txt") is False
    assert sample_store.forget(str(document_iri("news/002.txt"))) is True
    assert len(sample_store) == 0


def test_store_query_binds_values_without_formatting(sample_store):
    sparql = ("SELECT ?label ?e WHERE { GRAPH ?g { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
              " ORDER BY STR(?e)")
    names, rows = sample_store.query(sparql, {"label": "Joe Biden"})
    assert names == ["label", "e"]
    assert {row[0] for row in rows} == {Literal("Joe Biden")}
    _, none = sample_store.query(sparql, {"label": 'Joe Biden" } #'})
    assert none == []


def test_store_query_keeps_lexical_forms_and_types(sample_store):
    _, rows = sample_store.query(
        "SELECT ?c ?d WHERE { GRAPH ?g { ?st <http://kg.example.org/ontology#confidence> ?c ;"
        " <http://kg.example.org/ontology#date> ?d } } ORDER BY STR(?d)")
    assert [str(d) for _, d in rows][:2] == ["2014", "2021-06-16"]
    assert "0.9" in {str(c) for c, _ in rows}  # Oxigraph stores 0.900 as its canonical 0.9


def test_store_query_errors_are_query_errors(sample_store):
    with pytest.raises(QueryError, match="syntax"):
        sample_store.query("SELEC nothing")
    with pytest.raises(QueryError):
        sample_store.query("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?o = ?x) }", {"x": 1})


def test_store_query_ask_and_construct(sample_store):
    assert sample_store.query("ASK { GRAPH ?g { ?s ?p ?o } }") == (["ask"], [(Literal(True),)])
    names, rows = sample_store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1")
    assert names == ["subject", "predicate", "object"] and len(rows) == 1


def test_store_stats_counts_documents_entities_and_facts(sample_store):
    stats = sample_store.stats()
    assert stats["documents"] == 2
    assert stats["quads"] == len(sample_store)
    assert stats["triples"] == len(export(sample_store, "nt").split(b"\n")) - 1 < stats["quads"]
    assert stats["entities"] == {"City": 1, "Country": 2, "Person": 2, "Place": 4, "Region": 1}
    assert stats["facts"] == {"accused": 1, "annexed": 1, "attacked": 1, "called": 1,
                              "leaderOf": 1, "met": 1, "warned": 1}


def test_store_quads_iterates_one_graph(sample_store):
    doc = document_iri("news/002.txt")
    quads = list(sample_store.quads(doc))
    assert quads and all(q.graph_name == ox.NamedNode(str(doc)) for q in quads)
    assert len(list(sample_store.quads())) == len(sample_store)


def test_store_read_only_refuses_writes(sample_store, store_path):
    sample_store.close()
    with Store.open(store_path, read_only=True) as reader:
        assert len(reader.graphs()) == 2
        with pytest.raises(StoreError, match="read-only"):
            reader.forget("news/001.txt")


def test_store_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no kg store"):
        Store.open(tmp_path / "missing", read_only=True)
    assert not (tmp_path / "missing").exists()


def test_store_closed_store_raises(store_path):
    store = Store.open(store_path)
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.graphs()


def test_store_replace_graph_needs_an_iri_name(store_path):
    with Store.open(store_path) as store:
        graph = doc_graph("x", {}, [])
        unnamed = Graph(identifier=BNode())
        for triple in graph:
            unnamed.add(triple)
        with pytest.raises(StoreError, match="IRI"):
            store.replace_graph(unnamed)


def test_store_export_keeps_unicode_line_separators_inside_literals(store_path):
    doc = document_iri("separators")
    graph = Graph(identifier=doc)
    for i, text in enumerate(["a\u2028b", "c\u0085d", "e\x0bf\x0cg", "h\r\ni"]):
        graph.add((doc, URIRef(f"http://example.org/p{i}"), Literal(text)))
    with Store.open(store_path) as store:
        store.replace_graph(graph)
        assert len(store.ntriples(doc)) == 4
        nq = export(store, "nq")
        assert nq.count(b"\n") == 4
        assert set(ox.parse(nq, format=ox.RdfFormat.N_QUADS)) == set(store.quads())


def test_store_path_that_is_a_file_gives_store_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot open store"):
        Store.open(tmp_path / "file")


class _Writes(io.BytesIO):
    """A binary stream that records each write."""

    def __init__(self):
        super().__init__()
        self.chunks = []

    def write(self, data):
        self.chunks.append(data)
        return super().write(data)


def test_store_nquads_export_streams_one_graph_per_write(sample_store):
    out = _Writes()
    sample_store.export("nq", out)
    assert len(out.chunks) == len(sample_store.graphs()) > 1
    for chunk, graph in zip(out.chunks, sample_store.graphs()):
        assert {line.rsplit(" ", 2)[1] for line in chunk.decode().split("\n")[:-1]} == {f"<{graph}>"}


def test_store_replace_ntriples_swaps_the_graph(sample_store, sample_graphs):
    name = str(sample_graphs[0].identifier)
    lines = ['<http://example.org/a> <http://example.org/b> "c \\"d\\"\\n" .']
    assert sample_store.replace_ntriples(name, lines) == 1
    assert sample_store.ntriples(name) == lines
    with pytest.raises(StoreError):
        sample_store.replace_ntriples(name, ["<http://example.org/a> <http://example.org/b> ."])
    assert sample_store.ntriples(name) == lines


def test_store_replace_ntriples_writes_a_new_graph_whole_or_not_at_all(sample_store):
    name = "http://kg.example.org/doc/new"
    good = ["<http://example.org/a> <http://example.org/b> <http://example.org/c> ."]
    with pytest.raises(StoreError):
        sample_store.replace_ntriples(name, good + ["<http://example.org/a> <http://example.org/b> ."])
    assert not sample_store.has_graph(name)
    assert sample_store.replace_ntriples(name, good) == 1 and sample_store.ntriples(name) == good


class _CountsFlushes:
    """Stands in for the pyoxigraph store, counting flushes."""

    def __init__(self, db):
        self.db, self.flushes = db, 0

    def flush(self):
        self.flushes += 1
        self.db.flush()

    def __getattr__(self, name):
        return getattr(self.db, name)


def test_store_flushes_after_every_few_thousand_triples(store_path, monkeypatch):
    monkeypatch.setattr("kg.store.oxigraph.FLUSH_TRIPLES", 2)
    with Store.open(store_path) as store:
        store._oxi = spy = _CountsFlushes(store._oxi)
        for n in range(5):
            store.replace_ntriples(f"http://kg.example.org/doc/{n}",
                                   [f"<http://example.org/{n}> <http://example.org/p> \"{n}\" ."])
        assert spy.flushes == 2


def test_store_trig_export_streams_one_graph_per_write(sample_store):
    out = _Writes()
    sample_store.export("trig", out)
    assert len(out.chunks) == len(sample_store.graphs()) + 1  # the prefixes, then each graph
    assert out.chunks[0].startswith(b"@prefix ") and b"@prefix" not in b"".join(out.chunks[1:])

"""kg export --format jsonld: plain JSON under the published context, parsing back to the same graphs."""

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import OWL, RDF

from kg.cli.main import main
from kg.store.graphs import document_graphs
from kg.rdf.namespaces import KG
from kg.store.oxigraph import Store
from kg.rdf.ontology import load_context

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = ROOT / "ontology" / "context.jsonld"


def export_jsonld(store_path, tmp_path):
    out = tmp_path / "graph.jsonld"
    assert main(["--store", str(store_path), "export", "--format", "jsonld", "-o", str(out)]) == 0
    return out


def assert_round_trips(store, path):
    """Assert the JSON-LD file parses (rdflib, then pyoxigraph) to graphs isomorphic to the store's."""
    expected = {str(g.identifier): g for g in document_graphs(store)}
    dataset = Dataset()
    dataset.parse(path, format="json-ld")
    parsed = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert set(parsed) == set(expected)
    for name, graph in expected.items():
        if not isomorphic(graph, parsed[name]):
            _, missing, extra = graph_diff(to_isomorphic(graph), to_isomorphic(parsed[name]))
            raise AssertionError(f"{name}: missing {missing.serialize(format='nt')}\n"
                                 f"extra {extra.serialize(format='nt')}")
    quads = set(ox.parse(path.read_bytes(), format=ox.RdfFormat.JSON_LD))
    assert quads == set(q for g in store.graphs() for q in store.quads(g))


def test_jsonld_export_round_trips_to_isomorphic_graphs(sample_store, store_path, tmp_path):
    sample_store.close()  # export opens the store itself
    path = export_jsonld(store_path, tmp_path)
    with Store.open(store_path, read_only=True) as store:
        assert_round_trips(store, path)


def test_jsonld_export_embeds_the_published_context(sample_store, store_path, tmp_path):
    sample_store.close()
    document = json.loads(export_jsonld(store_path, tmp_path).read_text(encoding="utf-8"))
    assert document["@context"] == load_context()


def test_jsonld_export_reads_as_plain_json(sample_store, store_path, tmp_path):
    sample_store.close()
    document = json.loads(export_jsonld(store_path, tmp_path).read_text(encoding="utf-8"))
    graph = next(g for g in document["@graph"] if g["id"] == "doc:news%2F001.txt")["@graph"]
    assert graph[0]["type"] == "Document" and graph[0]["sourceId"] == "news/001.txt"
    biden = next(node for node in graph if node.get("label") == "Joe Biden")
    assert (biden["type"], biden["label"], biden["aliases"]) == ("Person", "Joe Biden", ["Biden"])
    call = next(fact for fact in biden["facts"] if fact["predicate"] == "called")
    assert call["object"] == "person:putin" and call["confidence"] == "0.9"
    assert call["date"] == "2022-02-12"
    assert call["evidence"]["text"] == "Joe Biden called Vladimir Putin on Saturday."
    assert [m["text"] for m in biden["mentions"]] == ["Joe Biden", "Biden"]


def test_jsonld_context_names_every_property_of_the_ontology():
    context = load_context()  # ontology/context.jsonld and a term for each fact property of kg.ttl
    named = {spec if isinstance(spec, str) else spec.get("@id") for spec in context.values()}
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl")
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            local = f"kg:{prop[len(KG):]}"
            assert local in named, f"ontology/context.jsonld has no term for {local}: add one"
            term = next(k for k, v in context.items() if (v if isinstance(v, str) else v.get("@id")) == local)
            if kind == OWL.ObjectProperty and context[term] != local:
                assert context[term].get("@type") in ("@id", "@vocab"), term


@pytest.mark.model
def test_jsonld_export_round_trips_the_seed(tmp_path):
    seed = ROOT / "seeds" / "000_b78362be98e5ff12.txt"
    store_path = tmp_path / "store"
    assert main(["--store", str(store_path), "ingest", str(seed)]) == 0
    path = export_jsonld(store_path, tmp_path)
    with Store.open(store_path, read_only=True) as store:
        assert_round_trips(store, path)

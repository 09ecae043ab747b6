"""kg validate: the SHACL shapes accept the RDF writer's output and catch broken graphs."""

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from kg.cli.main import main
from kg.rdf.namespaces import ENTITY, KG, NIF
from kg.store.oxigraph import Store
from kg.rdf.ontology import load_shapes

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "call.ttl"  # written by kg.rdf.graph.to_graph
BIDEN, ZELENSKY, RUSSIA, KYIV = (ENTITY["person/Joe_Biden"], ENTITY["person/Volodymyr_Zelensky"],
                                 ENTITY["place/Russia"], ENTITY["place/Kyiv"])


def golden():
    return Graph().parse(GOLDEN, format="turtle")


def call_statement(graph):
    return graph.value(predicate=RDF.predicate, object=KG.called)


def evidence(graph):
    return graph.value(call_statement(graph), KG.evidence)


def subject_outside_domain(g):  # kg:leaderOf has domain kg:Person
    g.add((RUSSIA, KG.leaderOf, KYIV))
    return RUSSIA, "kg:leaderOf is not a kg:Person"


def object_outside_range(g):  # kg:annexed has range kg:Place
    g.add((RUSSIA, KG.annexed, BIDEN))
    return RUSSIA, "kg:annexed is not a kg:Place"


def untyped_fact_subject(g):
    stranger = ENTITY["person/Nobody"]
    g.add((stranger, KG.called, BIDEN))
    return stranger, "kg:called is not a kg:Entity"


def statement_without_evidence(g):
    st = call_statement(g)
    g.remove((st, KG.evidence, None))
    return st, "one kg:evidence"


def replacing(name, prop, value, reason, node=call_statement):
    """Return a breakage that replaces prop's value on node (the call statement by default)."""
    def breakage(g):
        target = node(g)
        g.remove((target, prop, None))
        g.add((target, prop, value))
        return target, reason
    breakage.__name__ = name
    return breakage


confidence_above_one = replacing("confidence_above_one", KG.confidence, Literal("1.5", datatype=XSD.decimal),
                                 "in [0, 1]")
confidence_as_double = replacing("confidence_as_double", KG.confidence, Literal("0.75", datatype=XSD.double),
                                 "xsd:decimal")
date_as_plain_string = replacing("date_as_plain_string", KG.date, Literal("2021-04-02"), "kg:date")
date_ill_formed = replacing("date_ill_formed", KG.date, Literal("2021-13-45", datatype=XSD.date), "kg:date")
offsets_as_strings = replacing("offsets_as_strings", NIF.beginIndex, Literal("0"), "nif:beginIndex", evidence)
offsets_reversed = replacing("offsets_reversed", NIF.beginIndex, Literal(500), "below its end", evidence)


def entity_without_label(g):
    g.remove((ZELENSKY, RDFS.label, None))
    return ZELENSKY, "rdfs:label"


def plain_triple_missing(g):
    g.remove((BIDEN, KG.called, ZELENSKY))
    return call_statement(g), "plain triple"


def sameas_to_literal(g):
    g.add((RUSSIA, OWL.sameAs, Literal("Q159")))
    return RUSSIA, "owl:sameAs"


BROKEN = [subject_outside_domain, object_outside_range, untyped_fact_subject, statement_without_evidence,
          confidence_above_one, confidence_as_double, date_as_plain_string, date_ill_formed,
          entity_without_label, offsets_as_strings, offsets_reversed, plain_triple_missing, sameas_to_literal]


@pytest.fixture
def kg(capsys):
    def run(*args):
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err
    return run


def test_validate_golden_graph_conforms(kg):
    code, out, err = kg("validate", str(GOLDEN))
    assert code == 0, out + err
    assert "conforms" in out


@pytest.mark.parametrize("breakage", BROKEN, ids=lambda f: f.__name__)
def test_validate_catches_broken_graph(kg, tmp_path, breakage):
    graph = golden()
    node, reason = breakage(graph)
    path = tmp_path / "broken.ttl"
    graph.serialize(path, format="turtle")
    code, out, err = kg("validate", str(path))
    assert code == 1, out + err
    lines = [line for line in out.splitlines() if reason in line]
    assert lines, f"no line says {reason!r}:\n{out}"
    assert any(node.n3(graph.namespace_manager) in line or str(node) in line for line in lines), out


def test_validate_turtle_report_is_a_shacl_report(kg, tmp_path):
    graph = golden()
    node, _ = confidence_above_one(graph)
    path = tmp_path / "broken.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    code, out, _ = kg("validate", "--format", "turtle", str(path))
    assert code == 1
    report = Graph().parse(data=out, format="turtle")
    assert (None, SH.conforms, Literal(False)) in report
    assert (None, SH.focusNode, node) in report


def test_validate_store_names_the_broken_graph(kg, store_path):
    good, bad = golden(), golden()
    entity_without_label(bad)
    with Store.open(store_path) as store:
        for name, content in (("good", good), ("bad", bad)):
            graph = Graph(identifier=URIRef(f"http://kg.example.org/doc/{name}"))
            graph += content
            store.replace_graph(graph)
    code, out, _ = kg("--store", str(store_path), "validate")
    assert code == 1
    assert all(line.startswith("doc:bad: ") for line in out.splitlines()[:-1]), out
    assert "2 graphs checked" in out


def test_validate_usage_and_file_errors(kg, tmp_path):
    unknown = tmp_path / "graph.xyz"
    unknown.write_text("x")
    assert kg("validate", str(unknown))[0] == 2
    assert kg("validate", "--format", "json", str(GOLDEN))[0] == 2
    assert kg("validate", str(tmp_path / "missing.ttl"))[0] == 1
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle")
    assert kg("validate", str(garbage))[0] == 1


def test_validate_shapes_cover_every_fact_property():
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl")
    shapes = load_shapes()
    entity_classes = {KG.Entity, *ontology.transitive_subjects(RDFS.subClassOf, KG.Entity)}
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        domain, range_ = ontology.value(prop, RDFS.domain), ontology.value(prop, RDFS.range)
        if domain not in entity_classes or range_ not in entity_classes:
            continue
        hint = f"no shape for {prop} as kg.ttl declares it (domain {domain}, range {range_})"
        shape = shapes.value(predicate=SH.targetSubjectsOf, object=prop)
        assert shape is not None and shapes.value(shape, SH["class"]) == domain, hint
        ranges = {shapes.value(p, SH["class"]) for p in shapes.objects(shape, SH.property)
                  if shapes.value(p, SH.path) == prop}
        assert ranges == {range_}, hint

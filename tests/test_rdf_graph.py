"""to_graph: the RDF shape of an extraction, against a golden Turtle file."""

import io
import os
from dataclasses import replace
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, XSD

from kg.rdf.iris import entity_iri
from kg.model import Document, Entity, Extraction, Fact, Span
from kg.rdf.namespaces import KG
from kg.rdf.formats import write_graphs
from kg.rdf.graph import graph_record, nquads, ntriples, record_graph, to_graph

GOLDEN = Path(__file__).parent / "golden" / "call.ttl"
TEXT = "Biden called Zelensky on Friday. Russia says it attacked Kyiv."


def _span(text):
    start = TEXT.index(text)
    return Span(start, start + len(text), text)


def extraction():
    s1, s2 = _span("Biden called Zelensky on Friday."), _span("Russia says it attacked Kyiv.")
    entities = (
        Entity("Joe Biden", "Joe Biden", "Person", (_span("Biden"),), ("Biden",)),
        Entity("Volodymyr Zelensky", "Volodymyr Zelensky", "Person", (_span("Zelensky"),), ("Zelensky",)),
        Entity("Russia", "Russia", "Country", (_span("Russia"),), (), ("https://sws.geonames.org/2017370/",), "RU"),
        Entity("Kyiv", "Kyiv", "City", (_span("Kyiv"),), (), ("https://sws.geonames.org/703448/",)),
    )
    facts = (
        Fact("Joe Biden", "called", "Volodymyr Zelensky", 0.75, s1, _span("Biden"), _span("Zelensky"),
             "verb:call", date="2021-04-02"),
        Fact("Russia", "attacked", "Kyiv", 0.6, s2, _span("it"), _span("Kyiv"), "verb:attack",
             date="2014", attributed_to="Russia"),
    )
    return Extraction(Document("news/a.txt", TEXT, "2021-04-03", "A title"), entities, facts, "kg-test")


def test_rdf_graph_matches_golden():
    graph = to_graph(extraction())
    if os.environ.get("KG_UPDATE_GOLDEN"):
        GOLDEN.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    golden = Graph().parse(GOLDEN, format="turtle")
    if not isomorphic(graph, golden):
        _, only_new, only_golden = graph_diff(to_isomorphic(graph), to_isomorphic(golden))
        raise AssertionError("graph differs from golden:\nonly in output:\n"
                             + only_new.serialize(format="nt") + "\nonly in golden:\n"
                             + only_golden.serialize(format="nt"))


def test_rdf_graph_plain_triple_beside_statement():
    graph = to_graph(extraction())
    biden, zelensky = entity_iri("Joe Biden", "Person"), entity_iri("Volodymyr Zelensky", "Person")
    assert (biden, KG.called, zelensky) in graph
    statement = next(graph.subjects(RDF.predicate, KG.called))
    event = graph.value(statement, KG.reportOf)
    assert (event, RDF.type, KG.Call) in graph and (event, KG.agent, biden) in graph
    assert graph.value(statement, KG.date) == Literal("2021-04-02", datatype=XSD.date)
    assert graph.value(statement, KG.confidence) == Literal("0.750", datatype=XSD.decimal)


def test_rdf_graph_year_date_and_attribution():
    graph = to_graph(extraction())
    statement = next(graph.subjects(RDF.predicate, KG.attacked))
    assert graph.value(statement, KG.date).datatype == XSD.gYear
    assert graph.value(statement, KG.attributedTo) == entity_iri("Russia", "Country")


def test_rdf_graph_is_deterministic():
    a = to_graph(extraction()).serialize(format="nt")
    b = to_graph(extraction()).serialize(format="nt")
    assert sorted(a.splitlines()) == sorted(b.splitlines())


def test_rdf_ntriples_and_records_hold_the_graph_triples():
    graph = to_graph(extraction())
    lines = ntriples(extraction())
    assert len(lines) == len(set(lines)) == len(graph)
    assert isomorphic(Graph().parse(data="\n".join(lines), format="nt"), graph)
    record = graph_record(extraction())
    assert record.name == str(graph.identifier) and record.facts == 2
    assert isomorphic(record_graph(record), graph)
    assert all(line.endswith(f" <{graph.identifier}> .") for line in nquads(extraction()))


def test_rdf_write_graphs_streams_turtle_and_trig():
    first = extraction()
    second = replace(first, document=Document("news/b.txt", TEXT, "2021-04-04"))
    records = [graph_record(first), graph_record(second)]
    for fmt in ("turtle", "trig"):
        out = io.StringIO()

        def produced():
            yield records[0]
            assert "Zelensky" in out.getvalue()  # the first graph is out before the second is read
            yield records[1]

        write_graphs(produced(), fmt, out)
        dataset = Dataset()
        dataset.parse(data=out.getvalue(), format=fmt)
        if fmt == "trig":
            names = {str(g.identifier) for g in dataset.graphs() if len(g)}
            assert names == {r.name for r in records}
        else:
            assert len(dataset) == len(to_graph(first) + to_graph(second))

"""Facts in time in the outputs (issue #14): a post's start and end on its statement node (kg:startDate,
kg:endDate, kg:ended) valid under the SHACL shapes, in JSON-LD and kg extract's JSON lines, and still read by
kg.learn."""

import json

import pytest
from rdflib import Dataset, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from kg.extract.extractor import extract
from kg.learn.records import read_records
from kg.model import Document
from kg.rdf.graph import to_graph
from kg.rdf.jsonld import to_jsonld
from kg.rdf.jsonlines import extraction_to_json
from kg.rdf.namespaces import KG
from kg.rdf.validate import validate_graphs

pytestmark = pytest.mark.model

TEXT = "John Smith, who was appointed chairman of Barclays in 2015, resigned on Tuesday. Ann Lee called John Smith on Monday."
FORMER = "Former Barclays chairman John Smith said the bank was safe."


@pytest.fixture(scope="module")
def appointed():
    return extract(Document("n-400", TEXT, "2024-03-08"))


def statement(graph, predicate):
    return graph.value(predicate=RDF.predicate, object=KG[predicate])


def test_tenure_statement_carries_start_and_end(appointed):
    graph = to_graph(appointed)
    node = statement(graph, "heads")
    assert graph.value(node, KG.startDate) == Literal("2015", datatype=XSD.gYear)
    assert graph.value(node, KG.endDate) == Literal("2024-03-05", datatype=XSD.date)
    assert graph.value(node, KG.ended) == Literal(True)
    timeless = statement(graph, "called")
    assert not {KG.startDate, KG.endDate, KG.ended} & set(graph.predicates(timeless))


def test_tenure_former_is_ended_without_an_end_date():
    graph = to_graph(extract(Document("n-401", FORMER, "2024-03-08")))
    node = statement(graph, "heads")
    assert graph.value(node, KG.ended) == Literal(True)
    assert graph.value(node, KG.endDate) is None and graph.value(node, KG.startDate) is None


def test_tenure_graphs_conform_to_the_shapes(appointed):
    report = validate_graphs([to_graph(appointed), to_graph(extract(Document("n-401", FORMER)))])
    assert report.conforms, report.results


def _broken(appointed, change):
    graph = to_graph(appointed)
    node = statement(graph, "heads")
    change(graph, node)
    return [r.message for r in validate_graphs([graph]).results]


@pytest.mark.parametrize("name, change, reason", [
    ("end before start", lambda g, n: g.set((n, KG.endDate, Literal("2014-12-31", datatype=XSD.date))),
     "before kg:startDate"),
    ("end date, not ended", lambda g, n: g.remove((n, KG.ended, None)), "without kg:ended"),
    ("start as a plain string", lambda g, n: g.set((n, KG.startDate, Literal("2015"))), "kg:startDate"),
    ("ended false", lambda g, n: g.set((n, KG.ended, Literal(False))), "kg:ended"),
])
def test_tenure_shapes_catch_broken_times(appointed, name, change, reason):
    assert any(reason in message for message in _broken(appointed, change)), name


def test_tenure_shapes_compare_dates_at_the_coarser_precision(appointed):
    # begun in 2015, ended in 2015-06: no violation, though "2015-06" < "2015" as strings it is not
    assert _broken(appointed, lambda g, n: g.set((n, KG.endDate, Literal("2015-06", datatype=XSD.gYearMonth)))) == []


def test_tenure_json_line_carries_start_and_end(appointed):
    facts = extraction_to_json(appointed)["facts"]
    heads = next(f for f in facts if f["predicate"] == "heads")
    assert (heads["start"], heads["end"], heads["ended"]) == ("2015", "2024-03-05", True)
    call = next(f for f in facts if f["predicate"] == "called")
    assert not {"start", "end", "ended"} & set(call)
    former = extraction_to_json(extract(Document("n-401", FORMER)))["facts"]
    assert [(f["predicate"], f.get("end"), f["ended"]) for f in former] == [("heads", None, True)]


def test_tenure_json_lines_still_read_as_training_data(appointed):
    record = dict(extraction_to_json(appointed), text=TEXT)
    [read] = read_records([json.dumps(record)])
    assert {f.predicate for f in read.facts} == {f.predicate for f in appointed.facts}


def test_tenure_json_ld_round_trips(appointed):
    graph = to_graph(appointed)
    document = to_jsonld([graph])
    text = json.dumps(document)
    assert '"startDate"' in text and '"endDate"' in text and '"ended"' in text
    back = Dataset()
    back.parse(data=text, format="json-ld")
    [named] = [g for g in back.graphs() if g.identifier == graph.identifier]
    assert isomorphic(named, graph)

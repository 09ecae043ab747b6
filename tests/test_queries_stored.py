"""Stored queries: discovery, parameters, binding, results on the store and on a real server."""

import csv
import io
import json

import pytest
from rdflib import Literal
import rdflib.namespace as ns

from kg import queries as Q
from kg.remote.endpoint import Endpoint
from kg.errors import QueryError, UsageError
from kg.model import Document, Entity, Extraction, Fact, Span
from kg.remote.push import push
from kg.rdf.graph import to_graph
from kg.store.oxigraph import Store
from sample_data import QUERY_PARAMS

ALL = Q.list_queries()


def run_local(store, name, **params):
    query = Q.load_query(name)
    return Q.run(query, Q.parse_params(query, [f"{k}={v}" for k, v in params.items()]), store=store)


def sample_params(query):
    return [f"{p.name}={QUERY_PARAMS[p.name]}" for p in query.params]


def test_queries_are_listed_with_summaries_and_parameters():
    assert len(ALL) >= 10
    assert all(q.summary and not q.summary.startswith("param") for q in ALL)
    facts = Q.load_query("facts")
    assert [(p.name, p.default, p.required) for p in facts.params] == [
        ("min_confidence", "0", False), ("limit", "100", False), ("offset", "0", False)]
    evidence = Q.load_query("evidence")
    assert [p.name for p in evidence.params] == ["subject", "predicate", "object", "limit", "offset"]
    assert all(p.required and p.description for p in evidence.params[:3])
    assert Q.load_query("events").params == ()


def test_queries_every_parameter_is_a_variable_of_its_query():
    for query in ALL:
        for param in query.params:
            # ?name is bound by VALUES, $name replaced by the value itself (kg.queries.bind)
            assert f"?{param.name}" in query.text or f"${param.name}" in query.text, (query.name, param.name)


def test_queries_unknown_name_lists_known_queries():
    with pytest.raises(UsageError, match="who-called-whom"):
        Q.load_query("no-such-query")
    with pytest.raises(UsageError):
        Q.load_query("../queries/facts")


def test_queries_load_a_query_file_by_path(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# Mine.\n# param x: anything\nSELECT ?x WHERE { }\n")
    query = Q.load_query(str(path))
    assert (query.name, query.summary, [p.name for p in query.params]) == ("mine", "Mine.", ["x"])


def test_queries_directory_can_be_overridden(tmp_path, monkeypatch):
    (tmp_path / "only.rq").write_text("# Only one.\nASK { }\n")
    monkeypatch.setenv(Q.QUERIES_ENV, str(tmp_path))
    assert [q.name for q in Q.list_queries()] == ["only"]


def test_queries_unknown_param_names_valid_params():
    query = Q.load_query("evidence")
    with pytest.raises(UsageError, match="subject, predicate, object") as err:
        Q.parse_params(query, ["subject=a", "predicate=b", "object=c", "subjekt=d"])
    assert "subjekt" in str(err.value)
    with pytest.raises(UsageError, match="takes no parameters"):
        Q.parse_params(Q.load_query("events"), ["entity=x"])


def test_queries_missing_param_raises_usage_error():
    with pytest.raises(UsageError, match="needs predicate, object"):
        Q.parse_params(Q.load_query("evidence"), ["subject=Joe Biden"])


def test_queries_malformed_and_repeated_params_raise_usage_error():
    query = Q.load_query("facts-about")
    with pytest.raises(UsageError, match="KEY=VALUE"):
        Q.parse_params(query, ["Joe Biden"])
    with pytest.raises(UsageError, match="twice"):
        Q.parse_params(query, ["entity=a", "entity=b"])


def test_queries_numeric_param_rejects_words():
    with pytest.raises(UsageError, match="must be a number"):
        Q.parse_params(Q.load_query("facts"), ["min_confidence=high"])


def test_queries_params_are_typed_and_defaults_filled():
    assert Q.parse_params(Q.load_query("facts"), []) == {"min_confidence": Literal("0", datatype=ns.XSD.integer),
                                                         "limit": Literal("100", datatype=ns.XSD.integer),
                                                         "offset": Literal("0", datatype=ns.XSD.integer)}
    assert Q.typed_literal("0.75").datatype == ns.XSD.decimal
    assert Q.typed_literal("-3").datatype == ns.XSD.integer
    assert Q.typed_literal("Joe Biden") == Literal("Joe Biden")
    assert Q.typed_literal("1.2.3") == Literal("1.2.3")
    assert str(Q.typed_literal("0.70")) == "0.70"  # the lexical form is kept


def test_queries_bind_puts_values_at_the_head_of_the_outer_where():
    text = ('# WHERE { in a comment\nPREFIX a: <http://x/WHERE#>\n'
            'SELECT ?s (("WHERE {") AS ?w) WHERE {\n  { SELECT ?s WHERE { ?s ?p ?o } }\n}')
    bound = Q.bind(text, {"x": Literal('a "b" }')})
    head, _, tail = bound.partition('AS ?w) WHERE {\n  VALUES ?x { "a \\"b\\" }" }')
    assert tail.startswith("\n  { SELECT ?s WHERE { ?s ?p ?o } }"), bound
    assert head.startswith("# WHERE { in a comment")
    with pytest.raises(QueryError, match="WHERE"):
        Q.bind("SELECT * { ?s ?p ?o }", {"x": Literal(1)})


@pytest.mark.parametrize("text, expected", [
    ('WHERE { GRAPH ?g { ?e ?p ?n FILTER(STR(?n) = $x) } }', 'FILTER(STR(?n) = "O\\"Brien } ;") } }'),
    ('WHERE { ?s ?p "$x" } # $x', 'WHERE {\n  VALUES ?x { "O\\"Brien } ;" } ?s ?p "$x" } # $x'),  # string, comment
    ('WHERE { ?s ?p $xy ; ?q <http://a/$x> }', '?s ?p $xy ; ?q <http://a/$x> }'),  # another name, an IRI
])
def test_queries_bind_dollar_name_is_the_value_itself(text, expected):
    # documents-mentioning took 3 s on 2,225 articles while its name filter saw ?entity only at the end
    assert expected in Q.bind(text, {"x": Literal('O"Brien } ;')})


def test_queries_hostile_value_stays_one_literal(sample_store):
    before = len(sample_store)
    for value in ('x" } } ; DROP ALL ; #', "x' ) } #", "x\\\" } \n}", '"""'):
        names, rows = run_local(sample_store, "facts-about", entity=value)
        assert rows == [] and names[0] == "subject"
    assert len(sample_store) == before


def test_queries_match_labels_and_aliases_in_any_case(sample_store):
    by_label = run_local(sample_store, "facts-about", entity="VLADIMIR putin")
    by_alias = run_local(sample_store, "facts-about", entity="putin")
    assert by_label == by_alias and len(by_label[1]) == 5


def test_queries_who_called_whom(sample_store):
    names, rows = run_local(sample_store, "who-called-whom")
    assert names == ["caller", "callee", "date", "confidence", "document"]
    assert [[str(t) for t in row[:4]] for row in rows] == [["Joe Biden", "Vladimir Putin", "2022-02-12", "0.9"]]


def test_queries_timeline_is_in_date_order(sample_store):
    _, rows = run_local(sample_store, "timeline", entity="Joe Biden")
    assert [(str(r[0]), str(r[1])) for r in rows] == [
        ("2021-06-16", "Meeting"), ("2022-02-12", "Call"), ("2022-02-12", "Warning")]
    assert str(rows[0][4]) == "Geneva"


def test_queries_facts_filter_on_confidence(sample_store):
    _, everything = run_local(sample_store, "facts")
    _, strong = run_local(sample_store, "facts", min_confidence="0.85")
    assert len(everything) == 7
    assert sorted(float(r[3]) for r in strong) == [0.85, 0.9, 0.9, 0.95]
    assert [float(r[3]) for r in everything] == sorted((float(r[3]) for r in everything), reverse=True)


def test_queries_evidence_gives_sentence_and_offsets(sample_store):
    _, rows = run_local(sample_store, "evidence", subject="biden", predicate="CALLED", object="vladimir putin")
    assert [(str(r[0]), int(r[1]), int(r[2])) for r in rows] == [
        ("Joe Biden called Vladimir Putin on Saturday.", 0, 45)]


def test_queries_entities_by_type_and_aliases(sample_store):
    _, places = run_local(sample_store, "entities-by-type", type="place")
    assert [str(r[1]) for r in places] == ["Crimea", "Geneva", "Russia", "Ukraine"]
    _, aliases = run_local(sample_store, "entity-aliases")
    assert ("Russia", "Country", "Russian Federation") in [(str(r[1]), str(r[2]), str(r[3])) for r in aliases]
    assert "Place" not in {str(r[2]) for r in aliases}


@pytest.mark.parametrize("query", ALL, ids=[q.name for q in ALL])
def test_queries_give_identical_rows_on_store_and_server(query, sample_store, server):
    push(sample_store, server.query, update_endpoint=server.update)
    bindings = Q.parse_params(query, sample_params(query))
    local = Q.run(query, bindings, store=sample_store)
    remote = Q.run(query, bindings, endpoint=Endpoint(server.query, timeout=10))
    assert local[1], f"{query.name} found nothing in the sample data"
    assert remote == local


def test_queries_run_on_graphs_made_by_to_graph(store_path):
    text = "Joe Biden called Vladimir Putin on Saturday."
    biden = Entity("joe_biden", "Joe Biden", "Person", (Span(0, 9, "Joe Biden"),), ("Biden",))
    putin = Entity("vladimir_putin", "Vladimir Putin", "Person", (Span(17, 31, "Vladimir Putin"),))
    fact = Fact("joe_biden", "called", "vladimir_putin", 0.9, Span(0, 44, text), Span(0, 9, "Joe Biden"),
                Span(17, 31, "Vladimir Putin"), "test", date="2022-02-12")
    extraction = Extraction(Document("a.txt", text, "2022-02-13"), (biden, putin), (fact,), "kg-test")
    with Store.open(store_path) as store:
        store.replace_graph(to_graph(extraction))
        _, rows = run_local(store, "who-called-whom")
        assert [str(t) for t in rows[0][:3]] == ["Joe Biden", "Vladimir Putin", "2022-02-12"]
        _, rows = run_local(store, "timeline", entity="biden")
        assert [str(t) for t in rows[0][:2]] == ["2022-02-12", "Call"]
        for query in ALL:
            Q.run(query, Q.parse_params(query, sample_params(query)), store=store)


def test_queries_run_needs_exactly_one_backend(sample_store):
    query = Q.load_query("events")
    with pytest.raises(UsageError):
        Q.run(query)
    with pytest.raises(UsageError):
        Q.run(query, store=sample_store, endpoint=Endpoint("http://127.0.0.1:9/query"))


def test_queries_write_results_in_every_format(sample_store):
    names, rows = run_local(sample_store, "events")
    outputs = {}
    for fmt in Q.FORMATS:
        out = io.StringIO()
        Q.write_results(names, rows, fmt, out)
        outputs[fmt] = out.getvalue()
    records = json.loads(outputs["json"])
    assert list(records[0]) == names and len(records) == len(rows)
    assert records[0]["date"] is None and records[-1]["date"] == "2022-02-12"
    table = list(csv.reader(io.StringIO(outputs["csv"])))
    assert table[0] == names and table[1][0] == "Accusation" and table[1][3] == ""
    lines = outputs["table"].splitlines()
    assert lines[0].split() == names and set(lines[1]) <= {"-", " "} and len(lines) == len(rows) + 2
    with pytest.raises(UsageError):
        Q.write_results(names, rows, "xml", io.StringIO())


def test_queries_table_cells_are_one_line_and_bounded():
    out = io.StringIO()
    Q.write_results(["s"], [(Literal("line one\nline two " + "x" * 100),)], "table", out)
    row = out.getvalue().splitlines()[2]
    assert row.startswith("line one line two") and len(row) == Q.TABLE_CELL and row.endswith("…")

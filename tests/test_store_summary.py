"""The store's summary (#17): the counting queries read totals kept by ingest and forget, with the rows
they counted before, whatever the order of ingest, whatever was forgotten or written behind their back."""

import io

import pytest
from rdflib import Graph, Literal, URIRef

from kg import queries as Q
from kg.extract.extractor import extract
from kg.extract.nlp import load_model
from kg.model import Document
from kg.pipeline.ingest import ingest
from kg.rdf.graph import to_graph
from kg.rdf.validate import validate_graphs
from kg.store.oxigraph import Store
from kg.store.summary import Changes

pytestmark = pytest.mark.model

_NLP = []

COUNTING = ["most-connected", "predicate-counts", "events", "entities-by-type", "entity-aliases", "current-roles",
            "timeline"]
ENTITY = {"current-roles": "Barclays", "timeline": "Joe Biden"}  # names with rows in ARTICLES
# (published, text): entities in several documents under several names, posts, calls, a deal
ARTICLES = (
    ("2021-04-03", "Volodymyr Zelensky phoned Joe Biden on Friday, his office said."),
    ("2021-04-04", "Joe Biden called Volodymyr Zelensky, the White House said. Biden later met Rishi Sunak."),
    ("2024-03-08", "Ann Lee, the chief executive of Tesco, met Rishi Sunak in London on Tuesday."),
    ("2024-03-09", "Tesco chief executive Ann Lee said the grocer would open ten stores in Leeds. Lee joined "
                   "Tesco in 2019."),
    ("2016-06-14", "Microsoft bought LinkedIn on Monday for $26bn. Satya Nadella, the head of Microsoft, "
                   "called it a great day."),
    ("2024-03-12", "John Smith resigned as chairman of Barclays on Monday. Former Barclays chief executive "
                   "Mary Jones joined Tesco, and Ann Lee became chairman of Barclays."),
)


def nlp():
    if not _NLP:
        _NLP.append(load_model())
    return _NLP[0]


def articles(*numbers):
    return [Document(f"news/article-{i}.txt", ARTICLES[i][1], ARTICLES[i][0]) for i in numbers]


def summary(store):
    """Return the summary's triples (the store's default graph), sorted."""
    _, rows = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    return sorted(tuple(t.n3() for t in row) for row in rows)


def rebuilt(store):
    """Return the summary as building it whole from the documents gives it."""
    store.refresh_summary(Changes(), False)
    return summary(store)


def counted_rows(store, name, limit="1000"):
    """Return a counting query's rows counted from the documents, and as it runs (from the summary)."""
    query = Q.load_query(name)
    given = {"type": "Person", "entity": ENTITY.get(name), "date": "2024-03-20", "limit": limit, "offset": "0"}
    bindings = Q.parse_params(query, [f"{p.name}={given[p.name]}" for p in query.params])
    defaults = {p.name: Q._checked(p, p.default) for p in query.params if p.default is not None}
    _, counted = store.query(Q.bind(query.text, {**defaults, **bindings}))
    _, run = Q.run(query, bindings, store=store)
    return [tuple(map(str, r)) for r in counted], [tuple(map(str, r)) for r in run]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    path = tmp_path_factory.mktemp("summary") / "kg"
    with Store.open(path) as store:
        ingest(articles(0, 1, 2, 3, 4, 5), store, nlp=nlp())
    return path


@pytest.mark.parametrize("name", COUNTING)
def test_store_summary_counting_queries_give_the_rows_they_counted(ingested, name):
    with Store.open(ingested) as store:
        assert store.summary_complete()
        ends = "SELECT ?u WHERE { ?post <http://kg.example.org/ontology#endedUntil> ?u }"
        assert {str(row[0]) for row in store.query(ends)[1]} == {"2024-03-11", "2024-03-12"}
        counted, run = counted_rows(store, name)
        assert counted and run == counted
        counted, run = counted_rows(store, name, limit="2")  # a page that the limit cuts: the same page
        assert run == counted


def test_store_summary_the_same_whatever_the_order_and_what_was_forgotten(tmp_path):
    summaries = set()
    for n, order in enumerate([(0, 1, 2, 3, 4, 5), (5, 4, 3, 2, 1, 0), (2, 5, 0, 4, 1, 3)]):
        with Store.open(tmp_path / f"kg{n}") as store:
            for i in order:
                ingest(articles(i), store, nlp=nlp())
            summaries.add(tuple(summary(store)))
    with Store.open(tmp_path / "forgot") as store:
        ingest(articles(0, 1, 2, 3, 4, 5), store, nlp=nlp())
        ingest(articles(1, 3, 5), store, nlp=nlp())  # ingesting again changes nothing
        store.forget("news/article-0.txt")  # the dated call's report: the undated one gets its own event
        store.forget("news/article-3.txt")
        store.forget("news/article-5.txt")  # the ends of two posts
        ingest(articles(0, 3, 5), store, nlp=nlp())
        summaries.add(tuple(summary(store)))
        assert list(summaries)[0] == tuple(rebuilt(store))
    assert len(summaries) == 1


def test_store_summary_reingesting_a_document_that_names_others_counts_them_again(tmp_path):
    with Store.open(tmp_path / "kg") as store:
        ingest(articles(2, 3), store, nlp=nlp())
        rewritten = Document("news/article-3.txt", "The weather in Leeds was mild on Saturday.", "2024-03-09")
        ingest([rewritten], store, nlp=nlp())  # Ann Lee and Tesco now in one document fewer
        kept = summary(store)
        assert kept == rebuilt(store)
    with Store.open(tmp_path / "fresh") as store:
        ingest(articles(2) + [rewritten], store, nlp=nlp())
        assert summary(store) == kept


def test_store_summary_forgetting_the_report_of_an_end_takes_the_end_away(tmp_path):
    ends = "SELECT ?u WHERE { ?post <http://kg.example.org/ontology#endedUntil> ?u }"
    with Store.open(tmp_path / "kg") as store:
        ingest(articles(2, 5), store, nlp=nlp())
        ingest(articles(3), store, nlp=nlp())
        assert store.query(ends)[1]
        store.forget("news/article-5.txt")
        assert store.query(ends)[1] == [] and summary(store) == rebuilt(store)
        counted, run = counted_rows(store, "current-roles")
        assert run == counted


def test_store_summary_a_write_behind_ingests_back_is_not_read(tmp_path):
    with Store.open(tmp_path / "kg") as store:
        ingest(articles(0, 2), store, nlp=nlp())
        assert store.summary_complete()
        store.replace_graph(to_graph(extract(articles(4)[0], nlp())))  # as kg link writes: no summary kept
        assert not store.summary_complete()
        counted, run = counted_rows(store, "predicate-counts")
        assert run == counted and ("acquired", "1") in run  # counted: the deal written behind its back is there
        ingest(articles(1), store, nlp=nlp())  # the next ingest builds the summary whole
        assert store.summary_complete() and summary(store) == rebuilt(store)


def test_store_summary_is_no_document_and_goes_neither_to_export_nor_to_stats(ingested, tmp_path):
    with Store.open(ingested) as store:
        out = io.BytesIO()
        store.export("nq", out)
        graphs, stats, size = store.graphs(), store.stats(), len(store)
        assert summary(store) and b"Total" not in out.getvalue()
    with Store.open(tmp_path / "bare") as bare:  # the same documents written without a summary
        with Store.open(ingested, read_only=True) as store:
            for name in store.graphs():
                bare.replace_ntriples(name, store.ntriples(name))
        assert not bare.summary_complete() and summary(bare) == []
        assert (bare.graphs(), bare.stats(), len(bare)) == (graphs, stats, size)


def test_store_summary_conforms_to_the_shapes(ingested):
    with Store.open(ingested) as store:
        graph = Graph(identifier=URIRef("http://kg.example.org/graph/summary"))
        for row in store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")[1]:
            graph.add(row)
    report = validate_graphs([graph])
    assert report.conforms, report
    broken = Graph(identifier=graph.identifier)
    for triple in graph:
        broken.add(triple)
    broken.add((URIRef("http://kg.example.org/ontology#called"), URIRef("http://kg.example.org/ontology#statementTotal"),
                Literal(0)))
    assert not validate_graphs([broken]).conforms


@pytest.mark.parametrize("first, second", [("Ann Lee", "Ann  Lee"), ("Ann  Lee", "Ann Lee")])
def test_store_summary_changes_keep_the_least_label_whatever_the_order(first, second):
    # two documents labelling one entity differently (as a curated name can): the least, as counting gives
    entity = "<http://kg.example.org/id/person/Ann_Lee>"
    changes = Changes()
    for label in (first, second):
        changes.add([f"{entity} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://kg.example.org/ontology#Person> .",
                     f'{entity} <http://www.w3.org/2000/01/rdf-schema#label> "{label}" .'])
    assert changes.labels == {entity[1:-1]: "Ann  Lee"} and changes.documents[entity[1:-1]] == 2
    changes.add([f'{entity} <http://www.w3.org/2000/01/rdf-schema#label> "Ann Lee" .'], -1)
    assert entity[1:-1] not in changes.recount["e"]  # not described there (no class): nothing to count again

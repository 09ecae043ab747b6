"""Stored queries at archive scale (#17): names found by kg:nameKey, listings a page at a time, ids as text."""

import re

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from kg import queries as Q
from kg.cli.main import main
from kg.errors import UsageError
from kg.model import ENTITY_CLASSES, Document, Entity, Extraction, Fact, Span
from kg.rdf.graph import to_graph
from kg.rdf.namespaces import KG
from kg.store.oxigraph import Store
from sample_data import QUERY_PARAMS

PAGED = [q for q in Q.list_queries() if "limit" in {p.name for p in q.params}]


def run_local(store, name, **params):
    query = Q.load_query(name)
    return Q.run(query, Q.parse_params(query, [f"{k}={v}" for k, v in params.items()]), store=store)


def sample_params(query, **override):
    return {p.name: override.get(p.name, QUERY_PARAMS[p.name]) for p in query.params}


@pytest.mark.parametrize("text, value, expected", [
    ("?e kg:nameKey $entity_key", "Émile ZOLA", '?e kg:nameKey "émile zola"'),  # lower-cased, as ingest wrote it
    ("?d kg:sourceId $entity_text", "001", '?d kg:sourceId "001"'),  # a string, though it reads as a number
    ("LIMIT $entity OFFSET 0", "25", "LIMIT 25 OFFSET 0"),  # an integer bare: LIMIT takes nothing else
    ("FILTER(?c >= $entity)", "0.5", 'FILTER(?c >= "0.5"^^<http://www.w3.org/2001/XMLSchema#decimal>)'),
    ("?e kg:nameKey $entity_keys", "Zola", "?e kg:nameKey $entity_keys"),  # another name: left alone
    ('?e kg:nameKey "$entity_key"', "Zola", '?e kg:nameKey "$entity_key"'),  # inside a string: left alone
])
def test_queries_dollar_key_text_and_bare_integers(text, value, expected):
    bound = Q.bind(f"SELECT * WHERE {{ {text} }}", {"entity": Q.typed_literal(value)})
    assert expected in bound, bound


@pytest.mark.parametrize("value, valid", [
    ("100", True), ("0", True), (" 7 ", True),
    ("-1", False), ("1.5", False), ("ten", False), ("", False), ("١٠", False),  # Arabic-Indic digits: not SPARQL
])
def test_queries_limit_and_offset_take_whole_numbers(value, valid):
    query = Q.load_query("facts")
    for name in ("limit", "offset"):
        if valid:
            assert Q.parse_params(query, [f"{name}={value}"])[name] == Literal(value.strip(), datatype=XSD.integer)
        else:
            with pytest.raises(UsageError, match=f"{name} must be a whole number, 0 or more, not {re.escape(repr(value))}"):
                Q.parse_params(query, [f"{name}={value}"])


@pytest.mark.parametrize("query", PAGED, ids=[q.name for q in PAGED])
def test_queries_pages_of_one_row_give_every_row_once(query, sample_store):
    params = sample_params(query, limit="1000")
    _, whole = Q.run(query, Q.parse_params(query, [f"{k}={v}" for k, v in params.items()]), store=sample_store)
    assert whole, f"{query.name} found nothing in the sample data"
    pages = []
    for offset in range(len(whole) + 1):
        page = {**params, "limit": "1", "offset": str(offset)}
        pages.append(Q.run(query, Q.parse_params(query, [f"{k}={v}" for k, v in page.items()]), store=sample_store)[1])
    # documents-mentioning pages documents, entity-aliases rows: a page of one holds one row here
    assert [len(p) for p in pages] == [1] * len(whole) + [0]
    assert sorted(map(str, (row for page in pages for row in page))) == sorted(map(str, whole))


def test_queries_listing_pages_hold_at_most_limit_rows(sample_store):
    _, rows = run_local(sample_store, "facts", limit="3")
    assert len(rows) == 3
    _, rows = run_local(sample_store, "facts", limit="3", offset="6")
    assert len(rows) == 1  # 7 facts in the sample
    _, rows = run_local(sample_store, "documents", limit="0")
    assert rows == []


def test_queries_entities_by_type_knows_every_entity_class():
    text = Q.load_query("entities-by-type").text
    classes = re.search(r"VALUES \?class \{([^}]*)\}", text).group(1).split()
    assert classes == [f"kg:{name}" for name in ENTITY_CLASSES]


@pytest.mark.parametrize("asked, found", [
    ("ÉMILE ZOLA", True), ("émile zola", True), ("Zola", True), ("zola", True),
    ("Emile Zola", False),  # the accent is part of the name: no fold beyond case
    ("Zol", False),
])
def test_queries_find_a_name_in_any_case_by_its_name_key(store_path, asked, found):
    text = "Émile Zola met Félix Faure in January."
    zola = Entity("zola", "Émile Zola", "Person", (Span(0, 10, "Émile Zola"),), ("Zola",))
    faure = Entity("faure", "Félix Faure", "Person", (Span(15, 26, "Félix Faure"),))
    fact = Fact("zola", "met", "faure", 0.8, Span(0, 38, text), Span(0, 10, "Émile Zola"),
                Span(15, 26, "Félix Faure"), "test")
    extraction = Extraction(Document("zola.txt", text, "1898-01-14"), (zola, faure), (fact,), "kg-test")
    with Store.open(store_path) as store:
        store.replace_graph(to_graph(extraction))
        _, facts = run_local(store, "facts-about", entity=asked)
        _, documents = run_local(store, "documents-mentioning", entity=asked)
    assert (len(facts), len(documents)) == ((1, 1) if found else (0, 0))


def test_document_facts_finds_an_id_that_reads_as_a_number(store_path):
    # the id was bound as an xsd:integer; kg:sourceId holds the string "001"
    text = "Joe Biden called Vladimir Putin."
    biden = Entity("biden", "Joe Biden", "Person", (Span(0, 9, "Joe Biden"),))
    putin = Entity("putin", "Vladimir Putin", "Person", (Span(17, 31, "Vladimir Putin"),))
    fact = Fact("biden", "called", "putin", 0.9, Span(0, 32, text), Span(0, 9, "Joe Biden"),
                Span(17, 31, "Vladimir Putin"), "test")
    with Store.open(store_path) as store:
        store.replace_graph(to_graph(Extraction(Document("001", text), (biden, putin), (fact,), "kg-test")))
        _, rows = run_local(store, "document-facts", source="001")
        _, none = run_local(store, "document-facts", source="1")
    assert [str(r[1]) for r in rows] == ["called"] and none == []


def test_documents_counts_facts_written_at_ingest(sample_store):
    _, rows = run_local(sample_store, "documents")
    assert [(str(r[0]), int(r[3])) for r in rows] == [("news/001.txt", 4), ("news/002.txt", 3)]


def test_query_cli_says_how_to_see_the_next_page(sample_store, capsys):
    path = str(sample_store.path)
    sample_store.close()
    assert main(["query", "facts", "limit=2", "--store", path]) == 0
    assert "(a full page of 2 rows: offset=2 shows the next" in capsys.readouterr().err
    assert main(["query", "facts", "limit=2", "offset=50", "--store", path]) == 0
    assert "no rows from offset 50: facts has fewer rows than that" in capsys.readouterr().err
    assert main(["query", "facts", "limit=100", "--store", path]) == 0
    assert "full page" not in capsys.readouterr().err
    assert main(["query", "facts", "limit=-3", "--store", path]) == 2


def test_query_cli_says_a_store_without_name_keys_needs_ingesting_again(store_path, sample_graphs, capsys):
    # a store ingested before kg:nameKey: the name is there, the stored queries cannot find it by its key
    with Store.open(store_path) as store:
        for graph in sample_graphs:
            graph.remove((None, KG.nameKey, None))
            store.replace_graph(graph)
    assert main(["query", "facts-about", "entity=Putin", "--store", str(store_path)]) == 0
    assert "no kg:nameKey" in capsys.readouterr().err

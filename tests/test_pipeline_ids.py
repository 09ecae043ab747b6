"""Document ids kept exactly (issue #15): distinct ids give distinct graphs, a duplicate in one run is
named with both places, and `kg forget` takes the exact id."""

import json
import unicodedata

import pytest

from kg.rdf.iris import document_iri, mention_iri
from kg.store.oxigraph import Store

TEXT = "Joe Biden called Volodymyr Zelensky on Monday."
COLLIDED = [  # ids that once became the same graph (9 documents, 5 graphs)
    ("x y.txt", "x_y.txt"), ("a\nb", "a b"), (" a", "a"), ("a ", "a"), ("a\tb", "a b"),
    (unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")), ("a  b", "a b"),
    ("a%20b", "a b"), ("a\x00b", "a b"), ("a\u2028b", "a b"),
]


@pytest.mark.parametrize("one, other", COLLIDED)
def test_ids_that_collided_give_distinct_graph_iris(one, other):
    assert document_iri(one) != document_iri(other)
    assert mention_iri(one, 0, 1) != mention_iri(other, 0, 1)


@pytest.mark.parametrize("doc_id, iri", [
    ("seeds/000_b78362be98e5ff12.txt", "http://kg.example.org/doc/seeds%2F000_b78362be98e5ff12.txt"),
    ("bbc-business-301", "http://kg.example.org/doc/bbc-business-301"),
    ("news/002.txt", "http://kg.example.org/doc/news%2F002.txt"),
    ("x y.txt", "http://kg.example.org/doc/x%20y.txt"),
    ("Zürich 1", "http://kg.example.org/doc/Z%C3%BCrich%201"),
])
def test_ids_ordinary_ones_keep_their_graph_iris(doc_id, iri):
    assert str(document_iri(doc_id)) == iri


def test_ids_long_ones_stay_distinct_and_bounded():
    one, other = "x" * 500 + "1", "x" * 500 + "2"
    assert document_iri(one) != document_iri(other)
    assert len(str(document_iri(one))) < 200


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.model
def test_ids_colliding_documents_all_kept_and_forget_takes_the_exact_id(kg, tmp_path):
    ids = sorted({i for pair in COLLIDED[:6] for i in pair})
    path = write_jsonl(tmp_path / "ids.jsonl", [{"id": i, "text": TEXT} for i in ids])
    code, _, err = kg("ingest", "--input-format", "jsonl", str(path))
    assert code == 0, err
    with Store.open(tmp_path / "store", read_only=True) as store:
        assert len(store.graphs()) == len(ids)
        _, rows = store.query("SELECT ?id WHERE { GRAPH ?g { ?d <http://kg.example.org/ontology#sourceId> ?id } }")
        assert sorted(str(r[0]) for r in rows) == ids  # each id exactly as given
    assert kg("forget", "x y.txt")[0] == 0
    with Store.open(tmp_path / "store", read_only=True) as store:
        assert not store.has_graph("x y.txt") and store.has_graph("x_y.txt")
    code, _, err = kg("forget", "x  y.txt")
    assert code == 1 and "no document" in err


@pytest.mark.model
@pytest.mark.parametrize("first, second", [("a", "a"), (5, "5"), ("seed", "seed")])
def test_ids_duplicate_in_one_run_warns_naming_both_places(kg, tmp_path, first, second):
    one = write_jsonl(tmp_path / "one.jsonl", [{"id": first, "text": TEXT}, {"id": "other", "text": TEXT}])
    two = write_jsonl(tmp_path / "two.jsonl", [{"id": second, "text": TEXT}])
    code, out, err = kg("extract", "--input-format", "jsonl", str(one), str(two))
    assert code == 0
    assert f"duplicate id {str(second)!r} at {two}:1 (first at {one}:1)" in err

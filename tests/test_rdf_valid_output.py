"""Every value ingest writes passes kg validate, and every export parses back in rdflib and pyoxigraph
(issue #15): the Turtle/TriG export of ordinary BBC articles once held a local name with an escaped
dot (doc:a\\.) that rdflib cannot read, and an invalid "published" was written as an ill-typed xsd:date."""

import io
import json
import string

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from rdflib import Dataset, Graph

from kg.extract.nlp import load_model
from kg.pipeline.ingest import ingest
from kg.pipeline.records import document_from_record
from kg.rdf.jsonld import write_jsonld
from kg.rdf.validate import validate_file, validate_store
from kg.store.oxigraph import Store

pytestmark = pytest.mark.model

NAMES = st.text(alphabet=string.ascii_letters + string.punctuation + " .é\u0301\u00a0\u2028\t\n\x00\x7f", min_size=1,
                max_size=12)
DATES = st.one_of(st.none(), st.text(max_size=12), st.dates().map(str), st.just("2021-02-30"), st.just("2021-04-03T10:00Z"))
RDFLIB = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}
OXI = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
       "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
EXT = {"turtle": "ttl", "trig": "trig"}
_NLP = []


def nlp():
    if not _NLP:
        _NLP.append(load_model())
    return _NLP[0]


def documents(ids, names, dates):
    records = []
    for i, (doc_id, name, date) in enumerate(zip(ids, names, dates)):
        text = f"Joe Biden met {name} Smith in Paris. {name}. The U.S. Inc. said Mr. {name} left."
        records.append(document_from_record({"id": doc_id + ".", "text": text, "title": name,
                                             "published": date}, f"case:{i}", warn=lambda m: None))
    return records


def export(store, fmt):
    out = io.BytesIO()
    if fmt == "jsonld":
        write_jsonld(store, out)
    else:
        store.export(fmt, out)
    return out.getvalue()


def parses_back(data, fmt, count):
    graph = Dataset() if fmt in ("trig", "nq", "jsonld") else Graph()
    graph.parse(data=data.decode("utf-8"), format=RDFLIB[fmt])
    assert len(graph) > 0
    oxi = list(ox.parse(data, format=OXI[fmt]))
    assert len(oxi) > 0


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.generate])  # shrinking a store-sized case takes many minutes
@given(ids=st.lists(NAMES, min_size=1, max_size=3, unique=True), names=st.lists(NAMES, min_size=3, max_size=3),
       dates=st.lists(DATES, min_size=3, max_size=3))
def test_valid_output_hostile_names_and_dates_validate_and_parse_back(tmp_path_factory, ids, names, dates):
    path = tmp_path_factory.mktemp("store")
    with Store.open(path / "kg") as store:
        ingest(documents(ids, names, dates), store, nlp=nlp())
    with Store.open(path / "kg", read_only=True) as store:
        report = validate_store(store)
        assert report.conforms, [r.message for r in report.results][:3]
        for fmt in RDFLIB:
            data = export(store, fmt)
            parses_back(data, fmt, len(store))
            if fmt in ("turtle", "trig"):
                (path / f"out.{EXT[fmt]}").write_bytes(data)
                assert validate_file(path / f"out.{EXT[fmt]}").conforms


def test_valid_output_local_name_ending_in_a_dot_reads_back(tmp_path):
    docs = [document_from_record({"id": "a.", "text": "The U.S. said Joe Biden met Acme Inc. in Paris."}, "x")]
    with Store.open(tmp_path / "kg") as store:
        ingest(docs, store, nlp=nlp())
        for fmt in ("turtle", "trig"):
            data = export(store, fmt)
            assert b"\\. " not in data
            parses_back(data, fmt, len(store))


def test_valid_output_invalid_published_never_written(tmp_path):
    docs = [document_from_record({"id": d, "text": "Joe Biden met Angela Merkel.", "published": d}, "x",
                                 warn=lambda m: None) for d in ("garbage", "2021-02-30", "2021-13-01")]
    with Store.open(tmp_path / "kg") as store:
        ingest(docs, store, nlp=nlp())
        assert validate_store(store).conforms
        _, rows = store.query("SELECT ?d WHERE { GRAPH ?g { ?x <http://kg.example.org/ontology#published> ?d } }")
        assert rows == []

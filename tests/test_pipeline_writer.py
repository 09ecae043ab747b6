"""The ingest writer thread: graphs written in input order, a failed write raised to the caller."""

import pytest

from kg.errors import StoreError
from kg.pipeline.ingest import _Writer
from kg.rdf.graph import GraphRecord
from kg.store.oxigraph import Store

NAME = "http://kg.example.org/doc/a"


def line(n):
    return f'<http://example.org/s> <http://example.org/p> "{n}" .'


@pytest.mark.parametrize("was_complete", [False, True])  # whether the store's summary is kept as it goes
def test_pipeline_writer_writes_in_the_order_given(store_path, was_complete):
    with Store.open(store_path) as store:
        with _Writer(store, was_complete) as writer:
            for n in range(50):
                writer.put(GraphRecord(NAME, [line(n)], 0))
        assert store.ntriples(NAME) == [line(49)]


@pytest.mark.parametrize("was_complete", [False, True])
def test_pipeline_writer_raises_a_failed_write_and_writes_nothing_after(store_path, was_complete):
    with Store.open(store_path) as store:
        with pytest.raises(StoreError):
            with _Writer(store, was_complete) as writer:
                writer.put(GraphRecord(NAME, ["<http://example.org/s> <http://example.org/p> ."], 0))
                writer.put(GraphRecord(NAME + "2", [line(1)], 0))
        assert not store.has_graph(NAME) and not store.has_graph(NAME + "2")

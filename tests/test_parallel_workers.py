"""Extraction on worker processes: the same output as one process, in input order, reading ahead little."""

import pytest

from kg.errors import UsageError
from kg.rdf.jsonlines import json_line
from kg.model import Document
from kg.pipeline.parallel import AHEAD, extract_rendered, map_chunks
from kg.pipeline import parallel
from kg.pipeline.ingest import ingest
from kg.store.oxigraph import Store

TEXTS = [
    "Joe Biden called Volodymyr Zelensky on Friday.",
    "Japanese Prime Minister Fumio Kishida met Canadian Prime Minister Justin Trudeau in Tokyo on Tuesday.",
    "Boris Johnson held talks with Narendra Modi in London.",
    "Russia annexed Crimea in 2014.\n\nThe United Nations condemned the annexation.",
    "Tony Blair visited Washington.",
]


def documents():
    return [Document(f"news/{i}.txt", text, "2021-04-03") for i, text in enumerate(TEXTS)]


def test_parallel_map_chunks_keeps_input_order():
    assert list(map_chunks(sum, range(10), workers=2, chunk=3)) == [3, 12, 21, 9]


def test_parallel_map_chunks_reads_only_a_few_chunks_ahead():
    read = []

    def numbers():
        for n in range(1000):
            read.append(n)
            yield n

    results = map_chunks(sum, numbers(), workers=2, chunk=5)
    next(results)
    assert len(read) <= 2 * AHEAD * 5 + 5
    results.close()


def test_parallel_map_chunks_raises_worker_errors_here():
    with pytest.raises(TypeError):
        list(map_chunks(int, range(4), workers=2, chunk=2))


def test_parallel_workers_below_one_are_refused():
    with pytest.raises(UsageError):
        list(extract_rendered(documents(), json_line, workers=0))


@pytest.mark.model
def test_parallel_two_workers_extract_what_one_does(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PER_WORKER", 1)  # small inputs run on one process otherwise
    one = list(extract_rendered(documents(), json_line, workers=1))
    two = list(extract_rendered(documents(), json_line, workers=2, chunk=1))
    assert two == one
    assert '"called"' in one[0]


@pytest.mark.model
def test_parallel_ingest_with_two_workers_stores_what_one_does(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PER_WORKER", 1)  # small inputs run on one process otherwise
    exports = []
    for workers in (1, 2):
        with Store.open(tmp_path / f"store{workers}") as store:
            summary = ingest(documents(), store, workers=workers)
            out = tmp_path / f"{workers}.nq"
            with open(out, "wb") as stream:
                store.export("nq", stream)
        exports.append(out.read_bytes())
        assert summary.documents == len(TEXTS) and summary.facts > 0
    assert exports[0] == exports[1]

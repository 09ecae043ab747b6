"""The whole path on the seed article: ingest, stored queries, export, forget, push, through the CLI."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.queries import list_queries

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b78362be98e5ff12.txt"
SEED_PARAMS = {"entity": "Joe Biden", "other": "volodymyr zelensky", "subject": "Joe Biden", "predicate": "called",
               "object": "Volodymyr Zelenskiy", "type": "Person", "source": "seed.txt", "min_confidence": "0.7",
               "date": "2021-04-03", "limit": "100", "offset": "0"}


@pytest.fixture
def seed_dir(tmp_path):
    directory = tmp_path / "seeds"
    directory.mkdir()
    shutil.copy(SEED, directory / "seed.txt")
    return directory


def params(query):
    return [arg for p in query.params for arg in ("--param", f"{p.name}={SEED_PARAMS[p.name]}")]


def test_cli_ingest_then_every_stored_query_answers(kg, seed_dir):
    assert kg("ingest", str(seed_dir))[0] == 0
    for query in list_queries():
        code, out, err = kg("query", query.name, *params(query), "--format", "json")
        assert code == 0, (query.name, err)
        json.loads(out)
    code, out, _ = kg("query", "who-called-whom", "--format", "csv")
    assert "Joe Biden" in out and "2021-04-02" in out


def test_cli_export_turtle_parses_back(kg, seed_dir, tmp_path):
    kg("ingest", str(seed_dir))
    assert kg("export", "--format", "turtle", "-o", str(tmp_path / "out.ttl"))[0] == 0
    graph = Graph().parse(tmp_path / "out.ttl", format="turtle")
    assert len(graph) > 100
    code, out, _ = kg("export", "--format", "trig")
    dataset = Dataset()
    dataset.parse(data=out, format="trig")
    assert len(list(dataset.graphs())) >= 2  # the default graph and the document's


def test_cli_ingest_twice_is_byte_identical(kg, seed_dir):
    kg("ingest", str(seed_dir))
    first = kg("export", "--format", "nq")[1]
    kg("ingest", str(seed_dir))
    second = kg("export", "--format", "nq")[1]
    assert first == second and first


def test_cli_forget_removes_the_graph(kg, seed_dir):
    kg("ingest", str(seed_dir))
    doc_id = str(seed_dir / "seed.txt")
    assert kg("forget", doc_id)[0] == 0
    assert kg("export", "--format", "nq")[1] == ""
    code, _, err = kg("forget", doc_id)
    assert code == 1 and "no document" in err


def test_cli_stats_counts_the_seed(kg, seed_dir):
    kg("ingest", str(seed_dir))
    code, out, _ = kg("stats", "--format", "json")
    counts = json.loads(out)
    assert counts["documents"] == 1 and counts["facts"]["called"] == 1 and counts["entities"]["Person"] >= 4


@pytest.mark.parametrize("args, code", [
    (["query"], 2),
    (["query", "no-such-query"], 2),
    (["query", "facts-about"], 2),  # a required parameter is missing
    (["query", "facts", "--param", "bogus=1"], 2),
    (["extract", "no/such/file.txt"], 1),
    (["frobnicate"], 2),
    (["export", "--format", "rdfxml"], 2),
])
def test_cli_exit_codes(kg, args, code):
    assert kg(*args)[0] == code


def test_cli_query_without_store_is_a_data_error(kg):
    code, _, err = kg("query", "who-called-whom")
    assert code == 1 and "no kg store" in err


def test_cli_every_query_same_rows_on_oxigraph_server_after_push(kg, seed_dir, server):
    kg("ingest", str(seed_dir))
    assert kg("push", "--endpoint", server.query, "--update-endpoint", server.update)[0] == 0
    code, local_nq, _ = kg("export", "--format", "nq")
    local = {}
    for line in local_nq.splitlines():
        graph = line.rsplit(" ", 2)[-2]
        local.setdefault(graph.strip("<>"), set()).add(line.rsplit(" ", 2)[0] + " .")
    assert server.quads_by_graph() == local
    for query in list_queries():
        here = kg("query", query.name, *params(query), "--format", "json")
        there = kg("query", query.name, *params(query), "--format", "json", "--endpoint", server.query)
        assert here[0] == there[0] == 0, (query.name, here[2], there[2])
        assert json.loads(here[1]) == json.loads(there[1]), query.name


def test_cli_extract_jsonl_contract_through_the_console_script(tmp_path):
    kg_bin = Path(sys.executable).parent / "kg"
    record = {"id": "seed", "text": SEED.read_text(encoding="utf-8"), "published": "2021-04-03"}
    other = {"id": 7, "text": "Vladimir Putin met Angela Merkel in Berlin on Tuesday."}
    run = subprocess.run([str(kg_bin), "extract", "--input-format", "jsonl", "--format", "jsonl", "-"],
                         input=json.dumps(record) + "\n" + json.dumps(other) + "\n", capture_output=True,
                         text=True, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["seed", "7"]
    text = record["text"]
    for line in lines:
        assert line["graph"].startswith("http")
        iris = {e["iri"] for e in line["entities"]}
        for entity in line["entities"]:
            assert entity["type"] in {"Person", "Organization", "Place", "Country", "City", "Region", "Group"}
            for m in entity["mentions"]:
                assert set(m) >= {"start", "end", "text"}
        for fact in line["facts"]:
            assert fact["subject"] in iris and fact["object"] in iris and 0 <= fact["confidence"] <= 1
            ev = fact["evidence"]
            assert set(ev) >= {"start", "end", "subject_mention", "object_mention"}
    seed = lines[0]
    called = [f for f in seed["facts"] if f["predicate"] == "called"]
    assert called and called[0]["date"] == "2021-04-02"
    sm = called[0]["evidence"]["subject_mention"]
    assert "Biden" in text[sm["start"]:sm["end"]]


def test_cli_module_entry_point_prints_help():
    run = subprocess.run([sys.executable, "-m", "kg", "query", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "example:" in run.stdout

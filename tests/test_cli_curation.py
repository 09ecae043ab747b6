"""kg merge and kg split record the user's decisions in the aliases file, and every later extract and
ingest (the store's aliases.tsv by default, or --aliases FILE) respects them."""

import json

import pytest

from kg.cli.main import main
from kg.extract import curation

TEXT = "Film director Mike Leigh won the prize. Leigh said the Tories and Kestrel had called him."


def labels_of(capsys, *args):
    capsys.readouterr()
    assert main(list(args)) == 0
    record = json.loads(capsys.readouterr().out)
    return {e["label"]: e["type"] for e in record["entities"]}


@pytest.mark.model
def test_cli_merge_and_split_apply_to_the_next_ingest(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(curation.ENV, raising=False)
    store, news = tmp_path / "store", tmp_path / "news.jsonl"
    news.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    assert main(["--store", str(store), "merge", "Kestrel", "Kestrel Foods", "--type", "Organization"]) == 0
    assert main(["split", "Leigh", "--type", "City", "--store", str(store)]) == 0
    assert (store / "aliases.tsv").read_text(encoding="utf-8").count("\n") == 4  # two header lines, two names
    assert main(["--store", str(store), "ingest", "--input-format", "jsonl", str(news)]) == 0
    capsys.readouterr()
    assert main(["--store", str(store), "query", "-e",
                 "SELECT ?l ?t WHERE { GRAPH ?g { ?s rdfs:label ?l ; a ?t } }", "--format", "json"]) == 0
    rows = {(r["l"], r["t"].rsplit("#", 1)[-1]) for r in json.loads(capsys.readouterr().out)}
    assert {("Kestrel Foods", "Organization"), ("Leigh", "City"), ("Mike Leigh", "Person")} <= rows
    assert not any(label == "Kestrel" for label, _ in rows)


@pytest.mark.model
def test_cli_extract_reads_the_aliases_file_given(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(curation.ENV, raising=False)
    aliases, news = tmp_path / "mine.json", tmp_path / "news.jsonl"
    news.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    assert main(["merge", "Tories", "Conservative Party", "--aliases", str(aliases)]) == 0
    found = labels_of(capsys, "extract", "--input-format", "jsonl", str(news), "--aliases", str(aliases))
    assert found.get("Conservative Party") == "Organization" and "Tories" not in found


@pytest.mark.parametrize("args, code, message", [
    (["merge", "Tories", "tories"], 2, "that is 'Tories' itself"),
    (["merge", "A", "B", "--type", "Party"], 2, "invalid choice: 'Party'"),
    (["split"], 2, "required: A"),
])
def test_cli_curation_usage_errors(tmp_path, capsys, args, code, message):
    assert main(["--store", str(tmp_path / "store"), *args]) == code
    assert message in capsys.readouterr().err


def test_cli_broken_aliases_file_is_named_before_extracting(tmp_path, capsys):
    broken = tmp_path / "broken.tsv"
    broken.write_text("Tories\tConservative Party\tParty\n", encoding="utf-8")
    assert main(["extract", "--aliases", str(broken), str(tmp_path / "missing.txt")]) == 1
    assert "unknown class 'Party'" in capsys.readouterr().err

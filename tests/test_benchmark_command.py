"""The benchmark command runs end to end on a few short texts and reports every figure (no time is asserted)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.server]

BENCH = Path(__file__).resolve().parent / "benchmarks" / "bench.py"
TEXTS = ["Joe Biden called Volodymyr Zelensky on Friday.",
         "Japanese Prime Minister Fumio Kishida met Canadian Prime Minister Justin Trudeau in Tokyo.",
         "Boris Johnson held talks with Narendra Modi in London.",
         "Russia annexed Crimea in 2014. Vladimir Putin visited Crimea."]


def test_benchmark_command_reports_every_measure(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)))
    out = tmp_path / "bench.json"
    subprocess.run([sys.executable, str(BENCH), "--input", str(source), "-n", "3", "--workers", "1",
                    "--rss", "1,3", "--json", str(out)], check=True, capture_output=True, timeout=600)
    report = json.loads(out.read_text())
    assert report["throughput"]["spacy/1"]["documents"] == 3
    assert {"spacy/1", "extract/1", "ingest/1"} <= set(report["throughput"])
    assert report["throughput"]["ingest/1"]["tokens"] == report["throughput"]["spacy/1"]["tokens"] > 20
    assert report["loading"]["triples"] > 0
    assert report["loading"]["push"]["triples_per_s"] > 0 and report["loading"]["push_update"]["seconds"] > 0
    assert set(report["queries"]) >= {"facts", "facts-about", "evidence", "relations-between"}
    assert report["queries"]["facts-about"]["rows"] > 0  # the sample parameters find something
    assert set(report["rss"]) == {"1", "3"}
    assert {"ingest/spaCy, 1 worker", "push/load", "slowest query (s)", "RSS 3/1"} <= set(report["ratios"])

"""Ingest one JSON-lines file in two orders into two empty stores and compare their N-Quads byte for byte;
count the events of the first store against their reports.

Each order is ingested as `--batches` consecutive `kg ingest` runs (whole commands), so that reports
settle on events across runs as well as within one. The N-Quads of `kg export --format nq` are sorted
line by line before the comparison. Exit status 1 when the two differ (the first differing lines are
printed).

    python tests/benchmarks/ingest_order.py --input ../shared/news/bbc_news.jsonl --min-number 250 -n 300 \
        --workers 1 --json order.json
"""

import argparse
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.store.oxigraph import Store

KG = [sys.executable, "-m", "kg"]
EVENTS = """PREFIX kg: <http://kg.example.org/ontology#>
SELECT ?event (COUNT(DISTINCT ?report) AS ?reports) (COUNT(DISTINCT ?g) AS ?documents)
WHERE { GRAPH ?g { ?report kg:reportOf ?event } } GROUP BY ?event"""


def number(record_id):
    """Return the number an id ends in ("bbc-tech-251" -> 251), or None."""
    tail = record_id.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


def select(path, min_number, limit):
    """Return the input's lines in file order: those whose id ends in a number >= min_number, the first `limit`."""
    lines = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.strip() and (min_number is None or (number(json.loads(line)["id"]) or -1) >= min_number):
                lines.append(line if line.endswith("\n") else line + "\n")
            if limit and len(lines) == limit:
                break
    return lines


def ingest(lines, store, tmp, workers, batches):
    """Ingest lines into store as `batches` consecutive kg ingest runs; return the seconds taken."""
    size = -(-len(lines) // batches)
    start = time.perf_counter()
    for i in range(0, len(lines), size):
        part = Path(tmp) / "part.jsonl"
        part.write_text("".join(lines[i:i + size]), encoding="utf-8")
        subprocess.run([*KG, "ingest", "--input-format", "jsonl", "--workers", str(workers), "--store", str(store),
                        str(part)], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def nquads(store, tmp):
    """Return the store's N-Quads (kg export --format nq), lines sorted, as bytes."""
    out = Path(tmp) / "export.nq"
    subprocess.run([*KG, "export", "--format", "nq", "--store", str(store), "-o", str(out)], check=True)
    return b"".join(sorted(out.read_bytes().splitlines(keepends=True)))


def event_counts(store):
    """Return how many events and reports the store holds, and how reports spread over events."""
    with Store.open(store, read_only=True) as opened:
        _, rows = opened.query(EVENTS)
    reports = [int(r[1]) for r in rows]
    documents = [int(r[2]) for r in rows]
    return {"events": len(rows), "reports": sum(reports),
            "events_with_2_or_more_reports": sum(n >= 2 for n in reports),
            "events_reported_by_2_or_more_documents": sum(n >= 2 for n in documents),
            "most_reports_of_one_event": max(reports, default=0)}


def compare(one, two):
    """Return a summary of two sorted N-Quads byte strings: equal, sizes, hashes, first differences."""
    summary = {"identical": one == two, "quads": one.count(b"\n"), "bytes": len(one),
               "sha256": [hashlib.sha256(one).hexdigest(), hashlib.sha256(two).hexdigest()]}
    if one != two:
        a, b = set(one.splitlines()), set(two.splitlines())
        summary["only_first"] = [x.decode() for x in sorted(a - b)[:5]]
        summary["only_second"] = [x.decode() for x in sorted(b - a)[:5]]
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="a JSON-lines file of documents")
    parser.add_argument("-n", type=int, default=0, help="the first N selected documents (0: all)")
    parser.add_argument("--min-number", type=int, help="only documents whose id ends in a number at least this")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batches", type=int, default=2, help="kg ingest runs per order")
    parser.add_argument("--seed", type=int, help="second order: shuffled with this seed (default: reversed)")
    parser.add_argument("--json", help="write the results here too")
    args = parser.parse_args(argv)
    lines = select(args.input, args.min_number, args.n)
    second = list(reversed(lines))
    if args.seed is not None:
        random.Random(args.seed).shuffle(second)
    with tempfile.TemporaryDirectory(prefix="kg-order-") as tmp:
        seconds = [ingest(order, Path(tmp) / f"store{i}", tmp, args.workers, args.batches)
                   for i, order in enumerate((lines, second))]
        exports = [nquads(Path(tmp) / f"store{i}", tmp) for i in range(2)]
        result = {"documents": len(lines), "second_order": "reversed" if args.seed is None else f"shuffled:{args.seed}",
                  "batches": args.batches, "workers": args.workers, "ingest_seconds": [round(s, 1) for s in seconds],
                  **compare(*exports), **event_counts(Path(tmp) / "store0")}
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if result["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())

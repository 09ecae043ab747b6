"""Time `kg ingest` of the same new articles into stores of different sizes: does ingest slow down as the
store grows?

    python tests/benchmarks/ingest_scale.py --stores /tmp/kg-archive/x1,/tmp/kg-archive/x10 \
        --input ../shared/news/bbc_news.jsonl --min-number 250 -n 200 --json ingest_scale.json

Each store (e.g. the 1x and 10x stores archive.py --keep leaves) is copied afresh for every run, and the
same articles are ingested into the copy under new ids (the id and "~new"), with the rules extractor on
one worker: whole `kg ingest` commands, the stores interleaved, `--rounds` times; a run's wall and CPU
seconds and its peak RSS come from wait4. Beside each run, on the copy after it, the settling of events
kg ingest ends with is timed alone: for the keys of the graphs written (what ingest does) and for every
report of the store (what it did before #17). Not a test: nothing here asserts a time.
"""

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ingest_order import select
from runs import kg_command

from kg.rdf.iris import document_iri
from kg.store.events import event_keys, settle_events
from kg.store.oxigraph import Store


def main(argv=None):
    """Ingest the articles into a copy of each store, round after round; print and write the figures."""
    args = _parser().parse_args(argv)
    stores = [Path(s) for s in args.stores.split(",")]
    work = Path(args.work or tempfile.mkdtemp(prefix="kg-ingest-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    articles = work / "new.jsonl"
    articles.write_text("".join(renamed(line) for line in select(args.input, args.min_number, args.n)),
                        encoding="utf-8")
    runs = {str(s): [] for s in stores}
    for _ in range(args.rounds):
        for store in stores:
            runs[str(store)].append(ingest_copy(store, articles, work))
            print(f"{store}: {runs[str(store)][-1]}", file=sys.stderr, flush=True)
    report = {"articles": args.n, "runs": runs,
              "best": {s: {k: min(r[k] for r in rs) for k in rs[0]} for s, rs in runs.items()}}
    first, last = (report["best"][str(s)] for s in (stores[0], stores[-1]))
    report["last_over_first"] = {k: last[k] / first[k] for k in first if first[k]}
    print(json.dumps(report["best"], indent=2))
    print("last/first:", json.dumps(report["last_over_first"]))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def renamed(line):
    """Return a JSON line with its id made new (the id and "~new"), so that it adds a document."""
    record = json.loads(line)
    record["id"] = f"{record['id']}~new"
    return json.dumps(record, ensure_ascii=False) + "\n"


def ingest_copy(store, articles, work):
    """Copy a store, ingest the articles into the copy; return the run's figures and the settling's seconds."""
    copy = work / "copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy, ignore=shutil.ignore_patterns("kg.lock"))
    result = kg_command(["--store", copy, "--extractor", "rules", "ingest", "--input-format", "jsonl",
                         "--workers", "1", articles], work)
    names = [document_iri(json.loads(line)["id"]) for line in articles.read_text(encoding="utf-8").splitlines()]
    with Store.open(copy) as opened:
        start = time.perf_counter()
        settle_events(opened, event_keys(opened, names))
        result["settle_seconds"] = time.perf_counter() - start
        start = time.perf_counter()
        settle_events(opened)
        result["settle_all_seconds"] = time.perf_counter() - start
    shutil.rmtree(copy)
    return result


def _parser():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stores", required=True, help="kg stores, comma-separated, smallest first")
    parser.add_argument("--input", required=True, help="a JSON-lines file of articles")
    parser.add_argument("--min-number", type=int, default=250, help="only ids ending in this number or more")
    parser.add_argument("-n", type=int, default=200, help="articles to ingest (default 200)")
    parser.add_argument("--rounds", type=int, default=2, help="runs into each store, interleaved; the best counts")
    parser.add_argument("--work", help="directory for the copies (default: a new temporary one)")
    parser.add_argument("--json", help="write the results here")
    return parser


if __name__ == "__main__":
    main()

"""Benchmark kg against its floors: spaCy alone for extraction, `oxigraph load` for loading.

    python tests/benchmarks/bench.py --input ../shared/news/bbc_news.jsonl -n 500 --workers 1,2 --json out.json

On the first N articles of a JSON-lines file ({"id", "text", ...}), interleaved in one run because
shared machines are noisy: (a) spaCy alone (kg's model and components, nlp.pipe), (b) `kg extract`,
(c) `kg ingest` into an empty store, with each worker count, as tokens/s of whole commands (start-up
and model loading included); then (d) `oxigraph load` of the exported N-Quads into an empty
directory against (e) `kg push` of the same store to an Oxigraph server on 127.0.0.1, as triples/s.
Then peak RSS of `kg ingest` on the first 200 and 2,000 articles, every stored query timed on a
store holding the whole file, and (with --profile) where the time of one ingest goes.
Prints one table and writes it as JSON. Not a test: nothing here asserts a time.
"""

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from runs import (OxigraphServer, kg_command, oxigraph_binary, profile_summary, spacy_alone, time_queries,
                  timed)

from kg.extract.extractor import BATCH_SIZE

TARGETS = {"ingest/spaCy, 1 worker": 0.85, "ingest 2 workers/1 worker": 1.5, "push/load": 0.2,
           "slowest query (s)": 1.0, "RSS 2,000/200": 1.2}


def main(argv=None):
    """Run the benchmark; print the table and write the JSON."""
    args = _parser().parse_args(argv)
    workers = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        sample = _head(args.input, args.n, tmp / "sample.jsonl")
        report = {"input": str(args.input), "articles": args.n, "workers": workers, "repeats": args.repeats,
                  "cpus": os.cpu_count(), "load_before": os.getloadavg()}
        report["throughput"] = throughput(sample, workers, args, tmp)
        report["loading"] = loading(tmp / f"store-{workers[0]}", tmp, args.model)
        if not args.no_rss:
            report["rss"], full = rss(args, tmp)
        else:
            full = None
        if not args.no_queries:
            full = full or _ingest_all(args, tmp, max(workers))
            report["queries"], report["query_params"] = time_queries(full)
        if args.profile:
            report["profile"] = profile(sample, tmp, args.model)
        report["load_after"] = os.getloadavg()
    report["ratios"] = ratios(report)
    print_table(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _parser():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True, help="JSON lines of articles (not part of the repository)")
    parser.add_argument("-n", type=int, default=500, help="articles for throughput and loading (default 500)")
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated (default 1,2)")
    parser.add_argument("--repeats", type=int, default=1, help="rounds of (a)(b)(c); the fastest counts")
    parser.add_argument("--rss", default="200,2000", help="article counts whose peak RSS is compared")
    parser.add_argument("--no-rss", action="store_true", help="skip the memory runs")
    parser.add_argument("--no-queries", action="store_true", help="skip the query timings on the whole file")
    parser.add_argument("--profile", action="store_true", help="profile one 1-worker ingest with cProfile")
    parser.add_argument("--model", default=None, help="spaCy model (default: kg's default)")
    parser.add_argument("--json", help="write the results here")
    return parser


def _head(source, n, target, skip=0):
    """Write records skip..skip+n of a JSON-lines file to target; return target."""
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice((line for line in lines if line.strip()), skip, None if n is None else skip + n))
    return target


def throughput(sample, workers, args, tmp):
    """Time (a) spaCy alone, (b) kg extract, (c) kg ingest, interleaved; keep each one's fastest run."""
    best = {}
    for round_ in range(args.repeats):
        for w in workers:
            store = tmp / f"store-{w}"
            _remove(store)
            runs = {
                "spacy": lambda: spacy_alone(sample, w, BATCH_SIZE, tmp, args.model),
                "extract": lambda: kg_command(["extract", "--input-format", "jsonl", "--workers", w, sample],
                                              tmp, args.model),
                "ingest": lambda: kg_command(["--store", store, "ingest", "--input-format", "jsonl",
                                              "--workers", w, sample], tmp, args.model),
            }
            for name, measure in runs.items():
                result = dict(measure(), load=os.getloadavg()[0], round=round_)
                key = f"{name}/{w}"
                print(f"  {key:12} {result['seconds']:7.1f} s  load {result['load']:.2f}", file=sys.stderr)
                if key not in best or result["seconds"] < best[key]["seconds"]:
                    best[key] = result
    tokens = best[f"spacy/{workers[0]}"]["tokens"]
    for result in best.values():
        result["tokens"] = tokens
        result["tokens_per_s"] = tokens / result["seconds"]
    return best


def loading(store, tmp, model):
    """Time (d) oxigraph load of the store's N-Quads against (e) kg push of the store to a server."""
    nq = tmp / "all.nq"
    kg_command(["--store", store, "export", "--format", "nq", "-o", nq], tmp, model)
    triples = sum(1 for _ in open(nq, "rb"))
    load = timed([oxigraph_binary(), "load", "--location", tmp / "loaded", "--file", nq], tmp)
    result = {"triples": triples, "oxigraph_load": load}
    # kg push as a user runs it (its default method: Graph Store PUTs where the server has them),
    # and with SPARQL Update, the method every server has
    for key, method in (("push", "auto"), ("push_update", "update")):
        with OxigraphServer(tmp / f"server-{method}") as server:
            result[key] = kg_command(["--store", store, "push", "--endpoint", server.base + "/query",
                                      "--update-endpoint", server.base + "/update", "--method", method], tmp, model)
    for run in (load, result["push"], result["push_update"]):
        run["triples_per_s"] = triples / run["seconds"]
    return result


def rss(args, tmp):
    """Peak RSS of a 1-worker kg ingest on the first few and many articles; the last store is then completed."""
    sizes = [int(n) for n in args.rss.split(",")]
    results = {}
    for n in sizes:
        store = tmp / f"rss-{n}"
        part = _head(args.input, n, tmp / f"rss-{n}.jsonl")
        results[n] = kg_command(["--store", store, "ingest", "--input-format", "jsonl", part], tmp, args.model)
        print(f"  rss/{n:<7} {results[n]['rss_mb']:7.0f} MB", file=sys.stderr)
    rest = _head(args.input, None, tmp / "rest.jsonl", skip=sizes[-1])
    kg_command(["--store", store, "ingest", "--input-format", "jsonl", "--workers", max(map(int, args.workers.split(","))),
                rest], tmp, args.model)
    return results, store


def _ingest_all(args, tmp, workers):
    store = tmp / "full"
    kg_command(["--store", store, "ingest", "--input-format", "jsonl", "--workers", workers, args.input],
               tmp, args.model)
    return store


def profile(sample, tmp, model):
    """Profile one 1-worker kg ingest of the sample with cProfile; return where its time goes."""
    out, store = tmp / "ingest.prof", tmp / "profiled"
    timed([sys.executable, "-m", "cProfile", "-o", out, "-m", "kg"] + (["--model", model] if model else [])
          + ["--store", store, "ingest", "--input-format", "jsonl", sample], tmp)
    return profile_summary(out)


def ratios(report):
    """Return the figures the targets are about."""
    t = report["throughput"]
    found = {}
    for w in report["workers"]:
        found[f"extract/spaCy, {w} worker{'s' * (w > 1)}"] = t[f"extract/{w}"]["tokens_per_s"] / t[f"spacy/{w}"]["tokens_per_s"]
        found[f"ingest/spaCy, {w} worker{'s' * (w > 1)}"] = t[f"ingest/{w}"]["tokens_per_s"] / t[f"spacy/{w}"]["tokens_per_s"]
    if 1 in report["workers"] and 2 in report["workers"]:
        found["ingest 2 workers/1 worker"] = t["ingest/2"]["tokens_per_s"] / t["ingest/1"]["tokens_per_s"]
        found["spaCy 2 processes/1 process"] = t["spacy/2"]["tokens_per_s"] / t["spacy/1"]["tokens_per_s"]
    loads = report["loading"]
    found["push/load"] = loads["push"]["triples_per_s"] / loads["oxigraph_load"]["triples_per_s"]
    found["push --method update/load"] = loads["push_update"]["triples_per_s"] / loads["oxigraph_load"]["triples_per_s"]
    if "queries" in report:
        found["slowest query (s)"] = max(q["seconds"] for q in report["queries"].values())
    if "rss" in report:
        sizes = sorted(report["rss"])
        found[f"RSS {sizes[-1]:,}/{sizes[0]:,}"] = report["rss"][sizes[-1]]["rss_mb"] / report["rss"][sizes[0]]["rss_mb"]
    return found


def print_table(report):
    """Print the results as one table."""
    t = report["throughput"]
    print(f"{report['articles']} articles, {next(iter(t.values()))['tokens']:,} tokens; "
          f"load average {report['load_before'][0]:.2f} before, {report['load_after'][0]:.2f} after")
    print(f"{'measure':42} {'value':>14}  target")
    for w in report["workers"]:
        for name, label in (("spacy", "(a) spaCy alone"), ("extract", "(b) kg extract"), ("ingest", "(c) kg ingest")):
            r = t[f"{name}/{w}"]
            print(f"{label + f', {w} worker(s)':42} {r['tokens_per_s']:9,.0f} tok/s  ({r['seconds']:.1f} s, "
                  f"CPU {r['cpu_seconds']:.1f} s, {r['rss_mb']:.0f} MB)")
    loads = report["loading"]
    for key, label in (("oxigraph_load", "(d) oxigraph load"), ("push", "(e) kg push"),
                       ("push_update", "(e) kg push --method update")):
        r = loads[key]
        print(f"{label:42} {r['triples_per_s']:9,.0f} tr/s   ({loads['triples']:,} triples, {r['seconds']:.1f} s)")
    for name, q in sorted(report.get("queries", {}).items()):
        print(f"{'query ' + name:42} {q['seconds']:11.3f} s    ({q['rows']} rows)")
    for n, r in sorted(report.get("rss", {}).items()):
        print(f"{f'peak RSS, kg ingest of {n:,} articles':42} {r['rss_mb']:11.0f} MB")
    for name, value in report["ratios"].items():
        target = TARGETS.get(name)
        mark = "" if target is None else (f"{'<' if 'query' in name or 'RSS' in name else '>'}= {target}")
        print(f"{name:42} {value:14.2f}  {mark}")
    for area, a in report.get("profile", {}).get("areas", {}).items():
        print(f"{'profile: ' + area:58} {a['share']:6.1%}")


def _remove(path):
    if path.exists():
        shutil.rmtree(path)


if __name__ == "__main__":
    main()

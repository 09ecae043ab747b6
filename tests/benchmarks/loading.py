"""Benchmark kg push against `oxigraph load` on the same data, interleaved, best of several rounds.

    python tests/benchmarks/loading.py --store STORE [-n 500] [--rounds 5] [--json out.json]

Takes the first N document graphs of a kg store (in the order of its N-Quads export), then in each
round times (d) `oxigraph load` of their N-Quads into an empty directory and (e) `kg push` of a
store holding them to a fresh `oxigraph serve` on 127.0.0.1, once per method (auto: quads there,
many new graphs a POST of N-Quads; update: many graphs a SPARQL Update request; gsp: a Graph Store
PUT per graph; bulk: auto with --bulk, new graphs to Oxigraph's bulk loader), every command whole
(start-up included).
Shared machines are noisy, so each one's fastest round counts, and the ratio is push triples/s over
load triples/s; the median of each round's own ratio is given beside it. Not a test: nothing here asserts a time.
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from runs import OxigraphServer, kg_command, oxigraph_binary, timed

METHODS = ("auto", "bulk", "update", "gsp")  # bulk: auto (quads) with --bulk


def main(argv=None):
    """Run the benchmark; print the table and write the JSON."""
    args = _parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-loading-") as tmp:
        tmp = Path(tmp)
        nq, graphs, triples = first_graphs(args.store, args.n, tmp)
        store = tmp / "store"
        timed([oxigraph_binary(), "load", "--location", store, "--file", nq], tmp)
        rounds = []
        for round_ in range(args.rounds):
            rounds.append({})
            for name, measure in _runs(store, nq, tmp).items():
                rounds[-1][name] = seconds = measure()["seconds"]
                print(f"  round {round_} {name:14} {triples / seconds:9,.0f} triples/s", file=sys.stderr)
    best = {name: min(r[name] for r in rounds) for name in rounds[0]}
    # each round's own ratio too: the other engineers' jobs come and go, and a round's commands share them
    within = {m: statistics.median(r["oxigraph load"] / r[f"push {m}"] for r in rounds) for m in METHODS}
    report = {"graphs": graphs, "triples": triples, "rounds": args.rounds, "cpus": os.cpu_count(),
              "load_average": os.getloadavg(), "seconds": best, "rounds_seconds": rounds,
              "triples_per_s": {name: triples / s for name, s in best.items()},
              "push/load": {m: best["oxigraph load"] / best[f"push {m}"] for m in METHODS},
              "push/load median of rounds": within}
    print(f"{graphs} graphs, {triples:,} triples, best of {args.rounds} rounds")
    for name, rate in report["triples_per_s"].items():
        print(f"{name:20} {rate:9,.0f} triples/s")
    for method, ratio in report["push/load"].items():
        print(f"push {method}/load {ratio:9.2f} (median of the rounds' own ratios {within[method]:.2f})")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _runs(store, nq, tmp):
    """Return the timed commands of one round, by name."""
    def load():
        shutil.rmtree(tmp / "loaded", ignore_errors=True)
        return timed([oxigraph_binary(), "load", "--location", tmp / "loaded", "--file", nq], tmp)

    def push(method):
        (store / "push-log.jsonl").unlink(missing_ok=True)  # every round sends everything
        shutil.rmtree(tmp / "server", ignore_errors=True)
        with OxigraphServer(tmp / "server") as server:
            chosen = ["--bulk"] if method == "bulk" else ["--method", method]
            return kg_command(["--store", store, "push", "--endpoint", server.base + "/query",
                               "--update-endpoint", server.base + "/update", *chosen], tmp)

    runs = {"oxigraph load": load}
    for method in METHODS:
        runs[f"push {method}"] = lambda method=method: push(method)
    return runs


def first_graphs(store, n, tmp):
    """Write the first n graphs of a kg store as N-Quads; return (path, graphs, triples)."""
    everything, nq = tmp / "all.nq", tmp / "first.nq"
    kg_command(["--store", store, "export", "--format", "nq", "-o", everything], tmp)
    seen, triples = set(), 0
    with open(everything, encoding="utf-8") as lines, open(nq, "w", encoding="utf-8") as out:
        for line in lines:
            graph = line.rstrip(" .\n").rsplit(" ", 1)[-1]
            if graph not in seen and len(seen) == n:
                continue
            seen.add(graph)
            out.write(line)
            triples += 1
    return nq, len(seen), triples


def _parser():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="a kg store (e.g. of BBC articles)")
    parser.add_argument("-n", type=int, default=500, help="document graphs to load (default 500)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; each command's fastest counts")
    parser.add_argument("--json", help="write the results here")
    return parser


if __name__ == "__main__":
    main()

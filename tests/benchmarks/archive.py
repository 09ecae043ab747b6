"""Benchmark the stored queries as an archive grows: 1x, 2x, 5x, 10x a store of news articles.

    python tests/benchmarks/archive.py --store STORE --base 2225 --scales 1,2,5,10 --measure cpu \
        --png docs/query-growth.png

Ingesting ten times 2,225 articles takes hours of CPU, so the larger stores are built from one
ingested store (STORE, e.g. the BBC articles numbered 250 and above): its N-Quads are copied under
other document ids until the store holds base x scale documents, then bulk-loaded, given the summary
graph ingest keeps (built whole, kg.store.summary) and compacted (`oxigraph optimize`). A copy is what
`kg ingest` gives for the same text under another id (compared on a few articles): the graph, the
document node and its mention IRIs are named by the new id, kg:sourceId is the new id, statement
IRIs (hashed from the id) are new; entities and events keep their IRIs, shared across documents.
Every stored query is then run (`runs` times; the slowest, fastest and least-CPU runs kept) with the
parameters tests/benchmarks/runs.py takes from the 1x store, and the growth curve is drawn as a PNG.
Not a test: nothing here asserts a time.
"""

import argparse
import hashlib
import json
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from runs import kg_command, oxigraph_binary, time_queries, timed

from kg.queries import list_queries, parse_params, run
from kg.rdf.iris import id_segment
from kg.store.oxigraph import Store
from kg.store.summary import Changes

DOC = "http://kg.example.org/doc/"
_MEASURES = {"seconds": "slowest of runs", "best": "fastest of runs", "cpu": "least CPU time of runs"}
FACT = re.compile(r"<http://kg\.example\.org/fact/([0-9a-f]+)>")
SOURCE_ID = "<http://kg.example.org/ontology#sourceId>"


def main(argv=None):
    """Build the stores, time the queries, print the table, write the JSON and the PNG."""
    args = _parser().parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    work = Path(args.work or tempfile.mkdtemp(prefix="kg-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    documents = read_documents(args.store, work)
    report = {"source_documents": len(documents), "base": args.base, "rounds": args.rounds, "scales": {}}
    params = None
    for scale in scales:
        store = work / f"x{scale}"
        if not (args.reuse and (store / "CURRENT").exists()):
            build_store(documents, args.base * scale, store, work)
        report["scales"][scale] = {"documents": args.base * scale, "queries": {}, "equal_pages": {}}
    # the scales interleaved, round after round, each query's best kept: the other jobs on the machine
    # then weigh on every scale alike
    for _ in range(args.rounds):
        for scale in scales:
            store, row = work / f"x{scale}", report["scales"][scale]
            results, found = time_queries(store, runs=args.runs, params=params)
            params = params or found  # the same entity at every scale
            row["queries"] = _best(row["queries"], results)
            if args.equal_pages:
                first = report["scales"][scales[0]]["queries"]
                row["equal_pages"] = _best(row["equal_pages"], time_pages(store, first, params, args.runs))
            print(f"{scale}x ({args.base * scale:,} documents): highest {args.measure} "
                  f"{max(q[args.measure] for q in results.values()):.3f} s", file=sys.stderr, flush=True)
    if not args.keep:
        for scale in scales:
            shutil.rmtree(work / f"x{scale}")
    report["params"] = params
    print_table(report, scales, args.measure)
    if args.equal_pages:
        for name, page in report["scales"][scales[0]]["equal_pages"].items():
            times = [report["scales"][s]["equal_pages"][name]["cpu"] for s in scales]
            print(f"{name:24} limit={page['limit']:<4}" + "".join(f"{t:10.4f}" for t in times)
                  + f"{times[-1] / times[0]:12.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if args.png:
        draw(report, scales, args.png, args.measure)


def _best(kept, new):
    """Return each query's figures from two rounds: the least CPU and fastest time, the slowest time."""
    if not kept:
        return new
    return {name: {**figures, "cpu": min(figures["cpu"], kept[name]["cpu"]),
                   **({"best": min(figures["best"], kept[name]["best"]),
                       "seconds": max(figures["seconds"], kept[name]["seconds"])} if "best" in figures else {})}
            for name, figures in new.items()}


def time_pages(store_path, first, params, runs):
    """Time each paged query whose 1x answer is shorter than a page with limit = its 1x row count: the
    same length of answer at every scale. Return {name: {"limit", "rows", "cpu" (least CPU of runs)}}."""
    out = {}
    with Store.open(store_path, read_only=True) as store:
        for stored in list_queries():
            names = {p.name for p in stored.params}
            limit = first[stored.name]["rows"]
            if "limit" not in names or not 0 < limit < 100:
                continue
            given = {**params, "limit": str(limit)}
            bindings = parse_params(stored, [f"{n}={given[n]}" for n in names if n in given])
            cpu, rows = [], []
            for _ in range(runs):
                start = time.process_time()
                rows = run(stored, bindings, store=store)[1]
                cpu.append(time.process_time() - start)
            out[stored.name] = {"limit": limit, "rows": len(rows), "cpu": min(cpu)}
    return out


def read_documents(store, work):
    """Return {document id: (graph IRI, its N-Quads lines)} of a kg store, in export order."""
    nq = work / "source.nq"
    kg_command(["--store", store, "export", "--format", "nq", "-o", nq], work)
    graphs = defaultdict(list)
    with open(nq, encoding="utf-8") as lines:
        for line in lines:
            graphs[line.rstrip(" .\n").rsplit(" ", 1)[-1]].append(line)
    documents = {}
    for graph, lines in graphs.items():
        source = next(line for line in lines if f"{graph} {SOURCE_ID} " in line)
        doc_id = json.loads(source.split(f" {SOURCE_ID} ", 1)[1].rsplit(" <", 1)[0])
        documents[doc_id] = (graph, lines)
    return documents


def copy_lines(doc_id, graph, lines, copy):
    """Return a document's N-Quads as `kg ingest` would write them under the id DOC_ID~cCOPY."""
    if copy == 0:
        return lines
    new_id = f"{doc_id}~c{copy}"
    old_iri, new_iri = graph[1:-1], DOC + id_segment(new_id)
    old_source, new_source = json.dumps(doc_id), json.dumps(new_id)

    def fact(match):
        digest = hashlib.sha1(f"{copy}\x1f{match.group(1)}".encode()).hexdigest()[:len(match.group(1))]
        return f"<http://kg.example.org/fact/{digest}>"

    out = []
    for line in lines:
        line = line.replace(f"<{old_iri}>", f"<{new_iri}>").replace(f"<{old_iri}#", f"<{new_iri}#")
        if SOURCE_ID in line:
            line = line.replace(f" {old_source} ", f" {new_source} ")
        out.append(FACT.sub(fact, line))
    return out


def build_store(documents, count, location, work):
    """Bulk-load a store of count documents: the source ones, then copies under new ids."""
    nq = work / "scaled.nq"
    items = list(documents.items())
    with open(nq, "w", encoding="utf-8") as out:
        for n in range(count):
            doc_id, (graph, lines) = items[n % len(items)]
            out.writelines(copy_lines(doc_id, graph, lines, n // len(items)))
    shutil.rmtree(location, ignore_errors=True)
    timed([oxigraph_binary(), "load", "--location", location, "--file", nq], work)
    # the summary kg ingest keeps (kg.store.summary), built whole from the documents, as an ingest builds it
    # into a store that has none complete
    with Store.open(location) as store:
        store.refresh_summary(Changes(), False)
    # compacted, as a store is once RocksDB has settled: the bulk loader leaves many files, and each
    # lookup in the 10x store took about 1.5 x longer before (measured), which no query can help
    timed([oxigraph_binary(), "optimize", "--location", location], work)
    nq.unlink()
    return location


def print_table(report, scales, measure="seconds"):
    """Print each query's time (the measure: seconds, the slowest run, best or cpu) at every scale and its growth."""
    names = sorted(report["scales"][scales[0]]["queries"])
    print(f"{'query':24}" + "".join(f"{f'{s}x (s)':>10}" for s in scales) + f"{'last/first':>12}")
    for name in names:
        times = [report["scales"][s]["queries"][name][measure] for s in scales]
        print(f"{name:24}" + "".join(f"{t:10.3f}" for t in times) + f"{times[-1] / times[0]:12.2f}")


def draw(report, scales, path, measure="seconds"):
    """Draw every query's time (the measure) against the store's size as a small PNG."""
    import matplotlib  # only the benchmark needs it (pip install matplotlib)
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=80)
    sizes = [report["scales"][s]["documents"] for s in scales]
    for i, name in enumerate(sorted(report["scales"][scales[0]]["queries"])):
        times = [report["scales"][s]["queries"][name][measure] * 1000 for s in scales]
        axes.plot(sizes, times, marker="o", markersize=3, linewidth=1, label=name,
                  linestyle="-" if i < 10 else "--")  # ten colours: the rest dashed
    axes.axhline(100, color="grey", linestyle=":", linewidth=0.8)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.minorticks_off()
    axes.set_xticks(sizes, [f"{n:,}" for n in sizes])
    axes.set_xlabel("documents in the embedded store")
    axes.set_ylabel(f"{_MEASURES[measure]} (ms); dotted: 100 ms")
    axes.legend(fontsize=6, ncol=2, loc="upper left")
    figure.tight_layout()
    figure.savefig(path)


def _parser():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="an ingested kg store whose documents are copied")
    parser.add_argument("--base", type=int, default=2225, help="documents at 1x (default 2,225: the BBC file)")
    parser.add_argument("--scales", default="1,2,5,10", help="multiples of base, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs of each query in a round")
    parser.add_argument("--rounds", type=int, default=1,
                        help="rounds over the scales, interleaved; each query's best of every round is kept")
    parser.add_argument("--measure", choices=sorted(_MEASURES), default="seconds",
                        help="what the table and the curve show: the slowest run's seconds (default), the "
                             "fastest's (best), or the least CPU time of a run (cpu), which other jobs sway least")
    parser.add_argument("--work", help="directory for the stores (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the stores built")
    parser.add_argument("--reuse", action="store_true",
                        help="time the stores an earlier --keep run left in --work instead of building them again")
    parser.add_argument("--equal-pages", action="store_true",
                        help="also time each paged query whose 1x answer is shorter than a page with that many "
                             "rows as its limit at every scale (least CPU time of runs)")
    parser.add_argument("--json", help="write the results here")
    parser.add_argument("--png", help="draw the growth curve here")
    return parser


if __name__ == "__main__":
    main()

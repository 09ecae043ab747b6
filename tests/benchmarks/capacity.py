"""Benchmark extraction capacity: one process per extractor, and the Dask recipe on a 2-worker local cluster.

    python tests/benchmarks/capacity.py --input news.jsonl -n 200 [--json out.json]

On the first N articles of a JSON-lines file, times whole commands (start-up and model loading
included, as a user runs them): `kg extract --workers 1` with `--extractor rules`, the same with
`--extractor model`, and kg.nquads_partition (the rules, its default) over a dask.bag on a
LocalCluster of 2 single-threaded worker processes (cluster start included). Reports articles/s
and, from CPU seconds, articles a day per core. Not a test: nothing here asserts a time.
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from runs import kg_command, timed

DASK = """
import json, sys
import dask.bag as db
from distributed import Client, LocalCluster
from kg import nquads_partition
if __name__ == "__main__":  # the worker processes import this file again
    records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster):
        lines = db.from_sequence(records, npartitions=8).map_partitions(nquads_partition).compute()
    print(len(lines))
"""


def main(argv=None):
    """Run the three measurements; print them and write the JSON."""
    args = _parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-capacity-") as tmp:
        tmp = Path(tmp)
        sample = tmp / "sample.jsonl"
        with open(args.input, encoding="utf-8") as lines:
            sample.write_text("".join(line for _, line in zip(range(args.n), lines)), encoding="utf-8")
        extract = ["extract", "--input-format", "jsonl", "--workers", "1", sample]
        runs = {"rules, one process": lambda: kg_command(["--extractor", "rules", *extract], tmp),
                "learned model, one process": lambda: kg_command(["--extractor", "model", *extract], tmp),
                "rules, Dask 2 workers": lambda: _dask(sample, tmp)}
        report = {"articles": args.n, "cpus": os.cpu_count(), "load_before": os.getloadavg(), "runs": {}}
        for name, measure in runs.items():
            result = measure()
            result["articles_per_s"] = args.n / result["seconds"]
            # per core from CPU seconds, for one process only: Dask's CPU is spread over worker processes
            result["articles_per_day_per_core"] = None if "Dask" in name else 86400 * args.n / result["cpu_seconds"]
            report["runs"][name] = result
            print(f"{name:28} {result['seconds']:7.1f} s  {result['articles_per_s']:6.2f} articles/s  "
                  f"CPU {result['cpu_seconds']:.1f} s", flush=True)
        report["load_after"] = os.getloadavg()
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _dask(sample, tmp):
    script = Path(tmp) / "dask_run.py"
    script.write_text(DASK, encoding="utf-8")
    return timed([sys.executable, script, sample], tmp)


def _parser():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True, help="JSON lines of articles (not part of the repository)")
    parser.add_argument("-n", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--json", help="write the results here")
    return parser


if __name__ == "__main__":
    main()

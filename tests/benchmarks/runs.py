"""The measurements bench.py makes: timed child processes, an Oxigraph server, stored queries, a profile."""

import json
import os
import pstats
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from kg.queries import list_queries, parse_params, run
from kg.store.oxigraph import Store

HERE = Path(__file__).resolve().parent
KG = [sys.executable, "-m", "kg"]


def timed(command, tmp, stdout=None):
    """Run a command to its end; return {"seconds", "cpu_seconds", "rss_mb"} (peak RSS of it or its largest child)."""
    errors = Path(tmp) / "stderr.txt"
    with open(errors, "wb") as err, open(stdout or os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        # wait4, not wait: it reports this child's own peak memory
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(map(str, command))} exited {proc.returncode}:\n"
                           + errors.read_text(errors="replace")[-3000:])
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def spacy_alone(sample, workers, batch_size, tmp, model=None):
    """Time spaCy alone on the sample; return the timing with its document and token counts."""
    out = Path(tmp) / "spacy.json"
    command = [sys.executable, str(HERE / "spacy_alone.py"), str(sample), "--n-process", str(workers),
               "--batch-size", str(batch_size)] + (["--model", model] if model else [])
    result = timed(command, tmp, stdout=out)
    return {**result, **json.loads(out.read_text())}


def kg_command(args, tmp, model=None):
    """Time one kg command."""
    return timed(KG + (["--model", model] if model else []) + [str(a) for a in args], tmp)


def oxigraph_binary():
    """Return the path of the `oxigraph` command installed beside this Python."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph command is not installed (pip install oxigraph)")
    return found


class OxigraphServer:
    """`oxigraph serve` on a free loopback port, for the time of a with block."""

    def __init__(self, location):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                                      "--bind", f"127.0.0.1:{port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/", timeout=1):
                    return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("oxigraph serve exited") from None
                time.sleep(0.1)
        raise RuntimeError(f"oxigraph did not answer at {self.base}")

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def sample_params(store):
    """Return a value for every stored query parameter, taken from the store so queries find rows."""
    _, top = store.query(_TOP_FACT)
    subject, predicate, obj, source = (str(t) for t in top[0])
    return {"entity": subject, "other": obj, "subject": subject, "predicate": predicate.rsplit("#", 1)[-1],
            "object": obj, "type": "Person", "source": source, "min_confidence": "0"}


# a fact about the entity taking part in the most facts
_TOP_FACT = """PREFIX kg: <http://kg.example.org/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?sl ?p ?ol ?src WHERE {
  { SELECT ?e (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?st rdf:subject ?e } } GROUP BY ?e ORDER BY DESC(?n) STR(?e) LIMIT 1 }
  GRAPH ?d { ?st rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?o . ?e rdfs:label ?sl . ?o rdfs:label ?ol .
             ?d kg:sourceId ?src }
} ORDER BY STR(?st) LIMIT 1"""


def time_queries(store_path, runs=3, params=None):
    """Run every stored query `runs` times on the store; return ({name: {"seconds" (slowest run), "best", "cpu"
    (the least CPU time of a run: what the query itself costs, however busy the machine), "rows"}}, params).

    params: the parameter values to use (default: sample_params of this store)."""
    results = {}
    with Store.open(store_path, read_only=True) as store:
        params = params or sample_params(store)
        for stored in list_queries():
            # a parameter with no sample value here takes the query's default
            bindings = parse_params(stored, [f"{p.name}={params[p.name]}" for p in stored.params if p.name in params])
            times, cpu = [], []
            for _ in range(runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                _, rows = run(stored, bindings, store=store)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            results[stored.name] = {"seconds": max(times), "best": min(times), "cpu": min(cpu), "rows": len(rows)}
    return results, params


AREAS = [  # (area, how to find its cumulative time in the profile)
    ("spaCy model (nlp.pipe)", ("spacy/language.py", "pipe")),
    ("kg paragraph marker (kg/extract/nlp.py)", ("kg/extract/nlp.py", "mark_paragraphs")),
    ("extraction rules (kg.extract.extractor.extract_parsed)", ("kg/extract/extractor.py", "extract_parsed")),
    ("RDF (kg.rdf.graph.graph_record)", ("kg/rdf/graph.py", "graph_record")),
    ("reading input (kg.pipeline.inputs)", ("kg/pipeline/inputs.py", "read_documents")),
]  # store writes run on ingest's writer thread, which cProfile does not see


def profile_summary(path, top=15):
    """Return where the time of a profiled ingest goes: areas by cumulative time, rule functions."""
    stats = pstats.Stats(str(path)).stats
    total = max(ct for (_, _, name), (_, _, _, ct, _) in stats.items() if name == "ingest")
    areas = {}
    for area, (suffix, name) in AREAS:
        times = [ct for (file, _, func), (_, _, _, ct, _) in stats.items() if file.endswith(suffix) and func == name]
        areas[area] = max(times, default=0.0)
    # the paragraph marker runs inside nlp.pipe: count it once, as kg's
    areas[AREAS[0][0]] -= areas[AREAS[1][0]]
    areas["start-up (imports, model loading) and the rest"] = total - sum(areas.values())
    rules = [(f"{Path(file).name}:{func}", tt, ct) for (file, _, func), (_, _, tt, ct, _) in stats.items()
             if "/kg/extract/" in file and Path(file).stem != "nlp"]
    return {
        "total_seconds": total,
        "areas": {area: {"seconds": t, "share": t / total} for area, t in areas.items()},
        "rules_by_self_time": [{"function": f, "self_seconds": tt, "cumulative_seconds": ct}
                               for f, tt, ct in sorted(rules, key=lambda r: -r[1])[:top]],
        "rules_by_cumulative_time": [{"function": f, "self_seconds": tt, "cumulative_seconds": ct}
                                     for f, tt, ct in sorted(rules, key=lambda r: -r[2])[:top]],
    }

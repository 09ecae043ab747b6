"""Check document graphs against the SHACL shapes (ontology/shapes.ttl and the fact shapes derived from
kg.ttl, kg.rdf.ontology.load_shapes) with pySHACL, one graph at a time."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.util import guess_format

from kg.errors import InputError, UsageError
from kg.rdf.namespaces import bind_prefixes
from kg.rdf.ontology import KGSH, VOCABULARY, load_graph, load_shapes
from kg.store.graphs import document_graphs
from kg.store.protocol import GraphStore

FORMATS = ("text", "turtle")
QUAD_FORMATS = {"trig", "nquads"}


@dataclass(frozen=True)
class Result:
    """One violation: the graph, the node, the property path, the offending value and why."""

    graph: URIRef | None
    focus: object
    path: object
    value: object
    message: str
    shape: object


@dataclass
class Report:
    """The outcome of validating some graphs."""

    graphs: int = 0
    results: list = field(default_factory=list)

    @property
    def conforms(self):
        """Return whether no graph broke a shape."""
        return not self.results


def validate_graphs(graphs: Iterable[Graph]) -> Report:
    """Validate each graph against the shapes, with the ontology beside it; return a Report."""
    import pyshacl  # slow to import: only validate needs it

    shapes, ontology = load_shapes(), load_graph(VOCABULARY)
    report = Report()
    for graph in graphs:
        report.graphs += 1
        conforms, results_graph, _ = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology,
                                                      inference="none", allow_warnings=False)
        if not conforms:
            name = graph.identifier if isinstance(graph.identifier, URIRef) else None
            report.results.extend(_results(results_graph, name))
    # one broken value can fail several constraints of a property shape that share one message
    report.results = sorted(set(report.results), key=lambda r: (str(r.graph), str(r.focus), str(r.path),
                                                                 r.message, str(r.value)))
    return report


def _results(results_graph, name):
    for node in results_graph.subjects(RDF.type, SH.ValidationResult):
        value = results_graph.value
        yield Result(name, value(node, SH.focusNode), value(node, SH.resultPath),
                     value(node, SH.value), str(value(node, SH.resultMessage) or ""),
                     value(node, SH.sourceShape))


def validate_store(store: GraphStore, progress: Any = None) -> Report:
    """Validate every document graph of a Store; progress.wrap, if given, counts the graphs as they go."""
    graphs = document_graphs(store)
    with _quiet_literals():
        return validate_graphs(progress.wrap(graphs) if progress is not None else graphs)


def validate_file(path: str | Path) -> Report:
    """Validate an RDF file: each named graph of TriG or N-Quads, else the file's one graph."""
    path = Path(path)
    fmt = guess_format(str(path))
    if fmt is None:
        raise UsageError(f"cannot tell the RDF format of {path}: name it .ttl, .nt, .trig, .nq, .jsonld or .rdf")
    with _quiet_literals():
        return validate_graphs(_parse(path, fmt))


def _parse(path, fmt):
    try:
        if fmt in QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            graphs = [g for g in dataset.graphs() if len(g)]
        else:
            graphs = [Graph(identifier=URIRef(path.resolve().as_uri())).parse(path, format=fmt)]
    except FileNotFoundError as exc:
        raise InputError(f"no file {path}") from exc
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise InputError(f"cannot parse {path} as {fmt}: {exc}") from exc
    return graphs


@contextmanager
def _quiet_literals():
    """Silence rdflib's traceback for each ill-typed literal: the report names them instead."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


# ---- output ----

def write_report(report: Report, fmt: str, out: TextIO) -> None:
    """Write a report to a text stream as readable lines or as a SHACL validation report in Turtle."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown report format {fmt!r}: use text or turtle")
    if fmt == "turtle":
        out.write(report_graph(report).serialize(format="turtle"))
        return
    names = bind_prefixes(Graph()).namespace_manager
    for r in report.results:
        where = f"{_short(r.graph, names)}: " if r.graph is not None else ""
        path = f" {_short(r.path, names)}" if r.path is not None else ""
        value = f" (value {_short(r.value, names)})" if r.value is not None else ""
        out.write(f"{where}{_short(r.focus, names)}{path}: {r.message}{value}\n")
    count = len(report.results)
    verdict = "conforms" if report.conforms else f"does not conform: {count} problem{'s' * (count > 1)}"
    out.write(f"{report.graphs} graph{'s' * (report.graphs != 1)} checked, {verdict}\n")


def _short(term, names):
    if isinstance(term, (URIRef, Literal)):
        return term.n3(names)
    return "[a blank node]" if isinstance(term, BNode) else str(term)


def report_graph(report):
    """Return the report as one sh:ValidationReport graph; kgsh:graph names each result's graph."""
    graph = bind_prefixes(Graph())
    graph.bind("sh", SH)
    graph.bind("kgsh", KGSH)
    root = BNode()
    graph.add((root, RDF.type, SH.ValidationReport))
    graph.add((root, SH.conforms, Literal(report.conforms)))
    for r in report.results:
        node = BNode()
        graph.add((root, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.resultSeverity, SH.Violation))
        for prop, value in ((SH.focusNode, r.focus), (SH.resultPath, r.path), (SH.value, r.value),
                            (SH.sourceShape, r.shape), (KGSH.graph, r.graph)):
            if value is not None and not isinstance(value, BNode):
                graph.add((node, prop, value))
        graph.add((node, SH.resultMessage, Literal(r.message)))
    return graph

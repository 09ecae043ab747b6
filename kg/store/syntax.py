"""RDF syntaxes, written and read by the store's engine (pyoxigraph): Turtle and TriG from N-Triples
lines, and N-Triples lines back to rdflib graphs."""

import re
from collections.abc import Iterable, Sequence
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.rdf.namespaces import PREFIXES, bind_prefixes
from kg.store.terms import to_rdflib


# a prefixed name whose local part ends in an escaped dot (doc:a\.) is valid Turtle that rdflib cannot
# read (measured: rdflib 7); such names are written as full IRIs. Inside a string a backslash is
# always doubled, so a token like this only ever is a name.
_TRAILING_DOT = re.compile(r"(?<!\S)([A-Za-z][\w-]*):((?:[^\s\\]|\\[_~.\-!$&'()*+,;=/?#@%])*\\\.)(?!\S)")
_ESCAPED = re.compile(r"\\(.)")


def _full_iris(text: str) -> str:
    """Write prefixed names ending in an escaped dot as full IRIs (see _TRAILING_DOT)."""
    def full(match):
        namespace = PREFIXES.get(match.group(1))
        if namespace is None:
            return match.group(0)
        local = _ESCAPED.sub(r"\1", match.group(2))
        return f"<{namespace}{local}>"
    return _TRAILING_DOT.sub(full, text)


def prefix_header() -> str:
    """Return the @prefix lines of every kg prefix, sorted, and a blank line."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"


def _prefixes() -> dict[str, str]:
    return {p: str(ns) for p, ns in PREFIXES.items()}


def serialize_graph(name: str, lines: Sequence[str], fmt: str) -> str:
    """Return one graph's N-Triples lines as Turtle or TriG, using kg's prefixes without declaring them."""
    # a triple several documents state comes with each in Turtle: parsed, they are one graph
    triples: Iterable[Any] = ox.parse("\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    if fmt == "trig":
        graph = ox.NamedNode(str(name))
        triples = (ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    data = cast(bytes, ox.serialize(triples, format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.TURTLE,
                                    prefixes=_prefixes())).decode("utf-8")
    # pyoxigraph declares the prefixes first, in no fixed order: the header declares them once
    body = data.split("\n")
    first = next((i for i, line in enumerate(body) if not line.startswith("@prefix ")), len(body))
    return _full_iris("\n".join(body[first:]) + "\n")


def turtle(ntriples: bytes) -> bytes:
    """Return N-Triples (one graph, or a union) as Turtle with kg's prefixes declared."""
    triples = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    data = cast(bytes, ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_prefixes()))
    return _full_iris(data.decode("utf-8")).encode("utf-8")


def rdflib_graph(name: str, lines: Sequence[str]) -> Graph:
    """Return N-Triples lines as an rdflib graph named name, lexical forms kept."""
    graph = bind_prefixes(Graph(identifier=URIRef(name)))
    for t in ox.parse("\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph

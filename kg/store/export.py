"""Write a store's graphs as N-Quads, TriG, N-Triples or Turtle, deterministically."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, BinaryIO, TextIO

from kg.errors import StoreError
from kg.rdf.formats import resolve, spellings
from kg.store.syntax import prefix_header, serialize_graph, turtle

if TYPE_CHECKING:
    from kg.store.protocol import GraphStore


def export(store: GraphStore, fmt: str, out: BinaryIO | TextIO) -> None:
    """Write every graph of the store to out (binary or text stream) as turtle, trig, nt or nq."""
    found = resolve(fmt)
    if found is None:
        raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(spellings())}")
    kind = found.name
    # N-Quads and TriG stream graph by graph; N-Triples and Turtle, the deduplicated union, do not
    chunks = {"nq": _nquads, "trig": _trig}.get(kind, lambda s: [_UNIONS[kind](s)])(store)
    for data in chunks:
        out.write(data.decode("utf-8") if isinstance(out, io.TextIOBase) else data)


def _nquads(store):
    """Yield the N-Quads of each graph in graph order, each sorted: one graph in memory at a time."""
    for g in store.graphs():
        yield "".join(f"{line[:-2]} <{g}> .\n" for line in store.ntriples(g)).encode("utf-8")


def _trig(store):
    """Yield the prefixes, then each graph as TriG, in graph order, each sorted."""
    yield prefix_header().encode("utf-8")
    for g in store.graphs():
        yield serialize_graph(g, store.ntriples(g), "trig").encode("utf-8")


def _nt(store):
    """Return the union of all graphs as sorted N-Triples: a triple several documents state, once."""
    lines = sorted({line for g in store.graphs() for line in store.ntriples(g)})
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def _turtle(store):
    """Return the union of all graphs as Turtle."""
    return turtle(_nt(store))


_UNIONS = {"nt": _nt, "turtle": _turtle}

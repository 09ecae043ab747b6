"""The one registry of output formats: what `kg extract`, `kg export` and `kg serve` can write.

Each format has a name (as the command line spells it), aliases, its media types (the first is its own)
and the commands that offer it. The writers stay with what they write (JSON lines of an extraction in
kg.rdf.jsonlines, JSON-LD in kg.rdf.jsonld, RDF syntaxes in the store); the commands ask this table
which formats there are.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TextIO


@dataclass(frozen=True)
class Format:
    """An output format."""

    name: str
    media_types: tuple[str, ...]
    commands: tuple[str, ...]  # "extract", "export" (the store as a file), "serve" (query answers)
    aliases: tuple[str, ...] = ()
    results: bool = False  # SPARQL solutions, not RDF

    @property
    def media_type(self) -> str:
        """Return the format's own media type."""
        return self.media_types[0]


FORMATS = (
    Format("jsonl", ("application/x-ndjson",), ("extract",)),
    Format("turtle", ("text/turtle",), ("extract", "export", "serve"), aliases=("ttl",)),
    Format("trig", ("application/trig",), ("extract", "export")),
    Format("nt", ("application/n-triples",), ("export", "serve"), aliases=("ntriples",)),
    Format("nq", ("application/n-quads",), ("export",), aliases=("nquads",)),
    Format("rdfxml", ("application/rdf+xml",), ("serve",)),
    Format("jsonld", ("application/ld+json",), ("export", "serve")),
    Format("srj", ("application/sparql-results+json", "application/json"), ("serve",), results=True),
    Format("srx", ("application/sparql-results+xml",), ("serve",), results=True),
    Format("csv", ("text/csv",), ("serve",), results=True),
    Format("tsv", ("text/tab-separated-values",), ("serve",), results=True),
)
BY_NAME = {f.name: f for f in FORMATS}
STORE_WRITTEN = ("turtle", "trig", "nt", "nq")  # exports the store writes itself; JSON-LD is kg.rdf.jsonld's


def names(command: str) -> tuple[str, ...]:
    """Return the names of the formats a command offers, in table order."""
    return tuple(f.name for f in FORMATS if command in f.commands)


def resolve(name: str, allowed: Iterable[str] = STORE_WRITTEN) -> Format | None:
    """Return the format a name or alias denotes among the allowed ones, or None."""
    return next((f for f in FORMATS if f.name in allowed and name in (f.name, *f.aliases)), None)


def spellings(allowed: Iterable[str] = STORE_WRITTEN) -> list[str]:
    """Return every name and alias of the allowed formats, sorted: for messages."""
    return sorted(n for f in FORMATS if f.name in allowed for n in (f.name, *f.aliases))


def served_media(results: bool) -> dict[str, Format]:
    """Return {media type: format} kg serve offers for solutions or for graphs, its default first."""
    served = [f for f in FORMATS if "serve" in f.commands and f.results == results]
    media = {f.media_type: f for f in served}
    media.update({m: f for f in served for m in f.media_types[1:]})
    return media


def by_media_type(media_type: str) -> Format:
    """Return the format of a media type."""
    return next(f for f in FORMATS if media_type in f.media_types)


class Record(Protocol):
    """A document graph as N-Triples lines (kg.rdf.graph.GraphRecord)."""

    name: str
    lines: Sequence[str]


def write_graphs(records: Iterable[Record], fmt: str, out: TextIO) -> None:
    """Write GraphRecords to a text stream as they come: Turtle (the union) or TriG (one named graph each)."""
    from kg.store.syntax import prefix_header, serialize_graph  # the engine loads only when graphs are written

    out.write(prefix_header())
    for record in records:
        out.write(serialize_graph(record.name, record.lines, fmt))

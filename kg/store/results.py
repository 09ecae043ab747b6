"""Query answers of the embedded store, serialised in the media types of kg.rdf.formats (kg serve)."""

import io

import pyoxigraph as ox
from rdflib import Literal

from kg.errors import QueryError
from kg.rdf.formats import by_media_type
from kg.store.terms import to_rdflib

# pyoxigraph's writer of each format kg serve answers in (kg.rdf.formats names them)
_RESULT_WRITERS = {"srj": ox.QueryResultsFormat.JSON, "srx": ox.QueryResultsFormat.XML,
                   "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_GRAPH_WRITERS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
                  "jsonld": ox.RdfFormat.JSON_LD}


class Result:
    """A query's answer as pyoxigraph gives it, serialised on demand in a media type of kg.rdf.formats."""

    def __init__(self, result):
        self._result = result

    @property
    def is_graph(self):
        """Tell whether the answer is a graph (CONSTRUCT, DESCRIBE) rather than solutions or a boolean."""
        return isinstance(self._result, ox.QueryTriples)

    def serialize(self, media_type, limit=None):
        """Return the answer in a media type (results or graph formats of kg.rdf.formats); past `limit`
        bytes, stop writing and raise ResultTooLarge (the rest of the answer is never computed)."""
        name = by_media_type(media_type).name
        writer = _GRAPH_WRITERS[name] if self.is_graph else _RESULT_WRITERS[name]
        if limit is None:
            return self._result.serialize(format=writer)
        out = _Capped(limit)
        self._result.serialize(out, format=writer)
        return out.getvalue()


class ResultTooLarge(QueryError):
    """A query's answer grew past the size limit."""


class _Capped(io.BytesIO):
    """A buffer that refuses to grow past `limit` bytes."""

    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def write(self, data):
        if self.tell() + len(data) > self.limit:
            raise ResultTooLarge(f"the answer is larger than {self.limit} bytes (the server's limit); "
                                 "add LIMIT, or ask for fewer variables")
        return super().write(data)


def solution_rows(result):
    """Return (variable names, rows of rdflib terms or None) of a pyoxigraph query answer."""
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [(Literal(bool(result)),)]
    if isinstance(result, ox.QueryTriples):
        rows = [tuple(to_rdflib(t) for t in (x.subject, x.predicate, x.object)) for x in result]
        return ["subject", "predicate", "object"], rows
    names = [v.value for v in result.variables]
    return names, [tuple(to_rdflib(solution[n]) for n in names) for solution in result]

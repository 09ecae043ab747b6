"""Query answers of the embedded store, serialised in the media types of kg.rdf.formats (kg serve)."""

import pyoxigraph as ox

from kg.rdf.formats import by_media_type

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

    def serialize(self, media_type):
        """Return the answer in a media type (results or graph formats of kg.rdf.formats)."""
        name = by_media_type(media_type).name
        writer = _GRAPH_WRITERS[name] if self.is_graph else _RESULT_WRITERS[name]
        return self._result.serialize(format=writer)

"""What `kg stats` counts in the store: its document graphs, not the summary in its default graph (kg.store.summary)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rdflib.namespace import RDF

from kg.rdf.namespaces import ENTITY, KG

if TYPE_CHECKING:
    from kg.store.protocol import GraphStore

_ENTITY_STATS = f"""
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  GRAPH ?g {{ ?e a ?type }}
  FILTER(STRSTARTS(STR(?e), "{ENTITY}") && STRSTARTS(STR(?type), "{KG}"))
}} GROUP BY ?type"""
_TRIPLE_STATS = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
_QUAD_STATS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_FACT_STATS = f"""
SELECT ?type (COUNT(?st) AS ?n) WHERE {{
  GRAPH ?g {{ ?st a <{KG.Statement}> ; <{RDF.predicate}> ?type }}
}} GROUP BY ?type"""


def store_stats(store: GraphStore) -> dict[str, Any]:
    """Return counts: documents, quads, distinct triples, entities by class, facts by predicate."""
    return {
        "documents": len(store.graphs()),
        "quads": _number(store, _QUAD_STATS),
        "triples": _number(store, _TRIPLE_STATS),  # distinct over all document graphs
        "entities": _counts(store, _ENTITY_STATS),
        "facts": _counts(store, _FACT_STATS),
    }


def _number(store, sparql):
    return int(cast(Any, store.query(sparql)[1][0][0]))


def _counts(store, sparql):
    _, rows = store.query(sparql)
    return {str(t).rsplit("#", 1)[-1]: int(cast(Any, n)) for t, n in sorted(rows)}

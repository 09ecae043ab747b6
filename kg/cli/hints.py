"""What an empty query answer means: the name that matched nothing and the nearest names, or the valid values."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kg.model import ENTITY_CLASSES
from kg.queries import StoredQuery

NAMES = """PREFIX kg: <http://kg.example.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?name WHERE { GRAPH ?g { ?e rdfs:label|kg:alias ?name } }"""
CLASSES = """SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?g { ?e a ?class }
  FILTER(STRSTARTS(STR(?e), "http://kg.example.org/id/") && STRSTARTS(STR(?class), "http://kg.example.org/ontology#"))
} GROUP BY ?class"""
KEYED = """PREFIX kg: <http://kg.example.org/ontology#>
SELECT ?e WHERE { GRAPH ?g { ?e kg:nameKey ?key } } LIMIT 1"""
NAME_PARAMS = ("entity", "other", "subject", "object")
NEAREST = 5

Runner = Callable[[str], Sequence[Sequence[Any]]]


def empty_answer(query: StoredQuery, bindings: Mapping[str, Any], select: Runner) -> str:
    """Return the line telling why query found no rows; select(sparql) returns the rows of a helper query."""
    if int(str(bindings.get("offset", 0))) > 0:
        return f"no rows from offset {bindings['offset']}: {query.name} has fewer rows than that"
    names = {key: str(value) for key, value in bindings.items() if key in NAME_PARAMS}
    if names:
        known = sorted({str(row[0]) for row in select(NAMES)}, key=str.casefold)
        folded = {name.casefold() for name in known}
        missing = [value for value in names.values() if value.casefold() not in folded]
        if missing:
            return "; ".join(_unknown(value, known) for value in missing)
        given = " and ".join(repr(value) for value in names.values())
        if not select(KEYED):  # the stored queries find names by kg:nameKey, which older ingests did not write
            return (f"no rows: {given} {'is' if len(names) == 1 else 'are'} in the store, but its graphs have no "
                    "kg:nameKey, by which the stored queries find names: ingest the documents again")
        return f"no rows: {given} {'is' if len(names) == 1 else 'are'} in the store, but {query.name} finds nothing"
    if "type" in bindings:
        counts = {str(c).rsplit("#", 1)[-1]: int(n) for c, n in select(CLASSES)}
        valid = ", ".join(f"{c} ({counts.get(c, 0)})" for c in ENTITY_CLASSES)
        return f"no entities of class {str(bindings['type'])!r}; the classes are {valid}"
    if query.name == "inline":
        return "no rows: the query given with -e found nothing"
    return f"no rows: {query.name} found nothing (is anything ingested? see kg stats)"


def _unknown(value, known):
    """Name a value no label or alias matches, with the nearest names in the store."""
    lowered = value.casefold()
    words = set(lowered.split())
    nearest = [name for name in known if lowered in name.casefold()][:NEAREST]
    nearest += [name for name in known if words & set(name.casefold().split()) and name not in nearest]
    nearest = nearest[:NEAREST]
    by_case = {name.casefold(): name for name in known}
    for close in difflib.get_close_matches(lowered, list(by_case), n=NEAREST, cutoff=0.6):
        if by_case[close] not in nearest and len(nearest) < NEAREST:
            nearest.append(by_case[close])
    if not nearest:
        return f"no entity called {value!r} (label or alias, any case); kg query entities-by-type lists them"
    return f"no entity called {value!r}; nearest names: " + ", ".join(nearest)

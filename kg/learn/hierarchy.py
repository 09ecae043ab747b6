"""The ontology's property hierarchy for learning: label with every super-property, predict the most specific.

kg writes the most specific property of a fact ("heads", not also "worksFor" and "leaderOf"), and so do
its training sentences. A model trained on that alone would learn "worksFor" as false wherever "heads"
holds. So training labels carry every super-property too, and a prediction keeps only the most
specific of the properties it finds for a pair (a query for kg:worksFor still finds kg:heads facts
through the ontology, as the scorer does).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable

from kg.extract.hierarchy import most_specific, super_properties
from kg.learn.records import DEFAULT_ONTOLOGY, Fact, Record

__all__ = ["most_specific", "super_properties", "with_super_properties"]


def with_super_properties(records: Iterable[Record], ontology: Path | str = DEFAULT_ONTOLOGY) -> list[Record]:
    """Return the records with each fact also stated for every super-property of its predicate."""
    supers = super_properties(ontology)
    out = []
    for record in records:
        facts = list(dict.fromkeys(
            f2 for f in record.facts
            for f2 in (f, *(Fact(f.head, f.tail, p) for p in sorted(supers.get(f.predicate, ()))))))
        out.append(replace(record, facts=tuple(facts)))
    return out

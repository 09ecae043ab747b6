"""The ontology's property hierarchy for learning: label with every super-property, predict the most specific.

kg writes the most specific property of a fact ("heads", not also "worksFor" and "leaderOf"), and so do
its training sentences. A model trained on that alone would learn "worksFor" as false wherever "heads"
holds. So training labels carry every super-property too, and a prediction keeps only the most
specific of the properties it finds for a pair (a query for kg:worksFor still finds kg:heads facts
through the ontology, as the scorer does).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from kg.learn.records import DEFAULT_ONTOLOGY, Fact, Record

# one property's description: from "kg:X a owl:ObjectProperty" to the line that ends it with " ."
_PROPERTY = re.compile(r"^kg:(\w+)\s+a\s+owl:ObjectProperty\b(.*?)\s\.\s*$", re.MULTILINE | re.DOTALL)
_SUPER = re.compile(r"rdfs:subPropertyOf\s+([^;]+)")


@lru_cache(maxsize=4)
def super_properties(ontology: Path | str = DEFAULT_ONTOLOGY) -> dict[str, frozenset[str]]:
    """Return {property: every property above it} from the ontology's rdfs:subPropertyOf statements."""
    text = Path(ontology).read_text(encoding="utf-8")
    direct: dict[str, set[str]] = {}
    for name, body in _PROPERTY.findall(text):
        direct[name] = {s for clause in _SUPER.findall(body) for s in re.findall(r"kg:(\w+)", clause)}
    closure = {}
    for name in direct:
        seen, todo = set(), list(direct[name])
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(direct.get(parent, ()))
        closure[name] = frozenset(seen)
    return closure


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


def most_specific(found: Sequence[tuple[int, int, str]], ontology: Path | str = DEFAULT_ONTOLOGY) -> list[int]:
    """Return the indices of the (head, tail, predicate) triples not implied by a more specific one found."""
    supers = super_properties(ontology)
    implied = {(h, t, p) for h, t, sub in found for p in supers.get(sub, ())}
    return [i for i, triple in enumerate(found) if triple not in implied]

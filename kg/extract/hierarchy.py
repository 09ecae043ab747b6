"""The ontology's property hierarchy: every property's super-properties, and the most specific of a pair's.

kg writes the most specific property of a fact ("heads", not also "worksFor" and "leaderOf"): a query for
kg:worksFor finds kg:heads facts through the ontology, as the scorer does. The extractor keeps the most
specific of what its sources read for a pair in one sentence (kg.extract.sources), the learned model of
what it predicts (kg.learn.hierarchy). A regex reads the ontology, keeping rdflib out of the import path.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "kg.ttl"
# one property's description: from "kg:X a owl:ObjectProperty" to the line that ends it with " ."
_PROPERTY = re.compile(r"^kg:(\w+)\s+a\s+owl:ObjectProperty\b(.*?)\s\.\s*$", re.MULTILINE | re.DOTALL)
_SUPER = re.compile(r"rdfs:subPropertyOf\s+([^;]+)")


@lru_cache(maxsize=4)
def super_properties(ontology: Path | str = ONTOLOGY) -> dict[str, frozenset[str]]:
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


def most_specific(found: Sequence[tuple[Any, Any, str]], ontology: Path | str = ONTOLOGY) -> list[int]:
    """Return the indices of the (head, tail, predicate) triples not implied by a more specific one found."""
    supers = super_properties(ontology)
    implied = {(h, t, p) for h, t, sub in found for p in supers.get(sub, ())}
    return [i for i, triple in enumerate(found) if triple not in implied]

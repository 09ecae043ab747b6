"""The entity classes as a tree (Place above Country, City and Region), for kg stats and the view's legend."""

from __future__ import annotations

from collections.abc import Mapping

from kg.model import PLACE_CLASSES

TOP = ("Person", "Organization", "Place", "Group")
CHILDREN = {"Place": PLACE_CLASSES}


def class_tree(counts: Mapping[str, int]) -> list[tuple[int, str, int]]:
    """Return (depth, class, entities) rows: each class once, a subclass under its parent.

    counts holds the distinct entities typed with each class; a Country is a Place too, so Place's
    number includes its subclasses, and "other Place" counts the places of no subclass. A class with
    no entity has no row, so kg stats lists exactly the view's legend.
    """
    rows = []
    for name in TOP:
        rows.append((0, name, counts.get(name, 0)))
        children = CHILDREN.get(name, ())
        for child in children:
            rows.append((1, child, counts.get(child, 0)))
        if children:
            other = counts.get(name, 0) - sum(counts.get(child, 0) for child in children)
            rows.append((1, f"other {name}", other))
    return [row for row in rows if row[2] > 0]


def plural(n: int, word: str, many: str | None = None) -> str:
    """Return "1 document", "2 documents" (or the given plural)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"

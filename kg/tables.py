"""Print query results: an aligned table, CSV or JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import TextIO

from rdflib import BNode

from kg.errors import UsageError
from kg.store.protocol import Row

FORMATS = ("table", "csv", "json")
TABLE_CELL = 60  # characters of a table cell before it is cut


def lexical(term):
    """Return how a result term is printed: lexical form, full IRI, _:id, or ''."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def write_results(variables: Sequence[str], rows: Sequence[Row], fmt: str, out: TextIO, full: bool = False) -> bool:
    """Write result rows to a text stream as table, csv or json; return whether a table cell was cut.

    A table cuts cells at TABLE_CELL characters unless full; csv and json always carry every value whole.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")
    cells = [[lexical(t) for t in row] for row in rows]
    if fmt == "table":
        return _table(variables, cells, out, full)
    {"csv": _csv, "json": _json}[fmt](variables, cells, rows, out)
    return False


def _table(variables, cells, out, full):
    flat = [[" ".join(c.split()) for c in row] for row in cells]  # a sentence's newlines would break the table
    shown = flat if full else [[_cell(c) for c in row] for row in flat]
    widths = [max([len(v)] + [len(r[i]) for r in shown]) for i, v in enumerate(variables)]
    line = "  ".join
    out.write(line(v.ljust(w) for v, w in zip(variables, widths)).rstrip() + "\n")
    out.write(line("-" * w for w in widths) + "\n")
    for row in shown:
        out.write(line(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")
    return shown != flat


def _cell(text):
    return text if len(text) <= TABLE_CELL else text[:TABLE_CELL - 1] + "…"


def _csv(variables, cells, rows, out):
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(variables)
    writer.writerows(cells)


def _json(variables, cells, rows, out):
    # unbound values become null, so "" and "absent" stay distinguishable
    records = [{v: (c if t is not None else None) for v, c, t in zip(variables, row, terms)}
               for row, terms in zip(cells, rows)]
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")

"""Stored SPARQL queries: find, describe, bind parameters, run locally or remotely (kg.tables prints the results).

Queries live as ``queries/*.rq`` at the top of the repository, beside the ``kg`` package,
so they are found in a checkout and in an editable install (``pip install -e .``).
``$KG_QUERIES`` (a directory) overrides that, and a path ending in ``.rq`` runs that file.
A regular wheel must ship them as ``kg/queries/*.rq`` (package data): that place is tried too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Literal
from rdflib.namespace import XSD

from kg.errors import QueryError, UsageError
from kg.rdf.iris import name_key
from kg.store.protocol import GraphStore, Row
from kg.store.terms import n3
from kg.tables import FORMATS, TABLE_CELL, lexical, write_results  # the output side, importable from here

if TYPE_CHECKING:
    from kg.remote.endpoint import Endpoint

QUERIES_ENV = "KG_QUERIES"
_PARAM = re.compile(r"#\s*param\s+(\w+)\s*(?:\(default\s+([^)]*)\))?\s*:\s*(.*)")
_INTEGER = re.compile(r"[+-]?[0-9]+")  # ASCII digits: \d would take "٠.٩", which SPARQL reads as no number
_DECIMAL = re.compile(r"[+-]?([0-9]+\.[0-9]*|\.[0-9]+)")
_COUNT = re.compile(r"[0-9]+")
PAGING = ("limit", "offset")  # the parameters of a listing query's page (LIMIT $limit OFFSET $offset)
_DAY = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?")
TODAY = "today"  # the default of a date parameter: the day the query runs
# strings, IRIs and comments are masked before looking for WHERE, so text inside them never matches
_OPAQUE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_DOLLAR = re.compile(r"\$(\w+)")
INLINE_PREFIXES = {"kg": "http://kg.example.org/ontology#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                   "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
                   "xsd": "http://www.w3.org/2001/XMLSchema#",
                   "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"}


@dataclass(frozen=True)
class Param:
    """A query parameter: a SPARQL variable bound from the command line."""

    name: str
    description: str
    default: str | None = None

    @property
    def required(self):
        """Return whether the parameter has no default."""
        return self.default is None


@dataclass(frozen=True)
class StoredQuery:
    """A .rq file: its name, summary line, parameters and text."""

    name: str
    path: Path
    summary: str
    params: tuple[Param, ...]
    text: str


def queries_dir():
    """Return the directory of stored queries."""
    override = os.environ.get(QUERIES_ENV)
    here = Path(__file__).resolve().parent
    candidates = [Path(override)] if override else [here.parent / "queries", here / "queries"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise QueryError(f"no stored queries found (looked in {', '.join(map(str, candidates))})")


def list_queries(directory: str | Path | None = None) -> list[StoredQuery]:
    """Return every stored query, sorted by name."""
    directory = Path(directory) if directory else queries_dir()
    return [_load(path) for path in sorted(directory.glob("*.rq"))]


def load_query(name: str, directory: str | Path | None = None) -> StoredQuery:
    """Return the stored query called name, or the .rq file at that path."""
    if name.endswith(".rq") and Path(name).is_file():
        return _load(Path(name))
    directory = Path(directory) if directory else queries_dir()
    path = directory / f"{name}.rq"
    if "/" in name or not path.is_file():
        known = ", ".join(q.name for q in list_queries(directory))
        raise UsageError(f"no stored query {name!r}: known queries are {known}")
    return _load(path)


def inline_query(text: str) -> StoredQuery:
    """Return a query given on the command line (kg query -e); its leading # param lines declare parameters.

    The prefixes kg, rdf, rdfs, owl, xsd and nif are declared for it unless it declares them itself.
    """
    declared = {m.lower() for m in re.findall(r"PREFIX\s+(\w*):", text, re.IGNORECASE)}
    header = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in INLINE_PREFIXES.items() if name not in declared)
    return replace(_parse("inline", Path("-e"), text), text=header + text)


def _load(path):
    return _parse(path.stem, path, path.read_text(encoding="utf-8"))


def _parse(name, path, text):
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    summary = header[0].lstrip("#").strip() if header else ""
    params = tuple(Param(m[1], m[3].strip(), m[2].strip() if m[2] else None)
                   for m in map(_PARAM.match, header[1:]) if m)
    return StoredQuery(name, path, summary, params, text)


# ---- parameters ----

def parse_params(query: StoredQuery, pairs: Iterable[str]) -> dict[str, Literal]:
    """Return {name: rdflib Literal} from KEY=VALUE strings, with defaults filled in."""
    known = {p.name: p for p in query.params}
    given = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(f"parameter {pair!r} is not KEY=VALUE")
        if key not in known:
            raise UsageError(f"query {query.name} has no parameter {key!r}: {_valid(query)}")
        if key in given:
            raise UsageError(f"parameter {key!r} is given twice")
        given[key] = value
    missing = [p.name for p in query.params if p.required and p.name not in given]
    if missing:
        raise UsageError(f"query {query.name} needs {', '.join(missing)}: {_valid(query)}")
    values = {p.name: given.get(p.name, p.default) for p in query.params}
    return {name: _checked(known[name], value) for name, value in values.items()}


def _valid(query):
    if not query.params:
        return "it takes no parameters"
    return "valid parameters are " + ", ".join(
        p.name if p.required else f"{p.name} (default {p.default})" for p in query.params)


def _checked(param, value):
    # a page's size and start go into LIMIT and OFFSET, which take a whole number and nothing else
    if param.name in PAGING and not _COUNT.fullmatch(value.strip()):
        raise UsageError(f"parameter {param.name} must be a whole number, 0 or more, not {value!r}")
    literal = typed_literal(value)
    # a numeric default means a numeric parameter: a word there would silently match nothing
    if param.default is not None and _is_number(param.default) and not _is_number(value):
        raise UsageError(f"parameter {param.name} must be a number, not {value!r}")
    # so does a date parameter (its default is "today"): "March" would compare as text, wrongly
    if param.default == TODAY and value != TODAY and not _DAY.fullmatch(value):
        raise UsageError(f"parameter {param.name} must be a date YYYY-MM-DD, YYYY-MM or YYYY, or {TODAY}, "
                         f"not {value!r}")
    return Literal(value) if param.default == TODAY else literal


def _is_number(value):
    return bool(_INTEGER.fullmatch(value.strip()) or _DECIMAL.fullmatch(value.strip()))


def typed_literal(value):
    """Return value as an xsd:integer, xsd:decimal or plain string literal."""
    text = value.strip()
    if _INTEGER.fullmatch(text):
        return Literal(text, datatype=XSD.integer, normalize=False)
    if _DECIMAL.fullmatch(text):
        try:
            Decimal(text)
            return Literal(text, datatype=XSD.decimal, normalize=False)
        except InvalidOperation:
            pass
    return Literal(value)


def bind(sparql, bindings):
    """Return sparql with a VALUES clause for each binding at the head of its outer WHERE group.

    `$name` in the text (outside strings, IRIs and comments) stands for the value itself, written as
    an RDF term like the VALUES clause: a constant lets Oxigraph use its indexes and a FILTER inside
    a GRAPH block test it, where ?name bound by VALUES is joined only at the end (measured: 3 s
    against 0.13 s for documents-mentioning on 2,225 articles).
    """
    if not bindings:
        return sparql
    sparql = _substitute(sparql, bindings)
    masked = _OPAQUE.sub(lambda m: " " * len(m.group()), sparql)
    match = _WHERE.search(masked)
    if match is None:
        raise QueryError("a query with parameters needs an explicit WHERE { ... }")
    values = "".join(f"\n  VALUES ?{name} {{ {n3(term)} }}" for name, term in bindings.items())
    return sparql[:match.end()] + values + sparql[match.end():]


def _substitute(sparql, bindings):
    """Return sparql with each $name of a binding replaced by its value as an RDF term.

    $name_key is the value's name key (kg:nameKey: lower-cased), $name_text the value as a plain string
    (an id like "001" is a string, not the number typed_literal makes of it); an integer goes bare,
    so that LIMIT $limit reads LIMIT 100.
    """
    masked = _OPAQUE.sub(lambda m: " " * len(m.group()), sparql)
    out, last = [], 0
    for match in _DOLLAR.finditer(masked):
        term = _dollar_term(match.group(1), bindings)
        if term is not None:
            out += [sparql[last:match.start()], term]
            last = match.end()
    return "".join(out) + sparql[last:]


def _dollar_term(name, bindings):
    base, _, suffix = name.rpartition("_")
    if name not in bindings and base in bindings and suffix in ("key", "text"):
        value = str(bindings[base])
        return n3(Literal(name_key(value) if suffix == "key" else value))
    if name not in bindings:
        return None
    term = bindings[name]
    return str(term) if isinstance(term, Literal) and term.datatype == XSD.integer else n3(term)


# ---- running ----

def run(query: StoredQuery, bindings: Mapping[str, Any] | None = None, store: GraphStore | None = None,
        endpoint: Endpoint | None = None) -> tuple[list[str], list[Row]]:
    """Run a stored query on a Store or a remote Endpoint; return (variables, rows).

    Both back-ends get the same text with the same VALUES clause, so they give the same rows
    (pyoxigraph's own substitutions only reach variables the query projects); a store with a complete
    summary graph runs a counting query's form in queries/summary/, which reads there what the query
    counts (the same rows, tested).
    """
    if (store is None) == (endpoint is None):
        raise UsageError("run a query on either the store or an endpoint")
    # parameters not given take their defaults: a page's LIMIT $limit must read a number
    defaults = {p.name: _checked(p, p.default) for p in query.params if p.default is not None}
    if store is not None:
        return store.query(bind(_counted(query, store).text, {**defaults, **(bindings or {})}))
    sparql = bind(query.text, {**defaults, **(bindings or {})})
    from kg.remote.endpoint import rows_from_json  # only remote runs need SPARQLWrapper
    assert endpoint is not None
    return rows_from_json(endpoint.select(sparql))


def _counted(query: StoredQuery, store: GraphStore) -> StoredQuery:
    """Return the query's form that reads the store's summary graph (queries/summary/, kg.store.summary)
    when it has one and the store's summary is complete, else the query itself (which counts)."""
    variant = query.path.parent / "summary" / query.path.name
    # only the stored query itself: kg query's hints run other text under its path (kg.cli.hints)
    if query.name == query.path.stem and variant.is_file() and store.summary_complete():
        return replace(query, text=variant.read_text(encoding="utf-8"))
    return query

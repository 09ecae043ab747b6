"""Settle each undated report on the dated event it reports, across the store's documents.

A report whose sentence gives no date is written with an event of its own key (kind, participants,
publication day: kg.rdf.events). Which dated event it joins depends on the other documents, so after
every ingest and forget this recomputes the link of every undated report from what the store holds
then: the outcome is a function of the set of documents, never of the order they came in. A report's
link depends only on the dated events of its own kind and participants (its key), so ingest and forget
settle only the keys of the graphs they wrote or removed: the work is theirs, however large the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kg.rdf.events import event_iri, event_triples, settled_day, undated_when
from kg.rdf.namespaces import KG
from kg.store import native as ox

if TYPE_CHECKING:
    from kg.store.protocol import GraphStore

_PREFIX = f"PREFIX kg: <{KG}>\n"
# %s: the VALUES of the keys to settle, or nothing for all; the events found from their agent and target
# first (with "a kg:Event, ?kind" first, Oxigraph read every event of a kind: 0.38 s against 0.07 s for
# 23 keys on 22,250 documents)
_DAYS = _PREFIX + """SELECT DISTINCT ?kind ?agent ?target ?date WHERE { %s GRAPH ?g {
  ?event kg:agent ?agent ; kg:target ?target ; a ?kind ; kg:date ?date . FILTER(?kind != kg:Event) } }"""
_UNDATED = _PREFIX + """SELECT ?g ?report ?event ?kind ?agent ?target ?published ?source WHERE { %s GRAPH ?g {
  ?event kg:agent ?agent ; kg:target ?target ; a ?kind . FILTER(?kind != kg:Event)
  ?report kg:reportOf ?event . FILTER NOT EXISTS { ?report kg:date ?date }
  ?g kg:sourceId ?source . OPTIONAL { ?g kg:published ?published } } }
ORDER BY ?g ?report"""
_KEYS = _PREFIX + """SELECT DISTINCT ?kind ?agent ?target WHERE { VALUES ?g { %s } GRAPH ?g {
  ?event a kg:Event, ?kind ; kg:agent ?agent ; kg:target ?target . FILTER(?kind != kg:Event) } }"""
BATCH = 200  # graphs or keys a query names in VALUES

Key = tuple[str, str, str]  # an event's kind, agent and target IRIs


def event_keys(store: GraphStore, graphs: Iterable[Any]) -> set[Key]:
    """Return the keys (kind, agent, target) of the events the graphs (IRIs) describe."""
    names = [str(ox.NamedNode(graph)) for graph in dict.fromkeys(str(g) for g in graphs)]
    return {(str(kind), str(agent), str(target)) for i in range(0, len(names), BATCH)
            for kind, agent, target in store.query(_KEYS % " ".join(names[i:i + BATCH]))[1]}


def settle_events(store: GraphStore, keys: Iterable[Key] | None = None) -> int:
    """Point every undated report (of those keys, else all) at the event kg.rdf.events' rule gives it
    now; return how many moved."""
    moved = 0
    for where in _batches(keys):
        moved += _settle(store, where)
    return moved


def _batches(keys):
    # no keys given: every report at once; else the keys a few hundred at a time, as VALUES
    if keys is None:
        return [""]
    rows = [" ".join(str(ox.NamedNode(iri)) for iri in key) for key in sorted(set(keys))]
    return ["VALUES (?kind ?agent ?target) { " + " ".join(f"({row})" for row in rows[i:i + BATCH]) + " }"
            for i in range(0, len(rows), BATCH)]


def _settle(store, where):
    days = defaultdict(list)
    for kind, agent, target, date in store.query(_DAYS % where)[1]:
        days[(_local(kind), str(agent), str(target))].append(str(date))
    moved = 0
    for graph, report, event, kind, agent, target, published, source in store.query(_UNDATED % where)[1]:
        name, day = _local(kind), str(published) if published is not None else None
        when = settled_day(day, days[(name, str(agent), str(target))]) or undated_when(day, str(source))
        if event_iri(name, str(agent), str(target), when) != str(event):
            store.update(_relink(graph, report, event, name, (str(agent), str(target)), when))
            moved += 1
    return moved


def _local(term: Any) -> str:
    return str(term)[len(str(KG)):]


def _relink(graph: Any, report: Any, old: Any, kind: str, pair: tuple[str, str], when: str) -> str:
    # one update, one transaction: the link moves, the new event is described in the report's graph,
    # and the old one's description goes when no other report of that graph points at it
    g, r, o, link = graph.n3(), report.n3(), old.n3(), f"<{KG.reportOf}>"
    new = " ".join(f"{s} {p} {v} ." for s, p, v in event_triples(ox.NamedNode(str(report)), kind, *pair, when))
    return (f"DELETE DATA {{ GRAPH {g} {{ {r} {link} {o} }} }} ;\n"
            f"INSERT DATA {{ GRAPH {g} {{ {new} }} }} ;\n"
            f"DELETE {{ GRAPH {g} {{ {o} ?p ?v }} }} WHERE {{ GRAPH {g} {{ {o} ?p ?v "
            f"FILTER NOT EXISTS {{ ?r {link} {o} }} }} }}")

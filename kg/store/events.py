"""Settle each undated report on the dated event it reports, across the store's documents.

A report whose sentence gives no date is written with an event of its own key (kind, participants,
publication day: kg.rdf.events). Which dated event it joins depends on the other documents, so after
every ingest and forget this recomputes the link of every undated report from what the store holds
then: the outcome is a function of the set of documents, never of the order they came in.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from kg.rdf.events import event_iri, event_triples, settled_day, undated_when
from kg.rdf.namespaces import KG
from kg.store import native as ox

if TYPE_CHECKING:
    from kg.store.protocol import GraphStore

_PREFIX = f"PREFIX kg: <{KG}>\n"
_DAYS = _PREFIX + """SELECT DISTINCT ?kind ?agent ?target ?date WHERE { GRAPH ?g {
  ?event a kg:Event, ?kind ; kg:date ?date ; kg:agent ?agent ; kg:target ?target . FILTER(?kind != kg:Event) } }"""
_UNDATED = _PREFIX + """SELECT ?g ?report ?event ?kind ?agent ?target ?published ?source WHERE { GRAPH ?g {
  ?report kg:reportOf ?event . FILTER NOT EXISTS { ?report kg:date ?date }
  ?event a kg:Event, ?kind ; kg:agent ?agent ; kg:target ?target . FILTER(?kind != kg:Event)
  ?g kg:sourceId ?source . OPTIONAL { ?g kg:published ?published } } }
ORDER BY ?g ?report"""


def settle_events(store: GraphStore) -> int:
    """Point every undated report at the event kg.rdf.events' rule gives it now; return how many moved."""
    days = defaultdict(list)
    for kind, agent, target, date in store.query(_DAYS)[1]:
        days[(_local(kind), str(agent), str(target))].append(str(date))
    moved = 0
    for graph, report, event, kind, agent, target, published, source in store.query(_UNDATED)[1]:
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

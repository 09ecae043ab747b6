"""One event however many reports: the key of an event, the IRI minted from it, and the rule that
settles an undated report on a dated event (README, "One event, many reports").

An event's key is its kind (the kg:Event subclass), its participants (entity IRIs; for a symmetric kind,
a call or a meeting, the pair in IRI order) and its date as the report states it. The IRI is a hash of
the key alone, so every document reporting the event names the same node, whichever came first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from rdflib.namespace import RDF

from kg.extract.relations import CATALOGUE
from kg.rdf.namespaces import EVENT, KG
from kg.store import native as ox

# An undated report joins a dated event of its kind and participants that happened on its publication
# day or up to this many days before: news reports what happened in the last few days, and a wider
# window would join the weekly calls of the same two leaders into one
WINDOW_DAYS = 3

SYMMETRIC_KINDS = frozenset(r.event for r in CATALOGUE if r.event and r.symmetric)

_TYPE, _EVENT, _REPORT_OF = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Event)), ox.NamedNode(str(KG.reportOf))
_AGENT, _TARGET, _DATE = ox.NamedNode(str(KG.agent)), ox.NamedNode(str(KG.target)), ox.NamedNode(str(KG.date))


def participants(kind: str, agent: str, target: str) -> tuple[str, str]:
    """Return an event's agent and target IRIs, in IRI order for a symmetric kind (A called B is B called A)."""
    return (min(agent, target), max(agent, target)) if kind in SYMMETRIC_KINDS else (agent, target)


def undated_when(published: str | None, doc_id: str) -> str:
    """Return the date part of an undated report's own key: its publication day, else its document."""
    return f"published:{published}" if published else f"document:{doc_id}"


def event_iri(kind: str, agent: str, target: str, when: str) -> str:
    """Return the IRI of the event of a kind between two entity IRIs at `when` (a date, or undated_when's)."""
    key = "\x1f".join((kind, *participants(kind, agent, target), when))
    return f"{EVENT}{kind.lower()}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:20]}"


def settled_day(published: str | None, days: Iterable[str]) -> str | None:
    """Return the day of the dated event an undated report published on `published` joins: the latest
    of `days` (YYYY-MM-DD; a month or a year is no day) within WINDOW_DAYS before publication, else None."""
    if not published or len(published) != 10:
        return None
    day = dt.date.fromisoformat(published)
    fits = [d for d in days if len(d) == 10 and 0 <= (day - dt.date.fromisoformat(d)).days <= WINDOW_DAYS]
    return max(fits, default=None)


def event_triples(report: Any, kind: str, agent: str, target: str, when: str,
                  date: Any = None) -> Iterator[tuple[Any, Any, Any]]:
    """Yield a report's link to its event and the event's description (pyoxigraph terms): its kind,
    agent, target and, from a dated report, its date (the literal `date`)."""
    event = ox.NamedNode(event_iri(kind, agent, target, when))
    first, second = participants(kind, agent, target)
    yield report, _REPORT_OF, event
    yield event, _TYPE, ox.NamedNode(str(KG[kind]))
    yield event, _TYPE, _EVENT
    yield event, _AGENT, ox.NamedNode(first)
    yield event, _TARGET, ox.NamedNode(second)
    if date is not None:
        yield event, _DATE, date

"""Turn an Extraction into RDF: one named graph per document."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.extract.relations import EVENT_CLASS
from kg.model import PLACE_CLASSES
from kg.model import Extraction
from kg.rdf.events import event_triples, undated_when
from kg.rdf.iris import clean_text, document_iri, entity_iri, fact_iri, name_key
from kg.rdf.namespaces import KG, NIF, bind_prefixes
from kg.store import native as ox
from kg.store.syntax import rdflib_graph
from kg.store.terms import to_rdflib



def _iri(value):
    """Return the pyoxigraph IRI of a string (an rdflib URIRef too)."""
    return ox.NamedNode(str(value))


@lru_cache(maxsize=256)
def _kg(name):
    """Return an ontology term, made once: the same few recur in every graph."""
    return _iri(KG[name])


_TYPE, _LABEL, _SAME_AS = _iri(RDF.type), _iri(RDFS.label), _iri(OWL.sameAs)
_SUBJECT, _PREDICATE, _OBJECT = _iri(RDF.subject), _iri(RDF.predicate), _iri(RDF.object)
_BEGIN, _END, _ANCHOR = _iri(NIF.beginIndex), _iri(NIF.endIndex), _iri(NIF.anchorOf)
_DECIMAL, _DATE = _iri(XSD.decimal), _iri(XSD.date)
_DATE_TYPES = {4: _iri(XSD.gYear), 7: _iri(XSD.gYearMonth), 10: _DATE}
_TRUE = ox.Literal("true", datatype=_iri(XSD.boolean))


def date_literal(value):
    """Return an xsd:date, xsd:gYearMonth or xsd:gYear literal for YYYY[-MM[-DD]]."""
    return ox.Literal(value, datatype=_DATE_TYPES[len(value)])


def to_graph(extraction: Extraction) -> Graph:
    """Return the named graph of one document: its entities, facts and their evidence."""
    graph = bind_prefixes(Graph(identifier=document_iri(extraction.document.id)))
    for triple in triples(extraction):
        graph.add(tuple(to_rdflib(term) for term in triple))
    return graph


def graph_name(extraction: Extraction) -> ox.NamedNode:
    """Return the pyoxigraph IRI naming the document's graph."""
    return _iri(document_iri(extraction.document.id))


def triples(extraction: Extraction) -> list[tuple[Any, Any, Any]]:
    """Return the document graph's distinct triples as tuples of pyoxigraph terms, in a fixed order."""
    return list(dict.fromkeys(_triples(extraction)))


def ntriples(extraction: Extraction) -> list[str]:
    """Return the document graph as N-Triples lines (no newline), in a fixed order."""
    return [f"{s} {p} {o} ." for s, p, o in triples(extraction)]


class GraphRecord(NamedTuple):
    """A document's graph as text, small to pass between processes: what a store write needs."""

    name: str  # the graph IRI
    lines: list  # N-Triples lines, no newline
    facts: int


def graph_record(extraction: Extraction) -> GraphRecord:
    """Return the GraphRecord of an extraction."""
    return GraphRecord(graph_name(extraction).value, ntriples(extraction), len(extraction.facts))


def record_graph(record: GraphRecord) -> Graph:
    """Return the rdflib graph of a GraphRecord."""
    return rdflib_graph(record.name, record.lines)


def nquads(extraction: Extraction) -> list[str]:
    """Return the document graph as N-Quads lines (no newline), in a fixed order."""
    name = graph_name(extraction)
    return [f"{s} {p} {o} {name} ." for s, p, o in triples(extraction)]


def _triples(extraction):
    doc = extraction.document
    doc_iri = graph_name(extraction)
    # every span IRI is the document's IRI plus a fragment: mint the prefix once
    spans = _Spans(doc_iri)
    yield from _document_triples(doc_iri, extraction)
    iris = {e.key: _iri(entity_iri(e.key, e.type)) for e in extraction.entities}
    for entity in extraction.entities:
        yield from _entity_triples(iris[entity.key], entity, spans)
    statements = set()
    for fact in extraction.facts:
        statements.add((yield from _fact_triples(doc_iri, doc, iris, fact, spans)))
    # the number of its statements, so that listing documents counts none (kg query documents)
    yield doc_iri, _kg("factCount"), ox.Literal(len(statements))


def _document_triples(doc_iri, extraction):
    doc = extraction.document
    yield doc_iri, _TYPE, _kg("Document")
    yield doc_iri, _kg("sourceId"), ox.Literal(doc.id)  # exactly as given: forget and push find it by it
    yield doc_iri, _kg("extractorVersion"), ox.Literal(extraction.extractor)
    if doc.published:
        yield doc_iri, _kg("published"), ox.Literal(doc.published, datatype=_DATE)
    if doc.title:
        yield doc_iri, _kg("title"), ox.Literal(clean_text(doc.title))


def _entity_triples(iri, entity, spans):
    yield iri, _TYPE, _kg(entity.type)
    if entity.type in PLACE_CLASSES:
        yield iri, _TYPE, _kg("Place")
    yield iri, _LABEL, ox.Literal(entity.label)
    for alias in entity.aliases:
        yield iri, _kg("alias"), ox.Literal(alias)
    # the lower-cased names, so stored queries find an entity by name in any case through the index
    # rather than by lower-casing every label of the store (kg.queries: $entity_key)
    for key in dict.fromkeys(name_key(name) for name in (entity.label, *entity.aliases)):
        yield iri, _kg("nameKey"), ox.Literal(key)
    for other in entity.same_as:
        yield iri, _SAME_AS, _iri(other)
    if entity.iso_code:
        yield iri, _kg("isoCode"), ox.Literal(entity.iso_code)
    for span in entity.mentions:
        mention = yield from spans.describe(span, "Mention")
        yield mention, _kg("refersTo"), iri


class _Spans:
    """Mints the IRIs of a document's character spans and describes each span once."""

    def __init__(self, doc_iri):
        self.doc_iri = doc_iri
        self.prefix = doc_iri.value + "#char="
        self.seen = set()

    def describe(self, span, cls):
        """Yield the triples of a span (once per class); return its IRI."""
        node = ox.NamedNode(f"{self.prefix}{span.start},{span.end}")
        if (node, cls) in self.seen:
            return node
        self.seen.add((node, cls))
        yield node, _TYPE, _kg(cls)
        yield node, _BEGIN, ox.Literal(span.start)
        yield node, _END, ox.Literal(span.end)
        yield node, _ANCHOR, ox.Literal(span.text)
        yield node, _kg("inDocument"), self.doc_iri
        return node


def _tenure_triples(node, fact):
    """Yield when a lasting fact began and ended: kg:startDate, kg:endDate, and kg:ended for any end."""
    if fact.start:
        yield node, _kg("startDate"), date_literal(fact.start)
    if fact.ended:
        # "former chairman" ends a post without saying when: kg:ended says so, kg:endDate only when known
        yield node, _kg("ended"), _TRUE
        if fact.end:
            yield node, _kg("endDate"), date_literal(fact.end)


def _fact_triples(doc_iri, doc, iris, fact, spans):
    subject, obj, prop = iris[fact.subject], iris[fact.object], _kg(fact.predicate)
    yield subject, prop, obj  # the plain triple, for simple queries
    node = _iri(fact_iri(doc.id, fact.subject, fact.predicate, fact.object, fact.sentence.start,
                         fact.subject_mention.start, fact.object_mention.start))
    yield node, _TYPE, _kg("Statement")
    yield node, _SUBJECT, subject
    yield node, _PREDICATE, prop
    yield node, _OBJECT, obj
    yield node, _kg("confidence"), ox.Literal(f"{fact.confidence:.3f}", datatype=_DECIMAL)
    yield node, _kg("rule"), ox.Literal(fact.rule)
    yield node, _kg("inDocument"), doc_iri
    sentence = yield from spans.describe(fact.sentence, "Sentence")
    yield node, _kg("evidence"), sentence
    for role, span, entity in (("subjectMention", fact.subject_mention, subject),
                               ("objectMention", fact.object_mention, obj)):
        # a pronoun or description resolved to the entity is a mention of it too
        mention = yield from spans.describe(span, "Mention")
        yield mention, _kg("refersTo"), entity
        yield node, _kg(role), mention
    if fact.date:
        yield node, _kg("date"), date_literal(fact.date)
    if fact.attributed_to:
        yield node, _kg("attributedTo"), iris[fact.attributed_to]
    yield from _tenure_triples(node, fact)
    event_class = EVENT_CLASS.get(fact.predicate)
    if event_class:
        yield from _report_triples(node, doc, subject, obj, iris, fact, event_class)
    return node


def _report_triples(node, doc, subject, obj, iris, fact, event_class):
    # the statement is one report of the event; the event node, keyed by kind, participants and
    # day, is shared by every document reporting it (kg.rdf.events), so where and how long stay here
    if fact.place:
        yield node, _kg("place"), iris[fact.place]
    if fact.duration:
        yield node, _kg("duration"), ox.Literal(fact.duration)
    when = fact.date or undated_when(doc.published, doc.id)
    date = date_literal(fact.date) if fact.date else None
    yield from event_triples(node, event_class, subject.value, obj.value, when, date)

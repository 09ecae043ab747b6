"""Turn an Extraction into RDF: one named graph per document."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .iris import clean_text, document_iri, entity_iri, fact_iri, mention_iri
from .namespaces import KG, NIF, bind_prefixes
from .relations import EVENT_CLASS

PLACE_CLASSES = {"Country", "City", "Region"}


def date_literal(value):
    """Return an xsd:date, xsd:gYearMonth or xsd:gYear literal for YYYY[-MM[-DD]]."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    return Literal(value, datatype=datatype)


def to_graph(extraction):
    """Return the named graph of one document: its entities, facts and their evidence."""
    doc = extraction.document
    graph = bind_prefixes(Graph(identifier=document_iri(doc.id)))
    doc_iri = graph.identifier
    _add_document(graph, doc_iri, extraction)
    iris = {e.key: entity_iri(e.key, e.type) for e in extraction.entities}
    for entity in extraction.entities:
        _add_entity(graph, doc_iri, doc.id, iris[entity.key], entity)
    for fact in extraction.facts:
        _add_fact(graph, doc_iri, doc.id, iris, fact)
    return graph


def _add_document(graph, doc_iri, extraction):
    doc = extraction.document
    graph.add((doc_iri, RDF.type, KG.Document))
    graph.add((doc_iri, KG.sourceId, Literal(clean_text(doc.id))))
    graph.add((doc_iri, KG.extractorVersion, Literal(extraction.extractor)))
    if doc.published:
        graph.add((doc_iri, KG.published, Literal(doc.published, datatype=XSD.date)))
    if doc.title:
        graph.add((doc_iri, KG.title, Literal(clean_text(doc.title))))


def _add_entity(graph, doc_iri, doc_id, iri, entity):
    graph.add((iri, RDF.type, KG[entity.type]))
    if entity.type in PLACE_CLASSES:
        graph.add((iri, RDF.type, KG.Place))
    graph.add((iri, RDFS.label, Literal(entity.label)))
    for alias in entity.aliases:
        graph.add((iri, KG.alias, Literal(alias)))
    for other in entity.same_as:
        graph.add((iri, OWL.sameAs, URIRef(other)))
    if entity.iso_code:
        graph.add((iri, KG.isoCode, Literal(entity.iso_code)))
    for span in entity.mentions:
        mention = _add_span(graph, doc_iri, doc_id, span, KG.Mention)
        graph.add((mention, KG.refersTo, iri))


def _add_span(graph, doc_iri, doc_id, span, cls):
    node = mention_iri(doc_id, span.start, span.end)
    graph.add((node, RDF.type, cls))
    graph.add((node, NIF.beginIndex, Literal(span.start)))
    graph.add((node, NIF.endIndex, Literal(span.end)))
    graph.add((node, NIF.anchorOf, Literal(span.text)))
    graph.add((node, KG.inDocument, doc_iri))
    return node


def _add_fact(graph, doc_iri, doc_id, iris, fact):
    subject, obj, prop = iris[fact.subject], iris[fact.object], KG[fact.predicate]
    graph.add((subject, prop, obj))  # the plain triple, for simple queries
    node = fact_iri(doc_id, fact.subject, fact.predicate, fact.object, fact.sentence.start,
                    fact.subject_mention.start, fact.object_mention.start)
    graph.add((node, RDF.type, KG.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, prop))
    graph.add((node, RDF.object, obj))
    graph.add((node, KG.confidence, Literal(f"{fact.confidence:.3f}", datatype=XSD.decimal)))
    graph.add((node, KG.rule, Literal(fact.rule)))
    graph.add((node, KG.inDocument, doc_iri))
    graph.add((node, KG.evidence, _add_span(graph, doc_iri, doc_id, fact.sentence, KG.Sentence)))
    for prop, span, entity in ((KG.subjectMention, fact.subject_mention, subject),
                               (KG.objectMention, fact.object_mention, obj)):
        # a pronoun or description resolved to the entity is a mention of it too
        mention = _add_span(graph, doc_iri, doc_id, span, KG.Mention)
        graph.add((mention, KG.refersTo, entity))
        graph.add((node, prop, mention))
    if fact.date:
        graph.add((node, KG.date, date_literal(fact.date)))
    if fact.attributed_to:
        graph.add((node, KG.attributedTo, iris[fact.attributed_to]))
    event_class = EVENT_CLASS.get(fact.predicate)
    if event_class:
        _add_event(graph, node, iris, fact, event_class)


def _add_event(graph, node, iris, fact, event_class):
    # the statement node doubles as the n-ary event: one node per happening and its evidence
    graph.add((node, RDF.type, KG[event_class]))
    graph.add((node, KG.agent, iris[fact.subject]))
    graph.add((node, KG.target, iris[fact.object]))
    if fact.place:
        graph.add((node, KG.place, iris[fact.place]))
    if fact.duration:
        graph.add((node, KG.duration, Literal(fact.duration)))


def write_graphs(graphs, fmt, out):
    """Write document graphs as Turtle (their union) or TriG (one named graph each) to a text stream."""
    from rdflib import Dataset

    if fmt == "turtle":
        union = bind_prefixes(Graph())
        for graph in graphs:
            union += graph
        out.write(union.serialize(format="turtle"))
        return
    dataset = bind_prefixes(Dataset())
    for graph in graphs:
        dataset.graph(graph.identifier).__iadd__(graph)
    out.write(dataset.serialize(format="trig"))

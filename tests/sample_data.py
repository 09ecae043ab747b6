"""Sample document graphs shaped like kg.rdf.graph.to_graph output, built by hand."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.rdf.events import event_iri, participants, undated_when
from kg.rdf.iris import document_iri, entity_iri, fact_iri, mention_iri, name_key
from kg.rdf.namespaces import KG, NIF, bind_prefixes

EVENTS = {"called": "Call", "met": "Meeting", "warned": "Warning", "attacked": "Attack",
          "annexed": "Annexation", "accused": "Accusation"}
PLACES = {"Country", "City", "Region"}
TRICKY = 'He said "stop" \\ } }} """ \'\'\' \n\t end ; DROP ALL ; é ✓'

# Sample values for every stored query parameter, chosen so each query returns rows.
QUERY_PARAMS = {"entity": "putin", "other": "JOE BIDEN", "subject": "Joe Biden", "predicate": "called",
                "object": "Putin", "type": "person", "source": "news/001.txt", "min_confidence": "0.7",
                "date": "2024-01-01", "limit": "100", "offset": "0"}


def doc_graph(doc_id, entities, facts, published=None, title=None):
    """Return a document graph: entities {key: (label, type, aliases, mentions)}, facts dicts."""
    graph = bind_prefixes(Graph(identifier=document_iri(doc_id)))
    doc = graph.identifier
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, KG.sourceId, Literal(doc_id)))
    graph.add((doc, KG.extractorVersion, Literal("kg-test 0")))
    if published:
        graph.add((doc, KG.published, Literal(published, datatype=XSD.date)))
    if title:
        graph.add((doc, KG.title, Literal(title)))
    iris = {key: entity_iri(key, spec[1]) for key, spec in entities.items()}
    for key, (label, etype, aliases, mentions) in entities.items():
        _entity(graph, doc_id, iris[key], label, etype, aliases, mentions)
    for fact in facts:
        _fact(graph, doc_id, iris, fact, published)
    graph.add((doc, KG.factCount, Literal(len(facts))))  # as kg.rdf.graph writes it: kg query documents shows it
    return graph


def _span(graph, doc_id, start, end, text, cls):
    node = mention_iri(doc_id, start, end)
    graph.add((node, RDF.type, cls))
    graph.add((node, NIF.beginIndex, Literal(start)))
    graph.add((node, NIF.endIndex, Literal(end)))
    graph.add((node, NIF.anchorOf, Literal(text)))
    graph.add((node, KG.inDocument, graph.identifier))
    return node


def _entity(graph, doc_id, iri, label, etype, aliases, mentions):
    graph.add((iri, RDF.type, KG[etype]))
    if etype in PLACES:
        graph.add((iri, RDF.type, KG.Place))
    graph.add((iri, RDFS.label, Literal(label)))
    for alias in aliases:
        graph.add((iri, KG.alias, Literal(alias)))
    for name in (label, *aliases):  # as kg.rdf.graph writes them: the stored queries find names by these
        graph.add((iri, KG.nameKey, Literal(name_key(name))))
    for start, end, text in mentions:
        graph.add((_span(graph, doc_id, start, end, text, KG.Mention), KG.refersTo, iri))


def _fact(graph, doc_id, iris, fact, published):
    s, p, o = iris[fact["s"]], KG[fact["p"]], iris[fact["o"]]
    start, end, sentence = fact["sentence"]
    graph.add((s, p, o))
    node = fact_iri(doc_id, fact["s"], fact["p"], fact["o"], start)
    for prop, value in ((RDF.type, KG.Statement), (RDF.subject, s), (RDF.predicate, p),
                        (RDF.object, o), (KG.rule, Literal(fact.get("rule", "test-rule"))),
                        (KG.inDocument, graph.identifier),
                        (KG.confidence, Literal(fact["conf"], datatype=XSD.decimal))):
        graph.add((node, prop, value))
    graph.add((node, KG.evidence, _span(graph, doc_id, start, end, sentence, KG.Sentence)))
    graph.add((node, KG.subjectMention, mention_iri(doc_id, start, start + 3)))
    graph.add((node, KG.objectMention, mention_iri(doc_id, end - 4, end - 1)))
    date = None
    if fact.get("date"):
        date = Literal(fact["date"], datatype={4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(fact["date"])])
        graph.add((node, KG.date, date))
    if fact.get("by"):
        graph.add((node, KG.attributedTo, iris[fact["by"]]))
    if fact["p"] in EVENTS:
        _report(graph, node, EVENTS[fact["p"]], s, o, fact.get("date") or undated_when(published, doc_id), date)
        if fact.get("place"):
            graph.add((node, KG.place, iris[fact["place"]]))


def _report(graph, node, kind, s, o, when, date):
    """Add a statement's link to its event and the event's description, as kg.rdf.events keys it."""
    event = URIRef(event_iri(kind, str(s), str(o), when))
    agent, target = participants(kind, str(s), str(o))
    graph.add((node, KG.reportOf, event))
    for p, value in ((RDF.type, KG[kind]), (RDF.type, KG.Event), (KG.agent, URIRef(agent)),
                     (KG.target, URIRef(target))):
        graph.add((event, p, value))
    if date is not None:
        graph.add((event, KG.date, date))


def sample_graph_list():
    """Return two document graphs about Biden, Putin, Russia and Ukraine."""
    one = {"biden": ("Joe Biden", "Person", ("Biden",), [(0, 9, "Joe Biden"), (120, 125, "Biden")]),
           "putin": ("Vladimir Putin", "Person", ("Putin",), [(17, 31, "Vladimir Putin")]),
           "russia": ("Russia", "Country", (), [(60, 66, "Russia")]),
           "ukraine": ("Ukraine", "Country", (), [(76, 83, "Ukraine")])}
    s1, s2, s3 = ((0, 45, "Joe Biden called Vladimir Putin on Saturday."),
                  (46, 110, "Russia attacked Ukraine in February, Biden said; Putin leads Russia."),
                  (111, 160, f"Biden warned Putin. {TRICKY}"))
    facts_one = [
        {"s": "biden", "p": "called", "o": "putin", "conf": "0.900", "date": "2022-02-12", "sentence": s1},
        {"s": "russia", "p": "attacked", "o": "ukraine", "conf": "0.8", "date": "2022-02",
         "by": "biden", "sentence": s2},
        {"s": "putin", "p": "leaderOf", "o": "russia", "conf": "0.95", "sentence": s2},
        {"s": "biden", "p": "warned", "o": "putin", "conf": "0.65", "date": "2022-02-12", "sentence": s3}]
    two = {"biden": ("Joe Biden", "Person", ("President Biden",), [(4, 13, "Joe Biden")]),
           "putin": ("Vladimir Putin", "Person", ("Putin",), [(20, 25, "Putin"), (90, 95, "Putin")]),
           "russia": ("Russia", "Country", ("Russian Federation",), [(50, 56, "Russia")]),
           "crimea": ("Crimea", "Region", (), [(65, 71, "Crimea")]),
           "geneva": ("Geneva", "City", (), [(30, 36, "Geneva")])}
    t1, t2, t3 = ((0, 40, "Putin met Joe Biden in Geneva in June."),
                  (41, 80, "Russia annexed Crimea in 2014."),
                  (81, 120, "Biden accused Putin of lying."))
    facts_two = [
        {"s": "putin", "p": "met", "o": "biden", "conf": "0.85", "date": "2021-06-16",
         "place": "geneva", "sentence": t1},
        {"s": "russia", "p": "annexed", "o": "crimea", "conf": "0.9", "date": "2014", "sentence": t2},
        {"s": "biden", "p": "accused", "o": "putin", "conf": "0.6", "sentence": t3}]
    return [doc_graph("news/001.txt", one, facts_one, "2022-02-13", TRICKY),
            doc_graph("news/002.txt", two, facts_two, "2021-06-17")]


def local_quads_by_graph(store):
    """Return {graph IRI: set of N-Triples statements} of a kg store."""
    return {str(g): set(store.ntriples(g)) for g in store.graphs()}

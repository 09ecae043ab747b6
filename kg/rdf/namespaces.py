"""Namespaces and the ontology terms kg writes, in one place."""

from rdflib import Namespace
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, DCTERMS, PROV

from kg.model import COARSE_CLASS, ENTITY_CLASSES

KG = Namespace("http://kg.example.org/ontology#")
ENTITY = Namespace("http://kg.example.org/id/")
DOC = Namespace("http://kg.example.org/doc/")
FACT = Namespace("http://kg.example.org/fact/")
EVENT = Namespace("http://kg.example.org/event/")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
GEONAMES = Namespace("https://sws.geonames.org/")

PREFIXES = {
    "kg": KG, "person": ENTITY["person/"], "org": ENTITY["organization/"], "place": ENTITY["place/"],
    "group": ENTITY["group/"], "doc": DOC, "fact": FACT, "event": EVENT, "rdf": RDF, "rdfs": RDFS, "owl": OWL,
    "xsd": XSD, "skos": SKOS, "prov": PROV, "schema": SCHEMA, "nif": NIF, "dcterms": DCTERMS,
}


# Every ontology term the code writes: a test checks each exists in ontology/*.ttl.
USED_TERMS = (
    *ENTITY_CLASSES, "Entity", "Event", "Document", "Mention", "Sentence", "Statement", "Extractor", "Link",
    "confidence", "date", "evidence", "subjectMention", "objectMention", "inDocument", "refersTo",
    "rule", "attributedTo", "sourceId", "published", "title", "extractorVersion", "factCount", "alias", "nameKey",
    "isoCode", "agent", "target", "place", "duration", "asserts", "eventClass", "reportOf",
    "Summary", "factTotal", "documentTotal", "reportTotal", "statementTotal", "endedUntil",  # kg.store.summary
)


def bind_prefixes(graph):
    """Bind kg's prefixes on an rdflib graph or dataset."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph

"""Convert RDF terms between rdflib, pyoxigraph and SPARQL JSON results, keeping lexical forms."""

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

_STRING = str(XSD.string)


def to_oxigraph(term):
    """Return the pyoxigraph term of an rdflib term or a plain Python value."""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if not isinstance(term, Literal):
        term = Literal(term)  # rdflib picks xsd:integer, xsd:decimal, xsd:boolean, ...
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def to_rdflib(term):
    """Return the rdflib term of a pyoxigraph term (None stays None); lexical forms are kept."""
    if term is None or isinstance(term, (URIRef, BNode, Literal)):
        return term
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _STRING:
            return Literal(term.value)  # so rows compare equal with servers that omit xsd:string
        return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
    return Literal(str(term))  # an RDF-star triple: kg never writes one


def n3(term):
    """Return a term in N-Triples syntax, escaped so it is safe to splice into SPARQL."""
    return str(to_oxigraph(term))


def term_from_json(value):
    """Return the rdflib term of one SPARQL JSON results binding."""
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype != _STRING:
        return Literal(value["value"], datatype=URIRef(datatype), normalize=False)
    return Literal(value["value"])

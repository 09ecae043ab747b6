"""The store's own RDF terms (pyoxigraph's), which kg.rdf.graph builds document graphs from, so that a
write needs no conversion and every term is printed in N-Triples by the store, never pasted text."""

from pyoxigraph import Literal, NamedNode

__all__ = ["Literal", "NamedNode"]

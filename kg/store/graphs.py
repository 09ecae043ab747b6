"""Read the store's document graphs as rdflib Graphs, for the modules that work on whole graphs."""

from collections.abc import Iterator

from rdflib import Graph, URIRef

from kg.store.protocol import GraphStore


def document_graph(store: GraphStore, name: URIRef) -> Graph:
    """Return one graph of a Store (by IRI) as an rdflib Graph named by that IRI."""
    graph = Graph(identifier=name)
    graph.parse(data="\n".join(store.ntriples(name)), format="nt")
    return graph


def document_graphs(store: GraphStore) -> Iterator[Graph]:
    """Yield every document graph of a Store as an rdflib Graph, in IRI order."""
    for name in store.graphs():
        yield document_graph(store, name)

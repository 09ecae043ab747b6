"""Read the store's document graphs as rdflib Graphs, for the modules that work on whole graphs."""

from rdflib import Graph


def document_graph(store, name):
    """Return one graph of a Store (by IRI) as an rdflib Graph named by that IRI."""
    graph = Graph(identifier=name)
    graph.parse(data="\n".join(store.ntriples(name)), format="nt")
    return graph


def document_graphs(store):
    """Yield every document graph of a Store as an rdflib Graph, in IRI order."""
    for name in store.graphs():
        yield document_graph(store, name)

"""Link the store's entities to Wikidata items: owl:sameAs with a confidence, never a guess.

Score of a candidate (an item of the right type, see kg.remote.wikidata):
  name     1.0 the entity's label is the item's label      0.8 the entity's label is an alias of the item
           0.6 an alias of the entity is the item's label  0.5 an alias of the entity is an alias of the item
  context  +0.5 for each item already linked from an entity of the same documents that the candidate
           has a statement with (either way), at most +1.0; asked only when names alone do not decide.
The best candidate is linked when it scores at least 0.6 and leads the runner-up by at least 0.25;
otherwise the entity stays unlinked (ambiguous). Confidence = min(best, 1) * best / (best + runner-up),
at most 0.95: a unique exact name of the right type is strong evidence, not proof.

Links are written into each document graph that has the entity (the triple, and a kg:Link node
carrying the confidence), so `kg forget` takes them away with the document; re-ingesting a
document drops its links until the next `kg link wikidata`, which answers from its cache.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from kg.rdf.iris import fact_iri
from kg.rdf.namespaces import KG
from kg.remote.wikidata import CACHE_NAME, CLASSES, WD, WIKIDATA_SPARQL, Client
from kg.store.graphs import document_graph
from kg.store.protocol import GraphStore

NAME_SCORES = {("label", "label"): 1.0, ("label", "alias"): 0.8, ("alias", "label"): 0.6, ("alias", "alias"): 0.5}
CONTEXT_BONUS, CONTEXT_MAX = 0.5, 1.0
MIN_SCORE, MARGIN, MAX_CONFIDENCE = 0.6, 0.25, 0.95
SPECIFIC = ("Person", "Organization", "Country", "City", "Region", "Place")  # the first a kg type has decides
ENTITIES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <http://kg.example.org/ontology#>
SELECT DISTINCT ?g ?e ?type ?name ?kind WHERE {
  GRAPH ?g {
    ?e a ?type .
    { ?e rdfs:label ?name BIND("label" AS ?kind) } UNION { ?e kg:alias ?name BIND("alias" AS ?kind) }
  }
  VALUES ?type { kg:Person kg:Organization kg:Country kg:City kg:Region kg:Place }
}"""


@dataclass
class Entity:
    """An entity of the store as the linker sees it: its names, kg type and documents."""

    iri: str
    types: set = field(default_factory=set)
    names: dict = field(default_factory=dict)  # name -> "label" or "alias"
    graphs: set = field(default_factory=set)

    @property
    def type(self):
        """Return the most specific kg class that has Wikidata classes."""
        return next(t for t in SPECIFIC if t in self.types)

    @property
    def label(self):
        """Return one label, for reports."""
        return min((n for n, k in self.names.items() if k == "label"), default=self.iri)


@dataclass
class Summary:
    """What a linking run did."""

    linked: dict = field(default_factory=dict)  # entity IRI -> (item IRI, confidence)
    ambiguous: dict = field(default_factory=dict)  # entity IRI -> candidate item IRIs
    labels: dict = field(default_factory=dict)  # entity IRI -> label
    unmatched: int = 0
    graphs_written: int = 0
    requests: int = 0
    cached: int = 0


def read_entities(store):
    """Return {IRI: Entity} of the store's people, organisations and places."""
    entities: dict[str, Entity] = {}
    for graph, iri, cls, name, kind in store.query(ENTITIES)[1]:
        entity = entities.setdefault(str(iri), Entity(str(iri)))
        entity.types.add(str(cls)[len(KG):])
        entity.graphs.add(str(graph))
        if entity.names.get(str(name)) != "label":
            entity.names[str(name)] = str(kind)
    return entities


def name_scores(entity, candidates):
    """Return {item: best name score} of the candidates whose P31 fits the entity's type."""
    accepted = set(CLASSES[entity.type])
    scores: dict[str, float] = {}
    for c in candidates:
        kind = entity.names.get(c.name)
        if kind and c.type in accepted:
            scores[c.item] = max(scores.get(c.item, 0.0), NAME_SCORES[(kind, c.how)])
    return scores


def decide(scores):
    """Return (item, confidence) when one candidate clearly wins, else None."""
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    best = ranked[0][1]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if best - second < MARGIN:
        return None
    return ranked[0][0], round(min(MAX_CONFIDENCE, min(best, 1.0) * best / (best + second)), 2)


def link_entities(entities, client):
    """Return ({IRI: (item, confidence)}, {IRI: [items]} left ambiguous, count without candidate)."""
    by_class = defaultdict(set)
    for entity in entities.values():
        by_class[entity.type].update(entity.names)
    found = [c for cls, names in sorted(by_class.items()) for c in client.candidates(names, CLASSES[cls])]
    per_name = defaultdict(list)
    for candidate in found:
        per_name[candidate.name].append(candidate)
    scores = {iri: name_scores(e, [c for n in e.names for c in per_name[n]]) for iri, e in entities.items()}
    links = {iri: d for iri, s in scores.items() if (d := decide(s))}
    open_ = {iri: s for iri, s in scores.items() if iri not in links and len(s) > 1}
    links.update(_by_context(entities, open_, links, client))
    ambiguous = {iri: sorted(s) for iri, s in scores.items() if iri not in links and s}
    return links, ambiguous, sum(1 for s in scores.values() if not s)


def _by_context(entities, open_, links, client):
    """Decide the open entities with the items linked from their documents' other entities."""
    context = {iri: {links[o][0] for o in entities if o in links and entities[o].graphs & entities[iri].graphs}
               for iri in open_}
    items = {item for scores in open_.values() for item in scores}
    pairs = client.neighbours(items, set().union(*context.values())) if items else set()
    decided = {}
    for iri, scores in open_.items():
        boosted = {item: score + min(CONTEXT_MAX, CONTEXT_BONUS * sum((item, o) in pairs for o in context[iri]))
                   for item, score in scores.items()}
        if (d := decide(boosted)):
            decided[iri] = d
    return decided


def link_triples(entity, item, confidence, graph):
    """Return the triples of one link in one document graph: the plain triple and its kg:Link node."""
    node = fact_iri(str(graph), entity, "sameAs", item)
    entity, item = URIRef(entity), URIRef(item)
    return [(entity, OWL.sameAs, item), (node, RDF.type, KG.Link), (node, RDF.subject, entity),
            (node, RDF.predicate, OWL.sameAs), (node, RDF.object, item),
            (node, KG.confidence, Literal(_decimal(confidence), datatype=XSD.decimal)),
            (node, KG.inDocument, URIRef(graph))]


def _decimal(number):
    """Return a number's canonical xsd:decimal form (as the store keeps it), to two places."""
    return f"{number:.2f}".rstrip("0").rstrip(".")


def write_links(store, entities, links):
    """Rewrite each document graph's Wikidata links to the given ones; return how many graphs changed."""
    wanted = defaultdict(set)
    for iri, (item, confidence) in links.items():
        for graph in entities[iri].graphs:
            wanted[graph].update(link_triples(iri, item, confidence, graph))
    changed = 0
    for name in store.graphs():
        graph = document_graph(store, name)
        old = {t for t in graph if _is_wikidata_link(graph, t)}
        if old != wanted.get(str(name), set()):
            for triple in old:
                graph.remove(triple)
            for triple in wanted.get(str(name), ()):
                graph.add(triple)
            store.replace_graph(graph)
            changed += 1
    return changed


def _is_wikidata_link(graph, triple):
    subject, predicate, obj = triple
    if predicate == OWL.sameAs:
        return str(obj).startswith(WD)
    return (subject, RDF.type, KG.Link) in graph and str(graph.value(subject, RDF.object)).startswith(WD)


def link_wikidata(store: GraphStore, endpoint: str = WIKIDATA_SPARQL, timeout: float = 60.0) -> Summary:
    """Link the entities of a store (open for writing) to Wikidata through endpoint; return a Summary."""
    entities = read_entities(store)
    client = Client(endpoint, store.side_file(CACHE_NAME), timeout=timeout)
    links, ambiguous, unmatched = link_entities(entities, client)
    written = write_links(store, entities, links)
    return Summary(links, ambiguous, {iri: e.label for iri, e in entities.items()}, unmatched, written,
                   client.requests, client.cached)

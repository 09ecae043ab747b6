"""Every ontology term the code writes is declared in ontology/*.ttl, with label, comment, domain, range."""

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.namespaces import KG, USED_TERMS
from kg.extract.relations import CATALOGUE

ONTOLOGY = Graph()
for path in sorted((Path(__file__).parent.parent / "ontology").glob("*.ttl")):
    ONTOLOGY.parse(path)

REQUIRED = ["Person", "Organization", "Place", "Group", "Event", "Document", "Mention", "worksFor", "leaderOf",
            "memberOf", "livesIn", "basedIn", "locatedIn", "killed", "attacked", "called", "met", "visited",
            "annexed", "accused", "supports", "warned", "sanctioned", "alliedWith", "predecessorOf", "acquitted",
            "heads", "hasBureauIn"]


@pytest.mark.parametrize("name", sorted(set(USED_TERMS) | set(REQUIRED) | {r.name for r in CATALOGUE}
                                        | {r.event for r in CATALOGUE if r.event}))
def test_namespaces_term_declared(name):
    term = KG[name]
    assert (term, RDF.type, None) in ONTOLOGY, f"kg:{name} is not declared"
    assert (term, RDFS.label, None) in ONTOLOGY and (term, RDFS.comment, None) in ONTOLOGY


def test_namespaces_properties_have_domain_and_range():
    for prop in set(ONTOLOGY.subjects(RDF.type, OWL.ObjectProperty)) | set(
            ONTOLOGY.subjects(RDF.type, OWL.DatatypeProperty)):
        assert (prop, RDFS.domain, None) in ONTOLOGY, prop
        assert (prop, RDFS.range, None) in ONTOLOGY, prop


def test_namespaces_heading_an_organisation_is_work_leading_a_state_is_not():
    assert (KG.heads, RDFS.subPropertyOf, KG.worksFor) in ONTOLOGY
    assert (KG.heads, RDFS.subPropertyOf, KG.leaderOf) in ONTOLOGY
    assert (KG.leaderOf, RDFS.subPropertyOf, KG.worksFor) not in ONTOLOGY


def test_namespaces_event_classes_are_events():
    for relation in CATALOGUE:
        if relation.event:
            assert (KG[relation.event], RDFS.subClassOf, KG.Event) in ONTOLOGY
            assert (KG[relation.name], KG.eventClass, KG[relation.event]) in ONTOLOGY

"""Find and load the files of ontology/: the vocabulary, its SHACL shapes and its JSON-LD context.

The vocabulary (kg.ttl) is the one place a fact property is declared: its domain-and-range shape
(`fact_shapes`) and its JSON-LD term (`load_context`) are derived from it at run time, so adding a
relation touches the catalogue (kg/extract/relations.py) and kg.ttl only.

Like the stored queries, they live beside the ``kg`` package in a checkout or an editable install;
a wheel ships them as ``kg/ontology/`` (package data), which is tried too.
"""

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.errors import KGError
from kg.rdf.namespaces import KG

KGSH = Namespace("http://kg.example.org/shapes#")
VOCABULARY = "kg.ttl"
SHAPES = "shapes.ttl"
CONTEXT = "context.jsonld"


def ontology_file(name):
    """Return the path of a file of the ontology directory."""
    here = Path(__file__).resolve().parent
    candidates = [here.parents[1] / "ontology" / name, here.parent / "ontology" / name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise KGError(f"ontology file {name} not found (looked in {', '.join(map(str, candidates))})")


@lru_cache(maxsize=None)
def _parsed(name):
    return Graph().parse(ontology_file(name), format="turtle")


def load_graph(name):
    """Return a fresh copy of an ontology Turtle file as an rdflib Graph."""
    copy = Graph()
    for prefix, namespace in _parsed(name).namespaces():
        copy.bind(prefix, namespace, override=True)
    copy += _parsed(name)
    return copy


def fact_properties(vocabulary: Graph | None = None) -> list[str]:
    """Return the local names of the properties between entities (the facts), in kg.ttl's order."""
    vocabulary = vocabulary if vocabulary is not None else _parsed(VOCABULARY)
    entities = {KG.Entity, *vocabulary.transitive_subjects(RDFS.subClassOf, KG.Entity)}
    text = ontology_file(VOCABULARY).read_text(encoding="utf-8")
    declared = re.findall(r"^kg:(\w+) a owl:ObjectProperty", text, re.M)
    found = [p for p in vocabulary.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(str(KG))
             and vocabulary.value(p, RDFS.domain) in entities and vocabulary.value(p, RDFS.range) in entities]
    return sorted((str(p)[len(KG):] for p in found), key=lambda n: (declared + [n]).index(n))


def fact_shapes(vocabulary: Graph | None = None) -> Graph:
    """Return the SHACL shapes of the fact properties: subject and object in the declared domain and range."""
    vocabulary = vocabulary if vocabulary is not None else _parsed(VOCABULARY)
    shapes = Graph()
    for name in fact_properties(vocabulary):
        prop, shape, node = KG[name], KGSH[name], BNode()
        domain, range_ = (vocabulary.value(prop, p) for p in (RDFS.domain, RDFS.range))
        assert domain is not None and range_ is not None  # fact_properties has both
        shapes.add((shape, RDF.type, SH.NodeShape))
        shapes.add((shape, SH.targetSubjectsOf, prop))
        shapes.add((shape, SH["class"], domain))
        shapes.add((shape, SH.message, Literal(f"the subject of kg:{name} is not a {_curie(domain)} (its domain)")))
        shapes.add((shape, SH.property, node))
        for p, o in ((SH.path, prop), (SH["class"], range_), (SH.nodeKind, SH.IRI),
                     (SH.message, Literal(f"the object of kg:{name} is not a {_curie(range_)} (its range)"))):
            shapes.add((node, p, o))
    return shapes


def load_shapes() -> Graph:
    """Return the SHACL shapes: ontology/shapes.ttl and the shapes of the fact properties of kg.ttl."""
    shapes = load_graph(SHAPES)
    shapes += fact_shapes()
    return shapes


def _curie(term: Any) -> str:
    return f"kg:{str(term)[len(KG):]}" if str(term).startswith(str(KG)) else str(term)


def load_context() -> dict[str, Any]:
    """Return the published JSON-LD context (the value of its "@context"), with a term for each fact
    property of kg.ttl that ontology/context.jsonld does not name otherwise."""
    with open(ontology_file(CONTEXT), encoding="utf-8") as stream:
        context = json.load(stream)["@context"]
    named = {spec if isinstance(spec, str) else spec.get("@id") for spec in context.values()}
    for name in fact_properties():
        if f"kg:{name}" not in named and name not in context:
            context[name] = {"@id": f"kg:{name}", "@type": "@id"}
    return context

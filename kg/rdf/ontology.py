"""Find and load the files of ontology/: the vocabulary, its SHACL shapes and its JSON-LD context.

Like the stored queries, they live beside the ``kg`` package in a checkout or an editable install;
a wheel ships them as ``kg/ontology/`` (package data), which is tried too.
"""

import json
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from kg.errors import KGError

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


def load_context():
    """Return the published JSON-LD context (the value of its "@context")."""
    with open(ontology_file(CONTEXT), encoding="utf-8") as stream:
        return json.load(stream)["@context"]

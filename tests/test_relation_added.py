"""Adding a relation with a verb trigger touches two files: the catalogue and the ontology.

The test adds kg:praised ("praise") to a monkeypatched catalogue and a temporary copy of ontology/kg.ttl,
and nothing else: the fact comes out, conforms to the shapes (derived from kg.ttl) and round-trips through
JSON-LD (its term derived from kg.ttl).
"""

import json
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from kg.extract import relations
from kg.extract.relations import ORG, PERSON, PLACE, Relation
from kg.rdf import ontology

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent
PRAISED = """
kg:praised a owl:ObjectProperty ;
    rdfs:label "praised"@en ;
    rdfs:comment "The subject spoke well of the object."@en ;
    rdfs:domain kg:Entity ;
    rdfs:range kg:Entity .
"""


@pytest.fixture
def praised(tmp_path, monkeypatch):
    """The relation added: one Relation in the catalogue, one property in a copy of kg.ttl."""
    folder = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", folder)
    with open(folder / "kg.ttl", "a", encoding="utf-8") as vocabulary:  # file 1: the ontology
        vocabulary.write(PRAISED)
    original = ontology.ontology_file
    monkeypatch.setattr(ontology, "ontology_file", lambda name: folder / name if (folder / name).is_file()
                        else original(name))
    ontology._parsed.cache_clear()
    relation = Relation("praised", verbs=("praise",), subject_types=(PERSON, ORG, PLACE),
                        object_types=(PERSON, ORG, PLACE), confidence=0.6)  # file 2: the catalogue
    monkeypatch.setattr(relations, "CATALOGUE", relations.CATALOGUE + (relation,))
    for table, key in ((relations.BY_NAME, "praised"), (relations.VERB_RELATIONS, "praise")):
        monkeypatch.setitem(table, key, relation if table is relations.BY_NAME else [relation])
    yield relation
    ontology._parsed.cache_clear()


def test_relation_added_in_two_files_is_extracted_validated_and_round_trips(praised, tmp_path):
    from kg.extract.extractor import extract
    from kg.model import Document
    from kg.rdf.graph import to_graph
    from kg.rdf.jsonld import to_jsonld
    from kg.rdf.validate import validate_graphs

    x = extract(Document("praise.txt", "Joe Biden praised Boris Johnson on Friday.", "2021-04-03"))
    label = {e.key: e.label for e in x.entities}
    facts = [(label[f.subject], f.predicate, label[f.object], f.rule) for f in x.facts]
    assert ("Joe Biden", "praised", "Boris Johnson", "verb:praise") in facts

    graph = to_graph(x)
    report = validate_graphs([graph])
    assert report.conforms, [r.message for r in report.results]
    assert "praised" in ontology.fact_properties()

    document = to_jsonld([graph])
    assert document["@context"]["praised"] == {"@id": "kg:praised", "@type": "@id"}
    biden = next(n for n in document["@graph"][0]["@graph"] if n.get("label") == "Joe Biden")
    assert biden["praised"] == "person:Boris_Johnson"
    path = tmp_path / "praise.jsonld"
    path.write_text(json.dumps(document), encoding="utf-8")
    parsed = Dataset()
    parsed.parse(path, format="json-ld")
    assert isomorphic(next(g for g in parsed.graphs() if len(g)), graph)


def test_relation_a_wrong_type_breaks_the_derived_shape(praised):
    """The derived shape is a real check: a praised place that kg.ttl says must be a Person fails it."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    from kg.rdf.namespaces import KG
    from kg.rdf.validate import validate_graphs

    shapes = ontology.fact_shapes()
    assert (ontology.KGSH.praised, None, None) in shapes
    graph = Graph(identifier=URIRef("http://kg.example.org/doc/x"))
    a, b = URIRef("http://kg.example.org/id/person/a"), URIRef("http://kg.example.org/id/person/b")
    for node in (a, b):
        graph.add((node, RDFS.label, Literal("x")))
    graph.add((a, RDF.type, KG.Person))
    graph.add((a, KG.praised, b))  # b has no class: not a kg:Entity, the range
    report = validate_graphs([graph])
    assert any("kg:praised" in r.message for r in report.results)

"""Relations are data: a new Relation in the catalogue is extracted with no new code."""

import pytest

from kg.extract import relations
from kg.extract.extractor import extract
from kg.model import Document
from kg.extract.relations import CATALOGUE, GROUP, ORG, PERSON, PLACE, Relation

pytestmark = pytest.mark.model


def test_relations_every_entry_is_well_formed():
    names = [r.name for r in CATALOGUE]
    assert len(names) == len(set(names))
    for r in CATALOGUE:
        assert r.verbs or r.nouns, r.name
        assert 0 < r.confidence <= 1
        assert set(r.subject_types) | set(r.object_types) <= {PERSON, ORG, PLACE, GROUP}
        assert r.person_subject_as is None or r.person_subject_as in relations.BY_NAME


def test_relations_added_as_data_is_extracted(monkeypatch):
    arrested = Relation("arrested", verbs=("arrest", "detain"), nouns=("arrest",), noun_preps=("of",),
                        subject_types=(ORG, PERSON, PLACE, GROUP), object_types=(PERSON, GROUP),
                        event="Arrest", confidence=0.7)
    monkeypatch.setitem(relations.BY_NAME, "arrested", arrested)
    monkeypatch.setitem(relations.VERB_RELATIONS, "arrest", [arrested])
    monkeypatch.setitem(relations.NOUN_RELATIONS, "arrest", [arrested])
    monkeypatch.setitem(relations.EVENT_CLASS, "arrested", "Arrest")
    x = extract(Document("t", "The FBI arrested John Smith in Chicago on Thursday.", "2019-04-13"))
    label = {e.key: e.label for e in x.entities}
    facts = [(label[f.subject], f.predicate, label[f.object], f.date) for f in x.facts]
    assert ("FBI", "arrested", "John Smith", "2019-04-11") in facts, facts
    negated = extract(Document("t", "The FBI did not arrest John Smith.", "2019-04-13"))
    assert not [f for f in negated.facts if f.predicate == "arrested"]

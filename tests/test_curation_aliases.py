"""The user's aliases file: this name is that entity, this name stands alone, this name is of that class;
kept as TSV or JSON, written by kg merge / kg split, read by every extraction."""

import json

import pytest

from kg.errors import InputError, UsageError
from kg.extract import curation
from kg.extract.extractor import extract
from kg.model import Document


@pytest.mark.parametrize("suffix", [".tsv", ".json"])
def test_curation_merge_and_split_round_trip(tmp_path, suffix):
    path = tmp_path / f"aliases{suffix}"
    assert curation.merge(path, "Tories", "Conservative Party", "Organization") == ("Tories", "Conservative Party")
    curation.merge(path, "Conservatives", "Tories")  # B already is an entity's name: A is that entity
    curation.split(path, "Leigh", "City")
    loaded = curation.load(path)
    assert loaded.entity("tories") == "Conservative Party" and loaded.entity("Conservatives") == "Conservative Party"
    assert loaded.stands_alone("Leigh") and not loaded.stands_alone("Tories")
    assert loaded.type_of(["Conservatives", "Tories"]) == "Organization" and loaded.type_of(["Leigh"]) == "City"
    assert loaded.entity("Labour") is None and loaded.type_of(["Labour"]) is None


def test_curation_merge_repoints_names_that_were_the_merged_name(tmp_path):
    path = tmp_path / "aliases.tsv"
    curation.merge(path, "Lula", "Lula da Silva")
    curation.merge(path, "Lula da Silva", "Luiz Inacio Lula da Silva")
    assert curation.load(path).entity("Lula") == "Luiz Inacio Lula da Silva"


def test_curation_split_undoes_a_merge(tmp_path):
    path = tmp_path / "aliases.tsv"
    curation.merge(path, "Bush", "George W Bush")
    curation.split(path, "Bush")
    assert curation.load(path).stands_alone("Bush")


def test_curation_files_are_documented_formats(tmp_path):
    tsv, js = tmp_path / "a.tsv", tmp_path / "a.json"
    curation.merge(tsv, "Tories", "Conservative Party", "Organization")
    curation.split(js, "Apple", "Organization")
    assert "Tories\tConservative Party\tOrganization\n" in tsv.read_text(encoding="utf-8")
    assert json.loads(js.read_text(encoding="utf-8")) == {"names": {"Apple": {"entity": "Apple", "type": "Organization"}}}


@pytest.mark.parametrize("text, suffix, message", [
    ("Tories\tConservative Party\tParty\n", ".tsv", "unknown class 'Party'; valid: Person, Organization"),
    ("a\tb\tc\td\n", ".tsv", "expected name<TAB>entity<TAB>class"),
    ('["Tories"]', ".json", "not an aliases file"),
    ('{"names": {"Tories": {"type": "Party"}}}', ".json", "unknown class 'Party'"),
])
def test_curation_bad_file_is_named(tmp_path, text, suffix, message):
    path = tmp_path / f"bad{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        curation.load(path)


@pytest.mark.parametrize("name, entity", [("Tories", "tories"), ("", "Labour"), ("a\tb", "Labour")])
def test_curation_bad_merge_is_refused(tmp_path, name, entity):
    with pytest.raises(UsageError):
        curation.merge(tmp_path / "aliases.tsv", name, entity)


@pytest.mark.model
@pytest.mark.parametrize("rows, text, expected", [
    # this name is that entity
    ("Kestrel\tKestrel Foods\t\n", "Kestrel said its profits rose.", {"Kestrel Foods": "Organization"}),
    ("Tories\tConservative Party\tOrganization\n", "The Tories lost votes.", {"Conservative Party": "Organization"}),
    # this name is an organisation, whatever NER says
    ("Halvorsen\t\tOrganization\n", "Halvorsen said on Monday he would resign.", {"Halvorsen": "Organization"}),
    # this name stands alone: no surname rule, no shipped short form
    ("Leigh\t\tCity\n", "Film director Mike Leigh won. Leigh said he was delighted.",
     {"Mike Leigh": "Person", "Leigh": "City"}),
    ("Lula\t\t\n", "Brazil's President Luiz Inacio Lula da Silva spoke in Rome. Lula said the deal was fair.",
     {"Luiz Inacio Lula da Silva": "Person", "Lula": "Person"}),
    # a file that says nothing about a text changes nothing
    ("Kestrel\tKestrel Foods\t\n", "Markets were quiet on Monday.", {}),
])
def test_curation_extraction_respects_the_file(tmp_path, monkeypatch, rows, text, expected):
    path = tmp_path / "aliases.tsv"
    path.write_text(rows, encoding="utf-8")
    monkeypatch.setenv(curation.ENV, str(path))
    types = {e.label: e.type for e in extract(Document("t", text, "2021-04-03")).entities}
    assert {label: types.get(label) for label in expected} == expected
    assert len([label for label in types if label in expected]) == len(expected)


def test_curation_class_reaches_a_name_already_renamed_to_its_entity():
    # regression: a mention renamed "Kestrel" -> "Kestrel Foods" lost the class the user gave, and the
    # model's person vote typed the firm a person
    from kg.extract.curation import Curation

    assert Curation({"Kestrel": ("Kestrel Foods", "Organization")}).type_of(["Kestrel Foods"]) == "Organization"
    assert Curation({"Kestrel": ("Kestrel Foods", "")}).type_of(["Kestrel Foods"]) is None

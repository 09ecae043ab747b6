"""kg.learn.read_records: valid kg JSON-lines records load; each kind of bad record is refused by name and line."""

import json
from pathlib import Path

import pytest

from kg.learn import TrainingDataError, load_predicates, read_records

FIXTURE = Path(__file__).parent / "fixtures" / "learn" / "train.jsonl"
PREDICATES = frozenset({"worksFor", "basedIn", "livesIn"})
PERSON = "http://kg.example.org/id/person/Marta_Quell"
ORG = "http://kg.example.org/id/organization/Brightwater_Foods"


def good() -> dict:
    """Return a valid record: 'Marta Quell works for Brightwater Foods.'"""
    return {
        "id": "doc-7",
        "text": "Marta Quell works for Brightwater Foods.",
        "entities": [
            {"iri": PERSON, "type": "Person", "mentions": [{"start": 0, "end": 11, "text": "Marta Quell"}]},
            {"iri": ORG, "type": "Organization", "mentions": [{"start": 22, "end": 39}]},
        ],
        "facts": [{"subject": PERSON, "predicate": "worksFor", "object": ORG, "confidence": 0.9,
                   "evidence": {"subject_mention": {"start": 0, "end": 11},
                                "object_mention": {"start": 22, "end": 39}}}],
    }


def lines_with(bad) -> list[str]:
    """Put a bad record on line 3, after a blank line and a good record."""
    return [json.dumps(good()), "", bad if isinstance(bad, str) else json.dumps(bad)]


def refused(bad) -> str:
    """Return the TrainingDataError message for a bad third line."""
    with pytest.raises(TrainingDataError) as caught:
        read_records(lines_with(bad), predicates=PREDICATES)
    return str(caught.value)


def test_good_record_reads_into_mentions_and_facts():
    record = read_records(lines_with(good()), predicates=PREDICATES)[1]
    assert record.id == "doc-7"
    assert [(m.start, m.end, m.type) for m in record.mentions] == [(0, 11, "Person"), (22, 39, "Organization")]
    assert [(f.head, f.tail, f.predicate) for f in record.facts] == [(0, 1, "worksFor")]


def test_ontology_predicates_are_the_object_properties():
    predicates = load_predicates()
    assert {"worksFor", "basedIn", "livesIn", "locatedIn", "killed", "called"} <= predicates
    assert "Person" not in predicates


def test_fixture_reads_from_a_path():
    records = read_records(FIXTURE)
    assert len(records) == 44 and sum(len(r.facts) for r in records) > 40


def test_unknown_predicate_names_record_line_and_valid_values():
    record = good()
    record["facts"][0]["predicate"] = "workFor"
    message = refused(record)
    assert message.startswith("<lines>:3 (record 'doc-7')")
    assert "'workFor' is not an ontology property; valid: basedIn, livesIn, worksFor" in message


def test_path_source_names_the_file():
    record = good()
    record["facts"][0]["predicate"] = "workFor"
    with pytest.raises(TrainingDataError, match=r"^bad\.jsonl:1 \(record 'doc-7'\)"):
        read_records(_write(record), predicates=PREDICATES)


def _write(record: dict) -> Path:
    """Write one record to bad.jsonl in a fresh temporary directory."""
    import tempfile

    path = Path(tempfile.mkdtemp()) / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("start, end", [(30, 45), (-1, 5), (5, 5), (9, 4)])
def test_offsets_outside_text_or_empty(start, end):
    record = good()
    record["entities"][1]["mentions"][0] = {"start": start, "end": end}
    assert f"mention [{start}, {end}) is outside the text or empty; valid: 0 <= start < end <= 40" in refused(record)


def test_mention_text_must_match_the_slice():
    record = good()
    record["entities"][0]["mentions"][0]["text"] = "Marta Quel"
    assert "(record 'doc-7'): entity" in refused(record)
    assert "'Marta Quel' does not match the text at [0, 11): 'Marta Quell'" in refused(record)


def test_fact_subject_must_be_an_entity_of_the_record():
    record = good()
    record["facts"][0]["subject"] = "http://kg.example.org/id/person/Nobody"
    message = refused(record)
    assert ":3 (record 'doc-7'): fact 1 subject 'http://kg.example.org/id/person/Nobody' is not an entity" in message
    assert PERSON in message


def test_fact_evidence_must_be_a_mention_of_that_entity():
    record = good()
    record["facts"][0]["evidence"]["object_mention"] = {"start": 0, "end": 11}
    message = refused(record)
    assert ":3 (record 'doc-7'): fact 1 object evidence [0, 11) is not a mention of" in message
    assert "valid: [22, 39)" in message


def test_fact_without_evidence_is_refused():
    record = good()
    del record["facts"][0]["evidence"]
    assert "fact 1 subject has no evidence mention; valid: [0, 11)" in refused(record)


@pytest.mark.parametrize("bad, expected", [
    ("[1, 2]", "<lines>:3: a record must be a JSON object, got list"),
    ('{"id": "doc-9", "entities": []}', "<lines>:3 (record 'doc-9'): the record has no 'text' string"),
    ("{not json", "<lines>:3: not valid JSON"),
])
def test_record_must_be_an_object_with_text(bad, expected):
    assert refused(bad).startswith(expected)

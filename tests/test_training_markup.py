"""tools/training/markup.py: the markup of our own training sentences, and the sentence files themselves."""

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "tools" / "training"
_spec = importlib.util.spec_from_file_location("training_markup", TRAINING / "markup.py")
markup = importlib.util.module_from_spec(_spec)
sys.modules["training_markup"] = markup
_spec.loader.exec_module(markup)

ID = "http://kg.example.org/id/"
# The relations every file set must teach: the ontology's, and the eight being added.
REQUIRED = (
    "worksFor", "leaderOf", "heads", "memberOf", "livesIn", "basedIn", "locatedIn", "citizenOf", "killed",
    "attacked", "called", "met", "visited", "annexed", "accused", "supports", "warned", "sanctioned",
    "alliedWith", "predecessorOf", "acquitted", "criticized", "founded", "ownerOf",
    "acquired", "mergedWith", "investedIn", "sued", "fined", "arrested", "charged", "convicted",
)
FREQUENT = ("worksFor", "heads", "leaderOf", "memberOf", "basedIn", "locatedIn", "livesIn", "citizenOf",
            "acquired", "ownerOf")


def _write(tmp_path, body, name="snippet.txt"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def _spans(record):
    """(label, type, [(start, end)]) of each entity, and (subject label, predicate, object label, spans) of facts."""
    labels = {e["iri"]: e["label"] for e in record["entities"]}
    entities = [(e["label"], e["type"], [(m["start"], m["end"]) for m in e["mentions"]]) for e in record["entities"]]
    facts = [(labels[f["subject"]], f["predicate"], labels[f["object"]],
              (f["evidence"]["subject_mention"]["start"], f["evidence"]["object_mention"]["start"]))
             for f in record["facts"]]
    return entities, facts


CASES = [
    pytest.param(
        "[Acme Tools](Organization) bought [Widget Ltd](Organization), a valve maker based in [Leeds](Place).\n"
        "  + Acme Tools | acquired | Widget Ltd\n"
        "  + Widget Ltd | basedIn | Leeds\n",
        "Acme Tools bought Widget Ltd, a valve maker based in Leeds.",
        [("Acme Tools", "Organization", [(0, 10)]), ("Widget Ltd", "Organization", [(18, 28)]),
         ("Leeds", "Place", [(53, 58)])],
        [("Acme Tools", "acquired", "Widget Ltd", (0, 18)), ("Widget Ltd", "basedIn", "Leeds", (18, 53))],
        id="two-facts"),
    pytest.param(
        "[Maria Lopez](Person) denied that [Acme Tools](Organization) would buy [Widget Ltd](Organization).\n"
        "  - Acme Tools | acquired | Widget Ltd\n",
        "Maria Lopez denied that Acme Tools would buy Widget Ltd.",
        [("Maria Lopez", "Person", [(0, 11)]), ("Acme Tools", "Organization", [(24, 34)]),
         ("Widget Ltd", "Organization", [(45, 55)])],
        [],
        id="negative-lines-write-no-fact"),
    pytest.param(
        "[Oslo](Place) firm [Nordvik](Organization) left [Oslo](Place) for [Bergen](Place).\n"
        "  + Nordvik | basedIn | Oslo#2\n"
        "  + Nordvik | basedIn | Bergen\n",
        "Oslo firm Nordvik left Oslo for Bergen.",
        [("Oslo", "Place", [(0, 4), (23, 27)]), ("Nordvik", "Organization", [(10, 17)]),
         ("Bergen", "Place", [(32, 38)])],
        [("Nordvik", "basedIn", "Oslo", (10, 23)), ("Nordvik", "basedIn", "Bergen", (10, 32))],
        id="second-mention-by-number"),
    pytest.param(
        "[Liverpool](Organization) fans marched through [Liverpool](Place).\n",
        "Liverpool fans marched through Liverpool.",
        [("Liverpool", "Organization", [(0, 9)]), ("Liverpool", "Place", [(31, 40)])],
        [],
        id="same-surface-two-types-two-entities"),
    pytest.param(
        "# a comment\n\n[São Paulo](Place) mayor [Ana Ávila](Person) said (in Portuguese) that rain was due.\n"
        "  + Ana Ávila | leaderOf | São Paulo\n",
        "São Paulo mayor Ana Ávila said (in Portuguese) that rain was due.",
        [("São Paulo", "Place", [(0, 9)]), ("Ana Ávila", "Person", [(16, 25)])],
        [("Ana Ávila", "leaderOf", "São Paulo", (16, 0))],
        id="non-ascii-and-plain-parentheses"),
    pytest.param(
        "No entity at all in this sentence.\n",
        "No entity at all in this sentence.", [], [],
        id="no-entities"),
]


@pytest.mark.parametrize("body, text, entities, facts", CASES)
def test_markup_gives_text_offsets_and_facts(tmp_path, body, text, entities, facts):
    [record] = markup.read_markup(_write(tmp_path, body))
    assert record["id"] == "snippet-1"
    assert record["text"] == text
    assert _spans(record) == (entities, facts)
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"] == entity["label"]


def test_record_has_the_kg_jsonl_shape(tmp_path):
    body = ("[Ana Ávila](Person) heads [Grupo Sol](Organization).\n  + Ana Ávila | heads | Grupo Sol\n"
            "[Grupo Sol](Organization) is quiet.\n")
    first, second = markup.read_markup(_write(tmp_path, body, "shape.txt"))
    assert set(first) == {"id", "text", "entities", "facts"}
    assert (first["id"], second["id"]) == ("shape-1", "shape-2")
    assert first["entities"][0] == {"iri": ID + "person/Ana_%C3%81vila", "label": "Ana Ávila", "type": "Person",
                                    "mentions": [{"start": 0, "end": 9, "text": "Ana Ávila"}]}
    assert first["facts"] == [{"subject": ID + "person/Ana_%C3%81vila", "predicate": "heads",
                               "object": ID + "organization/Grupo_Sol",
                               "evidence": {"subject_mention": {"start": 0, "end": 9},
                                            "object_mention": {"start": 16, "end": 25}}}]
    assert second["facts"] == []


def _kg_entity_iri():
    for module in ("kg.rdf.iris", "kg.iris"):
        try:
            return importlib.import_module(module).entity_iri
        except ImportError:
            continue
    pytest.skip("kg's entity_iri is not importable")


@pytest.mark.parametrize("label, entity_type", [
    ("Ana Ávila", "Person"), ("Widget  Ltd", "Organization"), ("Cafe\u0301 Müller", "Organization"),
    ("Tūrangawaewae", "Place"), ("Kurdish", "Group"), ("Very Long Name " * 12, "Organization"),
])
def test_iris_are_kgs(label, entity_type):
    assert markup.entity_iri(label, entity_type) == str(_kg_entity_iri()(label, entity_type))


ERRORS = [
    pytest.param("[Acme Tools(Organization) bought it.\n", 1, "unbalanced bracket", id="unclosed-bracket"),
    pytest.param("Acme] bought [Widget](Organization).\n", 1, "unbalanced bracket", id="stray-closing"),
    pytest.param("[Acme [Tools]](Organization) grew.\n", 1, "unbalanced bracket", id="nested"),
    pytest.param("[Acme] (Organization) grew.\n", 1, "unbalanced bracket", id="space-before-type"),
    pytest.param("[Acme](Company) grew.\n", 1, "unknown type 'Company'", id="unknown-type"),
    pytest.param("[ Acme](Organization) grew.\n", 1, "spaces inside", id="padded-mention"),
    pytest.param("[Acme](Organization) bought [Widget](Organization).\n  + Acme | purchased | Widget\n", 2,
                 "unknown predicate 'purchased'", id="unknown-predicate"),
    pytest.param("[Acme](Organization) bought [Widget](Organization).\n  + Acme | acquired | Gadget\n", 2,
                 "'Gadget' is not marked", id="unmarked-surface"),
    pytest.param("[Acme](Organization) bought [Widget](Organization).\n  + Acme | acquired | Widget#2\n", 2,
                 "marked only 1 time", id="missing-second-mention"),
    pytest.param("# header\n  + Acme | acquired | Widget\n[Acme](Organization) grew.\n", 2,
                 "no record before it", id="fact-before-any-record"),
    pytest.param("[Acme](Organization) bought [Widget](Organization).\n+ Acme | acquired | Widget\n", 2,
                 "must be indented", id="unindented-fact"),
    pytest.param("[Acme](Organization) bought [Widget](Organization).\n  Acme | acquired | Widget\n", 2,
                 "an indented line is a fact", id="indented-without-plus"),
    pytest.param("[Acme](Organization) bought [Widget](Organization).\n  + Acme | acquired\n", 2,
                 "subject | predicate | object", id="two-fields"),
    pytest.param("[Acme](Organization) sits in [Leeds](Place).\n  + Acme | livesIn | Leeds\n", 2,
                 "livesIn wants a subject of type Person", id="domain"),
    pytest.param("[Ann](Person) works at [Acme](Organization).\n  + Ann | livesIn | Acme\n", 2,
                 "livesIn wants an object of type Place", id="range"),
    pytest.param("[Acme](Organization) grew.\n  + Acme | acquired | Acme\n", 2, "and itself", id="self-fact"),
    pytest.param("[Acme](Organization)  grew.\n", 1, "not as kg reads it", id="double-space"),
    pytest.param("[Acme](Organization)\tgrew.\n", 1, "not as kg reads it", id="tab"),
    pytest.param("Cafe\u0301 [Acme](Organization) grew.\n", 1, "not as kg reads it", id="not-nfc"),
    pytest.param("[Acme](Organization) bought [Widget](Organization).\n  + Acme | acquired | Widget\n"
                 "  - Acme | acquired | Widget\n", 1, "both asserted and denied", id="asserted-and-denied"),
    pytest.param("[Acme](Organization) bought [Widget](Organization).\n  + Acme | acquired | Widget\n"
                 "  + Acme | acquired | Widget\n", 1, "listed twice", id="duplicate-fact"),
]


@pytest.mark.parametrize("body, line_no, message", ERRORS)
def test_markup_errors_name_file_and_line(tmp_path, body, line_no, message):
    path = _write(tmp_path, body, "broken.txt")
    with pytest.raises(markup.MarkupError) as caught:
        list(markup.read_markup(path))
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(f"{path}:{line_no}: ")
    assert message in str(caught.value)
    assert caught.value.line_no == line_no


def test_predicates_are_the_ontology_relations_and_the_new_ones():
    predicates = markup.ontology_predicates()
    assert set(REQUIRED) <= set(predicates)
    assert "hasBureauIn" in predicates  # a relation of the ontology, read from datelines
    assert not {"evidence", "subjectMention", "objectMention", "inDocument", "refersTo", "attributedTo"} & set(predicates)
    assert predicates["citizenOf"] == ({"Person"}, {"Place"})


def test_command_writes_json_lines_and_counts(tmp_path, capsys):
    path = _write(tmp_path, "[Ann](Person) lives in [Leeds](Place).\n  + Ann | livesIn | Leeds\n"
                            "[Bo](Person) left [Leeds](Place).\n  - Bo | livesIn | Leeds\n", "cli.txt")
    assert markup.main([str(path)]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["cli-1", "cli-2"]
    assert any(line.split() == ["livesIn", "1", "1", "1"] for line in err.splitlines())
    assert "records: 2, fact-free records: 1" in err


def test_command_reports_a_broken_file(tmp_path, capsys):
    path = _write(tmp_path, "[Ann](Alien) waved.\n", "bad.txt")
    assert markup.main([str(path)]) == 1
    assert "bad.txt:1: unknown type" in capsys.readouterr().err


# ---- the sentence files themselves ----

FILES = sorted(TRAINING.glob("*.txt"))


def _parsed(path):
    try:
        return list(markup.parse_markup(path))
    except markup.MarkupError:
        return None  # reported by test_every_file_parses_with_consistent_offsets


def _corpus():
    """Every record of the files that parse (a broken file fails its own test, not every test)."""
    return [record for path in FILES for record in (_parsed(path) or [])]


def test_there_are_sentence_files():
    assert len(FILES) >= 6


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_parses_with_consistent_offsets(path):
    records = list(markup.read_markup(path))
    assert records
    for record in records:
        assert record["text"] == record["text"].strip() and "[" not in record["text"]
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert record["text"][mention["start"]:mention["end"]] == mention["text"]


def test_every_predicate_has_positive_and_negative_sentences():
    records = _corpus()
    positive = Counter(p for r in records for p in {p for p, _, _ in r.facts})
    negative = Counter(p for r in records for p in {p for p, _, _ in r.negatives})
    short = {p: (positive[p], negative[p]) for p in REQUIRED if positive[p] < 15 or negative[p] < 6}
    assert not short, f"predicates with fewer than 15 positive or 6 negative sentences: {short}"
    rare = {p: positive[p] for p in FREQUENT if positive[p] < 25}
    assert not rare, f"frequent predicates with fewer than 25 positive sentences: {rare}"


def test_enough_records_and_fact_free_ones():
    records = _corpus()
    assert len(records) >= 900
    assert sum(not r.facts for r in records) >= 100


def test_records_load_as_kg_learning_records(tmp_path):
    try:
        from kg.learn.records import read_records
    except ImportError:
        pytest.skip("kg.learn.records is not importable")
    lines = [json.dumps(record.to_json(), ensure_ascii=False) for record in _corpus()]
    records = read_records(lines, predicates=frozenset(markup.ontology_predicates()))
    assert len(records) == len(lines)
    assert sum(len(r.facts) for r in records) == sum(len(json.loads(line)["facts"]) for line in lines)


def test_no_record_text_repeats():
    seen = Counter(r.text for r in _corpus())
    repeated = [text for text, n in seen.items() if n > 1]
    assert not repeated, repeated[:5]

"""tools/corpora.py: tiny corpus-shaped fixtures (our own sentences) become exact kg records.

The real corpora are never copied here; when ../shared (beside the checkout) holds them, every record
converted from them is checked for exact offsets and evidence that belongs to its entities.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tools"))

import corpora  # noqa: E402
from corpora_detok import detokenise  # noqa: E402
from corpora_records import CorpusError, Summary  # noqa: E402

ID = "http://kg.example.org/id/"


def span(text, surface, nth=1):
    """Return (start, end) of the nth occurrence of surface in text."""
    start = -1
    for _ in range(nth):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def mention(text, surface, nth=1):
    start, end = span(text, surface, nth)
    return {"start": start, "end": end, "text": surface}


def evidence(text, subject, obj, s_nth=1, o_nth=1):
    s, o = span(text, subject, s_nth), span(text, obj, o_nth)
    return {"subject_mention": {"start": s[0], "end": s[1]}, "object_mention": {"start": o[0], "end": o[1]}}


def run(name, path):
    summary = Summary(name)
    return list(corpora.convert(name, [Path(path)], summary)), summary


def by_label(record):
    return {e["label"]: e for e in record["entities"]}


# ---- CoNLL04 ----

CONLL_1 = "Anna Berg works for Nordlicht Media in Tromso, the Daily Post said."
CONLL_2 = "Tom Hale shot Anna Berg near the home of Anna Berg."


def conll_entity(text, surface, type_, nth=1):
    start, end = span(text, surface, nth)
    return {"type": type_, "start": 0, "end": 1, "text": surface, "char_start": start, "char_end": end}


@pytest.fixture
def conll_file(tmp_path):
    sentences = [
        {"id": "s-1", "text": CONLL_1, "tokens": CONLL_1.split(), "relations": [
            {"type": "Work_For", "head": 0, "tail": 1}, {"type": "OrgBased_In", "head": 1, "tail": 2},
            {"type": "Work_For", "head": 0, "tail": 3}],  # touches the Other entity: dropped
         "entities": [conll_entity(CONLL_1, "Anna Berg", "Peop"), conll_entity(CONLL_1, "Nordlicht Media", "Org"),
                      conll_entity(CONLL_1, "Tromso", "Loc"), conll_entity(CONLL_1, "Daily Post", "Other")]},
        {"id": "s-2", "text": CONLL_2, "tokens": CONLL_2.split(),
         "relations": [{"type": "Kill", "head": 0, "tail": 1}],
         "entities": [conll_entity(CONLL_2, "Tom Hale", "Peop"), conll_entity(CONLL_2, "Anna Berg", "Peop"),
                      conll_entity(CONLL_2, "Anna Berg", "Peop", 2)]},
        {"id": "s-3", "text": "Nothing here.", "tokens": ["Nothing", "here", "."], "entities": [], "relations": []},
    ]
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(sentences))
    return path


def test_conll04_records(conll_file):
    records, summary = run("conll04", conll_file)
    assert [r["id"] for r in records] == ["s-1", "s-2", "s-3"]  # a sentence with nothing is a negative
    first, second = records[0], records[1]
    assert first["text"] == CONLL_1
    assert [(e["label"], e["type"]) for e in first["entities"]] == [
        ("Anna Berg", "Person"), ("Nordlicht Media", "Organization"), ("Tromso", "Place")]
    assert by_label(first)["Nordlicht Media"]["iri"] == ID + "organization/Nordlicht_Media"
    assert first["facts"] == [
        {"subject": ID + "person/Anna_Berg", "predicate": "worksFor", "object": ID + "organization/Nordlicht_Media",
         "evidence": evidence(CONLL_1, "Anna Berg", "Nordlicht Media")},
        {"subject": ID + "organization/Nordlicht_Media", "predicate": "basedIn", "object": ID + "place/Tromso",
         "evidence": evidence(CONLL_1, "Nordlicht Media", "Tromso")}]
    # the two 'Anna Berg' mentions are one entity; the fact's evidence is the mention the relation names
    assert by_label(second)["Anna Berg"]["mentions"] == [mention(CONLL_2, "Anna Berg"),
                                                         mention(CONLL_2, "Anna Berg", 2)]
    assert second["facts"] == [{"subject": ID + "person/Tom_Hale", "predicate": "killed",
                                "object": ID + "person/Anna_Berg",
                                "evidence": evidence(CONLL_2, "Tom Hale", "Anna Berg")}]
    assert summary.dropped == {"Other entity": 1, "relation touching an Other entity": 1}
    assert summary.facts == {"worksFor": 1, "basedIn": 1, "killed": 1}


def test_conll04_offsets_that_miss_the_text_name_file_and_sentence(conll_file):
    sentences = json.loads(conll_file.read_text())
    sentences[1]["entities"][0]["char_start"] += 1
    conll_file.write_text(json.dumps(sentences))
    with pytest.raises(CorpusError, match=r"dev\.json: sentence s-2: .*Tom Hale"):
        run("conll04", conll_file)


# ---- Re-DocRED ----

DOC_SENTS = [
    ["Lena", "Roth", "(", "born", "1970", ")", "is", "the", "mayor", "of", "Velden", ",", "a", "town", "in",
     "Carinthia", "."],
    ["She", "joined", "the", "Green", "Party", "in", "1990", "and", "said", '"', "we", "ca", "n't", "wait", '"', "."],
    ["Velden", "lies", "in", "Carinthia", ",", "and", "Velden", "-", "am", "-", "See", "is", "its", "full", "name",
     "."],
    ["It", "rained", "in", "1990", "."],
]
DOC_TEXTS = ["Lena Roth (born 1970) is the mayor of Velden, a town in Carinthia.",
             'She joined the Green Party in 1990 and said "we can\'t wait".',
             "Velden lies in Carinthia, and Velden-am-See is its full name."]


def vertex(*mentions):
    return [{"name": " ".join(DOC_SENTS[s][a:b]), "sent_id": s, "pos": [a, b], "type": t} for s, a, b, t in mentions]


@pytest.fixture
def redocred_file(tmp_path):
    doc = {"title": "Lena Roth", "sents": DOC_SENTS, "vertexSet": [
        vertex((0, 0, 2, "PER")),                                       # 0 Lena Roth
        vertex((2, 6, 11, "LOC"), (0, 10, 11, "LOC"), (2, 0, 1, "LOC")),  # 1 Velden (out of text order)
        vertex((0, 15, 16, "LOC"), (2, 3, 4, "LOC")),                   # 2 Carinthia
        vertex((1, 3, 5, "ORG")),                                       # 3 Green Party
        vertex((0, 4, 5, "TIME")),                                      # 4 1970
        vertex((1, 6, 7, "TIME"), (3, 3, 4, "TIME")),                   # 5 1990
    ], "labels": [
        {"r": "P6", "h": 1, "t": 0, "evidence": [0]},       # the state first: Lena Roth leaderOf Velden
        {"r": "P131", "h": 1, "t": 2, "evidence": [2]},     # only in the evidence sentence
        {"r": "P1376", "h": 1, "t": 2, "evidence": []},     # no evidence: every sentence holding both
        {"r": "P102", "h": 0, "t": 3, "evidence": [0, 1]},  # cross-sentence
        {"r": "P569", "h": 0, "t": 4, "evidence": [0]},     # unmapped property
        {"r": "P108", "h": 1, "t": 0, "evidence": [0]},     # wrong direction: a place employs no one here
        {"r": "P17", "h": 0, "t": 2, "evidence": []},       # country of a person: dropped
    ]}
    path = tmp_path / "dev_revised.json"
    path.write_text(json.dumps([doc]))
    return path


def test_redocred_records(redocred_file):
    records, summary = run("redocred", redocred_file)
    assert [r["id"] for r in records] == ["redocred-dev-0-0", "redocred-dev-0-1", "redocred-dev-0-2"]
    assert [r["text"] for r in records] == DOC_TEXTS
    s0, s1, s2 = records
    assert [(e["label"], e["type"]) for e in s0["entities"]] == [
        ("Lena Roth", "Person"), ("Velden", "Place"), ("Carinthia", "Place")]
    t0, t2 = DOC_TEXTS[0], DOC_TEXTS[2]
    assert s0["facts"] == [
        {"subject": ID + "person/Lena_Roth", "predicate": "leaderOf", "object": ID + "place/Velden",
         "evidence": evidence(t0, "Lena Roth", "Velden")},
        {"subject": ID + "place/Velden", "predicate": "locatedIn", "object": ID + "place/Carinthia",
         "evidence": evidence(t0, "Velden", "Carinthia")}]
    assert s1["entities"] == [{"iri": ID + "organization/Green_Party", "label": "Green Party", "type": "Organization",
                               "mentions": [mention(DOC_TEXTS[1], "Green Party")]}] and s1["facts"] == []
    # one entity named by its first mention; its first mention in the sentence is the evidence
    assert by_label(s2)["Velden"]["mentions"] == [mention(t2, "Velden"), mention(t2, "Velden-am-See")]
    assert s2["facts"] == [{"subject": ID + "place/Velden", "predicate": "locatedIn", "object": ID + "place/Carinthia",
                            "evidence": evidence(t2, "Velden", "Carinthia")}]
    props = summary.properties
    assert props["P6 head of government"] == {"kept": 1}
    assert props["P102 member of political party"] == {"cross-sentence": 1}
    assert props["P108 employer"] == {"types Place->Person": 1}
    assert props["P17 country"] == {"types Person->Place": 1}
    assert summary.dropped["pair: unmapped property"] == 1
    assert summary.dropped["mention: TIME"] == 3 and summary.dropped["sentence: no kg-typed mention"] == 1


@pytest.mark.parametrize("tokens, text", [
    (["He", "said", '"', "no", '"', ",", "then", "left", "."], 'He said "no", then left.'),
    (["the", "Allies", "'", "advance", "(", "in", "1944", ")", "cost", "$", "5", "%"],
     "the Allies' advance (in 1944) cost $5%"),
    (["``", "Yes", "''", "-LRB-", "a", "-RRB-", "is", "n't", "it", "?"], "“Yes” (a) isn't it?"),
    (["a", "'", "quoted", "'", "word", "and", "7", "\xa0", "km", "north", "-", "east"],
     "a 'quoted' word and 7 km north-east"),
    (["it", "was", "'", "overbuilt", "'", "for", "the", "Allies", "'", "needs"],
     "it was 'overbuilt' for the Allies' needs"),
    (["Ramblin", "'", "on", "(", "1979", ")"], "Ramblin' on (1979)"),
])
def test_detokenise_spacing_and_offsets(tokens, text):
    got, spans = detokenise(tokens)
    assert got == text
    assert [got[a:b] for a, b in spans if a < b] == [
        {"``": "“", "''": "”", "-LRB-": "(", "-RRB-": ")"}.get(t, t) for t in tokens if t.strip()]


def test_redocred_label_past_the_entities_names_file_and_document(redocred_file):
    docs = json.loads(redocred_file.read_text())
    docs[0]["labels"].append({"r": "P17", "h": 0, "t": 9, "evidence": []})
    redocred_file.write_text(json.dumps(docs))
    with pytest.raises(CorpusError, match=r"dev_revised\.json: document 0 \('Lena Roth'\): malformed"):
        run("redocred", redocred_file)


# ---- WikiEvents ----

WE_TOKENS = ("Rebels of the Iron Front shelled Marlow on Monday , killing Mayor Ada Quinn .The group later hit "
             "the bridge in Marlow , Nord - Ost Radio said ; two more died .").split()
WE_TEXT = " ".join(WE_TOKENS)


def we_entity(ident, surface, type_, nth=1):
    words = surface.split()
    starts = [i for i in range(len(WE_TOKENS)) if WE_TOKENS[i:i + len(words)] == words]
    start = starts[nth - 1]
    return {"id": ident, "type": type_, "mention_type": "UNK", "start": start, "end": start + len(words),
            "text": surface.replace(" - ", "-")}


@pytest.fixture
def wikievents_file(tmp_path):
    doc = {"id": "doc-1", "text": "(ignored: the source glues sentences)", "tokens": WE_TOKENS, "relations": [],
           "entities": [we_entity("T1", "Iron Front", "ORG"), we_entity("T2", "Marlow", "GPE"),
                        we_entity("T3", "Ada Quinn", "PER"), we_entity("T4", "group", "ORG"),
                        we_entity("T5", "bridge", "FAC"), we_entity("T6", "Marlow", "GPE", 2),
                        we_entity("T7", "Nord - Ost Radio", "ORG")],
           "events": [
               {"id": "E1", "type": "Conflict.Attack.Unspecified", "trigger": {}, "arguments": [
                   {"role": "Attacker", "entity_id": "T1", "text": "Iron Front"},
                   {"role": "Target", "entity_id": "T2", "text": "Marlow"}]},
               {"id": "E2", "type": "Life.Die.Unspecified", "trigger": {}, "arguments": [
                   {"role": "Killer", "entity_id": "T1", "text": "Iron Front"},
                   {"role": "Victim", "entity_id": "T3", "text": "Ada Quinn"},
                   {"role": "Place", "entity_id": "T2", "text": "Marlow"}]},
               {"id": "E3", "type": "Conflict.Attack.DetonateExplode", "trigger": {}, "arguments": [
                   {"role": "Attacker", "entity_id": "T4", "text": "group"},
                   {"role": "Target", "entity_id": "T5", "text": "bridge"}]},  # a facility: no kg type
               {"id": "E4", "type": "Life.Die.Unspecified", "trigger": {}, "arguments": []},  # no killer
               {"id": "E5", "type": "Contact.Contact.Broadcast", "trigger": {}, "arguments": [
                   {"role": "Communicator", "entity_id": "T7", "text": "Nord-Ost Radio"}]}]}
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(doc) + "\n")
    return path


def test_wikievents_records(wikievents_file):
    (record,), summary = run("wikievents", wikievents_file)
    assert record["id"] == "doc-1" and record["text"] == WE_TEXT
    entities = by_label(record)
    assert set(entities) == {"Iron Front", "Marlow", "Ada Quinn", "group", "Nord-Ost Radio"}
    assert entities["Marlow"]["mentions"] == [mention(WE_TEXT, "Marlow"), mention(WE_TEXT, "Marlow", 2)]
    # named by the source's own spelling, found where the scorer's joined tokens put it
    assert entities["Nord-Ost Radio"]["mentions"] == [mention(WE_TEXT, "Nord - Ost Radio")]
    assert record["facts"] == [
        {"subject": ID + "organization/Iron_Front", "predicate": "attacked", "object": ID + "place/Marlow",
         "evidence": evidence(WE_TEXT, "Iron Front", "Marlow")},
        {"subject": ID + "organization/Iron_Front", "predicate": "killed", "object": ID + "person/Ada_Quinn",
         "evidence": evidence(WE_TEXT, "Iron Front", "Ada Quinn")}]
    assert summary.dropped == {"FAC mention": 1, "attacked pair with an argument of no kg type": 1,
                               "killed event without Killer and Victim": 1}


def test_wikievents_argument_of_no_entity_names_file_line_and_document(wikievents_file):
    doc = json.loads(wikievents_file.read_text())
    doc["events"][0]["arguments"][0]["entity_id"] = "T99"
    wikievents_file.write_text("\n" + json.dumps(doc) + "\n")
    with pytest.raises(CorpusError, match=r"dev\.jsonl:2: document doc-1: .*T99"):
        run("wikievents", wikievents_file)


# ---- own markup ----

FAKE_MARKUP = '''
from pathlib import Path
def read_markup(path):
    for n, line in enumerate(Path(path).read_text().splitlines(), 1):
        yield {"id": f"{Path(path).stem}-{n}", "text": line, "entities": [], "facts": []}
'''


def test_own_reads_a_directory_in_sorted_order_through_read_markup(tmp_path, monkeypatch):
    monkeypatch.setattr(corpora, "MARKUP", tmp_path / "markup.py")
    (tmp_path / "markup.py").write_text(FAKE_MARKUP)
    data = tmp_path / "data"
    data.mkdir()
    (data / "b.txt").write_text("Second file.\n")
    (data / "a.txt").write_text("First file.\nSecond line.\n")
    (data / "notes.md").write_text("Not markup.\n")
    records, summary = run("own", data)
    assert [(r["id"], r["text"]) for r in records] == [("a-1", "First file."), ("a-2", "Second line."),
                                                      ("b-1", "Second file.")]
    assert summary.totals["records"] == 3


def test_own_without_the_markup_reader_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.setattr(corpora, "MARKUP", tmp_path / "training" / "markup.py")
    with pytest.raises(CorpusError, match=r"training/markup\.py: not found"):
        run("own", tmp_path)


@pytest.mark.skipif(not corpora.MARKUP.exists(), reason="tools/training/markup.py is not written yet")
def test_own_through_the_real_markup_reader(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("[Anna Berg](Person) works for [Nordlicht Media](Organization).\n"
                    "  + Anna Berg | worksFor | Nordlicht Media\n")
    (record,), _ = run("own", path)
    assert record["text"] == "Anna Berg works for Nordlicht Media."
    assert record["facts"] == [{"subject": ID + "person/Anna_Berg", "predicate": "worksFor",
                                "object": ID + "organization/Nordlicht_Media",
                                "evidence": evidence(record["text"], "Anna Berg", "Nordlicht Media")}]


def test_labels_that_mint_one_iri_stay_two_entities():
    from corpora_records import RecordBuilder
    builder = RecordBuilder("r", "A B met A_B and A B.")
    first = builder.mention("A B", "Person", 0, 3)
    second = builder.mention("A_B", "Person", 8, 11)
    assert builder.mention("A B", "Person", 16, 19) == first
    assert (first, second) == (ID + "person/A_B", ID + "person/A_B_2")
    assert [len(e["mentions"]) for e in builder.record()["entities"]] == [2, 1]


def test_fallback_iri_mints_as_kg_does():
    from corpora_records import _fallback_iri, entity_iri
    for label, type_ in [("Anna Berg", "Person"), ("Mediaș  Town", "Place"), ('Wilfried "Willi" Schneider', "Person"),
                         ("AT&T / Bell (Labs)", "Organization"), ("Ümit Öz", "Group")]:
        assert _fallback_iri(label, type_) == entity_iri(label, type_)


# ---- the command line ----

def test_cli_writes_json_lines_and_a_summary(conll_file):
    tool = [sys.executable, str(ROOT / "tools" / "corpora.py")]
    done = subprocess.run(tool + ["conll04", str(conll_file)], capture_output=True, text=True, check=True)
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["s-1", "s-2", "s-3"]
    assert "records 3" in done.stderr and "dropped: Other entity 1" in done.stderr
    bad = subprocess.run(tool + ["conll04", str(conll_file.with_name("missing.json"))], capture_output=True, text=True)
    assert bad.returncode == 1 and "missing.json" in bad.stderr and not bad.stdout
    helped = subprocess.run(tool + ["--help"], capture_output=True, text=True, check=True).stdout
    assert all(name in helped for name in ("conll04 FILE", "redocred FILE", "wikievents FILE", "own DIR", "DROPPED"))


# ---- invariants over the real corpora, where ../shared holds them ----

REAL = [("conll04", "eval/conll04/train.json"), ("conll04", "eval/conll04/dev.json"),
        ("redocred", "data/redocred/dev_revised.json"), ("redocred", "data/redocred/test_revised.json"),
        ("wikievents", "eval/wikievents/dev.jsonl")]


@pytest.mark.parametrize("name, relative", REAL, ids=[r for _, r in REAL])
def test_real_corpus_offsets_and_evidence(name, relative):
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (the corpora live beside the checkout, in ../shared)")
    records, summary = run(name, path)
    assert records and len({r["id"] for r in records}) == len(records)
    for record in records:
        text, mentions = record["text"], {}
        for entity in record["entities"]:
            assert entity["type"] in ("Person", "Organization", "Place", "Group")
            assert entity["iri"].startswith(ID + entity["type"].lower() + "/") and entity["iri"] not in mentions
            mentions[entity["iri"]] = {(m["start"], m["end"]) for m in entity["mentions"]}
            assert all(text[m["start"]:m["end"]] == m["text"] != "" for m in entity["mentions"])
        for fact in record["facts"]:
            ev = fact["evidence"]
            assert (ev["subject_mention"]["start"], ev["subject_mention"]["end"]) in mentions[fact["subject"]]
            assert (ev["object_mention"]["start"], ev["object_mention"]["end"]) in mentions[fact["object"]]
            assert fact["subject"] != fact["object"]
    assert sum(summary.facts.values()) > 0

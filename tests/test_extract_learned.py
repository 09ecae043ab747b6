"""The learned extractor in the pipeline: which extractor runs, and the shipped model as a fact source."""

import json

import pytest

from kg.errors import UsageError
from kg.extract.choice import SHIPPED, resolve_extractor
from kg.extract.extractor import extract
from kg.model import Document


@pytest.mark.parametrize("value, expected", [("rules", None), ("default", str(SHIPPED)), ("model", str(SHIPPED))])
def test_extract_learned_choice_names(value, expected):
    assert resolve_extractor(value) == expected


def test_extract_learned_choice_unset_is_the_shipped_model(monkeypatch):
    monkeypatch.delenv("KG_EXTRACTOR", raising=False)
    assert resolve_extractor(None) == str(SHIPPED)


def test_extract_learned_choice_environment(monkeypatch):
    monkeypatch.setenv("KG_EXTRACTOR", "model")
    assert resolve_extractor(None) == str(SHIPPED)


@pytest.mark.parametrize("value", ["rule", "", "no/such/dir"])
def test_extract_learned_choice_refuses_unknown(value, tmp_path):
    with pytest.raises(UsageError, match="rules, model, default"):
        resolve_extractor(value or str(tmp_path))


def test_extract_learned_shipped_model_is_complete():
    config = json.loads((SHIPPED / "config.json").read_text(encoding="utf-8"))
    assert config["mentions"] == "given"
    assert {p.name for p in SHIPPED.iterdir()} >= {"encoder.onnx", "heads.npz", "tokenizer.json", "config.json",
                                                    "MODEL_CARD.md"}


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # heads is a kind of worksFor: below the publish threshold for heads, the model may assert worksFor
    ("Acme Tools chief executive Maria Lopez said sales rose.", [("Maria Lopez", {"heads", "worksFor"}, "Acme Tools")]),
    ("Acme Tools, a valve maker based in Leeds, cut 200 jobs.", [("Acme Tools", {"basedIn"}, "Leeds")]),
    ("Maria Lopez did not meet Tony Blair.", []),
])
def test_extract_learned_shipped_model_reads_facts(text, expected):
    extraction = extract(Document("t", text), learned=str(SHIPPED))
    label = {e.key: e.label for e in extraction.entities}
    # only the model is this sure; a triple a rule read too keeps the rule's evidence and the model's confidence
    sure = sorted((label[f.subject], f.predicate, label[f.object]) for f in extraction.facts if f.confidence >= 0.9)
    assert len(sure) == len(expected)
    assert all(s == es and p in ep and o == eo for (s, p, o), (es, ep, eo) in zip(sure, expected))
    facts = [f for f in extraction.facts if f.rule == "model"]
    assert all(0.0 < f.confidence <= 1.0 and f.source == "model" for f in facts)


@pytest.mark.model
def test_extract_learned_shipped_model_asserts_nothing_below_its_publish_threshold():
    floor = json.loads((SHIPPED / "config.json").read_text(encoding="utf-8"))["publish_threshold"]
    text = ("Maria Lopez, a British lawyer who lives in Leeds, joined Acme Tools of Sheffield in 2019. "
            "Acme Tools chief executive Tom Reed met the French economy minister Anne Morel in Paris. "
            "Racing driver, Tom Hale, from Leeds built a new gearbox.")  # the model's own: Hale livesIn Leeds
    model = [f for f in extract(Document("t", text), learned=str(SHIPPED)).facts if f.rule == "model"]
    assert floor == 0.9 and model and all(f.confidence >= floor for f in model)


@pytest.mark.model
def test_extract_learned_rules_alone_have_no_model_facts():
    extraction = extract(Document("t", "Acme Tools chief executive Maria Lopez said sales rose."))
    assert all(f.rule != "model" for f in extraction.facts)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # the rules alone call these a place, a place and a person: the model reads the sentence
    ("Analysts at Pellaton said Tarvik Holdings would report higher profits.", {"Pellaton": "Organization"}),
    ("Strabo beat Kendal Rovers 3-1, and Fenwick Marsh scored twice for Strabo.", {"Strabo": "Organization"}),
    ("Tarvik Holdings sold Volganeftegas (Volgan) last month. Volgan now belongs to Pellaton Group.",
     {"Volgan": "Organization"}),
    # regression: NER called a water firm a person at six of seven mentions, and each mention outvoted the
    # model and the context again; a label now counts for three mentions at most
    ("Shares in Aguas Argentinas fell on Monday. The water firm Aguas Argentinas said prices were frozen. "
     "Aguas Argentinas chief executive Carlos Vela resigned. Aguas Argentinas said it would appeal. "
     "Aguas Argentinas denied the claims. Aguas Argentinas told reporters it had invested. "
     "Aguas Argentinas was not available for comment.", {"Aguas Argentinas": "Organization"}),
    # regression: the short form the model read as a lake gave the firm its place votes
    ("Baikal Finance Group emerged as the winner of the sale. Newspapers in Russia claimed that Baikal was a "
     "front for the gas giant Gazprom. One view is that Baikal will not pay on time, leaving Yugansk in the hands "
     "of bailiffs.", {"Baikal Finance Group": "Organization"}),
    # a word for a continent's things is the continent ("European" was a place of its own)
    ("European markets fell on Monday while Asian shares rose.", {"Europe": "Region", "Asia": "Region"}),
    # what is plain stays so
    ("He moved to France in 2003 and later to Italy.", {"France": "Country", "Italy": "Country"}),
    ("Maria Lopez met Tom Reed in Leeds.", {"Maria Lopez": "Person", "Tom Reed": "Person", "Leeds": "City"}),
])
def test_extract_learned_shipped_model_types_entities(text, expected):
    types = {e.label: e.type for e in extract(Document("t", text), learned=str(SHIPPED)).entities}
    assert {label: types.get(label) for label in expected} == expected


@pytest.mark.model
@pytest.mark.parametrize("last, encoded", [
    ("Tom Reed left early.", 2),  # a name read in a sentence before: its sentence of its own is not read
    ("Kestrel Bank said nothing.", 3),  # a name read nowhere else: its sentence is read for its type
])
def test_extract_learned_typing_encodes_each_sentence_once(last, encoded, monkeypatch):
    from kg.extract.learned import load_learned

    model = load_learned(str(SHIPPED))
    calls = []
    encode = model.encode
    monkeypatch.setattr(model, "encode", lambda *arrays: calls.append(arrays[0].shape) or encode(*arrays))
    text = "Maria Lopez met Tom Reed in Leeds. Acme Tools chief executive Ann Berg said sales rose. " + last
    extraction = extract(Document("t", text), learned=str(SHIPPED))
    # the first two sentences are typed and related on one encoding each
    assert extraction.entities and sum(shape[0] for shape in calls) == encoded


@pytest.mark.model
def test_extract_learned_regression_a_sentence_scores_the_same_whatever_its_batch_mates():
    # dynamic int8 quantisation scaled a batch's activations together: a sentence's type scores moved
    # with the other sentences of its article, and a player was typed a place
    from kg.extract.learned import load_learned

    model = load_learned(str(SHIPPED))
    sentence = "France's Fabien Pelous and Italy's Marco Bortolami are also in the squad."
    mates = ["Analysts at Pellaton said Tarvik Holdings would report higher profits on Monday, after the "
             "Chancellor's Budget, and the Bank of England kept its interest rate at 4.75%.",
             "Shares in Sun Microsystems fell."]
    alone = model.type_scores([sentence], [[(9, 22), (34, 49)]])[0]
    batched = model.type_scores([*mates, sentence], [[(12, 20)], [(10, 26)], [(9, 22), (34, 49)]])[2]
    assert all((a == b).all() for a, b in zip(alone, batched))

"""The fact-source registry: unique ids, and every fact's kg:rule, property and source registered."""

import ast
from pathlib import Path

import pytest

from kg.extract.sources import BY_ID, SOURCES, DocumentSource, Rule, extract_facts, sources_of
from kg.model import Document, Fact

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "000_b78362be98e5ff12.txt"
# the fact tables of the rule tests: every sentence in their parametrize tables
TABLES = ("test_extract_facts.py", "test_facts_agents.py", "test_facts_killings.py", "test_employment_facts.py",
          "test_orgplaces_locatives.py", "test_placefacts_locatives.py", "test_datelines_facts.py")


def table_sentences():
    """Return the sentences of the rule tests' parametrize tables (string constants of 30+ characters)."""
    found = []
    for name in TABLES:
        tree = ast.parse((HERE / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize":
                found += [c.value for c in ast.walk(node) if isinstance(c, ast.Constant)
                          and isinstance(c.value, str) and len(c.value) >= 30]
    return sorted(set(found))


def test_sources_ids_unique_and_described():
    ids = [s.id for s in SOURCES]
    assert len(ids) == len(set(ids)) and set(ids) == set(BY_ID)
    for source in SOURCES:
        assert source.rules and source.properties
        for rule in source.rules:
            assert rule.prior is None or 0 < rule.prior <= 1


def test_sources_rule_names_map_to_their_sources():
    assert sources_of("verb:call") == ["verbs"]
    assert sources_of("noun:call:between") == ["nouns"]
    assert sources_of("title:analyst") == ["titles"]
    assert sources_of("prep-locative:of") == ["locatives"]
    assert set(sources_of("verb:join")) == {"verbs", "employment"}  # both read verbs: the fact says which
    assert sources_of("no-such-rule") == []


def check(facts):
    """Assert each fact came from a registered source whose rules cover its rule name and property."""
    for fact in facts:
        source = BY_ID.get(fact.source)
        assert source is not None, f"{fact.rule}: no registered source {fact.source!r}"
        assert fact.source in sources_of(fact.rule), f"{fact.rule} is not a rule of {fact.source}"
        assert any(r.matches(fact.rule, fact.predicate) for r in source.rules), \
            f"{fact.source} does not register {fact.rule} asserting {fact.predicate}"


@pytest.mark.model
def test_sources_every_fact_of_the_seed_and_the_tables_is_registered():
    from kg.extract.extractor import extract, extract_many

    seed = extract(Document("seed", SEED.read_text(encoding="utf-8"), "2021-04-03"))
    assert len(seed.facts) >= 10
    check(seed.facts)
    docs = [Document(str(i), text, "2021-04-03") for i, text in enumerate(table_sentences())]
    assert len(docs) > 100
    facts = [f for x in extract_many(docs) for f in x.facts]
    check(facts)
    assert {f.source for f in facts} >= {"verbs", "nouns", "titles", "employment", "locatives", "place-shapes"}


@pytest.mark.model
def test_sources_a_document_source_joins_the_driver():
    """A source that is no rule over a Sentence (a trained model) registers and runs beside the rules."""
    from kg.extract.coref import EntityIndex
    from kg.extract.entities import resolve_entities
    from kg.extract.nlp import load_model

    def model(parsed):
        first = next(iter(parsed.doc.sents))
        keys = list(parsed.index.entities)
        span = parsed.index.entities[keys[0]].mentions[0]
        sentence = type(span)(first.start_char, first.end_char, first.text)
        yield Fact(keys[0], "alliedWith", keys[1], 0.5, sentence, span, parsed.index.entities[keys[1]].mentions[0],
                   "model")

    doc = load_model()("Joe Biden met Boris Johnson in London. It rained.")
    index = EntityIndex(doc, *resolve_entities(doc))
    source = DocumentSource("model", (Rule("model", ("alliedWith",), 0.5),), model)
    facts = extract_facts(doc, index, None, SOURCES + (source,))
    assert [f.rule for f in facts if f.source == "model"] == ["model"]
    assert [f.rule for f in facts if f.source == "verbs"] == ["verb:meet"]


def test_sources_keep_the_spacy_components_they_read():
    from kg.extract.nlp import unused_components
    from kg.extract.sources import components

    class Pipeline:
        component_names = ["tok2vec", "tagger", "parser", "ner", "textcat", "kg_relations"]

    model = DocumentSource("model", (Rule("model", ("met",), 0.5),), lambda parsed: [], ("kg_relations",))
    assert components(SOURCES + (model,)) == {"kg_relations"}
    assert unused_components(Pipeline(), keep=components(SOURCES + (model,))) == ["textcat"]
    assert unused_components(Pipeline()) == ["textcat", "kg_relations"]  # no registered source reads it

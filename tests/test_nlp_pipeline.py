"""The spaCy pipeline kg loads: only the components it reads, paragraph starts, long texts cut at paragraphs."""

import random

import pytest

from kg.extract.nlp import NEEDED, load_model, split_text


def test_nlp_split_text_joins_back_within_the_limit():
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 200)))
        limit = rng.randint(1, 40)
        pieces = split_text(text, limit)
        assert "".join(pieces) == text
        assert all(0 < len(p) <= limit for p in pieces[:-1]) and len(pieces[-1]) <= limit


def test_nlp_split_text_cuts_after_paragraph_breaks_first():
    text = "First paragraph here.\n\nSecond one, a line\nthen more words to cut"
    assert split_text(text, 30) == ["First paragraph here.\n\n", "Second one, a line\n", "then more words to cut"]


def test_nlp_split_text_cuts_mid_word_only_without_spaces():
    assert split_text("abcdefghij", 4) == ["abcd", "efgh", "ij"]


@pytest.mark.model
def test_nlp_pipeline_runs_only_needed_components():
    nlp = load_model()
    assert set(nlp.component_names) - {"kg_paragraphs"} <= NEEDED
    assert "senter" not in nlp.component_names  # the parser finds sentences


@pytest.mark.model
def test_nlp_pipeline_starts_a_sentence_at_each_line():
    doc = load_model()("date 2021-04-03\nBIDEN CALLS ZELENSKY\nJoe Biden called Volodymyr Zelensky on Friday.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[:3] == ["date 2021-04-03", "BIDEN CALLS ZELENSKY", "Joe Biden called Volodymyr Zelensky on Friday."]

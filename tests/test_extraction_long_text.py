"""Texts longer than spaCy's max_length: parsed in pieces cut at paragraphs, offsets into the whole text."""

import pytest

from kg.extract.extractor import extract
from kg.model import Document
from kg.extract.nlp import load_model

pytestmark = pytest.mark.model

PARAGRAPHS = [
    "Joe Biden called Volodymyr Zelensky on Friday.",
    "Japanese Prime Minister Fumio Kishida met Canadian Prime Minister Justin Trudeau in Tokyo on Tuesday.",
    "Boris Johnson held talks with Narendra Modi in London.",
    "Russia annexed Crimea in 2014.",
]
TEXT = "date 2021-04-03\n" + "\n\n".join(PARAGRAPHS * 2)


@pytest.fixture
def short_limit(monkeypatch):
    nlp = load_model()
    monkeypatch.setattr(nlp, "max_length", 120)
    return nlp


def test_extraction_long_text_is_split_not_refused(short_limit):
    x = extract(Document("long.txt", TEXT), short_limit)
    assert x.document.published == "2021-04-03"
    spans = [m for e in x.entities for m in e.mentions]
    spans += [s for f in x.facts for s in (f.sentence, f.subject_mention, f.object_mention)]
    assert spans and all(TEXT[s.start:s.end] == s.text for s in spans)
    # facts come from the pieces after the first too, at their places in the whole text
    annexed = [f for f in x.facts if f.predicate == "annexed"]
    assert len({f.sentence.start for f in annexed}) == 2
    assert max(s.end for s in spans) > len(TEXT) - len(PARAGRAPHS[-1])


def test_extraction_long_text_without_breaks_is_cut_at_spaces(short_limit):
    text = " ".join(PARAGRAPHS)
    x = extract(Document("one-line.txt", text), short_limit)
    assert all(text[m.start:m.end] == m.text for e in x.entities for m in e.mentions)
    assert {e.label for e in x.entities} >= {"Joe Biden", "Crimea"}

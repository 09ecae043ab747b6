"""Long texts in linear time (issue #15): extraction time grew with the square of a document's length
(125 KB: 59 s, 250 KB: 253 s) - coreference scanned the whole history at every token, surnames every
earlier mention - and spaCy parsed a long text whole (250 KB: 1.2 GB). The figures come from
tests/benchmarks/long_text.py; these tests pin the behaviour that makes them linear."""

import pytest

from kg.extract.extractor import PIECE_CHARS, extract_many
from kg.extract.nlp import load_model
from kg.model import Document

pytestmark = pytest.mark.model

PARAGRAPH = ("Joe Biden met Emmanuel Macron in Paris on Monday. He said the talks went well. "
             "Macron later called Olaf Scholz. The French president said he was hopeful.\n\n")


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_long_text_parsed_in_bounded_pieces(nlp, monkeypatch):
    seen = []
    pipe = nlp.pipe

    def watched(texts, **kwargs):
        texts = list(texts)
        seen.extend(len(t[0]) for t in texts)
        return pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", watched)
    text = PARAGRAPH * (3 * PIECE_CHARS // len(PARAGRAPH))
    extraction = next(extract_many([Document("long", text)], nlp))
    assert len(seen) >= 3 and max(seen) <= PIECE_CHARS
    for entity in extraction.entities:
        for span in entity.mentions:
            assert text[span.start:span.end] == span.text  # offsets into the whole text


def test_long_text_pronouns_resolve_as_in_a_short_one(nlp):
    short = next(extract_many([Document("short", PARAGRAPH)], nlp))
    long = next(extract_many([Document("long", PARAGRAPH * 60)], nlp))
    facts = {(f.subject, f.predicate, f.object) for f in short.facts}
    assert facts and facts <= {(f.subject, f.predicate, f.object) for f in long.facts}
    per_copy = len(short.facts)
    assert len(long.facts) == 60 * per_copy  # every copy read alike: no history leaks across copies


NAMES = ["Angela Merkel", "Olaf Scholz", "Boris Johnson", "Theresa May", "Justin Trudeau", "Narendra Modi",
         "Jacinda Ardern", "Scott Morrison", "Pedro Sanchez", "Mark Rutte", "Sanna Marin", "Viktor Orban",
         "Recep Erdogan", "Cyril Ramaphosa", "Jair Bolsonaro", "Alberto Fernandez", "Moon Jae-in"]


def test_long_text_surname_joins_its_full_name_among_many(nlp):
    text = "".join(f"{n} spoke in London on Monday. " for n in NAMES * 10) + "Later, Merkel left Paris."
    extraction = next(extract_many([Document("names", text)], nlp))
    owner = next((e for e in extraction.entities if any(m.text == "Merkel" for m in e.mentions)), None)
    assert owner is not None and owner.label == "Angela Merkel"

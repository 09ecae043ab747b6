"""Run the real extractor on one sentence and give its facts as label triples, for fact tables."""

from kg.extract.extractor import extract
from kg.model import Document


def fact_triples(text, published="2021-04-03"):
    """Return {(subject label, predicate, object label)} of the facts kg reads from a text."""
    x = extract(Document("t", text, published))
    label = {e.key: e.label for e in x.entities}
    return {(label[f.subject], f.predicate, label[f.object]) for f in x.facts}

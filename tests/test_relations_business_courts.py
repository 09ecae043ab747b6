"""Deals and courts (issue #14): acquired, mergedWith, investedIn, sued, fined, arrested, charged, convicted.

Each property is stated by a rule of the catalogue; rows that must yield nothing are negated,
planned, rumoured, threatened or conditional statements of the same acts.
"""

import pytest

from kg.extract.extractor import extract
from kg.model import Document

pytestmark = pytest.mark.model

NEW = ("acquired", "mergedWith", "investedIn", "sued", "fined", "arrested", "charged", "convicted")

TABLE = [
    ("Microsoft acquired LinkedIn in 2016.", [("Microsoft", "acquired", "LinkedIn")]),
    ("Acme Corp bought Widget Ltd for $40m in 2019.", [("Acme Corp", "acquired", "Widget Ltd")]),
    ("Glaxo merged with SmithKline in 2000.", [("Glaxo", "mergedWith", "SmithKline")]),
    ("Toyota invested in Tesla.", [("Toyota", "investedIn", "Tesla")]),
    ("Microsoft sued Motorola in a Seattle court.", [("Microsoft", "sued", "Motorola")]),
    ("The European Commission fined Microsoft in March.", [("European Commission", "fined", "Microsoft")]),
    ("The Metropolitan Police arrested John Smith in London.", [("Metropolitan Police", "arrested", "John Smith")]),
    ("The Serious Fraud Office charged Jane Doe with fraud.", [("Serious Fraud Office", "charged", "Jane Doe")]),
    ("Jane Doe was charged by the Serious Fraud Office.", [("Serious Fraud Office", "charged", "Jane Doe")]),
    ("Southwark Crown Court convicted Jane Doe of fraud.", [("Southwark Crown Court", "convicted", "Jane Doe")]),
    # a plural noun's appositive list: every name of it is an object
    ("Acme Corp bought two rivals, Widget Ltd and Gadget Ltd, in 2019.",
     [("Acme Corp", "acquired", "Widget Ltd"), ("Acme Corp", "acquired", "Gadget Ltd")]),
    ("The European Commission fined two banks, Barclays and HSBC, in March.",
     [("European Commission", "fined", "Barclays"), ("European Commission", "fined", "HSBC")]),
    # rows that must yield nothing: negated, planned, rumoured, threatened, conditional
    ("Acme Corp is in talks to buy Widget Ltd.", []),
    ("Microsoft is rumoured to be buying Yahoo.", []),
    ("Glaxo denied plans to merge with SmithKline.", []),
    ("Toyota denied that it would invest in Tesla.", []),
    ("Microsoft threatened to sue Motorola.", []),
    ("The European Commission could fine Microsoft.", []),
    ("Police did not arrest John Smith.", []),
    ("Microsoft was not charged by the Serious Fraud Office.", []),
    ("Southwark Crown Court may convict Jane Doe.", []),
    ("Acme Corp is in talks to buy two rivals, Widget Ltd and Gadget Ltd.", []),
]


def _new_facts(text):
    """Return (subject label, property, object label) of the deal and court facts read from a sentence."""
    extraction = extract(Document("t", text))
    label = {e.key: e.label for e in extraction.entities}
    return sorted((label[f.subject], f.predicate, label[f.object]) for f in extraction.facts if f.predicate in NEW)


@pytest.mark.parametrize("text, expected", TABLE)
def test_relations_business_courts_table(text, expected):
    assert _new_facts(text) == sorted(expected)


def test_relations_business_courts_cover_every_new_property():
    stated = {p for _, facts in TABLE for _, p, _ in facts}
    assert stated == set(NEW)

"""Confidence is a rule's measured precision, smoothed toward its family and the prior."""

import json

import pytest

from kg.extract import confidence as C


def test_confidence_measured_rule_follows_its_counts():
    table = json.loads(C.CALIBRATION.read_text())
    key, counts = max(table.items(), key=lambda kv: kv[1]["seen"])
    predicate, rule = key.split(" ", 1)
    measured = counts["right"] / counts["seen"]
    assert abs(C.rule_precision(predicate, rule, 0.5) - measured) < 0.1  # many facts seen: the data speaks


def test_confidence_unmeasured_rule_keeps_its_prior():
    assert C.rule_precision("called", "verb:never-seen-rule", 0.73) == pytest.approx(0.73)


def test_confidence_rare_rule_leans_on_its_family():
    rules, families = C._tables()
    rare = next(k for k, c in rules.items() if c["seen"] == 1 and families[C._family(k)][1] > 10)
    predicate, rule = rare.split(" ", 1)
    family_right, family_seen = families[C._family(rare)]
    value = C.rule_precision(predicate, rule, 0.5)
    assert abs(value - family_right / family_seen) < abs(value - rules[rare]["right"])


def test_confidence_indirect_arguments_lower_it_and_it_stays_in_range():
    direct = C.confidence("livesIn", "verb:bear", 0.6)
    assert 0 < C.confidence("livesIn", "verb:bear", 0.6, direct=False) < direct <= 1

"""Confidence that means something: a rule's precision measured on labelled data, smoothed.

kg/data/calibration.json holds, per property and rule ("worksFor title:judge"), how many of its
facts were right on labelled data (tools/calibrate.py writes it). A rule seen rarely leans on its
family for that property ("worksFor title"), and a family seen rarely on the prior in the code.
"""

import json
from functools import lru_cache

from kg.data import data_file

CALIBRATION = data_file("calibration.json")
SHRINK = 4  # pseudo-observations of the broader estimate: 4 facts seen outweigh it
INDIRECT = 0.8  # an argument read through a modifier or a pronoun is a step further from the text


@lru_cache(maxsize=1)
def _tables():
    rules = json.loads(CALIBRATION.read_text(encoding="utf-8")) if CALIBRATION.exists() else {}
    families: dict[str, list[int]] = {}
    for rule, c in rules.items():
        total = families.setdefault(_family(rule), [0, 0])
        total[0] += c["right"]
        total[1] += c["seen"]
    return rules, families


def _family(key):
    return key.split(":", 1)[0]


def _shrunk(right, seen, prior):
    return (right + SHRINK * prior) / (seen + SHRINK)


def rule_precision(predicate, rule, prior):
    """Return the smoothed precision of a rule for a property, leaning on its family, then the prior."""
    rules, families = _tables()
    key = f"{predicate} {rule}"
    family = families.get(_family(key))
    family_p = _shrunk(family[0], family[1], prior) if family else prior
    c = rules.get(key)
    return _shrunk(c["right"], c["seen"], family_p) if c else family_p


def confidence(predicate, rule, prior, direct=True):
    """Return a fact's confidence in [0, 1], rounded to three places."""
    value = rule_precision(predicate, rule, prior) * (1.0 if direct else INDIRECT)
    return round(min(max(value, 0.0), 1.0), 3)

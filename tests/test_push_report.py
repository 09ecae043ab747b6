"""kg push's one-line account counts in words a reader can trust: "1 graph", never "1 graphs" (#16)."""

import pytest

from kg.errors import ServerError
from kg.remote.push import _not_loaded, push_report


def summary(**counts):
    base = {"graphs": 0, "triples": 0, "requests": 0, "method": "gsp", "skipped": 0, "pruned": 0}
    return base | counts


@pytest.mark.parametrize("counts, dry_run, expected", [
    ({"graphs": 1, "triples": 1, "requests": 1}, False, "pushed 1 graph (1 triple, 1 request, gsp)"),
    ({"graphs": 2, "triples": 678, "requests": 3}, False, "pushed 2 graphs (678 triples, 3 requests, gsp)"),
    ({"graphs": 0}, False, "pushed 0 graphs (0 triples, 0 requests, gsp)"),
    ({"graphs": 1, "triples": 5, "requests": 1, "skipped": 1, "pruned": 1, "verified": 1}, False,
     "pushed 1 graph (5 triples, 1 request, gsp); 1 unchanged graph skipped; dropped 1 graph the store "
     "no longer has; 1 graph verified"),
    ({"graphs": 3, "triples": 9, "requests": 3, "skipped": 2, "pruned": 4}, True,
     "would push 3 graphs (9 triples, 3 requests, gsp); 2 unchanged graphs skipped; would drop 4 graphs the "
     "store no longer has"),
])
def test_push_report_singular_and_plural(counts, dry_run, expected):
    assert push_report(summary(**counts), dry_run) == expected


def test_push_report_one_graph_not_loaded_is_singular():
    error = _not_loaded(ServerError("refused"), ["urn:a"], ["urn:b", "urn:c"])
    assert "1 graph not loaded: urn:a; 2 graphs not dropped: urn:b, urn:c." in str(error)

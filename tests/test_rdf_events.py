"""The key of an event and the rule that settles an undated report on a dated event."""

import pytest

from kg.rdf.events import event_iri, participants, settled_day, undated_when

BIDEN, ZELENSKY = "http://kg.example.org/id/person/Joe_Biden", "http://kg.example.org/id/person/Volodymyr_Zelensky"
OFCOM, BT = "http://kg.example.org/id/organization/Ofcom", "http://kg.example.org/id/organization/BT"


@pytest.mark.parametrize("published, days, expected", [
    ("2021-04-03", ["2021-04-02"], "2021-04-02"),                  # the day before publication
    ("2021-04-02", ["2021-04-02"], "2021-04-02"),                  # the day of publication
    ("2021-04-05", ["2021-04-02"], "2021-04-02"),                  # three days before: still in the window
    ("2021-04-06", ["2021-04-02"], None),                          # four days before: a report of another call
    ("2021-04-05", ["2021-04-02", "2021-04-05"], "2021-04-05"),    # the latest of two in the window
    ("2021-04-05", ["2021-04-05", "2021-04-02"], "2021-04-05"),    # whatever order they are listed in
    ("2021-04-01", ["2021-04-02"], None),                          # an event after publication is not reported
    ("2021-04-03", ["2021-04", "2021"], None),                     # a month or a year is no day
    (None, ["2021-04-02"], None),                                  # no publication date: no window
    ("2021-04-03", [], None),
])
def test_rdf_events_settled_day(published, days, expected):
    assert settled_day(published, days) == expected


def test_rdf_events_symmetric_kinds_ignore_direction():
    assert participants("Call", ZELENSKY, BIDEN) == participants("Call", BIDEN, ZELENSKY) == (BIDEN, ZELENSKY)
    assert event_iri("Meeting", ZELENSKY, BIDEN, "2021-04-02") == event_iri("Meeting", BIDEN, ZELENSKY, "2021-04-02")
    assert participants("Fine", OFCOM, BT) == (OFCOM, BT)
    assert event_iri("Fine", OFCOM, BT, "2018-03-05") != event_iri("Fine", BT, OFCOM, "2018-03-05")


@pytest.mark.parametrize("other", [
    ("Meeting", BIDEN, ZELENSKY, "2021-04-02"),                    # another kind
    ("Call", BIDEN, OFCOM, "2021-04-02"),                          # another participant
    ("Call", BIDEN, ZELENSKY, "2021-04-05"),                       # another day
    ("Call", BIDEN, ZELENSKY, "2021-04"),                          # a month is not that day
    ("Call", BIDEN, ZELENSKY, undated_when("2021-04-02", "a.txt")),  # an undated report's own event
])
def test_rdf_events_key_parts_each_tell_events_apart(other):
    assert event_iri("Call", BIDEN, ZELENSKY, "2021-04-02") != event_iri(*other)
    assert event_iri(*other).startswith(f"http://kg.example.org/event/{other[0].lower()}-")


def test_rdf_events_undated_report_keys_on_its_publication_day_else_its_document():
    assert undated_when("2021-04-02", "a.txt") == undated_when("2021-04-02", "b.txt") == "published:2021-04-02"
    assert undated_when(None, "a.txt") != undated_when(None, "b.txt")

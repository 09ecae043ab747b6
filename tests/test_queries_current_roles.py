"""kg query current-roles (issue #14): who held what at a date, on a real store of dated reports: begun by
then (a start, else the report's publication date) and not ended by then in any report."""

import csv
import io
import json

import pytest

pytestmark = pytest.mark.model

REPORTS = [  # sentences written for this test, each a report of its own day
    ("n-500", "2019-05-10", "Ann Lee was appointed chief executive of Tesco on Thursday."),  # start 2019-05-09
    ("n-501", "2023-06-02", "Tesco chief executive Ann Lee resigned on Tuesday."),  # end 2023-05-30
    ("n-502", "2022-01-14", "John Smith, the former chairman of Tesco, joined Barclays in 2020."),
    ("n-503", "2021-03-05", "Tesco chairman Bo Li said profits rose."),  # no start: held on 2021-03-05
]


@pytest.fixture
def kg_store(kg, tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps({"id": i, "published": day, "text": text}) + "\n"
                            for i, day, text in REPORTS))
    code, _, err = kg("ingest", "--input-format", "jsonl", str(path))
    assert code == 0, err
    return kg


def roles(kg, *pairs):
    """Return the (holder, predicate, organisation) rows of current-roles for the given parameters."""
    code, out, err = kg("query", "current-roles", *pairs, "--format", "csv")
    assert code == 0, err
    return sorted((r["holder"], r["predicate"], r["organisation"]) for r in csv.DictReader(io.StringIO(out)))


@pytest.mark.parametrize("date, expected", [
    ("2019-01-01", []),  # before anyone's post began, as far as the reports say
    ("2019-05-09", [("Ann Lee", "heads", "Tesco")]),
    ("2019", [("Ann Lee", "heads", "Tesco")]),  # a year compares at the year
    ("2021-03-05", [("Ann Lee", "heads", "Tesco"), ("Bo Li", "heads", "Tesco")]),
    ("2023-05-29", [("Ann Lee", "heads", "Tesco"), ("Bo Li", "heads", "Tesco")]),
    ("2023-05-30", [("Bo Li", "heads", "Tesco")]),  # she resigned that day
    ("today", [("Bo Li", "heads", "Tesco")]),
])
def test_current_roles_of_an_organisation_at_a_date(kg_store, date, expected):
    assert roles(kg_store, "entity=tesco", f"date={date}") == expected


def test_current_roles_former_post_never_current_and_the_new_one_from_its_start(kg_store):
    # "the former chairman of Tesco": ended, undated, so never current; Barclays from 2020
    assert roles(kg_store, "entity=John Smith", "date=2019-12-31") == []
    assert roles(kg_store, "entity=John Smith", "date=2020-06-01") == [("John Smith", "worksFor", "Barclays")]
    assert roles(kg_store, "entity=John Smith") == [("John Smith", "worksFor", "Barclays")]


def test_current_roles_takes_param_option_and_shows_dates(kg_store):
    code, out, err = kg_store("query", "current-roles", "--param", "entity=Ann Lee", "--param", "date=2020-01-01",
                              "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    rows = rows.get("rows", rows) if isinstance(rows, dict) else rows
    assert len(rows) == 1
    text = json.dumps(rows[0])
    assert "2019-05-09" in text and "Tesco" in text


@pytest.mark.parametrize("value", ["March", "2024-13-01", "08/03/2024", "2024-3-8"])
def test_current_roles_refuses_a_date_that_is_no_date(kg_store, value):
    code, out, err = kg_store("query", "current-roles", "entity=Tesco", f"date={value}")
    assert code == 2 and repr(value) in err and "YYYY-MM-DD" in err


def test_current_roles_pairs_after_an_inline_query_bind_its_params(kg_store):
    # regression: with -e there is no name, so the first KEY=VALUE must not be taken for one
    sparql = "# The entities of a label.\n# param who: a label\nSELECT ?e WHERE { GRAPH ?g { ?e rdfs:label ?who } }"
    code, out, err = kg_store("query", "-e", sparql, "who=Bo Li", "--format", "csv")
    assert code == 0, err
    assert out.splitlines()[1:] == ["http://kg.example.org/id/person/Bo_Li"]

"""Publication dates for inputs that give none (issue #14): --published for a run, "published", "date" or
"datePublished" in a JSON-lines record, beside the "date" header line; relative dates in facts then resolve
against it, and an invalid value is refused naming it."""

import json

import pytest

from kg.pipeline.inputs import InputReport, read_documents

CALL = "Ann Lee called Bo Li on Tuesday."  # 2024-03-08 is a Friday: that Tuesday is 2024-03-05


def facts(out):
    """Return {document id: [(predicate, date)]} of kg extract's JSON lines."""
    lines = [json.loads(line) for line in out.splitlines()]
    return {r["id"]: [(f["predicate"], f.get("date")) for f in r["facts"]] for r in lines}


@pytest.mark.parametrize("where", ["before", "after"])
def test_published_option_dates_a_text_file(kg, tmp_path, where):
    (tmp_path / "call.txt").write_text(CALL)
    option = ["--published", "2024-03-08"]
    args = [*option, "extract", "call.txt"] if where == "before" else ["extract", "call.txt", *option]
    code, out, err = kg(*args)
    assert code == 0, err
    assert facts(out) == {"call.txt": [("called", "2024-03-05")]}


def test_published_option_leaves_a_date_header_line_its_own(kg, tmp_path):
    (tmp_path / "call.txt").write_text("date 2024-03-15\n" + CALL)
    code, out, err = kg("extract", "--published", "2024-03-08", "call.txt")
    assert code == 0, err
    assert facts(out) == {"call.txt": [("called", "2024-03-12")]}


@pytest.mark.parametrize("record, expected", [
    ({"published": "2024-03-15"}, "2024-03-12"),  # the record's own date, not the run's
    ({"date": "2024-03-15"}, "2024-03-12"),
    ({"datePublished": "2024-03-15T09:30:00+01:00"}, "2024-03-12"),
    ({}, "2024-03-05"),  # none: the run's
    ({"date": ""}, "2024-03-05"),
])
def test_published_record_fields_then_the_run(kg, tmp_path, record, expected):
    (tmp_path / "news.jsonl").write_text(json.dumps({"id": "n-300", "text": CALL, **record}) + "\n")
    code, out, err = kg("extract", "--published", "2024-03-08", "--input-format", "jsonl", "news.jsonl")
    assert code == 0, err
    assert facts(out) == {"n-300": [("called", expected)]}


def test_published_record_without_any_date_has_no_relative_date(kg, tmp_path):
    (tmp_path / "news.jsonl").write_text(json.dumps({"id": "n-301", "text": CALL}) + "\n")
    code, out, err = kg("extract", "--input-format", "jsonl", "news.jsonl")
    assert code == 0, err
    assert facts(out) == {"n-301": [("called", None)]}


@pytest.mark.parametrize("value", ["2024-02-30", "08/03/2024", "yesterday", "2024-3-8", "٢٠٢٤-٠٣-٠٨"])
def test_published_invalid_option_is_refused_naming_it(kg, tmp_path, value):
    (tmp_path / "call.txt").write_text(CALL)
    code, out, err = kg("extract", "--published", value, "call.txt")
    assert code == 2 and out == ""
    assert repr(value) in err and "YYYY-MM-DD" in err


@pytest.mark.parametrize("key", ["published", "date", "datePublished"])
def test_published_invalid_record_date_is_warned_and_dropped(tmp_path, key):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "n-302", "text": CALL, key: "next Tuesday"}) + "\n")
    report = InputReport()
    warnings = []
    report.warn = warnings.append
    docs = list(read_documents([str(path)], "jsonl", report, published="2024-03-08"))
    # an invalid date of its own is dropped, and the run's date stands in for it
    assert [d.published for d in docs] == ["2024-03-08"]
    assert len(warnings) == 1 and f'"{key}" \'next Tuesday\' is not a date' in warnings[0]


def test_published_record_date_of_the_wrong_type_is_refused(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "n-303", "text": CALL, "datePublished": 20240308}) + "\n")
    report = InputReport()
    assert list(read_documents([str(path)], "jsonl", report)) == []
    assert '"datePublished" must be a string' in report.problems[0]


@pytest.mark.parametrize("sentence, expected", [
    ("Tesco bought the wholesaler Booker last year.", "2023"),
    ("Tesco bought the wholesaler Booker earlier this month.", "2024-03"),
    ("Tesco bought the wholesaler Booker last month.", "2024-02"),
    ("Tesco bought the wholesaler Booker yesterday.", "2024-03-07"),
    ("Tesco bought the wholesaler Booker on Monday.", "2024-03-04"),
])
def test_published_relative_dates_resolve_in_facts(kg, tmp_path, sentence, expected):
    (tmp_path / "deal.txt").write_text(sentence)
    code, out, err = kg("extract", "--published", "2024-03-08", "deal.txt")
    assert code == 0, err
    assert facts(out)["deal.txt"] == [("acquired", expected)]


def test_published_relative_date_without_publication_is_no_date(kg, tmp_path):
    (tmp_path / "deal.txt").write_text("Tesco bought the wholesaler Booker last year.")
    code, out, err = kg("extract", "deal.txt")
    assert code == 0, err
    assert facts(out)["deal.txt"] == [("acquired", None)]

"""No input record stops a run or loses another (issue #15): each hostile JSON line is refused by name
(or read with a warning), the lines around it are processed, never a traceback. A fuzz test drives
the JSON-lines and text readers with 10,000+ generated inputs."""

import json
import string

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kg.errors import InputError
from kg.pipeline.inputs import InputReport, read_documents
from kg.pipeline.records import size

GOOD = "Joe Biden called Volodymyr Zelensky on Monday."
A = json.dumps({"id": "a", "text": GOOD})
C = json.dumps({"id": "c", "text": GOOD})


@pytest.mark.parametrize("line, code, message", [
    ('{"id": "b", "text": "x", "title": 5}', 1, '"title" must be a string'),
    ('{"id": "b", "text": "x", "published": 5}', 1, '"published" must be a string'),
    ('{"id": "b", "text": "x", "published": NaN}', 1, '"published" must be a string'),
    ('{"id": NaN, "text": "x"}', 1, '"id" must be a string'),
    ('{"id": true, "text": "x"}', 1, '"id" must be a string'),
    ('{"id": "", "text": "x"}', 1, '"id" is empty'),
    ('[' * 3000 + ']' * 3000, 1, "nested too deeply"),
    ('{"id": "b", "text": "' + '[' * 3000 + '"}', 0, ""),
    ('{"id": "b", "text": "lone \\ud800 surrogate"}', 1, "lone surrogate"),
    ('{"id": "\\udc00", "text": "x"}', 1, "lone surrogate"),
    ('{"id": ' + "7" * 5000 + ', "text": "x"}', 1, "cannot be read"),
    ('{"id": "b", "text": "x", "published": "garbage"}', 0, "is not a date"),
    ('{"id": "b", "text": "x", "published": "2021-02-30"}', 0, "is not a date"),
    ('{"id": "b", "text": "a\u2028b\u0085c"}', 0, ""),
    ('{"id": "b", "text": "x", "published": "2021-04-03T10:00:00Z"}', 0, ""),
    ("\x00\x01", 1, "not JSON"),
])
def test_records_hostile_line_never_stops_the_run(kg, tmp_path, line, code, message):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join([A, line, C]) + "\n", encoding="utf-8", errors="surrogatepass")
    result, out, err = kg("extract", "--input-format", "jsonl", str(path))
    ids = [json.loads(x)["id"] for x in out.splitlines()]
    assert result == code, err
    assert ids[0] == "a" and ids[-1] == "c" and len(ids) == (3 if code == 0 else 2)
    assert message in err and (code == 0 or "news.jsonl:2" in err)


def test_records_invalid_date_is_not_written_as_a_date(kg, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "b", "text": GOOD, "published": "2021-02-30"}) + "\n")
    code, out, _ = kg("extract", "--input-format", "jsonl", "--format", "turtle", str(path))
    assert code == 0 and "2021-02-30" not in out


@pytest.mark.parametrize("args, stdin, message", [
    (["--input-format", "jsonl", "--max-bytes", "100"], json.dumps({"id": "b", "text": "x" * 200}), "100 bytes"),
    (["--max-bytes", "100"], "x " * 200, "over 101 bytes"),
])
def test_records_max_bytes_applies_to_jsonl_and_stdin(kg, monkeypatch, args, stdin, message):
    import io
    import sys
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code, out, err = kg("extract", *args, "-")
    assert code == 1 and message in err and "--max-bytes" in err and "0 MB" not in err and out == ""


def check_read(tmp_path, data, input_format):
    """Read one generated file; every line ends a Document or a problem naming it, never an exception."""
    path = tmp_path / ("case.jsonl" if input_format == "jsonl" else "case.txt")
    path.write_bytes(data)
    report = InputReport()
    docs = list(read_documents([str(path)], input_format, report))
    for doc in docs:
        assert isinstance(doc.id, str) and isinstance(doc.text, str)
        doc.text.encode("utf-8")  # real Unicode: RDF can hold it
        doc.id.encode("utf-8")
        assert doc.published is None or len(doc.published) == 10
    assert all(str(path) in p for p in report.problems)
    try:
        report.raise_if_any()
        return 0
    except InputError:
        return 1


JSONL_CASES, TEXT_CASES = 8000, 2500  # 10,500 cases, about a minute
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6)
RECORDS = st.fixed_dictionaries({}, optional={
    "id": JSON_VALUES | st.text(), "text": st.text() | JSON_VALUES, "published": st.text(alphabet="0123456789-T:Z")
    | JSON_VALUES, "title": JSON_VALUES})
LINE = (RECORDS.map(lambda r: json.dumps(r, allow_nan=True).encode("utf-8", "surrogatepass"))
        | st.binary(max_size=60) | st.text(alphabet=string.printable + "\u2028\u0085\ud800é{}[]\":,").map(
            lambda t: t.encode("utf-8", "surrogatepass")))


@settings(max_examples=JSONL_CASES, deadline=None, suppress_health_check=list(HealthCheck))
@given(lines=st.lists(LINE, min_size=1, max_size=4))
def test_records_fuzz_jsonl_reader_processes_or_refuses_by_name(tmp_path_factory, lines):
    assert check_read(tmp_path_factory.mktemp("j"), b"\n".join(lines), "jsonl") in (0, 1)


@settings(max_examples=TEXT_CASES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=200) | st.text().map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_records_fuzz_text_reader_processes_or_refuses_by_name(tmp_path_factory, data):
    assert check_read(tmp_path_factory.mktemp("t"), data, "text") in (0, 1)


def test_records_fuzz_runs_at_least_10000_cases():
    assert JSONL_CASES + TEXT_CASES >= 10_000


@pytest.mark.parametrize("count, words", [(0, "0 bytes"), (1, "1 byte"), (800, "800 bytes"),
                                          (2500, "2.5 kB"), (10_000_000, "10 MB")])
def test_pipeline_size_in_words(count, words):
    assert size(count) == words  # "1 bytes" before (#16)

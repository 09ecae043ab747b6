"""Bad input: a clear message, exit 1 (data) or 2 (usage), no traceback, nothing lost."""

import json

import pytest


pytestmark = pytest.mark.model

GOOD = "Japanese Prime Minister Fumio Kishida met Canadian Prime Minister Justin Trudeau in Tokyo on Tuesday."


def good_file(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def extracted_ids(out):
    return [json.loads(line)["id"] for line in out.splitlines()]


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"  \n\n ", "is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not text"),
])
def test_io_bad_file_is_named_and_the_rest_processed(kg, tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    code, out, err = kg("extract", str(tmp_path / name), str(good_file(tmp_path)))
    assert code == 1 and message in err and name in err
    assert extracted_ids(out) == [str(tmp_path / "good.txt")]


def test_io_latin1_text_is_read_with_a_warning(kg, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("José Müller met Angela Merkel in Berlin on Friday.".encode("latin-1"))
    code, out, err = kg("extract", str(path))
    assert code == 0 and "not UTF-8" in err
    record = json.loads(out)
    assert any(e["label"] == "José Müller" for e in record["entities"]), record["entities"]


def test_io_oversized_file_is_refused_quickly(kg, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text((GOOD + "\n\n") * 230_000, encoding="utf-8")  # about 20 MB
    assert big.stat().st_size > 20_000_000
    code, out, err = kg("extract", str(big), str(good_file(tmp_path)))
    assert code == 1 and "big.txt is 2" in err and "--max-bytes" in err
    assert extracted_ids(out) == [str(tmp_path / "good.txt")]


def test_io_jsonl_broken_line_is_reported_with_its_number(kg, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join([json.dumps({"id": "a", "text": GOOD}), '{"id": "b", "text": ',
                               json.dumps({"id": "c", "text": GOOD}), json.dumps({"id": "d"})]) + "\n")
    code, out, err = kg("extract", "--input-format", "jsonl", str(path))
    assert code == 1 and "news.jsonl:2:" in err and "2 input problems" in err
    assert extracted_ids(out) == ["a", "c"]


def test_io_ingest_keeps_the_good_documents(kg, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    code, _, err = kg("ingest", str(tmp_path / "empty.txt"), str(good_file(tmp_path)))
    assert code == 1 and "empty.txt is empty" in err and "1 input problem," in err  # it said "1 input problem(s)"
    code, out, _ = kg("stats", "--format", "json")
    assert code == 0 and json.loads(out)["documents"] == 1


def test_io_missing_path_is_named(kg, tmp_path):
    code, out, err = kg("extract", str(tmp_path / "nope.txt"), str(good_file(tmp_path)))
    assert code == 1 and "no such file or directory" in err and len(extracted_ids(out)) == 1


def test_io_malformed_stored_query_file_is_a_clear_error(kg, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# Broken.\nSELECT ?x WHERE { ?x ?y \n")
    kg("ingest", str(good_file(tmp_path)))
    code, _, err = kg("query", str(bad))
    assert code in (1, 2) and "bad.rq" in err


def test_io_unreachable_endpoint_is_a_clear_error(kg):
    code, _, err = kg("query", "who-called-whom", "--endpoint", "http://127.0.0.1:9/query")
    assert code == 1 and "127.0.0.1:9" in err

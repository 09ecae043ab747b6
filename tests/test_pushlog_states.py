"""The push log: last word per (server, graph), torn lines, compaction, one push at a time."""

import json

import pytest

from kg.errors import StoreError
from kg.remote.pushlog import COMPACT_FACTOR, LOG_NAME, PushLog, content_hash

A, B = "http://127.0.0.1:1/query", "http://127.0.0.1:2/query"
G1, G2 = "http://kg.example.org/doc/1", "http://kg.example.org/doc/2"


def test_pushlog_sending_unloads_a_graph_until_acknowledged(tmp_path):
    with PushLog.open(tmp_path / LOG_NAME, A) as log:
        log.mark_loaded(G1, "h1")
        log.mark_loaded(G2, "h2")
        log.sending(G1)
        assert log.loaded() == {G2: "h2"} and log.known() == {G1, G2}
    with PushLog.open(tmp_path / LOG_NAME, A) as log:
        assert log.loaded() == {G2: "h2"}
        log.mark_dropped(G2)
        assert log.loaded() == {} and log.known() == {G1}
    with PushLog.open(tmp_path / LOG_NAME, B) as log:
        assert log.loaded() == {} and log.known() == set()  # each server has its own record


def test_pushlog_a_torn_last_line_loses_only_itself(tmp_path):
    with PushLog.open(tmp_path / LOG_NAME, A) as log:
        log.mark_loaded(G1, "h1")
        log.sending(G2)
    with open(tmp_path / LOG_NAME, "ab") as raw:
        raw.write(b'{"server": "' + A.encode() + b'", "graph": "' + G2.encode() + b'", "sta')  # killed mid-write
    with PushLog.open(tmp_path / LOG_NAME, A) as log:
        assert log.loaded() == {G1: "h1"} and log.known() == {G1, G2}
        log.mark_loaded(G2, "h2")  # starts on a line of its own
    with PushLog.open(tmp_path / LOG_NAME, A) as log:
        assert log.loaded() == {G1: "h1", G2: "h2"}


def test_pushlog_compacts_to_one_line_per_graph(tmp_path):
    with PushLog.open(tmp_path / LOG_NAME, A) as log:
        for i in range(COMPACT_FACTOR * 3):
            log.sending(G1)
            log.mark_loaded(G1, f"h{i}")
        log.mark_loaded(G2, "x")
        log.mark_dropped(G2)
    lines = (tmp_path / LOG_NAME).read_text().splitlines()
    assert [json.loads(line)["state"] for line in lines] == ["loaded"]
    with PushLog.open(tmp_path / LOG_NAME, A) as log:
        assert log.loaded() == {G1: f"h{COMPACT_FACTOR * 3 - 1}"}


def test_pushlog_one_push_at_a_time(tmp_path):
    with PushLog.open(tmp_path / LOG_NAME, A):
        with pytest.raises(StoreError, match="another kg push"):
            PushLog.open(tmp_path / LOG_NAME, B)
    PushLog.open(tmp_path / LOG_NAME, B).close()


def test_pushlog_content_hash_sees_every_byte():
    lines = ['<http://a> <http://b> "x" .', '<http://a> <http://b> "y" .']
    assert content_hash(lines) == content_hash(list(lines))
    assert content_hash(lines) != content_hash(lines[:1])
    assert content_hash(["ab", "c"]) != content_hash(["a", "bc"])  # line boundaries count

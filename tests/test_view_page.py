"""kg view's page: self-contained, filtered by entity and confidence, data kept inert."""

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from kg.cli.main import main
from kg.web.network import vis_network_js
from kg.web.view import render_html, view_data
from sample_data import doc_graph

EVIL = "</script><script>alert(1)</script> {{SCRIPT}}"


class Tags(HTMLParser):
    """Collect start tags with their attributes, and the text of each script."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(page):
    tags = Tags()
    tags.feed(page)
    return tags


def test_view_page_loads_nothing_from_outside(sample_store):
    page = render_html(view_data(sample_store))
    tags = parse(page)
    for tag, attrs in tags.tags:
        assert tag not in ("link", "iframe", "img", "object", "embed"), tag
        assert "src" not in attrs, (tag, attrs)
    csp = next(a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    code = next(text for (t, a), text in zip([x for x in tags.tags if x[0] == "script"], tags.scripts)
                if a.get("type") != "application/json")
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp  # only kg's own script may run
    library, ours = code[:len(vis_network_js())], code[len(vis_network_js()):]
    assert library == vis_network_js()  # vis-network as pyvis ships it, inlined, then kg's script
    assert "http://" not in ours and "https://" not in ours and "fetch(" not in ours


def test_view_page_keeps_text_as_data(store_path):
    from kg.store.oxigraph import Store

    entities = {"a": (EVIL, "Person", (), [(0, 5, "x")]), "b": ("B", "Person", (), [(6, 7, "B")])}
    graph = doc_graph("evil.txt", entities, [{"s": "a", "p": "called", "o": "b", "conf": "0.5",
                                               "sentence": (0, 20, EVIL)}])
    with Store.open(store_path) as store:
        store.replace_graph(graph)
        page = render_html(view_data(store))
    tags = parse(page)
    assert len(tags.scripts) == 2 and "alert(1)" not in tags.scripts[1]
    data = json.loads(tags.scripts[0])
    assert data["entities"][0]["label"] == EVIL and data["edges"][0]["evidence"][0]["sentence"] == EVIL


def test_view_data_around_one_entity(sample_store):
    data = view_data(sample_store, entity="PUTIN")
    putin = next(e["id"] for e in data["entities"] if e["label"] == "Vladimir Putin")
    assert data["edges"] and all(putin in (e["subject"], e["object"]) for e in data["edges"])
    assert {e["label"] for e in data["entities"]} == {"Vladimir Putin", "Joe Biden", "Russia"}


def test_view_data_above_a_confidence(sample_store):
    every = view_data(sample_store)["edges"]
    kept = view_data(sample_store, min_confidence=0.7)["edges"]
    assert {e["predicate"] for e in every} - {e["predicate"] for e in kept} == {"warned", "accused"}
    assert all(ev["confidence"] >= 0.7 for e in kept for ev in e["evidence"])


def test_view_data_entity_types_and_evidence(sample_store):
    data = view_data(sample_store, all_entities=True)
    types = {e["label"]: e["type"] for e in data["entities"]}
    assert types == {"Joe Biden": "Person", "Vladimir Putin": "Person", "Russia": "Country",
                     "Ukraine": "Country", "Crimea": "Region", "Geneva": "City"}
    call = next(e for e in data["edges"] if e["predicate"] == "called")
    evidence = call["evidence"][0]
    assert (call["label"], evidence["sentence"], evidence["document"]) == (
        "called", "Joe Biden called Vladimir Putin on Saturday.", "news/001.txt")
    assert evidence["date"] == "2022-02-12" and evidence["confidence"] == 0.9


@pytest.mark.parametrize("args, code", [(["--min-confidence", "1.5"], 2), (["--entity", "Nobody"], 1),
                                        (["--min-confidence", "high"], 2)])
def test_view_cli_refuses_bad_filters(sample_store, store_path, tmp_path, args, code):
    sample_store.close()
    assert main(["--store", str(store_path), "view", "-o", str(tmp_path / "v.html"), *args]) == code
    assert not (tmp_path / "v.html").exists()


def test_view_cli_writes_the_page(sample_store, store_path, tmp_path, capsys):
    sample_store.close()
    out = tmp_path / "v.html"
    assert main(["--store", str(store_path), "view", "-o", str(out)]) == 0
    assert "5 entities, 7 facts; 1 of 6 without a fact drawn left out" in capsys.readouterr().err
    assert re.search(r'<script type="application/json" id="kg-data">\{', out.read_text(encoding="utf-8"))


def test_view_data_leaves_out_entities_without_facts(sample_store):
    drawn = view_data(sample_store, min_confidence=0.95)
    every = view_data(sample_store, min_confidence=0.95, all_entities=True)
    linked = {e["subject"] for e in drawn["edges"]} | {e["object"] for e in drawn["edges"]}
    assert {e["id"] for e in drawn["entities"]} == linked
    assert len(every["entities"]) == every["stored"] == drawn["stored"] > len(drawn["entities"])
    assert ("Place" in {name for _, name, _ in drawn["legend"]}) and drawn["legend"] == every["legend"]

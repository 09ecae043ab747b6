"""kg link wikidata against a local Oxigraph server holding a small fixture in Wikidata's shape.

The fixture has English labels (rdfs:label), aliases (skos:altLabel), "instance of" (wdt:P31) and a
few statements between items. Well-known items carry their Wikidata Q-ids; Q9000000x are invented.
"""

import http.server
import threading
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.cli.main import main
from kg.remote.linking import decide, link_wikidata
from kg.rdf.namespaces import KG
from kg.store.oxigraph import Store
from sample_data import doc_graph

WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b78362be98e5ff12.txt"

ITEMS = {  # Q-id: (English label, aliases, P31 classes, other statements)
    "Q6279": ("Joe Biden", ["Biden", "Joseph Robinette Biden Jr."], ["Q5"], {"P27": "Q30"}),
    "Q3874799": ("Volodymyr Zelenskyy", ["Volodymyr Zelensky", "Volodymyr Zelenskiy", "Zelensky"], ["Q5"],
                 {"P27": "Q212"}),
    "Q22686": ("Donald Trump", ["Trump", "Donald John Trump"], ["Q5"], {"P27": "Q30"}),
    "Q90000001": ("Donald Trump", [], ["Q7366"], {}),  # a song of that name: told apart by type
    "Q76": ("Barack Obama", ["Obama"], ["Q5"], {"P27": "Q30"}),
    "Q649593": ("Barack Obama Sr.", ["Barack Obama"], ["Q5"], {"P27": "Q114"}),  # told apart by context
    "Q41421": ("Michael Jordan", ["Air Jordan"], ["Q5"], {"P54": "Q128109"}),
    "Q3308285": ("Michael I. Jordan", ["Michael Jordan"], ["Q5"], {"P108": "Q168756"}),
    "Q23": ("George Washington", ["Washington"], ["Q5"], {}),
    "Q30": ("United States of America", ["United States", "U.S.", "USA"], ["Q6256", "Q3624078"], {}),
    "Q212": ("Ukraine", [], ["Q6256", "Q3624078"], {}),
    "Q159": ("Russia", ["Russian Federation"], ["Q6256", "Q3624078"], {}),
    "Q114": ("Kenya", [], ["Q6256", "Q3624078"], {}),
    "Q230": ("Georgia", [], ["Q6256", "Q3624078"], {}),
    "Q1428": ("Georgia", [], ["Q35657"], {}),  # the US state
    "Q1223": ("Washington", [], ["Q35657"], {}),
    "Q61": ("Washington, D.C.", ["Washington"], ["Q5119"], {}),
    "Q90000002": ("Donetsk", [], ["Q1549591"], {}),
    "Q90000003": ("Donetsk Oblast", ["Donetsk region", "Donetsk"], ["Q3348196"], {}),  # an oblast, not a city
    "Q7835": ("Crimea", [], ["Q34763"], {}),  # a peninsula: no kg class accepts it
    "Q7184": ("NATO", ["North Atlantic Treaty Organization"], ["Q1127126", "Q245065"], {}),
    "Q66096": ("United States Senate", ["U.S. Senate", "US Senate"], ["Q637846"], {}),
    "Q35525": ("White House", [], ["Q16831714"], {}),  # a residence, not an organisation
    "Q918": ("Twitter", [], ["Q3220391"], {}),  # a social network service, not an organisation
    "Q128109": ("Chicago Bulls", [], ["Q13393265"], {}),
    "Q168756": ("University of California, Berkeley", ["UC Berkeley"], ["Q3918"], {}),
}
SEED_LINKS = {"person/Joe_Biden": "Q6279", "person/Volodymyr_Zelensky": "Q3874799",
              "person/Donald_Trump": "Q22686", "person/Barack_Obama": "Q76", "place/United_States": "Q30",
              "place/Ukraine": "Q212", "place/Russia": "Q159", "place/Donetsk": "Q90000002",
              "organization/NATO": "Q7184", "organization/U.S._Senate": "Q66096"}


def fixture_graph():
    graph = Graph()
    for qid, (label, aliases, classes, statements) in ITEMS.items():
        item = URIRef(WD + qid)
        graph.add((item, RDFS.label, Literal(label, lang="en")))
        graph.add((item, RDFS.label, Literal(label, lang="de")))  # other languages never match
        for alias in aliases:
            graph.add((item, SKOS.altLabel, Literal(alias, lang="en")))
        for cls in classes:
            graph.add((item, URIRef(WDT + "P31"), URIRef(WD + cls)))
        for prop, other in statements.items():
            graph.add((item, URIRef(WDT + prop), URIRef(WD + other)))
    return graph


@pytest.fixture
def wikidata(server):
    """Load the fixture into the test server; return its query URL."""
    server.run_update("INSERT DATA {\n" + fixture_graph().serialize(format="nt") + "\n}")
    return server.query


class Counting(http.server.BaseHTTPRequestHandler):
    """Forward requests to the fixture server, counting them and keeping their User-Agent."""

    target, seen = None, []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen.append(self.headers["User-Agent"])
        headers = {k: self.headers[k] for k in ("Content-Type", "Accept") if self.headers[k]}
        with urllib.request.urlopen(urllib.request.Request(self.target, data=body, headers=headers)) as reply:
            data, kind = reply.read(), reply.headers["Content-Type"]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def counting(wikidata):
    """Yield (proxy URL, list of User-Agents seen), a loopback proxy in front of the fixture server."""
    handler = type("Handler", (Counting,), {"target": wikidata, "seen": []})
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}/query", handler.seen
    finally:
        proxy.shutdown()
        proxy.server_close()


def store_with(path, *docs):
    """Write hand-made document graphs {id: entities} (no facts) into a store at path."""
    with Store.open(path) as store:
        for doc_id, entities in docs:
            spans = {key: (label, cls, aliases, [(i * 10, i * 10 + 5, label)])
                     for i, (key, (label, cls, aliases)) in enumerate(entities.items())}
            store.replace_graph(doc_graph(doc_id, spans, []))
    return path


def same_as(store_path):
    """Return {entity IRI: Wikidata item} of the owl:sameAs links in the store."""
    with Store.open(store_path, read_only=True) as store:
        rows = store.query("SELECT DISTINCT ?e ?i WHERE { GRAPH ?g { ?e <%s> ?i } }" % OWL.sameAs)[1]
    return {str(e): str(i)[len(WD):] for e, i in rows if str(i).startswith(WD)}


MJ = ("Michael Jordan", "Person", ())


def link(store_path, endpoint):
    """Link the store at store_path as `kg link wikidata` does: open it once, pass it on."""
    with Store.open(store_path) as store:
        return link_wikidata(store, endpoint)


@pytest.mark.parametrize("context, expected", [
    ({"bulls": ("Chicago Bulls", "Organization", ())}, "Q41421"),
    ({"berkeley": ("University of California, Berkeley", "Organization", ())}, "Q3308285"),
    ({}, None)])
def test_wikidata_same_name_people_told_apart_by_context(wikidata, tmp_path, context, expected):
    store = store_with(tmp_path / "store", ("a.txt", {"mj": MJ, **context}))
    summary = link(store, wikidata)
    mj = "http://kg.example.org/id/person/mj"
    assert same_as(store).get(mj) == expected
    if expected is None:  # ambiguous: left unlinked, its candidates reported
        assert summary.ambiguous[mj] == [WD + "Q3308285", WD + "Q41421"]


def test_wikidata_same_name_told_apart_by_type(wikidata, tmp_path):
    store = store_with(tmp_path / "store", ("a.txt", {"georgia": ("Georgia", "Country", ()),
                                                      "trump": ("Donald Trump", "Person", ())}))
    link(store, wikidata)
    assert set(same_as(store).values()) == {"Q230", "Q22686"}


def test_wikidata_rerun_sends_nothing_and_says_who_it_is(counting, tmp_path):
    url, agents = counting
    store = store_with(tmp_path / "store", ("a.txt", {"mj": MJ, "bulls": ("Chicago Bulls", "Organization", ())}),
                       ("b.txt", {"nato": ("NATO", "Organization", ("North Atlantic Treaty Organization",))}))
    first = link(store, url)
    assert first.requests == len(agents) >= 2  # candidates per kg class, then the context of Michael Jordan
    assert all(a.startswith("kg/0.1.0 (") and "SPARQLWrapper/" in a for a in agents), agents
    links = same_as(store)
    second = link(store, url)
    assert (second.requests, len(agents)) == (0, first.requests)
    assert second.cached == first.requests and second.graphs_written == 0
    assert same_as(store) == links and len(links) == 3


def test_wikidata_links_carry_confidence_conform_and_go_with_forget(wikidata, tmp_path, capsys):
    store = store_with(tmp_path / "store", ("a.txt", {"nato": ("NATO", "Organization", ())}),
                       ("b.txt", {"nato": ("NATO", "Organization", ()), "ru": ("Russia", "Country", ())}))
    assert main(["--store", str(store), "link", "wikidata", "--endpoint", wikidata]) == 0
    assert "linked 2 of 2 entities" in capsys.readouterr().err
    with Store.open(store, read_only=True) as opened:
        rows = opened.query("SELECT ?g ?c WHERE { GRAPH ?g { ?l a <%s> ; <%s> <%s> ; <%s> ?c } }"
                            % (KG.Link, RDF.object, WD + "Q7184", KG.confidence))[1]
    assert len(rows) == 2 and {str(c) for _, c in rows} == {"0.95"}  # NATO's link, in each of its documents
    assert main(["--store", str(store), "validate"]) == 0
    assert main(["--store", str(store), "forget", "b.txt"]) == 0
    assert set(same_as(store).values()) == {"Q7184"}
    assert main(["--store", str(store), "forget", "a.txt"]) == 0
    with Store.open(store, read_only=True) as opened:
        assert len(opened) == 0


def test_wikidata_decides_only_with_a_clear_winner():
    assert decide({}) is None
    assert decide({WD + "Q1": 0.5}) is None  # an alias of an alias alone is too weak
    assert decide({WD + "Q1": 1.0}) == (WD + "Q1", 0.95)
    assert decide({WD + "Q1": 1.0, WD + "Q2": 0.8}) is None  # too close
    assert decide({WD + "Q1": 1.3, WD + "Q2": 0.8}) == (WD + "Q1", 0.62)  # won on context


@pytest.mark.model
def test_wikidata_links_the_seed_without_a_wrong_link(wikidata, tmp_path):
    store = tmp_path / "store"
    assert main(["--store", str(store), "ingest", str(SEED)]) == 0
    store_with(store, ("other.txt", {"mj": MJ, "georgia": ("Georgia", "Country", ())}))
    summary = link(store, wikidata)
    links = same_as(store)
    expected = {f"http://kg.example.org/id/{key}": qid for key, qid in SEED_LINKS.items()}
    expected["http://kg.example.org/id/place/georgia"] = "Q230"
    assert links == expected  # every seed person, country and organisation in the fixture, nothing else
    assert list(summary.ambiguous) == ["http://kg.example.org/id/person/mj"]


def test_wikidata_link_counts_one_entity_in_the_singular(wikidata, tmp_path, capsys):
    store = store_with(tmp_path / "store", ("a.txt", {"ru": ("Russia", "Country", ())}))
    assert main(["--store", str(store), "link", "wikidata", "--endpoint", wikidata]) == 0
    assert "linked 1 of 1 entity (0 ambiguous" in capsys.readouterr().err  # it said "1 of 1 entities"

"""One event across documents: differently worded reports of one happening share one kg:Event, near
misses stay apart, and the outcome depends neither on the order of ingest nor on forgotten documents."""

import io

import pytest

from kg import queries as Q
from kg.extract.extractor import extract
from kg.extract.nlp import load_model
from kg.model import Document
from kg.pipeline.ingest import ingest
from kg.rdf.graph import to_graph
from kg.rdf.iris import document_iri
from kg.store.events import event_keys, settle_events
from kg.store.oxigraph import Store

pytestmark = pytest.mark.model

_NLP = []

COUNT = """PREFIX kg: <http://kg.example.org/ontology#>
SELECT (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?report) AS ?reports) (COUNT(DISTINCT ?g) AS ?graphs)
WHERE { GRAPH ?g { ?report kg:reportOf ?event } }"""

# (published, text) of two documents; each states one event
MERGE = [
    pytest.param(("2021-04-03", "President Joe Biden called Ukrainian President Volodymyr Zelensky on Friday to "
                  "discuss the war."),
                 ("2021-04-03", "Volodymyr Zelensky phoned Joe Biden on Friday, his office said."),
                 id="call-either-way-round"),
    pytest.param(("2023-05-10", "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on "
                  "Tuesday."),
                 ("2023-05-10", "Chancellor Olaf Scholz met President Emmanuel Macron in Berlin on Tuesday."),
                 id="meeting-either-way-round"),
    pytest.param(("2016-06-14", "Microsoft bought LinkedIn on Monday for $26bn."),
                 ("2016-06-15", "LinkedIn was acquired by Microsoft on 13 June."),
                 id="acquisition-active-and-passive"),
    pytest.param(("2018-03-06", "Ofcom fined Vodafone on Monday."),
                 ("2018-03-07", "Vodafone was fined £4.6m by Ofcom on 5 March."),
                 id="fine-relative-and-absolute-day"),
    pytest.param(("2019-09-10", "Apple sued Samsung on Monday."),
                 ("2019-09-10", "Apple filed a lawsuit against Samsung on Monday."),
                 id="lawsuit-verb-and-noun"),
    pytest.param(("2022-05-16", "Russia attacked Kharkiv on Sunday, the city's mayor said."),
                 ("2022-05-16", "Kharkiv was shelled by Russia on Sunday."),
                 id="attack-attacked-and-shelled"),
    pytest.param(("2021-04-03", "Volodymyr Zelensky phoned Joe Biden on Friday, his office said."),
                 ("2021-04-04", "Joe Biden called Volodymyr Zelensky, the White House said."),
                 id="undated-report-two-days-after-the-call"),
]

APART = [
    pytest.param(("2021-04-03", "Joe Biden called Volodymyr Zelensky on Friday."),
                 ("2021-04-06", "Joe Biden called Volodymyr Zelensky on Monday."),
                 id="call-same-people-another-day"),
    pytest.param(("2022-05-16", "Russia attacked Kharkiv on Sunday, the city's mayor said."),
                 ("2022-05-18", "Russia attacked Kharkiv on Tuesday."),
                 id="attack-same-parties-another-day"),
    pytest.param(("2021-04-03", "Joe Biden called Volodymyr Zelensky on Friday."),
                 ("2021-04-03", "Joe Biden met Volodymyr Zelensky on Friday."),
                 id="same-day-call-and-meeting"),
    pytest.param(("2016-06-14", "Microsoft bought LinkedIn on Monday for $26bn."),
                 ("2016-06-14", "Microsoft sued LinkedIn on Monday."),
                 id="same-day-acquisition-and-lawsuit"),
    pytest.param(("2019-09-10", "Apple sued Samsung on Monday."),
                 ("2019-09-10", "Samsung sued Apple on Monday."),
                 id="lawsuit-the-other-way-round"),
    pytest.param(("2018-03-06", "Ofcom fined Virgin Media on Monday."),
                 ("2018-03-07", "Vodafone was fined £4.6m by Ofcom on 5 March."),
                 id="same-regulator-same-day-another-company"),
    pytest.param(("2021-04-03", "Volodymyr Zelensky phoned Joe Biden on Friday, his office said."),
                 ("2021-04-12", "Joe Biden called Volodymyr Zelensky, the White House said."),
                 id="undated-report-ten-days-after-the-call"),
]


def nlp():
    if not _NLP:
        _NLP.append(load_model())
    return _NLP[0]


def documents(*reports):
    return [Document(f"news/report-{i}.txt", text, published) for i, (published, text) in enumerate(reports)]


def counts(store):
    return tuple(int(n) for n in store.query(COUNT)[1][0])


def nquads(store):
    out = io.BytesIO()
    store.export("nq", out)
    return out.getvalue()


@pytest.mark.parametrize("first, second", MERGE)
def test_store_events_reports_of_one_event_share_its_node(tmp_path, first, second):
    with Store.open(tmp_path / "kg") as store:
        ingest(documents(first, second), store, nlp=nlp())
        assert counts(store) == (1, 2, 2)  # one event, two reports, each in its own document
        names, rows = Q.run(Q.load_query("events"), {}, store=store)
        row = dict(zip(names, rows[0]))
        assert len(rows) == 1 and (int(row["reports"]), int(row["documents"])) == (2, 2)


@pytest.mark.parametrize("first, second", APART)
def test_store_events_near_misses_stay_apart(tmp_path, first, second):
    with Store.open(tmp_path / "kg") as store:
        ingest(documents(first, second), store, nlp=nlp())
        assert counts(store) == (2, 2, 2)
        _, rows = Q.run(Q.load_query("events"), {}, store=store)
        assert len(rows) == 2


REPORTS = (("2021-04-03", "Volodymyr Zelensky phoned Joe Biden on Friday, his office said."),
           ("2021-04-04", "Joe Biden called Volodymyr Zelensky, the White House said."),
           ("2021-04-06", "Joe Biden called Volodymyr Zelensky on Monday."),
           ("2021-04-05", "Joe Biden called Volodymyr Zelensky again, aides said."))


def test_store_events_ingest_order_gives_identical_nquads(tmp_path):
    # each undated report joins the latest call at most three days before it, whichever came first:
    # the last one is three days after Friday's call and the same day as Monday's, so Monday's
    docs = documents(*REPORTS)
    exports = set()
    for n, order in enumerate([(0, 1, 2, 3), (3, 2, 1, 0), (3, 0, 1, 2), (1, 3, 0, 2)]):
        with Store.open(tmp_path / f"kg{n}") as store:
            for i in order:
                ingest([docs[i]], store, nlp=nlp())
            exports.add(nquads(store))
    with Store.open(tmp_path / "once") as store:
        ingest(docs, store, nlp=nlp())
        ingest(docs[:2], store, nlp=nlp())  # ingesting again changes nothing
        assert counts(store) == (2, 4, 4)
        _, rows = Q.run(Q.load_query("events"), {}, store=store)
        assert [(str(r[3]), int(r[5])) for r in rows] == [("2021-04-02", 2), ("2021-04-05", 2)]
        exports.add(nquads(store))
    assert len(exports) == 1


def test_store_events_forget_removes_only_its_reports(tmp_path):
    dated, undated = documents(*REPORTS[:2])
    with Store.open(tmp_path / "kg") as store:
        ingest([dated, undated], store, nlp=nlp())
        assert counts(store) == (1, 2, 2)
        store.forget(undated.id)
        assert counts(store) == (1, 1, 1)
        _, rows = Q.run(Q.load_query("events"), {}, store=store)
        assert [(str(r[0]), str(r[3]), int(r[5])) for r in rows] == [("Call", "2021-04-02", 1)]
        store.forget(dated.id)
        assert counts(store) == (0, 0, 0) and len(store) == 0


def test_store_events_forgetting_the_dated_report_leaves_the_undated_one_its_own_event(tmp_path):
    dated, undated = documents(*REPORTS[:2])
    with Store.open(tmp_path / "kg") as store:
        ingest([dated, undated], store, nlp=nlp())
        store.forget(dated.id)
        alone = nquads(store)
        assert counts(store) == (1, 1, 1) and b"2021-04-02" not in alone
    with Store.open(tmp_path / "alone") as store:
        ingest([undated], store, nlp=nlp())
        assert nquads(store) == alone


def test_store_events_reingesting_the_dated_report_without_its_call_unsettles_the_undated_one(tmp_path):
    # ingest settles only the events of the graphs it writes and of those they replace (#17): the
    # replaced graph's call is what the undated report leaned on, so it must be settled again
    dated, undated = documents(*REPORTS[:2])
    rewritten = Document(dated.id, "Volodymyr Zelensky spoke about the war on Friday, his office said.",
                         dated.published)
    with Store.open(tmp_path / "kg") as store:
        ingest([dated, undated], store, nlp=nlp())
        ingest([rewritten], store, nlp=nlp())
        settled = nquads(store)
        assert counts(store) == (1, 1, 1) and b"2021-04-02" not in settled
        assert settle_events(store) == 0  # settling every event of the store moves nothing more
    with Store.open(tmp_path / "fresh") as store:
        ingest([rewritten, undated], store, nlp=nlp())
        assert nquads(store) == settled


def test_store_events_settle_only_the_keys_given(tmp_path):
    dated, undated = documents(*REPORTS[:2])
    with Store.open(tmp_path / "kg") as store:
        ingest([undated], store, nlp=nlp())
        # the dated call written behind ingest's back: no key given, no report moves; its key, one moves
        store.replace_graph(_graph_of(dated))
        assert settle_events(store, set()) == 0
        assert settle_events(store, event_keys(store, [str(document_iri(dated.id))])) == 1
        assert settle_events(store) == 0


def _graph_of(document):
    return to_graph(extract(document, nlp()))

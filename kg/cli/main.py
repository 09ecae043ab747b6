"""The kg command line: parse arguments, call one library function, map errors to exit codes."""

import argparse
import json
import logging
import sys

from kg import __version__
from kg.cli import curation, options, training
from kg.cli import validation
from kg.errors import EXIT_DATA, EXIT_OK, EXIT_USAGE, KGError
from kg.rdf import formats

DEFAULT_STORE = options.DEFAULT_STORE

EPILOG = """exit codes: 0 ok, 1 a problem with the data, a file or a server, 2 usage.
The store directory is --store, else $KG_STORE, else ./kg-data."""

COMMANDS = {
    "extract": ("extract facts without a store, print JSON lines, Turtle or TriG",
                "kg extract seeds/ --format turtle\n  echo '{\"id\": \"a\", \"text\": \"Biden called Zelensky.\"}' | "
                "kg extract --input-format jsonl -"),
    "ingest": ("extract documents into the embedded store, one named graph each (re-ingesting replaces)",
               "kg ingest seeds/\n  kg ingest --input-format jsonl news.jsonl"),
    "query": ("run a stored query (by name or .rq file), or one given with -e, on the store or a SPARQL endpoint",
              "kg query who-called-whom\n  kg query facts-about --param entity=\"Joe Biden\" --format csv\n"
              "  kg query -e 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'\n"
              "  kg query --list"),
    "export": ("write the store as Turtle (union of graphs), TriG, N-Triples, N-Quads or JSON-LD",
               "kg export --format turtle -o graph.ttl\n  kg export --format nq > graph.nq\n"
               "  kg export --format jsonld -o graph.jsonld"),
    "push": ("load every graph of the store into a SPARQL 1.1 server, replacing each graph there",
             "kg push --endpoint http://127.0.0.1:7878/query --update-endpoint http://127.0.0.1:7878/update\n"
             "  KG_PASSWORD=dba kg push --endpoint http://127.0.0.1:8890/sparql "
             "--update-endpoint http://127.0.0.1:8890/sparql-auth --user dba --auth digest --changed"),
    "forget": ("remove a document's graph from the store (the id it was ingested under)",
               "kg forget seeds/000_b78362be98e5ff12.txt"),
    "stats": ("count documents, triples, entities by type and facts by property", "kg stats --format json"),
    "validate": ("check the store's graphs, or an RDF file, against the SHACL shapes (ontology/shapes.ttl)",
                 "kg validate\n  kg validate --format turtle graph.trig"),
    "link": ("link entities to Wikidata items (owl:sameAs with a confidence), ambiguous names left unlinked",
             "kg link wikidata\n  KG_CONTACT=me@example.org kg link wikidata --endpoint http://127.0.0.1:7878/query"),
    "serve": ("serve the store read-only: SPARQL 1.1 protocol at /query, the view page at /",
              "kg serve\n  kg serve --bind 127.0.0.1:8000"),
    "train": ("train the learned extractor on annotated JSON lines (kg extract's format); write a model directory",
              "kg train train.jsonl -o my-model\n  kg --extractor my-model extract --input-format jsonl news.jsonl"),
    "merge": ("record that name A is entity B, in the aliases file every later extract and ingest reads",
              "kg merge Tories \"Conservative Party\" --type Organization\n  kg merge \"Lula\" "
              "\"Luiz Inacio Lula da Silva\" --aliases my-aliases.tsv"),
    "split": ("record that name A stands alone (merged into no other entity), in the aliases file",
              "kg split Bush\n  kg split Apple --type Organization"),
    "view": ("draw the graph as one self-contained HTML page: entities by type, facts as edges, evidence on click",
             "kg view -o graph.html\n  kg view --entity \"Joe Biden\" --min-confidence 0.7 -o biden.html"),
}


def _add_inputs(p):
    p.add_argument("paths", nargs="*", default=["-"], metavar="PATH",
                   help="text files, directories (walked for *.txt) or - for stdin (default)")
    p.add_argument("--input-format", choices=("text", "jsonl"), default="text",
                   help="text: one document per file; jsonl: lines of {id, text, published?, title?}")
    p.add_argument("--no-metonymy", action="store_true",
                   help="keep a capital acting as subject (\"Moscow said\") as the city, not its state")
    p.add_argument("--workers", type=_positive, default=1, metavar="N",
                   help="extract on up to N processes, each loading the model once: one per 100 documents, so "
                        "under 200 documents this process does it all (default 1: this process)")
    p.add_argument("--max-bytes", type=_positive, default=10_000_000, metavar="N",
                   help="refuse (and name) input files larger than N bytes (default 10 MB)")


def _positive(value):
    """Parse a count of at least 1 (ASCII digits: int() would take "٥" and 5,000-digit numbers)."""
    return validation.positive(value)


def build_parser():
    """Return the argument parser of every kg command."""
    parser = options.Parser(prog="kg", description="Populate a knowledge graph from news text.",
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    options.add_global(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    subs = {}
    for name, (summary, example) in COMMANDS.items():
        subs[name] = sub.add_parser(name, help=summary, description=summary, epilog="example:\n  " + example,
                                    formatter_class=argparse.RawDescriptionHelpFormatter)
        options.add_global(subs[name], command=name)
    for add in (_add_extraction, _add_query, _add_export, _add_push, _add_store_commands, _add_link):
        add(subs)
    training.add_arguments(subs["train"])
    curation.add_arguments(subs)
    return parser


def _add_extraction(subs):
    _add_inputs(subs["extract"])
    subs["extract"].add_argument("--format", choices=formats.names("extract"), default="jsonl")
    _add_inputs(subs["ingest"])


def _add_query(subs):
    q = subs["query"]
    q.add_argument("name", nargs="?", help="stored query name (see --list) or a .rq file")
    q.add_argument("pairs", nargs="*", metavar="KEY=VALUE",
                   help="bind a query parameter, as --param does: kg query current-roles entity=Tesco date=2024-03-08")
    q.add_argument("-e", "--sparql", metavar="SPARQL", help="run this SPARQL query instead of a stored one")
    q.add_argument("--full", action="store_true", help="show long table cells whole instead of cutting them")
    q.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="bind a query parameter")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--endpoint", type=validation.http_url,
                   help="run on this SPARQL endpoint instead of the embedded store")
    q.add_argument("--list", action="store_true", help="list the stored queries and their parameters")


def _add_export(subs):
    e = subs["export"]
    e.add_argument("--format", choices=formats.names("export"), default="turtle",
                   help="jsonld: one object per document graph under ontology/context.jsonld")
    e.add_argument("-o", "--output", help="file to write (default: stdout)")


def _add_push(subs):
    p = subs["push"]
    p.add_argument("--endpoint", required=True, type=validation.http_url, help="the server's SPARQL query URL")
    p.add_argument("--update-endpoint", type=validation.http_url,
                   help="the server's SPARQL update URL (default: --endpoint)")
    p.add_argument("--graph-store", type=validation.http_url,
                   help="the server's Graph Store Protocol URL (default: probed beside --endpoint)")
    p.add_argument("--method", choices=("auto", "update", "gsp", "quads"), default="auto",
                   help="auto (default): quads where the Graph Store takes N-Quads and --update-endpoint "
                        "is given, else gsp where there is a Graph Store, else update; update: DROP + INSERT "
                        "DATA per graph, many small graphs a request; gsp: one HTTP PUT per graph; quads: "
                        "graphs new to the server many a POST of N-Quads, the others by update")
    p.add_argument("--user", help="user name; the password comes from $KG_PASSWORD, else a prompt")
    p.add_argument("--auth", choices=("basic", "digest"), default="basic", help="HTTP authentication scheme")
    p.add_argument("--timeout", type=validation.seconds, default=60.0, help="seconds per request (default 60)")
    p.add_argument("--retries", type=validation.count, default=3, help="retries of a request on 5xx or no answer (default 3)")
    p.add_argument("--batch-triples", type=_positive, default=1000, metavar="N",
                   help="triples per INSERT DATA with --method update (default 1000; a larger graph goes "
                        "alone in batches; Virtuoso rejects much more than 1-2k)")
    p.add_argument("--batch-bytes", type=_positive, metavar="N",
                   help="bytes of N-Triples a request with --method update or quads (default 256 KiB with "
                        "update, 1 MiB with quads, 4 MiB with --bulk)")
    p.add_argument("--bulk", action="store_true",
                   help="quads only, Oxigraph 0.5.1 or later: POST new graphs to its bulk loader, about twice "
                        "as fast; each request still lands whole or not at all, but a query running during "
                        "the push may see one half-way (README: 'kg push --bulk')")
    p.add_argument("--changed", action="store_true",
                   help="send only graphs the push log does not show loaded there as they are now, and "
                        "drop there the graphs pushed before that the store has since forgotten")
    p.add_argument("--prune", action="store_true",
                   help="drop every kg document graph on the server that the store does not hold")
    p.add_argument("--verify", action="store_true", help="count each graph's triples on the server afterwards")
    p.add_argument("--dry-run", action="store_true", help="print the requests instead of sending them")


def _add_store_commands(subs):
    subs["forget"].add_argument("doc", metavar="DOC", help="the document id (its path or JSON-lines id)")
    subs["stats"].add_argument("--format", choices=("table", "json"), default="table")
    v = subs["validate"]
    v.add_argument("file", nargs="?", metavar="FILE", help="an RDF file to check instead of the store")
    v.add_argument("--format", choices=("text", "turtle"), default="text",
                   help="text: one line per problem; turtle: the SHACL validation report")
    w = subs["view"]
    w.add_argument("-o", "--output", default="kg-view.html",
                   help="HTML file to write (default kg-view.html; - for stdout)")
    w.add_argument("--entity", metavar="NAME", help="draw only this entity (label or alias) and its neighbours")
    w.add_argument("--min-confidence", type=validation.confidence, metavar="X", help="draw only facts with confidence >= X")
    w.add_argument("--all-entities", action="store_true",
                   help="draw entities without a fact too (left out by default: most of them, nothing to click)")
    subs["serve"].add_argument("--bind", default="127.0.0.1:7878", metavar="HOST:PORT",
                               help="address to listen on (default: this machine only; port 0 picks one)")
    validation.add_serve_arguments(subs["serve"])


def _add_link(subs):
    k = subs["link"]
    k.add_argument("target", choices=("wikidata",), help="the knowledge base to link to")
    k.add_argument("--endpoint", type=validation.http_url, default="https://query.wikidata.org/sparql",
                   help="its SPARQL endpoint (default: Wikidata's query service)")
    k.add_argument("--timeout", type=validation.seconds, default=60.0, help="seconds per request (default 60)")


class _StderrHandler(logging.Handler):
    """Write kg's warnings to the current sys.stderr, one line each."""

    def emit(self, record):
        print(self.format(record), file=sys.stderr)


def _log_to_stderr():
    logger = logging.getLogger("kg")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler())
        logger.setLevel(logging.INFO)
        logger.propagate = False


def main(argv=None):
    """Run kg with command-line arguments and return the exit code."""
    _log_to_stderr()
    problem = validation.argv_problem(sys.argv[1:] if argv is None else list(argv))
    if problem:
        print(f"kg: {problem}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from kg.cli import commands

    try:
        curation.use(args)
        getattr(commands, args.command)(args)
    except KGError as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `kg export | head` is not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_DATA
    except Exception as exc:  # no input shows a traceback (#15): a named failure, exit 1
        message, code = validation.unexpected(args.command, exc)
        print(message, file=sys.stderr)
        return code
    return EXIT_OK


def print_json(value):
    """Print a value as indented JSON on stdout."""
    print(json.dumps(value, indent=2, ensure_ascii=False))


def run():
    """Console-script entry point."""
    sys.exit(main())

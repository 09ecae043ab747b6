"""One function per kg command: read the parsed arguments, call the library, print the result."""

import getpass
import json
import os
import sys

from kg.cli.curation import merge, split  # noqa: F401  (kg merge, kg split: dispatched by name)
from kg.cli.progress import Progress
from kg.cli.querying import query  # noqa: F401  (kg query: dispatched by name)
from kg.cli.training import train  # noqa: F401  (kg train: dispatched by name)
from kg.errors import StoreError, UsageError, ValidationError
from kg.extract.choice import resolve_extractor
from kg.pipeline.inputs import InputReport, read_documents
from kg.rdf.classes import class_tree, plural
from kg.rdf.formats import write_graphs
from kg.rdf.graph import graph_record
from kg.rdf.jsonlines import json_line
from kg.remote.push import push as push_store, push_report
from kg.store.oxigraph import Store


def _documents(args, report):
    return read_documents(args.paths, args.input_format, report, args.published)


def extract(args):
    """Print the extraction of each input document as JSON lines, Turtle or TriG."""
    from kg.pipeline.parallel import extract_rendered  # spaCy is imported only by the commands that extract

    render = json_line if args.format == "jsonl" else graph_record
    report = InputReport(args.max_bytes)
    with Progress() as progress:
        results = progress.wrap(extract_rendered(_documents(args, report), render, args.workers, args.model,
                                                 metonymy=not args.no_metonymy,
                                                 learned=resolve_extractor(args.extractor)))
        if args.format == "jsonl":
            for line in results:
                sys.stdout.write(line + "\n")
                sys.stdout.flush()
        else:
            write_graphs(results, args.format, sys.stdout)
    report.raise_if_any()


def ingest(args):
    """Extract documents into the store, replacing each document's graph."""
    from kg.pipeline.ingest import ingest as ingest_documents

    report = InputReport(args.max_bytes)
    with Store.open(args.store) as store, Progress() as progress:
        summary = ingest_documents(_documents(args, report), store, metonymy=not args.no_metonymy,
                                   on_document=progress, workers=args.workers, model=args.model,
                                   learned=resolve_extractor(args.extractor))
    print(f"ingested {plural(summary.documents, 'document')} ({plural(summary.facts, 'fact')}, "
          f"{plural(summary.triples, 'quad')}) "
          f"into {args.store}", file=sys.stderr)
    report.raise_if_any()


def export(args):
    """Write the store in an RDF format to a file or stdout."""
    with Store.open(args.store, read_only=True) as store:
        if args.output:
            with open(args.output, "wb") as out:
                _export(store, args.format, out)
        else:
            _export(store, args.format, sys.stdout.buffer)


def _export(store, fmt, out):
    """Write the store to a binary stream: JSON-LD by kg.rdf.jsonld, the RDF formats by the store."""
    if fmt == "jsonld":
        from kg.rdf.jsonld import write_jsonld

        write_jsonld(store, out)
    else:
        store.export(fmt, out)


def _password(args):
    """Return the password from $KG_PASSWORD, else a prompt; never from the command line."""
    if not args.user:
        return None
    password = os.environ.get("KG_PASSWORD")
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"password for {args.user}: ")
    if password is None:
        raise UsageError("--user needs a password: set KG_PASSWORD (it is never read from the command line)")
    return password


def push(args):
    """Load every graph of the store into a SPARQL server."""
    with Store.open(args.store, read_only=True) as store:
        summary = push_store(store, args.endpoint, update_endpoint=args.update_endpoint, user=args.user,
                             password=_password(args), method=args.method, auth=args.auth,
                             timeout=args.timeout, retries=args.retries, graph_store=args.graph_store,
                             batch_triples=args.batch_triples,
                             **({"batch_bytes": args.batch_bytes} if args.batch_bytes else {}),
                             dry_run=args.dry_run, changed=args.changed, prune=args.prune, verify=args.verify,
                             bulk=args.bulk)
    print(push_report(summary, args.dry_run), file=sys.stderr)


def forget(args):
    """Remove a document's graph from the store."""
    with Store.open(args.store) as store:
        if not store.forget(args.doc):
            raise StoreError(f"no document {args.doc!r} in {args.store}; "
                             "use the id it was ingested under (kg query documents lists them)")
    print(f"forgot {args.doc}", file=sys.stderr)


def stats(args):
    """Print counts of documents, triples, entities and facts."""
    with Store.open(args.store, read_only=True) as store:
        counts = store.stats()
    if args.format == "json":
        print(json.dumps(counts, indent=2, sort_keys=True))
        return
    for key in ("documents", "quads", "triples"):
        print(f"{key:12} {counts[key]}")
    tree = class_tree(counts["entities"])
    print(f"entities:    {sum(n for depth, _, n in tree if depth == 0)}")
    for depth, name, n in tree:
        print(f"  {'  ' * depth}{name:{20 - 2 * depth}} {n}")
    print(f"facts:       {sum(counts['facts'].values())}")
    for name, n in sorted(counts["facts"].items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {name:20} {n}")


def link(args):
    """Link the store's entities to Wikidata and print what was linked and what was left ambiguous."""
    from kg.remote.linking import link_wikidata

    with Store.open(args.store, create=False) as store:
        summary = link_wikidata(store, args.endpoint, timeout=args.timeout)
    for iri, items in sorted(summary.ambiguous.items()):
        print(f"ambiguous: {summary.labels[iri]} ({', '.join(i.rsplit('/', 1)[-1] for i in items)})", file=sys.stderr)
    print(f"linked {len(summary.linked)} of {plural(len(summary.labels), 'entity', 'entities')} ("
          f"{len(summary.ambiguous)} ambiguous, {summary.unmatched} without a candidate); "
          f"{plural(summary.requests, 'request')}, {summary.cached} from the cache", file=sys.stderr)


def serve(args):
    """Serve the store read-only over the SPARQL protocol, with the view page, until interrupted."""
    from kg.cli.validation import serve_options
    from kg.web.serve import serve as serve_store

    with Store.open(args.store, read_only=True) as store:
        serve_store(store, args.bind, shown_as=args.store, options=serve_options(args))


def view(args):
    """Write the store as one self-contained HTML page."""
    from kg.web.view import write_view

    with Store.open(args.store, read_only=True) as store:
        entities, facts, stored = write_view(store, args.output, entity=args.entity,
                                             min_confidence=args.min_confidence, all_entities=args.all_entities)
    if args.output != "-":
        hidden = "" if args.all_entities else f"; {stored - entities} of {stored} without a fact drawn left out"
        print(f"wrote {args.output} ({plural(entities, 'entity', 'entities')}, {plural(facts, 'fact')}{hidden})",
              file=sys.stderr)


def validate(args):
    """Check the store's graphs, or an RDF file, against the SHACL shapes; print the report."""
    from kg.rdf.validate import validate_file, validate_store, write_report

    if args.file:
        report = validate_file(args.file)
    else:
        with Store.open(args.store, read_only=True) as store, Progress() as progress:
            report = validate_store(store, progress)
    write_report(report, args.format, sys.stdout)
    if not report.conforms:
        raise ValidationError(f"{plural(len(report.results), 'problem')}: the graph does not conform to the shapes")

"""One function per kg command: read the parsed arguments, call the library, print the result."""

import json
import sys

from .extract import extract_many
from .io import extraction_to_json, read_documents
from .nlp import load_model
from .rdf import to_graph, write_graphs


def _extractions(args):
    documents = read_documents(args.paths, args.input_format)
    return extract_many(documents, load_model(args.model), metonymy=not args.no_metonymy)


def extract(args):
    """Print the extraction of each input document as JSON lines, Turtle or TriG."""
    if args.format == "jsonl":
        for extraction in _extractions(args):
            sys.stdout.write(json.dumps(extraction_to_json(extraction), ensure_ascii=False) + "\n")
            sys.stdout.flush()
    else:
        write_graphs((to_graph(x) for x in _extractions(args)), args.format, sys.stdout)

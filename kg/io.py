"""Read input documents from files, directories and JSON lines; write extractions as JSON lines."""

import json
import os
import sys

from .errors import InputError
from .iris import document_iri, entity_iri
from .model import Document

INPUT_FORMATS = ("text", "jsonl")


def _text_document(path, stream=None):
    """Return a Document for one text file (or stdin), its id the path as given."""
    try:
        text = stream.read() if stream else open(path, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    return Document(id=os.path.normpath(path) if not stream else path, text=text)


def _jsonl_documents(name, stream):
    """Yield Documents from JSON lines {"id", "text", "published"?, "title"?}."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: expected a JSON object with \"id\" and \"text\": {exc}") from exc
        yield document_from_record(record, f"{name}:{number}")


def document_from_record(record, where="record"):
    """Return the Document of an input record {"id", "text", "published"?, "title"?}; `where` names it in errors."""
    try:
        doc_id, text = record["id"], record["text"]
    except (KeyError, TypeError) as exc:
        raise InputError(f"{where}: expected a JSON object with \"id\" and \"text\": {exc}") from exc
    if not isinstance(text, str):
        raise InputError(f"{where}: \"text\" must be a string, not {type(text).__name__}")
    return Document(str(doc_id), text, record.get("published") or None, record.get("title") or None)


def _expand(paths):
    """Yield input paths, walking directories for *.txt (or *.jsonl) in sorted order."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith((".txt", ".jsonl")):
                        yield os.path.join(root, name)
        elif path == "-" or os.path.exists(path):
            yield path
        else:
            raise InputError(f"no such file or directory: {path}")


def read_documents(paths, input_format="text"):
    """Yield the documents of the given paths ("-" is stdin), streaming, in order."""
    if input_format not in INPUT_FORMATS:
        raise InputError(f"unknown input format {input_format!r}; valid: {', '.join(INPUT_FORMATS)}")
    for path in _expand(paths or ["-"]):
        as_jsonl = input_format == "jsonl" or path.endswith(".jsonl")
        if path == "-":
            yield from _jsonl_documents("<stdin>", sys.stdin) if as_jsonl else [_text_document("-", sys.stdin)]
        elif as_jsonl:
            with open(path, encoding="utf-8") as stream:
                yield from _jsonl_documents(path, stream)
        else:
            yield _text_document(path)


def _span(span):
    return {"start": span.start, "end": span.end}


def json_line(extraction):
    """Return the JSON line (no newline) of an extraction."""
    return json.dumps(extraction_to_json(extraction), ensure_ascii=False)


def extraction_to_json(extraction):
    """Return the JSON-lines record of an extraction (the contract the scorer reads)."""
    iris = {e.key: str(entity_iri(e.key, e.type)) for e in extraction.entities}
    facts = []
    for f in extraction.facts:
        record = {"subject": iris[f.subject], "predicate": f.predicate, "object": iris[f.object],
                  "confidence": f.confidence,
                  "evidence": {"start": f.sentence.start, "end": f.sentence.end,
                               "subject_mention": _span(f.subject_mention),
                               "object_mention": _span(f.object_mention)},
                  "rule": f.rule}
        if f.date:
            record["date"] = f.date
        if f.attributed_to:
            record["attributed_to"] = iris[f.attributed_to]
        facts.append(record)
    return {
        "id": extraction.document.id,
        "graph": str(document_iri(extraction.document.id)),
        "entities": [{"iri": iris[e.key], "label": e.label, "type": e.type, "aliases": list(e.aliases),
                      "mentions": [dict(_span(m), text=m.text) for m in e.mentions]}
                     for e in extraction.entities],
        "facts": facts,
    }

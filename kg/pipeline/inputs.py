"""Read input documents from files, directories and JSON lines, naming what cannot be read."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from kg.errors import InputError
from kg.model import Document

INPUT_FORMATS = ("text", "jsonl")
log = logging.getLogger("kg")


MAX_BYTES = 10_000_000  # a news article is far smaller; a larger file is refused, not parsed for hours
SNIFF_BYTES = 8192  # how much of a file is looked at for NUL bytes before it is read as text


class InputReport:
    """Collect input problems while reading, so good documents go on and bad ones are named at the end."""

    def __init__(self, max_bytes=MAX_BYTES):
        self.max_bytes = max_bytes
        self.problems = []

    def problem(self, message):
        """Record a document that could not be read; it is skipped."""
        log.warning("kg: %s", message)
        self.problems.append(message)

    def warn(self, message):
        """Say something about a document that is still read."""
        log.warning("kg: %s", message)

    def raise_if_any(self):
        """Raise one InputError naming the problems, after the rest was processed."""
        if self.problems:
            more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
            raise InputError(f"{len(self.problems)} input problem(s), the other documents were processed: "
                             f"{self.problems[0]}{more}")


def _decode(path, data, report):
    """Return the text of a file's bytes: UTF-8, else Windows-1252/Latin-1 with a warning; None if binary."""
    if b"\x00" in data[:SNIFF_BYTES]:
        report.problem(f"{path} is not text (it holds NUL bytes); kg reads UTF-8 text or JSON lines")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        report.warn(f"{path} is not UTF-8 ({exc.reason} at byte {exc.start}); read as Windows-1252/Latin-1")
        return data.decode("cp1252", errors="replace")


def _text_document(path, report, stream=None):
    """Return a Document for one text file (or stdin), its id the path as given; None if unreadable."""
    try:
        if stream is not None:
            text = stream.read()
        else:
            size = os.path.getsize(path)
            if size > report.max_bytes:
                report.problem(f"{path} is {size / 1e6:.1f} MB; kg reads documents up to "
                               f"{report.max_bytes / 1e6:.0f} MB (split it, or raise --max-bytes)")
                return None
            with open(path, "rb") as raw:
                text = _decode(path, raw.read(), report)
    except OSError as exc:
        report.problem(f"cannot read {path}: {exc.strerror or exc}")
        return None
    if text is not None and not text.strip():
        report.problem(f"{path} is empty")
        return None
    return None if text is None else Document(id=os.path.normpath(path) if stream is None else path, text=text)


def _jsonl_documents(name, stream, report):
    """Yield Documents from JSON lines {"id", "text", "published"?, "title"?}; bad lines are reported."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield document_from_record(json.loads(line), f"{name}:{number}")
        except json.JSONDecodeError as exc:
            report.problem(f"{name}:{number}: not JSON ({exc.msg} at column {exc.colno}); "
                           "expected an object with \"id\" and \"text\"")
        except InputError as exc:
            report.problem(str(exc))


def document_from_record(record: Any, where: str = "record") -> Document:
    """Return the Document of an input record {"id", "text", "published"?, "title"?}; `where` names it in errors."""
    if not isinstance(record, dict) or "id" not in record or "text" not in record:
        raise InputError(f"{where}: expected a JSON object with \"id\" and \"text\"")
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f"{where}: \"text\" must be a string, not {type(text).__name__}")
    return Document(str(record["id"]), text, record.get("published") or None, record.get("title") or None)


def _expand(paths, report):
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
            report.problem(f"no such file or directory: {path}")


def read_documents(paths: Sequence[str], input_format: str = "text",
                   report: InputReport | None = None) -> Iterator[Document]:
    """Yield the documents of the given paths ("-" is stdin), streaming, in order.

    Unreadable files and bad JSON lines are recorded in `report` and skipped; without a report,
    the first one raises InputError.
    """
    if input_format not in INPUT_FORMATS:
        raise InputError(f"unknown input format {input_format!r}; valid: {', '.join(INPUT_FORMATS)}")
    strict = report is None
    report = report or InputReport()
    for path in _expand(paths or ["-"], report):
        as_jsonl = input_format == "jsonl" or path.endswith(".jsonl")
        if path == "-":
            docs = _jsonl_documents("<stdin>", sys.stdin, report) if as_jsonl else [
                _text_document("-", report, sys.stdin)]
        elif as_jsonl:
            docs = _jsonl_file(path, report)
        else:
            docs = [_text_document(path, report)]
        for doc in docs:
            if strict:
                report.raise_if_any()
            if doc is not None:
                yield doc
    if strict:
        report.raise_if_any()


def _jsonl_file(path, report):
    """Yield the Documents of a JSON-lines file, decoding it like a text file."""
    try:
        with open(path, "rb") as raw:
            text = _decode(path, raw.read(), report)
    except OSError as exc:
        report.problem(f"cannot read {path}: {exc.strerror or exc}")
        return
    if text is not None:
        yield from _jsonl_documents(path, text.splitlines(), report)

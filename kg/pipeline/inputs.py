"""Read input documents from files, directories and JSON lines, naming what cannot be read."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from kg.errors import InputError
from kg.extract.dates import published_from_text
from kg.model import Document
from kg.pipeline.records import document_from_record, size
from kg.rdf.classes import plural

__all__ = ["INPUT_FORMATS", "InputReport", "document_from_record", "read_documents"]

INPUT_FORMATS = ("text", "jsonl")
log = logging.getLogger("kg")


MAX_BYTES = 10_000_000  # a news article is far smaller; a larger file is refused, not parsed for hours
SNIFF_BYTES = 8192  # how much of a file is looked at for NUL bytes before it is read as text


class InputReport:
    """Collect input problems while reading, so good documents go on and bad ones are named at the end."""

    def __init__(self, max_bytes=MAX_BYTES):
        self.max_bytes = max_bytes
        self.problems = []
        self.seen = {}  # document id -> where it was first read

    def place(self, doc_id, where):
        """Note where a document id was read; warn, naming both places, when it was read before."""
        first = self.seen.setdefault(doc_id, where)
        if first != where:
            self.warn(f"duplicate id {doc_id!r} at {where} (first at {first}): its graph replaces the earlier one")

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
            raise InputError(f"{plural(len(self.problems), 'input problem')}, the other documents were processed: "
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
            data = stream.read(report.max_bytes + 1)
            length = len(data)
        else:
            length = os.path.getsize(path)
        if length > report.max_bytes:
            report.problem(f"{path} is {'over ' if stream is not None else ''}{size(length)}; kg reads "
                           f"documents up to {size(report.max_bytes)} (split it, or raise --max-bytes)")
            return None
        if stream is None:
            with open(path, "rb") as raw:
                data = raw.read()
        text = data if isinstance(data, str) else _decode(path, data, report)
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
        where = f"{name}:{number}"
        try:
            yield document_from_record(json.loads(line), where, report.warn, report.max_bytes), where
        except json.JSONDecodeError as exc:
            report.problem(f"{where}: not JSON ({exc.msg} at column {exc.colno}); "
                           "expected an object with \"id\" and \"text\"")
        except RecursionError:
            report.problem(f"{where}: nested too deeply to read")
        except ValueError as exc:  # an integer of thousands of digits, a lone surrogate in a key
            report.problem(f"{where}: cannot be read ({exc})")
        except InputError as exc:
            report.problem(str(exc))


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


def read_documents(paths: Sequence[str], input_format: str = "text", report: InputReport | None = None,
                   published: str | None = None) -> Iterator[Document]:
    """Yield the documents of the given paths ("-" is stdin), streaming, in order.

    Unreadable files and bad JSON lines are recorded in `report` and skipped; without a report,
    the first one raises InputError. `published` (YYYY-MM-DD, the run's --published) dates the
    documents that give no date of their own, in their record or a "date" header line.
    """
    if input_format not in INPUT_FORMATS:
        raise InputError(f"unknown input format {input_format!r}; valid: {', '.join(INPUT_FORMATS)}")
    strict = report is None
    report = report or InputReport()
    for path in _expand(paths or ["-"], report):
        as_jsonl = input_format == "jsonl" or path.endswith(".jsonl")
        for doc, where in _documents(path, as_jsonl, report):
            if strict:
                report.raise_if_any()
            if doc is not None:
                report.place(doc.id, where)
                yield _dated(doc, published)
    if strict:
        report.raise_if_any()


def _dated(doc: Document, published: str | None) -> Document:
    """Return a document with the run's publication date when it gives none of its own."""
    if published is None or doc.published is not None or published_from_text(doc.text):
        return doc
    return Document(doc.id, doc.text, published, doc.title)


def _documents(path, as_jsonl, report):
    """Yield (Document or None, where it was read) of one path ("-": stdin)."""
    if not as_jsonl:
        yield _text_document(path, report, _stdin() if path == "-" else None), path
    elif path == "-":
        yield from _jsonl_documents("<stdin>", _lines(_stdin(), "<stdin>", report), report)
    else:
        try:
            with open(path, "rb") as raw:
                yield from _jsonl_documents(path, _lines(raw, path, report), report)
        except OSError as exc:
            report.problem(f"cannot read {path}: {exc.strerror or exc}")


def _stdin():
    return getattr(sys.stdin, "buffer", sys.stdin)  # bytes, decoded like a file's


def _lines(raw, name, report):
    """Yield the decoded lines of a stream, split at \n alone: JSON strings may hold U+2028 or U+0085,
    which str.splitlines() would cut at. Non-UTF-8 lines are read as Windows-1252, with one warning."""
    warned = False
    for number, line in enumerate(raw, 1):
        if isinstance(line, bytes):
            if number == 1 and b"\x00" in line[:SNIFF_BYTES]:
                report.problem(f"{name} is not text (it holds NUL bytes); kg reads UTF-8 text or JSON lines")
                return
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                if not warned:
                    report.warn(f"{name}:{number} is not UTF-8 ({exc.reason} at byte {exc.start}); "
                                "read as Windows-1252/Latin-1")
                    warned = True
                line = line.decode("cp1252", errors="replace")
        yield line.rstrip("\r\n")

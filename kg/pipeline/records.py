"""One input record {"id", "text", "published"?, "title"?} checked field by field (the publication date may
also be called "date" or "datePublished", schema.org's name): a record kg cannot
store faithfully is refused by name (InputError), never half-read, and never stops the others."""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Callable
from typing import Any

from kg.errors import InputError
from kg.model import Document

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?")
MAX_ID = 2000  # characters of an id: a path or a URL, not a document
# the names a record's publication date goes by, in the order they are looked for: kg's own, then the
# plain one and schema.org's that feeds and scrapers write
DATE_KEYS = ("published", "datePublished", "date")


def _surrogate(text: str) -> int | None:
    """Return the offset of a lone surrogate (not Unicode text: RDF cannot hold it), else None."""
    for i, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            return i
    return None


def _string(record: dict, key: str, where: str, required: bool) -> str | None:
    value = record.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: \"{key}\" must be a string, not {_kind(value)}")
    offset = _surrogate(value)
    if offset is not None:
        raise InputError(f"{where}: \"{key}\" holds a lone surrogate (U+{ord(value[offset]):04X} at "
                         f"character {offset}), which is not Unicode text")
    return value


def _kind(value: Any) -> str:
    return "null" if value is None else "a number" if isinstance(value, (int, float)) else type(value).__name__


def record_id(record: dict, where: str) -> str:
    """Return a record's id exactly as given: a non-empty string, or a whole number written in digits."""
    value = record.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # 7 is "7": a duplicate of both in one run is reported
    doc_id = _string({"id": value}, "id", where, required=True) or ""
    if not doc_id:
        raise InputError(f"{where}: \"id\" is empty")
    if len(doc_id) > MAX_ID:
        raise InputError(f"{where}: \"id\" is {len(doc_id)} characters long; kg takes ids up to {MAX_ID}")
    return doc_id


def published_date(value: str | None, where: str, warn: Callable[[str], Any], key: str = "published") -> str | None:
    """Return a publication date as YYYY-MM-DD (a timestamp keeps its date); warn and drop an invalid one."""
    if value is None or not value.strip():
        return None
    match = _DATE.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError("written otherwise")
        return datetime.date(*map(int, match.groups())).isoformat()
    except ValueError as exc:
        warn(f"{where}: \"{key}\" {value[:40]!r} is not a date YYYY-MM-DD ({exc}); the document is read "
             "without it")
        return None


def document_from_record(record: Any, where: str = "record", warn: Callable[[str], Any] | None = None,
                         max_bytes: int | None = None) -> Document:
    """Return the Document of an input record {"id", "text", "published"?, "title"?}; `where` names it in
    errors. A field of the wrong type, a lone surrogate, an empty or huge id, or a text over max_bytes
    raises InputError; an invalid date is dropped with a warning (to warn, default: kg's log)."""
    if not isinstance(record, dict) or "id" not in record or "text" not in record:
        raise InputError(f"{where}: expected a JSON object with \"id\" and \"text\"")
    doc_id = record_id(record, where)
    text = _string(record, "text", where, required=True) or ""
    if max_bytes is not None and len(text) > max_bytes // 4 and len(text.encode("utf-8")) > max_bytes:
        raise InputError(f"{where}: \"text\" is {len(text.encode('utf-8'))} bytes; kg reads documents up to "
                         f"{size(max_bytes)} (split it, or raise --max-bytes)")
    title = _string(record, "title", where, required=False) or None
    key = next((k for k in DATE_KEYS if record.get(k) is not None), "published")
    published = _string(record, key, where, required=False)
    return Document(doc_id, text, published_date(published, where, warn or _log_warning, key), title)


def _log_warning(message: str) -> None:
    logging.getLogger("kg").warning("kg: %s", message)


def size(count: int) -> str:
    """Return a byte count for people: 800 bytes, 2.5 kB, 10 MB."""
    if count < 1000:
        return f"{count} byte{'s' * (count != 1)}"
    if count < 1_000_000:
        return f"{count / 1000:g} kB"
    return f"{count / 1e6:g} MB"

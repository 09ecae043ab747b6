"""Mint deterministic, valid IRIs from arbitrary text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from kg.invisible import remove_invisible
from kg.rdf.namespaces import COARSE_CLASS, DOC, ENTITY, FACT

MAX_SEGMENT = 120  # characters of a readable IRI segment before it is cut and hashed
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Return text NFC-normalised, without control or invisible characters, whitespace collapsed."""
    text = unicodedata.normalize("NFC", remove_invisible(text))
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


def name_key(name: str) -> str:
    """Return the key a name is looked up by: the name lower-cased (SPARQL's LCASE, written as kg:nameKey)."""
    return name.lower()


def _digest(*parts):
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()


def segment(text: str) -> str:
    """Return a percent-encoded IRI path segment for text, bounded in length."""
    cleaned = clean_text(text).replace(" ", "_") or "_"
    encoded = quote(cleaned, safe="_-.~")
    if len(encoded) <= MAX_SEGMENT:
        return encoded
    # cut on a whole character and keep the full text's hash so long names stay distinct
    head = ""
    for char in cleaned:
        piece = quote(char, safe="_-.~")
        if len(head) + len(piece) > MAX_SEGMENT - 13:
            break
        head += piece
    return f"{head}-{_digest(cleaned)[:12]}"


def id_segment(doc_id: str) -> str:
    """Return a document id percent-encoded as an IRI path segment, losslessly: distinct ids, distinct
    segments. Every byte of the id's UTF-8 but letters, digits and _-.~ is escaped (a space is %20, not _),
    nothing is normalised; an ordinary id like seeds/000_b7.txt reads seeds%2F000_b7.txt as it always has.
    A segment past MAX_SEGMENT characters is cut and ends in a hash of the whole id."""
    encoded = quote(doc_id.encode("utf-8", "surrogatepass"), safe="_-.~") or "_"
    if len(encoded) <= MAX_SEGMENT:
        return encoded
    head = ""
    for char in doc_id:
        piece = quote(char.encode("utf-8", "surrogatepass"), safe="_-.~")
        if len(head) + len(piece) > MAX_SEGMENT - 13:
            break
        head += piece
    return f"{head}-{hashlib.sha1(doc_id.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


def entity_iri(key: str, entity_type: str) -> URIRef:
    """Return the IRI of an entity from its canonical key and class."""
    return ENTITY[f"{COARSE_CLASS.get(entity_type, 'Entity').lower()}/{segment(key)}"]


def document_iri(doc_id: str) -> URIRef:
    """Return the IRI of a document, which also names its graph."""
    return DOC[id_segment(doc_id)]


def mention_iri(doc_id: str, start: int, end: int) -> URIRef:
    """Return the NIF-style IRI of a character span of a document."""
    return DOC[f"{id_segment(doc_id)}#char={start},{end}"]


def fact_iri(doc_id: str, *parts: object) -> URIRef:
    """Return the IRI of a statement from its document and identifying parts."""
    return FACT[_digest(doc_id, *parts)[:20]]

"""A lexical look at a SPARQL query: which keywords it uses, outside strings, IRIs and comments.

Enough to tell whether a query names its own dataset (FROM, FROM NAMED) or calls another service
(SERVICE) without a full parser: a keyword can only appear as a bare word, and every place a word
could hide as text (a string, an IRI, a comment, a variable or prefixed name) is skipped.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(r"""
    (?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n]*)
  | (?P<name>[?$]?[\w.\-]*:[\w.\-:%\\]*|[?$][\w]+|@[A-Za-z\-]+)
  | (?P<word>[A-Za-z]\w*)
""", re.VERBOSE | re.DOTALL)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(query: str) -> str:
    # SPARQL replaces \uXXXX codepoint escapes before parsing, so \u0053ERVICE is SERVICE
    return _ESCAPE.sub(lambda m: chr(min(int(m.group(1) or m.group(2), 16), 0x10FFFF)), query)


def keywords(query: str) -> set[str]:
    """Return the bare words of a query, upper-cased (SELECT, FROM, SERVICE, ...)."""
    return {m.group("word").upper() for m in _TOKENS.finditer(_unescape(query)) if m.lastgroup == "word"}


def calls_service(query: str) -> bool:
    """Tell whether a query holds a SERVICE clause (federated query)."""
    return "SERVICE" in keywords(query)


def names_dataset(query: str) -> bool:
    """Tell whether a query gives its own dataset with FROM or FROM NAMED."""
    return "FROM" in keywords(query)

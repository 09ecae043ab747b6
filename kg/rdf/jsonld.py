"""Write the store as JSON-LD under the published context (ontology/context.jsonld).

The output is plain JSON a web developer can read: one object per document graph, its entities
with "label", "type", "aliases", their "mentions" and their "facts" (the statements whose subject
they are, each with its "evidence" sentence embedded). Every triple is written at least once, so
the JSON-LD parses back to the same graphs; the context is embedded, so no parser fetches it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any, BinaryIO, TextIO, cast

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, XSD

from kg.rdf.namespaces import KG
from kg.rdf.ontology import load_context
from kg.store.graphs import document_graphs
from kg.store.protocol import GraphStore

KEY_ORDER = {"id": 0, "type": 1, "label": 2, "aliases": 3, "mentions": 98, "facts": 99}
_NATIVE = {str(XSD.integer)}  # JSON numbers that parse back to the same literal
_STRING = str(XSD.string)


class Context:
    """The terms and prefixes of a JSON-LD context, for compacting one way."""

    def __init__(self, context):
        self.context = context
        self.vocab = context.get("@vocab", "")
        self.prefixes = sorted(((iri, name) for name, iri in context.items()
                                if isinstance(iri, str) and iri[-1:] in "/#" and not name.startswith("@")),
                               key=lambda pair: -len(pair[0]))
        self.terms, self.reverse = {}, {}
        for name, spec in context.items():
            if name.startswith("@") or (isinstance(spec, str) and spec.startswith("@")):
                continue
            spec = {"@id": spec} if isinstance(spec, str) else spec
            if "@reverse" in spec:
                self.reverse[self.expand(spec["@reverse"])] = name
            elif not spec["@id"].endswith(("/", "#")):
                self.terms[self.expand(spec["@id"])] = (name, spec.get("@type"), spec.get("@container"))

    def expand(self, value):
        """Return the full IRI of a compact IRI of this context."""
        prefix, sep, rest = value.partition(":")
        iri = self.context.get(prefix)
        return iri + rest if sep and isinstance(iri, str) and not rest.startswith("//") else value

    def compact(self, iri):
        """Return an IRI as prefix:rest where a prefix fits, else whole."""
        for base, name in self.prefixes:
            if iri.startswith(base) and len(iri) > len(base) and not iri[len(base):].startswith("//"):
                return f"{name}:{iri[len(base):]}"
        return iri

    def vocab_name(self, iri):
        """Return an IRI as a term or vocabulary-relative name where one reads back the same."""
        term = self.terms.get(iri)
        if term:
            return term[0]
        rest = iri[len(self.vocab):] if self.vocab and iri.startswith(self.vocab) else ""
        if rest and ":" not in rest and rest not in self.context:
            return rest
        return self.compact(iri)

    def key(self, prop):
        """Return (key, coercion, container) for a property IRI."""
        return self.terms.get(str(prop)) or (self.compact(str(prop)), None, None)

    def value(self, term, coercion):
        """Return the JSON of one RDF term under a key's type coercion."""
        if isinstance(term, (URIRef, BNode)):
            ref = f"_:{term}" if isinstance(term, BNode) else self.compact(str(term))
            if coercion == "@vocab" and isinstance(term, URIRef):
                return self.vocab_name(str(term))
            return ref if coercion == "@id" else {"id": ref}
        return self._literal(term, coercion)

    def _literal(self, term, coercion):
        lexical, datatype = str(term), str(term.datatype) if term.datatype else _STRING
        if term.language:
            return {"@value": lexical, "@language": term.language}
        if coercion and coercion not in ("@id", "@vocab") and self.expand(coercion) == datatype:
            return lexical
        if coercion is None and datatype == _STRING:
            return lexical
        if coercion is None and datatype in _NATIVE and lexical == str(_integer(lexical)):
            return _integer(lexical)
        if datatype == _STRING:
            return {"@value": lexical}
        return {"@value": lexical, "@type": self.compact(datatype)}


def _integer(lexical):
    try:
        return int(lexical)
    except ValueError:
        return None


def node_object(graph, subject, ctx):
    """Return the JSON object of one subject: its id, types and properties."""
    node = {"id": f"_:{subject}" if isinstance(subject, BNode) else ctx.compact(str(subject))}
    types = sorted(ctx.vocab_name(str(t)) for t in graph.objects(subject, RDF.type))
    if types:
        node["type"] = types[0] if len(types) == 1 else types
    values: dict[tuple[str, Any], list[Any]] = {}
    for prop, obj in graph.predicate_objects(subject):
        if prop != RDF.type:
            key, coercion, container = ctx.key(prop)
            values.setdefault((key, container), []).append(ctx.value(obj, coercion))
    for (key, container), items in values.items():
        items.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        node[key] = items if len(items) > 1 or container == "@set" else items[0]
    return node


def graph_objects(graph, ctx):
    """Return the top-level JSON objects of a graph, statements and mentions nested in their entity."""
    nodes = {s: node_object(graph, s, ctx) for s in set(graph.subjects())}
    nested = set()
    for statement, sentence in graph.subject_objects(KG.evidence):
        if sentence in nodes and statement in nodes:
            nodes[statement]["evidence"] = nodes[sentence]
            nested.add(sentence)
    for kind, prop in ((KG.Statement, RDF.subject), (KG.Mention, KG.refersTo)):
        key = ctx.reverse.get(str(prop))
        for child in graph.subjects(RDF.type, kind):
            owners = list(graph.objects(child, prop))
            if key and len(owners) == 1 and owners[0] in nodes and child not in nested:
                copy = {k: v for k, v in nodes[child].items() if k != ctx.key(prop)[0]}
                nodes[owners[0]].setdefault(key, []).append(copy)
                nested.add(child)
    for node in nodes.values():
        for key in ctx.reverse.values():
            node.get(key, []).sort(key=_position)
    top = [_ordered(nodes[s]) for s in nodes if s not in nested]
    return sorted(top, key=lambda n: (n.get("type") != ctx.vocab_name(str(KG.Document)), n["id"]))


def _position(child):
    """Return where a nested mention or statement stands in its document, for sorting."""
    span = child.get("evidence", child)
    begin = span.get("begin") if isinstance(span, dict) else None
    return (begin if isinstance(begin, int) else -1, child["id"])


def _ordered(node):
    for key, value in node.items():
        if isinstance(value, list):
            node[key] = [_ordered(v) if isinstance(v, dict) else v for v in value]
        elif isinstance(value, dict):
            node[key] = _ordered(value)
    return dict(sorted(node.items(), key=lambda kv: (KEY_ORDER.get(kv[0], 50), kv[0])))


def to_jsonld(graphs: Iterable[Graph], context: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the JSON-LD document (a dict) of named graphs, with the context embedded."""
    context = context if context is not None else load_context()
    ctx = Context(context)
    named = [{"id": ctx.compact(str(g.identifier)), "@graph": graph_objects(g, ctx)} for g in graphs]
    return {"@context": context, "@graph": sorted(named, key=lambda g: g["id"])}


def write_jsonld(store: GraphStore, out: BinaryIO | TextIO) -> None:
    """Write every document graph of a Store to a binary or text stream as JSON-LD."""
    text = json.dumps(to_jsonld(document_graphs(store)), indent=1, ensure_ascii=False) + "\n"
    if isinstance(out, io.TextIOBase):
        out.write(text)
    else:
        cast(BinaryIO, out).write(text.encode("utf-8"))

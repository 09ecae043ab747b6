"""Draw the store as one self-contained HTML page: entities coloured by type, facts as labelled edges.

The page needs no network: its script (vis-network from the pyvis package, then kg/web/view.js) and
styles are inlined, the data is embedded as JSON, and a Content-Security-Policy forbids loading
anything else. Entities without a fact drawn are left out unless asked for: they are most of a
news graph and carry nothing to click.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from rdflib import URIRef
from rdflib.namespace import RDFS

from kg.errors import InputError, KGError, UsageError
from kg.rdf.classes import class_tree
from kg.rdf.namespaces import ENTITY_CLASSES, KG
from kg.rdf.ontology import VOCABULARY, load_graph
from kg.store.protocol import GraphStore
from kg.web.network import vis_network_js

HERE = Path(__file__).resolve().parent
# the most specific class names an entity's colour; Okabe-Ito colours, told apart by most readers
TYPE_ORDER = ("Person", "Organization", "Country", "City", "Region", "Place", "Group")
COLORS = {"Person": "#0072B2", "Organization": "#E69F00", "Country": "#009E73", "City": "#56B4E9",
          "Region": "#CC79A7", "Place": "#8C8C3C", "Group": "#D55E00"}
_PREFIXES = """PREFIX kg: <http://kg.example.org/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""
ENTITIES = _PREFIXES + """SELECT DISTINCT ?e ?type ?label WHERE {
  GRAPH ?g { ?e a ?type ; rdfs:label ?label }
  VALUES ?type { kg:Person kg:Organization kg:Place kg:Country kg:City kg:Region kg:Group }
}"""
ALIASES = _PREFIXES + "SELECT DISTINCT ?e ?alias WHERE { GRAPH ?g { ?e kg:alias ?alias } }"
LINKS = _PREFIXES + "SELECT DISTINCT ?e ?same WHERE { GRAPH ?g { ?e owl:sameAs ?same } }"
FACTS = _PREFIXES + """SELECT ?st ?s ?p ?o ?confidence ?date ?rule ?sentence ?start ?source ?title ?by
       ?sstart ?send ?ostart ?oend WHERE {
  GRAPH ?g {
    ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
        kg:confidence ?confidence ; kg:evidence ?ev ; kg:inDocument ?doc .
    ?ev nif:anchorOf ?sentence ; nif:beginIndex ?start .
    OPTIONAL { ?doc kg:sourceId ?source } OPTIONAL { ?doc kg:title ?title }
    OPTIONAL { ?st kg:date ?date } OPTIONAL { ?st kg:rule ?rule } OPTIONAL { ?st kg:attributedTo ?by }
    OPTIONAL { ?st kg:subjectMention [ nif:beginIndex ?sstart ; nif:endIndex ?send ] }
    OPTIONAL { ?st kg:objectMention [ nif:beginIndex ?ostart ; nif:endIndex ?oend ] }
  }
}"""


def view_data(store: GraphStore, entity: str | None = None, min_confidence: float | None = None,
              all_entities: bool = False) -> dict[str, Any]:
    """Return the page's data: entities, edges (facts grouped by triple, with evidence), colours, legend.

    Only entities in a drawn fact are kept unless all_entities; the legend counts the whole store
    as kg stats does, each class once under its parent (kg.rdf.classes).
    """
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise UsageError(f"--min-confidence must be in [0, 1], not {min_confidence}")
    entities, counts = _entities(store)
    edges = _edges(store, entities, min_confidence)
    stored = len(entities)
    if entity is not None:
        focus = {iri for iri, e in entities.items()
                 if entity.casefold() in {n.casefold() for n in (e["label"], *e["aliases"])}}
        if not focus:
            raise KGError(f"no entity called {entity!r} in the store (a label or an alias, in any case)")
        edges = [e for e in edges if e["subject"] in focus or e["object"] in focus]
        keep = focus | {e["subject"] for e in edges} | {e["object"] for e in edges}
        entities = {iri: e for iri, e in entities.items() if iri in keep}
    if not all_entities:
        linked = {e["subject"] for e in edges} | {e["object"] for e in edges}
        entities = {iri: e for iri, e in entities.items() if iri in linked}
    return {"entities": sorted(entities.values(), key=lambda e: (e["label"].casefold(), e["id"])),
            "edges": edges, "colors": COLORS, "legend": class_tree(counts), "stored": stored,
            "filters": {"entity": entity, "min_confidence": min_confidence, "all_entities": all_entities}}


def _entities(store):
    """Return ({iri: entity}, {class: number of entities typed with it})."""
    entities: dict[str, dict[str, Any]] = {}
    for iri, cls, label in store.query(ENTITIES)[1]:
        entry = entities.setdefault(str(iri), {"id": str(iri), "label": str(label), "types": set(),
                                               "aliases": [], "links": []})
        entry["types"].add(str(cls).rsplit("#", 1)[-1])
        entry["label"] = min(entry["label"], str(label))  # one label even if documents disagree
    for query, key in ((ALIASES, "aliases"), (LINKS, "links")):
        for iri, value in store.query(query)[1]:
            if str(iri) in entities:
                entities[str(iri)][key].append(str(value))
    counts = Counter(t for entry in entities.values() for t in entry["types"])
    for entry in entities.values():
        types = entry.pop("types")
        entry["type"] = next(t for t in TYPE_ORDER if t in types)
        entry["aliases"].sort()
        entry["links"].sort()
    return entities, counts


def _edges(store, entities, min_confidence):
    names = _property_labels()
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in store.query(FACTS)[1]:
        st, s, p, o, confidence, date, rule, sentence, start, source, title, by, ss, se, os_, oe = row
        if str(s) not in entities or str(o) not in entities:
            continue
        if min_confidence is not None and float(confidence) < min_confidence:
            continue
        edge = edges.setdefault((str(s), str(p), str(o)), {
            "subject": str(s), "object": str(o), "predicate": str(p).rsplit("#", 1)[-1],
            "label": names.get(str(p), str(p).rsplit("#", 1)[-1]), "evidence": []})
        offset = int(start)
        edge["evidence"].append({
            "statement": str(st), "confidence": float(confidence), "sentence": str(sentence),
            "document": str(source) if source is not None else "", "title": str(title or ""),
            "date": str(date or ""), "rule": str(rule or ""),
            "attributed_to": entities.get(str(by), {}).get("label", "") if by is not None else "",
            "marks": _marks(offset, ((ss, se), (os_, oe)))})
    for edge in edges.values():
        edge["evidence"].sort(key=lambda e: (-e["confidence"], e["document"], e["statement"]))
        edge["confidence"] = edge["evidence"][0]["confidence"]
    return sorted(edges.values(), key=lambda e: (e["subject"], e["predicate"], e["object"]))


def _marks(offset, spans):
    """Return the mention spans as offsets into their sentence, for highlighting."""
    return sorted([int(b) - offset, int(e) - offset] for b, e in spans if b is not None and e is not None)


def _property_labels():
    ontology = load_graph(VOCABULARY)
    return {str(p): str(label) for p, label in ontology.subject_objects(RDFS.label)
            if isinstance(p, URIRef) and str(p).startswith(str(KG)) and p[len(KG):] not in ENTITY_CLASSES}


def render_html(data: dict[str, Any], title: str = "kg graph") -> str:
    """Return the self-contained HTML page of view data."""
    script = vis_network_js() + "\n" + (HERE / "view.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    values = {"TITLE": html.escape(title), "SCRIPT_HASH": digest, "DATA": payload, "SCRIPT": script}
    page = (HERE / "view.html").read_text(encoding="utf-8")
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], page)  # one pass: data stays data


def write_view(store: GraphStore, path: str | Path, entity: str | None = None,
               min_confidence: float | None = None, all_entities: bool = False) -> tuple[int, int, int]:
    """Write the HTML view of a Store to path; return the numbers of entities and edges drawn, and of entities."""
    data = view_data(store, entity, min_confidence, all_entities)
    page = render_html(data)
    if str(path) == "-":
        sys.stdout.write(page)
    else:
        try:
            Path(path).write_text(page, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {path}: {exc}") from exc
    return len(data["entities"]), len(data["edges"]), data["stored"]

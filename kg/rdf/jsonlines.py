"""An Extraction as one JSON line: the `kg extract --format jsonl` record (the contract the scorer reads)."""

import json
from typing import Any

from kg.model import Extraction, Fact, Span
from kg.rdf.iris import document_iri, entity_iri


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _tenure(fact: Fact) -> dict[str, Any]:
    """Return the start, end and ended keys a fact in time carries (none for a timeless fact)."""
    found: dict[str, Any] = {"start": fact.start} if fact.start else {}
    if fact.ended:
        found.update({"end": fact.end, "ended": True} if fact.end else {"ended": True})
    return found


def json_line(extraction: Extraction) -> str:
    """Return the JSON line (no newline) of an extraction."""
    return json.dumps(extraction_to_json(extraction), ensure_ascii=False)


def extraction_to_json(extraction: Extraction) -> dict[str, Any]:
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
        record.update(_tenure(f))
        facts.append(record)
    return {
        "id": extraction.document.id,
        "graph": str(document_iri(extraction.document.id)),
        "entities": [{"iri": iris[e.key], "label": e.label, "type": e.type, "aliases": list(e.aliases),
                      "mentions": [dict(_span(m), text=m.text) for m in e.mentions]}
                     for e in extraction.entities],
        "facts": facts,
    }

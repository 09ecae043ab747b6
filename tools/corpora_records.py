"""Build and check kg JSON-lines records for tools/corpora.py: entities, mentions, facts, the summary."""

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote

ENTITY_NS = "http://kg.example.org/id/"
KG_TYPES = ("Person", "Organization", "Place", "Group")


class CorpusError(ValueError):
    """A corpus file or record that cannot be converted; the message names the file and the item."""


def _fallback_iri(label: str, entity_type: str) -> str:
    """Mint kg's entity IRI by kg's rule when the kg package cannot be imported."""
    cleaned = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", unicodedata.normalize("NFC", label)).split())
    segment = quote(cleaned.replace(" ", "_") or "_", safe="_-.~")
    return f"{ENTITY_NS}{entity_type.lower()}/{segment}"


def _iri_minter():
    """Return kg's own entity_iri (its module moved during a refactor, so try both homes)."""
    for module in ("kg.rdf.iris", "kg.iris"):
        try:
            mint = __import__(module, fromlist=["entity_iri"]).entity_iri
        except (ImportError, AttributeError):
            continue
        return lambda label, entity_type: str(mint(label, entity_type))
    return _fallback_iri


entity_iri = _iri_minter()


class RecordBuilder:
    """Collect one record's entities and facts, merging entities of one label and type."""

    def __init__(self, record_id: str, text: str) -> None:
        self.id, self.text = record_id, text
        self.entities: dict[tuple[str, str], dict] = {}
        self.iris: set[str] = set()
        self.facts: list[dict] = []

    def mention(self, label: str, entity_type: str, start: int, end: int) -> str:
        """Add a mention of the entity (label, type) and return the entity's IRI."""
        entity = self.entities.get((label, entity_type))
        if entity is None:
            iri, n = entity_iri(label, entity_type), 1
            base = iri
            while iri in self.iris:  # two labels that mint one IRI ('A B' and 'A_B') stay two entities
                n += 1
                iri = f"{base}_{n}"
            self.iris.add(iri)
            entity = {"iri": iri, "label": label, "type": entity_type, "mentions": []}
            self.entities[(label, entity_type)] = entity
        span = {"start": start, "end": end, "text": self.text[start:end]}
        if span not in entity["mentions"]:
            entity["mentions"].append(span)
        return entity["iri"]

    def fact(self, subject: str, predicate: str, obj: str, s_span: tuple[int, int],
             o_span: tuple[int, int]) -> bool:
        """Add a fact unless it repeats one already added; return whether it was added."""
        evidence = {"subject_mention": {"start": s_span[0], "end": s_span[1]},
                    "object_mention": {"start": o_span[0], "end": o_span[1]}}
        fact = {"subject": subject, "predicate": predicate, "object": obj, "evidence": evidence}
        if fact in self.facts:
            return False
        self.facts.append(fact)
        return True

    def record(self) -> dict:
        """Return the record as kg extract writes it (minus graph, confidence and rule)."""
        return {"id": self.id, "text": self.text, "entities": list(self.entities.values()),
                "facts": self.facts}


def check_record(record: dict, source: str) -> dict:
    """Return the record after checking offsets and evidence; raise CorpusError naming source and id."""
    where = f"{source}: record {record.get('id')!r}"
    text = record.get("text")
    if not isinstance(text, str):
        raise CorpusError(f"{where}: no text")
    spans: dict[str, set[tuple[int, int]]] = {}
    for entity in record.get("entities", []):
        if entity.get("type") not in KG_TYPES:
            raise CorpusError(f"{where}: entity {entity.get('iri')} has type {entity.get('type')!r}")
        if entity["iri"] in spans:
            raise CorpusError(f"{where}: two entities share the IRI {entity['iri']}")
        spans[entity["iri"]] = set()
        for m in entity["mentions"]:
            if not 0 <= m["start"] < m["end"] <= len(text) or text[m["start"]:m["end"]] != m["text"]:
                raise CorpusError(f"{where}: mention {m} is not text[{m['start']}:{m['end']}]")
            spans[entity["iri"]].add((m["start"], m["end"]))
    for fact in record.get("facts", []):
        for role, key in (("subject", "subject_mention"), ("object", "object_mention")):
            span = fact["evidence"][key]
            if (span["start"], span["end"]) not in spans.get(fact[role], ()):
                raise CorpusError(f"{where}: fact {fact['predicate']}: {key} {span} is no mention of {fact[role]}")
    return record


class Summary:
    """Count records, facts per kg property and what was dropped why; print it on stderr."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.totals: Counter = Counter()
        self.facts: Counter = Counter()
        self.dropped: Counter = Counter()
        self.properties: dict[str, Counter] = defaultdict(Counter)

    def add_record(self, record: dict) -> dict:
        """Count a record's entities, mentions and facts; return the record."""
        self.totals["records"] += 1
        self.totals["entities"] += len(record["entities"])
        self.totals["mentions"] += sum(len(e["mentions"]) for e in record["entities"])
        self.facts.update(f["predicate"] for f in record["facts"])
        return record

    def lines(self) -> list[str]:
        """Return the summary as lines of text."""
        totals = ", ".join(f"{k} {v}" for k, v in self.totals.items())
        out = [f"{self.title}: {totals}, facts {sum(self.facts.values())}"]
        out.append("  facts by kg property: " + (_counts(self.facts) or "none"))
        out.append("  dropped: " + (_counts(self.dropped) or "nothing"))
        for prop in sorted(self.properties, key=_property_order):
            c = self.properties[prop]
            reasons = _counts(Counter({k: v for k, v in c.items() if k != "kept"}))
            out.append(f"  {prop}: kept {c['kept']}, dropped {sum(c.values()) - c['kept']}"
                       + (f" ({reasons})" if reasons else ""))
        return out

    def print(self, stream=sys.stderr) -> None:
        """Write the summary to a stream (stderr by default)."""
        stream.write("\n".join(self.lines()) + "\n")


def _property_order(prop: str) -> tuple[int, str]:
    """Sort 'P17 country' before 'P108 employer': by the number of the Wikidata id."""
    head = prop.split()[0]
    return (int(head[1:]) if head[1:].isdigit() else 0, prop)


def _counts(counter: Counter) -> str:
    """Return 'key n, key n' with the largest counts first."""
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def load_json(path: Path) -> Any:
    """Return a JSON file's content; raise CorpusError naming the file when it does not parse."""
    try:
        with open(path, encoding="utf-8") as stream:
            return json.load(stream)
    except (OSError, ValueError) as err:
        raise CorpusError(f"{path}: not readable as JSON: {err}") from None


def load_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """Yield (line number, object) of a JSON-lines file; raise CorpusError naming the bad line."""
    try:
        with open(path, encoding="utf-8") as stream:
            for line_no, line in enumerate(stream, 1):
                if line.strip():
                    try:
                        yield line_no, json.loads(line)
                    except ValueError as err:
                        raise CorpusError(f"{path}:{line_no}: not a JSON object: {err}") from None
    except OSError as err:
        raise CorpusError(f"{path}: not readable: {err}") from None

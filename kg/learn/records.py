"""Read and validate kg's JSON-lines records (text, entities, mentions, facts) for learning."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from kg.learn.errors import TrainingDataError

DEFAULT_ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "kg.ttl"
# `kg:worksFor a owl:ObjectProperty` — a regex keeps rdflib out of the import path.
_OBJECT_PROPERTY = re.compile(r"^\s*kg:([A-Za-z_][\w-]*)\s+a\s+owl:ObjectProperty\b", re.MULTILINE)


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity: character offsets into the record text."""

    start: int
    end: int
    type: str


@dataclass(frozen=True)
class Fact:
    """A typed relation between two mentions of a record (indices into Record.mentions)."""

    head: int
    tail: int
    predicate: str


@dataclass(frozen=True)
class Record:
    """A validated training/scoring record: text, its typed mentions and the facts between them."""

    id: str
    text: str
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]


def load_predicates(ontology: Path | str = DEFAULT_ONTOLOGY) -> frozenset[str]:
    """Return the local names of every owl:ObjectProperty declared in the ontology file."""
    names = frozenset(_OBJECT_PROPERTY.findall(Path(ontology).read_text(encoding="utf-8")))
    if not names:
        raise TrainingDataError(f"{ontology}: no 'kg:X a owl:ObjectProperty' declarations found")
    return names


def read_records(
    source: Path | str | Iterable[str],
    predicates: frozenset[str] | None = None,
    ontology: Path | str = DEFAULT_ONTOLOGY,
) -> list[Record]:
    """Parse and validate JSON-lines records from a path or an iterable of lines."""
    valid = predicates if predicates is not None else load_predicates(ontology)
    if isinstance(source, (str, Path)):
        name = Path(source).name
        lines: Iterable[str] = Path(source).read_text(encoding="utf-8").splitlines()
    else:
        name, lines = "<lines>", source
    records = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            records.append(_parse_line(line, f"{name}:{number}", valid))
    return records


def _parse_line(line: str, where: str, predicates: frozenset[str]) -> Record:
    """Decode one line and turn it into a Record, or raise naming the line."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        raise TrainingDataError(f"{where}: not valid JSON ({error.msg})") from None
    if not isinstance(raw, dict):
        raise TrainingDataError(f"{where}: a record must be a JSON object, got {type(raw).__name__}")
    record_id = str(raw.get("id", "?"))
    where = f"{where} (record {record_id!r})"
    text = raw.get("text")
    if not isinstance(text, str):
        raise TrainingDataError(f"{where}: the record has no 'text' string")
    mentions, index = _read_entities(raw.get("entities", []), text, where)
    facts = _read_facts(raw.get("facts", []), index, predicates, where)
    return Record(record_id, text, tuple(mentions), tuple(facts))


def _read_entities(
    entities: Any, text: str, where: str
) -> tuple[list[Mention], dict[str, dict[tuple[int, int], int]]]:
    """Collect every entity mention; return them and iri -> {(start, end): mention index}."""
    if not isinstance(entities, list):
        raise TrainingDataError(f"{where}: 'entities' must be a list")
    mentions: list[Mention] = []
    seen: dict[tuple[int, int], int] = {}
    index: dict[str, dict[tuple[int, int], int]] = {}
    for number, entity in enumerate(entities, start=1):
        if not isinstance(entity, dict) or not isinstance(entity.get("iri"), str):
            raise TrainingDataError(f"{where}: entity {number} must be an object with an 'iri' string")
        kind = entity.get("type")
        if not isinstance(kind, str) or not kind:
            raise TrainingDataError(f"{where}: entity {entity['iri']!r} has no 'type' string")
        spans = index.setdefault(entity["iri"], {})
        for mention in entity.get("mentions", []):
            span = _check_mention(mention, text, f"{where}: entity {entity['iri']!r}")
            # The same span under two entities is ambiguous; the first one wins.
            if span not in seen:
                seen[span] = len(mentions)
                mentions.append(Mention(span[0], span[1], kind))
            spans[span] = seen[span]
    return mentions, index


def _check_mention(mention: Any, text: str, where: str) -> tuple[int, int]:
    """Check a mention's offsets (and text, when given) against the record text."""
    if not isinstance(mention, dict):
        raise TrainingDataError(f"{where}: a mention must be an object with 'start' and 'end'")
    start, end = mention.get("start"), mention.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        raise TrainingDataError(f"{where}: mention offsets must be integers, got {start!r}, {end!r}")
    if not 0 <= start < end <= len(text):
        raise TrainingDataError(
            f"{where}: mention [{start}, {end}) is outside the text or empty; "
            f"valid: 0 <= start < end <= {len(text)}"
        )
    given = mention.get("text")
    if given is not None and given != text[start:end]:
        raise TrainingDataError(
            f"{where}: mention text {given!r} does not match the text at [{start}, {end}): {text[start:end]!r}"
        )
    return start, end


def _read_facts(
    facts: Any, index: dict[str, dict[tuple[int, int], int]], predicates: frozenset[str], where: str
) -> list[Fact]:
    """Turn each fact into a Fact between mention indices, checking predicate, iris and evidence."""
    if not isinstance(facts, list):
        raise TrainingDataError(f"{where}: 'facts' must be a list")
    result: list[Fact] = []
    for number, fact in enumerate(facts, start=1):
        at = f"{where}: fact {number}"
        if not isinstance(fact, dict):
            raise TrainingDataError(f"{at} must be an object")
        predicate = fact.get("predicate")
        if predicate not in predicates:
            raise TrainingDataError(
                f"{at}: fact predicate {predicate!r} is not an ontology property; "
                f"valid: {', '.join(sorted(predicates))}"
            )
        evidence = fact.get("evidence") or {}
        ends = []
        for role in ("subject", "object"):
            ends.append(_fact_end(fact.get(role), evidence.get(f"{role}_mention"), index, f"{at} {role}"))
        result.append(Fact(ends[0], ends[1], predicate))
    return result


def _fact_end(iri: Any, evidence: Any, index: dict[str, dict[tuple[int, int], int]], where: str) -> int:
    """Resolve one end of a fact to the index of its evidence mention."""
    if iri not in index:
        raise TrainingDataError(
            f"{where} {iri!r} is not an entity of the record; valid: {', '.join(sorted(index)) or 'none'}"
        )
    spans = index[iri]
    if not isinstance(evidence, dict):
        raise TrainingDataError(f"{where} has no evidence mention; valid: {_spans(spans)}")
    span = (evidence.get("start"), evidence.get("end"))
    if span not in spans:
        raise TrainingDataError(
            f"{where} evidence [{span[0]}, {span[1]}) is not a mention of {iri!r}; valid: {_spans(spans)}"
        )
    return spans[span]


def _spans(spans: dict[tuple[int, int], int]) -> str:
    """Format an entity's mention spans for an error message."""
    return ", ".join(f"[{s}, {e})" for s, e in sorted(spans)) or "none"


"""Read CoNLL04 and WikiEvents into kg records for tools/corpora.py (measuring data, never shipped)."""

from pathlib import Path
from typing import Iterator

from corpora_records import CorpusError, RecordBuilder, Summary, load_json, load_jsonl

CONLL_TYPES = {"Peop": "Person", "Org": "Organization", "Loc": "Place"}  # Other has no kg class
CONLL_RELATIONS = {"Work_For": "worksFor", "Kill": "killed", "OrgBased_In": "basedIn",
                   "Live_In": "livesIn", "Located_In": "locatedIn"}
WIKIEVENTS_TYPES = {"PER": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place"}
# event type prefix -> (role of the subject, role of the object, kg property)
WIKIEVENTS_EVENTS = {"Conflict.Attack": ("Attacker", "Target", "attacked"),
                     "Life.Die": ("Killer", "Victim", "killed")}
MALFORMED = (KeyError, IndexError, TypeError, ValueError, AttributeError)


def read_conll04(path: Path, summary: Summary) -> Iterator[dict]:
    """Yield one record per CoNLL04 sentence: its Peop/Org/Loc entities and five relation types."""
    sentences = load_json(path)
    if not isinstance(sentences, list):
        raise CorpusError(f"{path}: expected a JSON list of sentences")
    for n, sentence in enumerate(sentences):
        try:
            yield _conll04_record(sentence, summary)
        except MALFORMED as err:
            item = sentence.get("id", f"#{n}") if isinstance(sentence, dict) else f"#{n}"
            raise CorpusError(f"{path}: sentence {item}: malformed ({type(err).__name__}: {err})") from None


def _conll04_record(sentence: dict, summary: Summary) -> dict:
    """Return the record of one CoNLL04 sentence."""
    text = sentence["text"]
    builder = RecordBuilder(str(sentence["id"]), text)
    kept: dict[int, tuple[str, tuple[int, int]]] = {}  # entity index -> (iri, span)
    for i, entity in enumerate(sentence["entities"]):
        kg_type = CONLL_TYPES.get(entity["type"])
        start, end = entity["char_start"], entity["char_end"]
        if text[start:end] != entity["text"]:
            raise ValueError(f"entity {i} {entity['text']!r} is not text[{start}:{end}]")
        if kg_type is None:
            summary.dropped[f"{entity['type']} entity"] += 1
            continue
        kept[i] = (builder.mention(entity["text"], kg_type, start, end), (start, end))
    for relation in sentence["relations"]:
        predicate = CONLL_RELATIONS.get(relation["type"])
        if not all(0 <= relation[k] < len(sentence["entities"]) for k in ("head", "tail")):
            raise ValueError(f"relation {relation} points past the {len(sentence['entities'])} entities")
        head, tail = kept.get(relation["head"]), kept.get(relation["tail"])
        if predicate is None:
            reason = f"relation {relation['type']} (unmapped)"
        elif head is None or tail is None:
            reason = "relation touching an Other entity"
        elif head[0] == tail[0]:
            reason = "relation of an entity with itself"
        else:
            builder.fact(head[0], predicate, tail[0], head[1], tail[1])
            continue
        summary.dropped[reason] += 1
    return builder.record()


def join_tokens(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Return tokens joined by single spaces (as the scorer does) and each token's span."""
    spans, pos = [], 0
    for token in tokens:
        spans.append((pos, pos + len(token)))
        pos += len(token) + 1
    return " ".join(tokens), spans


def read_wikievents(path: Path, summary: Summary) -> Iterator[dict]:
    """Yield one record per WikiEvents document: named types as entities, attacks and killings as facts."""
    for line_no, doc in load_jsonl(path):
        try:
            yield _wikievents_record(doc, summary)
        except MALFORMED as err:
            item = doc.get("id", "?") if isinstance(doc, dict) else "?"
            raise CorpusError(f"{path}:{line_no}: document {item}: malformed "
                              f"({type(err).__name__}: {err})") from None


def _wikievents_record(doc: dict, summary: Summary) -> dict:
    """Return the record of one WikiEvents document."""
    text, spans = join_tokens(doc["tokens"])
    builder = RecordBuilder(str(doc["id"]), text)
    kept: dict[str, tuple[str, tuple[int, int]]] = {}  # entity id -> (iri, span)
    for entity in doc["entities"]:
        kg_type = WIKIEVENTS_TYPES.get(entity["type"])
        if kg_type is None:
            summary.dropped[f"{entity['type']} mention"] += 1
            continue
        if not 0 <= entity["start"] < entity["end"] <= len(spans):
            raise ValueError(f"entity {entity['id']} has token span {entity['start']}..{entity['end']}")
        span = (spans[entity["start"]][0], spans[entity["end"] - 1][1])
        # the source's own text names the entity ('Al-Monitor'); the mention is the joined tokens
        kept[entity["id"]] = (builder.mention(entity["text"], kg_type, *span), span)
    known = {entity["id"] for entity in doc["entities"]}
    for event in doc["events"]:
        unknown = [a["entity_id"] for a in event["arguments"] if a["entity_id"] not in known]
        if unknown:
            raise ValueError(f"event {event.get('id')} names no entity {unknown[0]!r}")
        for prefix, roles in WIKIEVENTS_EVENTS.items():
            if event["type"].startswith(prefix):
                _event_facts(event, roles, kept, builder, summary)
    return builder.record()


def _event_facts(event: dict, roles: tuple[str, str, str], kept: dict, builder: RecordBuilder,
                 summary: Summary) -> None:
    """Add a fact for every (subject role, object role) argument pair of an event."""
    subject_role, object_role, predicate = roles
    args = {role: [a["entity_id"] for a in event["arguments"] if a["role"] == role]
            for role in (subject_role, object_role)}
    if not args[subject_role] or not args[object_role]:
        summary.dropped[f"{predicate} event without {subject_role} and {object_role}"] += 1
        return
    for subject_id in args[subject_role]:
        for object_id in args[object_role]:
            subject, obj = kept.get(subject_id), kept.get(object_id)
            if subject is None or obj is None:
                summary.dropped[f"{predicate} pair with an argument of no kg type"] += 1
            elif subject[0] == obj[0]:
                summary.dropped[f"{predicate} pair of an entity with itself"] += 1
            else:
                builder.fact(subject[0], predicate, obj[0], subject[1], obj[1])

"""Read Re-DocRED documents into one kg record per sentence, for tools/corpora.py."""

from collections import defaultdict
from pathlib import Path
from typing import Iterator, NamedTuple

from corpora_detok import detokenise, token_span
from corpora_readers import MALFORMED
from corpora_records import CorpusError, RecordBuilder, Summary, load_json

TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}  # TIME, NUM and MISC have no kg class
P, O, L = "Person", "Organization", "Place"
# Wikidata property -> (name, whether kg reads it tail -> head, {(subject type, object type): kg property}).
# A pair whose types are not listed is dropped: they are the plausible readings only.
PROPERTIES = {
    "P108": ("employer", False, {(P, O): "worksFor"}),
    # DocRED puts the state first (h LOC, t PER): the leader is the tail; leading an organisation is heads
    "P6": ("head of government", True, {(P, L): "leaderOf", (P, O): "heads"}),
    "P35": ("head of state", True, {(P, L): "leaderOf", (P, O): "heads"}),
    "P488": ("chairperson", True, {(P, O): "heads"}),
    "P463": ("member of", False, {(P, O): "memberOf", (O, O): "memberOf", (L, O): "memberOf"}),
    "P102": ("member of political party", False, {(P, O): "memberOf"}),
    "P54": ("member of sports team", False, {(P, O): "memberOf"}),
    "P159": ("headquarters location", False, {(O, L): "basedIn"}),
    "P131": ("located in the administrative territorial entity", False,
             {(L, L): "locatedIn", (O, L): "basedIn"}),
    "P17": ("country", False, {(L, L): "locatedIn", (O, L): "basedIn"}),
    "P551": ("residence", False, {(P, L): "livesIn"}),
    "P19": ("place of birth", False, {(P, L): "livesIn"}),
    "P27": ("country of citizenship", False, {(P, L): "citizenOf"}),
    "P112": ("founded by", True, {(P, O): "founded", (O, O): "founded"}),
    "P127": ("owned by", True, {(P, O): "ownerOf", (O, O): "ownerOf", (L, O): "ownerOf",
                                (P, L): "ownerOf", (O, L): "ownerOf"}),
    "P749": ("parent organization", True, {(O, O): "ownerOf", (L, O): "ownerOf", (P, O): "ownerOf"}),
    "P355": ("subsidiary", False, {(O, O): "ownerOf"}),
    "P1376": ("capital of", False, {(L, L): "locatedIn"}),
    "P36": ("capital", True, {(L, L): "locatedIn"}),
}


class Mention(NamedTuple):
    """A kg-typed mention: its sentence, character span there, kg type and DocRED entity index."""

    sent: int
    start: int
    end: int
    type: str
    entity: int


def read_redocred(path: Path, summary: Summary) -> Iterator[dict]:
    """Yield a record for every sentence of every document that holds a Person, Organization or Place."""
    docs = load_json(path)
    if not isinstance(docs, list):
        raise CorpusError(f"{path}: expected a JSON list of documents")
    split = Path(path).stem.split("_")[0]
    for d, doc in enumerate(docs):
        try:
            records = _doc_records(doc, f"redocred-{split}-{d}", summary)
        except MALFORMED as err:
            title = doc.get("title") if isinstance(doc, dict) else None
            raise CorpusError(f"{path}: document {d} ({title!r}): malformed "
                              f"({type(err).__name__}: {err})") from None
        yield from records


def _doc_records(doc: dict, prefix: str, summary: Summary) -> list[dict]:
    """Return the records of one document's sentences."""
    sentences = [detokenise(tokens) for tokens in doc["sents"]]
    mentions = _mentions(doc, sentences, summary)
    labels: dict[tuple[int, str], str] = {}
    for entity in mentions:
        for m in entity:  # an entity is named by its first mention of each type (the full name, mostly)
            labels.setdefault((m.entity, m.type), sentences[m.sent][0][m.start:m.end])
    facts = defaultdict(list)
    for label in doc["labels"]:
        for sent, subject, predicate, obj in _label_facts(label, mentions, labels, summary):
            facts[sent].append((subject, predicate, obj))
    by_sentence = defaultdict(list)
    for m in sorted(m for entity in mentions for m in entity):
        by_sentence[m.sent].append(m)
    summary.dropped["sentence: no kg-typed mention"] += len(sentences) - len(by_sentence)
    records = []
    for sent in sorted(by_sentence):
        builder = RecordBuilder(f"{prefix}-{sent}", sentences[sent][0])
        iris = {m: builder.mention(labels[m.entity, m.type], m.type, m.start, m.end) for m in by_sentence[sent]}
        for subject, predicate, obj in facts[sent]:
            builder.fact(iris[subject], predicate, iris[obj], (subject.start, subject.end), (obj.start, obj.end))
        records.append(builder.record())
    return records


def _mentions(doc: dict, sentences: list, summary: Summary) -> list[list[Mention]]:
    """Return each entity's kg-typed mentions in text order; count the mentions dropped."""
    entities = []
    for e, vertex in enumerate(doc["vertexSet"]):
        kept = []
        for m in vertex:
            kg_type = TYPES.get(m["type"])
            tokens, spans = doc["sents"][m["sent_id"]], sentences[m["sent_id"]][1]
            start, end = m["pos"]
            if not 0 <= start < end <= len(tokens):
                raise ValueError(f"entity {e} mention {m.get('name')!r} has token span {start}..{end} "
                                 f"in sentence {m['sent_id']} of {len(tokens)} tokens")
            span = token_span(spans, start, end)
            if kg_type is None or span is None:
                summary.dropped[f"mention: {m['type'] if span else 'blank'}"] += 1
                continue
            kept.append(Mention(m["sent_id"], span[0], span[1], kg_type, e))
        entities.append(sorted(set(kept)))
    return entities


def _label_facts(label: dict, mentions: list, labels: dict, summary: Summary) -> list[tuple]:
    """Return (sentence, subject mention, kg property, object mention) of a labelled pair; count drops."""
    found, reason = [], "unmapped property"
    if label["r"] in PROPERTIES:
        name, reverse, signatures = PROPERTIES[label["r"]]
        heads, tails = mentions[label["h"]], mentions[label["t"]]
        shared = sorted({m.sent for m in heads} & {m.sent for m in tails})
        evidence = set(label.get("evidence") or ())
        reason = "no kg-typed mention" if not heads or not tails else "cross-sentence"
        for sent in (s for s in shared if not evidence or s in evidence):
            h = next(m for m in heads if m.sent == sent)
            t = next(m for m in tails if m.sent == sent)
            subject, obj = (t, h) if reverse else (h, t)
            predicate = signatures.get((subject.type, obj.type))
            if predicate is None:
                reason = f"types {subject.type}->{obj.type}"
            elif labels[subject.entity, subject.type] == labels[obj.entity, obj.type] and subject.type == obj.type:
                reason = "same entity"  # two DocRED entities of one name are one kg entity
            else:
                found.append((sent, subject, predicate, obj))
        summary.properties[f"{label['r']} {name}"]["kept" if found else reason] += 1
    if not found:
        summary.dropped["pair: " + ("implausible types" if reason.startswith("types") else reason)] += 1
    return found

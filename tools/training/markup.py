"""Read hand-written relation-extraction training sentences into kg's JSON-lines records.

The sentences in tools/training/*.txt are written by the kg team (no third-party corpus text), one
record per non-indented line:

    # a comment; blank lines are ignored
    [Acme Tools](Organization) bought [Widget Ltd](Organization), a valve maker based in [Leeds](Place).
      + Acme Tools | acquired | Widget Ltd
      + Widget Ltd | basedIn | Leeds
    [Maria Lopez](Person) denied that [Acme Tools](Organization) would buy [Widget Ltd](Organization).
      - Acme Tools | acquired | Widget Ltd

- ``[surface](Type)`` marks an entity mention; Type is Person, Organization, Place or Group. The
  brackets and the type are removed from the text. Every mention in a sentence is marked.
- The same surface with the same type marked twice is one entity; a fact names its first mark,
  ``surface#2`` the second, and so on.
- ``+ subject | predicate | object`` lines list EVERY fact the sentence states; an entity pair with
  no ``+`` line is a negative example. A record without ``+`` lines asserts nothing.
- ``- subject | predicate | object`` lines document a hard negative: the sentence talks about that
  fact but does not assert it (denied, planned, rumoured, asked, a near miss). They are checked like
  ``+`` lines but not written to the JSON records, where every unlisted pair is negative anyway.
- Only the most specific predicate is written, as kg's extractor does: ``heads`` (a kind of
  ``leaderOf`` and of ``worksFor``), ``killed`` (of ``attacked``), ``citizenOf`` (of ``livesIn``),
  ``alliedWith`` (of ``supports``), ``hasBureauIn`` (of ``basedIn``); a trainer adds the super-
  properties from ontology/kg.ttl. ``met``, ``called``, ``mergedWith`` and ``alliedWith`` are
  written once, from the grammatical subject; the reversed pair is not a negative.

Annotation conventions of the sentence files (so that every file teaches the same thing):

- Facts are time-agnostic: a former, retired, expelled or replaced holder held the relation ("former
  president X" leaderOf, "sold its last shares" investedIn), as in Re-DocRED. Planned, expected,
  rumoured, denied, asked, wished and conditional facts are not facts.
- A national office holder (head of state or government, minister, ambassador, judge, MP) is also
  citizenOf the state. Leading a state, region or city is leaderOf; leading an organisation, a party
  or a team (chief executive, chair, director, editor, manager, coach) is heads.
- Players are memberOf their clubs and national sides; sponsors support a team, shareholders invest in
  a firm; neither works for it. A lawyer, consultant, customer or critic of a firm does not work for it.
- A completed takeover is acquired and ownerOf; a bought stake is acquired and investedIn; a funding
  round, a shareholding or an investment is investedIn; a loan is none of them. Firms that merge "to
  form" a new one founded it.
- A nationality word that stands for its state ("a [French](Place) company", "[Kenyan](Place) police",
  "[Russian](Place) missiles") is marked as the Place and takes part in facts; before people in the
  plural it is a Group and states nothing ("[French](Group) fans"). An unnamed organ of a named place
  acts for it: "[Italy](Place)'s antitrust body", "[Vienna](Place) police", "a [Minsk](Place) court",
  "prosecutors in [New York](Place)"; a place that is only the venue ("sued X in a [Delaware](Place)
  court", "met in [Geneva](Place)") takes no part.
- visited needs a journey (visited, travelled to, arrived in, a trip to, toured); meeting somewhere is
  no visit. livesIn covers birthplace, home town, "an Istanbul lawyer" and "a shopkeeper in Bradford"
  (kg's reading of a person placed in a town); a firm's plant or office there is no home for its staff. locatedIn chains are written in full when the text gives each link ("Kumasi in Ghana's
  Ashanti Region": Kumasi in both), and so are livesIn, basedIn, hasBureauIn and visited along them
  ("headquartered in Austin, Texas": based in both). A dateline city with an agency is hasBureauIn.
  "[Moroccan](Place) officials" are organs of the state: meeting or sanctioning them involves it.
- Courts, police and regulators must be named to take part in arrested, charged, convicted, acquitted
  and fined; a conviction for a killing also states killed, an acquittal or a charge does not.

``python tools/training/markup.py tools/training/*.txt`` writes the records as JSON lines on stdout
(the shape ``kg extract --format jsonl`` writes: id, text, entities, facts) and counts on stderr.
"""

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
ENTITY_NS = "http://kg.example.org/id/"
MAX_SEGMENT = 120  # as kg: characters of a readable IRI segment before it is cut and hashed
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

TYPES = ("Person", "Organization", "Place", "Group")
# Ontology classes as the markup's four types (kg:Entity admits all of them).
_CLASS_TYPES = {"Entity": set(TYPES), "Person": {"Person"}, "Organization": {"Organization"},
                "Place": {"Place"}, "Country": {"Place"}, "City": {"Place"}, "Region": {"Place"},
                "Group": {"Group"}}
# Properties being added to the ontology in parallel: (domain, range) as ontology class names.
NEW_PREDICATES = {
    "acquired": ("Entity", "Organization"),   # an organisation bought an organisation or a stake in it
    "mergedWith": ("Organization", "Organization"),
    "investedIn": ("Entity", "Entity"),
    "sued": ("Entity", "Entity"),
    "fined": ("Entity", "Entity"),          # a regulator, court or state fined someone
    "arrested": ("Entity", "Entity"),
    "charged": ("Entity", "Entity"),
    "convicted": ("Entity", "Entity"),
}

_MARK = re.compile(r"\[([^\[\]]*)\]\(([^()\[\]]*)\)")
_REF = re.compile(r"^(?P<surface>.+?)(?:#(?P<n>[1-9][0-9]*))?$")


class MarkupError(ValueError):
    """A training file that does not follow the markup: names the file and the line."""

    def __init__(self, path, line_no, message):
        self.path, self.line_no = path, line_no
        super().__init__(f"{path}:{line_no}: {message}")


def ontology_predicates(ttl=ONTOLOGY):
    """Return {predicate: (domain types, range types)} of the relations between entities.

    Read from the ``kg:X a owl:ObjectProperty`` declarations of ontology/kg.ttl whose domain is an
    entity class (evidence, mention and document links are left out), plus NEW_PREDICATES.
    """
    text = Path(ttl).read_text(encoding="utf-8")
    found = {}
    for m in re.finditer(r"^kg:(\w+) a owl:ObjectProperty ;(.*?)\s\.\s*$", text, re.M | re.S):
        name, body = m.group(1), m.group(2)
        domain = re.search(r"rdfs:domain kg:(\w+)", body)
        range_ = re.search(r"rdfs:range kg:(\w+)", body)
        if domain and range_ and domain.group(1) in _CLASS_TYPES and range_.group(1) in _CLASS_TYPES:
            found[name] = (domain.group(1), range_.group(1))
    for name, signature in NEW_PREDICATES.items():
        found.setdefault(name, signature)
    return {name: (_CLASS_TYPES[d], _CLASS_TYPES[r]) for name, (d, r) in found.items()}


@dataclass
class Mark:
    surface: str
    type: str
    start: int
    end: int


@dataclass
class Record:
    """One parsed sentence: its text, marks, asserted facts and documented negatives."""
    id: str
    line_no: int
    text: str
    marks: list = field(default_factory=list)
    facts: list = field(default_factory=list)       # (predicate, subject Mark, object Mark)
    negatives: list = field(default_factory=list)   # the same, for '-' lines

    def key(self, mark):
        return (mark.surface, mark.type)

    def entity_iri(self, mark):
        return entity_iri(mark.surface, mark.type)

    def to_json(self):
        """Return the record in the shape `kg extract --format jsonl` writes."""
        entities = {}
        for m in self.marks:
            entity = entities.setdefault(self.key(m), {
                "iri": self.entity_iri(m), "label": m.surface, "type": m.type, "mentions": []})
            entity["mentions"].append({"start": m.start, "end": m.end, "text": m.surface})
        facts = [{"subject": self.entity_iri(s), "predicate": p, "object": self.entity_iri(o),
                  "evidence": {"subject_mention": {"start": s.start, "end": s.end},
                               "object_mention": {"start": o.start, "end": o.end}}}
                 for p, s, o in self.facts]
        return {"id": self.id, "text": self.text, "entities": list(entities.values()), "facts": facts}


def entity_iri(label, entity_type):
    """Return kg's IRI of an entity: its coarse class, then its name NFC-normalised, percent-encoded
    and bounded in length (the rule of kg's entity_iri, kept here so the script needs no kg import)."""
    cleaned = _clean(label).replace(" ", "_") or "_"
    encoded = quote(cleaned, safe="_-.~")
    if len(encoded) > MAX_SEGMENT:  # cut on a whole character and keep the full name's hash
        head = ""
        for char in cleaned:
            piece = quote(char, safe="_-.~")
            if len(head) + len(piece) > MAX_SEGMENT - 13:
                break
            head += piece
        encoded = f"{head}-{hashlib.sha1(cleaned.encode('utf-8')).hexdigest()[:12]}"
    return f"{ENTITY_NS}{entity_type.lower()}/{encoded}"


def _parse_text(path, line_no, raw):
    """Return (clean text, marks) of a record line."""
    text, marks, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(raw):
        between = raw[pos:m.start()]
        _check_plain(path, line_no, between)
        text.append(between)
        length += len(between)
        surface, type_ = m.group(1), m.group(2)
        if not surface.strip() or surface != surface.strip():
            raise MarkupError(path, line_no, f"empty mention or spaces inside its brackets: {m.group(0)!r}")
        if type_ not in TYPES:
            raise MarkupError(path, line_no, f"unknown type {type_!r} in {m.group(0)!r}; "
                              f"expected one of {', '.join(TYPES)}")
        marks.append(Mark(surface, type_, length, length + len(surface)))
        text.append(surface)
        length += len(surface)
        pos = m.end()
    _check_plain(path, line_no, raw[pos:])
    text.append(raw[pos:])
    return "".join(text), marks


def _clean(text):
    """Return text as kg cleans a document: NFC, control characters as spaces, whitespace collapsed."""
    return " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", text)).split())


def _check_plain(path, line_no, chunk):
    for char in "[]":
        if char in chunk:
            raise MarkupError(path, line_no, f"unbalanced bracket {char!r} near {chunk.strip()[:40]!r}; "
                              "a mention is [surface](Type)")


def _resolve(path, line_no, record, ref):
    m = _REF.match(ref)
    surface, n = m.group("surface").strip(), int(m.group("n") or 1)
    same = [mark for mark in record.marks if mark.surface == surface]
    if not same:
        raise MarkupError(path, line_no, f"{surface!r} is not marked in the text of line {record.line_no}")
    if n > len(same):
        raise MarkupError(path, line_no, f"{ref!r}: {surface!r} is marked only {len(same)} time(s)")
    return same[n - 1]


def _parse_fact(path, line_no, record, body, predicates):
    parts = [p.strip() for p in body.split("|")]
    if len(parts) != 3 or not all(parts):
        raise MarkupError(path, line_no, f"a fact is 'subject | predicate | object', got {body!r}")
    subject_ref, predicate, object_ref = parts
    if predicate not in predicates:
        raise MarkupError(path, line_no, f"unknown predicate {predicate!r}")
    subject = _resolve(path, line_no, record, subject_ref)
    object_ = _resolve(path, line_no, record, object_ref)
    if record.key(subject) == record.key(object_):
        raise MarkupError(path, line_no, f"a fact between {subject.surface!r} and itself")
    domain, range_ = predicates[predicate]
    if subject.type not in domain:
        raise MarkupError(path, line_no, f"{predicate} wants a subject of type {'/'.join(sorted(domain))}, "
                          f"{subject.surface!r} is a {subject.type}")
    if object_.type not in range_:
        raise MarkupError(path, line_no, f"{predicate} wants an object of type {'/'.join(sorted(range_))}, "
                          f"{object_.surface!r} is a {object_.type}")
    return predicate, subject, object_


def parse_markup(path: Path, predicates=None) -> Iterator[Record]:
    """Yield the Records of a markup file; raise MarkupError at the first broken line."""
    path = Path(path)
    predicates = predicates or ontology_predicates()
    record, count = None, 0

    def finish(rec):
        if rec is None:
            return
        keys = lambda items: [(p, rec.key(s), rec.key(o)) for p, s, o in items]
        asserted, denied = keys(rec.facts), keys(rec.negatives)
        for kind, items in (("fact", asserted), ("negative", denied)):
            dupes = [k for k, c in Counter(items).items() if c > 1]
            if dupes:
                raise MarkupError(path, rec.line_no, f"{kind} listed twice: {dupes[0][1][0]} | {dupes[0][0]} | {dupes[0][2][0]}")
        both = set(asserted) & set(denied)
        if both:
            p, s, o = sorted(both)[0]
            raise MarkupError(path, rec.line_no, f"{s[0]} | {p} | {o[0]} is both asserted and denied")

    with path.open(encoding="utf-8") as stream:
        for line_no, line in enumerate(stream, 1):
            line = line.rstrip("\r\n")
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if line[0].isspace():
                if stripped[:2] not in ("+ ", "- "):
                    raise MarkupError(path, line_no, "an indented line is a fact, '+ subject | predicate | object' "
                                      "(or a negative, '- ...')")
                if record is None:
                    raise MarkupError(path, line_no, "a fact line with no record before it")
                fact = _parse_fact(path, line_no, record, stripped[2:], predicates)
                (record.facts if stripped[0] == "+" else record.negatives).append(fact)
                continue
            if stripped[:2] in ("+ ", "- ") and "|" in stripped:
                raise MarkupError(path, line_no, "a fact line must be indented under its record")
            finish(record)
            if record is not None:
                yield record
            count += 1
            text, marks = _parse_text(path, line_no, stripped)
            if text != _clean(text):
                raise MarkupError(path, line_no, "the text is not as kg reads it (NFC, no control characters, "
                                  "single spaces): offsets would drift")
            record = Record(f"{path.stem}-{count}", line_no, text, marks)
    finish(record)
    if record is not None:
        yield record


def read_markup(path: Path) -> Iterator[dict]:
    """Yield a markup file's records as kg JSON-lines dicts (id, text, entities, facts)."""
    for record in parse_markup(path):
        yield record.to_json()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="markup files (tools/training/*.txt)")
    args = parser.parse_args(argv)
    predicates = ontology_predicates()
    facts, records_with, negatives = Counter(), Counter(), Counter()
    total = fact_free = 0
    try:
        for path in args.files:
            for record in parse_markup(path, predicates):
                total += 1
                fact_free += not record.facts
                facts.update(p for p, _, _ in record.facts)
                records_with.update({p for p, _, _ in record.facts})
                negatives.update({p for p, _, _ in record.negatives})
                sys.stdout.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    except (MarkupError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    width = max(map(len, predicates))
    print(f"{'predicate':<{width}}  facts  records  negatives", file=sys.stderr)
    for name in sorted(predicates):
        print(f"{name:<{width}}  {facts[name]:>5}  {records_with[name]:>7}  {negatives[name]:>9}", file=sys.stderr)
    print(f"records: {total}, fact-free records: {fact_free}, files: {len(args.files)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

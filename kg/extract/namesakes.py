"""Tell a well-known person from a namesake across documents (issue #13).

An entity's node comes from its class and name (kg.rdf.iris.entity_iri), so every article naming "Paul
Allen" reaches one node. The rule, decided by one document and the shipped knowledge alone (so ingest
stays independent of order): a person whose name is a well-known person's (lexicon/person_fields.tsv,
with the fields of life that person is known in) and whom the document describes only by roles of
other fields (lexicon/role_fields.tsv: "Paul Allen, a Leeds plumber"; "John Smith scored twice") is a
namesake. Its key, and so its node, becomes the name with the field of its first description ("Paul
Allen (private)"), so articles about the same plumber share a node. A person described in no field, or
in one of the known person's, is the known person. Names the knowledge does not hold are left alone:
two unknown people of one name still share a node. A name in the user's aliases file is left alone.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract import curation
from kg.extract.lexicon import PERSON_FIELDS, ROLE_FIELDS, SCORE_WORDS
from kg.model import Entity, Extraction, Fact

DESCRIBING_DEPS = ("compound", "amod", "nmod")


def field_of(token: Token) -> str | None:
    """Return the field of life a describing noun names, its modifiers and two-word titles first."""
    words = [t for t in token.children if t.dep_ in DESCRIBING_DEPS and t.i < token.i] + [token]
    lowered = [t.lemma_.lower() if t is token else t.lower_ for t in words]
    for first, second in zip(lowered, lowered[1:]):
        if f"{first} {second}" in ROLE_FIELDS:
            return ROLE_FIELDS[f"{first} {second}"]
    return next((ROLE_FIELDS[w] for w in lowered if w in ROLE_FIELDS), None)


def _describing(root: Token) -> list[Token]:
    """Return the nouns that say who a name is: its appositions, a title before it, a copula's noun."""
    found = [c for c in root.children if c.dep_ == "appos"
             or (c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < root.i)]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        found.append(root.head)  # "the pop singer, Michael Jackson"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        found += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    return found


def _acts(root: Token) -> list[str]:
    """Return the fields a person's own act shows: "scored twice" is sport, "scored a victory" nothing."""
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_ == "score" and any(
            c.lemma_.lower() in SCORE_WORDS or c.lower_ in SCORE_WORDS for c in verb.children):
        return ["sport"]
    return []


def described_fields(doc: Doc, entity: Entity) -> list[str]:
    """Return the fields the document describes a person in, in text order."""
    fields = []
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        fields += [f for f in map(field_of, _describing(span.root)) if f] + _acts(span.root)
    return fields


def namesake_key(doc: Doc, entity: Entity) -> str | None:
    """Return the key of a namesake of a well-known person, or None when the entity is that person."""
    known = PERSON_FIELDS.get(entity.label)
    if entity.type != "Person" or known is None or curation.current().entity(entity.label) is not None:
        return None
    fields = described_fields(doc, entity)
    if not fields or known.intersection(fields):
        return None
    return f"{entity.label} ({fields[0]})"


def qualify_namesakes(extraction: Extraction, doc: Doc) -> Extraction:
    """Return the extraction with each namesake of a well-known person keyed apart from that person."""
    renamed = {e.key: key for e in extraction.entities if (key := namesake_key(doc, e))}
    if not renamed:
        return extraction
    entities = tuple(replace(e, key=renamed.get(e.key, e.key)) for e in extraction.entities)
    return replace(extraction, entities=entities, facts=tuple(_renamed(f, renamed) for f in extraction.facts))


def _renamed(fact: Fact, renamed: dict[str, str]) -> Fact:
    """Return a fact with its entity keys renamed."""
    said, place = fact.attributed_to, fact.place
    return replace(fact, subject=renamed.get(fact.subject, fact.subject),
                   object=renamed.get(fact.object, fact.object),
                   attributed_to=renamed.get(said, said) if said else said,
                   place=renamed.get(place, place) if place else place)

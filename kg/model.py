"""The data that flows through kg: frozen dataclasses with character offsets, no spaCy objects."""

from __future__ import annotations

from dataclasses import dataclass, field

# Classes an entity can have (local names of the ontology), and the kinds of kg:Place among them.
ENTITY_CLASSES = ("Person", "Organization", "Place", "Country", "City", "Region", "Group")
PLACE_CLASSES = ("Country", "City", "Region")
# The coarse class of each: it decides an entity's IRI (a City and a Country share a namespace, a Person
# and a Place of the same name do not) and which slots of a relation an entity may fill.
COARSE_CLASS = {"Person": "Person", "Organization": "Organization", "Group": "Group",
                "Place": "Place", "Country": "Place", "City": "Place", "Region": "Place"}
# What a town named before a comma lies in ("Dayton, Ohio", "Gulu, northern Uganda") ...
REGION_CLASSES = ("Country", "Region")
# ... and what a named place may lie in ("Trafalgar Square in London"). Merged with the one above, the
# CoNLL04 figures change (a city would hold towns after a comma), so the two stay apart.
CONTAINER_CLASSES = ("Country", "Region", "City")


@dataclass(frozen=True)
class Document:
    """A news article as given: its id, text and optional publication date and title."""

    id: str
    text: str
    published: str | None = None  # YYYY-MM-DD
    title: str | None = None


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of a document's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """One real-world entity of a document, with every mention that names it."""

    key: str  # canonical key: the same entity gets the same key in every document
    label: str
    type: str  # an ontology class local name, see namespaces.ENTITY_CLASSES
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()  # IRIs of the same entity elsewhere (GeoNames, ...)
    iso_code: str | None = None


@dataclass(frozen=True)
class Fact:
    """A binary fact between two entities of a document, with its evidence."""

    subject: str  # Entity.key
    predicate: str  # an ontology property local name
    object: str  # Entity.key
    confidence: float
    sentence: Span
    subject_mention: Span
    object_mention: Span
    rule: str
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    attributed_to: str | None = None  # Entity.key of who said it
    place: str | None = None  # Entity.key of where an event happened
    duration: str | None = None
    source: str = ""  # the id of the registered fact source that read it (kg.extract.sources)
    # when a lasting fact (a post) held: it began on `start` ("was appointed on Monday") and, when
    # `ended` ("former", "resigned"), stopped on `end`; dates as `date`, None when the text gives none
    start: str | None = None
    end: str | None = None
    ended: bool = False


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    extractor: str = field(default="")

    def entity(self, key: str) -> Entity:
        """Return the entity with this key."""
        return next(e for e in self.entities if e.key == key)

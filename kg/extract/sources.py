"""The fact-source registry: every source of facts, with its id, the properties it may assert and its prior.

`SOURCES` is the one table; `extract_facts` walks it. A source is anything with an `id`, its `rules`
(the kg:rule names it writes, each with the properties it asserts and its prior confidence) and a
`read(parsed)` method yielding Facts from a parsed document (`Parsed`: the spaCy Doc, the entity index
and the publication date). The hand-written rules are `RuleSource`s wrapping a function of one
`Sentence`; a trained model registers as a `DocumentSource` whose function gets the whole `Parsed`.

To add a source: write its function, add one entry to SOURCES (a unique id, its rules with their
properties and priors), and it runs. Sentence sources run first, sentence by sentence in table order
(so the first source to read a fact in a sentence keeps it); document sources run after them.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from typing import Any, Protocol

from kg.extract.coref import EntityIndex
from kg.extract.hierarchy import most_specific
from kg.extract.relations import CATALOGUE, REFINEMENTS
from kg.extract.rules.courts import from_courts
from kg.extract.rules.datelines import from_dateline
from kg.extract.rules.deals import from_deals
from kg.extract.rules.employment import EMPLOYMENT_VERBS, from_employment
from kg.extract.rules.locatives import from_locatives
from kg.extract.rules.members import from_members
from kg.extract.rules.nouns import from_nouns
from kg.extract.rules.orgplaces import from_org_places
from kg.extract.rules.placefacts import from_places
from kg.extract.rules.posts import from_posts
from kg.extract.rules.squads import from_squads
from kg.extract.rules.titles import from_titled_names
from kg.extract.rules.verbs import from_verbs
from kg.extract.sentence import Sentence
from kg.extract.tenure import in_time
from kg.model import Fact


@dataclass(frozen=True)
class Rule:
    """One kind of kg:rule a source writes: its name, the properties it asserts and its prior confidence."""

    pattern: str  # the kg:rule; "*" stands for a word: "verb:*" is "verb:call", "verb:meet", ...
    properties: tuple[str, ...]
    prior: float | None = None  # None: the relation catalogue's confidence of the property

    @property
    def asserts(self) -> frozenset[str]:
        """Return the properties the rule may write: its own and their refinements (leaderOf -> heads)."""
        refined = {new for (old, _), new in REFINEMENTS.items() if old in self.properties}
        return frozenset(self.properties) | refined

    def matches(self, rule: str, prop: str | None = None) -> bool:
        """Tell whether a fact's rule name (and property, if given) is this rule's."""
        return fnmatchcase(rule, self.pattern) and (prop is None or prop in self.asserts)


@dataclass(frozen=True)
class Parsed:
    """A parsed document as a fact source sees it."""

    doc: Any  # spacy.tokens.Doc
    index: EntityIndex
    published: str | None


class FactSource(Protocol):
    """What the driver needs of a source."""

    id: str
    rules: tuple[Rule, ...]

    def read(self, parsed: Parsed) -> Iterable[Fact | None]:
        """Yield the facts of a parsed document (None is skipped)."""


@dataclass(frozen=True)
class _Registered:
    id: str
    rules: tuple[Rule, ...]

    @property
    def properties(self) -> frozenset[str]:
        """Return every property the source may assert."""
        return frozenset().union(*(r.asserts for r in self.rules))

    def prior(self, rule: str, prop: str) -> float | None:
        """Return the prior confidence of a rule asserting a property (None: the catalogue's)."""
        return next((r.prior for r in self.rules if r.matches(rule, prop)), None)


@dataclass(frozen=True)
class RuleSource(_Registered):
    """Hand-written rules: a function of one Sentence, run sentence by sentence."""

    read_sentence: Callable[[Sentence], Iterable[Fact | None]]
    components: tuple[str, ...] = ()  # spaCy components it reads beyond kg.extract.nlp.NEEDED

    def sentence(self, sent: Any, parsed: Parsed, tokens: tuple[Any, ...] | None = None,
                 text: str | None = None) -> Sentence:
        """Return a spaCy sentence as this source's Sentence (its facts carry the source's priors)."""
        return Sentence(sent, parsed.index, parsed.published, self, tokens, text)

    def read(self, parsed: Parsed) -> Iterator[Fact | None]:
        """Yield the facts of every sentence."""
        for sent in parsed.doc.sents:
            yield from self.read_sentence(self.sentence(sent, parsed))


@dataclass(frozen=True)
class DocumentSource(_Registered):
    """A source that reads a whole parsed document at once (a trained model)."""

    reader: Callable[[Parsed], Iterable[Fact | None]]
    components: tuple[str, ...] = ()  # spaCy components it reads (a trained one), kept in the pipeline

    def read(self, parsed: Parsed) -> Iterable[Fact | None]:
        """Yield the document's facts."""
        return self.reader(parsed)


def _catalogue(kind: str) -> tuple[str, ...]:
    """Return the properties the catalogue's verbs or nouns state (with what a person's act becomes)."""
    found = [r.name for r in CATALOGUE if getattr(r, kind)]
    found += [r.person_subject_as for r in CATALOGUE if getattr(r, kind) and r.person_subject_as]
    return tuple(dict.fromkeys(found))


LOCATED = ("locatedIn", "basedIn")
SOURCES: tuple[RuleSource | DocumentSource, ...] = (
    RuleSource("verbs", (Rule("verb:*", _catalogue("verbs")),), from_verbs),
    RuleSource("nouns", (Rule("noun:*", _catalogue("nouns")),), from_nouns),
    RuleSource("titles", (
        Rule("title:*", ("leaderOf",), 0.85), Rule("title:*", ("worksFor",), 0.7), Rule("title:*", ("memberOf",), 0.8),
        Rule("title-home:*", ("worksFor",), 0.6),
        Rule("title-residence", ("livesIn",), 0.8), Rule("noun:predecessor", ("predecessorOf",), 0.85),
        Rule("noun:successor", ("predecessorOf",), 0.85)), from_titled_names),
    RuleSource("employment", (
        *(Rule(f"verb:{lemma}", ("worksFor",), 0.6) for lemma in EMPLOYMENT_VERBS),
        Rule("prep-possessor", ("worksFor",), 0.6), Rule("shared-affiliation", ("worksFor",), 0.6),
        Rule("speaker-role", ("worksFor",), 0.6)), from_employment),
    RuleSource("posts", (Rule("post:*", ("leaderOf",), 0.8), Rule("post:*", ("worksFor",), 0.7)), from_posts),
    RuleSource("org-places", (
        Rule("chain-locative", ("basedIn", "livesIn"), 0.7), Rule("national-name", ("basedIn",), 0.7),
        Rule("inner-locative", ("basedIn",), 0.6)), from_org_places),
    RuleSource("locatives", (
        Rule("comma-locative", LOCATED, 0.8),
        Rule("prep-locative:*", ("basedIn", "livesIn", "locatedIn", "worksFor"), 0.6),
        Rule("modifier-locative:*", ("basedIn", "worksFor", "memberOf", "citizenOf"), 0.6), Rule("hyphen-based", ("basedIn",), 0.8),
        Rule("hyphen-born", ("livesIn",), 0.8), Rule("role-modifier", ("livesIn", "citizenOf", "basedIn"), 0.7),
        Rule("home-locative", ("livesIn", "citizenOf"), 0.75), Rule("headquarters-locative", ("basedIn",), 0.8)),
        from_locatives),
    RuleSource("place-shapes", (
        Rule("capital-locative", ("locatedIn",), 0.9), Rule("part-locative", LOCATED, 0.7),
        Rule("possessor-locative", ("locatedIn",), 0.7), Rule("list-locative", ("locatedIn",), 0.6),
        Rule("described-residence", ("livesIn",), 0.6)), from_places),
    RuleSource("datelines", (Rule("dateline", ("hasBureauIn",), 0.8),), from_dateline),
    RuleSource("deals", (
        Rule("stake-holder", ("investedIn", "ownerOf"), 0.7), Rule("owned-participle", ("ownerOf",), 0.75),
        Rule("unit-noun:*", ("ownerOf",), 0.7), Rule("verb:sell", ("acquired",), 0.6),
        Rule("investor-list", ("investedIn",), 0.7)), from_deals),
    RuleSource("squads", (Rule("squad-list", ("memberOf",), 0.8),), from_squads),
    RuleSource("members", (Rule("makeup:*", ("memberOf",), 0.7), Rule("party-possessor", ("memberOf",), 0.7)),
               from_members),
    RuleSource("courts", (
        Rule("court-verb", ("sued",), 0.7), Rule("lawsuit-noun", ("sued",), 0.7),
        Rule("fine-noun", ("fined",), 0.7)), from_courts),
)
BY_ID = {source.id: source for source in SOURCES}


def components(sources: Iterable[RuleSource | DocumentSource] = SOURCES) -> frozenset[str]:
    """Return the spaCy components the sources read beyond the ones every extraction needs."""
    return frozenset(c for s in sources for c in s.components)


def sources_of(rule: str) -> list[str]:
    """Return the ids of the registered sources that write a kg:rule name."""
    return [s.id for s in SOURCES if any(r.matches(rule) for r in s.rules)]


def extract_facts(doc: Any, index: EntityIndex, published: str | None,
                  sources: Iterable[RuleSource | DocumentSource] = SOURCES) -> list[Fact]:
    """Return every fact the registered sources read from a parsed document, without repeats, each post
    (worksFor, heads, leaderOf) with the start and end its sentence gives it (kg.extract.tenure).

    Sentence sources run sentence by sentence in table order, then document sources; of facts
    repeating (subject, property, object) within one sentence the first is kept.
    """
    parsed = Parsed(doc, index, published)
    sources = tuple(sources)
    found: list[Fact | None] = []
    by_sentence = [s for s in sources if isinstance(s, RuleSource)]
    whole = doc.text  # spaCy joins a text token by token at each call: once, then sliced
    for sent in doc.sents:
        tokens, text = tuple(sent), whole[sent.start_char:sent.end_char]  # made once, read by every source
        for source in by_sentence:
            found.extend(source.read_sentence(source.sentence(sent, parsed, tokens, text)))
    for whole in (s for s in sources if not isinstance(s, RuleSource)):
        found.extend(f if f is None or f.source else replace(f, source=whole.id) for f in whole.read(parsed))
    return in_time(doc, index, published, _unique(found))


def _unique(facts: Iterable[Fact | None]) -> list[Fact]:
    """Return the facts without None, without repeats of a triple within one sentence and without a
    property a more specific one of the pair in that sentence implies, in order.

    The first of a repeat is kept (a rule's evidence names its trigger), with the highest confidence any
    repeat gave: a rule's triple the model also reads at 0.97 is no less sure for the rule's prior of 0.77.
    """
    kept: dict[tuple[str, str, str, int], Fact] = {}
    for fact in facts:
        if fact is None:
            continue
        key = (fact.subject, fact.predicate, fact.object, fact.sentence.start)
        first = kept.setdefault(key, fact)
        if fact.confidence > first.confidence:
            kept[key] = replace(first, confidence=fact.confidence)
    # "John Smith, chief executive of Acme": the title's "heads" implies the preposition's "worksFor"
    unique = list(kept.values())
    return [unique[i] for i in most_specific([(f.subject, (f.object, f.sentence.start), f.predicate) for f in unique])]

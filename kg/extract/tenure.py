"""When a post held: the start and end of worksFor, heads and leaderOf facts, read around the person.

A post begins with an appointment ("was appointed", "Tesco hired Lee", "joined") and ends with a
departure ("resigned", "stepped down", "was sacked", "left Tesco"), on the verb's date, else the
sentence's only day, else the publication date. "former" and "ex-" end a post without saying when;
"until 2019" ends it then (a date after publication is a plan, not an end) and "since 2015" starts it.
A negated, planned, rumoured or conditional verb ("did not resign", "is expected to step down") changes
nothing. Applied to the facts of every source, so a title read by one rule ("Tesco chairman Ann Lee")
takes the time a verb of the same sentence gives it ("... resigned on Tuesday").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from kg.extract import dates
from kg.extract.factuality import is_factual
from kg.extract.lexicon import FORMER_WORDS, TENURE_ENDS, TENURE_STARTS
from kg.extract.rules.titles import title_words
from kg.extract.sentence import Sentence
from kg.model import Fact, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.coref import EntityIndex

ROLE_PROPERTIES = frozenset({"worksFor", "heads", "leaderOf"})
PARTICLES = ("down", "aside")
BOUNDS = {"until": "end", "till": "end", "since": "start"}
# what names the post or the organisation after a verb: "left Tesco", "quit as chairman", "became chief"
STATING_DEPS = ("dobj", "oprd", "attr", "agent")
STATING_PREPS = ("as", "from", "to", "at", "by")
# the verb's phrases that do not name the post: its subject, coordinated clauses, punctuation
NOT_POST_DEPS = ("nsubj", "nsubjpass", "conj", "cc", "punct", "advcl", "ccomp", "parataxis", "relcl")


@dataclass(frozen=True)
class Move:
    """A verb that begins or ends a post, and where the person holding the post stands to it."""

    kind: str  # "start" or "end"
    slots: tuple[str, ...]  # nsubj, nsubjpass, dobj
    stated: bool  # only with the post or organisation named after the verb


def _moves(table: dict[str, str], kind: str) -> dict[str, Move]:
    return {verb: Move(kind, tuple(w for w in value.split() if w != "stated"), "stated" in value.split())
            for verb, value in table.items()}


MOVES = {**_moves(TENURE_STARTS, "start"), **_moves(TENURE_ENDS, "end")}


def move_of(verb: Token) -> tuple[str, Move] | None:
    """Return the verb as listed ("step down") and its move, for a verb that begins or ends a post."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        key = f"{verb.lemma_} {child.lower_}"
        if child.dep_ in ("prt", "advmod") and child.lower_ in PARTICLES and key in MOVES:
            return key, MOVES[key]
    return (verb.lemma_, MOVES[verb.lemma_]) if verb.lemma_ in MOVES else None


def stated(verb: Token, holder: Token) -> bool:
    """Tell whether a verb names a post or an organisation besides the holder: "left Tesco", "quit as chairman"."""
    return any(c.i != holder.i and (c.dep_ in STATING_DEPS or c.dep_ == "prep" and c.lower_ in STATING_PREPS)
               for c in verb.children)


def holder_verbs(person: Token) -> Iterator[tuple[Token, str, Token]]:
    """Yield (verb, slot, the token in the slot) for each verb a person's token is the subject or object of:
    directly, through an appositive ("sacked its chief executive, Lee"), a relative clause ("Lee, who
    resigned") or a coordinated verb ("Lee resigned and left Tesco")."""
    token = person.head if person.dep_ == "appos" and person.head.dep_ == "dobj" else person
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        yield token.head, token.dep_, token
        for verb in token.head.conjuncts:
            if verb.i > token.head.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                yield verb, token.dep_, token
    for clause in (c for c in person.children if c.dep_ == "relcl"):
        for who in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that")):
            yield clause, who.dep_, who


def description(s: Sentence, person: Token) -> set[int]:
    """Return the indices of the words describing a person (its phrase without coordinated people):
    "former Tesco chairman Ann Lee", "Ann Lee, the ex-boss of Tesco, who ..."."""
    own = s.index.at(person)
    found, todo = set(), [person]
    while todo:
        token = todo.pop()
        found.add(token.i)
        for child in token.children:
            other = s.index.at(child)
            someone_else = other and (own is None or other[0] != own[0]) and s.type_of(other[0]) == "Person"
            if child.dep_ not in ("conj", "cc") and not someone_else:
                todo.append(child)
    return found


def _phrases(verb: Token, slot: str) -> set[int]:
    """Return the indices of a verb's words that may name the post: its objects and prepositions (and its
    subject when the holder is its object: "Tesco sacked Lee")."""
    keep = [c for c in verb.children if c.dep_ not in NOT_POST_DEPS or (slot == "dobj" and c.dep_ == "nsubj")]
    return {t.i for c in keep for t in c.subtree}


def _concerns(s: Sentence, verb: Token, slot: str, holder: Token, org: Token, described: set[int]) -> bool:
    """Tell whether a verb of the holder is about this organisation's post: named in the verb's phrases,
    or, when they name no organisation and no other post, in the holder's description ("Tesco chairman Lee
    resigned", "... resigned as chairman"; not "former Tesco chief Lee joined the board")."""
    phrases = _phrases(verb, slot) - {t.i for t in holder.subtree}
    key = s.index.at(org)  # the fact may name the organisation by "its": "Barclays sacked its chief executive"
    if org.i in phrases or key and any((s.index.at(verb.doc[i]) or ("",))[0] == key[0] for i in phrases):
        return True
    named = any(found and s.type_of(found[0]) != "Person" for found in (s.index.at(verb.doc[i]) for i in phrases))
    return not named and org.i in described and all(_is_title(noun) for noun in _complements(verb, holder))


def _record(verb: Token, holder: Token) -> bool:
    """Tell whether a verb names a record, not a post taken: "became the longest-serving prime minister"."""
    return any(t.tag_ in ("JJS", "RBS") for noun in _complements(verb, holder) for t in noun.subtree)


def _complements(verb: Token, holder: Token) -> list[Token]:
    """Return the nouns a verb takes up or leaves, besides the holder: "joined the board", "resigned as chairman"."""
    nouns = [c for c in verb.children if c.i != holder.i and c.dep_ in ("dobj", "oprd", "attr")]
    return nouns + [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("as", "to", "from")
                    for g in c.children if g.dep_ == "pobj"]


def _is_title(noun: Token) -> bool:
    """Tell whether a noun names a post ("chairman", "chief executive"), not a body or a place ("the board")."""
    words = [t for t in noun.children if t.dep_ in ("compound", "amod") and t.i < noun.i] + [noun]
    return title_words(words)[0] is not None


def _token(s: Sentence, span: Span) -> Token | None:
    found = s.sent.doc.char_span(span.start, span.end, alignment_mode="expand")
    return found.root if found is not None else None


def _not_after(first: str, second: str) -> bool:
    """Tell whether a date is not after another, compared at the coarser of their precisions."""
    size = min(len(first), len(second))
    return first[:size] <= second[:size]


def timed(s: Sentence, fact: Fact) -> Fact:
    """Return a worksFor, heads or leaderOf fact with the start and end its sentence gives it."""
    person, org = _token(s, fact.subject_mention), _token(s, fact.object_mention)
    if fact.predicate not in ROLE_PROPERTIES or person is None or org is None:
        return fact
    described = description(s, person)
    time = _Time(fact.start, fact.end, fact.ended)
    for verb, slot, holder in holder_verbs(person):
        found = move_of(verb)
        if found is None or slot not in found[1].slots or not is_factual(verb) or (
                found[1].stated and not stated(verb, holder)) or not _concerns(s, verb, slot, holder, org, described) \
                or _record(verb, holder):
            continue
        _mark(time, found[1].kind, _when(s, verb, slot))
    if _former(person, org, described):
        time.ended = True
    for kind, when in _bounds(s, person, org, described):
        _mark(time, kind, when)
    return replace(fact, start=time.start, end=time.end, ended=time.ended)


def _when(s: Sentence, verb: Token, slot: str) -> str | None:
    """Return the date of a verb: its own, else one in its phrases ("elected leader of the party in 2015"),
    else the sentence's only day, else, in a sentence naming no date, the publication date: news reports
    a move as it happens."""
    own = s.date(verb)
    if own:
        return own
    phrases = _phrases(verb, slot)
    for ent in (e for e in s.sent.ents if e.label_ == "DATE" and e.root.i in phrases):
        if ent.root.dep_ in ("pobj", "npadvmod") and (found := dates.resolve(ent.text, s.published)):
            return found
    # a sentence that dates something ("four years later", "when the party lost in 2010, Lee resigned") may
    # date the move otherwise than its publication: no date rather than a wrong one
    return None if any(e.label_ == "DATE" for e in s.sent.ents) else s.published


@dataclass
class _Time:
    """The start and end of a post as read so far."""

    start: str | None
    end: str | None
    ended: bool


def _mark(time: _Time, kind: str, when: str | None) -> None:
    """Note a start or an end; the first date read of each stays."""
    if kind == "start":
        time.start = time.start or when
    else:
        time.ended, time.end = True, time.end or when


def _former(person: Token, org: Token, described: set[int]) -> bool:
    """Tell whether a post is called past: "former Tesco chairman Lee", "Lee, the ex-boss of Tesco",
    "Tesco's former chairman, Lee"."""
    doc = person.doc
    for word in (doc[i] for i in described | {t.i for t in person.head.subtree}):
        if word.lower_ not in FORMER_WORDS:
            continue
        ex = word.i + 2 < len(doc) and doc[word.i + 1].text == "-"
        noun = doc[word.i + 2] if ex else word.head
        while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i != person.i:
            noun = noun.head  # "former director general": the whole title, with what it is of
        linked = noun.i in described or (person.dep_ == "appos" and person.head.i == noun.i)
        if linked and (org.i in {t.i for t in noun.subtree} or org.i in described and noun.i == person.i):
            return True
    return False


def _bounds(s: Sentence, person: Token, org: Token, described: set[int]) -> Iterator[tuple[str, str]]:
    """Yield ("start" | "end", date) from "since 2015" and "until 2019" on the holder's post or verb;
    an "until" after the publication date is a plan ("will stay until 2026"), not an end."""
    verbs = {v.i: (v, slot, holder) for v, slot, holder in holder_verbs(person)}
    for word in s.sent:
        kind = BOUNDS.get(word.lower_)
        head = word.head
        if kind is None or word.dep_ != "prep":
            continue
        if head.i in verbs:
            if not _concerns(s, head, verbs[head.i][1], verbs[head.i][2], org, described):
                continue
        elif head.i not in described or org.i not in {t.i for t in head.subtree}:
            continue
        when = _date_of(s, word)
        if when and (kind == "start" or (s.published and _not_after(when, s.published))
                     or (not s.published and head.tag_ == "VBD")):
            yield kind, when


def _date_of(s: Sentence, prep: Token) -> str | None:
    """Return the resolved date a preposition's object names ("until March 2019"), else None."""
    for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "DATE"):
        ent = next(e for e in pobj.doc.ents if e.start <= pobj.i < e.end)
        return dates.resolve(ent.text, s.published)
    return None


def in_time(doc: Any, index: EntityIndex, published: str | None, facts: Iterable[Fact]) -> list[Fact]:
    """Return the facts with the start and end of each post (worksFor, heads, leaderOf) read from its sentence."""
    sentences = {sent.start_char: sent for sent in doc.sents}
    result = []
    for fact in facts:
        sent = sentences.get(fact.sentence.start) if fact.predicate in ROLE_PROPERTIES else None
        result.append(timed(Sentence(sent, index, published), fact) if sent is not None else fact)
    return result

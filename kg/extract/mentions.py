"""Find the name mentions of a parsed document: NER spans cleaned, and names NER missed."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from kg.extract import cues, gazetteer, known
from kg.extract.acronyms import missed_acronyms
from kg.extract.lexicon import (AWARD_NAMES, EDGE_POS, EVENT_WORDS, GENERIC_NAMES, HONORIFICS, MEDIA_WORDS,
                              NER_TYPES, OTHER_NAME_LABELS, PEOPLE_NOUNS, PEOPLE_SUFFIXES, PLACE_NOUNS,
                              PLACE_PREPOSITIONS, PLACE_VERBS, STRIP_WORDS, TITLES)
from kg.extract.relations import STATE_NOUNS
from kg.extract.spans import is_story_code, nationality_before_name, person_by_title, whole_person
from kg.invisible import remove_invisible


_WEB_SUFFIX = re.compile(r"(?<=[a-z0-9])\.(?:com|org|net)(?:\.[a-z]{2})?$")


@lru_cache(maxsize=65536)  # asked of every name again and again, in every document
def match_key(text):
    """Return the spelling-insensitive form two mentions of one name share (Zelensky/Zelenskiy)."""
    text = unicodedata.normalize("NFKD", remove_invisible(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _WEB_SUFFIX.sub("", text)  # a firm's web address is its name: "Amazon.com", "Suprnova.org"
    text = re.sub(r"[.'’]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"(.)\1+", r"\1", text)  # Donbass / Donbas
    return re.sub(r"i?y\b", "y", text)  # Zelenskiy / Zelensky


@dataclass
class Mention:
    """A name in the text, with the token range and the class NER (or a rule) gave it."""

    start: int  # token indices, half-open
    end: int
    text: str
    start_char: int
    end_char: int
    label: str  # the NER type mapped to an ontology class
    sent: int
    name: str = ""  # the text without a person's title: what labels and keys are made of
    name_start: int = 0
    key: str = ""
    alone: bool = False  # the user split this name off (an aliases file): no alias rule merges it
    other: bool = False  # another name the text gives the entity ("real name ..."): never its label


def _is_title(token, words=TITLES):
    return token.lower_.rstrip(".") in words and token.text[:1].isupper()


def _trim(doc, ent):
    """Return token indices (start, name start, end) of an entity span: the mention keeps a person's
    title ("President Kennedy", "Mr. Putin"), the name drops it; neither keeps determiners or possessives."""
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ in STRIP_WORDS or doc[start].pos_ in EDGE_POS):
        start += 1
    scored = any(t.text == "-" for t in doc[start:end]) and doc[end - 1].like_num  # "the Czech Republic 7-5"
    while end > start and (doc[end - 1].lower_ in STRIP_WORDS or doc[end - 1].pos_ in EDGE_POS or (
            (ent.label_ == "PERSON" or scored) and (doc[end - 1].like_num or doc[end - 1].text == "-"))):
        end -= 1  # a match score NER ran into is no part of a name: "Li Na 6-3 7-6"
    if ent.label_ not in ("PERSON", "ORG", "GPE"):
        return start, start, end
    while start > 0 and start > ent.start - 2 and _is_title(doc[start - 1], HONORIFICS) and doc[start - 1].head.i >= start:
        start -= 1  # NER left the title out: the mention is "Sen. Robert Kennedy"
    name_start = start
    while name_start < end - 1 and _is_title(doc[name_start]) and ent.label_ == "PERSON" or (
            name_start < ent.start):  # a title NER left out is no part of the name
        name_start += 1
    return start, name_start, end


def _label(span, ner_label):
    """Return the ontology class a mention's words and NER label suggest, or None to drop it."""
    if len(span.text) < 2 or span.text.islower():
        return None  # a lone letter ("U" of a split "U . S ."), or no name at all ("capitol")
    if span.text.lower() in GENERIC_NAMES or span.text.lower() in AWARD_NAMES:
        return None  # "Party leader Michael Howard", "won an Oscar": a common noun or an award names no entity
    if span.text.split()[-1].lower() in EVENT_WORDS:
        return None  # "European Indoor Championships" is an event, not a place or an organisation
    if ner_label == "LANGUAGE":
        return None  # "in Russian" names a language, not a people or a state
    if gazetteer.demonym_country(span.text):
        return _demonym_label(span)
    if gazetteer.known_organization(span.text):
        return "Organization"
    if gazetteer.known_type(span.text) == "Person":
        return "Person"
    if ner_label not in NER_TYPES:
        return "Place" if gazetteer.country(span.text) else None  # "Belarus" as a WORK_OF_ART
    return NER_TYPES[ner_label]


def _demonym_label(span):
    """Return Place where a nationality word stands for its state or land, Group where for its people.

    "Russian troops", "an Iranian deployment", "a French city", "Soviet violinist David Oistrakh": the state,
    its land or a person's country; "Russian speakers", "Chechen militants", "the Russians": a group of people.
    """
    head = span.root.head
    if span.root.dep_ == "pobj" and head.lower_ == "in" and not span.text.endswith("s"):
        return None  # "in Russian", "in Arabic 1500 GMT": a language
    if span.root.dep_ not in ("amod", "compound"):
        return "Group"
    # "German Chancellor Olaf Scholz": the title may sit between the nationality and its noun
    titled = any(c.dep_ == "compound" and c.lower_ in STATE_NOUNS for c in head.children)
    if head.lower_ in STATE_NOUNS or titled:
        return "Place"
    # "Chechen militants" are a group; "Soviet historian Roy Medvedev" is one person's country
    return "Group" if _names_people(head) and head.tag_ in ("NNS", "NNPS") else "Place"


def _names_people(token):
    """Tell whether a common noun names people ("militants", "historian", "men") rather than a thing."""
    word = token.lower_
    return token.lemma_.lower() in PEOPLE_NOUNS or word.endswith(PEOPLE_SUFFIXES) or token.pos_ == "PROPN"


def _names_ner_mislabelled(doc, found, spans, sent_of, covered):
    """Return mentions for names NER typed as a product or work that the text names elsewhere as an
    entity ("in the Donbass" as a PRODUCT, "the Donbas" as a GPE)."""
    labels = {match_key(m.name): m.label for m in found}
    extra = []
    for start, end in spans:
        span = doc[start:end]
        label = labels.get(match_key(span.text))
        if label:
            covered.update(range(start, end))
            extra.append(Mention(start, end, span.text, span.start_char, span.end_char, label, sent_of[start],
                                  name=span.text, name_start=start))
    return extra


def _names_ner_missed(doc, found, covered, sent_of):
    """Return mentions NER missed: a lone surname of a person named in full ("Trump", "Zelenskiy"),
    country names, and cities where the words around make a place ("hit Kharkiv", "in Buenos Aires")."""
    surnames = {match_key(doc[m.end - 1].text) for m in found if m.label == "Person" and m.end - m.name_start > 1}
    extra = []
    for span in _capitalised_runs(doc, covered):
        if len(span) == 1 and match_key(span.text) in surnames and not _runs_on(doc, span, covered):
            label = "Person"
        elif gazetteer.country(span.text) or _city_in_context(span):
            label = "Place"
        else:
            continue
        extra.append(Mention(span.start, span.end, span.text, span.start_char, span.end_char, label,
                              sent_of[span.start], name=span.text, name_start=span.start))
    return extra


def _runs_on(doc, span, covered):
    """Tell whether a word ends a name begun by a capitalised word another mention holds ("Swiss Re")."""
    before = doc[span.start - 1] if span.start else None
    return before is not None and before.i in covered and before.is_alpha and before.text[:1].isupper()


def _capitalised_runs(doc, covered):
    """Yield the maximal runs of capitalised proper nouns no mention covers yet."""
    start = None
    for token in (*doc, None):
        inside = token is not None and token.i not in covered and token.pos_ == "PROPN" and token.text[:1].isupper()
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            yield doc[start:token.i if token is not None else len(doc)]
            start = None


def _city_in_context(span):
    """Tell whether a run of capitalised words is a known city the sentence treats as a place."""
    city = gazetteer.city(span.text)
    if city is None or any(t.ent_type_ in ("DATE", "TIME") for t in span):
        return False  # "in March" is a month, whatever town shares its name
    root = span.root
    head = root.head
    return city.population >= 1_000_000 or head.lemma_ in PLACE_NOUNS or (
        root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS) or (
        root.dep_ == "dobj" and head.lemma_ in PLACE_VERBS)


def _pieces(doc, ent):
    """Yield (start, name start, end, NER label) of the names in one NER span: mostly the span itself,
    but a city before a broadcaster is two names ("Paris Radio Orient", "Moscow ROSSIYSKAYA GAZETA"), and a
    bracket ends a name ("International Monetary Fund (IMF", "B Cohen (England": NER ran over it)."""
    brackets = [t.i for t in doc[ent.start:ent.end] if t.text in BRACKETS]
    if brackets:
        for s, e in zip([ent.start] + [i + 1 for i in brackets], brackets + [ent.end]):
            if s < e:
                yield from _pieces(doc, Span(doc, s, e, label=ent.label_))
        return
    start, name_start, end = _trim(doc, ent)
    if nationality_before_name(doc[start:end]):  # "Briton Tim Henman" typed an ORG: two names
        yield start, start, start + 1, "NORP"
        yield start + 1, start + 1, end, "PERSON"
        return
    if ent.label_ != "PERSON" and person_by_title(doc[start:end]):
        yield start, start + 1, end, "PERSON"  # "Prince Norodom Ranariddh" typed a GPE, "Mr Cable" an ORG
        return
    if doc[end - 1].lower_ in EVENT_WORDS:  # "the Boston Marathon bombing": the event is no entity, its city is
        for size in (2, 1):
            prefix = doc[start:start + size].text
            if end - start > size and gazetteer.event_place(prefix, doc[end - 1].lower_):
                yield start, start, start + size, "GPE"
                return
    if ent.label_ in ("ORG", "PERSON"):  # NER reads "Moscow ROSSIYSKAYA GAZETA" as one name, at times a person's
        for size in (1, 2):
            rest = doc[start + size:end]
            words = [t for t in rest if t.is_alpha]
            capitals = bool(words) and all(t.is_upper and len(t) > 2 for t in words)
            if len(rest) and gazetteer.city(doc[start:start + size].text) and (capitals or (
                    ent.label_ == "ORG" and any(t.lower_ in MEDIA_WORDS for t in rest))):
                yield start, start, start + size, "GPE"
                yield start + size, start + size, end, "ORG"
                return
    listed = _listed_names(doc, start, end)
    if listed:  # "two cosmetics brands, Hard Candy and Urban Decay": NER ran over a list of names
        yield from ((s, s, e, ent.label_) for s, e in listed)
        return
    yield start, name_start, end, ent.label_


BRACKETS = frozenset("()[]{}")


def _listed_names(doc, start, end):
    """Return the (start, end) of each name of a list NER took for one name, or None: a span joined by
    "and" that stands in apposition to a plural noun ("two brands, X Y and Z W") names several things."""
    joints = [t for t in doc[start + 1:end - 1] if t.lower_ == "and" and t.dep_ == "cc"]
    if len(joints) != 1:
        return None
    left = doc[start:joints[0].i]
    if left.root.dep_ != "appos" or left.root.head.tag_ not in ("NNS", "NNPS"):
        return None
    return [(start, joints[0].i), (joints[0].i + 1, end)]


def find_mentions(doc):
    """Yield cleaned mentions: NER entities of the kinds kg keeps, then names NER missed."""
    sent_of = {i: n for n, sent in enumerate(doc.sents) for i in range(sent.start, sent.end)}
    found = [Mention(s.start, s.end, s.text, s.start_char, s.end_char, "Organization", sent_of[s.start],
                      name=gazetteer.organization_name(s.text), name_start=s.start) for s in known.organizations(doc)]
    covered = {i for m in found for i in range(m.start, m.end)}
    sheet = [(s, e, label) for s, e, label in cues.team_sheet(doc) if not covered.intersection(range(s, e))]
    covered |= {i for s, e, _ in sheet for i in range(s, e)}
    unkept = []
    for ent in map(lambda e: whole_person(doc, e), doc.ents):
        if any(i in covered for i in range(ent.start, ent.end)):
            ent = known.after_known(doc, ent, covered)
            if ent is None:
                continue  # "Islamic State" named whole, where NER saw only "Islamic"
        for start, name_start, end, ner_label in _pieces(doc, ent):
            span, name = doc[start:end], doc[name_start:end]
            label = _label(name, ner_label) if start < end and any(c.isalpha() for c in span.text) else None
            if label:
                covered.update(range(start, end))
                found.append(Mention(start, end, span.text, span.start_char, span.end_char, label, sent_of[start],
                                      name=gazetteer.organization_name(name.text), name_start=name_start))
            elif start < end and ner_label in OTHER_NAME_LABELS:
                unkept.append((start, end))
    found += _names_ner_mislabelled(doc, found, unkept, sent_of, covered)
    found += _names_ner_missed(doc, found, covered, sent_of)
    people = {m.start for m in found if m.label == "Person"}
    missed = sheet + missed_acronyms(doc, found, covered) + [
        (s, e, "Organization") for s, e in cues.sides_before_roles(doc, covered, people)]
    found += [Mention(s, e, doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), label, sent_of[s],
                      name=doc[s:e].text, name_start=s) for s, e, label in missed]
    found += _agencies_after_cities(doc, found, covered, sent_of)
    return sorted((m for m in found if not cues.is_portfolio(doc, m.start, m.end)), key=lambda m: m.start)


def _agencies_after_cities(doc, found, covered, sent_of):
    """Return the agencies a monitoring service's dateline names in capitals after the city:
    "Moscow ROSSIYSKAYA GAZETA in Russian", "Osaka ASAHI SHIMBUN"."""
    extra = []
    for m in (m for m in found if m.label == "Place" and not m.text.isupper()):
        opening = all(is_story_code(t) for t in doc[doc[m.start].sent.start:m.start]) or (
            m.start > 0 and is_story_code(doc[m.start - 1]) and doc[m.start - 1].text not in "()")
        if not opening:
            continue  # a city in capitals opens a headline or an agency's dateline, not a monitoring one
        end = m.end
        while (end < len(doc) and end not in covered and doc[end].is_upper and not doc[end].is_stop
               and len(doc[end].text.strip("-")) > 2):
            end += 1
        closes = end == len(doc) or doc[end].lower_ == "in" or doc[end].sent.start != doc[m.start].sent.start
        if end > m.end and closes:
            span = doc[m.end:end]
            covered.update(range(m.end, end))
            extra.append(Mention(m.end, end, span.text, span.start_char, span.end_char, "Organization",
                                 sent_of[m.end], name=span.text, name_start=m.end))
    return extra

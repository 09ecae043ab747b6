"""Find a document's entities: mentions merged into one node each, typed by vote, labelled."""

from collections import Counter
from dataclasses import dataclass, field

from kg.extract import aliases, cues, gazetteer
from kg.extract import curation as curated
from kg.extract.lexicon import (HONORIFICS, ORG_APPOSITIVES, ORG_MARKERS, ORG_WORDS, PEOPLE_NOUNS,
                              PERSON_ROLE_NOUNS, PERSON_SUFFIXES, PERSON_VERBS, PLACE_NOUNS, PLACE_PREPOSITIONS,
                              PLACE_WORDS)
from kg.extract.mentions import find_mentions, match_key
from kg.extract.typer import type_unread
from kg.model import COARSE_CLASS, PLACE_CLASSES, Entity, Span

CONTEXT_WEIGHT = 1.5  # a telling context outweighs one NER label: NER mistypes rare place names
NAME_WEIGHT = 3  # the name's own words ("... Hospital", "... Street") outweigh NER
NER_MENTIONS = 3  # each NER label counts for this many mentions of an entity, the context for all


@dataclass
class _Cluster:
    mentions: list = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    place: gazetteer.Place | None = None
    team: int = 0  # mentions where a place's name stands for its sports team ("England beat France")
    kind: str = ""  # the class the user gave one of its names in an aliases file, which decides


def _context_votes(doc, mention, ner=True):
    """Return type votes from the words around a mention ("in Crimea" makes a place); ner: count NER's
    own word on the mention."""
    head = doc[mention.start:mention.end].root
    while head.dep_ == "conj" and head.head != head:  # "in the Donbass and Crimea"
        head = head.head
    votes: Counter[str] = Counter()
    described = _descriptions(head)
    _surrounding_votes(votes, head, mention, described)
    name_votes = _name_votes(doc, mention)
    votes.update(name_votes)
    _person_name_votes(votes, head, mention, described, name_votes, ner)
    return votes


def _surrounding_votes(votes, head, mention, described):
    """Add the votes of the words around a mention's head: prepositions, descriptions, titles, ages."""
    if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS:
        votes["Place"] += CONTEXT_WEIGHT
    if head.dep_ == "pobj" and head.head.head.lemma_ in PLACE_NOUNS:
        votes["Place"] += CONTEXT_WEIGHT
    if head.lemma_ in PLACE_NOUNS or (head.dep_ == "dobj" and head.head.lemma_ in ("visit", "annex", "invade")) or (
            any(d.lemma_ in PLACE_NOUNS for d in described)):  # "Lyon, the third city"
        votes["Place"] += CONTEXT_WEIGHT
    if any(d.lemma_ in ORG_APPOSITIVES for d in described):
        votes["Organization"] += 2 * CONTEXT_WEIGHT  # "Tesco, Britain's biggest retailer", "the company Petrobras"
    if any(c.dep_ in ("compound", "appos") and c.lower_ in HONORIFICS and c.i < mention.start for c in head.children):
        votes["Person"] += 2 * CONTEXT_WEIGHT  # "president Thabo Mbeki": a title names a person
    if _has_age(head, mention.start) or any(_is_person_noun(d) for d in described) or (
            head.dep_ == "nsubjpass" and head.head.lower_ == "born"):  # only people are born
        votes["Person"] += 2 * CONTEXT_WEIGHT  # "Cheek, 53,", "Blackwell, a designer": only people have ages
    if head.dep_ == "poss" and head.head.lemma_ in PERSON_ROLE_NOUNS or (
            head.dep_ == "pobj" and head.head.lower_ in ("of", "to") and head.head.head.lemma_ in PERSON_ROLE_NOUNS):
        votes["Person"] += CONTEXT_WEIGHT  # "Biden's predecessor", "the assassination of Lincoln", "aide to Obama"
    if head.dep_ == "compound" and head.head.lemma_ in PLACE_NOUNS:
        votes["Place"] += CONTEXT_WEIGHT  # "Kidal region"
    if cues.has_org_possession(head, mention):
        votes["Organization"] += 2 * CONTEXT_WEIGHT


def _person_name_votes(votes, head, mention, described, name_votes, ner=True):
    """Add the votes for a person's name: a full name, a common given name, a lone name that speaks."""
    # "Dan Sai District", "Victor Hugo Institute", "the carmaker Aston Martin": the name's last word or
    # what the text calls it outweighs a given name
    named_thing = name_votes["Place"] or name_votes["Organization"] or any(
        d.lemma_ in ORG_APPOSITIVES for d in described)
    if ner and mention.label == "Person" and mention.end - mention.start > 1 and not named_thing:
        votes["Person"] += 2  # NER is surer of full names than of a lone surname
    words = mention.name.split()
    if (len(words) > 1 and words[0].lower() in gazetteer.given_names() and not gazetteer.country(mention.name)
            and not named_thing):
        votes["Person"] += NAME_WEIGHT  # "Timothy McVeigh" whatever NER said
    if (mention.end - mention.start == 1 and mention.label != "Person" and head.dep_ == "nsubj"
            and head.head.lemma_ in PERSON_VERBS and not gazetteer.country(mention.name)
            and not gazetteer.capital_of(mention.name)):
        votes["Person"] += CONTEXT_WEIGHT  # "Kravchuk said", "Lincoln died": places do not speak


def _descriptions(head):
    """Return the common nouns that say what a name is: "Tesco, Britain's biggest retailer", "the copper
    company Petrobras", "the last King of Burma, Thibaw"."""
    found = [c for c in head.children if c.dep_ == "appos" or (c.dep_ == "compound" and c.pos_ == "NOUN")]
    return found + [head.head] if head.dep_ == "appos" else found


def _is_person_noun(token):
    """Tell whether a noun names one person ("a designer", "the King"), not a firm ("a retailer")."""
    lemma = token.lemma_.lower()
    if token.lower_ in HONORIFICS:
        return True
    return token.pos_ == "NOUN" and lemma not in ORG_APPOSITIVES and (
        lemma in PERSON_ROLE_NOUNS or lemma in PEOPLE_NOUNS or lemma.endswith(PERSON_SUFFIXES))


def _has_age(token, start):
    """Tell whether a name carries an age: "Cheek, 53, is a former chief", "the 101-year-old Torao Toshitsune"."""
    if [t.lower_ for t in token.doc[max(start - 4, 0):start]] == ["-", "year", "-", "old"]:
        return True
    nxt = token.doc[token.i + 1:token.i + 4]
    return (len(nxt) == 3 and nxt[0].text == "," and nxt[1].like_num and nxt[1].text.isdigit()
            and 0 < int(nxt[1].text) < 120 and nxt[2].text == ",")


def _name_votes(doc, mention):
    """Return type votes from the words of the name itself: "... Hospital", "... Street", "Judge ..."."""
    words = mention.name.split()
    cut = next((i for i, w in enumerate(words) if i and w in ("of", "for")), None)
    if cut:  # "Institute of Mathematics", "Gulf of Mexico", "Centre for Policy Studies": the head comes first
        words = words[:cut]
    votes: Counter[str] = Counter()
    if gazetteer.known_organization(mention.name):
        votes["Organization"] += 2 * NAME_WEIGHT  # "Islamic State" is no state; "Interpol" no place
    elif gazetteer.known_type(mention.name) == "Person":
        votes["Person"] += 2 * NAME_WEIGHT
    elif words[-1].lower().rstrip(".") in ORG_WORDS or any(w.lower() in ORG_MARKERS for w in words):
        votes["Organization"] += NAME_WEIGHT
    elif words[-1].lower() in PLACE_WORDS and len(words) > 1:
        votes["Place"] += NAME_WEIGHT
    if mention.start < mention.name_start:  # a title inside the mention: "Judge Carl Rubin"
        votes["Person"] += NAME_WEIGHT
    return votes


def _is_actor(doc, mention):
    """Tell whether a mention acts in its sentence: a subject, a possessor or a by-agent."""
    if mention.end < len(doc) and doc[mention.end].text == "(":
        return False  # a dateline, "Paris (AFP) - Macron said": the city only tells where the story was filed
    head = doc[mention.start:mention.end].root
    if head.dep_ == "poss":
        return cues.possessor_acts(head, mention.name)
    return head.dep_ == "nsubj" or (head.dep_ == "pobj" and head.head.dep_ == "agent")


def _place_of(text, label, actor=False, metonymy=True):
    """Return the gazetteer place a mention names, if any and if its NER type allows it, else None."""
    place = gazetteer.country(text) or (gazetteer.demonym_country(text) if label == "Place" else None)
    if not place and metonymy and actor:
        # "Washington has been Ukraine's ally", "the Kremlin said": the seat stands for its state
        place = (gazetteer.capital_of(text) if label == "Place" else None) or gazetteer.seat_of_government(text)
    if place or label not in ("Place", "Organization"):
        return place or None  # never False: a cluster's place is a Place or None (kg.extract.aliases)
    return gazetteer.city(text)


def _cluster_mentions(doc, mentions, metonymy=True, learned=None):
    """Group mentions that name one entity; return the clusters in order of first mention.

    learned: each mention's type votes from a trained model (by the mentions' order), or None.
    """
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    parts: dict[str, list[_Cluster]] = {}  # first and last word of a full name -> its clusters
    acronyms = aliases.defined_acronyms(doc, mentions)
    # full names first, so a later "Putin" or "Mr Putin" finds "Vladimir Putin"
    order = sorted(range(len(mentions)), key=lambda n: (
        -(mentions[n].end - mentions[n].start) if mentions[n].label == "Person" else 0, mentions[n].start))
    for n in order:
        m = mentions[n]
        actor = _is_actor(doc, m)
        # "Honda", "Nokia": a well-known firm that shares a town's name names no place
        known = _is_acronym(doc, m) or (gazetteer.known_organization(m.name)
                                        and not gazetteer.seat_of_government(m.name))  # "the Kremlin said"
        place = None if known else _place_of(m.name, m.label, actor, metonymy)
        owner = aliases.surname_owner(parts, m, place)
        place = None if owner else place  # "Mike Leigh ... Leigh said": the surname, not the town
        key = "place:" + place.name if place else match_key(m.name)
        key = acronyms.get(key, key)
        cluster = by_key.get(key) or owner
        if cluster is None:
            cluster = _Cluster(place=place)
            clusters.append(cluster)
        cluster.mentions.append(m)
        aliases.index_name(parts, m, cluster)
        by_key.setdefault(key, cluster)
        ner = sum(x.label == m.label for x in cluster.mentions) <= NER_MENTIONS  # NER repeats a mistake 9 times
        cluster.votes[m.label] += ner
        cluster.votes.update(_context_votes(doc, m, ner))
        cluster.votes.update(learned[n] if learned else {})
        cluster.team += cues.plays_as_team(doc, m)
        if place:  # a seat of government acting is its state, whatever else the name suggests
            cluster.votes["Place"] += _gazetteer_weight(m, actor)
    clusters = aliases.merge_titled_surnames(aliases.merge_short_forms(doc, clusters))
    clusters = aliases.merge_stated(clusters, aliases.stated_names(doc, mentions))
    return sorted(clusters, key=lambda c: min(m.start for m in c.mentions))


def _is_acronym(doc, mention):
    """Tell whether a mention is an acronym, which names no city whatever town shares it:
    "the Government Accountability Office (GAO)", "UN"."""
    bracketed = mention.start > 0 and doc[mention.start - 1].text == "("
    short = mention.label == "Organization" and len(mention.text.replace(".", "")) <= 4
    return mention.text.isupper() and (bracketed or short)


def _gazetteer_weight(mention, actor):
    """Return how far a gazetteer match makes a mention a place: a country surely, a capital acting as
    its state more so, a town that shares an organisation's or person's name only a little ("Lincoln")."""
    if gazetteer.country(mention.name):
        return 3
    if actor:
        return 10
    return 3 if mention.label == "Place" else CONTEXT_WEIGHT


def _entity(cluster):
    """Return the Entity a finished cluster stands for."""
    for m in cluster.mentions:
        m.key = m.key or match_key(m.name)
    etype = _decided_type(cluster)
    if etype == "Place" and not cluster.place:  # typed a place by context: a known city, or a nationality
        name = aliases.best_label(cluster, etype)  # word standing for its country ("British" -> United Kingdom)
        cluster.place = gazetteer.city(name) or gazetteer.demonym_place(name) or None  # "European": Europe
    if cluster.place and etype == "Place":
        etype, label = cluster.place.type, cluster.place.name
    else:
        label = aliases.best_label(cluster, etype)
    mentions = tuple(sorted({Span(m.start_char, m.end_char, m.text) for m in cluster.mentions},
                            key=lambda s: s.start))
    other_names = tuple(sorted({m.name for m in cluster.mentions} - {label}))
    etype = cluster.kind if cluster.kind in PLACE_CLASSES else etype
    place = cluster.place if etype in PLACE_CLASSES else None
    return Entity(key=label, label=label, type=etype, mentions=mentions, aliases=other_names,
                  same_as=(place.iri,) if place and place.iri else (), iso_code=place.iso if place else None)


def _decided_type(cluster):
    """Return the class the user gave a cluster's names (an aliases file), else the one its votes give;
    "Place" stands for every kind of place, which the gazetteer refines."""
    if cluster.kind:
        if COARSE_CLASS[cluster.kind] != "Place":
            cluster.place = None
            return cluster.kind
        return "Place"
    etype = cluster.votes.most_common(1)[0][0]
    # the national side or the club, in all of the document; NER may call a lone town's name a person's
    if cluster.team and (etype == "Place" or etype == "Person" and _town_named(cluster)):
        etype, cluster.place = "Organization", None
    return etype


def _town_named(cluster):
    """Tell whether a one-word name of a cluster is a country's or a known city's ("Bath"), not the surname
    of a full name it holds ("Martinez" of "Conchita Martinez": Martinez is a Californian town too)."""
    surnames = {m.name.split()[-1] for m in cluster.mentions if " " in m.name}
    return any(" " not in m.name and m.name not in surnames and (gazetteer.city(m.name) or gazetteer.country(m.name))
               for m in cluster.mentions)


def resolve_entities(doc, metonymy=True, typer=None):
    """Return a parsed document's entities, and maps from token index to entity key and mention.

    With metonymy, a capital that acts in its sentence ("Moscow said") stands for its country.
    typer: a function (doc, mentions) -> each mention's type votes (a trained model's), or None.
    """
    curation = curated.current()
    mentions = list(find_mentions(doc))
    for m in mentions:
        aliases.curate(doc, m, curation)
        m.key = match_key(m.name)
    entities, token_entity, token_mention = [], {}, {}
    learned = typer(doc, mentions) if typer else None
    clusters = _cluster_mentions(doc, mentions, metonymy, learned)
    if typer and learned is not None:
        type_unread(doc, mentions, learned, clusters, typer)
    for cluster in clusters:
        cluster.kind = curation.type_of(m.name for m in cluster.mentions) or ""
        entity = _entity(cluster)
        entities.append(entity)
        for m in cluster.mentions:
            span = Span(m.start_char, m.end_char, m.text)
            for i in range(m.start, m.end):
                token_entity[i], token_mention[i] = entity.key, span
    return _dedupe_keys(entities), token_entity, token_mention


def _dedupe_keys(entities):
    """Merge entities that ended with the same key: one name is one entity within a document."""
    merged: dict[str, Entity] = {}
    for e in entities:
        seen = merged.get(e.key)
        if seen is None:
            merged[e.key] = e
            continue
        keep = seen if len(seen.mentions) >= len(e.mentions) else e
        mentions = tuple(sorted(set(seen.mentions) | set(e.mentions), key=lambda s: s.start))
        aliases = tuple(sorted((set(seen.aliases) | set(e.aliases)) - {keep.label}))
        merged[e.key] = Entity(keep.key, keep.label, keep.type, mentions, aliases, keep.same_as, keep.iso_code)
    return list(merged.values())

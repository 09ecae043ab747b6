"""Find a document's entities: mentions from NER, cleaned, merged into one node each and typed."""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from . import gazetteer
from .model import Entity, Span
from .relations import STATE_NOUNS

NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
             "FAC": "Place", "NORP": "Group"}
TITLES = {"president", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prime", "minister",
          "chancellor", "senator", "sen", "rep", "gov", "governor", "king", "queen", "prince", "princess",
          "pope", "general", "gen", "colonel", "col", "captain", "capt", "sgt", "judge", "justice", "mayor",
          "secretary", "chairman", "vice", "premier", "ambassador", "professor", "prof", "rev", "reverend",
          "coach", "manager", "chief", "executive", "leader", "speaker", "foreign", "defence", "defense",
          "former", "late", "sheikh", "ayatollah", "commander", "officer", "director", "spokesman",
          "spokeswoman", "st", "saint", "mp"}
PERSON_ROLE_NOUNS = {"predecessor", "successor", "wife", "husband", "son", "daughter", "father", "mother",
                     "brother", "sister", "widow", "lawyer", "spokesman", "spokeswoman", "aide", "deputy"}
CONTEXT_WEIGHT = 1.5
NAME_WEIGHT = 3  # the name's own words ("... Hospital", "... Street") outweigh NER
# Last words that make a name an organisation's, and words that do so anywhere in it.
ORG_WORDS = {"institute", "hospital", "university", "college", "school", "academy", "court", "council",
             "committee", "commission", "agency", "department", "ministry", "office", "bureau", "service",
             "company", "corp", "corporation", "inc", "ltd", "llc", "plc", "co", "group", "bank", "association",
             "union", "party", "league", "federation", "foundation", "fund", "society", "club", "team", "airlines",
             "airline", "airways", "times", "post", "news", "press", "network", "radio", "television", "tv",
             "journal", "herald", "tribune", "gazette", "daily", "magazine", "army", "navy", "police", "church",
             "congress", "parliament", "senate", "assembly", "board", "authority", "administration", "centre",
             "center", "laboratory", "laboratories", "museum", "theater", "theatre", "orchestra", "circuit",
             "district", "systems", "industries", "motors", "holdings", "enterprises", "partners", "studios",
             "records", "guard", "force", "command", "organization", "organisation", "movement", "front", "tech",
             "polytechnic", "institution", "ministry"}
ORG_MARKERS = {"inc.", "corp.", "ltd.", "co.", "&"}
PLACE_WORDS = {"street", "road", "avenue", "river", "mountain", "mountains", "island", "islands", "county",
               "province", "square", "lake", "bay", "valley", "beach", "sea", "ocean", "gulf", "desert", "peninsula",
               "canyon", "strait", "coast", "region", "state", "city", "town", "village", "heights", "hills",
               "park", "bridge"}
# Verbs whose subject is a person more often than a place ("Kravchuk said").
# Common nouns an organisation's name stands in apposition to.
ORG_APPOSITIVES = {"company", "firm", "bank", "retailer", "carrier", "airline", "group", "maker", "manufacturer",
                   "producer", "giant", "operator", "lender", "insurer", "broadcaster", "newspaper", "agency",
                   "supermarket", "chain", "conglomerate", "startup", "developer", "publisher", "party", "club",
                   "organisation", "organization", "charity", "union", "network", "brand", "subsidiary"}
PERSON_VERBS = {"say", "tell", "add", "die", "marry", "testify", "plead", "resign", "retire", "explain", "write",
                "recall", "insist", "smile", "laugh", "complain", "admit", "confess", "sing", "graduate"}  # a telling context outweighs one NER label: NER mistypes rare place names
PLACE_NOUNS = {"region", "province", "city", "state", "annexation", "invasion", "occupation", "capital"}
# Nouns a nationality word describes as people, not as the state acting.
GROUP_NOUNS = {"people", "citizens", "citizen", "nationals", "national", "voters", "speakers", "tourists", "workers",
               "students", "fans", "community", "population", "minority", "women", "men", "children", "families",
               "migrants", "refugees", "descent", "origin", "language", "man", "woman", "expats", "residents",
               "public", "media", "press", "newspaper", "culture", "food", "music", "artist", "artists"}
# NER labels of names kg does not keep, unless the text names the same thing elsewhere as an entity.
OTHER_NAME_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
# Verbs whose direct object is usually a place ("hit Kharkiv", "visited Kyiv").
PLACE_VERBS = {"visit", "hit", "shell", "bomb", "invade", "annex", "capture", "seize", "enter", "leave", "tour",
               "liberate", "besiege", "occupy", "reach", "evacuate"}
PLACE_PREPOSITIONS = {"in", "near", "across", "from", "into", "to", "at", "outside", "throughout"}
GENERIC_NAMES = {"party", "government", "army", "police", "company", "group", "ministry", "department",
                 "state", "city", "union", "council", "committee", "agency", "court", "bank", "club",
                 # portfolios before a title: "Finance Minister", "Health Secretary"
                 "finance", "health", "defence", "defense", "education", "justice", "interior", "environment",
                 "transport", "trade", "energy", "culture", "foreign", "economy",
                 "agriculture", "industry", "communications", "information", "housing", "work", "pensions"}
# Last words of the names of events, which kg does not make entities of.
EVENT_WORDS = {"championships", "championship", "games", "olympics", "cup", "festival", "awards", "summit",
               "conference", "war", "marathon", "open", "grand prix", "tournament", "elections", "election"}
# Words that, written before a name, make it a person's: the title joins the mention ("Sen. Robert Kennedy").
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "prime", "minister",
              "senator", "sen", "rep", "gov", "governor", "king", "queen", "prince", "princess", "pope", "general",
              "gen", "colonel", "col", "captain", "capt", "sgt", "sergeant", "lt", "lieutenant", "judge", "justice",
              "mayor", "chancellor", "premier", "ambassador", "professor", "prof", "rev", "reverend", "sheikh",
              "ayatollah", "secretary", "chairman", "admiral", "adm", "cardinal", "bishop", "rabbi", "imam",
              "officer", "detective", "commissioner", "inspector", "emir", "sultan", "speaker"}
EDGE_POS = {"ADV", "ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "PART", "PRON", "VERB", "AUX", "SPACE"}
STRIP_WORDS = {"the", "'s", "'", "’s", "’"}


def match_key(text):
    """Return the spelling-insensitive form two mentions of one name share (Zelensky/Zelenskiy)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[.'’]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"(.)\1+", r"\1", text)  # Donbass / Donbas
    return re.sub(r"i?y\b", "y", text)  # Zelenskiy / Zelensky


@dataclass
class _Mention:
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


@dataclass
class _Cluster:
    mentions: list = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    place: gazetteer.Place | None = None


def _is_title(token, words=TITLES):
    return token.lower_.rstrip(".") in words and token.text[:1].isupper()


def _trim(doc, ent):
    """Return token indices (start, name start, end) of an entity span: the mention keeps a person's
    title ("President Kennedy", "Mr. Putin"), the name drops it; neither keeps determiners or possessives."""
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ in STRIP_WORDS or doc[start].pos_ in EDGE_POS):
        start += 1
    while end > start and (doc[end - 1].lower_ in STRIP_WORDS or doc[end - 1].pos_ in EDGE_POS):
        end -= 1
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
    if span.text.lower() in GENERIC_NAMES:
        return None  # "Party leader Michael Howard": a capitalised common noun names nothing by itself
    if span.text.split()[-1].lower() in EVENT_WORDS:
        return None  # "European Indoor Championships" is an event, not a place or an organisation
    if gazetteer.demonym_country(span.text):
        # "Russian troops", "an Iranian deployment": the state acts; "Russian speakers", "the Russians": a group
        head = span.root.head
        # "German Chancellor Olaf Scholz": the title may sit between the nationality and its noun
        titled = any(c.dep_ == "compound" and c.lower_ in STATE_NOUNS for c in head.children)
        state = span.root.dep_ in ("amod", "compound") and (head.lower_ in STATE_NOUNS or titled)
        return "Place" if state else "Group"
    if gazetteer.known_organization(span.text):
        return "Organization"
    if ner_label not in NER_TYPES:
        return "Place" if gazetteer.country(span.text) else None  # "Belarus" as a WORK_OF_ART
    return NER_TYPES[ner_label]


def _known_organizations(doc):
    """Yield spans naming a well-known organisation word for word, longest first at each position."""
    i = 0
    while i < len(doc):
        for size in (4, 3, 2, 1):
            span = doc[i:i + size]
            if len(span) == size and gazetteer.known_organization(span.text):
                yield span
                i += size - 1
                break
        i += 1


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
            extra.append(_Mention(start, end, span.text, span.start_char, span.end_char, label, sent_of[start],
                                  name=span.text, name_start=start))
    return extra


def _names_ner_missed(doc, found, covered, sent_of):
    """Return mentions NER missed: a lone surname of a person named in full ("Trump", "Zelenskiy"),
    country names, and cities where the words around make a place ("hit Kharkiv", "in Buenos Aires")."""
    surnames = {match_key(doc[m.end - 1].text) for m in found if m.label == "Person" and m.end - m.name_start > 1}
    extra = []
    for span in _capitalised_runs(doc, covered):
        if len(span) == 1 and match_key(span.text) in surnames:
            label = "Person"
        elif gazetteer.country(span.text) or _city_in_context(span):
            label = "Place"
        else:
            continue
        extra.append(_Mention(span.start, span.end, span.text, span.start_char, span.end_char, label,
                              sent_of[span.start], name=span.text, name_start=span.start))
    return extra


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
    if city is None:
        return False
    root = span.root
    head = root.head
    return city.population >= 1_000_000 or head.lemma_ in PLACE_NOUNS or (
        root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS) or (
        root.dep_ == "dobj" and head.lemma_ in PLACE_VERBS)


def _mentions(doc):
    """Yield cleaned mentions: NER entities of the kinds kg keeps, then names NER missed."""
    sent_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
    found = [_Mention(s.start, s.end, s.text, s.start_char, s.end_char, "Organization", sent_of[s.start],
                      name=s.text, name_start=s.start) for s in _known_organizations(doc)]
    covered = {i for m in found for i in range(m.start, m.end)}
    unkept = []
    for ent in doc.ents:
        if any(i in covered for i in range(ent.start, ent.end)):
            continue  # "Islamic State" named whole, where NER saw only "Islamic"
        start, name_start, end = _trim(doc, ent)
        span, name = doc[start:end], doc[name_start:end]
        label = _label(name, ent.label_) if start < end and any(c.isalpha() for c in span.text) else None
        if label:
            covered.update(range(start, end))
            found.append(_Mention(start, end, span.text, span.start_char, span.end_char, label, sent_of[start],
                                  name=name.text, name_start=name_start))
        elif start < end and ent.label_ in OTHER_NAME_LABELS:
            unkept.append((start, end))
    found += _names_ner_mislabelled(doc, found, unkept, sent_of, covered)
    found += _names_ner_missed(doc, found, covered, sent_of)
    return sorted(found, key=lambda m: m.start)


def _context_votes(doc, mention):
    """Return type votes from the words around a mention ("in Crimea" makes a place)."""
    head = doc[mention.start:mention.end].root
    while head.dep_ == "conj" and head.head != head:  # "in the Donbass and Crimea"
        head = head.head
    votes = Counter()
    if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS:
        votes["Place"] += CONTEXT_WEIGHT
    if head.dep_ == "pobj" and head.head.head.lemma_ in PLACE_NOUNS:
        votes["Place"] += CONTEXT_WEIGHT
    if head.lemma_ in PLACE_NOUNS or (head.dep_ == "dobj" and head.head.lemma_ in ("visit", "annex", "invade")):
        votes["Place"] += CONTEXT_WEIGHT
    if any(c.dep_ == "appos" and c.lemma_ in ORG_APPOSITIVES for c in head.children):
        votes["Organization"] += 2 * CONTEXT_WEIGHT  # "Tesco, Britain's biggest retailer"
    if any(c.dep_ in ("compound", "appos") and c.lower_ in HONORIFICS and c.i < mention.start for c in head.children):
        votes["Person"] += 2 * CONTEXT_WEIGHT  # "president Thabo Mbeki": a title names a person
    if head.dep_ == "poss" and head.head.lemma_ in PERSON_ROLE_NOUNS:
        votes["Person"] += CONTEXT_WEIGHT  # "Biden's predecessor"
    if head.dep_ == "compound" and head.head.lemma_ in PLACE_NOUNS:
        votes["Place"] += CONTEXT_WEIGHT  # "Kidal region"
    if mention.label == "Person" and mention.end - mention.start > 1:
        votes["Person"] += 2  # NER is surer of full names than of a lone surname
    words = mention.name.split()
    if len(words) > 1 and words[0].lower() in gazetteer.given_names() and not gazetteer.country(mention.name):
        votes["Person"] += NAME_WEIGHT  # "Timothy McVeigh" whatever NER said
    votes.update(_name_votes(doc, mention))
    if (mention.end - mention.start == 1 and mention.label != "Person" and head.dep_ == "nsubj"
            and head.head.lemma_ in PERSON_VERBS and not gazetteer.country(mention.name)
            and not gazetteer.capital_of(mention.name)):
        votes["Person"] += CONTEXT_WEIGHT  # "Kravchuk said", "Lincoln died": places do not speak
    return votes


def _name_votes(doc, mention):
    """Return type votes from the words of the name itself: "... Hospital", "... Street", "Judge ..."."""
    words = mention.name.split()
    votes = Counter()
    if gazetteer.known_organization(mention.name):
        votes["Organization"] += 2 * NAME_WEIGHT  # "Islamic State" is no state; "Interpol" no place
    elif words[-1].lower().rstrip(".") in ORG_WORDS or any(w.lower() in ORG_MARKERS for w in words):
        votes["Organization"] += NAME_WEIGHT
    elif words[-1].lower() in PLACE_WORDS and len(words) > 1:
        votes["Place"] += NAME_WEIGHT
    if mention.start < mention.name_start:  # a title inside the mention: "Judge Carl Rubin"
        votes["Person"] += NAME_WEIGHT
    return votes


def _is_actor(doc, mention):
    """Tell whether a mention acts in its sentence: a subject, a possessor or a by-agent."""
    head = doc[mention.start:mention.end].root
    return head.dep_ in ("nsubj", "poss") or (head.dep_ == "pobj" and head.head.dep_ == "agent")


def _place_of(text, label, actor=False, metonymy=True):
    """Return the gazetteer place a mention names, if any and if its NER type allows it."""
    place = gazetteer.country(text) or (label == "Place" and gazetteer.demonym_country(text))
    if not place and metonymy and actor:
        # "Washington has been Ukraine's ally", "the Kremlin said": the seat stands for its state
        place = (label == "Place" and gazetteer.capital_of(text)) or gazetteer.seat_of_government(text)
    if place or label not in ("Place", "Organization"):
        return place
    return gazetteer.city(text)


def _initials(name):
    """Return the capitals starting a name's words: "British Chambers of Commerce" -> "BCC",
    "Conseil Superieur de l'Audiovisuel" -> "CSA"."""
    return "".join(re.findall(r"(?:^|[\s\-'’])([A-Z])", name))


def _defined_acronyms(doc, mentions):
    """Return {acronym key: name key} for names the text defines: "British Chambers of Commerce (BCC)"."""
    found = {}
    for m in mentions:
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            short = doc[m.end + 1].text
            if short.isupper() and len(short) >= 2 and _initials(m.name) == short.replace(".", ""):
                found[match_key(short)] = match_key(m.name)
    return found


def _cluster_mentions(doc, mentions, metonymy=True):
    """Group mentions that name one entity; return the clusters in order of first mention."""
    clusters, by_key = [], {}
    acronyms = _defined_acronyms(doc, mentions)
    # full names first, so a later "Putin" or "Mr Putin" finds "Vladimir Putin"
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start) if m.label == "Person" else 0, m.start))
    for m in ordered:
        place = _place_of(m.name, m.label, _is_actor(doc, m), metonymy)
        key = "place:" + place.name if place else match_key(m.name)
        key = acronyms.get(key, key)
        cluster = by_key.get(key) or _surname_owner(clusters, m, key)
        if cluster is None:
            cluster = _Cluster(place=place)
            clusters.append(cluster)
        cluster.mentions.append(m)
        by_key.setdefault(key, cluster)
        cluster.votes[m.label] += 1
        cluster.votes.update(_context_votes(doc, m))
        if place:  # a seat of government acting is its state, whatever else the name suggests
            cluster.votes["Place"] += 3 if gazetteer.country(m.name) or not _is_actor(doc, m) else 10
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    return clusters


def _surname_owner(clusters, mention, key):
    """Return the one person cluster whose full name ends (or starts) with this single name."""
    if " " in key or mention.label == "Place" and gazetteer.country(mention.text):
        return None
    owners = [c for c in clusters if c.votes["Person"] and any(
        len(m.key.split()) > 1 and key in (m.key.split()[-1], m.key.split()[0]) for m in c.mentions)]
    return owners[0] if len(owners) == 1 else None


def _entity(cluster):
    """Return the Entity a finished cluster stands for."""
    for m in cluster.mentions:
        m.key = m.key or match_key(m.name)
    etype = cluster.votes.most_common(1)[0][0]
    if etype == "Place" and not cluster.place:  # typed a place by context: is it a known city?
        cluster.place = gazetteer.city(_best_label(cluster, etype))
    if cluster.place and etype == "Place":
        etype, label = cluster.place.type, cluster.place.name
    else:
        label = _best_label(cluster, etype)
    mentions = tuple(sorted({Span(m.start_char, m.end_char, m.text) for m in cluster.mentions},
                            key=lambda s: s.start))
    aliases = tuple(sorted({m.name for m in cluster.mentions} - {label}))
    place = cluster.place if etype in ("Country", "City", "Region") else None
    return Entity(key=label, label=label, type=etype, mentions=mentions, aliases=aliases,
                  same_as=(place.iri,) if place else (), iso_code=place.iso if place else None)


def _best_label(cluster, etype):
    """Return the fullest, most frequent name among a cluster's mentions of the winning type."""
    names = Counter(m.name for m in cluster.mentions)
    typed = [m for m in cluster.mentions if m.label == etype] or cluster.mentions
    return max(typed, key=lambda m: (len(m.name.split()), names[m.name], -m.start)).name


def resolve_entities(doc, metonymy=True):
    """Return a parsed document's entities, and maps from token index to entity key and mention.

    With metonymy, a capital that acts in its sentence ("Moscow said") stands for its country.
    """
    mentions = list(_mentions(doc))
    for m in mentions:
        m.key = match_key(m.name)
    entities, token_entity, token_mention = [], {}, {}
    for cluster in _cluster_mentions(doc, mentions, metonymy):
        entity = _entity(cluster)
        entities.append(entity)
        for m in cluster.mentions:
            span = Span(m.start_char, m.end_char, m.text)
            for i in range(m.start, m.end):
                token_entity[i], token_mention[i] = entity.key, span
    return _dedupe_keys(entities), token_entity, token_mention


def _dedupe_keys(entities):
    """Merge entities that ended with the same key: one name is one entity within a document."""
    merged = {}
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

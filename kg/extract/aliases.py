"""Names of one entity within a document: acronyms the text defines, a lone surname of a full name, an
organisation's short form ("Sun" of "Sun Microsystems")."""

from collections import Counter

from kg.extract import gazetteer
from kg.extract.acronyms import defines, initials
from kg.extract.lexicon import CLUB_WORDS, DESIGNATORS, PLACE_PREPOSITIONS
from kg.extract.mentions import match_key

WEAK_PERSON_VOTES = 2.5  # a mention's NER label (1) and a speaking verb (entities.CONTEXT_WEIGHT)


def defined_acronyms(doc, mentions):
    """Return {acronym key: name key} for names the text defines ("Scottish Wildlife Trust (SWT)") and
    for acronyms that are the initials of one organisation's name in it ("the British Retail Consortium
    ... The BRC said"); initials two names share define nothing."""
    found: dict[str, str] = {}
    by_initials: dict[str, set[str]] = {}
    for m in mentions:
        # a person's bracket holds a club or a party, not a short form ("B Douglas (Borders)")
        if m.label != "Person" and m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            short = doc[m.end + 1].text
            if defines(m.name, short):
                found[match_key(short)] = match_key(m.name)
        if m.label == "Organization" and len(m.name.split()) > 1:
            by_initials.setdefault(initials(m.name), set()).add(match_key(m.name))
    for m in mentions:
        names = by_initials.get(m.name.replace(".", ""), ())
        if m.name.isupper() and len(m.name) >= 2 and len(names) == 1:
            found.setdefault(match_key(m.name), next(iter(names)))
    return found


def stated_names(doc, mentions):
    """Return (other name, name) mention pairs for a person's other name the text states beside the name:
    "Mars - real name Bob Allen Deal", "C-Murder, real name Corey Miller", "Mary Smith (nee Jones)",
    "Born Reginald Dwight, Elton John"."""
    pairs = []
    by_end = {m.end: m for m in mentions}
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        cue = _cue_before(doc, m.start) if m.label == "Person" else None
        if cue is None:
            continue
        named = by_end.get(cue - 1) if cue >= 2 and doc[cue - 1].text in (",", "-", "–", "(") else None
        if named is None and cue == doc[cue].sent.start and m.end + 1 < len(doc) and doc[m.end].text == ",":
            named = by_start.get(m.end + 1)  # "Born Reginald Dwight, Elton John ..."
        # a stage name may be any word ("Mars", "C-Murder"); "born" and "nee" follow a person's name
        if named is not None and (named.label == "Person" or doc[cue].lower_ == "real"):
            m.other = True
            pairs.append((m, named))
    return pairs


def merge_stated(clusters, pairs):
    """Return the clusters with each other name's cluster merged into the cluster of the name it is given
    for (wherever that name went: "Mars" to "Mick Mars")."""
    for other, named in pairs:
        home = {id(m): c for c in clusters for m in c.mentions}
        source, target = home.get(id(other)), home.get(id(named))
        if source is None or target is None or source is target or any(m.alone for m in source.mentions):
            continue
        target.mentions.extend(source.mentions)
        target.votes.update(source.votes)
        clusters = [c for c in clusters if c is not source]
    return clusters


def own_names(mentions):
    """Return the mentions that may label their entity: not another name the text gives ("real name Corey
    Miller") nor its surname, while the name the text uses ("C-Murder") is there."""
    other = {word for m in mentions if m.other for word in m.name.split()}
    return [m for m in mentions if not m.other and m.name not in other] or mentions


def _cue_before(doc, start):
    """Return the index of the first word of "real name", "born" or "nee" just before a name, else None."""
    if start >= 2 and doc[start - 2].lower_ == "real" and doc[start - 1].lower_ == "name":
        return start - 2
    if start >= 1 and doc[start - 1].lower_ in ("born", "nee", "née"):
        return start - 1
    return None


def index_name(parts, mention, cluster):
    """Note a cluster under the first and last word of a full name it holds (for surname_owner)."""
    words = mention.key.split()
    if len(words) > 1:
        for word in {words[0], words[-1]}:
            holders = parts.setdefault(word, [])
            if not any(c is cluster for c in holders):
                holders.append(cluster)


def surname_owner(parts, mention, place=None):
    """Return the one person cluster whose full name ends (or starts) with this single name, even where a
    town shares it ("Mike Leigh ... Leigh said"); never for a country.

    parts indexes the clusters by those words, so a long text's thousands of names stay linear."""
    key = mention.key
    if mention.alone or " " in key or (place and place.type == "Country") or (
            mention.label == "Place" and gazetteer.country(mention.text)):
        return None
    holders = parts.get(key, ())
    titled = mention.start < mention.name_start  # "Mr Toshitsune" is a person's surname whatever NER said
    owners = [c for c in holders if c.votes["Person"] or (titled and len(holders) == 1)]
    if len(owners) > 1:  # "Mr Westwood" of "John Westwood", not of the firm "Douglas-Westwood"
        owners = [c for c in owners if any(key in map(match_key, m.name.split()) for m in c.mentions)]
    if len(owners) != 1:
        return None
    if place and not _surname_of(owners[0], key, place):
        return None  # "London" is no short form of "London Stock Exchange", "Shanghai" none of "Shanghai Opera"
    return owners[0]


def _surname_of(cluster, key, place):
    """Tell whether a town's name is the surname of a person's cluster: a small town's ("Leigh" of
    "Mike Leigh"), never a city of a million."""
    return (_winner(cluster) == "Person" and getattr(place, "population", 0) < 1_000_000
            and any(m.key.split()[-1] == key for m in cluster.mentions if " " in m.key))


def _winner(cluster):
    """Return the class a cluster's votes give so far."""
    return cluster.votes.most_common(1)[0][0]


def _longer_names(clusters):
    """Return {leading words of an organisation's name: the clusters whose names start with them}."""
    longer: dict[str, list] = {}
    for cluster in clusters:
        if _winner(cluster) not in ("Organization", "Group"):
            continue
        for m in cluster.mentions:
            last = m.name.split()[-1]
            if "," in m.name or last.endswith("s") and gazetteer.demonym_place(last):
                continue  # "Brown, Chuter", "Roma Czechs": a list, or a people, is no organisation's long form
            words = m.key.split()
            # a party's singular is its short form too: "Liberal leader Jeremy Thorpe" of "the Liberals",
            # whether the plural was read as the party or as its people
            shorter = [" ".join(words[:n]) for n in range(1, len(words)) if _winner(cluster) == "Organization"] + (
                [m.key[:-1]] if m.key.endswith("s") and len(m.key) > 4 else [])
            for short in shorter:
                holders = longer.setdefault(short, [])
                if not any(c is cluster for c in holders):
                    holders.append(cluster)
    return longer


def _may_be_short_form(cluster):
    """Tell whether a cluster may be an organisation's short form: typed one, or a lone word NER took for a
    person's name with nothing else saying so ("Sun said", never "Mr Sun")."""
    if _winner(cluster) == "Organization":
        return True
    # NER's label and a speaking verb ("Sun said": firms speak too) are its only person votes: no title,
    # description, age or given name says so ("Epps, owner of Epps Aviation" stays a person)
    weak = len(cluster.mentions) * WEAK_PERSON_VOTES
    return _winner(cluster) == "Person" and cluster.votes["Person"] <= weak and all(
        m.end - m.start == 1 and m.start == m.name_start for m in cluster.mentions)


def _designated(cluster, short):
    """Tell whether an organisation is named by a short name and at most two words more, the last one
    saying what kind of body it is ("Baikal Finance Group", "Motorsport Endeavour Club"; not "Siberia Airlines")."""
    for m in cluster.mentions:
        rest = m.key[len(short):].split() if m.key.startswith(short + " ") else []
        if 0 < len(rest) <= 2 and rest[-1] in DESIGNATORS:
            return True
    return False


def _is_club(cluster):
    """Tell whether an organisation's names end with a club's word ("Leeds United", "Tottenham Hotspur")."""
    return any(len(m.key.split()) > 1 and m.key.split()[-1] in CLUB_WORDS for m in cluster.mentions)


def _plural_of(cluster, short):
    """Tell whether a cluster is named by the plural of a single word ("Liberals" of "Liberal")."""
    return " " not in short and any(m.key == short + "s" for m in cluster.mentions)


def _may_own(owner, cluster, short, unknown_place):
    """Tell whether a longer name's cluster may take a short form's (a name only NER calls a place: when
    the longer one says what kind of body it is)."""
    if owner is cluster or (unknown_place and not _designated(owner, short)):
        return False
    # a people's plural takes no person's name ("Bryan" of "the Bryans", two brothers)
    return _winner(owner) == "Organization" or _winner(cluster) != "Person"


def merge_short_forms(doc, clusters):
    """Return the clusters with an organisation named by the leading words of exactly one longer
    organisation name of the document merged into it: "Sun" of "Sun Microsystems", "Standard Trust" of
    "Standard Trust Bank", "Marvel" of "Marvel Comics", "Liberal" of "Liberals"; a short form two names share
    stays apart."""
    longer = _longer_names(clusters)
    target, voteless = {}, set()
    for cluster in clusters:
        keys = {m.key for m in cluster.mentions}
        town = bool(cluster.place) and cluster.place.type != "Country"
        # a name only NER calls a place, never where something is ("Baikal will pay"; not "in Cordoba")
        unknown_place = cluster.place is None and _winner(cluster) == "Place" and not any(
            m.start > 0 and doc[m.start - 1].lower_ in PLACE_PREPOSITIONS for m in cluster.mentions)
        if (cluster.place is not None and not town) or len(keys) != 1 or not (
                town or unknown_place or _may_be_short_form(cluster)) or any(m.alone for m in cluster.mentions):
            continue
        short = keys.pop()
        owners = [c for c in longer.get(short, ()) if _may_own(c, cluster, short, unknown_place)]
        # a town is no short form ("London" of "London Stock Exchange"), but in a document naming its club
        # it is the club ("Tottenham" of "Tottenham Hotspur", "Leeds" of "Leeds United")
        # nor is a town's name the singular of a party's ("Liberal" of "the Liberals"; Liberal, Kansas)
        if len(owners) == 1 and (not town or _is_club(owners[0]) or _plural_of(owners[0], short)):
            target[id(cluster)] = owners[0]
            if unknown_place:  # its place votes are what the owner's designator overrules
                voteless.add(id(cluster))
    kept = []
    for cluster in clusters:
        owner, seen = target.get(id(cluster)), {id(cluster)}
        while owner is not None and id(owner) in target and id(owner) not in seen:  # a chain of short forms
            seen.add(id(owner))
            owner = target[id(owner)]
        if owner is None:
            kept.append(cluster)
        else:
            owner.mentions.extend(cluster.mentions)
            if not cluster.place and id(cluster) not in voteless:  # a town's votes would make the club a town
                owner.votes.update(cluster.votes)
    return kept


def merge_titled_surnames(clusters):
    """Return the clusters with one named "Mr X" (and "X") merged into the one cluster holding a full name that
    ends with X, whichever came first and whatever NER typed them ("Sundar Katwala" a FAC, "Mr Katwala")."""
    full: dict[str, list] = {}
    for cluster in clusters:
        for key in {m.key.split()[-1] for m in cluster.mentions if " " in m.key}:
            full.setdefault(key, []).append(cluster)
    kept = []
    for cluster in clusters:
        keys = {m.key for m in cluster.mentions}
        key = keys.pop() if len(keys) == 1 else " "  # a cluster of one single-word name, or none
        owners = [] if " " in key else full.get(key, [])
        if len(owners) == 1 and owners[0] is not cluster and any(m.start < m.name_start for m in cluster.mentions):
            owners[0].mentions.extend(cluster.mentions)
            owners[0].votes.update(cluster.votes)
        else:
            kept.append(cluster)
    return kept


def best_label(cluster, etype):
    """Return the fullest, most frequent name among a cluster's mentions of the winning type."""
    names, own = Counter(m.name for m in cluster.mentions), own_names(cluster.mentions)
    typed = [m for m in own if m.label == etype] or own
    if etype == "Person":  # the full name NER typed otherwise ("Sundar Katwala" a FAC, then "Mr Katwala")
        surnames = {m.name.split()[-1] for m in typed}
        typed += [m for m in own if m.label != etype and " " in m.name and m.name.split()[-1] in surnames]
    return max(typed, key=lambda m: (len(m.name.split()), names[m.name], -m.start)).name


def curate(doc, mention, curation):
    """Name a mention as the user's aliases file says: the entity the name is ("Tories" -> "Conservative
    Party"), or the name as written when the user split it off (no shipped short form applies)."""
    written = doc[mention.name_start:mention.end].text
    entity = curation.entity(written)
    if entity is not None:
        mention.name = entity
        mention.alone = curation.stands_alone(written)

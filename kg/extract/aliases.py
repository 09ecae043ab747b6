"""Names of one entity within a document: acronyms the text defines, a lone surname of a full name, an
organisation's short form ("Sun" of "Sun Microsystems")."""

from kg.extract import gazetteer
from kg.extract.acronyms import defines, initials
from kg.extract.lexicon import CLUB_WORDS
from kg.extract.mentions import match_key

WEAK_PERSON_VOTES = 2.5  # a mention's NER label (1) and a speaking verb (entities.CONTEXT_WEIGHT)


def defined_acronyms(doc, mentions):
    """Return {acronym key: name key} for names the text defines ("Scottish Wildlife Trust (SWT)") and
    for acronyms that are the initials of one organisation's name in it ("the British Retail Consortium
    ... The BRC said"); initials two names share define nothing."""
    found: dict[str, str] = {}
    by_initials: dict[str, set[str]] = {}
    for m in mentions:
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
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
        if _winner(cluster) != "Organization":
            continue
        for m in cluster.mentions:
            words = m.key.split()
            # a party's singular is its short form too: "Liberal leader Jeremy Thorpe" of "the Liberals"
            shorter = [" ".join(words[:n]) for n in range(1, len(words))] + (
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


def _is_club(cluster):
    """Tell whether an organisation's names end with a club's word ("Leeds United", "Tottenham Hotspur")."""
    return any(len(m.key.split()) > 1 and m.key.split()[-1] in CLUB_WORDS for m in cluster.mentions)


def merge_short_forms(clusters):
    """Return the clusters with an organisation named by the leading words of exactly one longer
    organisation name of the document merged into it: "Sun" of "Sun Microsystems", "Standard Trust" of
    "Standard Trust Bank", "Marvel" of "Marvel Comics", "Liberal" of "Liberals"; a short form two names share
    stays apart."""
    longer = _longer_names(clusters)
    target = {}
    for cluster in clusters:
        keys = {m.key for m in cluster.mentions}
        town = bool(cluster.place) and cluster.place.type != "Country"
        if (cluster.place is not None and not town) or len(keys) != 1 or not (
                town or _may_be_short_form(cluster)) or any(m.alone for m in cluster.mentions):
            continue
        owners = [c for c in longer.get(keys.pop(), ()) if c is not cluster]
        # a town is no short form ("London" of "London Stock Exchange"), but in a document naming its club
        # it is the club ("Tottenham" of "Tottenham Hotspur", "Leeds" of "Leeds United")
        if len(owners) == 1 and (not town or _is_club(owners[0])):
            target[id(cluster)] = owners[0]
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
            if not cluster.place:  # a town's gazetteer votes would make the club a town
                owner.votes.update(cluster.votes)
    return kept


def curate(doc, mention, curation):
    """Name a mention as the user's aliases file says: the entity the name is ("Tories" -> "Conservative
    Party"), or the name as written when the user split it off (no shipped short form applies)."""
    written = doc[mention.name_start:mention.end].text
    entity = curation.entity(written)
    if entity is not None:
        mention.name = entity
        mention.alone = curation.stands_alone(written)

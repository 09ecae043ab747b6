"""Facts read from noun-phrase shapes: titles, appositions, predecessors and locatives."""

from .model import Fact
from .relations import LEADER_TITLES, PREDECESSOR_NOUNS, WORK_TITLES

LOCATIVE_NOUNS = {"region", "province", "city", "state", "district", "county", "oblast", "area", "town"}
NOT_LEADING = {"vice", "deputy", "former", "ex", "assistant", "acting", "late"}
MULTIWORD_TITLES = sorted((t for t in LEADER_TITLES | WORK_TITLES if " " in t), key=len, reverse=True)


def _title_words(tokens):
    """Return the title a run of modifier words carries ("prime minister"), and whether it leads."""
    words = [t.lower_ for t in tokens]
    text = " ".join(words)
    for title in MULTIWORD_TITLES:
        if title in text:
            return title, not NOT_LEADING & set(words)
    for word in reversed(words):
        if word in LEADER_TITLES or word in WORK_TITLES:
            leads = word in LEADER_TITLES and not NOT_LEADING & set(words)
            return word, leads
    return None, False


MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")


def _title_groups(token):
    """Return the word groups that may title a name: its left modifiers, then each appositive."""
    left = [t for c in token.children if c.dep_ in MODIFIER_DEPS for t in c.subtree if t.i != token.i]
    groups = [sorted(set(left), key=lambda t: t.i)]
    for appos in (c for c in token.children if c.dep_ == "appos"):
        # "Putin, Russia's president": the appositive, its modifiers and its of/at/for phrase
        words = [appos] + [t for c in appos.children if c.dep_ in MODIFIER_DEPS for t in c.subtree]
        words += [t for c in appos.children if c.dep_ == "prep" and c.lower_ in ("of", "at") for t in c.subtree]
        groups.append(sorted(set(words), key=lambda t: t.i))
    return groups


def from_titles(s, person_token, person):
    """Yield leaderOf/worksFor from a titled name: "U.S. President Joe Biden", "Putin, Russia's president"."""
    for group in _title_groups(person_token):
        words = [t for t in group if s.index.at(t) is None or s.index.at(t)[0] != person.key]
        if person_token.i not in s.index.token_entity:  # "the Ukrainian president": the title is the mention
            words.append(person_token)
        title, leads = _title_words(words)
        if not title:
            continue
        name = "leaderOf" if leads else "worksFor"
        seen = set()
        for t in words:
            org = s.arg(t, modifiers=False)
            if org and org.key not in seen and org.key != person.key and s.type_of(org.key) in ("Organization", "Place"):
                seen.add(org.key)
                yield _fact(s, name, person, org, f"title:{title}", 0.85 if leads else 0.7)


def from_predecessor(s, token):
    """Yield predecessorOf from "Biden's predecessor Donald Trump"."""
    owner = [a for c in token.children if c.dep_ == "poss" for a in s.args(c)]
    holders = s.args(token.head, modifiers=False) if token.dep_ in ("compound", "appos") else []
    holders += [a for c in token.children if c.dep_ == "appos" for a in s.args(c, modifiers=False)]
    for x in owner:
        for y in holders:
            first, second = (y, x) if PREDECESSOR_NOUNS[token.lower_] == "forward" else (x, y)
            if s.type_of(first.key) == "Person" == s.type_of(second.key):
                yield _fact(s, "predecessorOf", first, second, f"noun:{token.lower_}", 0.85)


def from_locative(s, token):
    """Yield locatedIn from "Donetsk region, Ukraine" and basedIn from "a Florida-based firm"."""
    here = s.arg(token, modifiers=False)
    if here is None or s.type_of(here.key) != "Place" or s.index.at(token.nbor(-1) if token.i else token):
        return
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].lower_ in LOCATIVE_NOUNS:
        i += 1
    if i + 1 < len(doc) and doc[i].text == "," and doc[i].i < s.sent.end - 1:
        there = s.arg(doc[i + 1], modifiers=False)
        if there and there.key != here.key and s.index.type_of(there.key) in ("Country", "Region"):
            yield _fact(s, "locatedIn", here, there, "comma-locative", 0.8)


def from_based(s, token):
    """Yield basedIn from "X-based Y" where Y names an organisation."""
    if token.lower_ != "based" or token.dep_ not in ("amod", "acl"):
        return
    places = [s.arg(t, modifiers=False) for t in token.doc[max(token.i - 3, 0):token.i]]
    org = s.arg(token.head, modifiers=False)
    for place in filter(None, places):
        if org and s.type_of(place.key) == "Place" and s.type_of(org.key) in ("Organization", "Group"):
            yield _fact(s, "basedIn", org, place, "hyphen-based", 0.8)


def _fact(s, name, subj, obj, rule, confidence):
    if subj.key == obj.key:
        return None
    if not (subj.direct and obj.direct):
        confidence *= 0.8
    return Fact(subj.key, name, obj.key, round(confidence, 3), s.span, subj.mention, obj.mention, rule)


def from_patterns(s):
    """Yield the facts of one sentence's noun-phrase shapes."""
    seen_people = set()
    for token in s.sent:
        found = s.index.at(token)
        if found and s.type_of(found[0]) == "Person" and token.head.i != token.i and (
                s.index.at(token.head) is None or s.index.at(token.head)[0] != found[0]) and found[0] not in seen_people:
            seen_people.add(found[0])
            yield from filter(None, from_titles(s, token, s.arg(token, modifiers=False)))
        elif found is None and token.lower_ in PREDECESSOR_NOUNS:
            yield from filter(None, from_predecessor(s, token))
        if found:
            yield from filter(None, from_locative(s, token))
        yield from filter(None, from_based(s, token))

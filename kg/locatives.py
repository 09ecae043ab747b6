"""Facts of place: "Donetsk region, Ukraine", "Oxford in Massachusetts", "a Florida-based firm"."""


LOCATIVE_NOUNS = {"region", "province", "city", "state", "district", "county", "oblast", "area", "town"}
# preposition -> the property it gives between (the class of the governing entity, a place)
# (class of the governing entity, preposition, class of its object) -> property:
# "Tennessee Tech in Cookville", "Leroy Ivy of Oxford", "Jim Bowell of the Fire Department"
PREP_LOCATIVES = {
    ("Organization", "in", "Place"): "basedIn", ("Organization", "of", "Place"): "basedIn",
    ("Organization", "at", "Place"): "basedIn",
    ("Person", "of", "Place"): "livesIn", ("Person", "from", "Place"): "livesIn",
    ("Place", "in", "Place"): "locatedIn",
    ("Person", "of", "Organization"): "worksFor", ("Person", "at", "Organization"): "worksFor",
    ("Person", "with", "Organization"): "worksFor",
}
# (class of the named entity, class of its modifier) -> property: "Beijing XINHUA", "Russia's Foreign Ministry",
# "ABC's Spencer Christian"
MODIFIER_LOCATIVES = {("Organization", "Place"): "basedIn", ("Person", "Organization"): "worksFor"}
COMMA_LOCATIVES = {"Place": "locatedIn", "Organization": "basedIn"}
CONTAINERS = ("Country", "Region")


def _mention_root(s, token):
    """Tell whether a token heads its entity mention (its syntactic head lies outside the mention)."""
    here = s.index.at(token)
    return here and (token.head.i == token.i or s.index.at(token.head) is None
                     or s.index.at(token.head)[0] != here[0])


def from_comma(s, token):
    """Yield locatedIn / basedIn from "Caracas, Venezuela", "Donetsk region, Ukraine", "Pepperell, Ga."."""
    here = s.arg(token, modifiers=False)
    if here is None or (token.i + 1 < len(token.doc) and s.index.at(token.nbor(1)) == s.index.at(token)):
        return  # not the last word of its mention
    name = COMMA_LOCATIVES.get(s.type_of(here.key))
    doc, i = token.doc, token.i + 1
    while i < len(doc) and doc[i].lower_ in LOCATIVE_NOUNS:
        i += 1
    if not name or i + 1 >= s.sent.end or doc[i].text != ",":
        return
    after = doc[i + 1]
    if after.dep_ in ("nsubj", "nsubjpass") and after.head.i > after.i:
        return  # "... to Rosneft, Russia is able to ...": the place opens a new clause
    there = s.arg(after, modifiers=False)
    if there and s.index.type_of(there.key) in CONTAINERS and s.index.type_of(here.key) != "Country":
        yield s.shaped_fact(name, here, there, "comma-locative", 0.8)


def from_preposition(s, token):
    """Yield basedIn / livesIn / locatedIn from "Tennessee Tech in Cookville", "Leroy Ivy of Oxford"."""
    if not _mention_root(s, token):
        return
    here = s.arg(token, modifiers=False)
    if s.index.type_of(here.key) == "Country":
        return
    # "Leroy Ivy of Oxford", and through an appositive: "David Cicippio, a technician from North Wales"
    holders = [token] + [c for c in token.children if c.dep_ == "appos" and s.index.at(c) is None]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            there = s.arg(pobj, modifiers=False)
            name = there and PREP_LOCATIVES.get((s.type_of(here.key), prep.lower_, s.type_of(there.key)))
            if name:
                yield s.shaped_fact(name, here, there, f"prep-locative:{prep.lower_}", 0.6)
    for child in token.children:
        there = s.arg(child, modifiers=False) if child.dep_ in ("compound", "poss", "nmod") else None
        name = there and MODIFIER_LOCATIVES.get((s.type_of(here.key), s.type_of(there.key)))
        if name and there.key != here.key:
            yield s.shaped_fact(name, here, there, f"modifier-locative:{child.dep_}", 0.6)


# "a Florida-based firm", "this Minnesota-born artist Duane Hanson": participle -> (property, holder classes)
HYPHEN_LOCATIVES = {"based": ("basedIn", ("Organization", "Group")), "born": ("livesIn", ("Person",))}


def from_based(s, token):
    """Yield basedIn from "X-based Y" and livesIn from "X-born Y", where Y names the holder."""
    found = HYPHEN_LOCATIVES.get(token.lower_)
    if found is None or token.dep_ not in ("amod", "acl", "compound"):
        return
    name, holders = found
    places = [s.arg(t, modifiers=False) for t in token.doc[max(token.i - 3, 0):token.i]]
    head = token.head
    holder = s.arg(head, modifiers=False) or next(
        (s.arg(c, modifiers=False) for c in head.children if c.dep_ == "appos" and s.arg(c, modifiers=False)), None)
    for place in filter(None, places):
        if holder and s.type_of(place.key) == "Place" and s.type_of(holder.key) in holders:
            yield s.shaped_fact(name, holder, place, f"hyphen-{token.lower_}", 0.8)


def from_locatives(s):
    """Yield the place facts of one sentence."""
    for token in s.sent:
        if s.index.at(token):
            yield from filter(None, from_comma(s, token))
            yield from filter(None, from_preposition(s, token))
        yield from filter(None, from_based(s, token))

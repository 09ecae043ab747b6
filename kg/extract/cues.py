"""Context cues of an entity's type that outweigh NER: what only an organisation has, a place's name
standing for its sports team."""

from kg.extract import gazetteer
from kg.extract.lexicon import MATCH_VERBS, ORG_POSSESSIONS, SPORTS_ROLES, TEAM_NOUNS


def has_org_possession(head, mention):
    """Tell whether a name has what only an organisation has: "Yukos's shares", "Yukos shareholders",
    "a stake in Yukos", "Microsoft founder Bill Gates", "Leeds-based Asda"; a place's name never ("US investors", "China's
    share of exports", "the Frankfurt headquarters")."""
    if gazetteer.country(mention.name) or gazetteer.city(mention.name):
        return False
    if any(c.dep_ == "amod" and c.lower_ == "based" for c in head.children) and not any(
            c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children):
        return True  # "Santa Monica-based Activision" (but "a London-based designer, Ann Lee")
    owner = head.head
    if head.dep_ in ("poss", "compound") and owner.lemma_.lower() in ORG_POSSESSIONS and owner.i != head.i:
        return owner.pos_ == "NOUN"
    return head.dep_ == "pobj" and owner.lower_ in ("in", "of") and owner.head.lemma_.lower() in ORG_POSSESSIONS


def plays_as_team(doc, mention):
    """Tell whether a place's name stands for its sports team: "England coach Andy Robinson", "the England
    squad", "France beat Italy", "the game against Wales", "Newcastle drew with Middlesbrough"."""
    head = doc[mention.start:mention.end].root
    while head.dep_ == "conj" and head.head.i != head.i:  # "lost against Wales, France and Ireland"
        head = head.head
    if head.dep_ == "compound" and head.head.lower_ in SPORTS_ROLES | TEAM_NOUNS or (
            head.dep_ == "poss" and head.head.lower_ in SPORTS_ROLES | {"squad", "team"}):
        return True  # "England coach Andy Robinson", "Bath's team" (not "Russia's side", "Iran's game")
    if head.dep_ in ("nsubj", "dobj") and head.head.lemma_ in MATCH_VERBS:
        return True
    prep, over = head.head.lower_, head.head.head
    if head.dep_ in ("nsubj", "poss", "dobj") and _has_score(head.head) or head.dep_ == "pobj" and _has_score(over):
        return True  # "The States lost 39-31 against France", "Gloucester's 17-16 win over Bath"
    if head.dep_ != "pobj":
        return False
    if prep in ("against", "with", "to") and (over.lower_ in TEAM_NOUNS or over.lemma_ in MATCH_VERBS):
        return True  # "the games against Italy", "Newcastle drew with Middlesbrough"
    # "lost to France", "lost against Wales", "played against Italy", "to play for Wales"
    return (prep in ("to", "against") and over.lemma_ == "lose") or (prep in ("against", "for") and over.lemma_ == "play")


def _has_score(word):
    """Tell whether a word carries a match score: "lost 39-31", "a 17-16 win" (no years: "its 2004-05 budget")."""
    doc = word.doc
    for child in word.children:
        if not child.text.isdigit() or child.i + 2 >= len(doc):
            continue
        dash, other = doc[child.i + 1], doc[child.i + 2]
        if dash.text in ("-", "–") and other.text.isdigit():
            return int(child.text) < 200 and int(other.text) < 200
    return False

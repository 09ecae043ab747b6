"""Context cues of an entity's type that outweigh NER: what only an organisation has, a place's name
standing for its sports team."""

import numpy

from kg.extract import gazetteer
from kg.extract.acronyms import defines
from kg.extract.lexicon import (MATCH_VERBS, ORG_POSSESSIONS, PLACE_NOUNS, PLACE_WORDS, PORTFOLIOS, ROLE_MODIFIERS,
                                SPORTS_ROLES, STATE_ACTS, STATE_ORGANS, STATE_STANCES, TEAM_NOUNS)


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
    if _in_team_sheet(doc, mention):
        return True  # "J Noon (Newcastle), O Barkley (Bath)"
    head = doc[mention.start:mention.end].root
    while head.dep_ == "conj" and head.head.i != head.i:  # "lost against Wales, France and Ireland"
        head = head.head
    if head.dep_ == "compound" and (head.head.lower_ in TEAM_NOUNS or _role_end(doc, head.head.i) or _role_end(
            doc, mention.end)) or (
            head.dep_ == "poss" and head.head.is_lower and head.head.lower_ in SPORTS_ROLES | {"squad", "team"}):
        return True  # "England coach Andy Robinson", "Bath's team" (not "Russia's side", "Iran's game")
    if head.dep_ in ("nsubj", "dobj") and head.head.lemma_ in MATCH_VERBS:
        return True
    prep, over = head.head.lower_, head.head.head
    # a possessor of a player's name beside a score is the player's country: "beat China's Jie Zheng 6-2 7-5"
    scored = head.dep_ in ("nsubj", "dobj") or (head.dep_ == "poss" and head.head.pos_ != "PROPN")
    if scored and _has_score(head.head) or head.dep_ == "pobj" and _has_score(over):
        return True  # "The States lost 39-31 against France", "Gloucester's 17-16 win over Bath"
    if head.dep_ != "pobj":
        return False
    if prep in ("against", "with", "to") and (over.lower_ in TEAM_NOUNS or over.lemma_ in MATCH_VERBS):
        return True  # "the games against Italy", "Newcastle drew with Middlesbrough"
    # "lost to France", "lost against Wales", "played against Italy", "to play for Wales"
    return (prep in ("to", "against") and over.lemma_ == "lose") or (prep in ("against", "for") and over.lemma_ == "play")


def possessor_acts(head, name):
    """Tell whether a place's name possessing a noun acts as its state: a seat of government's possession is
    the state's ("the Kremlin's plans"), a capital's only a state's act, organ or stance ("Moscow's
    decision"); "London's regulatory environment" and "Beijing's Tiananmen Square" are the city's."""
    owned = head.head
    if owned.pos_ == "PROPN" or owned.lemma_ in PLACE_NOUNS | PLACE_WORDS:
        return False
    acts = STATE_ACTS | STATE_ORGANS | STATE_STANCES
    return gazetteer.seat_of_government(name) is not None or owned.lemma_ in acts or owned.lower_ in acts


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


def _role_end(doc, i):
    """Return the index after a sports role starting at word i ("lock", "fly - half"), or None; a role is
    written in lower case ("Bath centre Olly Barkley", not "the Trafford Centre")."""
    if i >= len(doc) or not doc[i].is_lower:
        return None
    if doc[i].lower_ in SPORTS_ROLES:
        return i + 1
    if i + 2 < len(doc) and doc[i + 1].text == "-" and f"{doc[i].lower_}-{doc[i + 2].lower_}" in SPORTS_ROLES:
        return i + 3
    return None


def _role_starts(doc):
    """Return the indices of the words that may open a sports role, read from the document's array (no
    Token made for every word)."""
    strings = doc.vocab.strings
    firsts = {strings[w.split("-")[0]] for w in SPORTS_ROLES - {"player"}}
    lower = doc.to_array("LOWER")
    return [i for i in numpy.nonzero(numpy.isin(lower, list(firsts)))[0].tolist() if i > 0]


def sides_before_roles(doc, covered, people):
    """Return (start, end) of the sides NER missed before a sports role and a name: "Bath lock Steve
    Borthwick", "Spurs boss Martin Jol" (the tagger often reads a sentence's first word as a noun); a
    word opening a sentence only if the text capitalises it elsewhere too or it is a known place (not
    "Fund manager Tom Reed").

    covered: the indices of words already in a mention; people: the start indices of person mentions."""
    found = []
    for role in _role_starts(doc):
        token = doc[role - 1]
        if _role_end(doc, role) not in people or token.i in covered or not token.text[:1].isupper():
            continue
        start = token.i
        while start > 0 and start - 1 not in covered and doc[start - 1].text[:1].isupper() and (
                doc[start - 1].is_alpha and not doc[start - 1].is_sent_start):
            start -= 1
        words = doc[start:token.i + 1]
        if all(w.is_alpha and w.lower_ not in ROLE_MODIFIERS and not w.is_stop for w in words) and (
                _named_elsewhere(doc, token) or gazetteer.country(token.text) or gazetteer.city(token.text)) and (
                not gazetteer.demonym_country(token.text)):
            found.append((start, token.i + 1))
    return found


def _named_elsewhere(doc, token):
    """Tell whether a word opening a sentence is capitalised elsewhere too, away from a sentence's start:
    a side's name recurs ("Arsenal"), an adjective does not ("Inspirational flanker Serge Betsen")."""
    if not token.is_sent_start:
        return True
    orth = doc.to_array("ORTH")
    return any(not doc[j].is_sent_start for j in numpy.nonzero(orth == orth[token.i])[0].tolist() if j != token.i)


def is_portfolio(doc, start, end):
    """Tell whether a name is a government portfolio's word before its office: "Economics Minister Aburizal
    Bakrie", "Home Secretary Charles Clarke" (no organisation; "Treasury Secretary" and "Home Office" are)."""
    return end - start == 1 and end < len(doc) and doc[start].lower_.removeprefix("ex-") in PORTFOLIOS and (
        doc[end].text in ("Minister", "Secretary"))


def _in_team_sheet(doc, mention):
    """Tell whether a name is the club in brackets after a player's name in a team sheet."""
    if mention.start < 2 or doc[mention.start - 1].text != "(":
        return False
    sent = doc[mention.start].sent
    entries = bracketed_sides(sent)
    return len(entries) >= SQUAD_ENTRIES and any(start == mention.start for _, start, _ in entries)


# team sheets: "J Robinson (Sale Sharks, capt); M Cueto (Sale Sharks)" (kg.extract.rules.squads)
CAPTAIN = frozenset({"capt", "captain", "c", "vice-capt"})
SQUAD_ENTRIES = 3  # a sentence names at least this many players with their clubs: a team sheet


def bracketed_sides(tokens) -> list[tuple[int, int, int]]:
    """Return (opening bracket, side start, side end) token indices of each "Name (Side[, capt])" in a
    run of tokens, where a proper noun comes before the bracket."""
    found = []
    for tok in tokens:
        if tok.text != "(" or tok.i == 0 or tok.nbor(-1).pos_ != "PROPN":
            continue
        close = next((t.i for t in tok.doc[tok.i + 1:min(tok.i + 7, tok.sent.end)] if t.text == ")"), None)
        if close is None:
            continue
        end = close - 2 if tok.doc[close - 1].lower_.rstrip(".") in CAPTAIN and tok.doc[close - 2].text == "," else close
        side = tok.doc[tok.i + 1]
        # neither a substitute and his minute ("Luis Garcia (Nunez 73)") nor a short form a name defines ("The
        # Council of Mortgage Lenders (CML)", "(Wada)"); a club may hold a player's initials ("Grandclaude (Perpignan)")
        before = [t.text for t in tok.doc[max(tok.i - 6, 0):tok.i] if t.text[:1].isupper()]
        defined = len(side.text) <= 5 and any(defines(" ".join(before[k:]), side.text) for k in range(len(before)))
        if end > tok.i + 1 and side.text[:1].isupper() and side.lower_.rstrip(".") not in CAPTAIN and not any(
                t.like_num for t in tok.doc[tok.i + 1:end]) and not defined:
            found.append((tok.i, tok.i + 1, end))
    return found


def team_sheet(doc) -> list[tuple[int, int, str]]:
    """Return (start, end, class) of the players and clubs a team sheet names, which NER reads badly:
    "J Robinson (Sale Sharks, capt); M Cueto (Sale Sharks), J Noon (Newcastle)"."""
    found: list[tuple[int, int, str]] = []
    for sent in doc.sents:
        entries = bracketed_sides(sent)
        for bracket, start, end in entries if len(entries) >= SQUAD_ENTRIES else ():
            first = bracket
            while first > sent.start and bracket - first < 5 and _name_part(doc[first - 1]):
                first -= 1
            found += [(first, bracket, "Person"), (start, end, "Organization")]
    return found


def _name_part(token) -> bool:
    """Tell whether a token may be part of a player's name in a team sheet: "J", "O'Driscoll", "Jean-Philippe"."""
    joined = token.text == "-" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_
    return token.pos_ == "PROPN" or token.is_upper and len(token.text) <= 2 or joined

"""Facts read from noun-phrase shapes: titles, appositions and predecessors."""

from kg.extract import gazetteer
from kg.extract.factuality import is_factual
from kg.extract.lexicon import (COPULAS, LEADER_TITLES, LOCAL_OFFICES, NAMING_VERBS, NOT_LEADING, NOT_ROLES,
                              PERSON_SUFFIXES, POLITICAL_TITLES, SPORTS_ROLES, TITLES, WORK_TITLES)
from kg.extract.relations import PREDECESSOR_NOUNS
from kg.extract.sentence import Arg

MULTIWORD_TITLES = sorted((t for t in LEADER_TITLES | WORK_TITLES if " " in t), key=len, reverse=True)
# a player is a member of the side ("Bath lock Steve Borthwick"); a side's bare coach or manager leads it
TEAM_LEADERS = frozenset({"coach", "manager", "boss"})
PLAYER_ROLES = SPORTS_ROLES - TEAM_LEADERS - {"player"}  # "a Hollywood player", "a major player"
# the titles that lead a party, and those of its staff ("Labour's election co-ordinator"); any other a
# party's name gives ("Labour mayor", "Tory MP") makes a member
PARTY_LEADERS = frozenset({"leader", "chairman", "chairwoman", "chair", "president", "head"})
PARTY_STAFF = frozenset({"chief", "chief executive", "coordinator", "ordinator", "strategist", "treasurer", "agent"})
# what a leading title "of" a common noun leads whole: "head of state", "chairman of the board"
LED_WHOLES = frozenset({"state", "government", "board", "directors"})
# a title's or a role's words, whatever the tagger made of them ("Airbus head", "Blues prop")
ROLE_WORDS = LEADER_TITLES | WORK_TITLES | SPORTS_ROLES
# the national offices whose holder serves the state the article is about when none is named
NATIONAL_TITLES = frozenset({"minister", "lord chancellor", "attorney general", "solicitor general"})


def is_role(token):
    """Tell whether an appositive noun names a person's job ("an ecologist", "attorney")."""
    word = token.lower_
    if word in LEADER_TITLES or word in WORK_TITLES:
        return True
    # a job's word in lower case: "Leicester" ends as "-er" words do, but names a club
    return token.pos_ in ("NOUN", "PROPN") and token.tag_ in ("NN", "NNP") and word.endswith(PERSON_SUFFIXES) \
        and word not in NOT_ROLES and token.is_lower


def title_words(tokens, appositive=None):
    """Return the title a run of words carries ("prime minister"), and whether it leads."""
    words = [t.lower_ for t in tokens]
    text = " ".join(words)
    for title in MULTIWORD_TITLES:
        if title in text:
            return title, not NOT_LEADING & set(words)
    for word in reversed(words):
        if word in LEADER_TITLES or word in WORK_TITLES:
            leads = word in LEADER_TITLES and not NOT_LEADING & set(words)
            return word, leads
    played = text.replace(" - ", "-").split()  # "fly - half": the tokenizer splits a hyphenated role
    for word in reversed(played):
        if word in PLAYER_ROLES:
            return word, False
    if appositive is not None and is_role(appositive):
        return appositive.lower_, False
    return None, False


MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")
ROLE_PREPS = ("of", "at", "for", "with")


def _prep_objects(noun):
    """Return the objects of a role noun's of/at/for/with phrases and their modifiers, not what hangs
    further on them ("president of the Chamber, a Bombay-based group" does not lead Bombay)."""
    found = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ROLE_PREPS):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found += [pobj] + [t for c in pobj.children if c.dep_ in MODIFIER_DEPS for t in c.subtree]
            # "head of the largest union, the Teamsters": the appositive names the organisation
            found += [c for c in pobj.children if c.dep_ == "appos"]
            found += _prep_objects(pobj)  # "vice president of marketing at Sony"
    return found


def described_by(noun):
    """Return a describing noun's group: its title words (itself and modifiers), then those and its objects."""
    # "Jill Biden, the wife of the U.S. president" or "the U.S. president's wife": the title there is another's
    title = [noun] + [t for c in noun.children if c.dep_ in ("compound", "amod") for t in c.subtree]
    names = [noun] + [t for c in noun.children if c.dep_ in MODIFIER_DEPS for t in c.subtree] + _prep_objects(noun)
    return sorted(set(title), key=lambda t: t.i), sorted(set(names), key=lambda t: t.i), noun


def _title_groups(token, own=frozenset()):
    """Return the word groups that may title a name (whose words are at the indices `own`): its left
    modifiers, then each appositive, as (title words, words that may name the organisation, the describing noun)."""
    left = sorted({t for c in token.children if c.dep_ in MODIFIER_DEPS for t in c.subtree if t.i != token.i},
                  key=lambda t: t.i)
    # the noun right before a name may be its job: "NASA Administrator Bill Nelson", "NBC anchorman Tom Smith"
    nearest = max((c for c in token.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
                   and c.i < token.i and c.i not in own), key=lambda t: t.i, default=None)
    groups = [(left, left, nearest)]
    run = _words_before(token.doc, min(own, default=token.i))
    if run and not set(run) <= set(left):  # the parse lost them: "Arsenal vice-chairman David Dein"
        groups.append((run, run, None))
    # "Putin, Russia's president", "an ecologist at Cornell", and each conjunct: "head of the city council
    # and deputy chair of the Railway Workers' Union"
    nouns = [c for c in token.children if c.dep_ == "appos"]
    if token.dep_ == "appos" and token.head.pos_ == "NOUN":  # "the deputy secretary of the ministry, Ali"
        nouns.append(token.head)
    if token.dep_ == "nsubj" and token.head.lemma_ in COPULAS:  # "Foster is the AP's regional reporter"
        nouns += [c for c in token.head.children if c.dep_ == "attr"]
    # "Lee was named editor of the Times"; not "Lee was not named editor", "Lee could be named editor"
    if token.dep_ == "nsubjpass" and token.head.lemma_ in NAMING_VERBS and is_factual(token.head):
        nouns += [c for c in token.head.children if c.dep_ in ("oprd", "attr")]
    groups += [described_by(n) for n in nouns if n.pos_ in ("NOUN", "PROPN")]
    # "director of the Foundation and a member of the Network": a conjunct counts only with a real title
    conjuncts = [c for n in nouns for c in n.conjuncts if c.pos_ in ("NOUN", "PROPN")]
    return groups + [described_by(n)[:2] + (None,) for n in conjuncts]


def _words_before(doc, start):
    """Return the words right before a name back to a name, when all are a title's lower-case words (a
    hyphen, an age): "Arsenal vice-chairman", "Newcastle's 18-year-old centre"; else []."""
    i = start
    while i > max(start - 7, doc[start].sent.start) and (
            doc[i - 1].is_lower and (doc[i - 1].pos_ in ("NOUN", "ADJ") or doc[i - 1].lower_ in ROLE_WORDS)
            or doc[i - 1].text in ("-", "'s") or doc[i - 1].like_num):
        i -= 1
    if i == start or i == doc[start].sent.start or not doc[i - 1].text[:1].isupper() or doc[start - 1].text == "'s":
        return []
    name_start = i - 1
    while name_start > doc[start].sent.start and doc[name_start - 1].text[:1].isupper() and doc[
            name_start - 1].pos_ == "PROPN":
        name_start -= 1
    return list(doc[name_start:start])


def _own_words(s, person):
    """Return the indices of the sentence's words that name the person."""
    return {t.i for t in s.tokens if s.index.at(t) and s.index.at(t)[0] == person.key}


def from_titles(s, person_token, person):
    """Yield leaderOf/worksFor from a titled name: "U.S. President Joe Biden", "Putin, Russia's president"."""
    own = _own_words(s, person)
    for title_group, group, appositive in _title_groups(person_token, own):
        # the person's own words are no organisation, but a title inside the mention still counts
        mine = {t.i for t in group if s.index.at(t) is None or s.index.at(t)[0] != person.key
                or t.lower_.rstrip(".") in TITLES}
        words = [t for t in group if t.i in mine]
        titled = [t for t in title_group if t.i in mine]
        if person_token.i not in s.index.token_entity:  # "the Ukrainian president": the title is the mention
            words.append(person_token)
            titled.append(person_token)
        # a title word inside another name is no title: "Bill Armstrong ... at CL King & Associates"
        title, leads = title_words([t for t in titled if s.index.at(t) is None or s.index.at(t)[0] == person.key],
                                    appositive)
        if not title:
            continue
        leads = leads and not _heads_a_function(s, titled, title)
        name = "leaderOf" if leads or _leads_side(title, words, s, person) else (
            "memberOf" if title in PLAYER_ROLES else "worksFor")
        # a state is led or served by its office holders; a reporter works for a paper, not for Phoenix
        allowed = ("Organization", "Place") if title in POLITICAL_TITLES else ("Organization",)
        seen = set()
        for t in words:
            org = s.arg(t, modifiers=False)
            # "Mid-Bedfordshire MP" is a seat's member, no organisation NER may call it
            if org and org.key not in seen and org.key != person.key and s.type_of(org.key) in allowed and (
                    org.key.split()[-1].lower() != title):
                seen.add(org.key)
                party_member = title not in PARTY_LEADERS | PARTY_STAFF and gazetteer.is_party(org.key)
                yield s.shaped_fact("memberOf" if party_member else name, person, org, f"title:{title}")
                if title in LOCAL_OFFICES and s.index.type_of(org.key) in ("City", "Region"):
                    # a mayor or governor lives where they hold office: "Boston Mayor Michelle Wu"
                    yield s.shaped_fact("livesIn", person, org, "title-residence")


def _heads_a_function(s, titled, title):
    """Tell whether a leading title heads a function, not the organisation: "Tesco head of communications",
    "director of research" (but "head of state", "chairman of the board" lead)."""
    for token in (t for t in titled if t.lower_ == title.split()[-1]):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
            if any(o.dep_ == "pobj" and o.pos_ == "NOUN" and s.index.at(o) is None and o.lemma_ not in LED_WHOLES
                   and not _named_noun(s, o) for o in prep.children):
                return True
    return False


def _named_noun(s, noun):
    """Tell whether a common noun is named by a name beside it: "the Naftohaz company", "Spain's biggest
    bank, Santander", "the broadcaster Shanghai Media Group", "the public services union Unison"."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None  # "the union Unison", however parsed
    return any(c.dep_ in ("compound", "appos", "nmod") and s.index.at(c) for c in noun.children) or bool(
        following is not None and s.index.at(following) and s.type_of(s.index.at(following)[0]) == "Organization")


def _leads_side(title, words, s, person):
    """Tell whether a bare coach or manager title names a side's leader ("Chelsea manager Jose Mourinho"),
    not a fund manager or an assistant coach: no word beside the title but names."""
    return title in TEAM_LEADERS and all(
        t.lower_ == title or s.index.at(t) is not None or t.is_punct or t.lower_ in ("the", "'s") for t in words)


def from_predecessor(s, token):
    """Yield predecessorOf from "Biden's predecessor Donald Trump"."""
    owner = [a for c in token.children if c.dep_ == "poss" for a in s.args(c)]
    holders = s.args(token.head, modifiers=False) if token.dep_ in ("compound", "appos") else []
    holders += [a for c in token.children if c.dep_ == "appos" for a in s.args(c, modifiers=False)]
    for x in owner:
        for y in holders:
            first, second = (y, x) if PREDECESSOR_NOUNS[token.lower_] == "forward" else (x, y)
            if s.type_of(first.key) == "Person" == s.type_of(second.key):
                yield s.shaped_fact("predecessorOf", first, second, f"noun:{token.lower_}")


def home_post(s, person_token, person):
    """Return worksFor the document's own country for a minister named with no state ("courts minister
    Christopher Leslie" in an article about Britain), or None.

    The document's own country is the one it names most, at least twice and more than any other; the
    state is read from beyond the sentence, so the fact counts as read through a modifier."""
    own = _own_words(s, person)
    # a first or chief minister leads a region ("Welsh First Minister Rhodri Morgan"), not the state
    titles = [title_words([t for t in group if t.i not in own or t.lower_.rstrip(".") in TITLES], noun)[0]
              for group, _, noun in _title_groups(person_token, own)
              if not any(t.lower_ in ("first", "chief") for t in group)]
    title = next((t for t in titles if t in NATIONAL_TITLES), None)
    home = title and home_country(s.index)
    return s.shaped_fact("worksFor", person, home, f"title-home:{title}") if home else None


def home_country(index):
    """Return the country a document names most (at least twice, more than any other) as an Arg, or None."""
    counts = sorted(((len(e.mentions), e.key) for e in index.entities.values() if e.type == "Country"), reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    key = counts[0][1]
    return Arg(key, index.entities[key].mentions[0], direct=False)


def from_titled_names(s):
    """Yield the facts of one sentence's titled names and predecessors."""
    seen_people = set()
    for token in s.tokens:
        found = s.index.at(token)
        if found and s.type_of(found[0]) == "Person" and token.head.i != token.i and (
                s.index.at(token.head) is None or s.index.at(token.head)[0] != found[0]) and found[0] not in seen_people:
            seen_people.add(found[0])
            person = s.arg(token, modifiers=False)
            facts = [f for f in from_titles(s, token, person) if f]
            yield from facts or filter(None, [home_post(s, token, person)])
        elif found is None and token.lower_ in PREDECESSOR_NOUNS:
            yield from filter(None, from_predecessor(s, token))

"""Facts of deals and courts in the shapes the catalogue's verbs and nouns do not read: a stake held or
sold, a firm's owner named by "-owned", its units and brands, a case taken to court, a fine imposed:
"Ferrovial holds a 33% stake in Tube Lines", "Standard Trust is Nigerian-owned", "Yugansk, the main
production unit of Yukos", "Honda took Lifan to court", "the FSA imposed a £5m fine on the bank"."""

from collections.abc import Iterator

from kg.extract import gazetteer
from kg.extract.factuality import is_factual
from kg.extract.lexicon import DEAL_WORDS, ORG_APPOSITIVES, OWNED_NOUNS, STAKE_NOUNS
from kg.extract.relations import BY_NAME
from kg.extract.rules.arguments import noun_actor, passive_subjects, verb_subjects
from kg.extract.sentence import Arg, Sentence
from kg.model import Fact

LIST_PREPS = ("including", "like", "as")  # "brands including X", "labels such as X"


def pobj_args(s: Sentence, token, preps: tuple[str, ...]) -> list[Arg]:
    """Return the entities named after one of these prepositions hanging on a token ("sold X to Y": the
    parser calls that "to" a dative)."""
    return [a for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj" for a in s.args(g)]


def possessors(s: Sentence, noun) -> list[Arg]:
    """Return the entities named as a noun's possessor ("Suez's subsidiary", "its labels")."""
    return [a for c in noun.children if c.dep_ == "poss" for a in s.args(c)]


def stake_objects(s: Sentence, noun) -> list[Arg]:
    """Return the firm a stake noun is a part of ("a majority stake in X", "49% of X"), or a firm noun
    names by its modifier ("the Sibneft oil company"; not "the Yukos unit", which is Yukos's)."""
    if noun.lemma_ in ORG_APPOSITIVES and noun.lemma_ not in OWNED_NOUNS:
        return [a for t in noun.subtree if t.i < noun.i and t.dep_ == "compound" and t.head.i <= noun.i
                for a in s.args(t) if s.type_of(a.key) == "Organization"][:1]
    if noun.lemma_ not in STAKE_NOUNS and noun.lower_ not in STAKE_NOUNS:
        return []
    return [a for a in pobj_args(s, noun, ("in", "of")) if a.direct]


def _majority(noun) -> bool:
    """Tell whether a stake is a controlling one ("a majority stake", "a 51% stake")."""
    for child in noun.children:
        if child.lower_ in DEAL_WORDS["majority"]:
            return True
        number = child.text.rstrip("%")
        if child.dep_ in ("compound", "nummod", "amod") and number.replace(".", "", 1).isdigit():
            return float(number) > 50
    return False


def _holder(s: Sentence, noun) -> list[Arg]:
    """Return who holds a stake: its possessor, or the subject of the verb that has, holds or owns it."""
    if noun.dep_ == "dobj" and noun.head.lemma_ in DEAL_WORDS["dispose"]:
        return []  # "Jarvis is offloading its stake": a stake given away is held no longer
    if noun.dep_ == "dobj" and noun.head.lemma_ in ("own", "control", "retain", "keep", "raise", "increase"):
        return verb_subjects(s, noun.head)
    return [a for a in noun_actor(s, noun) if a.direct]  # its possessor first, else a light verb's subject


def from_stakes(s: Sentence, words) -> Iterator[Fact | None]:
    """Yield who holds a stake in a firm: investedIn, or ownerOf for a controlling stake."""
    for noun in words:
        if noun.lemma_ not in ("stake", "holding", "shareholding", "share") or noun.pos_ != "NOUN":
            continue
        # "X's stake in Y" presupposes the holding, whatever is said of it ("considering buying BT's
        # shares in Cegetel"); "X holds a stake" asserts it, so there the clause must be factual
        owned = bool(possessors(s, noun))
        if not owned and not is_factual(noun.head if noun.dep_ == "dobj" else noun):
            continue
        firms = pobj_args(s, noun, ("in",))
        relation = BY_NAME["ownerOf" if _majority(noun) else "investedIn"]
        for holder in _holder(s, noun) if firms else []:
            for firm in firms:
                yield s.fact(relation, holder, firm, "stake-holder", noun)


def _owned_by_hyphen(s: Sentence, verb) -> tuple[list[Arg], list[Arg]]:
    """Return (owners, owned) of "Standard Trust is Nigerian-owned", "the state-owned firm Gazprom"."""
    # "Nigerian-owned" is owned by Nigerians, not by the state of Nigeria: a nationality owns nothing
    owners = [a for c in verb.children if c.i == verb.i - 2 and verb.nbor(-1).text == "-"
              and not gazetteer.demonym_country(c.text) for a in s.args(c)]
    if not owners:
        return [], []
    if verb.dep_ == "acomp":
        return owners, verb_subjects(s, verb.head)
    if verb.dep_ == "amod":
        return owners, s.args(verb.head)
    return owners, []


def _is_owned(s: Sentence, verb) -> tuple[list[Arg], list[Arg]]:
    """Return (owners, owned) of "X, which is majority-owned by Y" and of "X-owned Y"."""
    agents = [a for c in verb.children if c.dep_ == "agent" for g in c.children for a in s.args(g)]
    if agents and verb.dep_ == "acomp":  # the parser reads the participle after "is" as an adjective
        return agents, passive_subjects(s, verb) or verb_subjects(s, verb.head)
    return _owned_by_hyphen(s, verb)


def from_owned(s: Sentence, words) -> Iterator[Fact | None]:
    """Yield ownership stated by a participle: "is majority-owned by the state", "Nigerian-owned"."""
    for verb in words:
        if verb.lemma_ != "own" or verb.tag_ != "VBN" or not is_factual(verb):
            continue
        owners, owned = _is_owned(s, verb)
        for owner in owners:
            for thing in owned:
                yield s.fact(BY_NAME["ownerOf"], owner, thing, "owned-participle", verb)


def _unit_owners(s: Sentence, noun) -> list[Arg]:
    """Return whose unit or brand a noun names: its possessor or its "of" object."""
    found = possessors(s, noun) or pobj_args(s, noun, ("of",))
    # "the arm of a Chinese trader" is not China's: an owner read from a modifier is no owner
    return [a for a in found if a.direct]


def _units(s: Sentence, noun) -> list[Arg]:
    """Return the units a unit noun names: the name it describes or lists ("its brands including X")."""
    if noun.dep_ == "appos":  # "Yugansk, the main production unit of Yukos"
        return s.args(noun.head, modifiers=False)
    if noun.dep_ == "attr":  # "Yugansk is a unit of Yukos"
        return verb_subjects(s, noun.head)
    named = [a for c in noun.children if c.dep_ == "appos" for a in s.args(c, modifiers=False)]
    return named or pobj_args(s, noun, LIST_PREPS)


def from_units(s: Sentence, words) -> Iterator[Fact | None]:
    """Yield a firm's ownership of its units and brands: "X, a unit of Y", "Y's labels including X"."""
    for noun in words:
        if noun.lemma_ not in OWNED_NOUNS or noun.pos_ != "NOUN" or not is_factual(noun):
            continue
        owners = _unit_owners(s, noun)
        for unit in _units(s, noun) if owners else []:
            for owner in owners:
                yield s.fact(BY_NAME["ownerOf"], owner, unit, f"unit-noun:{noun.lemma_}", noun)


def _sold(s: Sentence, verb) -> list[Arg]:
    """Return what a selling verb hands over: its object, the firm its stake is in, or its passive subject."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return passive_subjects(s, verb)
    found: list[Arg] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found += stake_objects(s, obj) or [a for a in s.args(obj) if a.direct]
    return found


def from_sales(s: Sentence, words) -> Iterator[Fact | None]:
    """Yield the buyer's acquisition in a sale: "X sold its stake in Y to Z", "Y was sold to Z"."""
    for verb in words:
        if verb.lemma_ not in DEAL_WORDS["sell"] or verb.pos_ != "VERB" or not is_factual(verb):
            continue
        buyers = pobj_args(s, verb, ("to",))
        for thing in _sold(s, verb) if buyers else []:
            for buyer in buyers:
                yield s.fact(BY_NAME["acquired"], buyer, thing, "verb:sell", verb)


def _invested_firm(s: Sentence, noun) -> list[Arg]:
    """Return the firm whose investors a noun lists: "X's investors", "investors in X", "X has investors"."""
    found = [a for c in noun.children if c.dep_ == "poss" for a in s.args(c)] or pobj_args(s, noun, ("in",))
    if not found and noun.dep_ == "dobj" and noun.head.lemma_ in ("have", "include", "count"):
        found = verb_subjects(s, noun.head)
    return found


def from_investors(s: Sentence, words) -> Iterator[Fact | None]:
    """Yield the investors a firm is said to have: "United Bank has foreign investors, including X and Y"."""
    for noun in words:
        if noun.lemma_ not in DEAL_WORDS["investor"] or noun.pos_ != "NOUN" or not is_factual(noun):
            continue
        listed = pobj_args(s, noun, LIST_PREPS)
        for firm in _invested_firm(s, noun) if listed else []:
            for investor in listed:
                yield s.fact(BY_NAME["investedIn"], investor, firm, "investor-list", noun)


TRIGGERS = frozenset({"stake", "holding", "shareholding", "share", "own"}) | OWNED_NOUNS | DEAL_WORDS["sell"] \
    | DEAL_WORDS["investor"]


def from_deals(s: Sentence) -> Iterator[Fact | None]:
    """Yield the facts of every deal shape of a sentence; most sentences have no word of a deal."""
    words = [t for t in s.tokens if t.lemma_ in TRIGGERS]
    if words:
        for shape in (from_stakes, from_owned, from_units, from_sales, from_investors):
            yield from shape(s, words)

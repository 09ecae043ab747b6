"""The relation catalogue: which words state which ontology property, declared as data.

Adding a relation is adding a `Relation` here (and its property to ontology/kg.ttl):
- `verbs`: lemmas of verbs whose subject is the fact's subject and whose direct object
  (or the object of one of `verb_preps`) is its object; passives are handled for every verb;
- `nouns`: nominalisations ("annexation"), whose possessor or light-verb subject is the subject
  ("Russia's annexation", "Biden held talks") and whose `noun_preps` object is the object;
- `subject_types` / `object_types`: coarse classes allowed on each side;
- `event`: the ontology sub-class of Event whose node records the fact as an n-ary event;
- `symmetric`: the fact holds in both directions (asserted once, as written);
- `deep_objects`: when no object is found, take a place named inside the direct object's phrase;
- `passive_subject`: "was born in X", "is based in X": the passive subject is the fact's subject;
- `stake_objects`: a direct object that is a stake names its firm ("bought a stake in X");
- `person_subject_as`: the property to assert instead when a named person is the subject
  ("Mbeki attacked British imperialists" is criticism, not violence);
- `firm_verbs`: verbs of `verbs` whose subject must be an organisation ("took over" said of a
  person is as often a new job: "Robinson took over England");
- `confidence`: the measured precision of the relation's rules (see README, "Confidence").
"""

from dataclasses import dataclass

from kg.extract.lexicon import LEADER_TITLES, STATE_ACTS, STATE_ORGANS, WORK_TITLES

PERSON, ORG, PLACE, GROUP = "Person", "Organization", "Place", "Group"
AGENTS = (PERSON, ORG, PLACE, GROUP)  # a country acts; so do groups


@dataclass(frozen=True)
class Relation:
    """How one ontology property is stated in text."""

    name: str
    verbs: tuple[str, ...] = ()
    verb_preps: tuple[str, ...] = ()
    direct_object: bool = True
    nouns: tuple[str, ...] = ()
    noun_preps: tuple[str, ...] = ("of",)
    subject_types: tuple[str, ...] = AGENTS
    object_types: tuple[str, ...] = AGENTS
    event: str | None = None
    symmetric: bool = False
    deep_objects: bool = False  # look for the object inside the direct object's phrase
    passive_subject: bool = False  # in the passive the grammatical subject stays the fact's subject
    person_subject_as: str | None = None  # the property a person's act states ("Mbeki attacked X": words)
    stake_objects: bool = False  # "bought a stake in X", "bought 49% of X": the firm is the object
    firm_verbs: tuple[str, ...] = ()  # verbs only an organisation's act states
    confidence: float = 0.7


CATALOGUE = (
    Relation("called", verbs=("call", "phone", "telephone", "ring"), verb_preps=("with",),
             nouns=("call", "conversation", "phone"), noun_preps=("with", "to"),
             subject_types=(PERSON, ORG, PLACE), object_types=(PERSON, ORG, PLACE), event="Call",
             symmetric=True, confidence=0.75),
    Relation("met", verbs=("meet", "host"), verb_preps=("with",), nouns=("meeting", "talk", "talks", "summit"),
             noun_preps=("with",), subject_types=(PERSON, ORG, PLACE), object_types=(PERSON, ORG, PLACE),
             event="Meeting", symmetric=True, confidence=0.7),
    Relation("visited", verbs=("visit", "tour"), verb_preps=("in", "to"), nouns=("visit", "trip"),
             noun_preps=("to",), subject_types=(PERSON, ORG, PLACE), object_types=(PLACE, ORG),
             event="Visit", deep_objects=True, confidence=0.75),
    Relation("annexed", verbs=("annex",), nouns=("annexation",), subject_types=(PLACE, ORG, GROUP),
             object_types=(PLACE,), event="Annexation", confidence=0.85),
    Relation("accused", verbs=("accuse", "blame"), nouns=("accusation",), noun_preps=("against",),
             event="Accusation", confidence=0.75),
    Relation("attacked", verbs=("attack", "bomb", "shell", "invade", "ambush", "assault", "strike"),
             verb_preps=("on",), nouns=("attack", "invasion", "strike", "assault", "offensive", "battle", "clash",
                                        "fighting", "gunfight", "firefight", "skirmish"),
             noun_preps=("on", "against", "of"), event="Attack", person_subject_as="criticized", confidence=0.6),
    Relation("killed", verbs=("kill", "murder", "assassinate", "execute", "slay", "behead", "shoot"),
             nouns=("killing", "murder", "assassination", "assassin", "killer", "murderer"), noun_preps=("of",),
             object_types=(PERSON, GROUP), event="Killing", confidence=0.65),
    Relation("supports", verbs=("support", "back", "endorse", "fund", "arm", "help", "aid", "assist"),
             nouns=("support", "backing", "aid", "assistance", "help"), noun_preps=("for", "to", "in"),
             confidence=0.6),
    Relation("warned", verbs=("warn",), verb_preps=("against",), nouns=("warning",), noun_preps=("to",),
             event="Warning", confidence=0.65),
    Relation("sanctioned", verbs=("sanction",), nouns=("sanction", "sanctions"), noun_preps=("on", "against"),
             event="Sanction", confidence=0.7),
    Relation("alliedWith", nouns=("ally", "partner"), noun_preps=("of",), subject_types=(PLACE, ORG, GROUP),
             object_types=(PLACE, ORG, GROUP), symmetric=True, confidence=0.7),
    Relation("acquitted", verbs=("acquit",), nouns=("acquittal",), subject_types=(ORG, PERSON),
             object_types=(PERSON,), event="Acquittal", confidence=0.8),
    Relation("criticized", verbs=("criticize", "criticise", "condemn", "denounce", "slam"),
             nouns=("criticism", "condemnation"), noun_preps=("of",), confidence=0.6),
    Relation("founded", verbs=("found", "establish", "co-found"), nouns=("founder", "co-founder"),
             subject_types=(PERSON, ORG), object_types=(ORG,), confidence=0.7),
    # a state owns firms too ("majority-owned by the Indian state")
    Relation("ownerOf", verbs=("own", "control"), nouns=("owner",), subject_types=(PERSON, ORG, PLACE),
             object_types=(ORG,), stake_objects=True, confidence=0.6),
    Relation("acquired", verbs=("acquire", "buy", "purchase", "take over", "snap up"),
             nouns=("acquisition", "purchase", "takeover"), subject_types=(PERSON, ORG), object_types=(ORG,),
             event="Acquisition", stake_objects=True, firm_verbs=("take over", "snap up"), confidence=0.6),
    Relation("mergedWith", verbs=("merge",), verb_preps=("with",), direct_object=False, nouns=("merger",),
             noun_preps=("with",), subject_types=(ORG,), object_types=(ORG,), event="Merger", symmetric=True,
             confidence=0.6),
    Relation("investedIn", verbs=("invest",), verb_preps=("in",), direct_object=False,
             nouns=("investment", "investor", "shareholder", "stakeholder"),
             noun_preps=("in",), subject_types=(PERSON, ORG, PLACE), object_types=(ORG,), event="Investment",
             confidence=0.6),
    Relation("sued", verbs=("sue",), nouns=("lawsuit",), noun_preps=("against",), subject_types=(PERSON, ORG, PLACE),
             object_types=(PERSON, ORG, PLACE), event="Lawsuit", confidence=0.6),
    # spaCy's small model lemmatises "fined" as "fin"
    Relation("fined", verbs=("fine", "fin"), subject_types=(ORG, PLACE), object_types=(PERSON, ORG), event="Fine",
             confidence=0.6),
    Relation("arrested", verbs=("arrest", "detain"), nouns=("arrest", "detention"), subject_types=(ORG, PLACE, GROUP),
             object_types=(PERSON, GROUP), event="Arrest", confidence=0.6),
    Relation("charged", verbs=("charge", "indict"), nouns=("indictment",), subject_types=(ORG, PLACE),
             object_types=(PERSON, ORG), event="Charge", confidence=0.6),
    Relation("convicted", verbs=("convict",), nouns=("conviction",), subject_types=(ORG,), object_types=(PERSON, ORG),
             event="Conviction", confidence=0.6),
    Relation("worksFor", verbs=("work", "serve", "teach"), verb_preps=("for", "at", "with"),
             direct_object=False, nouns=("employee", "member", "official", "spokesman", "spokeswoman"),
             subject_types=(PERSON,), object_types=(ORG, PLACE), confidence=0.6),
    Relation("leaderOf", verbs=("head", "chair", "lead", "run"), subject_types=(PERSON,), object_types=(ORG,),
             confidence=0.7),
    Relation("livesIn", verbs=("live", "reside", "bear", "settle", "grow"), verb_preps=("in", "near"),
             direct_object=False,
             nouns=("resident", "native"), subject_types=(PERSON,), object_types=(PLACE,), passive_subject=True,
             confidence=0.6),
    Relation("basedIn", verbs=("base", "headquarter", "locate"), verb_preps=("in", "at"), direct_object=False,
             subject_types=(ORG, GROUP), object_types=(PLACE,), passive_subject=True, confidence=0.7),
)

BY_NAME = {r.name: r for r in CATALOGUE}
# A property narrowed by the class of its object: leading an organisation is working for it,
# leading a state or a city is not ("Tesla chief executive Elon Musk" heads Tesla).
REFINEMENTS = {("leaderOf", ORG): "heads", ("leaderOf", GROUP): "heads"}
EVENT_CLASS = {r.name: r.event for r in CATALOGUE if r.event}
VERB_RELATIONS: dict[str, list[Relation]] = {}
NOUN_RELATIONS: dict[str, list[Relation]] = {}
for _r in CATALOGUE:
    for _lemma in _r.verbs:
        VERB_RELATIONS.setdefault(_lemma, []).append(_r)
    for _lemma in _r.nouns:
        NOUN_RELATIONS.setdefault(_lemma, []).append(_r)

PREDECESSOR_NOUNS = {"predecessor": "forward", "successor": "backward"}
# Nouns whose nationality modifier makes the state the actor ("Russian troops", "the Ukrainian president"):
# its organs, its office holders, the acts of the catalogue and other acts a state performs.
STATE_NOUNS = STATE_ORGANS | LEADER_TITLES | WORK_TITLES | frozenset(NOUN_RELATIONS) | STATE_ACTS


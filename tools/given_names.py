"""Rebuild kg/data/given_names.txt: common given names that make a two-word name a person's.

    pip install faker        # only to run this tool; kg does not need it
    python tools/given_names.py --redocred ../shared/data/redocred > kg/data/given_names.txt

The names are the union of three sources, less every name that is also a common word or a place:
- the names already in kg/data/given_names.txt (hand-collected by the team; kept as they are);
- Faker's person-name lists of the locales below (Faker is MIT-licensed; names are public knowledge), not
  its long generic "en" list, whose rare names ("Marvel", "Comics") are more often words of firms' names;
- the first word of every person name of two or more words in Re-DocRED (MIT; Wikipedia text).
A common word is one that Re-DocRED's text writes in lower case at least COMMON times ("bill", "grant",
"will"): "Grant Thornton" must not become a person by its first word. A place is a country or city
kg's gazetteer knows ("Jordan", "Paris", "Georgia"). A name that is also a surname in Faker's lists
("Morgan", "Stanley", "Lloyd") opens firms' names too ("Morgan Grenfell"), so only the team's list keeps it. The output is sorted, so a rebuild is identical.
"""

import argparse
import importlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract import gazetteer  # noqa: E402

LOCALES = ("en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_PK", "de_DE", "fr_FR", "it_IT",
           "es_ES", "es_MX", "pt_BR", "pt_PT", "nl_NL", "pl_PL", "sv_SE", "no_NO", "da_DK", "fi_FI", "cs_CZ",
           "hu_HU", "ro_RO", "hr_HR", "tr_TR", "id_ID", "ga_IE", "sw", "yo_NG", "sk_SK", "sl_SI", "lt_LT",
           "lv_LV", "et_EE", "ja_JP", "zh_CN")
LISTS = ("first_names", "first_names_male", "first_names_female", "first_romanized_names",
         "first_romanized_names_male", "first_romanized_names_female")
SURNAMES = ("last_names", "last_names_male", "last_names_female", "last_romanized_names")
COMMON = 2  # lower-case uses in Re-DocRED that make a word common
NAME = re.compile(r"[a-z][a-z'-]+")
HEADER = """# Common given names (lower case): a person-name vote for a name of two or more words that starts
# with one ("Timothy McVeigh" typed ORG by NER). Built by tools/given_names.py from the team's own list,
# Faker's person-name lists (MIT) and the first names of people in Re-DocRED (MIT), less common words
# and places. Public knowledge; rebuild with the tool rather than editing by hand.
"""


def fold(name: str) -> str:
    """Return a name in lower-case ASCII letters ("Benoît" -> "benoit")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def own_names(path: Path) -> set[str]:
    """Return the names of the current list."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {w for line in lines if not line.startswith("#") for w in line.split()}


def faker_names(lists: tuple[str, ...] = LISTS) -> set[str]:
    """Return the names of these lists in Faker's locales (given names by default)."""
    found = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in lists:
            names = getattr(provider, attr, None) or ()
            found |= {fold(n) for n in (names.keys() if isinstance(names, dict) else names)}
    return found


def redocred(folder: Path) -> tuple[set[str], Counter]:
    """Return the first names of Re-DocRED's people, and how often each word is written in lower case."""
    first, lower = set(), Counter()
    for part in ("dev_revised.json", "test_revised.json"):
        for doc in json.loads((folder / part).read_text(encoding="utf-8")):
            for sent in doc["sents"]:
                lower.update(w for w in sent[1:] if w.islower())
            for vertex in doc["vertexSet"]:
                first |= {fold(m["name"].split()[0]) for m in vertex if m["type"] == "PER" and len(m["name"].split()) > 1}
    return first, lower


def is_place(name: str) -> bool:
    """Tell whether a name is a country or city the gazetteer knows."""
    title = name.title()
    return bool(gazetteer.country(title) or gazetteer.city(title) or gazetteer.demonym_country(title))


def build(current: Path, folder: Path) -> list[str]:
    """Return the sorted list of given names."""
    first, lower = redocred(folder)
    candidates = {n for n in faker_names() | first if NAME.fullmatch(n) and len(n) > 2}
    surnames = faker_names(SURNAMES)
    kept = {n for n in candidates if lower[n] < COMMON and not is_place(n) and n not in surnames}
    return sorted(own_names(current) | kept)


def main() -> None:
    """Print the rebuilt list."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--redocred", type=Path, required=True, help="the folder of Re-DocRED's JSON files")
    parser.add_argument("--current", type=Path, default=ROOT / "kg" / "data" / "given_names.txt")
    args = parser.parse_args()
    names = build(args.current, args.redocred)
    lines = [" ".join(names[i:i + 16]) for i in range(0, len(names), 16)]
    sys.stdout.write(HEADER + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

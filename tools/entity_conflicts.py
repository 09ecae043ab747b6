"""Count names that get both a Person and an Organization node in one document, and list the most
frequent Person labels, over a range of BBC articles (the rules, or --extractor default|model|DIR).

    .venv/bin/python tools/entity_conflicts.py ../shared/news/bbc_news.jsonl --section business --first 250 --last 449

Articles numbered below 250 are reserved for evaluation: the tool refuses a range that reaches them and
skips their lines without parsing their text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator

from kg.extract.choice import resolve_extractor
from kg.extract.extractor import extract_many
from kg.extract.mentions import match_key
from kg.model import Document, Extraction

RESERVED_BELOW = 250
ID = re.compile(r'"id"\s*:\s*"bbc-([a-z]+)-(\d+)"')


def documents(path: str, section: str, first: int, last: int) -> Iterator[Document]:
    """Yield the articles of one section numbered first..last, reading only the id of any other line."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            found = ID.search(line[:200])
            if not found or found[1] != section or not first <= int(found[2]) <= last:
                continue
            record = json.loads(line)
            yield Document(record["id"], record["text"], record.get("published"), record.get("title"))


def conflicts(extraction: Extraction) -> list[str]:
    """Return the names (labels, aliases, mention texts) that both a Person and an Organization node carry."""
    types: dict[str, set[str]] = {}
    for entity in extraction.entities:
        if entity.type in ("Person", "Organization"):
            for name in {entity.label, *entity.aliases, *(m.text for m in entity.mentions)}:
                types.setdefault(match_key(name), set()).add(entity.type)
    return sorted(name for name, kinds in types.items() if len(kinds) == 2)


def main(argv: list[str] | None = None) -> int:
    """Print per-document conflicts, their count, and the most frequent Person labels."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl")
    parser.add_argument("--section", default="business")
    parser.add_argument("--first", type=int, default=RESERVED_BELOW)
    parser.add_argument("--last", type=int, default=449)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--extractor", default="rules", help="rules (the default here), default, model or a model directory")
    args = parser.parse_args(argv)
    if args.first < RESERVED_BELOW:
        parser.error(f"--first {args.first}: articles numbered below {RESERVED_BELOW} are reserved for evaluation")
    people: Counter[str] = Counter()
    total = docs = 0
    learned = resolve_extractor(args.extractor)
    for extraction in extract_many(documents(args.jsonl, args.section, args.first, args.last), learned=learned):
        docs += 1
        found = conflicts(extraction)
        total += len(found)
        if found:
            print(f"{extraction.document.id}: {', '.join(found)}")
        people.update(e.label for e in extraction.entities if e.type == "Person")
    print(f"{docs} documents, {total} names with both a Person and an Organization node")
    print(f"{args.top} most frequent Person labels (documents):")
    for label, count in people.most_common(args.top):
        print(f"  {count:4d}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

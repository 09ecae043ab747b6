"""BBC articles for the view and tutorial tests: ids numbered 250 or above only (those below are reserved)."""

import json
import re
from itertools import chain, zip_longest
from pathlib import Path

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "news" / "bbc_news.jsonl"
FIRST_ALLOWED = 250
_NUMBER = re.compile(r"-(\d+)$")


def allowed(record):
    """Tell whether a record's id number is 250 or above."""
    match = _NUMBER.search(record["id"])
    return bool(match) and int(match.group(1)) >= FIRST_ALLOWED


def articles(count):
    """Return count allowed records, taken in turn from each category so every kind of news is there."""
    by_category = {}
    with open(NEWS, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if allowed(record):
                by_category.setdefault(record["id"].rsplit("-", 1)[0], []).append(record)
    mixed = [r for r in chain.from_iterable(zip_longest(*by_category.values())) if r is not None]
    if len(mixed) < count:
        raise ValueError(f"only {len(mixed)} allowed articles in {NEWS}")
    return mixed[:count]


def write_jsonl(records, path):
    """Write records as JSON lines."""
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path

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


def _mixed():
    """Return every allowed record, taken in turn from each category so every kind of news comes early."""
    by_category = {}
    with open(NEWS, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if allowed(record):
                by_category.setdefault(record["id"].rsplit("-", 1)[0], []).append(record)
    return [r for r in chain.from_iterable(zip_longest(*by_category.values())) if r is not None]


def articles(count):
    """Return count allowed records, every category in turn."""
    mixed = _mixed()
    if len(mixed) < count:
        raise ValueError(f"only {len(mixed)} allowed articles in {NEWS}")
    return mixed[:count]


def repeated(count):
    """Return count records: the allowed ones, then again under ids ending -r2, -r3, ... (too few for 2,000)."""
    mixed, records = _mixed(), []
    for i in range(count):
        record, round_ = mixed[i % len(mixed)], i // len(mixed) + 1
        records.append(dict(record, id=record["id"] + (f"-r{round_}" if round_ > 1 else "")))
    return records


def write_jsonl(records, path):
    """Write records as JSON lines."""
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path

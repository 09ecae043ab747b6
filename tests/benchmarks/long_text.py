"""Linear time on long texts (issue #15): one long article against many 25 KB articles of the same text.

    python tests/benchmarks/long_text.py --input ../shared/news/bbc_news.jsonl --size 1000000 --piece 25000

Builds SIZE bytes of text from consecutive articles of the input (ids 250 and above), then times
`extract_many` in a fresh process (model loading not counted) on (a) that text as one document and
(b) the same text cut at paragraph breaks into SIZE/PIECE documents, and reports each run's wall time
and peak RSS, and the ratio one/many (the target: at most 1.5, peak RSS under 1 GB).
Not a test: nothing here asserts a time.
"""

import argparse
import json
import resource
import subprocess
import sys
import time

CHILD = """
import json, resource, sys, time
from kg.extract.extractor import extract_many
from kg.extract.nlp import load_model
from kg.model import Document
texts = json.load(sys.stdin)
nlp = load_model()
start = time.perf_counter()
facts = sum(len(x.facts) for x in extract_many([Document(f"doc-{i}", t) for i, t in enumerate(texts)], nlp))
print(json.dumps({"seconds": time.perf_counter() - start, "facts": facts,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_text(path, size):
    """Return about `size` characters of news text, articles joined by blank lines."""
    parts, total = [], 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if int(record["id"].rsplit("-", 1)[-1]) < 250:
                continue
            parts.append(record["text"].strip())
            total += len(parts[-1]) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def cut(text, piece):
    """Cut text at paragraph breaks into pieces of about `piece` characters."""
    pieces, current = [], []
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        if sum(len(p) + 2 for p in current) >= piece:
            pieces.append("\n\n".join(current))
            current = []
    return pieces + (["\n\n".join(current)] if current else [])


def run(texts):
    out = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps(texts), capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default="../shared/news/bbc_news.jsonl")
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--piece", type=int, default=25_000)
    args = parser.parse_args()
    text = build_text(args.input, args.size)
    pieces = cut(text, args.piece)
    one = run([text])
    many = run(pieces)
    result = {"bytes": len(text.encode()), "documents": len(pieces), "one": one, "many": many,
              "ratio": round(one["seconds"] / many["seconds"], 2)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

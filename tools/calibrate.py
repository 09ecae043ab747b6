"""Measure each extraction rule's precision on labelled data and write kg/data/calibration.json.

    python tools/calibrate.py --conll ../shared/eval/conll04/train.json \\
        --wikievents ../shared/eval/wikievents/dev.jsonl [--out kg/data/calibration.json]

A fact counts as right when the gold data holds a relation (CoNLL04: the five relation types) or
an attack/killing event (WikiEvents: attacker/killer -> target/victim) whose arguments overlap the
fact's mentions. Facts of other properties are not counted. The file holds only counts per
property and rule
(no text of the corpora); kg.extract.confidence turns them into a smoothed precision.
"""

import argparse
import json
from collections import defaultdict
from pathlib import Path

from kg.extract.extractor import extract_many
from kg.model import Document

CONLL = {"Work_For": {"worksFor", "heads"}, "Kill": {"killed"}, "OrgBased_In": {"basedIn", "hasBureauIn"},
         "Live_In": {"livesIn", "citizenOf"}, "Located_In": {"locatedIn"}}
# The classes CoNLL04 allows each relation: a fact outside them (a president leading a country:
# CoNLL has no Work_For to a place) cannot be right there, so it is not judged.
SIGNATURES = {"Work_For": ("Person", "Organization"), "Kill": ("Person", "Person"),
              "OrgBased_In": ("Organization", "Place"), "Live_In": ("Person", "Place"),
              "Located_In": ("Place", "Place")}
COARSE = {"Country": "Place", "City": "Place", "Region": "Place"}
WIKIEVENTS = {"attacked", "killed"}


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def judge(extraction, gold_pairs, predicates, counts, signatures=None):
    """Count, per property and rule, the facts of the given predicates and how many match a gold pair."""
    types = {e.key: COARSE.get(e.type, e.type) for e in extraction.entities}
    for f in extraction.facts:
        kinds = [k for k, props in predicates.items() if f.predicate in props
                 and (signatures is None or signatures[k] == (types[f.subject], types[f.object]))]
        if not kinds:
            continue
        s, o = (f.subject_mention.start, f.subject_mention.end), (f.object_mention.start, f.object_mention.end)
        right = any(k in kinds and overlaps(s, gs) and overlaps(o, go) for k, gs, go in gold_pairs)
        counts[f"{f.predicate} {f.rule}"][0] += right
        counts[f"{f.predicate} {f.rule}"][1] += 1


def conll(path, counts):
    gold = json.loads(Path(path).read_text())
    for g, x in zip(gold, extract_many(Document(g["id"], g["text"]) for g in gold)):
        ents = g["entities"]
        pairs = [(r["type"], (ents[r["head"]]["char_start"], ents[r["head"]]["char_end"]),
                  (ents[r["tail"]]["char_start"], ents[r["tail"]]["char_end"])) for r in g["relations"]]
        judge(x, pairs, CONLL, counts, SIGNATURES)


def wikievents(path, counts):
    docs = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    texts, offsets = [], []
    for d in docs:
        text, offs = "", []
        for t in d["tokens"]:
            text += " " if text else ""
            offs.append((len(text), len(text) + len(t)))
            text += t
        texts.append(text)
        offsets.append(offs)
    for d, offs, x in zip(docs, offsets, extract_many(Document(d["id"], t) for d, t in zip(docs, texts))):
        span = {e["id"]: (offs[e["start"]][0], offs[e["end"] - 1][1]) for e in d["entities"]}
        pairs = []
        for ev in d["events"]:
            if ev["type"].startswith(("Conflict.Attack", "Life.Die")):
                roles = defaultdict(list)
                for a in ev["arguments"]:
                    roles[a["role"]].append(span[a["entity_id"]])
                pairs += [("attack", a, p) for a in roles["Attacker"] + roles["Killer"]
                          for p in roles["Target"] + roles["Victim"]]
        judge(x, pairs, {"attack": WIKIEVENTS}, counts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conll")
    parser.add_argument("--wikievents")
    parser.add_argument("--out", default=str(Path(__file__).parent.parent / "kg" / "data" / "calibration.json"))
    args = parser.parse_args()
    counts = defaultdict(lambda: [0, 0])
    if args.conll:
        conll(args.conll, counts)
    if args.wikievents:
        wikievents(args.wikievents, counts)
    table = {rule: {"right": r, "seen": n} for rule, (r, n) in sorted(counts.items())}
    Path(args.out).write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")
    for rule, c in table.items():
        print(f"{rule:42} {c['right']:4}/{c['seen']:<4} {c['right'] / c['seen']:.2f}")


if __name__ == "__main__":
    main()

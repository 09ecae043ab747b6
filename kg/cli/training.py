"""`kg train`: read annotated JSON lines, train the learned extractor, say where it went and how it scores."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from kg.cli.validation import positive
from kg.errors import InputError, UsageError

EPOCHS = 10  # kg.learn's measured CoNLL04 choice (Settings.epochs), not imported: that would load torch
MENTIONS = ("model", "given")  # the model finds its own entity mentions, or reads kg's


def train(args: Any) -> None:
    """Train a model on the given files and write it to args.output."""
    try:
        from kg.learn import TrainingDataError, read_records
        from kg.learn import train as run_training
        from kg.learn.hierarchy import with_super_properties
    except ImportError as exc:  # torch and transformers come with the learn extra
        raise UsageError(f"kg train needs the learn extra ({exc.name} is missing): "
                         "pip install -e '.[learn]'") from exc
    try:
        records = with_super_properties([r for path in args.paths for r in read_records(_readable(path))])
        dev = with_super_properties(read_records(_readable(args.dev))) if args.dev else None
    except TrainingDataError as exc:
        raise InputError(str(exc)) from exc
    report = run_training(records, args.output, dev, epochs=args.epochs, seed=args.seed,
                          gold_mentions=args.mentions == "given")
    set_mentions(Path(args.output), args.mentions)
    scores = report.scores.get("int8", {})
    print(f"trained on {len(records)} records in {report.seconds:.0f} s (best epoch {report.best_epoch}); "
          f"{'dev' if dev else 'held-out'} relation F1 {scores.get('relation', {}).get('f1', 0):.3f}; "
          f"wrote {args.output}", file=sys.stderr)


def _readable(path: str) -> Path:
    """Return a training file's path, or raise naming it when it cannot be read."""
    found = Path(path)
    if not found.is_file():
        raise InputError(f"{path}: no such training file")
    return found


def set_mentions(out: Path, mentions: str) -> None:
    """Record in the model's config whose entity mentions it reads at extraction time."""
    config_path = out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["mentions"] = mentions
    config_path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def add_arguments(p: Any) -> None:
    """Add kg train's arguments to its sub-parser."""
    p.add_argument("paths", nargs="+", metavar="FILE", help="JSON lines in kg extract's format: text, "
                   "entities with mentions, facts with evidence mentions (see tools/corpora.py)")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="the model directory to write")
    p.add_argument("--dev", metavar="FILE", help="records to pick the epoch and calibrate on "
                   "(default: a held-out tenth of the training records)")
    # the defaults are given here and passed on, so --help states what runs
    p.add_argument("--epochs", type=positive, default=EPOCHS, metavar="N",
                   help="passes over the data (default: %(default)s)")
    p.add_argument("--seed", type=int, default=13, help="random seed: the same seed gives the same model")
    p.add_argument("--mentions", choices=MENTIONS, default="model",
                   help="model (default): the model finds and types entity mentions itself; given: it "
                        "judges the relations between the mentions kg's rules find")

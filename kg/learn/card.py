"""Write MODEL_CARD.md from a saved model's config."""

from __future__ import annotations

from pathlib import Path

from kg.learn.predict import ModelConfig


def _score_rows(scores: dict) -> list[str]:
    """Format strict P/R/F1 rows per encoder precision."""
    rows = ["| encoder | entity P | entity R | entity F1 | relation P | relation R | relation F1 |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, s in scores.items():
        e, r = s["entity"], s["relation"]
        rows.append(f"| {name} | {e['precision']:.3f} | {e['recall']:.3f} | {e['f1']:.3f} | "
                    f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |")
    return rows


def _reliability_rows(table) -> list[str]:
    """Format the relation reliability table."""
    rows = ["| predicted probability | pairs | mean predicted | observed precision |", "| --- | --- | --- | --- |"]
    for lo, hi, count, mean, precision in table:
        observed = f"{precision:.3f}" if count else "-"
        rows.append(f"| {lo:.1f}-{hi:.1f} | {count} | {mean:.3f} | {observed} |")
    return rows


def write_card(path: Path, config: ModelConfig) -> None:
    """Write the model card: data, sizes, scores, calibration and licences."""
    meta = config.metadata
    data = meta.get("data", {})
    lines = [
        "# kg learned relation extractor", "",
        f"Joint BIO entity tagger and pair relation classifier on {meta.get('encoder_name')} "
        "(6 layers, 384 wide, uncased; word shapes enter through a learned embedding), "
        "encoder exported to ONNX with dynamic int8 weights; heads in heads.npz (numpy).", "",
        "## Data", "",
        *[f"- {k.replace('_', ' ')}: {v}" for k, v in data.items()],
        f"- entity types: {', '.join(config.entity_types)}",
        f"- predicates: {', '.join(config.predicates)}", "",
        "## Training", "",
        f"- seed {meta.get('training_seed')}, {meta.get('epochs')} epochs, best epoch {meta.get('best_epoch')}",
        f"- {meta.get('train_seconds')} s on CPU, {meta.get('pieces_per_second')} word pieces/s", "",
        "## Scores (strict: exact offsets and types, plus the predicate)", "",
        f"On the {data.get('calibration_set', 'calibration set')}, which also chose the epoch and the "
        "threshold, so these are optimistic.", "",
        *_score_rows(meta.get("scores", {})), "",
        "## Calibration", "",
        f"Temperatures: entity {config.entity_temperature:.3f}, relation {config.relation_temperature:.3f} "
        f"(then bias {config.relation_bias:+.3f}); "
        f"relation threshold {config.threshold:.3f} (F1-best), fitted on "
        f"{meta.get('calibration_mentions')} mentions. Every candidate pair and predicate:", "",
        *_reliability_rows(meta.get("reliability", ())), "",
        "## Licences", "",
        "- Encoder all-MiniLM-L6-v2: Apache-2.0.",
        "- The fine-tuned weights carry the terms of the corpus they were trained on: "
        "a model trained on a research corpus (e.g. CoNLL04) is for measurement only and must not ship.", "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")

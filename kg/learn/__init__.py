"""Learned relation extraction: train a joint entity/relation model, export it, predict with numpy.

    records = read_records("train.jsonl")            # kg's JSON lines; TrainingDataError names bad lines
    report = train(records, "model/", dev_records=read_records("dev.jsonl"))
    model = load("model/")                           # ONNX int8 encoder + numpy heads, one thread
    [p] = model.predict(["Ines Varga works for Halden Motors."])            # own entity head
    [p] = model.predict([text], mentions=[[(0, 10, "Person"), (21, 34, "Organization")]])  # given ones
    score(model, records)                            # strict entity / relation P, R, F1

Inference (load, predict, score) needs numpy, onnxruntime and tokenizers only; train imports torch lazily.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence, TextIO

from kg.learn.errors import TrainingDataError
from kg.learn.model import LearnedModel, load
from kg.learn.predict import ChunkPrediction, ModelConfig, PredMention, PredRelation
from kg.learn.records import Fact, Mention, Record, load_predicates, read_records
from kg.learn.scoring import score

__all__ = [
    "ChunkPrediction", "Fact", "LearnedModel", "Mention", "ModelConfig", "PredMention", "PredRelation",
    "Record", "TrainingDataError", "load", "load_predicates", "read_records", "score", "train",
]


def train(train_records: Sequence[Record], out_dir: Path | str, dev_records: Sequence[Record] | None = None,
          epochs: int = 10, seed: int = 13, progress: TextIO | str | None = "stderr", **options):
    """Train, calibrate and export a model to out_dir; return a TrainReport (imports torch).

    progress: a stream, "stderr" (the default) or None for silence. options: gold_mentions,
    keep_fp32 and the fields of kg.learn.training.Settings (batch_size, encoder_lr, head_lr, ...).
    """
    from kg.learn.training import train as run  # lazy: inference must not need torch

    return run(train_records, out_dir, dev_records, epochs=epochs, seed=seed, progress=progress, **options)

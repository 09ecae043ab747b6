"""Load a saved model directory and predict with onnxruntime and numpy (no torch)."""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path
from typing import Sequence

import numpy as np
import onnxruntime as ort

from kg.learn.heads import Heads
from kg.learn.predict import GivenMention, ModelConfig, Predictor
from kg.learn.text import PieceTokenizer

ENCODER_FILES = {"int8": "encoder.onnx", "fp32": "encoder.fp32.onnx"}


def one_blas_thread():
    """Return a context pinning numpy's BLAS to one thread (threadpoolctl, when installed).

    The head matrices are small: a threaded BLAS spins more than it computes, and on a busy
    machine that measured 10-40x slower than one thread.
    """
    controller = _threadpools()
    return contextlib.nullcontext() if controller is None else controller.limit(limits=1, user_api="blas")


@functools.lru_cache(maxsize=1)
def _threadpools():
    """Return threadpoolctl's view of the loaded thread pools, or None: made once, as finding the
    libraries reads the process's memory map (a fifth of a second every 200 calls, measured)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


def onnx_encoder(path: Path | str, threads: int = 1):
    """Open an ONNX encoder on a fixed number of threads; return ids/mask/shapes -> hidden states."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def encode(ids: np.ndarray, mask: np.ndarray, shapes: np.ndarray) -> np.ndarray:
        """Run the encoder on one padded batch."""
        return session.run(["hidden"], {"input_ids": ids, "attention_mask": mask, "shape_ids": shapes})[0]

    return encode


class LearnedModel(Predictor):
    """A saved model: ONNX encoder, numpy heads, tokenizer and config."""

    def __init__(self, path: Path | str, precision: str = "int8", threads: int = 1) -> None:
        """Load the model directory; precision picks encoder.onnx (int8) or encoder.fp32.onnx."""
        self.path = Path(path)
        if precision not in ENCODER_FILES:
            raise ValueError(f"precision {precision!r}; valid: {', '.join(ENCODER_FILES)}")
        encoder = self.path / ENCODER_FILES[precision]
        if not encoder.exists():
            raise FileNotFoundError(f"{encoder} is missing (train with keep_fp32=True for the fp32 encoder)")
        # One chunk per encoder call: dynamic int8 quantisation scales each call's activations by the
        # whole batch, so a sentence's scores moved with its batch mates (a player typed a place once a
        # sentence elsewhere in the article lost a mention). Alone, a sentence scores the same wherever it
        # is, with no padding to encode: 200 BBC articles took 28.2-28.5 s against 29.7-30.3 s in 32s.
        super().__init__(
            onnx_encoder(encoder, threads),
            Heads.load(self.path / "heads.npz"),
            PieceTokenizer(self.path / "tokenizer.json"),
            ModelConfig.load(self.path / "config.json"),
            batch_size=1,
        )
        self.precision = precision

    def run(self, chunks: Sequence[str], mentions: Sequence[Sequence[GivenMention]] | None):
        """Run Predictor.run with numpy on one BLAS thread, like the encoder session."""
        with one_blas_thread():
            return super().run(chunks, mentions)

    def type_scores(self, chunks: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                    more: bool = False) -> list[list[np.ndarray]]:
        """Run Predictor.type_scores with numpy on one BLAS thread."""
        with one_blas_thread():
            return super().type_scores(chunks, spans, more)


def load(path: Path | str, precision: str = "int8", threads: int = 1) -> LearnedModel:
    """Load a saved model directory for prediction."""
    return LearnedModel(path, precision, threads)

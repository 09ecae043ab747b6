"""The torch side of the model (training only): encoder with shape embeddings, BIO head, pair MLP."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import torch
from torch import nn

from kg.learn.heads import N_BUCKETS
from kg.learn.text import N_SHAPES

POOL_SLICE = 512  # pairs pooled at once: bounds the (pairs, pieces, width) temporary


class ShapeEncoder(nn.Module):
    """A BERT encoder whose input embeddings also get a word-shape embedding (the vocabulary is uncased)."""

    def __init__(self, path: Path | str) -> None:
        """Load the pretrained encoder offline; the shape table starts at zero so training starts from BERT."""
        super().__init__()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from transformers import BertModel  # lazy: heavy import, training only
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # the unused pooler weights are expected, not news
        # Eager attention exports to ONNX opset 17 without surprises.
        self.bert = BertModel.from_pretrained(str(path), add_pooling_layer=False, attn_implementation="eager")
        self.shape = nn.Embedding(N_SHAPES, self.bert.config.hidden_size)
        nn.init.zeros_(self.shape.weight)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, shapes: torch.Tensor) -> torch.Tensor:
        """Return the last hidden states (B, L, D)."""
        embeds = self.bert.embeddings.word_embeddings(ids) + self.shape(shapes)
        return self.bert(inputs_embeds=embeds, attention_mask=mask).last_hidden_state


class JointModel(nn.Module):
    """Encoder plus a linear BIO tagger and an MLP over [head; tail; between; types; bucket] pools."""

    def __init__(self, path: Path | str, n_labels: int, n_types: int, n_predicates: int,
                 type_dim: int = 32, bucket_dim: int = 32, hidden: int = 384, dropout: float = 0.1) -> None:
        """Build the heads on top of the pretrained encoder."""
        super().__init__()
        self.encoder = ShapeEncoder(path)
        width = self.encoder.bert.config.hidden_size
        self.entity = nn.Linear(width, n_labels)
        self.type_emb = nn.Embedding(n_types, type_dim)
        self.bucket_emb = nn.Embedding(N_BUCKETS, bucket_dim)
        self.rel1 = nn.Linear(3 * width + 2 * type_dim + bucket_dim, hidden)
        self.rel2 = nn.Linear(hidden, n_predicates)
        self.drop = nn.Dropout(dropout)

    def entity_logits(self, states: torch.Tensor) -> torch.Tensor:
        """Score every piece against every BIO label."""
        return self.entity(self.drop(states))

    def relation_logits(self, states: torch.Tensor, rows: torch.Tensor, layout: torch.Tensor,
                        head_types: torch.Tensor, tail_types: torch.Tensor) -> torch.Tensor:
        """Score pairs: rows picks each pair's chunk in the batch; layout is heads.pair_layout's."""
        pools = [self._pool(states, rows, layout[:, lo], layout[:, lo + 1]) for lo in (0, 2, 4)]
        features = torch.cat(pools + [self.type_emb(head_types), self.type_emb(tail_types),
                                      self.bucket_emb(layout[:, 6])], dim=-1)
        return self.rel2(self.drop(torch.relu(self.rel1(self.drop(features)))))

    @staticmethod
    def _pool(states: torch.Tensor, rows: torch.Tensor, lo: torch.Tensor, hi: torch.Tensor) -> torch.Tensor:
        """Max-pool states[row, lo:hi] per pair, zeros where the span is empty."""
        positions = torch.arange(states.shape[1], device=states.device)
        out = []
        for begin in range(0, len(rows), POOL_SLICE):
            part = slice(begin, begin + POOL_SLICE)
            inside = (positions[None, :] >= lo[part, None]) & (positions[None, :] < hi[part, None])
            picked = states[rows[part]].masked_fill(~inside[..., None], float("-inf")).amax(dim=1)
            out.append(torch.where(inside.any(dim=1, keepdim=True), picked, torch.zeros_like(picked)))
        return torch.cat(out) if out else states.new_zeros((0, states.shape[-1]))

    def head_arrays(self) -> dict[str, np.ndarray]:
        """Copy the head weights into the numpy layout of heads.Heads (x @ W + b)."""
        def get(t: torch.Tensor) -> np.ndarray:
            """Detach a tensor to float32 numpy."""
            return t.detach().cpu().numpy().astype(np.float32).copy()

        return {
            "entity_w": get(self.entity.weight.T), "entity_b": get(self.entity.bias),
            "type_emb": get(self.type_emb.weight), "bucket_emb": get(self.bucket_emb.weight),
            "rel_w1": get(self.rel1.weight.T), "rel_b1": get(self.rel1.bias),
            "rel_w2": get(self.rel2.weight.T), "rel_b2": get(self.rel2.bias),
        }

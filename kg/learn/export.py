"""Export the fine-tuned encoder to ONNX and quantise its weights to int8 (training only)."""

from __future__ import annotations

from pathlib import Path

import torch


def export_encoder(encoder: torch.nn.Module, out_dir: Path) -> tuple[Path, Path]:
    """Write encoder.fp32.onnx and its dynamically quantised copy encoder.onnx; return both paths."""
    from onnxruntime.quantization import QuantType, quantize_dynamic  # lazy: training only

    fp32, int8 = out_dir / "encoder.fp32.onnx", out_dir / "encoder.onnx"
    encoder.eval()
    example = (torch.ones((2, 8), dtype=torch.long), torch.ones((2, 8), dtype=torch.long),
               torch.ones((2, 8), dtype=torch.long))
    dynamic = {name: {0: "batch", 1: "sequence"} for name in ("input_ids", "attention_mask", "shape_ids", "hidden")}
    with torch.no_grad():
        torch.onnx.export(
            encoder, example, str(fp32), input_names=["input_ids", "attention_mask", "shape_ids"],
            output_names=["hidden"], dynamic_axes=dynamic, opset_version=17, dynamo=False,
        )
    # Per-channel scales: on CoNLL04 dev per-tensor int8 lost 2.5 points of relation F1, per-channel
    # 0.8-2.8. uint8 weights lost less (0.7, 0.4) but ran 35% slower (no u8s8 fast path): int8 it is.
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    return fp32, int8

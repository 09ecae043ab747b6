"""Which extractor runs: the rules alone, the shipped model beside them, or a model directory."""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import UsageError

RULES = "rules"
MODEL = "model"
DEFAULT = "default"
SHIPPED = Path(__file__).resolve().parents[1] / "data" / "model"
# What "default" means. The shipped model beside the rules, asserting its facts at calibrated
# confidence 0.9 or more (its config's publish_threshold), raises recall on the news dev gold
# (tests/gold/news-dev.json) at the rules' precision, and keeps the seed's precision above 0.9
# (README, "Measured quality"), so it is the default.
DEFAULT_IS = MODEL


def resolve_extractor(value: str | None = None) -> str | None:
    """Return the model directory the extractor named by value reads (None: the rules alone).

    value: "rules", "model" (the shipped model beside the rules), "default" (whichever of the two
    DEFAULT_IS names), or a directory made by `kg train`; unset, $KG_EXTRACTOR, else "default".
    """
    value = value or os.environ.get("KG_EXTRACTOR") or DEFAULT
    if value == DEFAULT:
        value = DEFAULT_IS
    if value == RULES:
        return None
    if value == MODEL:
        if not (SHIPPED / "config.json").is_file():
            raise UsageError(f"--extractor model: no shipped model in {SHIPPED}; rebuild it with tools/build_model.py")
        return str(SHIPPED)
    path = Path(value)
    if not (path / "config.json").is_file():
        raise UsageError(f"--extractor {value!r} is neither a model directory (with config.json, made by "
                         f"kg train) nor one of: {RULES}, {MODEL}, {DEFAULT}")
    return str(path.resolve())

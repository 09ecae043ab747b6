"""Which extractor runs: the rules alone, the shipped model beside them, or a model directory."""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import UsageError

RULES = "rules"
DEFAULT = "default"
SHIPPED = Path(__file__).resolve().parents[1] / "data" / "model"
# The default is the shipped model, measured better than the rules on the news dev gold
# (tests/gold/news-dev.json; README, "Measured quality"); set to RULES if a rebuilt model is not.
DEFAULT_IS = "shipped"


def resolve_extractor(value: str | None = None) -> str | None:
    """Return the model directory the extractor named by value reads (None: the rules alone).

    value: "rules", "default" (the shipped model), or a directory made by `kg train`; unset,
    $KG_EXTRACTOR, else "default".
    """
    value = value or os.environ.get("KG_EXTRACTOR") or DEFAULT
    if value == RULES:
        return None
    if value == DEFAULT:
        if DEFAULT_IS == RULES or not (SHIPPED / "config.json").exists():
            return None
        return str(SHIPPED)
    path = Path(value)
    if not (path / "config.json").is_file():
        raise UsageError(f"--extractor {value!r} is neither a model directory (with config.json, made by "
                         f"kg train) nor one of: {RULES}, {DEFAULT}")
    return str(path.resolve())

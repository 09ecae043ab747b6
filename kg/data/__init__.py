"""Data files kg reads at run time: the calibration counts and the given names (package data)."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def data_file(name: str) -> Path:
    """Return the path of a data file shipped in kg/data/."""
    return DATA_DIR / name

"""kg validate on the seed article's graph, as kg ingest writes it."""

import shutil
from pathlib import Path

import pytest

from kg.cli.main import main

pytestmark = pytest.mark.model

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b78362be98e5ff12.txt"


def test_validate_seed_store_conforms(tmp_path, capsys):
    shutil.copy(SEED, tmp_path / "seed.txt")
    store = str(tmp_path / "store")
    assert main(["--store", store, "ingest", str(tmp_path / "seed.txt")]) == 0
    capsys.readouterr()
    code = main(["--store", store, "validate"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.strip() == "1 graph checked, conforms"

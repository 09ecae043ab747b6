"""kg's commands that do not extract start without importing spaCy (#17)."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [
    ["stats"],
    ["export", "--format", "nq"],
    ["query", "documents"],
    ["push", "--endpoint", "http://127.0.0.1:9/query"],
])
def test_cli_startup_without_spacy(args, tmp_path):
    # kg merge/split made every command import spaCy when it started: 6-11 s of each kg push on a busy machine
    code = ("import sys\nfrom kg.cli.main import main\n"
            f"try:\n    main(['--store', {str(tmp_path / 'none')!r}, *{args!r}])\nexcept SystemExit:\n    pass\n"
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert out.stdout.strip().splitlines()[-1:] == ["False"], out.stdout + out.stderr

"""docs/tutorial.md runs: each `$ command` of its console blocks, in order, in a fresh directory holding
news/ (20 BBC articles), must exit 0 and print the lines shown, in order (numbers may differ, since
the extractor improves; "..." stands for lines left out)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import news_sample  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
ARTICLES = 20

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not news_sample.NEWS.exists(), reason=f"no news sample at {news_sample.NEWS}")]


def steps(markdown):
    """Return [(command, [expected lines])] from the console blocks, in order."""
    found = []
    for block in BLOCK.findall(markdown):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found:
                found[-1][1].append(line)
    return found


def pattern(line):
    """Return the regex an expected line stands for: numbers any number, rules any length, spaces any run."""
    parts = []
    for token in line.split():
        if re.fullmatch(r"-{2,}", token):
            parts.append("-+")
            continue
        pieces = _NUMBER.split(token)
        numbers = ["\\d+(?:\\.\\d+)?"] * (len(pieces) - 1)
        parts.append("".join(re.escape(p) + (numbers[i] if i < len(numbers) else "") for i, p in enumerate(pieces)))
    return re.compile(r"\s+".join(parts))


def assert_shown(command, expected, output):
    actual = [line.strip() for line in output.splitlines()]
    at = 0
    for line in expected:
        if line.strip() in ("", "..."):
            continue
        wanted = pattern(line.strip())
        while at < len(actual) and not wanted.fullmatch(actual[at]):
            at += 1
        assert at < len(actual), f"$ {command}\nexpected a line like: {line}\ngot:\n{output}"
        at += 1


def test_tutorial_parses():
    found = steps(TUTORIAL.read_text(encoding="utf-8"))
    assert 10 <= len(found) <= 15 and all(out for _, out in found)
    assert [c for c, _ in found if c.startswith("kg ingest")] == ["kg ingest news/"]


def test_tutorial_runs_as_written(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    for record in news_sample.articles(ARTICLES):
        (news / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_QUERIES", "KG_EXTRACTOR")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    for command, expected in steps(TUTORIAL.read_text(encoding="utf-8")):
        done = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, f"$ {command}\n{done.stdout}{done.stderr}"
        assert_shown(command, expected, done.stdout + done.stderr)
    assert (tmp_path / "graph.html").stat().st_size > 100_000

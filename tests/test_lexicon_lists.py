"""The word lists are data in one place (kg/extract/lexicon/): each defined once, no word twice in a list."""

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

from kg.extract import lexicon

LEXICON = Path(lexicon.__file__).resolve().parent
KG = LEXICON.parents[1]
LISTS = sorted(LEXICON.glob("*.txt")) + sorted(LEXICON.glob("*.tsv"))


def entries(path):
    """Return a list file's entries (a .tsv's keys), in order."""
    found = lexicon.lines(path.stem, path.suffix)
    return [line.split("\t", 1)[0] for line in found] if path.suffix == ".tsv" else list(found)


def repeats(words):
    """Return the words listed more than once."""
    return sorted(w for w, n in Counter(words).items() if n > 1)


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
def test_lexicon_no_word_twice_in_one_list(path):
    assert entries(path), f"{path.name} is empty"
    assert repeats(entries(path)) == []


def test_lexicon_repeat_finder_finds_a_repeat(tmp_path):
    assert repeats(["floor", "door", "floor"]) == ["floor"]


@pytest.mark.parametrize("path", [p for p in LISTS if p.suffix == ".tsv"], ids=lambda p: p.name)
def test_lexicon_mappings_have_two_columns(path):
    for line in lexicon.lines(path.stem, ".tsv"):
        key, sep, value = line.partition("\t")
        assert sep and key and value and "\t" not in value, line


def test_lexicon_every_list_file_is_loaded_once():
    source = (LEXICON / "__init__.py").read_text(encoding="utf-8")
    loaded = re.findall(r'^\w+ = (?:words|ordered|pairs)\("(\w+)"\)', source, re.M)
    assert repeats(loaded) == []
    assert sorted(loaded) == sorted(p.stem for p in LISTS)


# lists of the parser's and spaCy's own names, not English words: code, not lexicon
NOT_WORDS = {"CLAUSE_LINKS": "dependency labels", "NOT_POST_DEPS": "dependency labels",
             "NEEDED": "spaCy pipeline components"}


def test_lexicon_no_word_list_defined_in_code_elsewhere():
    """Outside kg/extract/lexicon, no module of the extractor spells out a list of eight words or more."""
    found = []
    for path in sorted((KG / "extract").rglob("*.py")):
        if LEXICON in path.parents:
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            value = getattr(node, "value", None)
            if isinstance(value, (ast.Set, ast.List, ast.Tuple)):
                words = [e for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                name = getattr(node.targets[0], "id", "") if isinstance(node, ast.Assign) else ""
                if len(words) >= 8 and name not in NOT_WORDS:
                    found.append(f"{path.relative_to(KG)}:{node.lineno}")
    assert found == []

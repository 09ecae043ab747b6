"""Convert research corpora to kg's JSON-lines training records on stdout.

    python tools/corpora.py conll04 ../shared/eval/conll04/train.json > conll04-train.jsonl
    python tools/corpora.py redocred ../shared/data/redocred/dev_revised.json > redocred-dev.jsonl
    python tools/corpora.py wikievents ../shared/eval/wikievents/dev.jsonl > wikievents-dev.jsonl
    python tools/corpora.py own tools/training/            (or: own a.txt b.txt)

Each line is one record, the shape `kg extract --format jsonl` writes without graph, confidence and
rule: {"id", "text", "entities": [{"iri", "label", "type", "mentions": [{"start", "end", "text"}]}],
"facts": [{"subject", "predicate", "object", "evidence": {"subject_mention", "object_mention"}}]}.
Offsets index "text"; mentions of one label and type are one entity. A summary goes to stderr:
records, facts per kg property, and what was dropped and why. The corpora stay where they are.
"""

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Callable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the corpora_* helpers beside this file

from corpora_readers import read_conll04, read_wikievents  # noqa: E402
from corpora_records import CorpusError, Summary, check_record  # noqa: E402
from corpora_redocred import read_redocred  # noqa: E402

MARKUP = Path(__file__).resolve().parent / "training" / "markup.py"

NAMES = """\
names:
  conll04 FILE     CoNLL04 {train,dev}.json: one record per sentence, id and text as given.
                   Peop/Org/Loc -> Person/Organization/Place; Other entities and the relations
                   touching them are dropped (kg has no class for them). Work_For -> worksFor,
                   Kill -> killed, OrgBased_In -> basedIn, Live_In -> livesIn, Located_In -> locatedIn.
  redocred FILE    Re-DocRED {dev,test}_revised.json: one record per sentence holding a PER/ORG/LOC
                   mention (TIME, NUM, MISC dropped); tokens detokenised to English spacing; id
                   redocred-<split>-<doc>-<sentence>. A labelled pair is a fact in a sentence holding
                   both entities that its evidence lists (or any, when the evidence is empty), with
                   their first mentions there as evidence. Kept properties: P108 worksFor; P6, P35
                   (leader leaderOf state, heads an organisation); P488 heads; P463, P102, P54
                   memberOf; P159 basedIn; P131, P17 locatedIn (place) or basedIn (organisation);
                   P551, P19 livesIn; P27 citizenOf; P112 founded; P127, P749, P355 ownerOf;
                   P1376, P36 locatedIn -- each only for plausible subject/object types.
                   DROPPED: every other property, pairs in no common (evidence) sentence, pairs of
                   implausible types (e.g. a country of a person).
  wikievents FILE  WikiEvents dev.jsonl (measuring only): one record per document, text = tokens
                   joined by single spaces; PER, ORG, GPE/LOC -> Person, Organization, Place (all
                   mention kinds, names, nominals and pronouns); Conflict.Attack* Attacker attacked
                   Target, Life.Die* Killer killed Victim, when both are kept types.
  own DIR|FILES    our markup sentences (a directory: its *.txt in sorted order), read by
                   tools/training/markup.py read_markup().

licences (see each corpus's SOURCE.md): CoNLL04 and WikiEvents are research-only, to measure and
develop with; never ship them or anything trained on them. Re-DocRED is MIT with Wikipedia text
(CC BY-SA): weights trained on it may ship, with attribution.
"""


def read_own(paths: list[Path], summary: Summary) -> Iterator[dict]:
    """Yield the records of our markup files through tools/training/markup.py's read_markup."""
    read_markup = _markup_reader()
    files = []
    for path in paths:
        files += sorted(path.glob("*.txt")) if path.is_dir() else [path]
    for path in files:
        try:
            yield from read_markup(path)
        except (ValueError, OSError) as err:  # markup.MarkupError is a ValueError naming file and line
            raise CorpusError(str(err) if str(path) in str(err) else f"{path}: {err}") from None


def _markup_reader() -> Callable[[Path], Iterator[dict]]:
    """Import read_markup from tools/training/markup.py, loaded by path: tools is no package."""
    if not MARKUP.exists():
        raise CorpusError(f"{MARKUP}: not found; `own` needs the markup reader there")
    spec = importlib.util.spec_from_file_location("kg_training_markup", MARKUP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "read_markup"):
        raise CorpusError(f"{MARKUP}: defines no read_markup(path)")
    return module.read_markup


READERS = {"conll04": read_conll04, "redocred": read_redocred, "wikievents": read_wikievents}


def convert(name: str, paths: list[Path], summary: Summary) -> Iterator[dict]:
    """Yield the checked records of a corpus, counting them in the summary."""
    if name == "own":
        source, records = ", ".join(map(str, paths)), read_own(paths, summary)
    elif len(paths) != 1:
        raise CorpusError(f"{name}: expected one file, got {len(paths)}: {', '.join(map(str, paths))}")
    else:
        source, records = str(paths[0]), READERS[name](paths[0], summary)
    for record in records:
        yield summary.add_record(check_record(record, source))


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__, epilog=NAMES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", choices=("conll04", "redocred", "wikievents", "own"), help="the corpus")
    parser.add_argument("inputs", nargs="+", type=Path, metavar="IN", help="its file (own: directory or files)")
    args = parser.parse_args(argv)
    summary = Summary(f"{args.name} {' '.join(map(str, args.inputs))}")
    try:
        for record in convert(args.name, args.inputs, summary):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    summary.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""kg merge / kg split, and --aliases: the user's entity decisions, kept in the aliases file that every
later extract and ingest reads (kg.extract.curation)."""

import os
import sys
from pathlib import Path

from kg.model import ENTITY_CLASSES

STORE_FILE = "aliases.tsv"  # in the store directory: what kg merge/split write and kg ingest reads by default


def _curation():
    """Return kg.extract.curation, imported when first used: it imports spaCy, which every other command
    (push, query, export, ...) would otherwise wait for at start-up (6-11 s on a busy machine, measured)."""
    from kg.extract import curation
    return curation


def add_arguments(subs):
    """Add the arguments of kg merge and kg split."""
    m = subs["merge"]
    m.add_argument("name", metavar="A", help="the name to merge (as the text writes it)")
    m.add_argument("entity", metavar="B", help="the entity it is (its name)")
    m.add_argument("--type", default="", choices=ENTITY_CLASSES, help="the class of the entity, whatever the text says")
    s = subs["split"]
    s.add_argument("name", metavar="A", help="the name to keep apart: its own entity, merged into no other")
    s.add_argument("--type", default="", choices=ENTITY_CLASSES, help="the class of the name, whatever the text says")


def aliases_file(args):
    """Return the aliases file a command uses: --aliases, else $KG_ALIASES, else aliases.tsv in the store
    directory (for the commands that have a store), else None."""
    given = getattr(args, "aliases", None) or os.environ.get(_curation().ENV)
    if given:
        return given
    store = getattr(args, "store", None)
    return str(Path(store) / STORE_FILE) if store else None


def use(args):
    """Make the aliases file the one extraction reads, in this process and the workers it starts."""
    if args.command not in ("extract", "ingest"):
        return
    path = aliases_file(args)
    if path and (getattr(args, "aliases", None) or Path(path).exists()):
        _curation().load(path)  # a broken file is named now, not in the middle of a run
        os.environ[_curation().ENV] = os.path.abspath(path)


def merge(args):
    """Record that name A is entity B."""
    path = aliases_file(args)
    name, entity = _curation().merge(path, args.name, args.entity, args.type)
    print(f"{name!r} is {entity!r} from the next extract or ingest (recorded in {path}; re-ingest the "
          f"documents already in the store to apply it there)", file=sys.stderr)


def split(args):
    """Record that name A stands alone."""
    path = aliases_file(args)
    name = _curation().split(path, args.name, args.type)
    print(f"{name!r} stands alone from the next extract or ingest (recorded in {path}; re-ingest the "
          f"documents already in the store to apply it there)", file=sys.stderr)

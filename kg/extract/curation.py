"""User curation of entities, kept in an aliases file every extraction reads: this name is that entity,
this name stands alone, this name is of that class.

TSV (one `name<TAB>entity<TAB>class` a line, `#` comments; an empty entity is the name itself, an empty
class leaves the type to the text) or JSON (`{"names": {"Tories": {"entity": "Conservative Party",
"type": "Organization"}}}`), chosen by the file's extension (.json) and otherwise TSV.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, UsageError
from kg.extract.mentions import match_key
from kg.model import ENTITY_CLASSES

ENV = "KG_ALIASES"  # the file extraction reads; the CLI sets it from --aliases so worker processes see it too
HEADER = ("# kg aliases: name<TAB>entity<TAB>class, one name a line. An empty entity is the name itself (it\n"
          "# stands alone: no alias rule merges it); an empty class leaves the type to the text.\n")


@dataclass
class Curation:
    """Names the user has decided: {name: (entity name, class or "")}, looked up spelling-insensitively."""

    names: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_key = {match_key(name): value for name, value in self.names.items()}
        # the class given with a name is its entity's: a mention already renamed to the entity finds it
        self._entity_class = {match_key(entity): kind for entity, kind in self.names.values() if kind}

    def entity(self, name: str) -> str | None:
        """Return the name of the entity a name is, or None when the user said nothing of it."""
        found = self._by_key.get(match_key(name))
        return found[0] if found else None

    def stands_alone(self, name: str) -> bool:
        """Tell whether the user split this name off: it is its own entity, merged by no alias rule."""
        found = self._by_key.get(match_key(name))
        return found is not None and match_key(found[0]) == match_key(name)

    def type_of(self, names) -> str | None:
        """Return the class the user gave any of these names (or the entity they are), or None."""
        for name in names:
            for key in (match_key(name), match_key(self.entity(name) or name)):
                found = self._by_key.get(key)
                if found and found[1]:
                    return found[1]
                if key in self._entity_class:  # "Kestrel Foods", the entity "Kestrel" was merged into
                    return self._entity_class[key]
        return None


def _class(value: str, where: str) -> str:
    """Return a class name checked against the ontology's entity classes."""
    if value and value not in ENTITY_CLASSES:
        raise InputError(f"{where}: unknown class {value!r}; valid: {', '.join(ENTITY_CLASSES)}")
    return value


def _read_tsv(path: Path) -> dict[str, tuple[str, str]]:
    """Return the names of a TSV aliases file."""
    names = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")] + ["", ""]
        if not cells[0] or len(line.split("\t")) > 3:
            raise InputError(f"{path}:{number}: expected name<TAB>entity<TAB>class, got {line!r}")
        names[cells[0]] = (cells[1] or cells[0], _class(cells[2], f"{path}:{number}"))
    return names


def _read_json(path: Path) -> dict[str, tuple[str, str]]:
    """Return the names of a JSON aliases file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["names"].items()
        return {name: (row.get("entity") or name, _class(row.get("type") or "", f"{path}: {name!r}"))
                for name, row in rows}
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        raise InputError(f"{path}: not an aliases file ({exc}); expected "
                         '{"names": {"NAME": {"entity": "ENTITY", "type": "CLASS"}}}') from None


def load(path: str | os.PathLike) -> Curation:
    """Return the curation an aliases file holds (an empty one for a file not written yet)."""
    path = Path(path)
    try:
        if not path.exists():
            return Curation()
        return Curation(_read_json(path) if path.suffix == ".json" else _read_tsv(path))
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path, bytes that are not UTF-8
        raise InputError(f"cannot read aliases file {path}: {exc}") from None


def save(path: str | os.PathLike, curation: Curation) -> None:
    """Write a curation to an aliases file, in the format its extension names, names sorted."""
    path = Path(path)
    rows = sorted(curation.names.items(), key=lambda item: item[0].lower())
    if path.suffix == ".json":
        data = {"names": {name: {"entity": entity, **({"type": kind} if kind else {})}
                          for name, (entity, kind) in rows}}
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        text = HEADER + "".join(f"{name}\t{'' if entity == name else entity}\t{kind}\n"
                                for name, (entity, kind) in rows)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot write aliases file {path}: {exc}") from None


def _checked_name(name: str) -> str:
    """Return a name given on the command line, refused when empty or holding a tab or line break."""
    cleaned = " ".join(name.split())
    if not cleaned or any(c in name for c in "\t\n\r"):
        raise UsageError(f"bad name {name!r}: a name is one line of text without tabs")
    return cleaned


def merge(path: str | os.PathLike, name: str, entity: str, kind: str = "") -> tuple[str, str]:
    """Record in an aliases file that a name is an entity (`kg merge A B`); return (name, entity recorded).

    The entity's own entity is followed ("A is B", B already "C": A is C), and names that were A become B."""
    name, entity, kind = _checked_name(name), _checked_name(entity), _class(kind, "--type")
    curation = load(path)
    target = curation.entity(entity) or entity
    if match_key(target) == match_key(name):
        raise UsageError(f"cannot merge {name!r} into {entity!r}: that is {name!r} itself (kg split keeps a name apart)")
    names = {n: ((target if match_key(e) == match_key(name) else e), k) for n, (e, k) in curation.names.items()}
    names[name] = (target, kind or names.get(name, ("", ""))[1])
    save(path, Curation(names))
    return name, target


def split(path: str | os.PathLike, name: str, kind: str = "") -> str:
    """Record in an aliases file that a name stands alone (`kg split A`): its own entity, merged by no
    alias rule, into no full name or longer name, and not the entity it was merged into before."""
    name, kind = _checked_name(name), _class(kind, "--type")
    curation = load(path)
    names = dict(curation.names)
    names[name] = (name, kind or names.get(name, ("", ""))[1])
    save(path, Curation(names))
    return name


_loaded: dict[tuple[str, int, int], Curation] = {}


def current() -> Curation:
    """Return the curation of the aliases file $KG_ALIASES names (empty when unset), reread when it changes."""
    path = os.environ.get(ENV)
    if not path:
        return Curation()
    try:
        stat = os.stat(path)
    except OSError:
        return Curation()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = load(path)
    return _loaded[key]

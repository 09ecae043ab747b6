"""vis-network, the graph library the view draws with, read at run time from the installed pyvis package.

pyvis (BSD) ships vis-network's standalone build (Apache-2.0/MIT); kg inlines it into each page, so
the page needs no network and nothing of it is copied into this repository.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from kg.errors import KGError

VERSION = "9.1.2"


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """Return the text of vis-network.min.js from pyvis's template folder."""
    try:
        folder = resources.files("pyvis") / "templates" / "lib" / f"vis-{VERSION}"
        return (folder / "vis-network.min.js").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise KGError(f"kg view needs vis-network {VERSION} from the pyvis package: pip install pyvis ({exc})") from exc

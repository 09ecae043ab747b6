"""Find a server's Graph Store Protocol endpoint by probing it with a scratch graph."""

import dataclasses
import logging
import urllib.parse
import uuid

from kg.errors import ServerError, UsageError
from kg.remote.endpoint import redact
from kg.remote.quads import PROBE_GRAPH, offers_quads

log = logging.getLogger(__name__)

PROBE_TIMEOUT = 5.0  # seconds: Virtuoso's /sparql never answers a PUT (measured)


def candidates(endpoint, authenticated):
    """Return the Graph Store URLs to try beside a query endpoint, most likely first.

    Oxigraph serves it at /store, Virtuoso at /sparql-graph-crud-auth (digest) or
    /sparql-graph-crud, Fuseki at /DATASET/data.
    """
    parts = urllib.parse.urlsplit(endpoint)
    base = parts.path.rsplit("/", 1)[0]
    crud = "sparql-graph-crud-auth" if authenticated else "sparql-graph-crud"
    return [urllib.parse.urlunsplit(parts._replace(path=f"{base}/{name}", query="", fragment=""))
            for name in ("store", crud, "data")]


def choose_method(remote, method, graph_store=None):
    """Return (method, Graph Store URL or None, the server's Server header) for a push with method
    auto|update|gsp|quads.

    auto takes quads where an update endpoint is given (quads replaces the graphs the server holds by
    updates) and the Graph Store files a POSTed N-Quads line in its graph (Oxigraph), else gsp where
    the Graph Store takes a PUT (Virtuoso), else update. The header is the one the quads probe got
    back, else "".
    """
    if method == "update":
        return "update", None, ""
    if method == "gsp" and graph_store:
        return "gsp", graph_store, ""  # forced: no probe
    tried = [graph_store] if graph_store else candidates(remote.query_url, bool(remote.user))
    for url in tried:
        if not offers_graph_store(remote, url):
            continue
        quads = method == "quads" or (method == "auto" and remote.update_url is not None)
        software = offers_quads(remote, url) if quads else None
        if software is not None:
            log.info("pushing N-Quads to the Graph Store at %s (%s)", redact(url), software or "no Server header")
            return "quads", url, software
        if method != "quads":
            log.info("pushing with the Graph Store Protocol at %s", redact(url))
            return "gsp", url, ""
    if method in ("gsp", "quads"):
        what = "a scratch graph" if method == "gsp" else "a POST of N-Quads"
        raise UsageError(f"no Graph Store endpoint accepted {what} at "
                         f"{', '.join(redact(u) for u in tried)}: give its URL with --graph-store, "
                         "or use --method auto or update")
    log.info("no Graph Store endpoint found; pushing with SPARQL Update")
    return "update", None, ""


def offers_graph_store(remote, url):
    """Return whether url accepts a Graph Store PUT and DELETE of a one-triple scratch graph."""
    probe = dataclasses.replace(remote, retries=0, timeout=min(remote.timeout, PROBE_TIMEOUT))
    graph = PROBE_GRAPH + uuid.uuid4().hex
    body = f'<{graph}> <{graph}> "kg probe" .\n'.encode("ascii")
    try:
        probe.put_graph(url, graph, body)
    except ServerError as exc:
        log.info("no Graph Store at %s: %s", redact(url), exc)
        return False
    try:
        probe.delete_graph(url, graph)
    except ServerError as exc:
        log.warning("the Graph Store at %s took scratch graph <%s> but did not delete it: %s",
                    redact(url), graph, exc)
        return False
    return True

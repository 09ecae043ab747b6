"""Serve the store read-only: the SPARQL 1.1 protocol at /query and the view page at /.

The store is opened read-only for as long as the server runs, so kg's reader lock is held:
`kg ingest` and `kg forget` wait for it (and give up after a while) instead of changing the data
under the server. The default graph of a query is the union of the document graphs.
"""

import ipaddress
import signal
import socket
import sys
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg.errors import KGError, QueryError, UsageError
from kg.rdf.formats import served_media
from kg.store.protocol import GraphStore
from kg.web.view import render_html, view_data

DEFAULT_BIND = "127.0.0.1:7878"
MAX_BODY = 1 << 20  # bytes of a POSTed query
RESULTS = served_media(results=True)  # media type -> format, the default first (kg.rdf.formats)
GRAPHS = served_media(results=False)


class Refusal(Exception):
    """A request the server answers with an HTTP error status and a plain-text reason."""

    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status


def parse_bind(bind):
    """Return (host, port) from HOST:PORT or [IPv6]:PORT."""
    host, sep, port = (bind or DEFAULT_BIND).rpartition(":")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if not sep or not host or not port.isdigit() or int(port) > 65535:
        raise UsageError(f"--bind takes HOST:PORT (like {DEFAULT_BIND}), not {bind!r}")
    return host, int(port)


def is_loopback(host):
    """Return whether host names this machine only."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def negotiate(accept, offers):
    """Return the media type of offers (the first is the default) that the Accept header prefers."""
    default = next(iter(offers))
    if not accept:
        return default
    ranges = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip().lower() for p in part.split(";")]
        quality = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            ranges.append((-float(quality), position, media))
        except ValueError:
            continue
    for quality, _, media in sorted(ranges):
        if quality == 0:
            break
        if media in offers:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            match = next((m for m in offers if m.startswith(media[:-1])), None)
            if match:
                return match
    raise Refusal(HTTPStatus.NOT_ACCEPTABLE, f"can answer with {', '.join(offers)}")


class Handler(BaseHTTPRequestHandler):
    """Answer SPARQL queries at /query (GET or POST) and the view page at /."""

    store: GraphStore  # set on the subclass serve() makes
    server_version = "kg-serve"

    def do_GET(self):
        """Serve the view page, or a query given in the URL."""
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        self._answer(lambda: self._route(url.path, params, None))

    def do_POST(self):
        """Serve a query sent as a form or as application/sparql-query."""
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        self._answer(lambda: self._route(url.path, params, self._body()))

    def _route(self, path, params, body):
        if path in ("/", "/view", "/view.html") and body is None:
            return self._view(params)
        if path in ("/query", "/sparql"):
            return self._query(params, body)
        if path == "/update":
            raise Refusal(HTTPStatus.FORBIDDEN, "this server is read-only: kg serve answers queries only")
        raise Refusal(HTTPStatus.NOT_FOUND, "try /query (SPARQL 1.1 protocol) or / (the view page)")

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a query is at most {MAX_BODY} bytes")
        data = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            return {"query": [data]}
        if kind == "application/x-www-form-urlencoded":
            return urllib.parse.parse_qs(data, keep_blank_values=True)
        if kind == "application/sparql-update":
            raise Refusal(HTTPStatus.FORBIDDEN, "this server is read-only: kg serve answers queries only")
        raise Refusal(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                      "POST application/sparql-query or application/x-www-form-urlencoded")

    def _query(self, params, body):
        fields = {**params, **(body or {})}
        if "update" in fields:
            raise Refusal(HTTPStatus.FORBIDDEN, "this server is read-only: kg serve answers queries only")
        queries = fields.get("query", [])
        if len(queries) != 1:
            raise Refusal(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
        try:
            result = self.store.sparql(queries[0], default_graphs=fields.get("default-graph-uri"),
                                       named_graphs=fields.get("named-graph-uri"))
        except QueryError as exc:
            raise Refusal(HTTPStatus.BAD_REQUEST, str(exc)) from None
        media = negotiate(self.headers.get("Accept"), GRAPHS if result.is_graph else RESULTS)
        return media, result.serialize(media)

    def _view(self, params):
        entity = params.get("entity", [None])[0] or None
        threshold = params.get("min_confidence", [None])[0]
        try:
            minimum = float(threshold) if threshold else None
            page = render_html(view_data(self.store, entity=entity, min_confidence=minimum))
        except (ValueError, KGError) as exc:
            raise Refusal(HTTPStatus.BAD_REQUEST, str(exc)) from None
        return "text/html; charset=utf-8", page.encode("utf-8")

    def _answer(self, make):
        try:
            media, body = make()
            status = HTTPStatus.OK
        except Refusal as exc:
            status, media, body = exc.status, "text/plain; charset=utf-8", f"{exc}\n".encode("utf-8")
        except (OSError, RuntimeError, ValueError) as exc:  # evaluating or serialising failed
            status, media, body = HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", \
                f"query failed: {exc}\n".encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        """Log each request on stderr, one line each."""
        sys.stderr.write(f"kg serve: {self.address_string()} {fmt % args}\n")


def _server(store: GraphStore, host: str, port: int, quiet: bool) -> ThreadingHTTPServer:
    """Return an HTTP server answering for the store on host:port."""
    handler = type("StoreHandler", (Handler,), {"store": store})
    if quiet:
        setattr(handler, "log_message", lambda *args: None)
    server_class = type("Server", (ThreadingHTTPServer,), {
        "address_family": socket.AF_INET6 if ":" in host else socket.AF_INET, "daemon_threads": True})
    try:
        return server_class((host, port), handler)
    except OSError as exc:
        raise KGError(f"cannot listen on {host}:{port}: {exc}") from exc


def serve(store: GraphStore, bind: str | None = None, quiet: bool = False, shown_as: str | None = None) -> None:
    """Serve a store (opened read-only) until interrupted (Ctrl-C or SIGTERM); shown_as names it in messages."""
    host, port = parse_bind(bind)
    server = _server(store, host, port, quiet)
    if threading.current_thread() is threading.main_thread():
        # SIGTERM asks the loop to stop from another thread, whatever line runs when it lands:
        # raising from the handler could escape the try below and end the process with status 1
        signal.signal(signal.SIGTERM, lambda signum, frame: threading.Thread(
            target=server.shutdown, daemon=True).start())
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{server.server_address[1]}"
    if not is_loopback(host):
        print(f"kg serve: {host} is not a loopback address: anyone who reaches it can read the graph",
              file=sys.stderr)
    print(f"kg serve: serving {shown_as or store.path} read-only at {base}/ (SPARQL endpoint {base}/query); "
          "Ctrl-C stops", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()

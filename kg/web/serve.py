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
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg.errors import KGError, UsageError
from kg.store.protocol import GraphStore
from kg.web.guard import GRAPHS, RESULTS, Refusal, check_host, check_query, content_length, negotiate
from kg.web.runner import DEFAULT_MAX_RESULT, DEFAULT_TIMEOUT, QueryRunner
from kg.web.view import render_html, view_data

DEFAULT_BIND = "127.0.0.1:7878"
MAX_BODY = 1 << 20  # bytes of a POSTed query


@dataclass(frozen=True)
class Options:
    """What kg serve's options allow: federated queries, a CORS origin, a query's time and answer size."""

    allow_service: bool = False
    cors: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_result: int = DEFAULT_MAX_RESULT


__all__ = ["DEFAULT_BIND", "GRAPHS", "RESULTS", "Refusal", "negotiate", "parse_bind", "serve"]


def parse_bind(bind):
    """Return (host, port) from HOST:PORT or [IPv6]:PORT."""
    host, sep, port = (DEFAULT_BIND if bind is None else bind).rpartition(":")
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


class Handler(BaseHTTPRequestHandler):
    """Answer SPARQL queries at /query (GET or POST) and the view page at /."""

    store: GraphStore  # these four are set on the subclass serve() makes
    runner: QueryRunner
    bound: tuple[str, int] = ("127.0.0.1", 0)  # host and port, what a request's Host header must name
    options: Options
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

    def do_OPTIONS(self):
        """Answer a CORS preflight: only for the origin given with --cors."""
        def preflight():
            check_host(self.headers.get("Host"), *self.bound)
            return "text/plain; charset=utf-8", b""

        self._answer(preflight)

    def _route(self, path, params, body):
        check_host(self.headers.get("Host"), *self.bound)
        if path in ("/", "/view", "/view.html") and body is None:
            return self._view(params)
        if path in ("/query", "/sparql"):
            return self._query(params, body)
        if path == "/update":
            raise Refusal(HTTPStatus.FORBIDDEN, "this server is read-only: kg serve answers queries only")
        raise Refusal(HTTPStatus.NOT_FOUND, "try /query (SPARQL 1.1 protocol) or / (the view page)")

    def _body(self):
        check_host(self.headers.get("Host"), *self.bound)
        length = content_length(self.headers.get("Content-Length"), MAX_BODY)
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
        check_query(queries[0], self.options.allow_service)
        return self.runner.run(queries[0], fields.get("default-graph-uri"), fields.get("named-graph-uri"),
                               self.headers.get("Accept"))

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
        self._cors()
        self.end_headers()
        self.wfile.write(body)

    def _cors(self):
        """Let pages of the --cors origin read answers; with no --cors, browsers keep other pages out."""
        if not self.options.cors:
            return
        self.send_header("Access-Control-Allow-Origin", self.options.cors)
        self.send_header("Vary", "Origin")
        if self.command == "OPTIONS":
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")

    def log_message(self, fmt, *args):
        """Log each request on stderr, one line each."""
        sys.stderr.write(f"kg serve: {self.address_string()} {fmt % args}\n")


def _server(store: GraphStore, host: str, port: int, quiet: bool, options: Options) -> ThreadingHTTPServer:
    """Return an HTTP server answering for the store on host:port."""
    runner = QueryRunner(store.path, timeout=options.timeout, limit=options.max_result)
    handler = type("StoreHandler", (Handler,), {"store": store, "runner": runner, "options": options})
    if quiet:
        setattr(handler, "log_message", lambda *args: None)
    server_class = type("Server", (ThreadingHTTPServer,), {
        "address_family": socket.AF_INET6 if ":" in host else socket.AF_INET, "daemon_threads": True})
    try:
        server = server_class((host, port), handler)
    except OSError as exc:
        raise KGError(f"cannot listen on {host}:{port}: {exc}") from exc
    setattr(handler, "bound", (host, server.server_address[1]))
    return server


def serve(store: GraphStore, bind: str | None = None, quiet: bool = False, shown_as: str | None = None,
          options: Options | None = None) -> None:
    """Serve a store (opened read-only) until interrupted (Ctrl-C or SIGTERM); shown_as names it in messages."""
    host, port = parse_bind(bind)
    server = _server(store, host, port, quiet, options or Options())
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
        server.RequestHandlerClass.runner.close()  # type: ignore[attr-defined]

"""Remote SPARQL servers: one place for auth, timeouts, retries and error reporting."""

import ast
import base64
import email.utils
import functools
import http.client
import json
import logging
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from SPARQLWrapper import BASIC, DIGEST, JSON, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper import SPARQLExceptions as sx
from rdflib import Literal

from kg.errors import ServerError, UsageError
from kg.store.terms import term_from_json

log = logging.getLogger(__name__)

AUTH_SCHEMES = {"basic": BASIC, "digest": DIGEST}
RETRYABLE = {408, 429}  # besides every 5xx: the server may answer once it has caught up
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is cut to this
_STATUS = {sx.QueryBadFormed: 400, sx.Unauthorized: 401, sx.EndPointNotFound: 404,
           sx.URITooLong: 414, sx.EndPointInternalError: 500}
_NETWORK = (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout,
            http.client.HTTPException)


@dataclass
class Endpoint:
    """A SPARQL server: its query, update and graph-store URLs and how to reach them."""

    query_url: str
    update_url: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)  # never shown, never logged
    auth: str = "basic"
    realm: str = "SPARQL"  # digest realm for SPARQL requests (Virtuoso's); GSP PUTs accept any
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry; doubled each time

    def __post_init__(self):
        if self.auth not in AUTH_SCHEMES:
            raise UsageError(f"unknown auth scheme {self.auth!r}: use basic or digest")
        if self.user and self.password is None:
            raise UsageError(f"a password is needed for user {self.user!r}")
        for url in (self.query_url, self.update_url):
            check_url(url)
        if not self.timeout > 0 or self.retries < 0:
            raise UsageError(f"a time-out is more than 0 seconds and retries at least 0, not {self.timeout} "
                             f"and {self.retries}")
        if self.auth == "digest" and self.password and not self.password.isascii():
            # urllib's digest handler encodes as ASCII and would fail mid-request
            raise UsageError("digest authentication needs an ASCII password; use basic over HTTPS")

    def select(self, sparql):
        """Run a query and return its SPARQL JSON results as a dict."""
        wrapper = self._wrapper(self.query_url)
        wrapper.setReturnFormat(JSON)
        wrapper.setOnlyConneg(True)  # no format= parameter: some servers reject it
        wrapper.setQuery(sparql)
        raw = self._retry(lambda: _read(wrapper), "query", self.query_url)
        try:
            return json.loads(raw)
        except ValueError:
            raise ServerError(f"query at {redact(self.query_url)} answered with something other than "
                              f"SPARQL JSON results: {_text(raw)[:200]!r}", body=_text(raw)) from None

    def check_sparql(self):
        """Raise ServerError unless the query URL answers ASK {} as a SPARQL server does."""
        answer = self.select("ASK {}")
        # SPARQL JSON results: a boolean, or (Virtuoso) a one-row table of __ASK_RETVAL
        if not isinstance(answer, dict) or "head" not in answer or not (
                isinstance(answer.get("boolean"), bool) or isinstance(answer.get("results"), dict)):
            raise ServerError(f"{redact(self.query_url)} did not answer ASK {{}} as a SPARQL server "
                              f"(got {str(answer)[:120]!r}); nothing was pushed")

    def update(self, sparql):
        """Send one SPARQL update request, POSTed directly as application/sparql-update.

        Not through SPARQLWrapper: its query-type regexes and form encoding took 30 of 46 s of a
        500-article push in 256 KiB requests (measured); the server's own work took 10.
        """
        url = self.update_url or self.query_url
        check_url(url)
        request = urllib.request.Request(url, data=sparql.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        self._retry(lambda: self._send(request, url), "update", url)

    def put_graph(self, store_url, graph, ntriples):
        """Replace one graph through the Graph Store Protocol (HTTP PUT of N-Triples)."""
        self._graph_request("PUT", store_url, graph, ntriples)

    def post_quads(self, store_url, nquads):
        """Add N-Quads to the dataset through a Graph Store URL (HTTP POST without graph=); return the
        reply's Server header ("" if none), which names the server's software and version."""
        check_url(store_url)
        request = urllib.request.Request(store_url, data=nquads, method="POST",
                                         headers={"Content-Type": "application/n-quads"})
        reply = self._retry(lambda: self._send(request, store_url, reply=True), "graph store POST", store_url)
        return reply.get("Server", "")

    def delete_graph(self, store_url, graph):
        """Remove one graph through the Graph Store Protocol; a graph already absent is fine."""
        try:
            self._graph_request("DELETE", store_url, graph)
        except ServerError as exc:
            if exc.status != 404:
                raise

    def _graph_request(self, method, store_url, graph, body=None):
        """Send one Graph Store request about graph (?graph=IRI), with retries."""
        check_url(store_url)
        sep = "&" if "?" in store_url else "?"
        url = f"{store_url}{sep}{urllib.parse.urlencode({'graph': str(graph)})}"
        headers = {"Content-Type": "application/n-triples"} if body is not None else {}
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        self._retry(lambda: self._send(request, store_url), f"graph store {method}", store_url)

    def _send(self, request, url, reply=False):
        """Open request with credentials; return the reply's body, or with reply its headers."""
        opener, digest = self._opener(url, request)
        if digest:
            _sign(digest, request, self.timeout)
        return _open(opener, request, self.timeout, reply)

    def _wrapper(self, url):
        wrapper = SPARQLWrapper(url, updateEndpoint=url)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setTimeout(int(max(1, self.timeout)))
        if self.user:
            wrapper.setHTTPAuth(AUTH_SCHEMES[self.auth])
            wrapper.setCredentials(self.user, self.password, realm=self.realm)
        return wrapper

    def _opener(self, url, request):
        """Return (opener, digest handler or None) for request, adding basic credentials."""
        if not self.user:
            return _plain_opener(), None
        if self.auth == "basic":
            # sent up front, like SPARQLWrapper does: some servers answer 403, not 401, without it
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            request.add_unredirected_header("Authorization", f"Basic {token}")
            return _plain_opener(), None
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, self.user, self.password or "")
        digest = urllib.request.HTTPDigestAuthHandler(manager)
        return urllib.request.build_opener(digest), digest

    def _retry(self, call, what, url):
        """Return call(), retried with back-off on 5xx, 408, 429 and no answer; else raise ServerError."""
        for attempt in range(self.retries + 1):
            try:
                return call()
            except (sx.SPARQLWrapperException, *_NETWORK) as exc:
                status, body = _failure(exc)
                retry = status is None or status >= 500 or status in RETRYABLE
                if not retry or attempt == self.retries:
                    raise _server_error(what, url, status, body) from None
                delay = _retry_after(exc, self.backoff * 2 ** attempt)
                log.warning("%s at %s failed (%s); retrying in %.1fs", what, redact(url),
                            status or "no answer", delay)
                time.sleep(delay)
        raise AssertionError("unreachable")


def check_url(url: str | None) -> None:
    """Refuse (UsageError, exit 2) a server URL that is not http:// or https:// with a host: urllib would
    read a file:// URL as a 'server' that accepts everything, and try ftp:// with retries."""
    if url is None:
        return
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError as exc:
        raise UsageError(f"not a URL: {url!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in url):
        raise UsageError(f"a SPARQL server's URL is http:// or https:// with a host, not {url!r}")


@functools.cache
def _plain_opener():
    # built once: building one (it reads the proxy settings) cost about 1 ms a request (measured);
    # its default handlers keep no state between requests, so threads may share it
    return urllib.request.build_opener()


def _read(wrapper):
    response = wrapper.query().response
    try:
        return response.read()
    finally:
        response.close()


def _open(opener, request, timeout, reply=False):
    with opener.open(request, timeout=timeout) as response:
        body = response.read()
        return response.headers if reply else body


def _sign(digest, request, timeout):
    """Add a digest Authorization header to request, from a challenge fetched by a bodiless HEAD.

    Virtuoso answers an unsigned PUT with 401 and closes the connection before reading the body,
    so a large body sent unsigned fails with a broken pipe (measured) instead of a challenge.
    """
    try:
        urllib.request.build_opener().open(urllib.request.Request(request.full_url, method="HEAD"),
                                           timeout=timeout).close()
        return  # no challenge: the handler answers any 401 to the request itself
    except urllib.error.HTTPError as exc:
        status, header = exc.code, exc.headers.get("WWW-Authenticate", "")
        exc.close()
    scheme, _, fields = header.partition(" ")
    if status != 401 or scheme.lower() != "digest":
        return
    challenge = urllib.request.parse_keqv_list(urllib.request.parse_http_list(fields))
    signature = digest.get_authorization(request, challenge)
    if signature:
        request.add_unredirected_header("Authorization", f"Digest {signature}")


def _retry_after(exc, default):
    """Return the seconds a 503/429 reply's Retry-After asks for (at most MAX_RETRY_AFTER), else default."""
    headers: Any = exc.headers if isinstance(exc, urllib.error.HTTPError) and exc.headers else {}
    value = str(headers.get("Retry-After") or "").strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return min(max(0.0, when.timestamp() - time.time()), MAX_RETRY_AFTER)


def _failure(exc):
    """Return (HTTP status or None, server reply) of a failed request."""
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code, _text(exc.read())
    if isinstance(exc, sx.SPARQLWrapperException):
        return _STATUS.get(type(exc)), _wrapper_body(str(exc))
    return None, str(getattr(exc, "reason", exc))


def _wrapper_body(message):
    # SPARQLWrapper keeps the reply only as repr(bytes) inside its message
    head, _, body = message.partition("Response:\n")
    try:
        return _text(ast.literal_eval(body)) if body else head
    except (ValueError, SyntaxError):
        return body


def _text(data):
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)


def _server_error(what, url, status, body):
    reply = " ".join(body.split())[:1000]
    where = f"HTTP {status}" if status else "no answer"
    return ServerError(f"{what} at {redact(url)} failed ({where}): {reply}", status=status, body=body)


def redact(url):
    """Return url without any user:password@ part."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def rows_from_json(data):
    """Return (variable names, rows of rdflib terms or None) from SPARQL JSON results."""
    if "boolean" in data:
        return ["ask"], [(Literal(bool(data["boolean"])),)]
    names = data["head"].get("vars", [])
    rows = [tuple(term_from_json(b[n]) if n in b else None for n in names)
            for b in data["results"]["bindings"]]
    return names, rows

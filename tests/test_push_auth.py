"""Pushing through an HTTP proxy that demands basic or digest credentials before reaching Oxigraph."""

import base64
import hashlib
import re
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.errors import ServerError, UsageError
from kg.remote.push import push
from sample_data import local_quads_by_graph

USER, PASSWORD, REALM = "dba", "pa55:w*rd", "SPARQL"
NONCE = "0a4f113b"


def md5(text):
    return hashlib.md5(text.encode()).hexdigest()


def digest_ok(header, method):
    fields = {m[0]: m[1] or m[2] for m in re.findall(r'(\w+)=(?:"([^"]*)"|([^,\s]*))', header)}
    ha1 = md5(f"{USER}:{fields.get('realm')}:{PASSWORD}")
    ha2 = md5(f"{method}:{fields.get('uri')}")
    expected = md5(f"{ha1}:{NONCE}:{fields.get('nc')}:{fields.get('cnonce')}:{fields.get('qop')}:{ha2}")
    return fields.get("username") == USER and fields.get("response") == expected


class Guard(BaseHTTPRequestHandler):
    """Check credentials, then relay the request to the Oxigraph server."""

    scheme = "basic"
    realm = REALM
    password = PASSWORD
    upstream = ""
    seen = []

    def _authorised(self):
        header = self.headers.get("Authorization", "")
        self.seen.append((self.command, header.split(" ")[0]))
        if self.scheme == "basic":
            token = base64.b64encode(f"{USER}:{self.password}".encode()).decode()
            return header == f"Basic {token}"
        return header.startswith("Digest ") and digest_ok(header, self.command)

    def _relay(self):
        if not self._authorised():
            challenge = (f'Basic realm="{self.realm}"' if self.scheme == "basic" else
                         f'Digest realm="{self.realm}", nonce="{NONCE}", qop="auth", algorithm=MD5')
            self.send_response(401)
            self.send_header("WWW-Authenticate", challenge)
            self.send_header("Content-Length", "12")
            self.end_headers()
            self.wfile.write(b"unauthorised")
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        headers = {k: v for k, v in self.headers.items() if k in ("Content-Type", "Accept")}
        request = urllib.request.Request(self.upstream + self.path, data=body or None,
                                         method=self.command, headers=headers)
        try:
            with urllib.request.build_opener().open(request, timeout=30) as response:
                status, reply, kind = response.status, response.read(), response.headers.get("Content-Type")
        except urllib.error.HTTPError as exc:
            status, reply, kind = exc.code, exc.read(), "text/plain"
        self.send_response(status)
        self.send_header("Content-Length", str(len(reply)))
        if kind:
            self.send_header("Content-Type", kind)
        self.end_headers()
        self.wfile.write(reply)

    do_POST = do_PUT = do_GET = do_DELETE = do_HEAD = _relay

    def log_message(self, *args):
        pass  # keep test output clean


@pytest.fixture
def guarded(server, request):
    """Yield (proxy base URL, handler class) for a proxy demanding request.param credentials."""
    handler = type("GuardFor", (Guard,), {"scheme": request.param, "upstream": server.base, "seen": []})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=proxy.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}", handler
    finally:
        proxy.shutdown()
        proxy.server_close()


@pytest.mark.parametrize("guarded", ["basic", "digest"], indirect=True)
@pytest.mark.parametrize("method", ["update", "gsp"])
def test_push_authenticates_with_basic_and_digest(guarded, method, sample_store, server):
    base, handler = guarded
    push(sample_store, base + "/query", update_endpoint=base + "/update", graph_store=base + "/store",
         method=method, user=USER, password=PASSWORD, auth=handler.scheme)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    if handler.scheme == "basic":
        assert all(scheme for _, scheme in handler.seen)  # credentials go first, not after a 401
    else:  # a GSP body goes once, signed: Virtuoso hangs up on an unsigned one before reading it
        assert all(scheme == "Digest" for command, scheme in handler.seen if command == "PUT")


@pytest.mark.parametrize("guarded", ["basic", "digest"], indirect=True)
def test_push_wrong_password_is_a_clear_401(guarded, sample_store, server):
    base, handler = guarded
    with pytest.raises(ServerError) as err:
        push(sample_store, base + "/query", update_endpoint=base + "/update", user=USER,
             password="not-the-password", auth=handler.scheme, retries=2, backoff=0.01)
    assert err.value.status == 401 and "not-the-password" not in str(err.value)
    assert server.quads_by_graph() == {}


def test_push_digest_refuses_non_ascii_passwords_up_front(sample_store):
    with pytest.raises(UsageError, match="ASCII") as err:
        push(sample_store, "http://127.0.0.1:9/query", user=USER, password="wörd", auth="digest")
    assert "wörd" not in str(err.value)


@pytest.mark.parametrize("guarded", ["basic"], indirect=True)
def test_push_basic_accepts_non_ascii_passwords(guarded, sample_store, server, monkeypatch):
    base, handler = guarded
    monkeypatch.setattr(handler, "password", "wörd", raising=False)
    push(sample_store, base + "/query", update_endpoint=base + "/update", user=USER, password="wörd")
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)

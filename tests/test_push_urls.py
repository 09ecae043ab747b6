"""kg push talks to http(s) SPARQL servers only (issue #15): any other scheme, a malformed URL or a bad
time-out is a usage error (exit 2) before anything is sent, and no graph is marked loaded at a server
that does not answer as SPARQL."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.cli.main import main
from kg.errors import UsageError
from kg.remote.push import push
from kg.remote.pushlog import LOG_NAME


@pytest.mark.parametrize("option, value", [
    ("--endpoint", "file:///tmp/sparql"), ("--endpoint", "ftp://127.0.0.1/sparql"), ("--endpoint", "not a url"),
    ("--endpoint", "http://"), ("--endpoint", "http://127.0.0.1:99999/q"), ("--endpoint", "http://[::1/q"),
    ("--endpoint", ""), ("--endpoint", "javascript:alert(1)"), ("--update-endpoint", "file:///etc/passwd"),
    ("--graph-store", "gopher://127.0.0.1/"), ("--timeout", "-5"), ("--timeout", "0"), ("--timeout", "nan"),
    ("--timeout", "inf"), ("--timeout", "٥"), ("--timeout", ""), ("--retries", "-1"), ("--retries", "٣"),
    ("--retries", "9" * 5000), ("--batch-triples", "0"),
])
def test_push_urls_non_http_or_bad_option_is_exit_2(sample_store, capsys, option, value):
    sample_store.close()
    args = ["--store", str(sample_store.path), "push", "--endpoint", "http://127.0.0.1:9/query", option, value]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert option in err and "Traceback" not in err
    assert not (sample_store.path / LOG_NAME).exists()


@pytest.mark.parametrize("url", ["file:///tmp/x", "ftp://h/", "not a url", "http:///nohost"])
def test_push_urls_library_refuses_non_http(sample_store, url):
    with pytest.raises(UsageError, match="http"):
        push(sample_store, url)
    with pytest.raises(UsageError):
        push(sample_store, "http://127.0.0.1:9/q", timeout=-5)


class Anything(BaseHTTPRequestHandler):
    """A web server that answers 200 with a page to every request: not a SPARQL server."""

    def _page(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "13")
        self.end_headers()
        self.wfile.write(b"<html></html>")

    do_GET = do_POST = do_PUT = do_DELETE = _page

    def log_message(self, *args):
        pass


def test_push_urls_loaded_only_at_a_server_that_answers_sparql(sample_store, capsys):
    page = ThreadingHTTPServer(("127.0.0.1", 0), Anything)
    threading.Thread(target=page.serve_forever, daemon=True).start()
    try:
        sample_store.close()
        url = f"http://127.0.0.1:{page.server_address[1]}/sparql"
        assert main(["--store", str(sample_store.path), "push", "--endpoint", url, "--retries", "0"]) == 1
        err = capsys.readouterr().err
        assert "not loaded" in err and "pushed" not in err
        log = sample_store.path / LOG_NAME
        assert not log.exists() or '"loaded"' not in log.read_text()
    finally:
        page.shutdown()

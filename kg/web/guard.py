"""What kg serve checks before it runs anything: the Host a request names, its Content-Length, and
whether its query may call other services.

A page in the user's browser can reach a loopback server under a name it controls (DNS rebinding):
checking Host against the bound address refuses such requests. A query's SERVICE clause would make
the server itself send requests to any address it can reach; it is refused unless asked for.
"""

from __future__ import annotations

import ipaddress
import socket
from http import HTTPStatus

from kg.rdf.formats import served_media
from kg.rdf.sparqlscan import calls_service

RESULTS = served_media(results=True)  # media type -> format, the default first (kg.rdf.formats)
GRAPHS = served_media(results=False)


class Refusal(Exception):
    """A request the server answers with an HTTP error status and a plain-text reason."""

    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status


def _unspecified(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> set[str]:
    """Return the Host header values (lower-case, with port) a server bound to host:port answers."""
    names = {host.lower()}
    if host in ("localhost", "127.0.0.1", "::1") or _loopback(host):
        names |= {"localhost", "127.0.0.1", "::1"}
    if _unspecified(host):  # bound to every interface: the machine's names and any address of it
        names |= {"localhost", socket.gethostname().lower(), socket.getfqdn().lower()}
    return {f"[{n}]:{port}" if ":" in n else f"{n}:{port}" for n in names}


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_host(header: str | None, host: str, port: int) -> None:
    """Refuse a request whose Host header does not name the address the server is bound to."""
    value = (header or "").strip().lower()
    if not value:
        raise Refusal(HTTPStatus.BAD_REQUEST, "a request must name the server in a Host header")
    if ":" not in value.rsplit("]", 1)[-1]:
        value = f"{value}:80"
    if value in allowed_hosts(host, port):
        return
    if _unspecified(host) and _is_address(value.rsplit(":", 1)[0].strip("[]")):
        return
    raise Refusal(HTTPStatus.MISDIRECTED_REQUEST,
                  f"this server answers for {host}:{port}, not {header!r} (a Host check against DNS rebinding)")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
        return True
    except ValueError:
        return False


def content_length(header: str | None, limit: int) -> int:
    """Return the byte count a Content-Length header gives; refuse a missing, malformed or too large one."""
    if header is None:
        raise Refusal(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length header")
    text = header.strip()
    if not text.isascii() or not text.isdigit():
        raise Refusal(HTTPStatus.BAD_REQUEST, f"Content-Length must be a count of bytes, not {header!r}")
    if len(text) > 12 or int(text) > limit:
        raise Refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a query is at most {limit} bytes")
    return int(text)


def check_query(query: str, allow_service: bool) -> None:
    """Refuse a federated query (SERVICE) unless the server was started with --allow-service."""
    if not allow_service and calls_service(query):
        raise Refusal(HTTPStatus.FORBIDDEN, "SERVICE (federated query) is off: kg serve would send requests "
                                            "on your behalf; start it with --allow-service to allow it")


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

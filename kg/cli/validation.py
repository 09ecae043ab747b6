"""Argument types that refuse hostile values by name (exit 2): counts, seconds, confidences, dates and URLs.

Python's int() and float() read other digit systems ("٥"), surrounding blanks, "nan", "inf" and
underscores; a count or a time-out on the command line is plain ASCII digits, so these types say so.
"""

from __future__ import annotations

import argparse
import math
import re
import urllib.parse

_INTEGER = re.compile(r"[0-9]{1,18}")
_DECIMAL = re.compile(r"(?:[0-9]{1,18}(?:\.[0-9]{0,18})?|\.[0-9]{1,18})(?:[eE][-+]?[0-9]{1,3})?")


def _integer(value: str, least: int) -> int:
    if not _INTEGER.fullmatch(value):
        raise argparse.ArgumentTypeError(f"expected a whole number in ASCII digits, not {value!r}")
    number = int(value)
    if number < least:
        raise argparse.ArgumentTypeError(f"must be at least {least}, not {number}")
    return number


def positive(value: str) -> int:
    """Parse a count of at least 1."""
    return _integer(value, 1)


def count(value: str) -> int:
    """Parse a count of at least 0."""
    return _integer(value, 0)


def _decimal(value: str) -> float:
    if not _DECIMAL.fullmatch(value):
        raise argparse.ArgumentTypeError(f"expected a decimal number in ASCII digits (like 0.5), not {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise argparse.ArgumentTypeError(f"expected a finite number, not {value!r}")
    return number


def seconds(value: str) -> float:
    """Parse a time-out: a number of seconds above 0."""
    number = _decimal(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"a time-out must be more than 0 seconds, not {value}")
    return number


def confidence(value: str) -> float:
    """Parse a confidence between 0 and 1."""
    number = _decimal(value)
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"a confidence is between 0 and 1, not {value}")
    return number


def iso_date(value: str) -> str:
    """Parse a calendar date written YYYY-MM-DD (a publication date)."""
    import datetime

    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError("not YYYY-MM-DD")
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD (like 2021-04-03), not {value[:40]!r} "
                                         f"({exc})") from None


def http_url(value: str) -> str:
    """Parse an http:// or https:// URL with a host; any other scheme or a malformed URL is refused."""
    try:
        url = urllib.parse.urlsplit(value)
        url.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a URL: {value!r} ({exc})") from None
    if url.scheme.lower() not in ("http", "https"):
        raise argparse.ArgumentTypeError(f"expected an http:// or https:// URL, not {value!r}")
    if not url.hostname or any(c.isspace() or ord(c) < 32 for c in value):
        raise argparse.ArgumentTypeError(f"not a URL with a host: {value!r}")
    return value


def origin(value: str) -> str:
    """Parse a web origin (scheme://host[:port]) for CORS; a header can carry nothing else."""
    url = http_url(value)
    if url.rstrip("/").count("/") != 2 or not url.isascii():
        raise argparse.ArgumentTypeError(f"an origin is scheme://host[:port] in ASCII, not {value!r}")
    return url.rstrip("/")


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """Add kg serve's safety options: federated queries, CORS, a query's time and answer size."""
    from kg.web.runner import DEFAULT_MAX_RESULT, DEFAULT_TIMEOUT

    parser.add_argument("--allow-service", action="store_true",
                        help="answer queries holding SERVICE (the server then sends requests on their behalf)")
    parser.add_argument("--cors", type=origin, metavar="ORIGIN",
                        help="let web pages of ORIGIN (like http://localhost:3000) read answers; default: none")
    parser.add_argument("--timeout", type=seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"stop a query after SECONDS (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--max-result", type=positive, default=DEFAULT_MAX_RESULT, metavar="BYTES",
                        help=f"refuse answers larger than BYTES (default {DEFAULT_MAX_RESULT})")


def serve_options(args: argparse.Namespace):
    """Return the kg.web.serve.Options of parsed kg serve arguments."""
    from kg.web.serve import Options

    return Options(allow_service=args.allow_service, cors=args.cors, timeout=args.timeout,
                   max_result=args.max_result)


def argv_problem(argv: list[str]) -> str | None:
    """Return why a command line cannot be read (a byte that is not UTF-8 reaches Python as a lone
    surrogate, which no file, store or server can take), else None."""
    for arg in argv:
        for offset, char in enumerate(arg):
            if "\udc80" <= char <= "\udcff":
                return (f"argument {arg.encode('utf-8', 'surrogateescape')[:40]!r} holds byte 0x{ord(char) - 0xDC00:02X} "
                        f"at {offset}, which is not UTF-8")
            if "\ud800" <= char <= "\udfff":
                return f"argument {arg[:40]!r} holds a lone surrogate at {offset}, which is not Unicode text"
    return None


def unexpected(command: str, exc: BaseException) -> tuple[str, int]:
    """Return (message, exit code) for an error no kg code raised on purpose: a file system refusal is a
    problem with a file (1); anything else is named as a kg bug, without a traceback unless $KG_DEBUG."""
    import os
    import traceback

    if isinstance(exc, OSError):
        where = f": {exc.filename!r}"[:120] if exc.filename else ""
        return f"kg {command}: {exc.strerror or exc}{where}", 1
    detail = "".join(traceback.format_exception(exc)) if os.environ.get("KG_DEBUG") else ""
    return (f"kg {command}: unexpected {type(exc).__name__}: {str(exc)[:300]} (a kg bug: please report it; "
            f"KG_DEBUG=1 shows where){detail and chr(10) + detail}", 1)

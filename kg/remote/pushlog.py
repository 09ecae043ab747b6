"""The push log beside the store: which content of each graph every server has acknowledged.

One JSON object per line, appended as the push goes: "sending" before a graph's first request,
"loaded" with the graph's content hash once the server has acknowledged all of it, "dropped" once
a graph is gone from the server. The last line about a (server, graph) wins, so a push killed at
any point leaves every half-sent graph marked "sending", and `kg push --changed` sends it again.
"""

import fcntl
import hashlib
import json
import os
import time
from pathlib import Path

from kg.errors import StoreError

LOG_NAME = "push-log.jsonl"
SENDING, LOADED, DROPPED = "sending", "loaded", "dropped"
COMPACT_FACTOR = 4  # rewrite the file once it holds this many lines per graph it describes


def content_hash(lines):
    """Return the sha256 hex digest of a graph's sorted N-Triples lines."""
    # one update of the whole text, not one per line: the same digest, a tenth of the time (measured)
    return hashlib.sha256("".join(f"{line}\n" for line in lines).encode("utf-8")).hexdigest()


class PushLog:
    """The push log of one store, locked for one push at a time, seen from one server."""

    def __init__(self, path, server, fd, states, lines):
        self.path = Path(path)
        self.server = server
        self._fd = fd
        self._states = states  # {(server, graph): (state, hash or None)}
        self._lines = lines

    @classmethod
    def open(cls, path, server):
        """Open and lock the push log at path (a store's side file LOG_NAME) for pushes to server (its query URL)."""
        path = Path(path)
        try:
            fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot write the push log {path}: {exc}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreError(f"another kg push from this store is running (it holds {path}); "
                             "try again when it has finished") from None
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            os.write(fd, b"\n")  # end a line torn by a killed push, so the next entry stands alone
        states, lines = _replay(path)
        return cls(path, server, fd, states, lines)

    def loaded(self):
        """Return {graph IRI: content hash} of the graphs this server has acknowledged."""
        return {g: h for (s, g), (state, h) in self._states.items() if s == self.server and state == LOADED}

    def known(self):
        """Return the graphs this server holds or may hold part of, by this log."""
        return {g for (s, g), (state, _) in self._states.items() if s == self.server and state != DROPPED}

    def sending(self, graph):
        """Record that graph is about to be sent: until it is loaded, its content there is unknown."""
        self._append(graph, SENDING)

    def mark_loaded(self, graph, digest):
        """Record that the server has acknowledged all of graph, whose content hash is digest."""
        self._append(graph, LOADED, digest)

    def mark_dropped(self, graph):
        """Record that graph is gone from the server."""
        self._append(graph, DROPPED)

    def close(self):
        """Compact the log if it has grown, flush it to disk and release the lock."""
        if self._fd is None:
            return
        try:
            if self._lines > COMPACT_FACTOR * max(1, len(self._states)):
                self._compact()
            os.fsync(self._fd)
        finally:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _append(self, graph, state, digest=None):
        """Append one entry about graph at this server, and remember it."""
        entry = {"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "server": self.server,
                 "graph": str(graph), "state": state}
        if digest:
            entry["sha256"] = digest
        # one write() of one line on an O_APPEND descriptor: a killed process leaves whole lines
        os.write(self._fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
        self._states[(self.server, str(graph))] = (state, digest)
        self._lines += 1

    def _compact(self):
        """Rewrite the log as one line per graph still on some server, atomically."""
        kept = [json.dumps({"server": s, "graph": g, "state": state, **({"sha256": h} if h else {})},
                           ensure_ascii=False)
                for (s, g), (state, h) in sorted(self._states.items()) if state != DROPPED]
        temp = self.path.with_suffix(".tmp")
        with open(temp, "w", encoding="utf-8") as out:
            out.write("".join(f"{line}\n" for line in kept))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, self.path)  # the lock stays on the old inode, which only we still use
        self._lines = len(kept)


def _replay(path):
    """Return ({(server, graph): (state, hash)}, number of lines) of the log at path."""
    states, count = {}, 0
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            try:
                entry = json.loads(line)
                key = (entry["server"], entry["graph"])
                state = entry["state"]
            except (ValueError, KeyError, TypeError):
                continue  # a torn last line of a killed push: the graph stays "sending" or older
            states[key] = (state, entry.get("sha256"))
            count += 1
    return states, count

"""Store locking: one writer or many readers per store directory, across kg processes (flock)."""

import fcntl
import os
import time
from pathlib import Path

from kg.errors import StoreError

LOCK_NAME = "kg.lock"


def acquire(path, exclusive, wait):
    """Lock a store directory (shared or exclusive), waiting up to `wait` seconds; return the lock fd."""
    lock_path = Path(path) / LOCK_NAME
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except PermissionError:
        fd = os.open(lock_path, os.O_RDONLY)  # a read-only copy: flock still works
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, mode)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = _holder(fd)
                os.close(fd)
                raise StoreError(f"store {path} is in use by another kg process{holder}; "
                                 f"waited {wait:g}s, try again when it has finished") from None
            time.sleep(0.05)
    if exclusive:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return fd


def _holder(fd):
    # only a writer records its pid; a blank file means readers hold the store
    pid = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return f" (pid {pid})" if pid.isdigit() else " (a reader)"


def release(fd, clear=False):
    """Release a lock acquire() took; clear drops the pid a writer recorded."""
    if clear:
        os.ftruncate(fd, 0)
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def open_error(path, exc):
    """Return the StoreError for a database that would not open, naming a foreign lock holder."""
    if "lock" in str(exc).lower():
        return StoreError(f"store {path} is in use by another program (an oxigraph server?): {exc}")
    return StoreError(f"cannot open store {path}: {exc}")

"""A one-line progress report on stderr for long runs: documents done and documents per second."""

import sys
import time

EVERY = 0.5  # seconds between redraws: often enough to look alive, rarely enough to cost nothing


class Progress:
    """Counts documents and redraws one carriage-return line; silent unless the stream is a terminal."""

    def __init__(self, stream=None, enabled=None, every=EVERY):
        self.stream = stream or sys.stderr
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self.every = every
        self.count = 0
        self.started = self.shown = time.monotonic()

    def __call__(self, *_):
        """Count one document (any arguments are ignored, so it serves as a callback)."""
        self.count += 1
        now = time.monotonic()
        if self.enabled and now - self.shown >= self.every:
            self._draw(now)

    def wrap(self, items):
        """Yield items, counting each."""
        for item in items:
            yield item
            self()

    def close(self):
        """Draw the final figures and end the line."""
        if self.enabled and self.count:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _draw(self, now):
        rate = self.count / max(now - self.started, 1e-9)
        self.stream.write(f"\r{self.count} document{'' if self.count == 1 else 's'}, {rate:.1f} documents/s")
        self.stream.flush()
        self.shown = now


def _is_terminal(stream):
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or file-less stream
        return False

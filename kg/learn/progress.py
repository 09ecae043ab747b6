"""A plain-text progress line on a stream: \\r updates on a terminal, one line per epoch otherwise."""

from __future__ import annotations

from typing import TextIO


class Progress:
    """Report batches and epochs to a stream (None: silent)."""

    def __init__(self, stream: TextIO | None) -> None:
        """Remember the stream and whether it is a terminal."""
        self.stream = stream
        self.tty = bool(stream is not None and getattr(stream, "isatty", lambda: False)())

    def batch(self, epoch: int, epochs: int, batch: int, batches: int, loss: float) -> None:
        """Redraw the running line (terminals only: logs get one line per epoch)."""
        if self.tty:
            self._write(f"\repoch {epoch}/{epochs} batch {batch}/{batches} loss {loss:.4f}")

    def epoch(self, epoch: int, epochs: int, loss: float, seconds: float, scores: dict | None) -> None:
        """Write the epoch summary line with the dev F1s when there are any."""
        line = f"epoch {epoch}/{epochs} loss {loss:.4f} {seconds:.0f}s"
        if scores:
            line += f" dev entity F1 {scores['entity']['f1']:.3f} relation F1 {scores['relation']['f1']:.3f}"
        self._write(("\r" if self.tty else "") + line + ("\x1b[K" if self.tty else "") + "\n")

    def note(self, text: str) -> None:
        """Write one line of information."""
        self._write(text + "\n")

    def _write(self, text: str) -> None:
        """Write and flush, if there is a stream."""
        if self.stream is not None:
            self.stream.write(text)
            self.stream.flush()

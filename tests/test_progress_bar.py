"""The progress line: documents and documents/s on a terminal, nothing elsewhere."""

import io

from kg.cli.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_draws_documents_per_second_on_a_terminal():
    stream = Terminal()
    with Progress(stream, every=0) as progress:
        assert list(progress.wrap("abc")) == ["a", "b", "c"]
    text = stream.getvalue()
    assert text.startswith("\r1 document, ") and "\r3 documents, " in text and text.endswith(" documents/s\n")


def test_progress_bar_is_silent_when_not_a_terminal():
    stream = io.StringIO()
    with Progress(stream, every=0) as progress:
        for _ in range(3):
            progress()
    assert progress.count == 3 and stream.getvalue() == ""

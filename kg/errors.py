"""One error family for the whole package, with the exit code each maps to."""

EXIT_OK = 0
EXIT_DATA = 1  # a problem with the data, a file or a server
EXIT_USAGE = 2  # the command line itself is wrong


class KGError(Exception):
    """Base of every error kg raises on purpose."""

    exit_code = EXIT_DATA


class UsageError(KGError):
    """A bad option, parameter or name given by the user."""

    exit_code = EXIT_USAGE


class InputError(KGError):
    """An input document or file that cannot be read as promised."""


class StoreError(KGError):
    """The embedded store cannot be opened, locked or written."""


class QueryError(KGError):
    """A stored query that is missing, malformed or fails to run."""


class ServerError(KGError):
    """A remote SPARQL server refused or failed a request."""

    def __init__(self, message, status=None, body=""):
        super().__init__(message)
        self.status = status
        self.body = body
        self.not_loaded: list[str] = []  # graphs a push could not load, when it stopped


class ValidationError(KGError):
    """A graph that does not conform to the SHACL shapes."""

"""User-facing errors. Every DigestError message says what went wrong and what to do next."""


class DigestError(Exception):
    """Base class for errors shown to the user without a traceback."""

    exit_code = 1


class ConfigError(DigestError):
    """The configuration file or environment holds an unknown key or a wrong value."""

    exit_code = 2


class InputError(DigestError):
    """One input (file, feed, URL) could not be read or parsed."""

    exit_code = 3


class FetchError(InputError):
    """A network fetch failed: timeout, refused connection, HTTP error or size cap."""


class StoreError(DigestError):
    """The database could not be opened or holds something unexpected."""

    exit_code = 4


class NotFound(DigestError):
    """An id given on the command line does not exist in the store."""

    exit_code = 5


class TemplateMissing(DigestError):
    """A template was not found in any templates folder."""

    exit_code = 6


class DeliveryError(DigestError):
    """A message could not be delivered."""

    exit_code = 7


class TemplateError(DigestError):
    """A template exists but does not compile or fails while rendering."""

    exit_code = 6


class Busy(DigestError):
    """Another digest process holds a lease this one needs (the scheduler, or a delivery run)."""

    exit_code = 8

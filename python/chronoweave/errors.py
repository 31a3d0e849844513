"""Exceptions raised by chronoweave. Errors caused by the caller's input also derive from ValueError."""

from __future__ import annotations


class ChronoweaveError(Exception):
    """Base class of every error chronoweave raises on purpose."""


class InvalidUtf8Error(ChronoweaveError, ValueError):
    """The text is not valid UTF-8 (bytes input) or holds lone surrogates (str input).

    ``byte_offset`` (bytes input) or ``index`` (str input) says where.
    """

    byte_offset: int | None = None
    index: int | None = None


class InvalidDateError(ChronoweaveError, ValueError):
    """A publication date that is not a real calendar day in the form YYYY-MM-DD."""


class DocumentTooLargeError(ChronoweaveError, ValueError):
    """The text is larger than chronoweave's documented limit (64 MiB of UTF-8)."""


class DuplicateDocumentIdError(ChronoweaveError, ValueError):
    """Two documents given to one timeline have the same id."""


class TimemlError(ChronoweaveError, ValueError):
    """Malformed TimeML input; ``line`` and ``column`` locate the problem."""

    line: int | None = None
    column: int | None = None


__all__ = [
    "ChronoweaveError",
    "DocumentTooLargeError",
    "DuplicateDocumentIdError",
    "InvalidDateError",
    "InvalidUtf8Error",
    "TimemlError",
]

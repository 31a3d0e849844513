"""extract(): from text and a publication date to a Document."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from . import _core
from .errors import InvalidDateError, InvalidUtf8Error
from .model import Document

Published = str | _dt.date | _dt.datetime | None


def _published_text(published: Published) -> str | None:
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date().isoformat()
    if isinstance(published, _dt.date):
        return published.isoformat()
    if isinstance(published, str):
        if not published.isascii():  # no 'YYYY-MM-DD' date is; a lone surrogate could not even reach the binding
            raise InvalidDateError(f"publication date {published!r} is not a 'YYYY-MM-DD' date")
        return published
    raise TypeError(
        f"published must be a 'YYYY-MM-DD' string, datetime.date or datetime.datetime, not {type(published).__name__}"
    )


def _lone_surrogate_error(error: UnicodeEncodeError) -> InvalidUtf8Error:
    invalid = InvalidUtf8Error(
        f"text holds a lone surrogate at index {error.start}; decode your input with errors='replace' "
        "or fix its source"
    )
    invalid.index = error.start
    return invalid


def _decoded(text: str | bytes) -> str:
    """The text as a str, bytes decoded as UTF-8; a lone surrogate in a str is only found when it is encoded."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            return str(text, "utf-8")
        except UnicodeDecodeError as e:
            error = InvalidUtf8Error(f"invalid UTF-8 at byte {e.start}; decode your input with the right encoding")
            error.byte_offset = e.start
            raise error from None
    raise TypeError(f"text must be str or UTF-8 bytes, not {type(text).__name__}")


def _utf8(text: str | bytes) -> bytes:
    if isinstance(text, str):
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError as e:
            raise _lone_surrogate_error(e) from None
    _decoded(text)  # checks the bytes
    return bytes(text)


def _doc_id(doc_id: object) -> str:
    if doc_id is None:
        return ""
    if not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be str, not {type(doc_id).__name__}")
    if not doc_id.isascii():
        try:
            doc_id.encode("utf-8")
        except UnicodeEncodeError as e:
            error = InvalidUtf8Error(f"doc_id holds a lone surrogate at index {e.start}")
            error.index = e.start
            raise error from None
    return doc_id


def _events_flag(events: object) -> bool:
    if not isinstance(events, bool):
        raise TypeError(f"events must be bool, not {type(events).__name__}")
    return events


def extract(
    text: str | bytes, published: Published = None, *, doc_id: str | None = None, events: bool = True
) -> Document:
    """Find and normalize the temporal expressions (and events) of one article.

    ``published`` is the article's publication date (``"YYYY-MM-DD"``, ``datetime.date`` or ``datetime.datetime``);
    relative expressions ("yesterday", "on Thursday") are resolved against it. Without it they keep an
    underspecified value such as ``"XXXX-XX-XX"``.

    ``events=False`` finds the temporal expressions only, two to three times faster: ``sentences``, ``timexes`` and
    ``ranges`` are those of a full extraction, except that a timex anchored to an event ("the night before the
    announcement") keeps the story's reading, and ``events`` is empty.

    Raises ``InvalidUtf8Error`` for undecodable text, ``InvalidDateError`` for a bad date (both are ValueErrors)
    and ``TypeError`` for arguments of the wrong type.
    """
    decoded = _decoded(text)
    published_text = _published_text(published)
    try:
        return _core.extract(decoded, published_text, _doc_id(doc_id), _events_flag(events))
    except UnicodeEncodeError as e:  # the binding encodes the text to UTF-8
        raise _lone_surrogate_error(e) from None


MAX_THREADS = 1024  # far past any machine's cores; more would only exhaust the system's threads


def _check_threads(threads: int | None) -> None:
    if threads is not None and (
        not isinstance(threads, int) or isinstance(threads, bool) or not 1 <= threads <= MAX_THREADS
    ):
        raise ValueError(
            f"threads must be an int from 1 to {MAX_THREADS} or None (one thread per CPU core), not {threads!r}"
        )


Text = str | bytes
BatchItem = Text | tuple[Text, Published] | tuple[Text, Published, str]


def _batch_input(item: BatchItem, published: Published) -> tuple[bytes, str | None, str]:
    doc_id: object = ""
    if isinstance(item, tuple):
        if len(item) not in (2, 3):
            raise TypeError(f"expected text, (text, published) or (text, published, doc_id), not a {len(item)}-tuple")
        text, published = item[0], item[1]
        doc_id = item[2] if len(item) == 3 else ""
    else:
        text = item
    return _utf8(text), _published_text(published), _doc_id(doc_id)


def extract_many(
    texts_or_pairs: Iterable[BatchItem],
    published: Published = None,
    *,
    threads: int | None = None,
    events: bool = True,
) -> list[Document]:
    """``extract`` for many articles at once, on native threads; the results come in input order.

    Each item is a text (``str`` or UTF-8 ``bytes``), a ``(text, published)`` pair or a ``(text, published,
    doc_id)`` triple; ``published`` is the publication date of the items that do not give their own. ``threads`` is
    how many threads share the work (None: one per CPU core): ``threads - 1`` native helpers and the calling thread,
    which builds the results in input order while the helpers extract the next documents, and extracts too when it
    has nothing to build. The GIL is released while the calling thread extracts or waits, so other Python threads
    go on meanwhile. ``events=False`` finds the temporal expressions only, as in ``extract``.

    Raises what ``extract`` raises, for the first failing item in input order, its message starting with the item's
    index (``"texts_or_pairs[3]: ..."``); nothing is returned then.
    """
    _check_threads(threads)
    with_events = _events_flag(events)
    items: list[tuple[bytes, str | None, str]] = []
    for index, item in enumerate(texts_or_pairs):
        try:
            items.append(_batch_input(item, published))
        except (TypeError, ValueError) as error:
            error.args = (f"texts_or_pairs[{index}]: {error}", *error.args[1:])
            raise
    return list(_core.extract_many(items, threads or 0, with_events))


def to_timeml(text: str | bytes, published: Published = None, *, doc_id: str | None = None) -> str:
    """Extract from one article and write the result as a TimeML file (DOCID, DCT, TEXT with TIMEX3 tags).

    Raises what ``extract`` raises, and ``ChronoweaveError`` for text holding a control character (other than tab
    and line breaks) that XML 1.0 cannot represent.
    """
    return _core.to_timeml(_utf8(text), _published_text(published), doc_id or "").decode("utf-8")


def timex_interval(value: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day a TIMEX3 value names (``"2025-W21"`` -> May 19 and May 25, 2025).

    None for a value that names no fixed stretch of the calendar (``"P3Y"``, ``"XXXX-05-16"``) or one that reaches
    into year 0, which ``datetime.date`` cannot hold.
    """
    return _core.timex_interval(value)


__all__ = ["extract", "extract_many", "timex_interval", "to_timeml"]

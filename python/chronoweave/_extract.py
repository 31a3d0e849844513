"""extract(): from text and a publication date to a Document."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import _core
from .errors import InvalidDateError, InvalidUtf8Error
from .model import Document

if TYPE_CHECKING:
    from ._core import _DocumentTuple

Published = str | _dt.date | _dt.datetime | None


def _published_text(published: Published) -> str | None:
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date().isoformat()
    if isinstance(published, _dt.date):
        return published.isoformat()
    if isinstance(published, str):
        return published
    raise TypeError(
        f"published must be a 'YYYY-MM-DD' string, datetime.date or datetime.datetime, not {type(published).__name__}"
    )


def _published_date(text: str | None) -> _dt.date | None:
    """The date of a publication date the library has accepted; year 0 is valid there but not in datetime.date."""
    if text is None:
        return None
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(
            f"publication date {text!r} is before year 1, the first year datetime.date can hold"
        ) from None


def _utf8(text: str | bytes) -> tuple[str, bytes]:
    if isinstance(text, str):
        try:
            return text, text.encode("utf-8")
        except UnicodeEncodeError as e:
            error = InvalidUtf8Error(
                f"text holds a lone surrogate at index {e.start}; decode your input with errors='replace' "
                "or fix its source"
            )
            error.index = e.start
            raise error from None
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        try:
            return data.decode("utf-8"), data
        except UnicodeDecodeError as e:
            error = InvalidUtf8Error(f"invalid UTF-8 at byte {e.start}; decode your input with the right encoding")
            error.byte_offset = e.start
            raise error from None
    raise TypeError(f"text must be str or UTF-8 bytes, not {type(text).__name__}")


def _document(text: str, published_text: str | None, raw: _DocumentTuple) -> Document:
    identifier, sentences, timexes, ranges, events = raw
    return Document(
        text=text,
        published=_published_date(published_text),
        id=identifier,
        sentences=sentences,
        timexes=timexes,
        ranges=ranges,
        events=events,
    )


def _doc_id(doc_id: object) -> str:
    if doc_id is None:
        return ""
    if not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be str, not {type(doc_id).__name__}")
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
    decoded, data = _utf8(text)
    published_text = _published_text(published)
    raw = _core.extract(data, published_text, _doc_id(doc_id), _events_flag(events))
    return _document(decoded, published_text, raw)


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


def _batch_input(item: BatchItem, published: Published) -> tuple[str, bytes, str | None, str]:
    doc_id: object = ""
    if isinstance(item, tuple):
        if len(item) not in (2, 3):
            raise TypeError(f"expected text, (text, published) or (text, published, doc_id), not a {len(item)}-tuple")
        text, published = item[0], item[1]
        doc_id = item[2] if len(item) == 3 else ""
    else:
        text = item
    decoded, data = _utf8(text)
    return decoded, data, _published_text(published), _doc_id(doc_id)


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
    texts: list[str] = []
    published_texts: list[str | None] = []
    items: list[tuple[bytes, str | None, str]] = []
    for index, item in enumerate(texts_or_pairs):
        try:
            decoded, data, published_text, doc_id = _batch_input(item, published)
        except (TypeError, ValueError) as error:
            error.args = (f"texts_or_pairs[{index}]: {error}", *error.args[1:])
            raise
        texts.append(decoded)
        published_texts.append(published_text)
        items.append((data, published_text, doc_id))
    documents = []
    raws = _core.extract_many(items, threads or 0, with_events)
    for index, (text, published_text, raw) in enumerate(zip(texts, published_texts, raws)):
        try:
            documents.append(_document(text, published_text, raw))
        except InvalidDateError as error:
            error.args = (f"texts_or_pairs[{index}]: {error}",)
            raise
    return documents


def to_timeml(text: str | bytes, published: Published = None, *, doc_id: str | None = None) -> str:
    """Extract from one article and write the result as a TimeML file (DOCID, DCT, TEXT with TIMEX3 tags).

    Raises what ``extract`` raises, and ``ChronoweaveError`` for text holding a control character (other than tab
    and line breaks) that XML 1.0 cannot represent.
    """
    _, data = _utf8(text)
    return _core.to_timeml(data, _published_text(published), doc_id or "").decode("utf-8")


def timex_interval(value: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day a TIMEX3 value names (``"2025-W21"`` -> May 19 and May 25, 2025).

    None for a value that names no fixed stretch of the calendar (``"P3Y"``, ``"XXXX-05-16"``) or one that reaches
    into year 0, which ``datetime.date`` cannot hold.
    """
    return _core.timex_interval(value)


__all__ = ["extract", "extract_many", "timex_interval", "to_timeml"]

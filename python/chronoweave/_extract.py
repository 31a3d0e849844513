"""extract(): from text and a publication date to a Document."""

from __future__ import annotations

import datetime as _dt

from . import _core
from .errors import InvalidDateError, InvalidUtf8Error
from .model import Document, Event, Participant, Span, Timex, TimexRange

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


def _event(
    text: str,
    kind: str,
    start: int,
    end: int,
    participants: list[tuple[str, str, str, tuple[int, int] | None]],
    place: str,
    place_mention: tuple[int, int] | None,
    quantity: str,
    quantity_mention: tuple[int, int] | None,
    time: int | None,
    time_source: str,
    first_day: _dt.date | None,
    last_day: _dt.date | None,
    status: str,
    plover: str,
    mode: str,
    cameo: str,
    reports: list[int],
) -> Event:
    return Event(
        kind,
        text[start:end],
        start,
        end,
        tuple(Participant(n, r, typ, Span(*m) if m else None) for n, typ, r, m in participants),
        place,
        time,
        status,  # type: ignore[arg-type]
        plover=plover,
        mode=mode,
        cameo=cameo,
        place_mention=Span(*place_mention) if place_mention else None,
        quantity=quantity,
        quantity_mention=Span(*quantity_mention) if quantity_mention else None,
        time_source=time_source,  # type: ignore[arg-type]
        first_day=first_day,
        last_day=last_day,
        reports=tuple(reports),
    )


def extract(text: str | bytes, published: Published = None, *, doc_id: str | None = None) -> Document:
    """Find and normalize the temporal expressions (and events) of one article.

    ``published`` is the article's publication date (``"YYYY-MM-DD"``, ``datetime.date`` or ``datetime.datetime``);
    relative expressions ("yesterday", "on Thursday") are resolved against it. Without it they keep an
    underspecified value such as ``"XXXX-XX-XX"``.

    Raises ``InvalidUtf8Error`` for undecodable text, ``InvalidDateError`` for a bad date (both are ValueErrors)
    and ``TypeError`` for arguments of the wrong type.
    """
    decoded, data = _utf8(text)
    published_text = _published_text(published)
    if doc_id is not None and not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be str, not {type(doc_id).__name__}")
    identifier, sentences, timexes, ranges, events = _core.extract(data, published_text, doc_id or "")
    published_date = _published_date(published_text)
    return Document(
        text=decoded,
        published=published_date,
        id=identifier,
        sentences=tuple(Span(s, e) for s, e in sentences),
        timexes=tuple(
            Timex(decoded[s:e], s, e, typ, value, mod, quant, freq, first, last, anchor, anchor_timex, rule)  # type: ignore[arg-type]
            for s, e, typ, value, mod, quant, freq, first, last, anchor, anchor_timex, rule in timexes
        ),
        ranges=tuple(TimexRange(a, b) for a, b in ranges),
        events=tuple(_event(decoded, *event) for event in events),
    )


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


__all__ = ["extract", "timex_interval", "to_timeml"]

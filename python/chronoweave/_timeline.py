"""timeline(): many articles in, one ordered, deduplicated event timeline out."""

from __future__ import annotations

from collections.abc import Iterable

from . import _core
from ._extract import Published, _check_threads, _doc_id, _published_text, _utf8
from .errors import InvalidDateError
from .model import Contradiction, Document, Mention, Timeline, TimelineEdge, TimelineNode

Source = Document | tuple[str | bytes, Published] | tuple[str | bytes, Published, str]


def _checked_published(published: Published) -> str | None:
    """The date as the native side takes it; year 0, which no result could show, raises InvalidDateError as in extract."""
    text = _published_text(published)
    if text is not None and text.startswith("0000-"):  # other bad dates get the native side's message
        raise InvalidDateError(f"publication date {text!r} is before year 1, the first year datetime.date can hold")
    return text


def _input(item: Source) -> tuple[bytes, str | None, str]:
    if isinstance(item, Document):
        return _utf8(item.text), _checked_published(item.published), item.id
    if isinstance(item, tuple) and len(item) in (2, 3):
        return _utf8(item[0]), _checked_published(item[1]), _doc_id(item[2] if len(item) == 3 else "")
    raise TypeError(f"expected a Document or a (text, published[, doc_id]) tuple, not {type(item).__name__}")


def _inputs(documents: Iterable[Source]) -> list[tuple[bytes, str | None, str]]:
    inputs = []
    for position, item in enumerate(documents, start=1):
        try:
            inputs.append(_input(item))
        except (TypeError, ValueError) as error:
            error.args = (f"document {position}: {error}", *error.args[1:])
            raise
    return inputs


def timeline(documents: Iterable[Source], *, threads: int | None = None) -> Timeline:
    """Merge the events of many articles into one timeline, ordered in time.

    ``documents`` are ``Document`` objects from ``extract`` or ``(text, published)`` / ``(text, published, doc_id)``
    tuples. A document without an id is named by its 1-based position (``"#3"``); two with the same id raise
    ``DuplicateDocumentIdError``. The same event reported by several articles becomes one node with every source;
    relations stated in the text and the calendar order the nodes, and constraints that cannot all hold are listed in
    ``Timeline.contradictions``.

    The articles are extracted on ``threads`` native threads (None: one per CPU core), as in ``extract_many``; the
    timeline is the same whatever the number. An error in an article is raised with its 1-based position first
    (``"document 3: ..."``).
    """
    _check_threads(threads)
    (nodes, edges, contradictions), native = _core.timeline(_inputs(documents), threads or 0)
    return Timeline(
        nodes=tuple(
            TimelineNode(
                kind,
                label,
                date_from,
                date_to,
                basis,
                participants,
                place,
                status,
                sources,
                tuple(Mention(*m) for m in mentions),
                reasons,
            )
            for kind, label, date_from, date_to, basis, participants, place, status, sources, mentions, reasons in nodes
        ),
        edges=tuple(TimelineEdge(*e) for e in edges),
        contradictions=tuple(Contradiction(*c) for c in contradictions),
        _native=native,
    )


__all__ = ["timeline"]

"""The result types of chronoweave: plain, immutable, picklable values with str indices."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Any, Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["occurred", "planned", "proposed", "possible", "negated", "unknown"]
AnchorKind = Literal["none", "publication", "timex"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of ``str`` indices into a document's text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression and its TIMEX3 normalization.

    ``value`` follows TimeML (``"2025-05-16"``, ``"2025-W21"``, ``"P3Y"``, ``"PRESENT_REF"``); ``first_day`` and
    ``last_day`` bound the calendar stretch it names, when it names one that ``datetime.date`` can hold (not one
    reaching into year 0). ``anchor`` says what a relative value was resolved against: ``"publication"`` (the
    document date), ``"timex"`` (``anchor_timex``, an index into ``Document.timexes``) or ``"none"``. ``rule`` names
    the rule that found it.
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    mod: str = ""
    quant: str = ""
    freq: str = ""
    first_day: _dt.date | None = None
    last_day: _dt.date | None = None
    anchor: AnchorKind = "none"
    anchor_timex: int | None = None
    rule: str = ""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "quant": self.quant,
            "freq": self.freq,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "anchor": self.anchor,
            "anchor_timex": self.anchor_timex,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class TimexRange:
    """Two timexes that bound one range ("between June 20 and June 30"), as indexes into ``Document.timexes``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor of an event, with its canonical name and its role where the text gives one."""

    name: str
    role: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened or is said to be going to happen; ``time`` indexes ``Document.timexes``."""

    kind: str
    text: str
    start: int
    end: int
    participants: tuple[Participant, ...] = ()
    place: str = ""
    time: int | None = None
    status: EventStatus = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "participants": [{"name": p.name, "role": p.role} for p in self.participants],
            "place": self.place,
            "time": self.time,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One report of an event: the document and the ``str`` indices of its trigger."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimelineNode:
    """An event merged over every document that reports it, with inclusive calendar bounds (None = open)."""

    kind: str
    label: str
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    participants: tuple[str, ...] = ()
    place: str = ""
    status: EventStatus = "unknown"
    sources: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEdge:
    """``from_node`` stands in TimeML relation ``type`` (BEFORE, AFTER, ...) to ``to_node``; ``reason`` says why."""

    from_node: int
    to_node: int
    type: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Timeline:
    """Merged events in time order (undated last) and the temporal relations between them."""

    nodes: tuple[TimelineNode, ...] = ()
    edges: tuple[TimelineEdge, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One article and what chronoweave found in it. All indices are ``str`` indices into ``text``."""

    text: str
    published: _dt.date | None = None
    id: str = ""
    sentences: tuple[Span, ...] = ()
    timexes: tuple[Timex, ...] = ()
    ranges: tuple[TimexRange, ...] = ()
    events: tuple[Event, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (schema ``chronoweave.document/1``, offsets in code points)."""
        return {
            "schema": "chronoweave.document/1",
            "offsets": "codepoints",
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
            "sentences": [[s.start, s.end] for s in self.sentences],
            "timexes": [t.to_dict() for t in self.timexes],
            "ranges": [{"start": r.start, "end": r.end} for r in self.ranges],
            "events": [e.to_dict() for e in self.events],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as JSON text; the same document always gives the same text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        published = self.published.isoformat() if self.published else None
        return (
            f"Document(id={self.id!r}, published={published!r}, chars={len(self.text)}, "
            f"timexes={len(self.timexes)}, events={len(self.events)})"
        )

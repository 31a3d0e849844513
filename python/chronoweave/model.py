"""The result types of chronoweave: plain, immutable, picklable values with str indices."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    import matplotlib.axes
    import networkx
    import pandas

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["occurred", "planned", "proposed", "possible", "negated", "unknown"]
AnchorKind = Literal["none", "publication", "timex", "event"]
TimeSource = Literal["none", "timex", "publication"]


def _repr_without_defaults(value: Any) -> str:
    """The dataclass repr without the fields that hold their default value, so that the ones that say something
    stand out; still a valid constructor call."""
    shown = (
        f"{f.name}={getattr(value, f.name)!r}"
        for f in fields(value)
        if f.repr and (f.default is MISSING or getattr(value, f.name) != f.default)
    )
    return f"{type(value).__name__}({', '.join(shown)})"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of ``str`` indices into a document's text."""

    start: int
    end: int

    def __len__(self) -> int:
        """The number of characters the span covers."""
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression and its TIMEX3 normalization.

    ``value`` follows TimeML (``"2025-05-16"``, ``"2025-W21"``, ``"P3Y"``, ``"PRESENT_REF"``); ``first_day`` and
    ``last_day`` bound the calendar stretch it names, when it names one that ``datetime.date`` can hold (not one
    reaching into year 0). ``anchor`` says what a relative value was resolved against: ``"publication"`` (the
    document date), ``"timex"`` (``anchor_timex``, an index into ``Document.timexes``), ``"event"`` (``anchor_event``,
    an index into ``Document.events``: "the night before the announcement") or ``"none"``. ``rule`` names the rule
    that found it.
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
    anchor_event: int | None = None
    rule: str = ""

    __repr__ = _repr_without_defaults

    @property
    def span(self) -> Span:
        """Where the timex is in the text."""
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
            "anchor_event": self.anchor_event,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class TimexRange:
    """Two timexes that bound one range ("between June 20 and June 30"), as indexes into ``Document.timexes``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor of an event: its canonical name ("Kyiv" is ``"Ukraine"``), its role where the text gives one
    (``"speaker"``, ``"side"``, ``"source"``, ``"target"``), its type (``"person"``, ``"state"``,
    ``"organization"``, ``"place"`` or ``"unknown"`` for a name not in the actor lexicon) and where it is named."""

    name: str
    role: str = ""
    type: str = ""
    mention: Span | None = None

    __repr__ = _repr_without_defaults

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "name": self.name,
            "role": self.role,
            "type": self.type,
            "mention": _span_dict(self.mention),
        }


def _span_dict(span: Span | None) -> dict[str, int] | None:
    return {"start": span.start, "end": span.end} if span else None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened or is said to be going to happen.

    ``kind`` is our name (``"meeting"``, ``"statement"``, ...); ``plover``, ``mode`` and ``cameo`` are its PLOVER
    category and mode and its CAMEO code. ``time`` indexes ``Document.timexes`` when ``time_source`` is
    ``"timex"``; ``"publication"`` means a past-tense report dated by the publication date; ``first_day`` and
    ``last_day`` bound the time. ``reports`` holds, for a statement, the indexes into ``Document.events`` of the
    events it reports ("Peskov said that ...").
    """

    kind: str
    text: str
    start: int
    end: int
    participants: tuple[Participant, ...] = ()
    place: str = ""
    time: int | None = None
    status: EventStatus = "unknown"
    plover: str = ""
    mode: str = ""
    cameo: str = ""
    place_mention: Span | None = None
    quantity: str = ""
    quantity_mention: Span | None = None
    time_source: TimeSource = "none"
    first_day: _dt.date | None = None
    last_day: _dt.date | None = None
    reports: tuple[int, ...] = ()

    __repr__ = _repr_without_defaults

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings, spans as ``{"start", "end"}``)."""
        return {
            "kind": self.kind,
            "plover": self.plover,
            "mode": self.mode,
            "cameo": self.cameo,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "status": self.status,
            "participants": [p.to_dict() for p in self.participants],
            "place": self.place,
            "place_mention": _span_dict(self.place_mention),
            "quantity": self.quantity,
            "quantity_mention": _span_dict(self.quantity_mention),
            "time": self.time,
            "time_source": self.time_source,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "reports": list(self.reports),
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One report of an event: its document, the event's index there, and the ``str`` indices of its trigger."""

    doc_id: str
    event: int
    start: int
    end: int
    text: str = ""
    sentence: str = field(default="", repr=False)

    __repr__ = _repr_without_defaults

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the mention."""
        return {
            "doc_id": self.doc_id,
            "event": self.event,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
        }


DateBasis = Literal["stated", "inferred", "none"]
EdgeBasis = Literal["stated", "calendar"]


@dataclass(frozen=True, slots=True)
class TimelineNode:
    """An event merged over every document that reports it.

    ``date_from``/``date_to`` are inclusive calendar bounds (None = open). ``date_basis`` says where they come from:
    ``"stated"`` (a timex dates the event), ``"inferred"`` (relations and publication dates bound it) or ``"none"``.
    ``merge_reasons`` says, for each mention after the first, why it was taken to report this event.
    """

    kind: str
    label: str
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    date_basis: DateBasis = "none"
    participants: tuple[str, ...] = ()
    place: str = ""
    status: EventStatus = "unknown"
    sources: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    merge_reasons: tuple[str, ...] = ()

    __repr__ = _repr_without_defaults

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings), with the keys of a node in ``chronoweave.timeline/1``."""
        return {
            "kind": self.kind,
            "label": self.label,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "date_basis": self.date_basis,
            "status": self.status,
            "participants": list(self.participants),
            "place": self.place,
            "sources": list(self.sources),
            "mentions": [m.to_dict() for m in self.mentions],
            "merge_reasons": list(self.merge_reasons),
        }


@dataclass(frozen=True, slots=True)
class TimelineEdge:
    """``from_node`` stands in TimeML relation ``type`` (BEFORE, AFTER, ...) to ``to_node``; ``reason`` says why.

    ``basis`` is ``"stated"`` when a document says so and ``"calendar"`` when the two nodes' stated days give it.
    """

    from_node: int
    to_node: int
    type: str
    reason: str = ""
    basis: EdgeBasis = "stated"

    __repr__ = _repr_without_defaults

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; ``from`` and ``to`` are indexes into ``Timeline.nodes``."""
        return {
            "from": self.from_node,
            "to": self.to_node,
            "type": self.type,
            "reason": self.reason,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Constraints on node ``node`` that cannot all hold, and the bounds that clash."""

    node: int
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; ``node`` is an index into ``Timeline.nodes``."""
        return {"node": self.node, "explanation": self.explanation}


def _names(names: str | Iterable[str] | None, what: str) -> set[str] | None:
    if names is None:
        return None
    if isinstance(names, str):
        return {names}
    chosen = set(names) if isinstance(names, Iterable) else None
    if chosen is None or not all(isinstance(name, str) for name in chosen):
        raise TypeError(f"{what} must be a str or an iterable of str, not {type(names).__name__}")
    return chosen


@dataclass(frozen=True, slots=True)
class Timeline:
    """Merged events in time order and the temporal relations between them.

    Build one with ``chronoweave.timeline(documents)``. ``to_json()``, ``to_dot()`` and ``to_html()`` render it
    (the JSON schema ``chronoweave.timeline/1`` gives mention offsets in UTF-8 bytes); in Jupyter it shows as HTML.
    """

    nodes: tuple[TimelineNode, ...] = ()
    edges: tuple[TimelineEdge, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    _native: Any = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict like ``to_json()``'s, but with ``str`` indices (``"offsets": "codepoints"``) and nodes
        referred to by their index in ``nodes``."""
        return {
            "schema": "chronoweave.timeline/1",
            "offsets": "codepoints",
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
            "contradictions": [c.to_dict() for c in self.contradictions],
        }

    def _renderer(self) -> Any:
        if self._native is None:
            raise ValueError("this Timeline was not built by chronoweave.timeline(); rebuild it to render it")
        return self._native

    def to_json(self, *, indent: int | None = None) -> str:
        """The JSON form (schema ``chronoweave.timeline/1``); the same documents always give the same text."""
        text: str = self._renderer().to_json()
        return text if indent is None else json.dumps(json.loads(text), ensure_ascii=False, indent=indent)

    def to_dot(self) -> str:
        """A Graphviz digraph: nodes in time order, edges labelled with their relation."""
        return str(self._renderer().to_dot())

    def to_html(self, title: str = "chronoweave timeline") -> str:
        """A self-contained HTML page (no network fetches) laying the events out on a time axis."""
        return str(self._renderer().to_html(title))

    def to_pandas(self) -> pandas.DataFrame:
        """One row per node, in time order (index ``node``): ``date_from``/``date_to`` as datetime64 (NaT when
        open), ``kind``, ``date_basis`` and ``status`` as categories, and ``mention_count``.

        Needs pandas (``pip install 'chronoweave[notebook]'``).
        """
        from ._frames import timeline_frame

        return timeline_frame(self)

    def to_networkx(self) -> networkx.DiGraph:
        """A ``networkx.DiGraph``: node ``i`` is ``nodes[i]`` with its fields as attributes (``kind``, ``label``,
        ``date_from``, ``date_to``, ``date_basis``, ``status``, ``participants``, ``place``, ``sources``,
        ``mentions``); an edge carries the relation's ``type`` and ``reason`` (``"BEFORE|INCLUDES"`` and the reasons
        one per line when sources relate the same two nodes in more ways than one).

        Needs networkx (``pip install 'chronoweave[notebook]'``).
        """
        from ._frames import timeline_graph

        return timeline_graph(self)

    def plot(self, ax: matplotlib.axes.Axes | None = None) -> matplotlib.axes.Axes:
        """A static matplotlib figure: the dated events on a date axis, one lane per kind, a point for an event of
        one day and a bar for a longer one, coloured by status. Draws on ``ax`` when given; returns the Axes.

        Needs matplotlib (``pip install 'chronoweave[notebook]'``).
        """
        from ._plot import plot_timeline

        return plot_timeline(self, ax)

    def _repr_html_(self) -> str:
        """``to_html()`` in an iframe (its styles stay out of the notebook's page), or a summary for a timeline of
        more than 2,000 nodes."""
        from ._html import timeline_html

        return timeline_html(self)

    def select(
        self, *, status: str | Iterable[str] | None = None, kind: str | Iterable[str] | None = None
    ) -> Timeline:
        """The nodes with one of these statuses and of one of these kinds (None: any), in the same order, with the
        edges and contradictions among them; node indexes are renumbered. ``timeline.select(status="occurred")`` is
        what happened. An unknown status raises ValueError."""
        statuses = _names(status, "status")
        if statuses is not None and (unknown := statuses - set(get_args(EventStatus))):
            raise ValueError(f"unknown status {', '.join(sorted(unknown))}; one of {', '.join(get_args(EventStatus))}")
        kinds = _names(kind, "kind")
        kept = [
            n
            for n, node in enumerate(self.nodes)
            if (statuses is None or node.status in statuses) and (kinds is None or node.kind in kinds)
        ]
        index = {old: new for new, old in enumerate(kept)}
        return Timeline(
            nodes=tuple(self.nodes[n] for n in kept),
            edges=tuple(
                TimelineEdge(index[e.from_node], index[e.to_node], e.type, e.reason)
                for e in self.edges
                if e.from_node in index and e.to_node in index
            ),
            contradictions=tuple(
                Contradiction(index[c.node], c.explanation) for c in self.contradictions if c.node in index
            ),
            _native=None if self._native is None else self._native.select(kept),
        )

    def __len__(self) -> int:
        """The number of nodes."""
        return len(self.nodes)

    def __repr__(self) -> str:
        return (
            f"Timeline(nodes={len(self.nodes)}, edges={len(self.edges)}, "
            f"contradictions={len(self.contradictions)})"
        )


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

    def timexes_frame(self) -> pandas.DataFrame:
        """The timexes as a pandas DataFrame, one row per timex (index ``timex``): ``first_day``/``last_day`` as
        datetime64 (NaT when the value names no fixed stretch), ``type`` and ``anchor`` as categories,
        ``anchor_timex`` and ``anchor_event`` as nullable integers.

        Needs pandas (``pip install 'chronoweave[notebook]'``).
        """
        from ._frames import timexes_frame

        return timexes_frame(self)

    def events_frame(self) -> pandas.DataFrame:
        """The events as a pandas DataFrame, one row per event (index ``event``): ``first_day``/``last_day`` as
        datetime64, ``kind``, ``status`` and ``time_source`` as categories, ``participants`` as tuples of names.

        Needs pandas (``pip install 'chronoweave[notebook]'``).
        """
        from ._frames import events_frame

        return events_frame(self)

    def _repr_html_(self) -> str:
        """The text with its timexes and event triggers marked; hovering one shows its value, kind and status.
        A document longer than 200,000 characters shows as a summary."""
        from ._html import document_html

        return document_html(self)

    def __repr__(self) -> str:
        published = self.published.isoformat() if self.published else None
        return (
            f"Document(id={self.id!r}, published={published!r}, chars={len(self.text)}, "
            f"timexes={len(self.timexes)}, events={len(self.events)})"
        )

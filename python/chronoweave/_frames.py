"""pandas and networkx views of the results (the ``notebook`` extra)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, get_args

from ._optional import require
from .model import AnchorKind, DateBasis, EventStatus, TimeSource, TimexType

if TYPE_CHECKING:
    from .model import Document, Timeline


def _dates(values: Iterable[_dt.date | None]) -> Any:
    """datetime64 values, NaT for None. Day precision first, so that years outside 1677-2262 (the range of
    nanosecond timestamps) still fit: pandas keeps them as datetime64[s]."""
    np = require("numpy", "chronoweave's pandas views")
    return np.array([v if v is not None else "NaT" for v in values], dtype="datetime64[D]")


def _category(pd: Any, values: Sequence[str], categories: Iterable[str] | None = None) -> Any:
    return pd.Categorical(values, categories=sorted(set(values)) if categories is None else list(categories))


def timexes_frame(doc: Document) -> Any:
    pd = require("pandas", "Document.timexes_frame()")
    t = doc.timexes
    return pd.DataFrame(
        {
            "text": [x.text for x in t],
            "start": pd.array([x.start for x in t], dtype="int64"),
            "end": pd.array([x.end for x in t], dtype="int64"),
            "type": _category(pd, [x.type for x in t], get_args(TimexType)),
            "value": [x.value for x in t],
            "mod": [x.mod for x in t],
            "first_day": _dates(x.first_day for x in t),
            "last_day": _dates(x.last_day for x in t),
            "anchor": _category(pd, [x.anchor for x in t], get_args(AnchorKind)),
            "anchor_timex": pd.array([x.anchor_timex for x in t], dtype="Int64"),
            "anchor_event": pd.array([x.anchor_event for x in t], dtype="Int64"),
            "quant": [x.quant for x in t],
            "freq": [x.freq for x in t],
            "rule": [x.rule for x in t],
        },
        index=pd.RangeIndex(len(t), name="timex"),
    )


def events_frame(doc: Document) -> Any:
    pd = require("pandas", "Document.events_frame()")
    e = doc.events
    return pd.DataFrame(
        {
            "kind": _category(pd, [x.kind for x in e]),
            "text": [x.text for x in e],
            "start": pd.array([x.start for x in e], dtype="int64"),
            "end": pd.array([x.end for x in e], dtype="int64"),
            "status": _category(pd, [x.status for x in e], get_args(EventStatus)),
            "first_day": _dates(x.first_day for x in e),
            "last_day": _dates(x.last_day for x in e),
            "time": pd.array([x.time for x in e], dtype="Int64"),
            "time_source": _category(pd, [x.time_source for x in e], get_args(TimeSource)),
            "participants": [tuple(p.name for p in x.participants) for x in e],
            "place": [x.place for x in e],
            "quantity": [x.quantity for x in e],
            "plover": [x.plover for x in e],
            "mode": [x.mode for x in e],
            "cameo": [x.cameo for x in e],
            "reports": [x.reports for x in e],
        },
        index=pd.RangeIndex(len(e), name="event"),
    )


def timeline_frame(timeline: Timeline) -> Any:
    pd = require("pandas", "Timeline.to_pandas()")
    n = timeline.nodes
    return pd.DataFrame(
        {
            "kind": _category(pd, [x.kind for x in n]),
            "label": [x.label for x in n],
            "date_from": _dates(x.date_from for x in n),
            "date_to": _dates(x.date_to for x in n),
            "date_basis": _category(pd, [x.date_basis for x in n], get_args(DateBasis)),
            "status": _category(pd, [x.status for x in n], get_args(EventStatus)),
            "participants": [x.participants for x in n],
            "place": [x.place for x in n],
            "sources": [x.sources for x in n],
            "mention_count": pd.array([len(x.mentions) for x in n], dtype="int64"),
        },
        index=pd.RangeIndex(len(n), name="node"),
    )


def timeline_graph(timeline: Timeline) -> Any:
    nx = require("networkx", "Timeline.to_networkx()")
    graph = nx.DiGraph()
    for index, node in enumerate(timeline.nodes):
        graph.add_node(
            index,
            kind=node.kind,
            label=node.label,
            date_from=node.date_from,
            date_to=node.date_to,
            date_basis=node.date_basis,
            status=node.status,
            participants=node.participants,
            place=node.place,
            sources=node.sources,
            mentions=node.mentions,
        )
    for edge in timeline.edges:
        if graph.has_edge(edge.from_node, edge.to_node):
            # Sources may relate the same two events in more ways than one; a DiGraph holds one edge per pair.
            data = graph.edges[edge.from_node, edge.to_node]
            data["type"] += "|" + edge.type
            data["reason"] += "\n" + edge.reason
            if edge.basis not in data["basis"].split("|"):
                data["basis"] += "|" + edge.basis
        else:
            graph.add_edge(edge.from_node, edge.to_node, type=edge.type, reason=edge.reason, basis=edge.basis)
    return graph

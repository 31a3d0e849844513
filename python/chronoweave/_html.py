"""Document._repr_html_: the text with its timexes and event triggers marked, details on hover.

Self-contained (inline styles only: notebook viewers that strip <style> elements keep style attributes), escaped, and
well-formed XML, so that the tests can parse it. Spans may overlap (a trigger inside a timex, two triggers on one
word): the text is cut at every span boundary and each piece is marked with every span that covers it.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Document, Event, Timeline, Timex

# Past this many characters (or timeline nodes) only a summary shows: a browser tab chokes on megabytes of marks.
MAX_CHARS = 200_000
MAX_NODES = 2_000

# The colours of the timeline page written by the library (status_colour() in src/output/timeline_views.cpp).
STATUS_COLORS = {
    "occurred": "#2e7d32",
    "planned": "#1565c0",
    "proposed": "#ef6c00",
    "possible": "#8e24aa",
    "negated": "#b71c1c",
    "unknown": "#888888",
}
TIMEX_BACKGROUND = "#fff2a8"
BOX = "font-family: system-ui, sans-serif; font-size: 13px; line-height: 1.6; max-width: 60em"


def _days(first: object, last: object) -> str:
    if first is None:
        return ""
    return f"{first}" if first == last else f"{first} to {last}"


def timex_title(t: Timex) -> str:
    parts = [f"{t.type} {t.value}"]
    if t.mod:
        parts.append(f"mod {t.mod}")
    if (days := _days(t.first_day, t.last_day)) and days != t.value:
        parts.append(days)
    if t.anchor == "publication":
        parts.append("relative to the publication date")
    elif t.anchor == "timex" and t.anchor_timex is not None:
        parts.append(f"relative to timex {t.anchor_timex}")
    elif t.anchor == "event" and t.anchor_event is not None:
        parts.append(f"relative to event {t.anchor_event}")
    return ", ".join(parts)


def event_title(e: Event) -> str:
    parts = [f"{e.kind} ({e.status})"]
    if days := _days(e.first_day, e.last_day):
        parts.append(days)
    if e.participants:
        parts.append("with " + ", ".join(p.name for p in e.participants))
    if e.place:
        parts.append(f"in {e.place}")
    return ", ".join(parts)


def _summary(doc: Document) -> str:
    published = doc.published.isoformat() if doc.published else "no publication date"
    name = f"<b>{escape(doc.id)}</b> · " if doc.id else ""
    return (
        f'<div class="cw-summary" style="color: #475467">{name}{escape(published)} · {len(doc.text)} characters · '
        f"{len(doc.timexes)} timexes · {len(doc.events)} events</div>"
    )


def _legend() -> str:
    items = [f'<mark style="background: {TIMEX_BACKGROUND}; padding: 0 2px">timex</mark>']
    items += [
        f'<span style="border-bottom: 2px solid {color}; margin-left: 0.6em">{status}</span>'
        for status, color in STATUS_COLORS.items()
    ]
    return f'<div class="cw-legend" style="color: #475467; margin-top: 0.4em">{"".join(items)}</div>'


def _counts(title: str, counts: Counter[str]) -> str:
    rows = "".join(f"<tr><td>{escape(k)}</td><td>{n}</td></tr>" for k, n in counts.most_common())
    return f"<table class=\"cw-counts\"><caption>{escape(title)}</caption>{rows}</table>"


def document_html(doc: Document) -> str:
    if len(doc.text) > MAX_CHARS:
        note = (
            f'<div class="cw-note">The text ({len(doc.text)} characters) is too long to show here; '
            "see Document.timexes_frame() and Document.events_frame().</div>"
        )
        tables = _counts("timex types", Counter(t.type for t in doc.timexes))
        tables += _counts("event kinds", Counter(e.kind for e in doc.events))
        return f'<div class="cw-document" style="{BOX}">{_summary(doc)}{note}{tables}</div>'

    # The text is cut at every span start and end; a sweep keeps the spans covering the piece that starts at a cut.
    starting: dict[int, list[tuple[str, int]]] = {}
    ending: dict[int, list[tuple[str, int]]] = {}
    bounds = [("timex", i, t.start, t.end) for i, t in enumerate(doc.timexes)]
    bounds += [("event", i, e.start, e.end) for i, e in enumerate(doc.events)]
    for kind, i, start, end in bounds:
        starting.setdefault(start, []).append((kind, i))
        ending.setdefault(end, []).append((kind, i))
    cuts = sorted({0, len(doc.text), *starting, *ending})
    active: set[tuple[str, int]] = set()
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        active.update(starting.get(start, ()))
        active.difference_update(ending.get(start, ()))  # after: an empty span never covers anything
        covering = sorted(active)
        text = escape(doc.text[start:end], quote=False)
        if not covering:
            pieces.append(text)
            continue
        timexes = [i for kind, i in covering if kind == "timex"]
        events = [i for kind, i in covering if kind == "event"]
        titles = [timex_title(doc.timexes[i]) for i in timexes] + [event_title(doc.events[i]) for i in events]
        style = []
        attributes = []
        if timexes:
            style.append(f"background: {TIMEX_BACKGROUND}")
            attributes.append(f'data-timex="{" ".join(map(str, timexes))}"')
        else:
            style.append("background: none")
        if events:
            style.append(f"border-bottom: 2px solid {STATUS_COLORS[doc.events[events[0]].status]}")
            attributes.append(f'data-event="{" ".join(map(str, events))}"')
        pieces.append(
            f'<mark {" ".join(attributes)} title="{escape(chr(10).join(titles))}" '
            f'style="{"; ".join(style)}; color: inherit; padding: 0">{text}</mark>'
        )
    body = f'<div class="cw-text" style="white-space: pre-wrap">{"".join(pieces)}</div>'
    return f'<div class="cw-document" style="{BOX}">{_summary(doc)}{body}{_legend()}</div>'


def timeline_html(timeline: Timeline) -> str:
    if len(timeline.nodes) <= MAX_NODES:
        # The page in an iframe: its style sheet (body, h1, .date, ...) would otherwise restyle the whole notebook.
        # Line breaks as character references, which HTML and XML parsers both keep (XML turns raw ones to spaces).
        height = min(640, 140 + 90 * len(timeline.nodes))
        return (
            f'<iframe class="cw-timeline" srcdoc="{escape(timeline.to_html()).replace(chr(10), "&#10;")}" '
            f'style="width: 100%; height: {height}px; border: 1px solid #ddd"></iframe>'
        )
    days = sorted(d for n in timeline.nodes for d in (n.date_from, n.date_to) if d is not None)
    span = f"dated from {days[0]} to {days[-1]}" if days else "none of them dated"
    sources = len({s for n in timeline.nodes for s in n.sources})
    summary = (
        f'<div class="cw-summary">{len(timeline.nodes)} events from {sources} sources, {span}; '
        f"{len(timeline.edges)} relations, {len(timeline.contradictions)} contradictions. Too many to lay out here: "
        "see Timeline.to_html() for the full page, or Timeline.to_pandas().</div>"
    )
    tables = _counts("event kinds", Counter(n.kind for n in timeline.nodes))
    tables += _counts("statuses", Counter(n.status for n in timeline.nodes))
    return f'<div class="cw-timeline" style="{BOX}">{summary}{tables}</div>'

"""A typed script over the public API: tests/python/test_api.py checks it with ``mypy --strict`` and runs it.

    python examples/typed_usage.py    # prints the dated events of the example articles and the merged timeline
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import chronoweave as cw

ARTICLES = Path(__file__).resolve().parent / "articles"


def example_articles() -> list[tuple[str, dt.date, str]]:
    index = json.loads((ARTICLES / "index.json").read_text(encoding="utf-8"))
    return [
        ((ARTICLES / a["file"]).read_text(encoding="utf-8"), dt.date.fromisoformat(a["published"]), a["file"])
        for a in index["articles"]
    ]


def dated_events(doc: cw.Document) -> list[tuple[str, str, dt.date | None]]:
    return [(e.kind, e.text, e.first_day) for e in doc.events if e.status == "occurred"]


def main() -> None:
    articles = example_articles()
    docs: list[cw.Document] = cw.extract_many(articles, threads=2)
    for doc in docs:
        values = [t.value for t in doc.timexes if t.type == "DATE"]
        print(f"{doc.id}: {len(doc.timexes)} timexes, dates {', '.join(values[:4])}")
        for kind, trigger, day in dated_events(doc)[:3]:
            print(f"  {kind:<12} {trigger!r:<14} {day.isoformat() if day else '?'}")

    merged: cw.Timeline = cw.timeline(docs)
    copy: cw.Timeline = pickle.loads(pickle.dumps(merged))
    assert copy == merged and copy.to_json() == merged.to_json()
    node: cw.TimelineNode
    for node in merged.nodes[:5]:
        when = node.date_from.isoformat() if node.date_from else "?"
        print(f"{when}  {node.label} ({', '.join(node.sources)})")
    try:
        cw.extract("No date here.", "2025-02-30")
    except cw.InvalidDateError as error:
        print(f"rejected: {error}")
    span: cw.Span = docs[0].timexes[0].span
    print(f"first timex of {docs[0].id!r}: {docs[0].text[span.start : span.end]!r}, {len(span)} characters")


if __name__ == "__main__":
    main()

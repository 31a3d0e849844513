"""pandas and networkx views (the notebook extra). Skipped only where the extra is not installed; the test setup
(scripts/setup) installs it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import chronoweave as cw

pd = pytest.importorskip("pandas", reason="the notebook extra is not installed: pip install .[notebook]")
nx = pytest.importorskip("networkx", reason="the notebook extra is not installed: pip install .[notebook]")

TEXT = (
    "Valdoria and Karesh met in Brenner yesterday. Talks resume on March 24, and envoys meet every week. "
    "The truce held for three days. A summit in 1492 is a legend."
)
STATUSES = ["occurred", "planned", "proposed", "possible", "negated", "unknown"]


def test_timexes_frame_has_one_typed_row_per_timex() -> None:
    doc = cw.extract(TEXT, "2025-03-04")
    frame = doc.timexes_frame()
    assert len(frame) == len(doc.timexes) and frame.index.name == "timex"
    assert list(frame["text"]) == [t.text for t in doc.timexes]
    assert list(frame["value"]) == [t.value for t in doc.timexes]
    assert isinstance(frame["type"].dtype, pd.CategoricalDtype)
    assert list(frame["type"].cat.categories) == ["DATE", "TIME", "DURATION", "SET"]
    assert isinstance(frame["anchor"].dtype, pd.CategoricalDtype)
    for column in ("first_day", "last_day"):
        assert pd.api.types.is_datetime64_dtype(frame[column])
    yesterday = frame[frame["text"] == "yesterday"].iloc[0]
    assert yesterday["first_day"] == pd.Timestamp("2025-03-03") and yesterday["anchor"] == "publication"
    assert frame[frame["type"] == "DURATION"]["first_day"].isna().all()  # "three days" names no fixed stretch
    assert frame[frame["text"] == "1492"]["first_day"].iloc[0] == pd.Timestamp("1492-01-01")


def test_events_frame_has_categories_and_dates() -> None:
    doc = cw.extract(TEXT, "2025-03-04")
    frame = doc.events_frame()
    assert len(frame) == len(doc.events) > 0 and frame.index.name == "event"
    assert list(frame["kind"]) == [e.kind for e in doc.events]
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["status"].cat.categories) == STATUSES
    assert pd.api.types.is_datetime64_dtype(frame["first_day"])
    met = frame[frame["text"] == "met"].iloc[0]
    assert met["first_day"] == pd.Timestamp("2025-03-03") and met["status"] == "occurred"
    assert met["participants"] == tuple(p.name for p in doc.events[int(frame.index[frame["text"] == "met"][0])].participants)
    assert str(frame["time"].dtype) == "Int64"


def test_empty_document_gives_empty_frames_with_the_same_columns() -> None:
    doc = cw.extract("")
    assert len(doc.timexes_frame()) == 0 and "first_day" in doc.timexes_frame().columns
    assert len(doc.events_frame()) == 0 and isinstance(doc.events_frame()["status"].dtype, pd.CategoricalDtype)


@pytest.fixture(scope="module")
def merged() -> cw.Timeline:
    return cw.timeline(
        [
            ("Valdoria and Karesh met in Brenner on March 3, 2025. Talks resume on March 24.", "2025-03-04", "a"),
            ("The envoys of Valdoria and Karesh met in Brenner on Monday, March 3.", "2025-03-05", "b"),
            ("After the talks, Karesh said it would hand over 500 prisoners.", "2025-03-06", "c"),
        ]
    )


def test_timeline_to_pandas(merged: cw.Timeline) -> None:
    frame = merged.to_pandas()
    assert len(frame) == len(merged.nodes) and frame.index.name == "node"
    assert list(frame["label"]) == [n.label for n in merged.nodes]
    assert pd.api.types.is_datetime64_dtype(frame["date_from"]) and pd.api.types.is_datetime64_dtype(frame["date_to"])
    for column in ("kind", "status", "date_basis"):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype)
    assert list(frame["status"].cat.categories) == STATUSES
    for row, node in zip(frame.itertuples(), merged.nodes):
        expected = pd.Timestamp(node.date_from) if node.date_from else pd.NaT
        assert row.date_from == expected or (pd.isna(row.date_from) and node.date_from is None)
        assert row.sources == node.sources and row.mention_count == len(node.mentions)
    assert any(len(s) > 1 for s in frame["sources"])  # the meeting both a and b report


def test_timeline_to_networkx(merged: cw.Timeline) -> None:
    graph = merged.to_networkx()
    assert isinstance(graph, nx.DiGraph)
    assert list(graph.nodes) == list(range(len(merged.nodes)))
    for index, node in enumerate(merged.nodes):
        data = graph.nodes[index]
        assert (data["label"], data["date_from"], data["status"], data["sources"]) == (
            node.label, node.date_from, node.status, node.sources)
    assert graph.number_of_edges() == len(merged.edges) > 0
    for edge in merged.edges:
        assert graph.edges[edge.from_node, edge.to_node] == {
            "type": edge.type, "reason": edge.reason, "basis": edge.basis}


def test_relations_between_the_same_two_nodes_share_one_edge() -> None:
    nodes = (cw.TimelineNode("meeting", "a", dt.date(2025, 3, 3)), cw.TimelineNode("meeting", "b"))
    edges = (cw.TimelineEdge(0, 1, "BEFORE", "x says so"), cw.TimelineEdge(0, 1, "INCLUDES", "y says so"),
             cw.TimelineEdge(0, 1, "BEFORE", "calendar: 2025-03-03 is before 2025-03-04", "calendar"))
    graph = cw.Timeline(nodes, edges).to_networkx()
    assert graph.edges[0, 1] == {"type": "BEFORE|INCLUDES|BEFORE",
                                 "reason": "x says so\ny says so\ncalendar: 2025-03-03 is before 2025-03-04",
                                 "basis": "stated|calendar"}



def test_timeline_plot_draws_every_dated_event_in_its_kind_lane(merged: cw.Timeline, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="the notebook extra is not installed: pip install .[notebook]")
    import matplotlib

    matplotlib.use("Agg")
    ax = merged.plot()
    dated = [n for n in merged.nodes if n.date_from or n.date_to]
    points = [n for n in dated if not (n.date_from and n.date_to and n.date_from != n.date_to)]
    bars = [n for n in dated if n not in points]
    assert len(ax.lines) == len(points) and len(ax.collections) == len(bars)
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(lanes) == sorted({n.kind for n in dated})
    for line, node in zip(ax.lines, points):
        assert lanes[int(line.get_ydata()[0])] == node.kind
    ax.figure.savefig(tmp_path / "timeline.png")
    assert (tmp_path / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(cw.Timeline().plot().lines) == 0

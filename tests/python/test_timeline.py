from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import chronoweave as cw
from chronoweave.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def test_inputs_may_be_documents_or_tuples_and_unnamed_ones_get_their_position() -> None:
    doc = cw.extract("Nothing happened on Tuesday.", "2025-06-04", doc_id="named")
    result = cw.timeline([doc, ("Nothing at all.", dt.date(2025, 6, 5)), ("More of nothing.", None, "third")])
    assert isinstance(result, cw.Timeline)
    assert all(isinstance(n, cw.TimelineNode) for n in result.nodes)
    assert json.loads(result.to_json())["schema"] == "chronoweave.timeline/1"


def test_duplicate_ids_and_bad_inputs_raise_clear_errors() -> None:
    with pytest.raises(cw.DuplicateDocumentIdError, match="'same'"):
        cw.timeline([("a", None, "same"), ("b", None, "same")])
    with pytest.raises(TypeError, match="document 2: expected a Document"):
        cw.timeline([("a", None), 42])  # type: ignore[list-item]
    with pytest.raises(cw.InvalidDateError):
        cw.timeline([("a", "2025-02-30")])
    with pytest.raises(cw.InvalidUtf8Error):
        cw.timeline([(b"caf\xe9", None)])


def test_the_timeline_is_the_same_on_any_number_of_threads() -> None:
    index = json.loads((EXAMPLES / "index.json").read_text(encoding="utf-8"))
    articles = [((EXAMPLES / a["file"]).read_text(encoding="utf-8"), a["published"], a["file"]) for a in index["articles"]]
    one = cw.timeline(articles, threads=1)
    assert len(one.nodes) > 10
    for threads in (2, 5, None):
        assert cw.timeline(articles, threads=threads).to_json() == one.to_json()


def test_an_article_that_fails_is_named_by_its_position_and_threads_must_be_positive() -> None:
    articles = [("Envoys met on Monday.", "2025-06-04"), ("Talks resumed.", "2025-02-30"), ("More talks.", None)]
    for threads in (1, 3):
        with pytest.raises(cw.InvalidDateError, match="^document 2: "):
            cw.timeline(articles, threads=threads)
    with pytest.raises(cw.InvalidUtf8Error, match="^document 3: "):
        cw.timeline([("a", None), ("b", None), (b"caf\xe9", None)], threads=2)
    for bad in (0, -1, 1.5, True, 1025, 2**70):
        with pytest.raises(ValueError, match="threads must be an int from 1 to 1024"):
            cw.timeline([("a", None)], threads=bad)  # type: ignore[arg-type]


def test_empty_timeline_renders() -> None:
    result = cw.timeline([])
    assert len(result) == 0
    assert result.contradictions == ()
    assert result.to_dot().startswith("digraph timeline {")
    html = result.to_html()
    assert html.startswith("<!DOCTYPE html>") and "0 events from 0 sources" in html
    assert "0 events from 0 sources" in result._repr_html_()
    assert repr(result) == "Timeline(nodes=0, edges=0, contradictions=0)"


def test_a_timeline_not_built_by_the_library_says_so_when_rendered() -> None:
    with pytest.raises(ValueError, match="rebuild"):
        cw.Timeline().to_html()


def test_cli_timeline_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    index = str(EXAMPLES / "index.json")
    assert main(["timeline", *files, "--index", index, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "chronoweave.timeline/1"
    for fmt, start in (("dot", "digraph timeline {"), ("html", "<!DOCTYPE html>"), ("table", "")):
        out = tmp_path / f"timeline.{fmt}"
        assert main(["timeline", *files, "--index", index, "--format", fmt, "-o", str(out)]) == 0
        assert out.read_text(encoding="utf-8").startswith(start)
    assert "articles" in (tmp_path / "timeline.table").read_text(encoding="utf-8")
    assert main(["timeline", str(tmp_path / "missing.txt")]) == 2


def test_a_story_told_by_four_reports() -> None:
    reports = [
        ("Delegations of Valdoria and Karesh held talks in Brenner on Monday. The talks lasted four hours.",
         "2025-03-04", "a"),
        ("Valdoria and Karesh met in Brenner on March 3. After the talks, Karesh rejected a ceasefire proposal.",
         "2025-03-06", "b"),
        ("The two sides exchanged 500 prisoners each on Sunday, a week after their talks in Brenner.", "2025-03-10", "c"),
        ("Valdoria and Karesh will meet again in Brenner on March 24, the foreign ministry said on Tuesday.",
         "2025-03-12", "d"),
    ]
    story = cw.timeline(reports)
    first = story.nodes[0]
    assert (first.kind, first.date_from, first.date_to, first.date_basis) == (
        "meeting", dt.date(2025, 3, 3), dt.date(2025, 3, 3), "stated")
    assert first.sources == ("a", "b", "c") and first.place == "Brenner" and first.status == "occurred"
    assert {"Valdoria", "Karesh"} <= set(first.participants)
    assert all(reason for reason in first.merge_reasons)
    by_kind = {n.kind: n for n in story.nodes}
    # Undated, but after the talks and reported by March 6: the relation and the report bound it.
    rejection = by_kind["rejection"]
    assert (rejection.date_basis, rejection.date_from, rejection.date_to) == (
        "inferred", dt.date(2025, 3, 3), dt.date(2025, 3, 6))
    assert by_kind["exchange"].date_from == dt.date(2025, 3, 9)
    planned = [n for n in story.nodes if n.kind == "meeting" and n.status == "planned"]
    assert [n.date_from for n in planned] == [dt.date(2025, 3, 24)]
    order = [n.date_from or dt.date.max for n in story.nodes]
    assert order == sorted(order)
    assert any(e.type == "AFTER" and "after" in story.nodes[e.from_node].mentions[0].sentence.lower()
               for e in story.edges)
    assert story.contradictions == ()
    # An edge says whether a document states it or the calendar gives it; the JSON says the same.
    bases = {e.basis for e in story.edges}
    assert bases == {"stated", "calendar"}
    assert all(e.reason.startswith("calendar:") == (e.basis == "calendar") for e in story.edges)
    assert [e["basis"] for e in json.loads(story.to_json())["edges"]] == [e.basis for e in story.edges]
    assert [e["basis"] for e in story.to_dict()["edges"]] == [e.basis for e in story.edges]


def test_to_dict_is_json_ready_with_str_indices() -> None:
    text = "Делегации встретились. Russia and Ukraine held talks in Istanbul on Friday 🙂."
    story = cw.timeline([(text, "2025-05-17", "ru")])
    data = story.to_dict()
    assert data["schema"] == "chronoweave.timeline/1" and data["offsets"] == "codepoints"
    assert json.loads(json.dumps(data)) == data
    talks = next(n for n in data["nodes"] if n["kind"] == "meeting")
    mention = talks["mentions"][0]
    assert text[mention["start"]:mention["end"]] == mention["text"]
    assert talks["date_from"] == "2025-05-16"
    assert len(data["nodes"]) == len(story.nodes) and len(data["edges"]) == len(story.edges)


def test_edge_inputs_give_a_timeline_or_a_clear_error() -> None:
    assert cw.timeline([("", "2025-05-17"), ("   \n", None)]).nodes == ()
    far = cw.timeline([("Envoys met in Brenner on December 31, 9999.", "9999-12-31", "far")])
    assert all(n.date_from is None or n.date_from.year == 9999 for n in far.nodes)
    last_week = cw.timeline([("Envoys met in Brenner this week.", "9999-12-30", "last week of the calendar")])
    # The week runs into 10000; a meeting already held in it ends by the publication day.
    assert [(n.date_from, n.date_to) for n in last_week.nodes if n.kind == "meeting"] == [
        (dt.date(9999, 12, 27), dt.date(9999, 12, 30))
    ]
    early = cw.timeline([("Envoys met in Brenner yesterday.", "0001-01-02", "early")])
    assert [n.date_from for n in early.nodes if n.kind == "meeting"] == [dt.date(1, 1, 1)]
    with pytest.raises(cw.InvalidDateError):
        cw.timeline([("Envoys met.", "0000-01-01")])
    with pytest.raises(cw.DocumentTooLargeError):
        cw.timeline([(" " * ((64 << 20) + 1), None)])
    with pytest.raises(cw.InvalidUtf8Error):
        cw.timeline([("caf\udce9 talks", None)])
    with pytest.raises(cw.InvalidUtf8Error, match="document 1: doc_id holds a lone surrogate"):
        cw.timeline([("Envoys met.", None, "id\ud800")])


def test_select_keeps_the_chosen_nodes_and_the_edges_among_them(capsys: pytest.CaptureFixture[str]) -> None:
    story = cw.timeline([
        ("Valdoria and Karesh met in Brenner on March 3. After the talks, Karesh rejected a ceasefire. "
         "The two sides will meet again on March 24.", "2025-03-06", "a"),
    ])
    occurred = story.select(status="occurred")
    assert occurred.nodes and all(n.status == "occurred" for n in occurred.nodes)
    assert len(occurred) < len(story)
    assert [n for n in story.nodes if n.status == "occurred"] == list(occurred.nodes)
    # Edges are renumbered into the kept nodes, and the rendered forms show the same nodes.
    assert all(0 <= e.from_node < len(occurred) and 0 <= e.to_node < len(occurred) for e in occurred.edges)
    assert any(e.type == "AFTER" for e in occurred.edges)
    assert len(json.loads(occurred.to_json())["nodes"]) == len(occurred)
    meetings = story.select(kind=["meeting"], status=("occurred", "planned"))
    assert {(n.kind, n.status) for n in meetings.nodes} == {("meeting", "occurred"), ("meeting", "planned")}
    assert len(story.select(kind="nothing")) == 0
    with pytest.raises(ValueError, match="unknown status happened"):
        story.select(status="happened")
    with pytest.raises(TypeError, match="kind must be a str or an iterable of str, not int"):
        story.select(kind=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="status must be a str or an iterable of str"):
        story.select(status=[b"occurred"])  # type: ignore[list-item]
    assert len(story.select(status=[])) == 0
    with pytest.raises(ValueError, match="rebuild"):
        cw.Timeline(nodes=story.nodes).select(status="occurred").to_html()

    files = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    index = str(EXAMPLES / "index.json")
    assert main(["timeline", *files, "--index", index, "--status", "occurred,planned"]) == 0
    table = capsys.readouterr().out
    statuses = {line[32:41].strip() for line in table.splitlines() if line[:1] == "n" and line[1:2].isdigit()}
    assert statuses == {"occurred", "planned"}
    assert main(["timeline", *files, "--index", index, "--status", "done"]) == 2
    assert "unknown status done" in capsys.readouterr().err


def test_notebook_views_colour_statuses_as_the_timeline_page_does() -> None:
    from chronoweave._html import STATUS_COLORS

    html = cw.timeline([("The sides met on Friday.", "2025-05-17")]).to_html()
    page = dict(re.findall(r"\.node\.(\w+)::before\{background:(#[0-9a-f]{6})\}", html))
    assert page and all(STATUS_COLORS[status] == colour for status, colour in page.items())

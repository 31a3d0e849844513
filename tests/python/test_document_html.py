"""Document._repr_html_: parsed as XML (it is well-formed by design) and, where Chromium is installed, in a browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import chronoweave as cw
from chronoweave import _html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TEXT = (
    "Київ 🙂 hosted envoys of Valdoria and Karesh, who met in Brenner yesterday <b>&amp;</b> agreed "
    'to meet again on March 24. "Talks will resume next week," said Ilse Marren. 🕊️ Peace talks failed in 2019.'
)


def parse(doc: cw.Document) -> ET.Element:
    return ET.fromstring(doc._repr_html_())


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def marks(root: ET.Element) -> list[ET.Element]:
    return [m for m in root.iter("mark") if "data-timex" in m.attrib or "data-event" in m.attrib]


def test_text_is_kept_whole_and_every_timex_and_trigger_is_marked() -> None:
    doc = cw.extract(TEXT, "2025-03-04", doc_id="story")
    root = parse(doc)
    body = next(e for e in root.iter("div") if e.get("class") == "cw-text")
    assert text_of(body) == doc.text  # nothing lost, nothing added, escapes undone by the parser
    assert len(doc.timexes) >= 3 and len(doc.events) >= 3
    # Walking the marks in order gives, for every timex and event, exactly the characters of its span.
    position = 0
    covered: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for node in body.iter():
        if node is body:
            position += len(node.text or "")
            continue
        piece = node.text or ""
        for kind in ("timex", "event"):
            for index in node.get(f"data-{kind}", "").split():
                covered.setdefault((kind, int(index)), []).append((position, position + len(piece)))
        position += len(piece) + len(node.tail or "")
    spans = [("timex", i, t.start, t.end, t.text) for i, t in enumerate(doc.timexes)]
    spans += [("event", i, e.start, e.end, e.text) for i, e in enumerate(doc.events)]
    for kind, i, start, end, text in spans:
        pieces = covered[(kind, i)]
        assert (pieces[0][0], pieces[-1][1]) == (start, end)
        assert "".join(doc.text[a:b] for a, b in pieces) == text


def test_hover_titles_give_value_kind_and_status() -> None:
    doc = cw.extract(TEXT, "2025-03-04")
    root = parse(doc)
    for mark in marks(root):
        title = mark.get("title", "")
        for index in mark.get("data-timex", "").split():
            timex = doc.timexes[int(index)]
            assert f"{timex.type} {timex.value}" in title
        for index in mark.get("data-event", "").split():
            event = doc.events[int(index)]
            assert f"{event.kind} ({event.status})" in title
        if "data-event" in mark.attrib:
            first = doc.events[int(mark.get("data-event", "").split()[0])]
            assert f"border-bottom: 2px solid {_html.STATUS_COLORS[first.status]}" in mark.get("style", "")
    yesterday = next(m for m in marks(root) if m.text == "yesterday")
    assert yesterday.get("title") == "DATE 2025-03-03, relative to the publication date"


def test_markup_in_the_text_and_the_id_is_escaped() -> None:
    doc = cw.extract('<script>alert("x")</script> & talks on May 16.', "2025-05-20", doc_id="<img src=x>")
    html = doc._repr_html_()
    assert "<script>" not in html and "<img" not in html
    root = ET.fromstring(html)
    assert {e.tag for e in root.iter()} == {"div", "b", "mark", "span"}
    assert "<img src=x>" in text_of(root)


def test_overlapping_and_empty_spans_are_marked_without_breaking_the_markup() -> None:
    doc = cw.Document(
        text="abcdef",
        timexes=(cw.Timex("bcd", 1, 4, "DATE", "2025"), cw.Timex("", 5, 5, "DATE", "2026")),
        events=(cw.Event("meeting", "cde", 2, 5, status="planned"),),
    )
    root = parse(doc)
    assert [(m.text, m.get("data-timex"), m.get("data-event")) for m in marks(root)] == [
        ("b", "0", None), ("cd", "0", "0"), ("e", None, "0")]


def test_a_very_large_document_shows_a_summary() -> None:
    doc = cw.extract("On May 16, 2025 envoys met. " * (_html.MAX_CHARS // 20), "2025-05-20")
    html = doc._repr_html_()
    assert len(html) < 5000 and "<mark" not in html
    root = ET.fromstring(html)
    assert f"{len(doc.text)} characters" in text_of(root) and "timexes_frame()" in text_of(root)
    assert "DATE" in text_of(root) and "meeting" in text_of(root)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/setup --tests installs it)")
def test_browser_shows_the_marks_with_their_titles(tmp_path: Path) -> None:
    doc = cw.extract(TEXT, "2025-03-04")
    probe = """<script>
const found = [...document.querySelectorAll('mark[title]')].map(m => {
  const r = m.getBoundingClientRect();
  return {text: m.textContent, title: m.title, width: r.width, height: r.height};
});
const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(found);
document.body.appendChild(pre);
</script>"""
    page = tmp_path / "document.html"
    page.write_text(f"<!DOCTYPE html><meta charset=utf-8><body>{doc._repr_html_()}{probe}</body>", encoding="utf-8")
    browser = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1000,800"]
    dom = subprocess.run([*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, "the page did not load or the probe did not run"
    shown = json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    expected = [m for m in marks(parse(doc))]
    assert [s["text"] for s in shown] == [m.text for m in expected]
    assert [s["title"] for s in shown] == [m.get("title") for m in expected]
    assert all(s["width"] > 0 and s["height"] > 0 for s in shown)


def test_timeline_shows_in_an_iframe_and_a_very_large_one_as_a_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    merged = cw.timeline([(TEXT, "2025-03-04", "a"), ("Karesh and Valdoria met again on March 24.", "2025-03-25", "b")])
    frame = ET.fromstring(merged._repr_html_())
    assert frame.tag == "iframe" and frame.get("srcdoc") == merged.to_html()  # the page, isolated from the notebook
    monkeypatch.setattr(_html, "MAX_NODES", len(merged.nodes) - 1)
    html = merged._repr_html_()
    assert "<article" not in html and "Timeline.to_html()" in html
    root = ET.fromstring(html)
    assert f"{len(merged.nodes)} events from 2 sources, dated from 2019-01-01 to 2025-03-24" in text_of(root)
    assert "meeting" in text_of(root) and "occurred" in text_of(root)

"""Events through the Python API and the command line. The sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import chronoweave
from chronoweave.cli import main

TEXT = (
    "On May 16, Kyiv and Moscow held a meeting in Istanbul and agreed to exchange 1,000 prisoners of war each. "
    "Kremlin spokesman Dmitry Peskov said that no new talks were scheduled. "
    "Peskov noted the swap was complex."
)


def _event(doc: chronoweave.Document, text: str) -> chronoweave.Event:
    found = [e for e in doc.events if e.text == text]
    assert len(found) == 1, [e.text for e in doc.events]
    return found[0]


def test_event_fields() -> None:
    doc = chronoweave.extract(TEXT, "2025-05-22")
    meeting = _event(doc, "meeting")
    assert (meeting.kind, meeting.plover, meeting.cameo, meeting.status) == ("meeting", "CONSULT", "040", "occurred")
    assert [(p.name, p.role, p.type) for p in meeting.participants] == [
        ("Ukraine", "side", "state"),
        ("Russia", "side", "state"),
    ]
    kyiv = meeting.participants[0].mention
    assert kyiv is not None and doc.text[kyiv.start : kyiv.end] == "Kyiv"
    assert meeting.place == "Istanbul"
    assert meeting.place_mention is not None and doc.text[meeting.place_mention.start : meeting.place_mention.end] == "Istanbul"
    assert meeting.time is not None and doc.timexes[meeting.time].text == "May 16"
    assert meeting.time_source == "timex"
    assert meeting.first_day == meeting.last_day == dt.date(2025, 5, 16)

    exchange = _event(doc, "exchange")
    assert (exchange.kind, exchange.mode, exchange.status) == ("exchange", "release", "planned")
    assert exchange.quantity == "1,000 prisoners of war each"
    assert exchange.quantity_mention is not None
    assert doc.text[exchange.quantity_mention.start : exchange.quantity_mention.end] == exchange.quantity

    said = _event(doc, "said")
    assert [(p.name, p.role) for p in said.participants] == [("Dmitry Peskov", "speaker")]
    assert said.time_source == "publication" and said.time is None
    assert said.first_day == dt.date(2025, 5, 22)
    assert [doc.events[i].text for i in said.reports] == ["talks"]
    assert _event(doc, "talks").status == "negated"

    noted = _event(doc, "noted")
    assert [p.name for p in noted.participants] == ["Dmitry Peskov"]
    assert [doc.events[i].kind for i in noted.reports] == ["exchange"]

    starts = [e.start for e in doc.events]
    assert starts == sorted(starts)


def test_a_timex_anchored_to_an_event_names_it_and_dates_what_the_report_tells() -> None:
    doc = chronoweave.extract(
        "The ministry announced on Thursday that the border would reopen. "
        "On the night before the ministry’s announcement, the army reported that it had shot down 40 drones.",
        "2025-05-22",
    )
    night = next(t for t in doc.timexes if t.text == "the night")
    assert (night.value, night.anchor, night.anchor_timex) == ("2025-05-21TNI", "event", None)
    assert night.anchor_event is not None and doc.events[night.anchor_event].text == "announcement"
    assert night.to_dict()["anchor_event"] == night.anchor_event
    downed = _event(doc, "shot down")
    assert (downed.time_source, downed.first_day) == ("timex", dt.date(2025, 5, 21))


def test_event_offsets_are_str_indices_after_non_ascii_text() -> None:
    doc = chronoweave.extract("Київ — Moscow and Kyiv met in Geneva. 🙂 Peskov said so.", "2025-05-22")
    met = _event(doc, "met")
    assert doc.text[met.start : met.end] == "met"
    assert met.place_mention is not None and doc.text[met.place_mention.start : met.place_mention.end] == "Geneva"
    for p in met.participants:
        assert p.mention is not None and doc.text[p.mention.start : p.mention.end] in ("Moscow", "Kyiv")


def test_event_to_dict_round_trips_through_json() -> None:
    doc = chronoweave.extract(TEXT, "2025-05-22")
    data = json.loads(doc.to_json())
    meeting = next(e for e in data["events"] if e["text"] == "meeting")
    assert meeting["plover"] == "CONSULT" and meeting["first_day"] == "2025-05-16"
    assert meeting["participants"][0] == {
        "name": "Ukraine",
        "role": "side",
        "type": "state",
        "mention": {"start": meeting["participants"][0]["mention"]["start"],
                    "end": meeting["participants"][0]["mention"]["end"]},
    }
    assert {"kind", "plover", "mode", "cameo", "status", "participants", "place", "place_mention", "quantity",
            "quantity_mention", "time", "time_source", "first_day", "last_day", "reports"} <= set(meeting)


def test_cli_json_prints_events_with_all_fields(tmp_path: Path, capsys: object) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(article), "--published", "2025-05-22", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    kinds = [e["kind"] for e in data["events"]]
    assert kinds == ["meeting", "agreement", "exchange", "statement", "meeting", "statement", "exchange"]
    said = data["events"][3]
    assert said["time_source"] == "publication" and said["first_day"] == "2025-05-22"
    assert said["participants"][0]["name"] == "Dmitry Peskov"
    assert data["events"][2]["quantity"] == "1,000 prisoners of war each"


def test_cli_table_lists_events(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["extract", str(article), "--published", "2025-05-22", "--format", "table", "-o", str(out)]) == 0
    table = out.read_text(encoding="utf-8")
    assert "7 events" in table
    meeting_line = next(line for line in table.splitlines() if line.strip().startswith("meeting") and "Istanbul" in line)
    assert "occurred" in meeting_line and "2025-05-16" in meeting_line and "Ukraine (side)" in meeting_line
    assert any("2025-05-22 (published)" in line and "Dmitry Peskov (speaker)" in line for line in table.splitlines())

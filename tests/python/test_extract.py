from __future__ import annotations

import datetime as dt
import pickle

import pytest

import chronoweave as cw


def test_absolute_date_end_to_end() -> None:
    doc = cw.extract("The talks were held on May 16, 2025.")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [("May 16, 2025", "DATE", "2025-05-16")]
    timex = doc.timexes[0]
    assert timex.first_day == timex.last_day == dt.date(2025, 5, 16)
    assert timex.anchor == "none"


@pytest.mark.parametrize(
    "published", ["2025-05-22", dt.date(2025, 5, 22), dt.datetime(2025, 5, 22, 18, 30)]
)
def test_published_accepts_strings_dates_and_datetimes(published: object) -> None:
    doc = cw.extract("Peskov spoke yesterday.", published)  # type: ignore[arg-type]
    assert doc.published == dt.date(2025, 5, 22)
    assert [t.value for t in doc.timexes] == ["2025-05-21"]
    assert doc.timexes[0].anchor == "publication"


def test_without_publication_date_relative_values_stay_underspecified() -> None:
    doc = cw.extract("They met yesterday and on May 16.")
    assert [t.value for t in doc.timexes] == ["XXXX-XX-XX", "XXXX-05-16"]


def test_offsets_are_str_indices_for_non_ascii_text() -> None:
    text = "Київ 🙂 і Москва: переговори 16 травня. Talks resumed on May 16 — 🕊️ yesterday, said Пєсков."
    doc = cw.extract(text, "2025-05-22", doc_id="uk")
    assert doc.id == "uk"
    assert [t.text for t in doc.timexes] == ["May 16", "yesterday"]
    for t in doc.timexes:
        assert text[t.start : t.end] == t.text
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)


def test_bytes_input_is_decoded_as_utf8() -> None:
    doc = cw.extract("Talks on May 16, 2025 in Київ.".encode(), None)
    assert doc.text == "Talks on May 16, 2025 in Київ."
    assert doc.timexes[0].value == "2025-05-16"


def test_invalid_utf8_and_surrogates_raise_value_errors() -> None:
    with pytest.raises(cw.InvalidUtf8Error, match="byte 6") as bad_bytes:
        cw.extract(b"talks \xff on May 16")
    assert bad_bytes.value.byte_offset == 6
    assert isinstance(bad_bytes.value, ValueError)
    with pytest.raises(cw.InvalidUtf8Error, match="index 3") as bad_str:
        cw.extract("abc\udcffdef")
    assert bad_str.value.index == 3
    with pytest.raises(cw.InvalidUtf8Error, match="doc_id holds a lone surrogate at index 2") as bad_id:
        cw.extract("Talks on May 16.", doc_id="id\ud800")
    assert bad_id.value.index == 2
    assert cw.extract("Talks on May 16.", doc_id="Київ-1").id == "Київ-1"
    with pytest.raises(cw.InvalidDateError, match="not a 'YYYY-MM-DD' date"):
        cw.extract("Talks on May 16.", "2025-05-1\ud800")


@pytest.mark.parametrize("published", ["2025-02-30", "May 16", "", "2025-5-1", "99999-01-01"])
def test_bad_publication_dates_raise(published: str) -> None:
    with pytest.raises(cw.InvalidDateError):
        cw.extract("text", published)


def test_years_0_and_10000_are_valid_in_values_but_not_in_python_dates() -> None:
    # datetime.date starts at year 1: a publication date in year 0 is refused, and a timex there has no days.
    with pytest.raises(cw.InvalidDateError, match="before year 1"):
        cw.extract("text", "0000-06-01")
    (timex,) = cw.extract("It was the year 0.", "2025-05-22").timexes
    assert (timex.value, timex.first_day, timex.last_day) == ("0000", None, None)
    assert cw.timex_interval("0000") is None
    assert cw.timex_interval("0001") == (dt.date(1, 1, 1), dt.date(1, 12, 31))
    # ... nor past 9999: the ISO week 9999-W52 ends on 10000-01-02.
    (week,) = cw.extract("It happened this week.", "9999-12-30").timexes
    assert (week.value, week.first_day, week.last_day) == ("9999-W52", None, None)
    assert cw.timex_interval("9999-W52") is None


def test_documents_past_the_size_limit_raise() -> None:
    with pytest.raises(cw.DocumentTooLargeError, match="exceeds the limit of 67108864"):
        cw.extract(b" " * (64 * 2**20 + 1))


def test_wrong_argument_types_raise_type_errors() -> None:
    with pytest.raises(TypeError, match="text must be str"):
        cw.extract(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="published must be"):
        cw.extract("text", 20250516)  # type: ignore[arg-type]


def test_empty_and_whitespace_text() -> None:
    assert cw.extract("").timexes == ()
    assert cw.extract(" \n\t ").sentences == ()


def test_documents_pickle_compare_and_serialize() -> None:
    doc = cw.extract("Talks between June 20 and June 30 were proposed on Monday.", "2025-06-03")
    assert pickle.loads(pickle.dumps(doc)) == doc
    data = doc.to_dict()
    assert data["schema"] == "chronoweave.document/1"
    assert [t["value"] for t in data["timexes"]] == ["2025-06-20", "2025-06-30", "2025-06-02"]
    assert data["ranges"] == [{"start": 0, "end": 1}]
    assert doc.to_json() == cw.extract(doc.text, "2025-06-03").to_json()
    assert "timexes=3" in repr(doc)


def test_timex_interval() -> None:
    assert cw.timex_interval("2025-W21") == (dt.date(2025, 5, 19), dt.date(2025, 5, 25))
    assert cw.timex_interval("P3Y") is None


def test_to_timeml_round_trips_through_the_text() -> None:
    xml = cw.to_timeml("Talks on May 16 & <later> yesterday.", "2025-05-22", doc_id="d1")
    assert "<DOCID>d1</DOCID>" in xml
    assert '<TIMEX3 tid="t1" type="DATE" value="2025-05-16">May 16</TIMEX3> &amp; &lt;later&gt;' in xml
    with pytest.raises(cw.ChronoweaveError, match="U[+]0001"):
        cw.to_timeml("a\x01b")


def test_events_false_finds_the_same_timexes_and_no_events() -> None:
    text = (
        "Envoys of Valdoria and Karesh met in Geneva on Tuesday and agreed to talk again between June 20 and June 30.\n"
        "The ministers said last week that a ceasefire signed on 3 March 2024 would hold for two years."
    )
    full = cw.extract(text, "2025-06-05", doc_id="talks")
    timexes_only = cw.extract(text, "2025-06-05", doc_id="talks", events=False)
    assert full.events and full.ranges and len(full.timexes) >= 5
    assert timexes_only.events == ()
    assert (timexes_only.sentences, timexes_only.timexes, timexes_only.ranges) == (
        full.sentences,
        full.timexes,
        full.ranges,
    )
    assert (timexes_only.id, timexes_only.published, timexes_only.text) == (full.id, full.published, full.text)
    assert cw.extract_many([(text, "2025-06-05", "talks"), (text, "2024-01-01")], events=False, threads=2) == [
        timexes_only,
        cw.extract(text, "2024-01-01", events=False),
    ]
    with pytest.raises(TypeError, match="events must be bool"):
        cw.extract(text, events=0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="events must be bool"):
        cw.extract_many([text], events=None)  # type: ignore[arg-type]


def test_range_ends_share_a_stated_year_and_durations_are_written_in_whole_smaller_units() -> None:
    doc = cw.extract(
        "Fighting lasted from June to August 1944; the crossing took 1.5 hours, the march 2 days 6 hours, "
        "and a fuse 0.5 seconds.",
        "2009-12-19",
    )
    assert [(t.text, t.value) for t in doc.timexes] == [
        ("June", "1944-06"),
        ("August 1944", "1944-08"),
        ("1.5 hours", "PT1H30M"),
        ("2 days 6 hours", "P2DT6H"),
        ("0.5 seconds", "PT0.5S"),
    ]
    june = doc.timexes[0]
    assert (june.first_day, june.last_day) == (dt.date(1944, 6, 1), dt.date(1944, 6, 30))
    assert june.anchor == "none"
    assert [(doc.timexes[r.start].text, doc.timexes[r.end].text) for r in doc.ranges] == [("June", "August 1944")]


def test_a_clock_time_beside_a_day_falls_on_that_day() -> None:
    doc = cw.extract("The envoys will meet Friday at 3 p.m. and leave two hours later.", "2025-03-06")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "2025-03-07"),
        ("3 p.m.", "TIME", "2025-03-07T15:00"),
        ("two hours", "DURATION", "PT2H"),
    ]
    assert (doc.timexes[1].anchor, doc.timexes[1].anchor_timex) == ("timex", 0)
    aside = cw.extract("The quake struck at 10:35 a.m. (0835 GMT) Tuesday.", "2025-03-06")
    assert [(t.text, t.value) for t in aside.timexes] == [("10:35 a.m.", "2025-03-04T10:35"), ("Tuesday", "2025-03-04")]


def test_a_weekday_beside_a_date_restates_it_and_a_deferral_looks_ahead() -> None:
    doc = cw.extract("The final airs Friday (May 16). The court postponed until Tuesday its ruling.", "2025-05-08")
    assert [(t.text, t.value, t.anchor) for t in doc.timexes] == [
        ("Friday", "2025-05-16", "timex"),
        ("May 16", "2025-05-16", "publication"),
        ("Tuesday", "2025-05-13", "publication"),
    ]


def test_a_winter_is_named_by_the_year_of_its_january() -> None:
    winter = cw.extract("Snow has closed the pass this winter.", "2014-01-29").timexes[0]
    assert (winter.value, winter.first_day, winter.last_day) == ("2014-WI", dt.date(2013, 12, 1), dt.date(2014, 2, 28))


def test_parts_of_named_days_schedules_and_counted_stretches() -> None:
    night = cw.extract("The guard was shot on the night of Oct. 23 and found the next day.", "1999-05-05").timexes[0]
    assert (night.text, night.type, night.value, night.first_day) == (
        "the night of Oct. 23", "TIME", "1998-10-23TNI", dt.date(1998, 10, 23)
    )
    # 2013-04-11 is a Thursday.
    text = "The show opens Friday and runs for three straight days. He left last Saturday night."
    doc = cw.extract(text, "2013-04-11")
    assert [(t.text, t.value) for t in doc.timexes] == [
        ("Friday", "2013-04-12"),
        ("three straight days", "P3D"),
        ("last Saturday night", "2013-04-06TNI"),
    ]
    text = "The fort fell on 14 July 1789. That afternoon the crowd left, as it had since 1780."
    story = cw.extract(text, "2009-12-19")
    assert [(t.text, t.value) for t in story.timexes] == [
        ("14 July 1789", "1789-07-14"), ("That afternoon", "1789-07-14TAF"), ("1780", "1780")
    ]
    european = cw.extract("Museum trip on 27.03.15 at 10.12.15.1", "2015-03-28")
    assert [t.value for t in european.timexes] == ["2015-03-27"]


def test_early_hours_fortnights_the_decade_easter_and_the_week_before_last() -> None:
    # 2026-11-20 is a Friday of ISO week 47; Nov. 3 is in week 45.
    text = (
        "Drones struck in the early hours of Tuesday, a fortnight after Nov. 3. "
        "In 1995 growth slowed; by the end of the decade it had stopped."
    )
    doc = cw.extract(text, "2026-11-20")
    assert [(t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("the early hours of Tuesday", "TIME", "2026-11-17TMO", ""),
        ("a fortnight", "DATE", "2026-W47", ""),
        ("Nov. 3", "DATE", "2026-11-03", ""),
        ("1995", "DATE", "1995", ""),
        ("the end of the decade", "DATE", "199", "END"),
    ]
    easter = cw.extract("A truce from Good Friday to Orthodox Easter.", "2024-03-20").timexes
    assert [(t.text, t.value) for t in easter] == [("Good Friday", "2024-03-29"), ("Orthodox Easter", "2024-05-05")]
    half = cw.extract("The war began two and a half years ago.", "2026-03-20").timexes
    assert [(t.text, t.value) for t in half] == [("two and a half years ago", "2023")]
    before_last = cw.extract("They met the week before last.", "2026-11-20").timexes
    assert [(t.text, t.value, t.first_day) for t in before_last] == [
        ("the week before last", "2026-W45", dt.date(2026, 11, 2))
    ]
    early = doc.timexes[0]
    assert (early.first_day, early.last_day) == (dt.date(2026, 11, 17), dt.date(2026, 11, 17))


def test_a_count_before_an_event_not_dated_is_the_stretch() -> None:
    doc = cw.extract("Banks must wait at least 30 days before closing a deal.", "2025-03-04")
    assert [(t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("at least 30 days", "DURATION", "P30D", "EQUAL_OR_MORE")
    ]
    story = cw.extract("The port fell in May 1940. Two years before, it had been rebuilt.", "2025-03-04")
    assert [(t.text, t.value) for t in story.timexes] == [("May 1940", "1940-05"), ("Two years", "1938")]


def test_dates_before_the_common_era_have_values_but_no_python_days() -> None:
    timex = cw.extract("The army landed at Marathon in 490 BC.", "2009-12-19").timexes[0]
    assert (timex.value, timex.first_day, timex.last_day) == ("BC0490", None, None)
    assert cw.timex_interval("BC0490") is None
    assert cw.timex_interval("BC") is None


@pytest.mark.parametrize(
    "text",
    [
        "A 50-year-old man was hurt.",
        "They freed 1,000 prisoners and 1.000 more, over 620 miles.",
        "For details call 555-2014 or 1-800-555-2019.",
        "Karlov won 3-1 at home.",
        "The talks may resume; crowds march in the square.",
    ],
)
def test_ages_counts_phone_numbers_scores_and_verbs_are_not_timexes(text: str) -> None:
    assert cw.extract(text, "2025-05-22").timexes == ()

"""Property tests: any text and any publication date give a well-formed document or one of the documented errors."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import chronoweave as cw

# The TIMEX3 values chronoweave writes (tests/support/document_invariants.hpp checks the same in C++). Counts have
# at most seven digits: larger ones are documented to stay untagged.
TIMEX3_VALUE = re.compile(
    r"""
    [0-9]{2,3}
    | BC(?:[0-9]{2}|[0-9]{4}(?:-(?:0[1-9]|1[0-2]|SP|SU|FA|WI))?)
    | (?:[0-9]{4}|XXXX)
    (?: -(?:SP|SU|FA|WI)
      | -W(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)(?:-(?:[1-7]|WE))?
      | -Q[1-4] | -H[12]
      | -(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12][0-9]|3[01]|XX))? )?
    (?:T(?:MO|AF|EV|NI|DT|(?:[01][0-9]|2[0-4]):[0-5][0-9](?::[0-5][0-9])?))?
    | P(?:[0-9]{1,7}(?:\.[0-9]{1,9})?|X)(?:Y|M|WE|W|DE|D|CE|Q|H)
    | PT(?:[0-9]{1,7}(?:\.[0-9]{1,9})?|X)[HMS]
    | P(?=[0-9]|T[0-9])(?:[0-9]{1,7}Y)?(?:[0-9]{1,7}M)?(?:[0-9]{1,7}D)?
      (?:T(?=[0-9])(?:[0-9]{1,7}H)?(?:[0-9]{1,7}M)?(?:[0-9]{1,7}S)?)?
    | (?:PRESENT|PAST|FUTURE)_REF
    """,
    re.VERBOSE,
)

# Words and shapes the rules match, so random texts reach the grammar and anchoring rather than only the tokenizer.
PIECES = [
    "May", "16", "16,", "2025", "May 16, 2025", "yesterday", "Thursday", "last", "next", "week", "ago", "years",
    "days", "the", "year", "the year 1", "between", "and", "every", "twice a week", "spring", "the third quarter",
    "half", "1990s", "20th century", "at 15:30", "p.m.", "this morning", "the following day", "about", "over",
    "5/16/2025", "2025-05-16", "16.05.2025", "27.03.15", "10.12.15.1", "99999999999999999999", "10,000", "\r\n",
    "\n", "\r", "&nbsp;", "Easter", "Orthodox Easter", "fortnight", "the early hours of", "and a half", "before last",
    "the decade", "H2", "'90s",
    "\u00a0", "\u2028", "Київ", "🙂", "\x00", "\x01", "\ufffe",
]
piece_texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(" ".join)
# Surrogates are left out by st.text(); texts with them are generated on purpose below.
any_texts = st.one_of(piece_texts, st.text(max_size=200))

iso_like = st.builds(
    lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
    st.integers(min_value=0, max_value=10000),
    st.integers(min_value=0, max_value=13),
    st.integers(min_value=0, max_value=32),
)
publication_dates = st.one_of(
    st.none(), st.dates(), st.datetimes(), iso_like, st.text(max_size=12), st.sampled_from(["0000-01-01", "9999-12-31"])
)


def accepted_publication(published: object) -> bool:
    """Whether extract() takes this publication date (documented: a real day as YYYY-MM-DD, date or datetime)."""
    if published is None or isinstance(published, dt.date):
        return True
    assert isinstance(published, str)
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", published) or published.startswith("0000"):
        return False
    try:
        dt.date.fromisoformat(published)
    except ValueError:
        return False
    return True


def check_document(doc: cw.Document, text: str) -> None:
    assert doc.text == text
    previous_end = 0
    for s in doc.sentences:
        assert previous_end <= s.start < s.end <= len(text)
        previous_end = s.end
    previous_end = 0
    for index, t in enumerate(doc.timexes):
        assert previous_end <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert TIMEX3_VALUE.fullmatch(t.value), t.value
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert (t.first_day is None) == (t.last_day is None)
        if t.first_day is not None and t.last_day is not None:
            assert t.first_day <= t.last_day
        if t.anchor_timex is not None:
            # An anchor may come later ("the day before May 16"), but a chain of anchors ends.
            assert 0 <= t.anchor_timex < len(doc.timexes) and t.anchor_timex != index
            seen, at = {index}, doc.timexes[t.anchor_timex]
            while at.anchor_timex is not None:
                assert at.anchor_timex not in seen
                seen.add(at.anchor_timex)
                at = doc.timexes[at.anchor_timex]
        assert (t.anchor == "event") == (t.anchor_event is not None)
        if t.anchor_event is not None:
            assert 0 <= t.anchor_event < len(doc.events)
        previous_end = t.end
    for r in doc.ranges:
        assert 0 <= r.start < r.end < len(doc.timexes)


@settings(max_examples=200, deadline=None)
@given(text=any_texts, published=publication_dates)
def test_any_text_and_date_give_a_document_or_a_documented_error(text: str, published: object) -> None:
    try:
        doc = cw.extract(text, published)  # type: ignore[arg-type]
    except cw.InvalidDateError:
        assert not accepted_publication(published)
        return
    assert accepted_publication(published)
    check_document(doc, text)
    assert doc.to_json() == cw.extract(text, published).to_json()  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(
    before=any_texts, surrogate=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), after=st.text(max_size=20)
)
def test_text_with_a_lone_surrogate_raises_invalid_utf8(before: str, surrogate: str, after: str) -> None:
    text = before + surrogate + after
    try:
        cw.extract(text, "2025-05-22")
    except cw.InvalidUtf8Error as e:
        assert e.index == len(before)
    else:
        raise AssertionError("no InvalidUtf8Error")


@settings(max_examples=200, deadline=None)
@given(data=st.one_of(st.binary(max_size=200), piece_texts.map(str.encode)))
@example(data=b"0.1week")  # a fraction of a week in whole hours and minutes, PT16H48M
def test_any_bytes_give_a_document_or_invalid_utf8(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        expected_offset: int | None = e.start
    else:
        expected_offset = None
    try:
        doc = cw.extract(data, "2025-05-22")
    except cw.InvalidUtf8Error as e:
        assert e.byte_offset == expected_offset
        return
    assert expected_offset is None
    check_document(doc, text)


@settings(max_examples=100, deadline=None)
@given(text=piece_texts, published=st.one_of(st.none(), st.dates()))
def test_timeml_output_reads_back_or_refuses_a_character_xml_cannot_hold(text: str, published: dt.date | None) -> None:
    try:
        xml = cw.to_timeml(text, published)
    except cw.ChronoweaveError as e:
        assert "XML 1.0 has no way to represent" in str(e)
        assert any((ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" for c in text)
        return
    doc = cw.extract(text, published)
    assert xml.count("<TIMEX3 ") == len(doc.timexes) + (published is not None)

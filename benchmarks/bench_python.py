"""Throughput of chronoweave.extract through the Python API, and the cost of the Python layer per call, for full
extraction and for temporal expressions only (events=False).

The corpus is the one chronoweave_bench writes with --dump-corpus (the example articles and the shared TimeML
corpora), replicated to --target-mb as the C++ benchmark does.

Per-call overhead on one article (by default the 1.8 KB examples/articles/01_first_talks.txt) is measured by
timing, call by call in the same process:
  native   Extractor::extract() in C++, from `chronoweave_bench --single` (the native work alone);
  _core    chronoweave._core.extract(str, published, id): the binding (UTF-8 of the str, argument conversion,
           GIL release, offsets to str indices, the frozen dataclasses of model.py) around the same native work;
  extract  chronoweave.extract(str, published): the public function (argument checks) around _core.
The overhead of the Python layer is extract minus native; the table also splits it into binding (_core - native)
and wrapper (extract - _core). Each figure is the median of several samples of many calls.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import chronoweave as cw
from chronoweave import _core


MODES = [("cw.extract", True), ("cw.extract(events=False)", False)]


def load_corpus(path: Path) -> list[tuple[str, str | None, str]]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append((d["id"], d["published"], d["text"]))
    return docs


def replicate(docs: list[tuple[str, str | None, str]], target_mb: float) -> list[tuple[str, str | None, str]]:
    unique_bytes = sum(len(text.encode("utf-8")) for _, _, text in docs)
    copies = max(1, -(-int(target_mb * 1e6) // max(unique_bytes, 1)))
    return [(f"{i}#{c}", p, t) for c in range(copies) for i, p, t in docs]


def throughput(
    docs: list[tuple[str, str | None, str]], runs: int, events: bool
) -> tuple[float, float, int, list[float]]:
    total_bytes = sum(len(text.encode("utf-8")) for _, _, text in docs)
    timexes = sum(len(cw.extract(text, p, doc_id=i, events=events).timexes) for i, p, text in docs)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for doc_id, published, text in docs:
            cw.extract(text, published, doc_id=doc_id, events=events)
        times.append(time.perf_counter() - start)
    t = statistics.median(times)
    return total_bytes / 1e6 / t, len(docs) / t, timexes, times


def sample_us(fn, calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls * 1e6


def native_sample_us(bench: Path, article: Path, published: str, calls: int, events: bool) -> float:
    command = [str(bench), "--single", str(article), "--published", published, "--runs", "1", "--calls", str(calls)]
    if not events:
        command.append("--timexes-only")
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    match = re.search(r"median ([0-9.]+) us per call", out)
    if not match:
        raise RuntimeError(f"unexpected output of {bench}: {out!r}")
    return float(match.group(1))


def per_call(
    bench: Path, article: Path, published: str, samples: int, calls: int, events: bool
) -> tuple[float, float, float]:
    """Medians of native, _core and public per-call times, sampled in interleaved rounds so that a change in the
    machine's load during the measurement hits the three alike."""
    text = article.read_text(encoding="utf-8")
    core_call = lambda: _core.extract(text, published, "", events)  # noqa: E731
    full_call = lambda: cw.extract(text, published, events=events)  # noqa: E731
    core_call(), full_call()
    native, core, full = [], [], []
    for _ in range(samples):
        native.append(native_sample_us(bench, article, published, calls, events))
        core.append(sample_us(core_call, calls))
        full.append(sample_us(full_call, calls))
    return statistics.median(native), statistics.median(core), statistics.median(full)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="JSON lines from chronoweave_bench --dump-corpus")
    parser.add_argument("--bench", type=Path, required=True, help="the chronoweave_bench executable")
    parser.add_argument("--article", type=Path, default=Path("examples/articles/01_first_talks.txt"))
    parser.add_argument("--published", default="2025-03-04")
    parser.add_argument("--target-mb", type=float, default=32)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    unique = load_corpus(args.corpus)
    docs = replicate(unique, args.target_mb)
    mb = sum(len(t.encode("utf-8")) for _, _, t in docs) / 1e6
    print(f"python {sys.version.split()[0]}, chronoweave {cw.__version__}")
    print(f"corpus: {len(unique)} documents from {args.corpus}, replicated to {len(docs)} documents, {mb:.1f} MB; "
          f"{args.runs} timed passes after one warm-up pass")
    print(f"\n{'stage':<28} {'MB/s':>8} {'docs/s':>10} {'median s':>9} {'min s':>8} {'max s':>8} {'items':>10}")
    for name, events in MODES:
        mbps, docs_per_s, timexes, times = throughput(docs, args.runs, events)
        print(f"{name:<28} {mbps:8.2f} {docs_per_s:10.0f} {statistics.median(times):9.3f} {min(times):8.3f} "
              f"{max(times):8.3f} {timexes:>10} timexes")

    text = args.article.read_text(encoding="utf-8")
    data = text.encode("utf-8")
    calls = 2000
    samples = max(args.runs, 5)
    n_timexes = len(cw.extract(text, args.published).timexes)
    for name, events in MODES:
        native, core, full = per_call(args.bench, args.article, args.published, samples, calls, events)
        print(f"\n{name}: per call on {args.article} ({len(data)} bytes, {n_timexes} timexes), median of {samples} "
              f"interleaved samples of {calls} calls:")
        print(f"  native Extractor::extract   {native:8.2f} us")
        print(f"  _core.extract               {core:8.2f} us   binding overhead {core - native:+7.2f} us")
        print(f"  chronoweave.extract         {full:8.2f} us   wrapper overhead {full - core:+7.2f} us")
        print(f"  Python overhead per call    {full - native:8.2f} us   (chronoweave.extract - native)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed-up of chronoweave.extract_many from 1 to more native threads.

The documents are the bundled example articles (examples/articles, with their publication dates), repeated to
--documents documents under distinct ids. For each thread count the script times, on the same documents:
  extract_many   the public function: argument checks and UTF-8 encoding, then _core.extract_many;
  _core          chronoweave._core.extract_many alone: native extraction on the threads, the Document objects of
                 model.py built under the GIL by the calling thread meanwhile.
Each figure is the median of --runs runs; the speed-up is the 1-thread median over the N-thread median. "cpu/wall" is
the CPU time of all the process's threads over the wall-clock time of extract_many: near N when N threads got N cores.
Other load on the machine counts: when it keeps the cores busy, the threads wait for a core and the speed-up shrinks,
which cpu/wall shows. With Linux's autogroup scheduling (/proc/sys/kernel/sched_autogroup_enabled = 1) a busy
machine gives each session one share of the CPUs however many threads it runs: cpu/wall then stays at that share
for every thread count, and only an otherwise idle machine shows the speed-up.

    python benchmarks/bench_extract_many.py --documents 3000 --threads 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import chronoweave as cw
from chronoweave import _core

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def corpus(documents: int) -> list[tuple[str, str, str]]:
    index = json.loads((ARTICLES / "index.json").read_text(encoding="utf-8"))
    articles = [((ARTICLES / a["file"]).read_text(encoding="utf-8"), a["published"]) for a in index["articles"]]
    return [(text, published, f"doc{i}") for i, (text, published) in enumerate(articles[i % len(articles)] for i in range(documents))]


def median_seconds(run: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock seconds of `run`, and the median CPU seconds of every thread of the process meanwhile."""
    run()  # warm-up: the extractor's tables are built on first use
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    docs = corpus(args.documents)
    native_inputs = [(text.encode("utf-8"), published, doc_id) for text, published, doc_id in docs]
    megabytes = sum(len(data) for data, _, _ in native_inputs) / 1e6
    print(f"{len(docs)} documents, {megabytes:.1f} MB; {os.cpu_count()} CPUs; median of {args.runs} runs")
    print(f"{'threads':>7}  {'extract_many s':>14}  {'speed-up':>8}  {'cpu/wall':>8}  {'_core s':>8}  {'speed-up':>8}")
    baseline: tuple[float, float] | None = None
    for threads in args.threads:
        public, public_cpu = median_seconds(lambda: cw.extract_many(docs, threads=threads), args.runs)
        native, _ = median_seconds(lambda: list(_core.extract_many(native_inputs, threads)), args.runs)
        baseline = baseline or (public, native)
        print(
            f"{threads:>7}  {public:>14.3f}  {baseline[0] / public:>7.2f}x  {public_cpu / public:>8.2f}"
            f"  {native:>8.3f}  {baseline[1] / native:>7.2f}x"
        )


if __name__ == "__main__":
    main()
